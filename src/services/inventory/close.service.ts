// Closing count lists (SPEC §4.5): differences become stock movements (adjustment or transfer to the
// differences zone), posted in one batch per key, then the counted balances remember the count, the
// list's locks are released, postings parked by them are re-processed and reservations re-checked.
// Atomic: one transaction per list — it either closes completely or stays as it was. A posting of the list
// that runs into another list's lock is parked (closed_with_errors): its items record nothing posted until
// it is applied (closing.repository.ts).
import { z } from 'zod';
import { DomainError, isDomainError } from '../../domain/errors.js';
import { finishClosing, startClosing } from '../../domain/inventory/count-list.js';
import { planClosing, type ClosingItem, type MovementLine } from '../../domain/inventory/closing.js';
import { type Actor, type ServiceContext, type Tx, inTransaction, requireRole, today } from '../context.js';
import { checkReservations, postMovements } from '../ledger/index.js';
import { defineJob, enqueueJob } from '../jobs/queue.js';
import {
  closeListItems,
  deleteListLocks,
  findListNumber,
  finishListClosing,
  recordPostedDifferences,
  rememberCounts,
  selectClosingItems,
  selectInventoryMethod,
  setListStatus,
} from './closing.repository.js';
import { reprocessParkedPostings } from './parked-postings.js';
import { type HeldBack, requireNothingHeldBack } from './tolerance-review.js';
import { requireInventoryOpen, requireSite } from './count-list.service.js';
import { type InventoryRow, itemCounts, loadInventory, loadList } from './count-list.repository.js';

export const CLOSE_JOB = 'count_lists.close';

export interface CloseOutcome {
  countListId: string;
  countListNumber: string;
  status: 'closed' | 'closed_with_errors' | 'failed';
  /** Movement lines posted to the ledger (a transfer counts two); lines of parked postings are not. */
  postedLines: number;
  /** Postings of this list that went to the posting error file. */
  parked: Array<{ postingErrorId: string; reason: string }>;
  error?: { code: string; message: string; params?: Record<string, unknown> };
}

/** Posting date of differences: the stock-taking day, or today for the other methods. */
export function postingDateOf(ctx: ServiceContext, inv: InventoryRow, method: string): string {
  return method === 'stock_taking_day' && inv.stockTakingDate ? inv.stockTakingDate : today(ctx);
}

export async function inventoryMethod(trx: Tx, inv: InventoryRow): Promise<{ method: string; materialType: string }> {
  return selectInventoryMethod(trx, inv.typeId);
}

/** Items of the list with everything the closing plan needs, price included. */
function closingItems(trx: Tx, listId: string, inv: InventoryRow, method: string): Promise<ClosingItem[]> {
  // Stock-taking day: every quantity change at the weighted average (SPEC §4.6); else the valuation price.
  const atAverage = method === 'stock_taking_day' || inv.valuationPrice === 'average';
  return selectClosingItems(trx, listId, { atAverage, valuationPrice: inv.valuationPrice });
}

function requireKey(key: string | null, which: string, inv: InventoryRow): string {
  if (!key)
    throw new DomainError('count.value_key_missing', `inventory ${inv.number} has no ${which} transaction key`, {
      params: { key: which },
    });
  return key;
}

/**
 * Closes one list inside the caller's transaction. `heldBack`: the lines the review holds back, read for
 * several lists at once by the caller (closing an inventory); else read here.
 */
