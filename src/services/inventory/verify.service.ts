// Verification (SPEC §4.5): managers mark items for a recount; `verify` invalidates the earlier reports of
// marked reported items (never deleting them), reopens those items — on a bin list the whole bin — and
// removes the marks. Marked items of lists already closed can get new items on a new list.
import { DomainError } from '../../domain/errors.js';
import { COUNTING_STATUSES, FINAL_STATUSES } from '../../domain/inventory/count-list.js';
import { planVerification } from '../../domain/inventory/verification.js';
import { formatNumber } from '../../domain/inventory/inventory.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { allocateNumbers } from './inventory-type.repository.js';
import { refreshListStatus, requireInventoryOpen, requireSite } from './count-list.service.js';
import { loadInventory, loadList, type InventoryRow } from './count-list.repository.js';
import {
  clearVerificationMarks,
  copyCounters,
  insertRecountItems,
  insertRecountList,
  invalidateReportsOf,
  listsOfItems,
  lockItemForMark,
  lockVerifyCandidates,
  reopenItems,
  writeVerificationMark,
} from './verification.repository.js';

/** Sets or clears the verification mark of one item (counted lists, or closed ones for a recount list). */
export async function setVerificationMark(
  ctx: ServiceContext,
  actor: Actor,
  countListItemId: string,
  mark: boolean,
): Promise<{ id: string; verificationMark: boolean }> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const item = found(await lockItemForMark(trx, countListItemId), `count-list item ${countListItemId}`);
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
    await writeVerificationMark(trx, countListItemId, mark);
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
  const ids: string[] = [];
  const now = ctx.now();
  for (const countListId of await listsOfItems(trx, closedMarked)) {
    const src = await loadList(trx, countListId);
    const id = await insertRecountList(trx, {
      siteId: src.siteId,
      inventoryId: inv.id,
      number: await nextListNumber(trx, inv),
      name: `Recount of ${src.number}`.slice(0, 80),
      countType: src.countType,
      registrationDate: now.toISOString().slice(0, 10),
      countDate: src.countDate,
      responsibleUserId: src.responsibleUserId,
      warehouseId: src.warehouseId,
      now,
    });
    // The recount goes to the same people: the responsible employee and the assigned counters. It counts
    // the marked items, on a bin list the whole marked bins.
    await copyCounters(trx, countListId, id, now);
    await insertRecountItems(trx, countListId, id, src.countType);
    ids.push(id);
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
    const rows = await lockVerifyCandidates(trx, inv.id, scope);
    const plan = planVerification(rows);
    const now = ctx.now();
    const invalidated = await invalidateReportsOf(trx, plan.reopen, now);
    await reopenItems(trx, plan.reopen);
    const newCountListIds = input.newListForClosedItems ? await recountLists(trx, ctx, inv, plan.closedMarked) : [];
    await clearVerificationMarks(trx, plan.unmark);
    // Lists whose items changed follow them (e.g. back from completely to partially reported).
    const touched = [...new Set(rows.filter((r) => plan.reopen.includes(r.id)).map((r) => r.countListId))];
    for (const id of touched) await refreshListStatus(trx, ctx, await loadList(trx, id, true));
    return {
      reopenedItems: plan.reopen.length,
      invalidatedReports: invalidated,
      unmarkedItems: plan.unmark.length,
      newCountListIds,
    };
  });
}
