// Statements of opening a count list (SPEC §4.5 "open"): the list's stock locks, the other lists' locks they
// run into, stock found in a counted bin since generation, the targets re-read from the balances, and the
// list's own status. Each statement is set-based over one list: opening the 2,000 lists of a million
// positions stays a handful of statements per list.
import { sql } from 'kysely';
import type { CountListStatus, CountListsTable, CountType } from '../../storage/tables/inventory.tables.js';
import type { Tx } from '../context.js';
import { FINAL_LIST_STATUSES_SQL } from '../../storage/vocabulary-sql.js';

/** Another open list whose stock lock overlaps one of ours. */
export interface LockConflict {
  countListId: string;
  number: string;
}

/**
 * Writes the list's stock locks afresh from its counted items. Article and difference lists lock
 * item × place; bin lists lock whole bins (item null: anything in it).
 */
export async function replaceStockLocks(trx: Tx, listId: string, countType: CountType, now: Date): Promise<void> {
  await trx.deleteFrom('stockLocks').where('countListId', '=', listId).execute();
  await sql`
    insert into stock_locks (site_id, count_list_id, warehouse_id, zone_id, bin_id, item_id, created_at)
    select distinct site_id, count_list_id, warehouse_id, zone_id, bin_id,
      case when ${countType} = 'bin' then null else item_id end, ${now}::timestamptz
    from count_list_items
    where count_list_id = ${listId} and not informational
      and (case when ${countType} = 'bin' then bin_id is not null else item_id is not null end)`.execute(trx);
}

/**
 * Another list's lock overlapping one of ours (domain/ledger/locks.ts locksOverlap: same warehouse, and
 * zone, bin and item each equal or open on either side). One arm per shape of the two locks, each an
 * equality the indexes of 0001 and 0098 answer from our few hundred locks — never a pass over all locks
 * of the warehouse, which made opening the 2,000 lists of a million positions quadratic (62 ms per list
 * at the end, 45 of the 96 s). Arms may report the same list twice; the first hit is enough.
 */
export async function conflictingLock(trx: Tx, listId: string): Promise<LockConflict | undefined> {
  const zoneOk = sql`(o.zone_id is null or m.zone_id is null or o.zone_id = m.zone_id)`;
  const binOk = sql`(o.bin_id is null or m.bin_id is null or o.bin_id = m.bin_id)`;
  const other = sql`o.count_list_id <> m.count_list_id`;
  const r = await sql<LockConflict>`
    with m as materialized (select * from stock_locks where count_list_id = ${listId}),
    hits as (
      -- the same item (stock_locks_lookup_idx)
      select o.count_list_id from m join stock_locks o
        on o.warehouse_id = m.warehouse_id and o.item_id = m.item_id and ${other} and ${zoneOk} and ${binOk}
      -- the same bin, one side any item in it (stock_locks_bin_idx)
      union all
      select o.count_list_id from m join stock_locks o
        on o.bin_id = m.bin_id and ${other} and (o.item_id is null or m.item_id is null) and ${zoneOk}
      -- the other locks a whole zone or warehouse
      union all
      select o.count_list_id from m join stock_locks o
        on o.warehouse_id = m.warehouse_id and o.item_id is null and o.bin_id is null and ${other} and ${zoneOk}
      -- we lock a whole zone or warehouse (rare): anything of the other's in it
      union all
      select o.count_list_id from m join stock_locks o on o.warehouse_id = m.warehouse_id and ${other} and ${zoneOk}
      where m.item_id is null and m.bin_id is null
      -- our item anywhere in a zone (no bin) against their whole bin in it (stock_locks_bin_zone_idx); the
      -- zone rule as three equalities, so that each is an index probe
      union all
      select o.count_list_id from m join stock_locks o
        on o.warehouse_id = m.warehouse_id and o.zone_id = m.zone_id and o.item_id is null and o.bin_id is not null and ${other}
      where m.item_id is not null and m.bin_id is null
      union all
      select o.count_list_id from m join stock_locks o
        on o.warehouse_id = m.warehouse_id and o.zone_id is null and o.item_id is null and o.bin_id is not null and ${other}
      where m.item_id is not null and m.bin_id is null
      union all
      select o.count_list_id from m join stock_locks o
        on o.warehouse_id = m.warehouse_id and o.item_id is null and o.bin_id is not null and ${other}
      where m.item_id is not null and m.bin_id is null and m.zone_id is null
      -- our whole bin against their item anywhere in that zone (stock_locks_item_zone_idx), likewise
      union all
      select o.count_list_id from m join stock_locks o
        on o.warehouse_id = m.warehouse_id and o.zone_id = m.zone_id and o.item_id is not null and o.bin_id is null and ${other}
      where m.item_id is null and m.bin_id is not null
      union all
      select o.count_list_id from m join stock_locks o
        on o.warehouse_id = m.warehouse_id and o.zone_id is null and o.item_id is not null and o.bin_id is null and ${other}
      where m.item_id is null and m.bin_id is not null
      union all
      select o.count_list_id from m join stock_locks o
        on o.warehouse_id = m.warehouse_id and o.item_id is not null and o.bin_id is null and ${other}
      where m.item_id is null and m.bin_id is not null and m.zone_id is null)
    select h.count_list_id, coalesce(cl.number, h.count_list_id::text) as number
    from (select count_list_id from hits limit 1) h left join count_lists cl on cl.id = h.count_list_id`.execute(trx);
  const hit = r.rows[0];
  return hit ? { countListId: String(hit.countListId), number: hit.number } : undefined;
}

