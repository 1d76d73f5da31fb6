// The item master (SPEC §2): create with its main search code, change (the primary unit is locked once
// stock has moved), delete when nothing refers to the item. Searching is in item-search.service.ts.
import type { Selectable } from 'kysely';
import { Dec, decText } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import {
  CLASSIFICATION_FIELDS, type ClassificationField, type LotManagement, checkDescription, checkItemCode, checkLotManagement,
  checkNonNegative, checkPrimaryUnitChange, checkSecondaryUnit, checkSupplementary, checkValidity,
} from '../../domain/item.js';
import type { ConversionOp } from '../../domain/unit.js';
import type { ItemsTable } from '../../storage/tables/core.tables.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { digitSafe, mapDbErrors } from '../places/support.js';
import { refreshSearchTerms } from './search-code.service.js';

const PRICE_FIELDS = ['settlementPrice1', 'settlementPrice2', 'settlementPrice3', 'settlementPrice4', 'settlementPrice5', 'inventoryPrice', 'standardCost'] as const;
type PriceField = (typeof PRICE_FIELDS)[number];

/** Everything a client may set on an item (all columns of `items` except what the system maintains). */
export interface ItemFields extends Partial<Record<ClassificationField, string | null>>, Partial<Record<PriceField, string>> {
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
  id: string; code: string; description: string; supplementaryDescription: string; printSupplementaryDescription: boolean;
  primaryUnit: string; secondaryUnit: string | null; secondaryConversionOp: ConversionOp | null; secondaryConversionFactor: string | null;
  lotManagement: LotManagement; serialManagement: boolean; countCycleDays: number; thresholdQuantity: string;
  movementCountThreshold: number; abcClass: 'A' | 'B' | 'C' | null; includeInInventory: boolean;
  movingAveragePrice: string; hasLedgerEntries: boolean; validFrom: string | null; validTo: string | null;
  createdAt: string; updatedAt: string;
}

type ItemRow = Selectable<ItemsTable>;

const num = (v: string | null) => (v === null ? null : decText(new Dec(v)));
const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

export function itemView(r: ItemRow): ItemView {
  return {
    ...r,
    secondaryConversionFactor: num(r.secondaryConversionFactor),
    thresholdQuantity: num(r.thresholdQuantity)!,
    ...Object.fromEntries(PRICE_FIELDS.map((f) => [f, num(r[f])!])) as Record<PriceField, string>,
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
    secondaryUnit: v.secondaryUnit ?? null, secondaryConversionOp: v.secondaryConversionOp ?? null, secondaryConversionFactor: v.secondaryConversionFactor ?? null,
  });
  checkValidity(v.validFrom ?? null, v.validTo ?? null);
  const out: ItemFields = { ...v, ...secondary };
  if (v.thresholdQuantity !== undefined) out.thresholdQuantity = checkNonNegative(v.thresholdQuantity, 'thresholdQuantity');
  for (const f of PRICE_FIELDS) if (v[f] !== undefined) out[f] = checkNonNegative(v[f], f);
  return out;
}

/** Units and classification codes are references: they must exist (classification codes have no FK). */
async function checkReferences(trx: Tx, v: ItemFields): Promise<void> {
  const units = [v.primaryUnit, ...(v.secondaryUnit ? [v.secondaryUnit] : [])];
  const known = new Set((await trx.selectFrom('units').select('code').where('code', 'in', units).execute()).map((u) => u.code));
  if (!known.has(v.primaryUnit)) throw new DomainError('reference.unknown', `unit ${v.primaryUnit} does not exist`, { field: 'primaryUnit' });
  if (v.secondaryUnit && !known.has(v.secondaryUnit)) throw new DomainError('reference.unknown', `unit ${v.secondaryUnit} does not exist`, { field: 'secondaryUnit' });
  const wanted = (Object.keys(CLASSIFICATION_FIELDS) as ClassificationField[]).filter((f) => v[f] !== undefined && v[f] !== null);
  if (wanted.length === 0) return;
  const rows = await trx.selectFrom('classificationCodes').select(['kind', 'code'])
    .where((eb) => eb.or(wanted.map((f) => eb.and([eb('kind', '=', CLASSIFICATION_FIELDS[f]), eb('code', '=', v[f]!)])))).execute();
  for (const f of wanted) {
    if (!rows.some((r) => r.kind === CLASSIFICATION_FIELDS[f] && r.code === v[f])) {
      throw new DomainError('reference.unknown', `${CLASSIFICATION_FIELDS[f]} ${v[f]} does not exist in its code table`, { field: f });
    }
  }
}

