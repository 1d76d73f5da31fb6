// Every statement of closing (SPEC §4.5–§4.6): closing a count list (its items, what they posted, the
// balances' last count, the list's status and locks) and closing an inventory (the lists still to close, the
// posted differences the value adjustment revalues, the header). No rules here: close.service.ts and
// close-inventory.service.ts decide with the domain (closing.ts, valuation.ts).
//
// What a closed count list records about its postings: a closing posting that ran into another list's lock
// waits in the posting error file (the list is closed_with_errors); its items keep posted_quantity null and
// their balances keep the previous count until the posting is applied. Once re-processed, the ledger entries
// it wrote (origin count_list + list id) are recorded on the items — the quantity and the price the ledger
// actually used — together with the balances' last-counted data.
import { sql } from 'kysely';
import type { ClosingItem } from '../../domain/inventory/closing.js';
import { type CountListStatus, FINAL_STATUSES } from '../../domain/inventory/count-list.js';
import type { PostedDifference } from '../../domain/inventory/valuation.js';
import type { Tx } from '../context.js';

/**
 * Records the applied closing postings of items still waiting for one (posted_quantity null) on the given
 * closed_with_errors lists; items whose posting is still parked (or was discarded) stay null. The counted
 * leg of a difference is the entry at the item's own position; the differences-zone leg of a transfer
 * (a transfer entry in a zone of usage inventory_differences) is not the item's, even when the list also
 * counts that position. Returns how many items were recorded.
 */
export async function recordAppliedClosings(trx: Tx, listIds: readonly string[]): Promise<number> {
  if (listIds.length === 0) return 0;
  const ids = [...new Set(listIds)];
  const r = await sql<{ n: string }>`
    with waiting as (
      select cli.id, cli.count_list_id, cl.count_date, cli.item_id, cli.warehouse_id, cli.zone_id, cli.bin_id, cli.lot, cli.serial,
        cli.owner_id, cli.reported_quantity
      from count_list_items cli join count_lists cl on cl.id = cli.count_list_id
      where cli.count_list_id = any(${ids}::bigint[]) and cl.status = 'closed_with_errors'
        and cli.posted_quantity is null and not cli.informational and cli.item_id is not null
    ), applied as (
      select w.id, sum(e.quantity) as q, sum(e.value) as v, count(*) as n, min(e.unit_price) as price, min(e.posting_date) as posting_date
      from waiting w join stock_ledger e on e.origin_type = 'count_list' and e.origin_id = w.count_list_id::text
        and e.item_id = w.item_id and e.warehouse_id = w.warehouse_id and e.zone_id is not distinct from w.zone_id
        and e.bin_id is not distinct from w.bin_id and e.lot = w.lot and e.serial = w.serial and e.owner_id = w.owner_id
      where e.quantity <> 0
        and not (e.transfer_group is not null and exists (select 1 from zones z where z.id = e.zone_id and z.usage = 'inventory_differences'))
      group by w.id
    ), recorded as (
      update count_list_items c set posted_quantity = a.q,
        unit_price = case when a.n = 1 then a.price else round(a.v / nullif(a.q, 0), 6) end
      from applied a where c.id = a.id
      returning c.id
    ), counted as (
      update stock_balances sb set last_counted_date = coalesce(w.count_date, a.posting_date), last_counted_quantity = w.reported_quantity,
        movements_since_count = 0
      from waiting w join applied a on a.id = w.id
      where sb.item_id = w.item_id and sb.warehouse_id = w.warehouse_id and sb.zone_id is not distinct from w.zone_id
        and sb.bin_id is not distinct from w.bin_id and sb.lot = w.lot and sb.serial = w.serial and sb.owner_id = w.owner_id
      returning sb.id
    )
    -- Both updates run to completion whether or not their rows are read here.
    select (select count(*) from recorded) as n`.execute(trx);
  return Number(r.rows[0]?.n ?? 0);
}

/** The count lists whose closing postings are among these (just posted) posting errors. */
export async function findClosingListsOf(trx: Tx, postingErrorIds: readonly string[]): Promise<string[]> {
  if (postingErrorIds.length === 0) return [];
  const r = await sql<{ id: string }>`
    select distinct cl.id::text as id from posting_errors pe join count_lists cl on cl.id::text = pe.posting->>'originId'
    where pe.id = any(${[...postingErrorIds]}::bigint[]) and pe.posting->>'originType' = 'count_list'`.execute(trx);
  return r.rows.map((x) => x.id);
}