/** Where stock found in a bin list's bins is added: the list, its inventory, and whose balances count. */
export interface FoundStockTarget {
  siteId: string;
  inventoryId: string;
  listId: string;
  ownerId: string;
}

/**
 * Adds the owner's stock now in the list's counted bins as new lines after the last one, unless another
 * live list of the inventory already counts that position.
 */
export async function insertFoundStockLines(trx: Tx, t: FoundStockTarget): Promise<void> {
  await sql`
      insert into count_list_items (site_id, inventory_id, count_list_id, line_no, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id)
      select ${t.siteId}, ${t.inventoryId}, ${t.listId},
        (select coalesce(max(line_no), 0) from count_list_items where count_list_id = ${t.listId}) + row_number() over (order by sb.bin_id, sb.item_id, sb.lot, sb.serial),
        sb.item_id, sb.warehouse_id, sb.zone_id, sb.bin_id, sb.lot, sb.serial, sb.owner_id
      from stock_balances sb
      where sb.owner_id = ${t.ownerId} and sb.quantity <> 0
        and sb.bin_id in (select bin_id from count_list_items where count_list_id = ${t.listId} and bin_id is not null and not informational)
        -- A probe per candidate (count_list_items_inventory_item_idx), written as a scalar subquery so the
        -- planner cannot turn it into an anti-join that sorts every line of the inventory once per list.
        and (select 1 from count_list_items o join count_lists ol on ol.id = o.count_list_id
          where o.inventory_id = ${t.inventoryId} and o.item_id = sb.item_id and o.warehouse_id = sb.warehouse_id
            and o.bin_id = sb.bin_id and o.lot = sb.lot and o.serial = sb.serial and o.owner_id = sb.owner_id
            and ol.status not in (${FINAL_LIST_STATUSES_SQL}) limit 1) is null
      on conflict do nothing`.execute(trx);
}

/** Removes the list's "empty bin" placeholders (item null) of bins that now hold an item, unless reported. */
export async function deleteFilledBinPlaceholders(trx: Tx, listId: string): Promise<void> {
  await sql`
      delete from count_list_items p where p.count_list_id = ${listId} and p.item_id is null
        and exists (select 1 from count_list_items o where o.count_list_id = p.count_list_id and o.bin_id = p.bin_id and o.item_id is not null)
        and not exists (select 1 from count_reports r where r.count_list_item_id = p.id)`.execute(trx);
}

/**
 * One pass over the list's items: re-reads the target (the owner's balance at exactly this position, 0 when
 * there is none; an empty-bin placeholder has none), opens the item, clears its verification mark. Only
 * lines that change are written: a list opened right after generation already holds these values, and
 * rewriting every line (a new row version in every index) was most of the cost of opening.
 */
export async function openItemsWithCurrentTargets(trx: Tx, listId: string): Promise<void> {
  await sql`
    with n as materialized (
      select c.id, case when c.item_id is null then null else coalesce((
        select sb.quantity from stock_balances sb
        where sb.item_id = c.item_id and sb.warehouse_id = c.warehouse_id and sb.zone_id is not distinct from c.zone_id
          and sb.bin_id is not distinct from c.bin_id and sb.lot = c.lot and sb.serial = c.serial and sb.owner_id = c.owner_id), 0) end as target
      from count_list_items c where c.count_list_id = ${listId})
    update count_list_items cli set status = 'open', verification_mark = false, target_quantity = n.target
    from n where cli.id = n.id
      and (cli.status <> 'open' or cli.verification_mark or cli.target_quantity::text is distinct from n.target::text)`.execute(
    trx,
  );
}

/** What an opened list records: its new status, when it opened, and its count date. */
export interface ListOpened {
  status: CountListStatus;
  now: Date;
  countDate: CountListsTable['countDate'];
}

/** Records the list as opened (any earlier failure reason cleared). */
export async function writeListOpened(trx: Tx, listId: string, o: ListOpened): Promise<void> {
  await trx
    .updateTable('countLists')
    .set({
      status: o.status,
      statusReason: null,
      openedAt: o.now,
      updatedAt: o.now,
      countDate: o.countDate,
    })
    .where('id', '=', listId)
    .execute();
}

/** Records that the list could not be opened, with the reason. */
export async function writeOpeningFailed(trx: Tx, listId: string, reason: string, now: Date): Promise<void> {
  await trx
    .updateTable('countLists')
    .set({ status: 'opening_failed', statusReason: reason, updatedAt: now })
    .where('id', '=', listId)
    .execute();
}

/** When the opening job was queued: its row survives restarts, so this is when the opening was asked for. */
export async function jobCreatedAt(db: Tx, jobId: string): Promise<Date | string> {
  const { createdAt } = await db
    .selectFrom('jobs')
    .select('createdAt')
    .where('id', '=', jobId)
    .executeTakeFirstOrThrow();
  return createdAt;
}