export async function closeCountListInTx(
  trx: Tx,
  ctx: ServiceContext,
  actor: Actor,
  listId: string,
  heldBack?: HeldBack,
): Promise<CloseOutcome> {
  const list = await loadList(trx, listId, true);
  requireSite(actor, list.siteId, `count list ${listId}`);
  const inv = await loadInventory(trx, list.inventoryId);
  requireInventoryOpen(inv);
  await requireNothingHeldBack(trx, list.id, list.number, heldBack);
  const closing = startClosing(list.status, await itemCounts(trx, listId), list.number);
  const now = ctx.now();
  // Visible only inside this transaction: other sessions see the list open until it is closed for good.
  await setListStatus(trx, listId, closing, now);

  const { method } = await inventoryMethod(trx, inv);
  const items = await closingItems(trx, listId, inv, method);
  const plan = planClosing(items);
  const postingDate = postingDateOf(ctx, inv, method);
  const parked: CloseOutcome['parked'] = [];
  const parkedVia = new Set<'adjustment' | 'transfer'>();
  let postedLines = 0;
  const post = async (via: 'adjustment' | 'transfer', keyCode: string, lines: MovementLine[]) => {
    const res = await postMovements(
      trx,
      ctx,
      actor,
      {
        siteId: list.siteId,
        keyCode,
        postingDate,
        originType: 'count_list',
        originId: listId,
        ...(inv.costCentre ? { costCentre: inv.costCentre } : {}),
        lines,
      },
      { ignoreLocksOfCountList: listId },
    );
    if (res.status === 'parked') {
      parked.push({ postingErrorId: res.postingErrorId, reason: res.reason });
      parkedVia.add(via);
    } else {
      postedLines += lines.length;
    }
  };
  if (plan.adjustments.length > 0)
    await post('adjustment', requireKey(inv.adjustmentKey, 'adjustment', inv), plan.adjustments);
  if (plan.transfers.length > 0) await post('transfer', requireKey(inv.transferKey, 'transfer', inv), plan.transfers);

  // The whole list closed (informational items and placeholders included) and what each item posted:
  // one pass over the list, then only the items with a difference get their quantity and price. An item
  // whose posting was parked claims nothing (null) until the posting is applied (closing.repository.ts).
  await closeListItems(trx, listId, now);
  const diffs = plan.posted.filter((p) => p.postedQuantity !== '0');
  await recordPostedDifferences(
    trx,
    diffs.map((p) =>
      p.via !== null && parkedVia.has(p.via)
        ? { id: p.id, q: null, p: null }
        : { id: p.id, q: p.postedQuantity, p: p.unitPrice },
    ),
  );
  // The counted positions remember the count (count-cycle and "not counted this year" selections use it) —
  // those whose difference is in the ledger: a parked one is remembered when it is applied, so that its own
  // movement does not count as one made since the count.
  await rememberCounts(trx, listId, list.countDate ?? postingDate);

  const status = finishClosing(closing, parked.length > 0, list.number) as 'closed' | 'closed_with_errors';
  await finishListClosing(trx, listId, {
    status,
    now,
    statusReason:
      parked.length > 0
        ? `postings parked in the posting error file: ${parked.map((p) => p.reason).join('; ')}`.slice(0, 1000)
        : null,
  });
  await deleteListLocks(trx, listId);
  await reprocessParkedPostings(trx, ctx, { countListId: listId });
  const itemIds = [...new Set(items.map((i) => i.itemId))];
  const warehouseIds = [...new Set(items.map((i) => i.warehouseId))];
  if (itemIds.length > 0) await checkReservations(trx, ctx, { itemIds, warehouseIds });
  return { countListId: listId, countListNumber: list.number, status, postedLines, parked };
}

/** Use case: close one list synchronously (throws the reason when it cannot be closed). */
export function closeCountList(ctx: ServiceContext, actor: Actor, countListId: string): Promise<CloseOutcome> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, (trx) => closeCountListInTx(trx, ctx, actor, countListId));
}

/** Closes several lists, each in its own transaction; a list that cannot be closed is reported and unchanged. */
export async function closeCountLists(
  ctx: ServiceContext,
  actor: Actor,
  ids: readonly string[],
  progress?: (done: number, total: number) => Promise<void>,
): Promise<CloseOutcome[]> {
  requireRole(actor, 'manager');
  const out: CloseOutcome[] = [];
  for (const id of ids) {
    try {
      out.push(await inTransaction(ctx, (trx) => closeCountListInTx(trx, ctx, actor, id)));
    } catch (e) {
      if (!isDomainError(e)) throw e;
      const number = await findListNumber(ctx.db, id);
      out.push({
        countListId: id,
        countListNumber: number,
        status: 'failed',
        postedLines: 0,
        parked: [],
        error: { code: e.code, message: e.message, ...(e.params ? { params: e.params } : {}) },
      });
    }
    if (progress) await progress(out.length, ids.length);
  }
  return out;
}

export async function enqueueCloseCountLists(
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
      kind: CLOSE_JOB,
      params: { countListIds },
      siteId,
      createdBy: actor.userId,
      total: countListIds.length,
    });
  });
}

/** Closing count lists in the background (SPEC §4.6): postings per list, one transaction each. */
export const closeListsJob = defineJob(
  CLOSE_JOB,
  z.object({ countListIds: z.array(z.string()) }),
  async (ctx, job, progress) => {
    const { countListIds } = job.params;
    return { lists: await closeCountLists(ctx, job.actor, countListIds, progress) };
  },
);
