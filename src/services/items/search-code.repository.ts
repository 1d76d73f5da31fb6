// Statements of item search codes (table item_search_codes) and of the word-search terms built from them
// (item_search_terms). item_search_codes.code is unique: one lookup through that index identifies an item.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { LotManagement } from '../../domain/items/item.js';
import type { ConversionOp } from '../../domain/items/unit.js';
import type { ItemSearchCodesTable } from '../../storage/tables/core.tables.js';
import type { Tx } from '../context.js';

export interface ResolvedSearchCode {
  itemId: string;
  itemCode: string;
  unit: string;
  conversionOp: ConversionOp;
  conversionFactor: string;
  lotManagement: LotManagement;
  serialManagement: boolean;
  primaryUnit: string;
  description: string;
}

export type SearchCodeRow = Selectable<ItemSearchCodesTable>;

const COLUMNS = ['id', 'itemId', 'code', 'unit', 'conversionOp', 'conversionFactor', 'isMain', 'description'] as const;

/** The texts an item is found by (code, description, every search code); undefined without the item. */
export async function findSearchTexts(trx: Tx, itemId: string): Promise<string[] | undefined> {
  const item = await trx
    .selectFrom('items')
    .select(['code', 'description'])
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item) return undefined;
  const codes = await trx.selectFrom('itemSearchCodes').select('code').where('itemId', '=', itemId).execute();
  return [item.code, item.description, ...codes.map((c) => c.code)];
}

/** Replaces the item's word-search terms with `terms`. */
export async function replaceSearchTerms(trx: Tx, itemId: string, terms: string[]): Promise<void> {
  await trx.deleteFrom('itemSearchTerms').where('itemId', '=', itemId).execute();
  if (terms.length > 0)
    await trx
      .insertInto('itemSearchTerms')
      .values(terms.map((term) => ({ itemId, term })))
      .execute();
}

/** The code of the item whose search code `code` is, leaving out the search code `exceptSearchCodeId`. */
export async function findCodeOwner(
  trx: Tx,
  code: string,
  exceptSearchCodeId: string | null = null,
): Promise<string | undefined> {
  let q = trx
    .selectFrom('itemSearchCodes')
    .innerJoin('items', 'items.id', 'itemSearchCodes.itemId')
    .select('items.code as itemCode')
    .where('itemSearchCodes.code', '=', code);
  if (exceptSearchCodeId) q = q.where('itemSearchCodes.id', '<>', exceptSearchCodeId);
  return (await q.executeTakeFirst())?.itemCode;
}

export async function findItemIdBySearchCode(db: Tx, code: string): Promise<string | undefined> {
  return (await db.selectFrom('itemSearchCodes').select('itemId').where('code', '=', code).executeTakeFirst())?.itemId;
}

/** The item's search codes, the main one first, then by code. */
export async function selectItemSearchCodes(db: Tx, itemId: string): Promise<SearchCodeRow[]> {
  return db
    .selectFrom('itemSearchCodes')
    .select(COLUMNS)
    .where('itemId', '=', itemId)
    .orderBy('isMain', 'desc')
    .orderBy('code')
    .execute();
}

export async function insertSearchCodes(trx: Tx, rows: Insertable<ItemSearchCodesTable>[]): Promise<void> {
  await trx.insertInto('itemSearchCodes').values(rows).execute();
}

export async function insertSearchCode(trx: Tx, row: Insertable<ItemSearchCodesTable>): Promise<SearchCodeRow> {
  return trx.insertInto('itemSearchCodes').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
}

/** The search code `id` of the item `itemId`, locked for the rest of the transaction. */
export async function lockItemSearchCode(trx: Tx, itemId: string, id: string): Promise<SearchCodeRow | undefined> {
  return trx
    .selectFrom('itemSearchCodes')
    .select(COLUMNS)
    .where('id', '=', id)
    .where('itemId', '=', itemId)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateSearchCodeRow(
  trx: Tx,
  id: string,
  set: Updateable<ItemSearchCodesTable>,
): Promise<SearchCodeRow> {
  return trx.updateTable('itemSearchCodes').set(set).where('id', '=', id).returning(COLUMNS).executeTakeFirstOrThrow();
}

export async function deleteSearchCodeRow(trx: Tx, id: string): Promise<void> {
  await trx.deleteFrom('itemSearchCodes').where('id', '=', id).execute();
}

/** Sets the item's main search code (it mirrors the item's code, primary unit and description). */
export async function updateMainSearchCode(
  trx: Tx,
  itemId: string,
  set: { code: string; unit: string; description: string },
): Promise<void> {
  await trx.updateTable('itemSearchCodes').set(set).where('itemId', '=', itemId).where('isMain', '=', true).execute();
}

/** The search code `code` with the facts of its item a scan needs. */
export async function findSearchCodeHit(trx: Tx, code: string): Promise<ResolvedSearchCode | undefined> {
  return trx
    .selectFrom('itemSearchCodes')
    .innerJoin('items', 'items.id', 'itemSearchCodes.itemId')
    .select([
      'items.id as itemId',
      'items.code as itemCode',
      'itemSearchCodes.unit',
      'itemSearchCodes.conversionOp',
      'itemSearchCodes.conversionFactor',
      'items.lotManagement',
      'items.serialManagement',
      'items.primaryUnit',
      'items.description',
    ])
    .where('itemSearchCodes.code', '=', code)
    .executeTakeFirst();
}
