// The item-master fields beyond the core item: read the full item, change the extension fields (lots,
// planning, accounting, logistics), alternative items and per-warehouse planning overrides.
import { Dec, decText, parseDecimal } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import {
  MASTER_FIELD_NAMES,
  type MasterChanges,
  type MasterFields,
  checkMasterFields,
  planningOf,
} from '../../domain/items/fields.js';
import {
  PLANNING_QTY_FIELDS,
  type PlanningQtyField,
  checkPlanning,
  effectivePlanning,
} from '../../domain/items/planning.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { findWarehouse } from '../places/warehouse.repository.js';
import { type SiteScope, requireWarehouseInScope, scopeOf } from '../site-scope.js';
import { findItem, selectExistingItemIds, updateItemMasterColumns } from './item.repository.js';
import { type ItemView, itemView } from './item.service.js';
import { findItemClass } from './coding.repository.js';
import { findLotClass, findSerialClass } from './lot.repository.js';
import {
  replaceAlternatives,
  replaceWarehousePlanning,
  selectAlternatives,
  selectWarehousePlanning,
} from './master-fields.repository.js';

export interface WarehousePlanningView {
  warehouseId: string;
  minStock: string | null;
  maxStock: string | null;
  reorderPoint: string | null;
  reorderLot: string | null;
  minReorderQuantity: string | null;
  supplyLeadDays: number | null;
  standardCost: string | null;
}
export interface MasterItemView {
  item: ItemView;
  master: MasterFields;
  alternatives: { itemId: string; code: string; description: string }[];
  warehousePlanning: WarehousePlanningView[];
}

const n = (v: string | null) => (v === null ? null : decText(new Dec(v)));

const NUMERIC_MASTER = new Set([
  'minStock',
  'maxStock',
  'reorderPoint',
  'reorderLot',
  'minReorderQuantity',
  'netWeight',
  'grossWeight',
]);

/** The item-master columns of an items row, numerics in canonical decimal text. */
export function masterView(r: Record<string, unknown>): MasterFields {
  return Object.fromEntries(
    MASTER_FIELD_NAMES.map((k) => {
      const v = r[k];
      return [k, NUMERIC_MASTER.has(k) && v !== null && v !== undefined ? decText(new Dec(v as string)) : v];
    }),
  ) as unknown as MasterFields;
}

/** Codes and ids the extension fields refer to must exist (clear errors before the foreign keys fire). */
export async function checkMasterReferences(trx: Tx, m: MasterFields): Promise<void> {
  const missing = (value: string, field: keyof MasterFields, what: string) =>
    new DomainError('reference.unknown', `${what} ${value} does not exist`, { field: `master.${field}` });
  if (m.itemClass !== null && !(await findItemClass(trx, m.itemClass)))
    throw missing(m.itemClass, 'itemClass', 'item class');
  if (m.lotClass !== null && !(await findLotClass(trx, m.lotClass))) throw missing(m.lotClass, 'lotClass', 'lot class');
  if (m.serialClass !== null && !(await findSerialClass(trx, m.serialClass)))
    throw missing(m.serialClass, 'serialClass', 'serial class');
  if (m.preferredWarehouseId !== null && !(await findWarehouse(trx, m.preferredWarehouseId)))
    throw missing(m.preferredWarehouseId, 'preferredWarehouseId', 'warehouse');
}

/** The item with the planning overrides of the warehouses in the scope (another site's are not shown). */
async function loadMasterItem(trx: Tx, id: string, scope: SiteScope): Promise<MasterItemView> {
  const row = found(await findItem(trx, id), `item ${id}`);
  const alternatives = await selectAlternatives(trx, id);
  const wp = await selectWarehousePlanning(trx, id, scope);
  return {
    item: itemView(row),
    master: masterView(row),
    alternatives,
    warehousePlanning: wp.map((w) => ({
      warehouseId: w.warehouseId,
      minStock: n(w.minStock),
      maxStock: n(w.maxStock),
      reorderPoint: n(w.reorderPoint),
      reorderLot: n(w.reorderLot),
      minReorderQuantity: n(w.minReorderQuantity),
      supplyLeadDays: w.supplyLeadDays,
      standardCost: n(w.standardCost),
    })),
  };
}

