// Opening count lists (SPEC §4.5): locks the list's stock for the inventory, re-reads the target quantities
// from the balances of the inventory's owner, opens all items and clears verification marks. Runs as a
// background job for large lists; each list opens in its own transaction, and a list that cannot be opened
// gets `opening_failed` with the reason while the others go on.
import { z } from 'zod';
import { analyzeIfGrown } from '../../storage/statistics.js';
import { DomainError, isDomainError } from '../../domain/errors.js';
import { COUNTING_STATUSES, failOpening, openList } from '../../domain/inventory/count-list.js';
import { type Actor, type ServiceContext, type Tx, inTransaction, requireRole } from '../context.js';
import { defineJob, enqueueJob } from '../jobs/queue.js';
import { requireInventoryOpen, requireSite } from './count-list.service.js';
import { loadInventory, loadList } from './count-list.repository.js';
import {
  conflictingLock,
  deleteFilledBinPlaceholders,
  insertFoundStockLines,
  jobCreatedAt,
  openItemsWithCurrentTargets,
  replaceStockLocks,
  writeListOpened,
  writeOpeningFailed,
} from './opening.repository.js';

export const OPEN_JOB = 'count_lists.open';

/** Opens one list inside the caller's transaction; throws a DomainError naming the reason when it cannot. */
export async function openCountListInTx(trx: Tx, ctx: ServiceContext, actor: Actor, listId: string): Promise<void> {
  const list = await loadList(trx, listId, true);
  requireSite(actor, list.siteId, `count list ${listId}`);
  const inv = await loadInventory(trx, list.inventoryId);
  const to = openList(list.status, list.number);
  requireInventoryOpen(inv);
  const now = ctx.now();

  // Article and difference lists lock item × place; bin lists lock whole bins (item null: anything in it).
  await replaceStockLocks(trx, listId, list.countType, now);
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
    // unless another live list of the inventory already counts that position. The "empty bin" placeholder
    // is pointless once the bin holds an item of the list.
    await insertFoundStockLines(trx, { siteId: list.siteId, inventoryId: inv.id, listId, ownerId: inv.ownerId });
    await deleteFilledBinPlaceholders(trx, listId);
  }

  // Targets re-read from the owner's balances, items open, verification marks cleared.
  await openItemsWithCurrentTargets(trx, listId);
  await writeListOpened(trx, listId, { status: to, now, countDate: list.countDate ?? inv.stockTakingDate });
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
      // The next list's overlap check and every closing posting look these locks up (storage/statistics.ts).
      await analyzeIfGrown(ctx.db, ['stock_locks']);
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
          await writeOpeningFailed(trx, id, e.message, ctx.now());
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
    const createdAt = await jobCreatedAt(ctx.db, job.id);
    return {
      lists: await openCountLists(ctx, job.actor, countListIds, progress, { requestedAt: new Date(createdAt) }),
    };
  },
);
