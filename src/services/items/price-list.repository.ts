// Statements of price lists (table price_lists) and item prices with their quantity tiers (item_prices,
// item_price_tiers). Tier rows are written through digitSafe: their discount_N columns have digits.
import type { Insertable, Selectable, Updateable } from 'kysely';
import { Dec, decText } from '../../domain/decimal.js';
import type { PriceRow, Tier } from '../../domain/items/pricing.js';
import type { ItemPricesTable, PriceListsTable } from '../../storage/tables/item-master.tables.js';
import type { Tx } from '../context.js';
import { digitSafe } from '../places/support.js';

export interface PriceListView {
  id: string;
  code: string;
  description: string;
  currency: string;
  discountsAllowed: boolean;
}

const LIST_COLS = ['id', 'code', 'description', 'currency', 'discountsAllowed'] as const;

export type ItemPriceRow = Selectable<ItemPricesTable>;
export type StoredPrice = PriceRow & { priceListId: string; priceListCode: string };

export async function selectPriceLists(db: Tx): Promise<PriceListView[]> {
  return db.selectFrom('priceLists').select(LIST_COLS).orderBy('code').execute();
}

/** The price list `id`; `lock` takes a row lock for the rest of the transaction. */
export async function findPriceList(trx: Tx, id: string, lock = false): Promise<PriceListView | undefined> {
  const q = trx.selectFrom('priceLists').select(LIST_COLS).where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export async function insertPriceList(trx: Tx, row: Insertable<PriceListsTable>): Promise<PriceListView> {
  return trx.insertInto('priceLists').values(row).returning(LIST_COLS).executeTakeFirstOrThrow();
}

export async function updatePriceListRow(
  trx: Tx,
  id: string,
  set: Pick<Updateable<PriceListsTable>, 'description' | 'discountsAllowed'>,
): Promise<void> {
  await trx.updateTable('priceLists').set(set).where('id', '=', id).execute();
}

/** Whether any price of the list has a tier with a discount. */
export async function priceListHasDiscounts(trx: Tx, priceListId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('itemPriceTiers')
    .innerJoin('itemPrices', 'itemPrices.id', 'itemPriceTiers.itemPriceId')
    .select('itemPrices.id')
    .where('itemPrices.priceListId', '=', priceListId)
    .where('itemPriceTiers.discount1', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The item's prices (of one list when given) with their tiers as decimals, by list code and validity. */
export async function selectItemPrices(trx: Tx, itemId: string, priceListId?: string): Promise<StoredPrice[]> {
  let q = trx
    .selectFrom('itemPrices')
    .innerJoin('priceLists', 'priceLists.id', 'itemPrices.priceListId')
    .select([
      'itemPrices.id',
      'itemPrices.priceListId',
      'priceLists.code as priceListCode',
      'itemPrices.validFrom',
      'itemPrices.validTo',
      'itemPrices.unit',
      'itemPrices.currency',
    ])
    .where('itemPrices.itemId', '=', itemId);
  if (priceListId) q = q.where('itemPrices.priceListId', '=', priceListId);
  const rows = await q.orderBy('priceLists.code').orderBy('itemPrices.validFrom').orderBy('itemPrices.id').execute();
  if (rows.length === 0) return [];
  const tiers = await trx
    .selectFrom('itemPriceTiers')
    .selectAll()
    .where(
      'itemPriceId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('itemPriceId')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    ...r,
    tiers: tiers
      .filter((t) => t.itemPriceId === r.id)
      .map((t) => ({
        upTo: t.upTo === null ? null : new Dec(t.upTo),
        price: new Dec(t.price),
        discounts: [t.discount1, t.discount2, t.discount3, t.discount4]
          .filter((d): d is string => d !== null)
          .map((d) => new Dec(d)),
      })),
  }));
}

/** Whether the item has the price `id`. */
export async function itemPriceExists(db: Tx, itemId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('itemPrices')
    .select('id')
    .where('id', '=', id)
    .where('itemId', '=', itemId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertItemPrice(trx: Tx, row: Insertable<ItemPricesTable>): Promise<string> {
  return (await trx.insertInto('itemPrices').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Replaces the price row's header and deletes its tiers (the caller writes the new ones). */
export async function updateItemPriceRow(
  trx: Tx,
  id: string,
  set: Pick<Updateable<ItemPricesTable>, 'priceListId' | 'validFrom' | 'validTo' | 'unit' | 'currency'>,
): Promise<void> {
  await trx.updateTable('itemPrices').set(set).where('id', '=', id).execute();
  await trx.deleteFrom('itemPriceTiers').where('itemPriceId', '=', id).execute();
}

export async function insertPriceTiers(trx: Tx, itemPriceId: string, tiers: Tier[]): Promise<void> {
  await digitSafe(trx)
    .insertInto('itemPriceTiers')
    .values(
      tiers.map((t, position) => ({
        itemPriceId,
        position,
        upTo: t.upTo === null ? null : decText(t.upTo),
        price: decText(t.price),
        discount1: t.discounts[0] ? decText(t.discounts[0]) : null,
        discount2: t.discounts[1] ? decText(t.discounts[1]) : null,
        discount3: t.discounts[2] ? decText(t.discounts[2]) : null,
        discount4: t.discounts[3] ? decText(t.discounts[3]) : null,
      })),
    )
    .execute();
}

/** Deletes the item's price `id` with its tiers; false when the item has no such price. */
export async function deleteItemPriceRow(trx: Tx, itemId: string, id: string): Promise<boolean> {
  const row = await trx
    .deleteFrom('itemPrices')
    .where('id', '=', id)
    .where('itemId', '=', itemId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The item's price rows as stored (without tiers), by id. */
export async function selectItemPriceRows(trx: Tx, itemId: string): Promise<ItemPriceRow[]> {
  return trx.selectFrom('itemPrices').selectAll().where('itemId', '=', itemId).orderBy('id').execute();
}

/** Writes a copy of the price row `p` with its tiers for the item `itemId`. */
export async function copyItemPrice(trx: Tx, p: ItemPriceRow, itemId: string, now: Date): Promise<void> {
  const id = await insertItemPrice(trx, {
    priceListId: p.priceListId,
    itemId,
    validFrom: p.validFrom,
    validTo: p.validTo,
    unit: p.unit,
    currency: p.currency,
    createdAt: now,
  });
  const tiers = await trx.selectFrom('itemPriceTiers').selectAll().where('itemPriceId', '=', p.id).execute();
  if (tiers.length > 0)
    await digitSafe(trx)
      .insertInto('itemPriceTiers')
      .values(tiers.map((t) => ({ ...t, itemPriceId: id })))
      .execute();
}
