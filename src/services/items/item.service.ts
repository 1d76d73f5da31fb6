// The item master (SPEC §2): create with its main search code, change (the primary unit is locked once
// stock has moved; lot/serial management while there is stock), delete when nothing refers to the item.
// `insertItem` is the one way an item is written: the item-master creation, copy and template paths call it
// inside their own transaction. Searching is in item-search.service.ts.
import { Dec, decText } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import {
  CLASSIFICATION_FIELDS,
  type ClassificationField,
  type LotManagement,
  type TrackingFields,
  checkDescription,
  checkItemCode,
  checkLotManagement,
  checkNonNegative,
  checkPrimaryUnitChange,
  checkSecondaryUnit,
  checkSupplementary,
  checkTracking,
  checkTrackingChange,
  checkValidity,
} from '../../domain/items/item.js';
import type { ConversionOp } from '../../domain/items/unit.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { mapDbErrors } from '../places/support.js';
import { findSerialClass } from './lot.repository.js';
import { selectExistingClassifications } from './classification.repository.js';
import {
  type ItemRow,
  deleteItemRow,
  findItem,
  findItemIdByCode,
  insertItemRow,
  itemHasStock,
  updateItemRow,
} from './item.repository.js';
import { findItemIdBySearchCode, insertSearchCodes, updateMainSearchCode } from './search-code.repository.js';
import { refreshSearchTerms, requireCodeFree } from './search-code.service.js';
import { selectExistingUnitCodes } from './unit.repository.js';

const PRICE_FIELDS = [
  'settlementPrice1',
  'settlementPrice2',
  'settlementPrice3',
  'settlementPrice4',
  'settlementPrice5',
  'inventoryPrice',
  'standardCost',
] as const;
type PriceField = (typeof PRICE_FIELDS)[number];

/** Everything a client may set on an item (all columns of `items` except what the system maintains). */
export interface ItemFields
  extends Partial<Record<ClassificationField, string | null>>, Partial<Record<PriceField, string>> {
  code: string;
  description: string;
  supplementaryDescription?: string | undefined;
  printSupplementaryDescription?: boolean | undefined;
  primaryUnit: string;
  secondaryUnit?: string | null | undefined;
  secondaryConversionOp?: ConversionOp | null | undefined;
  secondaryConversionFactor?: string | null | undefined;
  lotManagement?: LotManagement | undefined;
  serialManagement?: boolean | undefined;
  /** Serial class (number generation); required when the item is serial-managed. */
  serialClass?: string | null | undefined;
  countCycleDays?: number | undefined;
  thresholdQuantity?: string | undefined;
  movementCountThreshold?: number | undefined;
  abcClass?: 'A' | 'B' | 'C' | null | undefined;
  includeInInventory?: boolean | undefined;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
}
export type ItemChanges = Partial<ItemFields>;

export interface ItemView extends Required<Record<ClassificationField, string | null>>, Record<PriceField, string> {
  id: string;
  code: string;
  description: string;
  supplementaryDescription: string;
  printSupplementaryDescription: boolean;
  primaryUnit: string;
  secondaryUnit: string | null;
  secondaryConversionOp: ConversionOp | null;
  secondaryConversionFactor: string | null;
  lotManagement: LotManagement;
  serialManagement: boolean;
  serialClass: string | null;
  countCycleDays: number;
  thresholdQuantity: string;
  movementCountThreshold: number;
  abcClass: 'A' | 'B' | 'C' | null;
  includeInInventory: boolean;
  movingAveragePrice: string;
  hasLedgerEntries: boolean;
  validFrom: string | null;
  validTo: string | null;
  createdAt: string;
  updatedAt: string;
}

const num = (v: string | null) => (v === null ? null : decText(new Dec(v)));
const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

