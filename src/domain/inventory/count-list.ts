// Count-list lifecycle (SPEC §4.3, §4.5) as data plus named commands. Every move goes through `transition`,
// which throws count.illegal_transition instead of silently ignoring a wrong move. While a list is being
// counted its status follows from its items (open → partially reported → completely reported).
import { DomainError } from '../errors.js';
import { COUNT_LIST_STATUSES, type CountListStatus, type CountType } from './vocabulary.js';

export type { CountItemStatus, CountListStatus } from './vocabulary.js';

/** Statuses in which counting happens (reports, verification, adding found items). */
export const COUNTING_STATUSES: readonly CountListStatus[] = ['open', 'partially_reported', 'completely_reported'];
/** Final statuses: the list can no longer be edited or deleted. */
export const FINAL_STATUSES: readonly CountListStatus[] = ['closed', 'closed_with_errors', 'manually_closed'];
/** Live statuses: every status but the final ones (a live list still counts its positions). */
export const LIVE_STATUSES: readonly CountListStatus[] = COUNT_LIST_STATUSES.filter(
  (st) => !FINAL_STATUSES.includes(st),
);

/**
 * Whether a found item may be reported at a place that is not on the list (SPEC §4.5): a bin list counts only
 * its own bins; an article list takes found items anywhere in its warehouse except a bin a bin list counts.
 * Returns the refusal's code, or null when the place takes found items.
 */
export function foundPlaceRefusal(f: {
  countType: CountType;
  onList: boolean;
  isBin: boolean;
  otherListCountType: CountType | null;
}): 'count.place_not_on_list' | 'count.on_other_list' | null {
  if (f.onList) return null;
  if (f.countType === 'bin') return 'count.place_not_on_list';
  if (f.isBin && f.otherListCountType === 'bin') return 'count.on_other_list';
  return null;
}

export const TRANSITIONS: Readonly<Record<CountListStatus, readonly CountListStatus[]>> = {
  created: ['partially_generated', 'open', 'opening_failed'],
  // Generation of a large list runs in batches; it ends in created (done) or stays partial on failure.
  partially_generated: ['created'],
  opening_failed: ['open', 'opening_failed'],
  open: ['partially_reported', 'completely_reported', 'closing', 'manually_closed'],
  partially_reported: ['open', 'completely_reported', 'closing', 'manually_closed'],
  completely_reported: ['open', 'partially_reported', 'closing', 'manually_closed'],
  closing: ['closed', 'closed_with_errors'],
  closed: [],
  closed_with_errors: [],
  manually_closed: [],
};