export async function getMasterItem(ctx: ServiceContext, actor: Actor, id: string): Promise<MasterItemView> {
  requireRole(actor, 'counter');
  return loadMasterItem(ctx.db, id, scopeOf(actor));
}

/** Changes extension fields; the couplings with the item's lot/serial management are re-checked on the merge. */
export async function updateMasterFields(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: MasterChanges,
): Promise<MasterItemView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const row = found(await findItem(trx, id, true), `item ${id}`);
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as MasterChanges;
    const merged = checkMasterFields({ ...masterView(row), ...set }, row, new Set(Object.keys(set)));
    await checkMasterReferences(trx, merged);
    await updateItemMasterColumns(trx, id, { ...merged, updatedAt: ctx.now() });
    return loadMasterItem(trx, id, scopeOf(actor));
  });
}

/** Replaces the alternative items (in the order given). */
export async function setAlternatives(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  alternativeIds: string[],
): Promise<MasterItemView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    found(await findItem(trx, id, true), `item ${id}`);
    const unique = [...new Set(alternativeIds)];
    if (unique.includes(id))
      throw new DomainError('validation.failed', 'an item cannot be its own alternative', {
        field: 'alternativeItemIds',
      });
    const known = new Set(await selectExistingItemIds(trx, unique));
    const missing = unique.find((a) => !known.has(a));
    if (missing)
      throw new DomainError('reference.unknown', `item ${missing} does not exist`, {
        field: `alternativeItemIds.${alternativeIds.indexOf(missing)}`,
      });
    await replaceAlternatives(trx, id, unique);
    return loadMasterItem(trx, id, scopeOf(actor));
  });
}

export type WarehousePlanningInput = Partial<Record<PlanningQtyField | 'standardCost', string | null>> & {
  supplyLeadDays?: number | null | undefined;
};

/** Sets (or with every value null, removes) the planning override of one warehouse; null inherits the item. */
export async function setWarehousePlanning(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  warehouseId: string,
  input: WarehousePlanningInput,
): Promise<MasterItemView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const row = found(await findItem(trx, id, true), `item ${id}`);
    await requireWarehouseInScope(trx, scopeOf(actor), warehouseId);
    const values: Record<string, string | null> = {};
    for (const k of [...PLANNING_QTY_FIELDS, 'standardCost'] as const) {
      const v = input[k];
      if (v === undefined || v === null) {
        values[k] = null;
        continue;
      }
      const d = parseDecimal(v, k);
      if (d.lt(0)) throw new DomainError('validation.failed', `${k} must not be negative`, { field: k });
      values[k] = decText(d);
    }
    const lead = input.supplyLeadDays ?? null;
    if (lead !== null && (!Number.isInteger(lead) || lead < 0 || lead > 3650))
      throw new DomainError('validation.failed', 'supplyLeadDays must be 0–3650', { field: 'supplyLeadDays' });
    const override = Object.fromEntries(PLANNING_QTY_FIELDS.map((k) => [k, values[k] ? new Dec(values[k]) : null]));
    checkPlanning(effectivePlanning(planningOf(masterView(row)), { ...override, supplyLeadDays: lead }));
    // An override with every value null inherits everything: it is removed rather than stored.
    const keep = Object.values(values).some((v) => v !== null) || lead !== null;
    await replaceWarehousePlanning(
      trx,
      id,
      warehouseId,
      keep
        ? {
            minStock: values.minStock ?? null,
            maxStock: values.maxStock ?? null,
            reorderPoint: values.reorderPoint ?? null,
            reorderLot: values.reorderLot ?? null,
            minReorderQuantity: values.minReorderQuantity ?? null,
            supplyLeadDays: lead,
            standardCost: values.standardCost ?? null,
          }
        : null,
    );
    return loadMasterItem(trx, id, scopeOf(actor));
  });
}