export function itemView(r: ItemRow): ItemView {
  return {
    ...r,
    secondaryConversionFactor: num(r.secondaryConversionFactor),
    thresholdQuantity: num(r.thresholdQuantity)!,
    ...(Object.fromEntries(PRICE_FIELDS.map((f) => [f, num(r[f])!])) as Record<PriceField, string>),
    movingAveragePrice: num(r.movingAveragePrice)!,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

const UNIQUE = {
  items_code_key: { field: 'code', message: 'an item with this code already exists' },
  item_search_codes_code_key: { field: 'code', message: 'this code is already a search code of another item' },
};

/** Validates the merged item (what it will be after the write) and normalises decimals. */
function validate(v: ItemFields): ItemFields {
  checkItemCode(v.code);
  checkDescription(v.description);
  if (v.supplementaryDescription !== undefined) checkSupplementary(v.supplementaryDescription);
  if (v.lotManagement !== undefined) checkLotManagement(v.lotManagement);
  const secondary = checkSecondaryUnit(v.primaryUnit, {
    secondaryUnit: v.secondaryUnit ?? null,
    secondaryConversionOp: v.secondaryConversionOp ?? null,
    secondaryConversionFactor: v.secondaryConversionFactor ?? null,
  });
  checkValidity(v.validFrom ?? null, v.validTo ?? null);
  const out: ItemFields = { ...v, ...secondary };
  if (v.thresholdQuantity !== undefined)
    out.thresholdQuantity = checkNonNegative(v.thresholdQuantity, 'thresholdQuantity');
  for (const f of PRICE_FIELDS) if (v[f] !== undefined) out[f] = checkNonNegative(v[f], f);
  return out;
}

/**
 * Units, classification codes and the serial class are references: they must exist (classification codes
 * have no FK; the others get a clear error before the FK fires). `prefix` places the field inside a larger
 * body (item-master: `item.`).
 */
async function checkReferences(trx: Tx, v: ItemFields, prefix = ''): Promise<void> {
  const units = [v.primaryUnit, ...(v.secondaryUnit ? [v.secondaryUnit] : [])];
  const known = await selectExistingUnitCodes(trx, units);
  if (!known.has(v.primaryUnit))
    throw new DomainError('reference.unknown', `unit ${v.primaryUnit} does not exist`, {
      field: `${prefix}primaryUnit`,
    });
  if (v.secondaryUnit && !known.has(v.secondaryUnit))
    throw new DomainError('reference.unknown', `unit ${v.secondaryUnit} does not exist`, {
      field: `${prefix}secondaryUnit`,
    });
  if (v.serialClass) {
    if (!(await findSerialClass(trx, v.serialClass)))
      throw new DomainError('reference.unknown', `serial class ${v.serialClass} does not exist`, {
        field: `${prefix}serialClass`,
      });
  }
  const wanted = (Object.keys(CLASSIFICATION_FIELDS) as ClassificationField[]).filter(
    (f) => v[f] !== undefined && v[f] !== null,
  );
  if (wanted.length === 0) return;
  const codes = await selectExistingClassifications(
    trx,
    wanted.map((f) => ({ kind: CLASSIFICATION_FIELDS[f], code: v[f]! })),
  );
  for (const f of wanted) {
    if (!codes.has(`${CLASSIFICATION_FIELDS[f]}|${v[f]}`)) {
      throw new DomainError(
        'reference.unknown',
        `${CLASSIFICATION_FIELDS[f]} ${v[f]} does not exist in its code table`,
        { field: `${prefix}${f}` },
      );
    }
  }
}

export async function getItem(ctx: ServiceContext, actor: Actor, id: string): Promise<ItemView> {
  requireRole(actor, 'counter');
  return itemView(found(await findItem(ctx.db, id), `item ${id}`));
}

/** The item a code identifies: its item code, else one of its search codes (each identifies exactly one item). */
export async function findItemByCode(ctx: ServiceContext, actor: Actor, code: string): Promise<ItemView> {
  requireRole(actor, 'counter');
  const id = (await findItemIdByCode(ctx.db, code)) ?? (await findItemIdBySearchCode(ctx.db, code));
  if (id === undefined) throw new DomainError('not_found', `no item has the code ${code}`, { field: 'code' });
  return itemView(found(await findItem(ctx.db, id), `item ${id}`));
}

export interface NewItem {
  item: ItemFields;
  /** Further item columns already checked by the caller (item-master fields: template/copy values and input). */
  extra?: Record<string, unknown> | undefined;
  /** Fields the caller set explicitly: a lot/serial coupling raises defaults but refuses explicit contradictions. */
  given?: ReadonlySet<string> | undefined;
  /** Further (non-main) search codes in the primary unit, e.g. a generated EAN. */
  searchCodes?: string[] | undefined;
  /** Places error fields inside a larger body (item-master: `item.`). */
  fieldPrefix?: string | undefined;
}

/**
 * Writes a new item inside the caller's transaction: the core rules (domain checks, references, the code free
 * as item and search code), the lot/serial couplings, the main search code (the item code, primary unit,
 * factor 1 — seed 002), further search codes and the word-search terms. No authorisation: the use case's job.
 */
export async function insertItem(trx: Tx, ctx: ServiceContext, input: NewItem): Promise<ItemRow> {
  const prefix = input.fieldPrefix ?? '';
  const v = validate(input.item);
  const extra = (input.extra ?? {}) as Partial<TrackingFields>;
  const tracking = checkTracking(
    { lotManagement: v.lotManagement ?? 'no', serialManagement: v.serialManagement ?? false },
    {
      lotAvailabilityCheck: extra.lotAvailabilityCheck ?? 'none',
      availabilityCheck: extra.availabilityCheck ?? 'none',
      serialClass: v.serialClass !== undefined ? v.serialClass : (extra.serialClass ?? null),
    },
    input.given ?? new Set(v.serialClass !== undefined ? ['serialClass'] : []),
  );
  await checkReferences(trx, { ...v, serialClass: tracking.serialClass }, prefix);
  await requireCodeFree(trx, v.code, `${prefix}code`);
  for (const code of input.searchCodes ?? []) await requireCodeFree(trx, code, `${prefix}code`);
  const now = ctx.now();
  const row = await insertItemRow(trx, { ...input.extra, ...v, ...tracking, createdAt: now, updatedAt: now });
  await insertSearchCodes(
    trx,
    [row.code, ...(input.searchCodes ?? [])].map((code, i) => ({
      itemId: row.id,
      code,
      unit: row.primaryUnit,
      conversionOp: 'x' as const,
      conversionFactor: '1',
      isMain: i === 0,
      description: row.description,
    })),
  );
  await refreshSearchTerms(trx, row.id);
  return row;
}

export async function createItem(ctx: ServiceContext, actor: Actor, input: ItemFields): Promise<ItemView> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () =>
    inTransaction(ctx, async (trx) => itemView(await insertItem(trx, ctx, { item: input }))),
  );
}