export function canTransition(from: CountListStatus, to: CountListStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Returns `to` or throws: a list in a final status says so, anything else is an illegal move. */
export function transition(from: CountListStatus, to: CountListStatus, listNumber = ''): CountListStatus {
  if (canTransition(from, to)) return to;
  const which = listNumber ? `count list ${listNumber}` : 'the count list';
  if (FINAL_STATUSES.includes(from)) {
    throw new DomainError('count.list_closed', `${which} is ${from.replace(/_/g, ' ')} and can no longer be changed`, {
      params: { status: from, countListNumber: listNumber },
    });
  }
  throw new DomainError('count.illegal_transition', `${which} cannot go from ${from} to ${to}`, {
    params: { from, to, countListNumber: listNumber },
  });
}

export interface ItemCounts {
  /** Non-informational items still open (not reported). */
  open: number;
  /** Non-informational items reported. */
  reported: number;
  /** Items with a verification mark. */
  marked: number;
}

/** The counting status the items imply: none reported → open, some → partially, all → completely. */
export function statusFromItems(c: ItemCounts): 'open' | 'partially_reported' | 'completely_reported' {
  if (c.reported === 0) return 'open';
  return c.open === 0 ? 'completely_reported' : 'partially_reported';
}

// Named commands ------------------------------------------------------------------------------------------

/** Opening: from created or after a failed opening; re-opening an open list is refused. */
export function openList(from: CountListStatus, n?: string): CountListStatus {
  return transition(from, 'open', n);
}
export function failOpening(from: CountListStatus, n?: string): CountListStatus {
  return transition(from, 'opening_failed', n);
}

/** Counting progress: the status follows from the items (also back, after verification reopens items). */
export function followItems(from: CountListStatus, c: ItemCounts, n?: string): CountListStatus {
  requireCounting(from, n);
  const to = statusFromItems(c);
  return to === from ? from : transition(from, to, n);
}

/** Start closing: only counted lists whose every relevant item is reported and none marked. */
export function startClosing(from: CountListStatus, c: ItemCounts, n = ''): CountListStatus {
  requireCounting(from, n);
  if (c.open > 0) {
    throw new DomainError('count.not_all_reported', `count list ${n}: ${c.open} item(s) are not reported yet`, {
      params: { countListNumber: n, openItems: c.open, markedItems: c.marked },
    });
  }
  if (c.marked > 0) {
    throw new DomainError(
      'count.marked_for_verification',
      `count list ${n}: ${c.marked} item(s) are marked for verification; verify them first`,
      {
        params: { countListNumber: n, openItems: c.open, markedItems: c.marked },
      },
    );
  }
  return transition(from, 'closing', n);
}

export function finishClosing(from: CountListStatus, withErrors: boolean, n?: string): CountListStatus {
  return transition(from, withErrors ? 'closed_with_errors' : 'closed', n);
}

/** Throws count.not_open (or count.list_closed) unless the list is being counted. */
export function requireCounting(status: CountListStatus, n = ''): void {
  if (COUNTING_STATUSES.includes(status)) return;
  if (FINAL_STATUSES.includes(status)) transition(status, 'open', n);
  throw new DomainError('count.not_open', `count list ${n} is ${status.replace(/_/g, ' ')}; open it before counting`, {
    params: { status, countListNumber: n },
  });
}

/** Deleting: never a closed list; open lists may be deleted (their locks are released). */
export function requireDeletable(status: CountListStatus, n = ''): void {
  if (FINAL_STATUSES.includes(status)) transition(status, 'open', n);
  if (status === 'closing')
    throw new DomainError('count.illegal_transition', `count list ${n} is being closed`, { params: { status } });
}

/** Longest reason a manual close keeps (count_lists.status_reason). */
export const MANUAL_CLOSE_REASON_MAX = 500;

/**
 * Manual close (SPEC §4.3 "Manually closed"): a list being counted is closed without posting anything, e.g.
 * a list counted by mistake or made obsolete. It needs a reason, which the list keeps; final lists refuse it
 * (count.list_closed), others that are not being counted are illegal moves. Returns the new status and the
 * trimmed reason.
 */
export function closeManually(
  from: CountListStatus,
  reason: string,
  n = '',
): { status: CountListStatus; reason: string } {
  const r = reason.trim();
  if (FINAL_STATUSES.includes(from)) transition(from, 'manually_closed', n);
  if (r.length === 0) {
    throw new DomainError('validation.failed', `count list ${n}: a reason is required to close it manually`, {
      field: 'reason',
      params: { countListNumber: n },
    });
  }
  if (r.length > MANUAL_CLOSE_REASON_MAX) {
    throw new DomainError('validation.failed', `the reason is longer than ${MANUAL_CLOSE_REASON_MAX} characters`, {
      field: 'reason',
      params: { max: MANUAL_CLOSE_REASON_MAX },
    });
  }
  return { status: transition(from, 'manually_closed', n), reason: r };
}

/** Reassigning the responsible employee or the counters: any list not in a final status (a list being closed neither). */
export function isReassignable(status: CountListStatus): boolean {
  return !FINAL_STATUSES.includes(status) && status !== 'closing';
}

/** Throws, naming the status, unless the list's people may change (isReassignable). */
export function requireReassignable(status: CountListStatus, n = ''): void {
  if (FINAL_STATUSES.includes(status)) transition(status, 'open', n);
  if (status === 'closing')
    throw new DomainError('count.illegal_transition', `count list ${n} is being closed`, {
      params: { status, countListNumber: n },
    });
}

// Who may count a list --------------------------------------------------------------------------------------

/** The parts of a list and of the signed-in user the counting rule looks at. */
export interface CountingList {
  siteId: string;
  responsibleUserId: string | null;
}
export interface CountingActor {
  userId: string;
  role: 'admin' | 'manager' | 'counter';
  siteId: string | null;
}
/** back_office: the list's screens and API; handheld: the scanner, where everyone counts only their own lists. */
export type CountingPlace = 'back_office' | 'handheld';

/**
 * Who may count a list (report, undo, confirm empty bins, import): its responsible employee, any of its
 * assigned counters, and — in the back office — a manager or admin of the list's site. On the handheld a user
 * works only on lists they are responsible for or assigned to, whatever their role.
 */
export function mayCount(
  list: CountingList,
  counterUserIds: readonly string[],
  actor: CountingActor,
  where: CountingPlace = 'back_office',
): boolean {
  if (actor.siteId !== null && actor.siteId !== list.siteId) return false;
  if (list.responsibleUserId !== null && list.responsibleUserId === actor.userId) return true;
  if (counterUserIds.includes(actor.userId)) return true;
  return where === 'back_office' && actor.role !== 'counter';
}

/**
 * Undoing a report: whoever may count the list, but an assigned counter only their own reports — the
 * responsible employee and managers answer for the whole list.
 */
export function mayUndoReport(
  list: CountingList,
  counterUserIds: readonly string[],
  actor: CountingActor,
  reportUserId: string | null,
  where: CountingPlace = 'back_office',
): boolean {
  if (!mayCount(list, counterUserIds, actor, where)) return false;
  if (list.responsibleUserId === actor.userId) return true;
  if (where === 'back_office' && actor.role !== 'counter') return true;
  return reportUserId === actor.userId;
}

/** Counters assigned at once to a list (PUT …/counters, reassignment, generation). */
export const MAX_COUNTERS_PER_LIST = 50;

/** A list nobody may count: neither a responsible employee nor an assigned counter. */
export function hasCounter(responsibleUserId: string | null, counterUserIds: readonly string[]): boolean {
  return responsibleUserId !== null || counterUserIds.length > 0;
}
