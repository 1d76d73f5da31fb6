// Statements of the item master rows (table items): read, write, and the questions the item rules ask of
// other tables (stock on hand, references by value). Columns with digits (classification_1, settlement_price_1)
// are written and filtered through digitSafe.
import { type Insertable, type Selectable, type Updateable, sql } from 'kysely';
import type { ClassificationField, LotManagement } from '../../domain/items/item.js';
import type { Conversion } from '../../domain/items/unit.js';
import type { ItemsTable } from '../../storage/tables/core.tables.js';
import type { ItemMasterColumns } from '../../storage/tables/item-master.tables.js';
import type { Tx } from '../context.js';
import { digitSafe } from '../places/support.js';

export type ItemRow = Selectable<ItemsTable>;

/** The item `id`; `lock` takes a row lock for the rest of the transaction. */
export async function findItem(db: Tx, id: string, lock = false): Promise<ItemRow | undefined> {
  const q = db.selectFrom('items').selectAll().where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export async function findItemIdByCode(db: Tx, code: string): Promise<string | undefined> {
  return (await db.selectFrom('items').select('id').where('code', '=', code).executeTakeFirst())?.id;
}

/** Which of `ids` are items. */
export async function selectExistingItemIds(trx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await trx.selectFrom('items').select('id').where('id', 'in', ids).execute()).map((r) => r.id);
}

export async function insertItemRow(trx: Tx, row: Insertable<ItemsTable>): Promise<ItemRow> {
  return digitSafe(trx).insertInto('items').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateItemRow(trx: Tx, id: string, set: Updateable<ItemsTable>): Promise<ItemRow> {
  return digitSafe(trx).updateTable('items').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Writes the item-master extension columns (none of them has a digit in its name). */
export async function updateItemMasterColumns(
  trx: Tx,
  id: string,
  set: Updateable<ItemMasterColumns> & { updatedAt: Date },
): Promise<void> {
  await trx.updateTable('items').set(set).where('id', '=', id).execute();
}

export async function deleteItemRow(trx: Tx, id: string): Promise<void> {
  await trx.deleteFrom('items').where('id', '=', id).execute();
}

/** Stock on hand anywhere (any warehouse, lot, serial, owner). */
export async function itemHasStock(trx: Tx, itemId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('stockBalances')
    .select('id')
    .where('itemId', '=', itemId)
    .where('quantity', '<>', '0')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** An item with stock movements whose primary unit is `unit` (its code), if any. */
export async function findBookedItemInUnit(trx: Tx, unit: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('items')
    .select('code')
    .where('primaryUnit', '=', unit)
    .where('hasLedgerEntries', '=', true)
    .limit(1)
    .executeTakeFirst();
  return row?.code;
}

/** An item (its code) whose classification column holds `code`: items refer to those codes by value. */
export async function findItemWithClassification(
  trx: Tx,
  column: ClassificationField,
  code: string,
): Promise<string | undefined> {
  const row = await digitSafe(trx)
    .selectFrom('items')
    .select('code')
    .where(column, '=', code)
    .limit(1)
    .executeTakeFirst();
  return row?.code;
}

/**
 * Every unit the item knows, with its conversion to the primary unit: primary, secondary, search-code units.
 * The first definition of a unit wins (the item's own before search codes), so the answer is stable.
 * undefined when there is no such item.
 */
export async function findItemConversions(
  trx: Tx,
  itemId: string,
): Promise<{ primaryUnit: string; conversions: Map<string, Conversion> } | undefined> {
  const item = await trx
    .selectFrom('items')
    .select(['primaryUnit', 'secondaryUnit', 'secondaryConversionOp', 'secondaryConversionFactor'])
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item) return undefined;
  const conversions = new Map<string, Conversion>([[item.primaryUnit, { op: 'x', factor: '1' }]]);
  if (item.secondaryUnit && item.secondaryConversionOp && item.secondaryConversionFactor) {
    conversions.set(item.secondaryUnit, { op: item.secondaryConversionOp, factor: item.secondaryConversionFactor });
  }
  const codes = await trx
    .selectFrom('itemSearchCodes')
    .select(['unit', 'conversionOp', 'conversionFactor'])
    .where('itemId', '=', itemId)
    .orderBy('isMain', 'desc')
    .orderBy('id')
    .execute();
  for (const c of codes)
    if (!conversions.has(c.unit)) conversions.set(c.unit, { op: c.conversionOp, factor: c.conversionFactor });
  return { primaryUnit: item.primaryUnit, conversions };
}

export interface ItemWithUnit {
  id: string;
  code: string;
  lotManagement: LotManagement;
  serialManagement: boolean;
  decimals: number;
  primaryUnit: string;
}

/** The items with these codes and the decimals of their primary unit (one statement for a whole file). */
export async function selectItemsWithUnitByCodes(trx: Tx, codes: string[]): Promise<ItemWithUnit[]> {
  const { rows } = await sql<ItemWithUnit>`
    select i.id::text, i.code, i.lot_management, i.serial_management, u.decimals, i.primary_unit from items i join units u on u.code = i.primary_unit
    where i.code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`.execute(trx);
  return rows;
}