export async function updateItem(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: ItemChanges,
): Promise<ItemView> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () =>
    inTransaction(ctx, async (trx) => {
      const current = found(await findItem(trx, id, true), `item ${id}`);
      if (changes.primaryUnit !== undefined) checkPrimaryUnitChange(current, changes.primaryUnit);
      const { id: _id, createdAt: _c, updatedAt: _u, hasLedgerEntries: _h, movingAveragePrice: _m, ...base } = current;
      const sent = Object.fromEntries(Object.entries(changes).filter(([, x]) => x !== undefined)) as ItemChanges;
      // Removing the secondary unit removes its conversion with it.
      if (sent.secondaryUnit === null)
        Object.assign(sent, { secondaryConversionOp: null, secondaryConversionFactor: null });
      const merged = validate({ ...base, ...sent } as ItemFields);
      let tracking: TrackingFields | undefined;
      if (
        merged.lotManagement !== current.lotManagement ||
        merged.serialManagement !== current.serialManagement ||
        sent.serialClass !== undefined
      ) {
        const next = {
          lotManagement: merged.lotManagement ?? 'no',
          serialManagement: merged.serialManagement ?? false,
        };
        checkTrackingChange(current, next, await itemHasStock(trx, id));
        // The same couplings as the item-master paths: a new lot item gets its (blocking) lot availability check.
        tracking = checkTracking(
          next,
          {
            lotAvailabilityCheck: current.lotAvailabilityCheck,
            availabilityCheck: current.availabilityCheck,
            serialClass: merged.serialClass ?? null,
          },
          new Set(sent.serialClass !== undefined ? ['serialClass'] : []),
        );
      }
      await checkReferences(trx, merged);
      if (merged.code !== current.code) await requireCodeFree(trx, merged.code);
      const row = await updateItemRow(trx, id, { ...merged, ...tracking, updatedAt: ctx.now() });
      // The main search code mirrors the item: its code, primary unit and description.
      await updateMainSearchCode(trx, id, { code: row.code, unit: row.primaryUnit, description: row.description });
      if (row.code !== current.code || row.description !== current.description) await refreshSearchTerms(trx, id);
      return itemView(row);
    }),
  );
}

export async function deleteItem(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'manager');
  await mapDbErrors({ inUse: `item ${id} is still referred to by stock, lots, count lists or reservations` }, () =>
    inTransaction(ctx, async (trx) => {
      const current = found(await findItem(trx, id), `item ${id}`);
      if (current.hasLedgerEntries) {
        throw new DomainError(
          'conflict.in_use',
          `item ${current.code} has stock movements; it cannot be deleted (set its validity end instead)`,
        );
      }
      await deleteItemRow(trx, id);
    }),
  );
}
