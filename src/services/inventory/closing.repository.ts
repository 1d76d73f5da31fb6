// Statements of what a closed count list records about its postings (SPEC §4.6): a closing posting that ran
// into another list's lock waits in the posting error file (the list is closed_with_errors); its items keep
// posted_quantity null and their balances keep the previous count until the posting is applied. Once
// re-processed, the ledger entries it wrote (origin count_list + list id) are recorded on the items — the
// quantity and the price the ledger actually used — together with the balances' last-counted data.
import { sql } from 'kysely';
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
