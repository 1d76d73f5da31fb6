// Count-list administration in the back office (SPEC §4.3, §4.5): closing a list manually — without any
// posting, with a reason the list keeps — and handing lists over to another employee and to assigned
// counters. Each request is one transaction: a manual close releases the list's stock locks and re-processes
// the postings they parked; a reassignment changes all the lists or none.
import { closeManually, MAX_COUNTERS_PER_LIST, requireReassignable } from '../../domain/inventory/count-list.js';
import { ensureNotClosed } from '../../domain/inventory/inventory.js';
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, type Tx, inTransaction, requireRole } from '../context.js';
import { reprocessParkedPostings } from './parked-postings.js';
import { requireSite } from './count-list.service.js';
import { type CounterView, countersOf, type ListRow, loadInventory, loadList } from './count-list.repository.js';
import {
  findEmployee,
  findEmployees,
  lockLists,
  releaseLocks,
  replaceCounters,
  setResponsible,
  writeManualClose,
} from './list-admin.repository.js';

export interface ManualCloseResult {
  countListId: string;
  countListNumber: string;
  status: 'manually_closed';
  statusReason: string;
  /** Stock locks of the list that were released. */
  releasedLocks: number;
  /** Postings parked by those locks that are now in the ledger. */
  reprocessedPostings: number;
  /** Postings parked by those locks that now wait for another list's lock. */
  stillParked: number;
}

export async function closeCountListManually(
  ctx: ServiceContext,
  actor: Actor,
  countListId: string,
  reason: string,
): Promise<ManualCloseResult> {
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
      countListId: list.id,
      countListNumber: list.number,
      status: 'manually_closed',
      statusReason: next.reason,
      releasedLocks,
      reprocessedPostings: r.posted.length,
      stillParked: r.pending.length,
    };
  });
}

export interface ReassignResult {
  countListIds: string[];
  responsibleUserId: string;
  /** The lists' assigned counters now, when the request set them. */
  counterUserIds?: string[];
}

/**
 * The ids as a set, each an active user of every list's site (or of no site): `field` names the request
 * field in the error. Refused as a whole: reference.unknown naming the first misfit and its list.
 */
export async function checkCounters(
  trx: Tx,
  lists: readonly Pick<ListRow, 'siteId' | 'number'>[],
  userIds: readonly string[],
  field: string,
): Promise<string[]> {
  const ids = [...new Set(userIds)];
  if (ids.length > MAX_COUNTERS_PER_LIST) {
    throw new DomainError('validation.failed', `at most ${MAX_COUNTERS_PER_LIST} counters per list`, {
      field,
      params: { max: MAX_COUNTERS_PER_LIST },
    });
  }
  const users = await findEmployees(trx, ids);
  for (const id of ids) {
    const u = users.get(id);
    const misfit = u && u.active ? lists.find((l) => u.siteId !== null && u.siteId !== l.siteId) : undefined;
    if (!u || !u.active) {
      throw new DomainError('reference.unknown', `${field}: employee ${id} does not exist or is not active`, {
        field,
        params: { userId: id },
      });
    }
    if (misfit) {
      throw new DomainError(
        'reference.unknown',
        `${field}: employee ${id} belongs to another site than count list ${misfit.number}`,
        { field, params: { userId: id, countListNumber: misfit.number } },
      );
    }
  }
  return ids;
}

/** Sets the responsible employee of every list, or of none: final lists and unknown ids refuse the whole request. */
export async function reassignCountLists(
  ctx: ServiceContext,
  actor: Actor,
  input: { countListIds: readonly string[]; responsibleUserId: string; counterUserIds?: readonly string[] | undefined },
): Promise<ReassignResult> {
  requireRole(actor, 'manager');
  const ids = [...new Set(input.countListIds)];
  return inTransaction(ctx, async (trx) => {
    const lists = await lockLists(trx, ids);
    for (const id of ids) {
      const l = lists.find((x) => x.id === id);
      if (!l)
        throw new DomainError('not_found', `count list ${id} not found`, {
          field: 'countListIds',
          params: { countListId: id },
        });
      requireSite(actor, l.siteId, `count list ${id}`);
      requireReassignable(l.status, l.number);
    }
    const u = await findEmployee(trx, input.responsibleUserId);
    // The employee must be able to see every list: active, and of each list's site (or of every site).
    const misfit = u && u.active ? lists.find((l) => u.siteId !== null && u.siteId !== l.siteId) : lists[0];
    if (!u || !u.active || misfit) {
      throw new DomainError(
        'reference.unknown',
        `employee ${input.responsibleUserId} is not an active user of the site of count list ${misfit?.number ?? ''}`.trim(),
        {
          field: 'responsibleUserId',
          params: { responsibleUserId: input.responsibleUserId, countListNumber: misfit?.number ?? null },
        },
      );
    }
    const now = ctx.now();
    await setResponsible(trx, ids, u.id, now);
    if (input.counterUserIds === undefined) return { countListIds: ids, responsibleUserId: u.id };
    const counters = await checkCounters(trx, lists, input.counterUserIds, 'counterUserIds');
    await replaceCounters(trx, lists, counters, now);
    return { countListIds: ids, responsibleUserId: u.id, counterUserIds: counters };
  });
}

export interface CountersResult {
  countListId: string;
  responsibleUserId: string | null;
  counters: CounterView[];
}

/** The list's assigned counters become exactly `userIds` (manager; any list not closed; [] removes them all). */
export async function setCountListCounters(
  ctx: ServiceContext,
  actor: Actor,
  countListId: string,
  userIds: readonly string[],
): Promise<CountersResult> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const list = await loadList(trx, countListId, true);
    requireSite(actor, list.siteId, `count list ${countListId}`);
    requireReassignable(list.status, list.number);
    const ids = await checkCounters(trx, [list], userIds, 'userIds');
    await replaceCounters(trx, [list], ids, ctx.now());
    return {
      countListId: list.id,
      responsibleUserId: list.responsibleUserId,
      counters: (await countersOf(trx, [list.id])).get(list.id) ?? [],
    };
  });
}
