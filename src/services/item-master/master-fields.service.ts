// The item-master fields beyond the core item: read the full item, change the extension fields (lots,
// planning, accounting, logistics), alternative items and per-warehouse planning overrides.
import { Dec, decText, parseDecimal } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import {
  type MasterChanges,
  type MasterFields,
  checkMasterFields,
  planningOf,
} from '../../domain/item-master/fields.js';
import {
  PLANNING_QTY_FIELDS,
  type PlanningQtyField,
  checkPlanning,
  effectivePlanning,
} from '../../domain/item-master/planning.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { type ItemView, itemView } from '../items/item.service.js';
import { type SiteScope, requireWarehouseInScope, scopeOf, siteIs } from '../site-scope.js';
import { checkMasterReferences, masterView } from './support.js';

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

/** The item with the planning overrides of the warehouses in the scope (another site's are not shown). */
async function loadMasterItem(trx: Tx, id: string, scope: SiteScope): Promise<MasterItemView> {
  const row = found(await trx.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst(), `item ${id}`);
  const alternatives = await trx
    .selectFrom('itemAlternatives')
    .innerJoin('items', 'items.id', 'itemAlternatives.alternativeItemId')
    .select(['items.id as itemId', 'items.code', 'items.description'])
    .where('itemAlternatives.itemId', '=', id)
    .orderBy('itemAlternatives.position')
    .orderBy('items.code')
    .execute();
  const wp = await trx
    .selectFrom('itemWarehousePlanning')
    .selectAll()
    .where('itemId', '=', id)
    .where(siteIs('siteId', scope))
    .orderBy('warehouseId')
    .execute();
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
    const row = found(
      await trx.selectFrom('items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
      `item ${id}`,
    );
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as MasterChanges;
    const merged = checkMasterFields({ ...masterView(row), ...set }, row, new Set(Object.keys(set)));
    await checkMasterReferences(trx, merged);
    await trx
      .updateTable('items')
      .set({ ...merged, updatedAt: ctx.now() })
      .where('id', '=', id)
      .execute();
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
    found(await trx.selectFrom('items').select('id').where('id', '=', id).forUpdate().executeTakeFirst(), `item ${id}`);
    const unique = [...new Set(alternativeIds)];
    if (unique.includes(id))
      throw new DomainError('validation.failed', 'an item cannot be its own alternative', {
        field: 'alternativeItemIds',
      });
    const known =
      unique.length === 0 ? [] : await trx.selectFrom('items').select('id').where('id', 'in', unique).execute();
    const missing = unique.find((a) => !known.some((k) => k.id === a));
    if (missing)
      throw new DomainError('reference.unknown', `item ${missing} does not exist`, {
        field: `alternativeItemIds.${alternativeIds.indexOf(missing)}`,
      });
    await trx.deleteFrom('itemAlternatives').where('itemId', '=', id).execute();
    if (unique.length > 0)
      await trx
        .insertInto('itemAlternatives')
        .values(unique.map((a, position) => ({ itemId: id, alternativeItemId: a, position })))
        .execute();
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
    const row = found(
      await trx.selectFrom('items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
      `item ${id}`,
    );
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
    await trx
      .deleteFrom('itemWarehousePlanning')
      .where('itemId', '=', id)
      .where('warehouseId', '=', warehouseId)
      .execute();
    if (Object.values(values).some((v) => v !== null) || lead !== null) {
      await trx
        .insertInto('itemWarehousePlanning')
        .values((eb) => ({
          siteId: eb.selectFrom('warehouses').select('siteId').where('id', '=', warehouseId),
          itemId: id,
          warehouseId,
          minStock: values.minStock ?? null,
          maxStock: values.maxStock ?? null,
          reorderPoint: values.reorderPoint ?? null,
          reorderLot: values.reorderLot ?? null,
          minReorderQuantity: values.minReorderQuantity ?? null,
          supplyLeadDays: lead,
          standardCost: values.standardCost ?? null,
        }))
        .execute();
    }
    return loadMasterItem(trx, id, scopeOf(actor));
  });
}