async function checkCodeFree(trx: Tx, code: string): Promise<void> {
  const other = await trx.selectFrom('itemSearchCodes').innerJoin('items', 'items.id', 'itemSearchCodes.itemId')
    .select('items.code as itemCode').where('itemSearchCodes.code', '=', code).executeTakeFirst();
  if (other) {
    throw new DomainError('conflict.duplicate', `code ${code} already identifies item ${other.itemCode}`, { field: 'code', params: { item: other.itemCode } });
  }
}

export async function loadItem(trx: Tx, id: string): Promise<ItemRow> {
  return found(await trx.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst(), `item ${id}`);
}

export async function getItem(ctx: ServiceContext, actor: Actor, id: string): Promise<ItemView> {
  requireRole(actor, 'counter');
  return itemView(await loadItem(ctx.db, id));
}

export async function createItem(ctx: ServiceContext, actor: Actor, input: ItemFields): Promise<ItemView> {
  requireRole(actor, 'manager');
  const v = validate(input);
  return mapDbErrors({ unique: UNIQUE }, () => inTransaction(ctx, async (trx) => {
    await checkReferences(trx, v);
    await checkCodeFree(trx, v.code);
    const now = ctx.now();
    const row = await digitSafe(trx).insertInto('items').values({ ...v, createdAt: now, updatedAt: now }).returningAll().executeTakeFirstOrThrow();
    // The main search code: the item code itself, in the primary unit, factor 1 (seed 002).
    await trx.insertInto('itemSearchCodes').values({
      itemId: row.id, code: row.code, unit: row.primaryUnit, conversionOp: 'x', conversionFactor: '1', isMain: true, description: row.description,
    }).execute();
    await refreshSearchTerms(trx, row.id);
    return itemView(row);
  }));
}

export async function updateItem(ctx: ServiceContext, actor: Actor, id: string, changes: ItemChanges): Promise<ItemView> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () => inTransaction(ctx, async (trx) => {
    const current = found(await trx.selectFrom('items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(), `item ${id}`);
    if (changes.primaryUnit !== undefined) checkPrimaryUnitChange(current, changes.primaryUnit);
    const { id: _id, createdAt: _c, updatedAt: _u, hasLedgerEntries: _h, movingAveragePrice: _m, ...base } = current;
    const sent = Object.fromEntries(Object.entries(changes).filter(([, x]) => x !== undefined)) as ItemChanges;
    // Removing the secondary unit removes its conversion with it.
    if (sent.secondaryUnit === null) Object.assign(sent, { secondaryConversionOp: null, secondaryConversionFactor: null });
    const merged = validate({ ...base, ...sent } as ItemFields);
    await checkReferences(trx, merged);
    if (merged.code !== current.code) await checkCodeFree(trx, merged.code);
    const row = await digitSafe(trx).updateTable('items').set({ ...merged, updatedAt: ctx.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    // The main search code mirrors the item: its code, primary unit and description.
    await trx.updateTable('itemSearchCodes').set({ code: row.code, unit: row.primaryUnit, description: row.description })
      .where('itemId', '=', id).where('isMain', '=', true).execute();
    if (row.code !== current.code || row.description !== current.description) await refreshSearchTerms(trx, id);
    return itemView(row);
  }));
}

export async function deleteItem(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'manager');
  await mapDbErrors({ inUse: `item ${id} is still referred to by stock, lots, count lists or reservations` }, () =>
    inTransaction(ctx, async (trx) => {
      const current = await loadItem(trx, id);
      if (current.hasLedgerEntries) {
        throw new DomainError('conflict.in_use', `item ${current.code} has stock movements; it cannot be deleted (set its validity end instead)`);
      }
      await trx.deleteFrom('items').where('id', '=', id).execute();
    }));
}
