// Count-list administration in the back office (SPEC §4.3, §4.5): closing a list manually — without any
// posting, with a reason the list keeps — and handing lists over to another employee. Each request is one
// transaction: a manual close releases the list's stock locks and re-processes the postings they parked;
// a reassignment changes all the lists or none.
import { closeManually, requireReassignable } from '../../domain/inventory/count-list.js';
import { ensureNotClosed } from '../../domain/inventory/inventory.js';
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, inTransaction, requireRole } from '../context.js';
import { reprocessParkedPostings } from './close-record.js';
import { loadInventory, loadList, requireSite } from './count-list.service.js';
import { findEmployee, lockLists, releaseLocks, setResponsible, writeManualClose } from './list-admin.repository.js';

export interface ManualCloseResult {
  countListId: string; countListNumber: string; status: 'manually_closed'; statusReason: string;
  /** Stock locks of the list that were released. */
  releasedLocks: number;
  /** Postings parked by those locks that are now in the ledger. */
  reprocessedPostings: number;
  /** Postings parked by those locks that now wait for another list's lock. */
  stillParked: number;
}

export async function closeCountListManually(ctx: ServiceContext, actor: Actor, countListId: string, reason: string): Promise<ManualCloseResult> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const list = await loadList(trx, countListId, true);
    requireSite(actor, list.siteId, `count list ${countListId}`);
    const inv = await loadInventory(trx, list.inventoryId);
    const next = closeManually(list.status, reason, list.number);
    ensureNotClosed(inv.status);
    const now = ctx.now();
    await writeManualClose(trx, { listId: list.id, reason: next.reason, now });
    const releasedLocks = await releaseLocks(trx, list.id);
    const r = await reprocessParkedPostings(trx, ctx, { countListId: list.id });
    return {
      countListId: list.id, countListNumber: list.number, status: 'manually_closed', statusReason: next.reason,
      releasedLocks, reprocessedPostings: r.posted.length, stillParked: r.pending.length,
    };
  });
}

export interface ReassignResult { countListIds: string[]; responsibleUserId: string }

/** Sets the responsible employee of every list, or of none: final lists and unknown ids refuse the whole request. */
export async function reassignCountLists(ctx: ServiceContext, actor: Actor, input: { countListIds: readonly string[]; responsibleUserId: string }): Promise<ReassignResult> {
  requireRole(actor, 'manager');
  const ids = [...new Set(input.countListIds)];
  return inTransaction(ctx, async (trx) => {
    const lists = await lockLists(trx, ids);
    for (const id of ids) {
      const l = lists.find((x) => x.id === id);
      if (!l) throw new DomainError('not_found', `count list ${id} not found`, { field: 'countListIds', params: { countListId: id } });
      requireSite(actor, l.siteId, `count list ${id}`);
      requireReassignable(l.status, l.number);
    }
    const u = await findEmployee(trx, input.responsibleUserId);
    // The employee must be able to see every list: active, and of each list's site (or of every site).
    const misfit = u && u.active ? lists.find((l) => u.siteId !== null && u.siteId !== l.siteId) : lists[0];
    if (!u || !u.active || misfit) {
      throw new DomainError('reference.unknown',
        `employee ${input.responsibleUserId} is not an active user of the site of count list ${misfit?.number ?? ''}`.trim(),
        { field: 'responsibleUserId', params: { responsibleUserId: input.responsibleUserId, countListNumber: misfit?.number ?? null } });
    }
    await setResponsible(trx, ids, u.id, ctx.now());
    return { countListIds: ids, responsibleUserId: u.id };
  });
}
