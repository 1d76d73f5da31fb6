// Opening count lists (SPEC §4.5): locks the list's stock for the inventory, re-reads the target quantities
// from the balances of the inventory's owner, opens all items and clears verification marks. Runs as a
// background job for large lists; each list opens in its own transaction, and a list that cannot be opened
// gets `opening_failed` with the reason while the others go on.
import { sql } from 'kysely';
import { z } from 'zod';
import { DomainError, isDomainError } from '../../domain/errors.js';
import { COUNTING_STATUSES, failOpening, openList } from '../../domain/inventory/count-list.js';
import { type Actor, type ServiceContext, type Tx, inTransaction, requireRole } from '../context.js';
import { defineJob, enqueueJob } from '../jobs/queue.js';
import { loadInventory, loadList, requireInventoryOpen, requireSite } from './count-list.service.js';
import { FINAL_LIST_STATUSES_SQL } from './status-sql.js';

export const OPEN_JOB = 'count_lists.open';

/**
 * Another list's lock overlapping one of ours (domain/ledger/locks.ts locksOverlap: same warehouse, and
 * zone, bin and item each equal or open on either side). One arm per shape of the two locks, each an
 * equality the indexes of 0001 and 0098 answer from our few hundred locks — never a pass over all locks
 * of the warehouse, which made opening the 2,000 lists of a million positions quadratic (62 ms per list
 * at the end, 45 of the 96 s). Arms may report the same list twice; the first hit is enough.
 */