/** Closing postings of the inventory's lists still waiting in the posting error file (oldest first). */
export async function parkedClosingPostings(
  trx: Tx,
  inventoryId: string,
): Promise<Array<{ postingErrorId: string; countListId: string; countListNumber: string }>> {
  const r = await sql<{ postingErrorId: string; countListId: string; countListNumber: string }>`
    select pe.id::text as "postingErrorId", cl.id::text as "countListId", cl.number as "countListNumber"
    from posting_errors pe join count_lists cl on cl.id::text = pe.posting->>'originId'
    where pe.status = 'pending' and pe.posting->>'originType' = 'count_list' and cl.inventory_id = ${inventoryId}
    order by pe.id`.execute(trx);
  return r.rows;
}

// Closing a count list (close.service.ts) ------------------------------------------------------------------

/** The inventory type's closing method and material type. */
export async function selectInventoryMethod(
  trx: Tx,
  typeId: string,
): Promise<{ method: string; materialType: string }> {
  return trx
    .selectFrom('inventoryTypes')
    .select(['method', 'materialType'])
    .where('id', '=', typeId)
    .executeTakeFirstOrThrow();
}

/** Valuation price column of the item per valuation price (SPEC §4.6). */
const CLOSING_PRICE_COLUMN: Record<string, string> = {
  settlement_1: 'it.settlement_price_1',
  settlement_2: 'it.settlement_price_2',
  settlement_3: 'it.settlement_price_3',
  settlement_4: 'it.settlement_price_4',
  settlement_5: 'it.settlement_price_5',
  inventory: 'it.inventory_price',
};

/**
 * Items of the list with everything the closing plan needs, price included: at the weighted average when
 * `atAverage` (the stock-taking-day method or the average valuation), else the valuation price's column.
 */
export async function selectClosingItems(
  trx: Tx,
  listId: string,
  price: { atAverage: boolean; valuationPrice: string },
): Promise<ClosingItem[]> {
  const priceSql = price.atAverage
    ? sql`coalesce(sv.average_price, it.moving_average_price)`
    : sql.raw(CLOSING_PRICE_COLUMN[price.valuationPrice]!);
  const r = await sql<ClosingItem>`
    select cli.id::text as id, cli.item_id::text as "itemId", cli.warehouse_id::text as "warehouseId", w.kind as "warehouseKind",
      cli.zone_id::text as "zoneId", cli.bin_id::text as "binId", cli.lot, cli.serial, cli.owner_id::text as "ownerId",
      cli.target_quantity::text as target, cli.reported_quantity::text as reported, dz.id::text as "differencesZoneId",
      (${priceSql})::text as "unitPrice", cli.reason_code as "reasonCode"
    from count_list_items cli
    join warehouses w on w.id = cli.warehouse_id
    join items it on it.id = cli.item_id
    left join zones dz on dz.warehouse_id = cli.warehouse_id and dz.usage = 'inventory_differences'
    left join stock_valuations sv on sv.item_id = cli.item_id and sv.warehouse_id is null
    where cli.count_list_id = ${listId} and not cli.informational and cli.item_id is not null
    order by cli.line_no, cli.id`.execute(trx);
  return r.rows;
}

/** Sets the list's status (closing, visible only inside the caller's transaction until it commits). */
export async function setListStatus(trx: Tx, listId: string, status: CountListStatus, now: Date): Promise<void> {
  await trx.updateTable('countLists').set({ status, updatedAt: now }).where('id', '=', listId).execute();
}

/**
 * The whole list closed (informational items and placeholders included): one pass over the list; counted
 * items post 0 until their difference is recorded (recordPostedDifferences).
 */
export async function closeListItems(trx: Tx, listId: string, now: Date): Promise<void> {
  await sql`update count_list_items set status = 'closed', closed_at = ${now}::timestamptz,
      posted_quantity = case when item_id is not null and not informational then 0 end, unit_price = null
    where count_list_id = ${listId}`.execute(trx);
}

