// Verification (SPEC §4.5): managers mark items for a recount; `verify` invalidates the earlier reports of
// marked reported items (never deleting them), reopens those items — on a bin list the whole bin — and
// removes the marks. Marked items of lists already closed can get new items on a new list.
import { sql } from 'kysely';
import { DomainError } from '../../domain/errors.js';
import { COUNTING_STATUSES, FINAL_STATUSES } from '../../domain/inventory/count-list.js';
import { planVerification, type VerifyCandidate } from '../../domain/inventory/verification.js';
import { formatNumber } from '../../domain/inventory/inventory.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { allocateNumbers } from './inventory.service.js';
import {
  loadInventory,
  loadList,
  refreshListStatus,
  requireInventoryOpen,
  requireSite,
  type InventoryRow,
} from './count-list.service.js';

/** Sets or clears the verification mark of one item (counted lists, or closed ones for a recount list). */
export async function setVerificationMark(
  ctx: ServiceContext,
  actor: Actor,
  countListItemId: string,
  mark: boolean,
): Promise<{ id: string; verificationMark: boolean }> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const item = found(
      await trx
        .selectFrom('countListItems')
        .select(['id', 'countListId', 'informational'])
        .where('id', '=', countListItemId)
        .forUpdate()
        .executeTakeFirst(),
      `count-list item ${countListItemId}`,
    );
    const list = await loadList(trx, item.countListId);
    requireSite(actor, list.siteId, `count-list item ${countListItemId}`);
    const inv = await loadInventory(trx, list.inventoryId);
    requireInventoryOpen(inv);
    if (item.informational)
      throw new DomainError('validation.failed', 'informational items are not counted here and cannot be verified', {
        field: 'verificationMark',
      });
    if (!COUNTING_STATUSES.includes(list.status) && !FINAL_STATUSES.includes(list.status)) {
      throw new DomainError(
        'count.not_open',
        `count list ${list.number} is ${list.status}; marks are set on open or closed lists`,
      );
    }
    await trx.updateTable('countListItems').set({ verificationMark: mark }).where('id', '=', countListItemId).execute();
    return { id: countListItemId, verificationMark: mark };
  });
}

export interface VerifyInput {
  /** Only these lists; all lists of the inventory when absent. */
  countListIds?: string[] | undefined;
  /** Marked items of already closed lists get new items on a new list (one per closed list). */
  newListForClosedItems?: boolean | undefined;
}

export interface VerifyResult {
  reopenedItems: number;
  invalidatedReports: number;
  unmarkedItems: number;
  newCountListIds: string[];
}

/** The next list number from the inventory's count-list scheme: the same allocation generation uses. */
async function nextListNumber(trx: Tx, inv: InventoryRow): Promise<string> {
  const n = await allocateNumbers(trx, inv.countListSequenceCode, 1);
  return formatNumber(n.prefix, n.width, n.first);
}

/** New list(s) recounting the marked items of closed lists (whole bins on bin lists). */
async function recountLists(
  trx: Tx,
  ctx: ServiceContext,
  inv: InventoryRow,
  closedMarked: string[],
): Promise<string[]> {
  if (closedMarked.length === 0) return [];
  const sources = await trx
    .selectFrom('countListItems')
    .select('countListId')
    .distinct()
    .where('id', 'in', closedMarked)
    .execute();
  const ids: string[] = [];
  const now = ctx.now();
  for (const { countListId } of sources) {
    const src = await loadList(trx, countListId);
    const list = await trx
      .insertInto('countLists')
      .values({
        siteId: src.siteId,
        inventoryId: inv.id,
        number: await nextListNumber(trx, inv),
        name: `Recount of ${src.number}`.slice(0, 80),
        countType: src.countType,
        registrationDate: now.toISOString().slice(0, 10),
        countDate: src.countDate,
        responsibleUserId: src.responsibleUserId,
        warehouseId: src.warehouseId,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The recount goes to the same people: the responsible employee and the assigned counters.
    await sql`insert into count_list_counters (count_list_id, user_id, site_id, created_at)
      select ${list.id}, user_id, site_id, ${now}::timestamptz from count_list_counters where count_list_id = ${countListId}`.execute(
      trx,
    );
    await sql`
      insert into count_list_items (site_id, inventory_id, count_list_id, line_no, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id)
      select site_id, inventory_id, ${list.id}, row_number() over (order by line_no, id), item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id
      from count_list_items s
      where s.count_list_id = ${countListId} and not s.informational
        and (s.verification_mark or (${src.countType} = 'bin' and s.bin_id in (
          select bin_id from count_list_items m where m.count_list_id = ${countListId} and m.verification_mark)))`.execute(
      trx,
    );
    ids.push(list.id);
  }
  return ids;
}

export async function verifyCountItems(
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
  input: VerifyInput = {},
): Promise<VerifyResult> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const inv = await loadInventory(trx, inventoryId, true);
    requireSite(actor, inv.siteId, `inventory ${inventoryId}`);
    requireInventoryOpen(inv);
    const scope = input.countListIds;
    if (scope) {
      for (const id of scope) {
        const l = await loadList(trx, id);
        if (l.inventoryId !== inv.id)
          throw new DomainError('validation.failed', `count list ${l.number} belongs to another inventory`, {
            field: 'countListIds',
          });
      }
    }
    // Candidates: marked items, and on bin lists the other items of a marked bin.
    const rows = await sql<VerifyCandidate>`
      select cli.id::text as id, cli.count_list_id::text as "countListId", cl.count_type as "countType", cli.bin_id::text as "binId",
        cli.status, cli.verification_mark as "verificationMark", cli.informational
      from count_list_items cli join count_lists cl on cl.id = cli.count_list_id
      where cli.inventory_id = ${inv.id} ${scope ? sql`and cli.count_list_id in (${sql.join(scope)})` : sql``}
        and (cli.verification_mark or (cl.count_type = 'bin' and cli.bin_id in (
          select m.bin_id from count_list_items m where m.count_list_id = cli.count_list_id and m.verification_mark)))
      for update of cli`.execute(trx);
    const plan = planVerification(rows.rows);
    const now = ctx.now();
    let invalidated = 0;
    if (plan.reopen.length > 0) {
      const r = await trx
        .updateTable('countReports')
        .set({ valid: false, invalidatedAt: now })
        .where('countListItemId', 'in', plan.reopen)
        .where('valid', '=', true)
        .executeTakeFirst();
      invalidated = Number(r.numUpdatedRows);
      await trx
        .updateTable('countListItems')
        .set({ status: 'open', reportedQuantity: null })
        .where('id', 'in', plan.reopen)
        .execute();
    }
    const newCountListIds = input.newListForClosedItems ? await recountLists(trx, ctx, inv, plan.closedMarked) : [];
    if (plan.unmark.length > 0)
      await trx.updateTable('countListItems').set({ verificationMark: false }).where('id', 'in', plan.unmark).execute();
    // Lists whose items changed follow them (e.g. back from completely to partially reported).
    const touched = [...new Set(rows.rows.filter((r) => plan.reopen.includes(r.id)).map((r) => r.countListId))];
    for (const id of touched) await refreshListStatus(trx, ctx, await loadList(trx, id, true));
    return {
      reopenedItems: plan.reopen.length,
      invalidatedReports: invalidated,
      unmarkedItems: plan.unmark.length,
      newCountListIds,
    };
  });
}