export async function conflictingLock(
  trx: Tx,
  listId: string,
): Promise<{ countListId: string; number: string } | undefined> {
  const zoneOk = sql`(o.zone_id is null or m.zone_id is null or o.zone_id = m.zone_id)`;
  const binOk = sql`(o.bin_id is null or m.bin_id is null or o.bin_id = m.bin_id)`;
  const other = sql`o.count_list_id <> m.count_list_id`;
  const r = await sql<{ countListId: string; number: string }>`
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

/** Opens one list inside the caller's transaction; throws a DomainError naming the reason when it cannot. */
export async function openCountListInTx(trx: Tx, ctx: ServiceContext, actor: Actor, listId: string): Promise<void> {
  const list = await loadList(trx, listId, true);
  requireSite(actor, list.siteId, `count list ${listId}`);
  const inv = await loadInventory(trx, list.inventoryId);
  const to = openList(list.status, list.number);
  requireInventoryOpen(inv);
  const now = ctx.now();

  // Article and difference lists lock item × place; bin lists lock whole bins (item null: anything in it).
  await trx.deleteFrom('stockLocks').where('countListId', '=', listId).execute();
  await sql`
    insert into stock_locks (site_id, count_list_id, warehouse_id, zone_id, bin_id, item_id, created_at)
    select distinct site_id, count_list_id, warehouse_id, zone_id, bin_id,
      case when ${list.countType} = 'bin' then null else item_id end, ${now}::timestamptz
    from count_list_items
    where count_list_id = ${listId} and not informational
      and (case when ${list.countType} = 'bin' then bin_id is not null else item_id is not null end)`.execute(trx);
  const other = await conflictingLock(trx, listId);
  if (other) {
    throw new DomainError(
      'count.on_other_list',
      `stock of this list is already locked by open count list ${other.number}`,
      {
        params: { countListNumber: other.number },
      },
    );
  }

  if (list.countType === 'bin') {
    // A bin is counted as a whole: stock that arrived in a counted bin since generation joins the list,
    // unless another live list of the inventory already counts that position.
    await sql`
      insert into count_list_items (site_id, inventory_id, count_list_id, line_no, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id)
      select ${list.siteId}, ${inv.id}, ${listId},
        (select coalesce(max(line_no), 0) from count_list_items where count_list_id = ${listId}) + row_number() over (order by sb.bin_id, sb.item_id, sb.lot, sb.serial),
        sb.item_id, sb.warehouse_id, sb.zone_id, sb.bin_id, sb.lot, sb.serial, sb.owner_id
      from stock_balances sb
      where sb.owner_id = ${inv.ownerId} and sb.quantity <> 0
        and sb.bin_id in (select bin_id from count_list_items where count_list_id = ${listId} and bin_id is not null and not informational)
        -- A probe per candidate (count_list_items_inventory_item_idx), written as a scalar subquery so the
        -- planner cannot turn it into an anti-join that sorts every line of the inventory once per list.
        and (select 1 from count_list_items o join count_lists ol on ol.id = o.count_list_id
          where o.inventory_id = ${inv.id} and o.item_id = sb.item_id and o.warehouse_id = sb.warehouse_id
            and o.bin_id = sb.bin_id and o.lot = sb.lot and o.serial = sb.serial and o.owner_id = sb.owner_id
            and ol.status not in (${FINAL_LIST_STATUSES_SQL}) limit 1) is null
      on conflict do nothing`.execute(trx);
    // The "empty bin" placeholder is pointless once the bin holds an item of the list.
    await sql`
      delete from count_list_items p where p.count_list_id = ${listId} and p.item_id is null
        and exists (select 1 from count_list_items o where o.count_list_id = p.count_list_id and o.bin_id = p.bin_id and o.item_id is not null)
        and not exists (select 1 from count_reports r where r.count_list_item_id = p.id)`.execute(trx);
  }

  // One pass over the items: re-read the target (the owner's balance at exactly this position, 0 when there
  // is none; an empty-bin placeholder has none), open the item, clear its verification mark. Only lines
  // that change are written: a list opened right after generation already holds these values, and
  // rewriting every line (a new row version in every index) was most of the cost of opening.
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
  await trx
    .updateTable('countLists')
    .set({
      status: to,
      statusReason: null,
      openedAt: now,
      updatedAt: now,
      countDate: list.countDate ?? inv.stockTakingDate,
    })
    .where('id', '=', listId)
    .execute();
}

/**
 * refused: the list could not even be marked opening_failed (e.g. it is already open or closed) and keeps its
 * status. already_open: the list was opened since the request was made — by an earlier run of the same job
 * that stopped half-way (re-queued after a restart), or by another request — and is still being counted.
 */
export interface OpenOutcome {
  countListId: string;
  status: 'open' | 'already_open' | 'opening_failed' | 'refused' | 'not_found';
  reason?: string;
}

export interface OpenOptions {
  /** When the opening was asked for: a list opened since then and still counting is reported already_open. */
  requestedAt?: Date | undefined;
}

/** A list this request (or an earlier run of its job) has already opened: open since `requestedAt`, still counting. */
async function openedSince(
  ctx: ServiceContext,
  id: string,
  requestedAt: Date | undefined,
): Promise<{ number: string } | undefined> {
  if (requestedAt === undefined) return undefined;
  const list = await loadList(ctx.db, id);
  const opened = list.openedAt === null ? null : new Date(list.openedAt);
  return COUNTING_STATUSES.includes(list.status) && opened !== null && opened.getTime() >= requestedAt.getTime()
    ? list
    : undefined;
}

/** Opens each list in its own transaction; a failure marks that list `opening_failed` with the reason. */
export async function openCountLists(
  ctx: ServiceContext,
  actor: Actor,
  ids: readonly string[],
  progress?: (done: number, total: number) => Promise<void>,
  opts: OpenOptions = {},
): Promise<OpenOutcome[]> {
  requireRole(actor, 'manager');
  const out: OpenOutcome[] = [];
  for (const id of ids) {
    // Re-opening would be refused (open → open is illegal), and a list opened by this very job before a
    // restart is no failure: report it as what it is.
    const already = await openedSince(ctx, id, opts.requestedAt);
    if (already) {
      out.push({
        countListId: id,
        status: 'already_open',
        reason: `count list ${already.number} is already open (opened since the request)`,
      });
      if (progress) await progress(out.length, ids.length);
      continue;
    }
    try {
      await inTransaction(ctx, (trx) => openCountListInTx(trx, ctx, actor, id));
      out.push({ countListId: id, status: 'open' });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      if (e.code === 'not_found') {
        out.push({ countListId: id, status: 'not_found', reason: e.message });
      } else {
        const recorded = await inTransaction(ctx, async (trx) => {
          const list = await loadList(trx, id, true);
          try {
            failOpening(list.status, list.number);
          } catch {
            return false; // e.g. already open or closed: the list keeps its status, the job reports the reason
          }
          await trx
            .updateTable('countLists')
            .set({ status: 'opening_failed', statusReason: e.message, updatedAt: ctx.now() })
            .where('id', '=', id)
            .execute();
          return true;
        });
        out.push({ countListId: id, status: recorded ? 'opening_failed' : 'refused', reason: e.message });
      }
    }
    if (progress) await progress(out.length, ids.length);
  }
  return out;
}

/** Queues the opening (the "send to the warehouse logistics server" action); returns the job id. */
export async function enqueueOpenCountLists(
  ctx: ServiceContext,
  actor: Actor,
  countListIds: readonly string[],
): Promise<string> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    let siteId: string | null = null;
    for (const id of countListIds) {
      const list = await loadList(trx, id);
      requireSite(actor, list.siteId, `count list ${id}`);
      siteId = list.siteId;
    }
    return enqueueJob(trx, ctx, {
      kind: OPEN_JOB,
      params: { countListIds },
      siteId,
      createdBy: actor.userId,
      total: countListIds.length,
    });
  });
}

/** Opening count lists in the background (SPEC §4.3): the lists of the request, one transaction each. */
export const openListsJob = defineJob(
  OPEN_JOB,
  z.object({ countListIds: z.array(z.string()) }),
  async (ctx, job, progress) => {
    const { countListIds } = job.params;
    // The job row survives restarts; its creation time is when the opening was asked for.
    const { createdAt } = await ctx.db
      .selectFrom('jobs')
      .select('createdAt')
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    return {
      lists: await openCountLists(ctx, job.actor, countListIds, progress, { requestedAt: new Date(createdAt) }),
    };
  },
);