/** What each item with a difference posted (null: its posting is parked), in one statement. */
export async function recordPostedDifferences(
  trx: Tx,
  rows: ReadonlyArray<{ id: string; q: string | null; p: string | null }>,
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    update count_list_items c set posted_quantity = x.q, unit_price = x.p
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id bigint, q numeric, p numeric)
    where c.id = x.id`.execute(trx);
}

/** The counted positions of the list whose difference is in the ledger remember the count. */
export async function rememberCounts(trx: Tx, listId: string, countedOn: string): Promise<void> {
  await sql`
    update stock_balances sb set last_counted_date = ${countedOn}::date, last_counted_quantity = cli.reported_quantity,
      movements_since_count = 0
    from count_list_items cli
    where cli.count_list_id = ${listId} and not cli.informational and cli.item_id is not null and cli.posted_quantity is not null
      and sb.item_id = cli.item_id and sb.warehouse_id = cli.warehouse_id and sb.zone_id is not distinct from cli.zone_id
      and sb.bin_id is not distinct from cli.bin_id and sb.lot = cli.lot and sb.serial = cli.serial and sb.owner_id = cli.owner_id`.execute(
    trx,
  );
}

/** The list's final status, closing time and reason (the parked postings, or null). */
export async function finishListClosing(
  trx: Tx,
  listId: string,
  set: { status: 'closed' | 'closed_with_errors'; now: Date; statusReason: string | null },
): Promise<void> {
  await trx
    .updateTable('countLists')
    .set({ status: set.status, closedAt: set.now, updatedAt: set.now, statusReason: set.statusReason })
    .where('id', '=', listId)
    .execute();
}

/** Releases the stock locks of the list. */
export async function deleteListLocks(trx: Tx, listId: string): Promise<void> {
  await trx.deleteFrom('stockLocks').where('countListId', '=', listId).execute();
}

/** The list's number ('' when it does not exist), to name a list that could not be closed. */
export async function findListNumber(db: Tx, listId: string): Promise<string> {
  return (await db.selectFrom('countLists').select('number').where('id', '=', listId).executeTakeFirst())?.number ?? '';
}

// Closing an inventory (close-inventory.service.ts) --------------------------------------------------------

/**
 * The inventory's lists still to close, in number order, row-locked: closing checks them all at once
 * (lines held back by the review) and no report may change them meanwhile.
 */
export async function selectListsToClose(trx: Tx, inventoryId: string): Promise<Array<{ id: string; number: string }>> {
  return trx
    .selectFrom('countLists')
    .select(['id', 'number'])
    .where('inventoryId', '=', inventoryId)
    .where('status', 'not in', [...FINAL_STATUSES])
    .orderBy('number')
    .forUpdate()
    .execute();
}

/** The inventory's lists closed with errors (closing postings parked). */
export async function selectListsClosedWithErrors(trx: Tx, inventoryId: string): Promise<string[]> {
  const r = await trx
    .selectFrom('countLists')
    .select('id')
    .where('inventoryId', '=', inventoryId)
    .where('status', '=', 'closed_with_errors')
    .execute();
  return r.map((l) => l.id);
}

/** How many items the inventory's lists still to close hold. */
export async function countItemsToClose(db: Tx, inventoryId: string): Promise<number> {
  const { n } = await db
    .selectFrom('countListItems as i')
    .innerJoin('countLists as l', 'l.id', 'i.countListId')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('l.inventoryId', '=', inventoryId)
    .where('l.status', 'not in', [...FINAL_STATUSES])
    .executeTakeFirstOrThrow();
  return Number(n);
}

export type PostedDifferenceRow = PostedDifference & {
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  ownerId: string;
  lot: string;
  serial: string;
};

/** The posted differences of the inventory's items, with their positions (the value adjustment's input). */
export async function selectPostedDifferences(trx: Tx, inventoryId: string): Promise<PostedDifferenceRow[]> {
  const r = await sql<PostedDifferenceRow>`
    select item_id::text as "itemId", posted_quantity::text as "postedQuantity", unit_price::text as "unitPrice",
      warehouse_id::text as "warehouseId", zone_id::text as "zoneId", bin_id::text as "binId", owner_id::text as "ownerId",
      lot, serial
    from count_list_items where inventory_id = ${inventoryId} and item_id is not null and posted_quantity is not null and posted_quantity <> 0
    order by id`.execute(trx);
  return r.rows;
}

/** The prices of the items the value adjustment may value at. */
export async function selectItemPrices(trx: Tx, itemIds: readonly string[]) {
  return trx
    .selectFrom('items')
    .select([
      'id',
      'settlementPrice1',
      'settlementPrice2',
      'settlementPrice3',
      'settlementPrice4',
      'settlementPrice5',
      'inventoryPrice',
      'movingAveragePrice',
    ])
    .where('id', 'in', [...itemIds])
    .execute();
}

/** The inventory's header closed. */
export async function setInventoryClosed(trx: Tx, inventoryId: string, status: 'closed', now: Date): Promise<void> {
  await trx
    .updateTable('inventories')
    .set({ status, closedAt: now, updatedAt: now })
    .where('id', '=', inventoryId)
    .execute();
}
