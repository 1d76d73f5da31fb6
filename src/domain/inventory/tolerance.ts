// Count tolerances and the review of a count-list line (docs/tolerances.md). An inventory type may allow a
// difference per line by quantity (percent of the target) and by value (|difference| × price). A report
// outside the tolerance asks for a recount; a recount still outside needs a manager's approval before the
// list can close. Pure: the report path evaluates it once per report and persists the new state.
import { Dec, decText, parseDecimal } from '../decimal.js';
import { DomainError } from '../errors.js';

/** Review states of a count-list line (count_list_items.review_state, CHECK in migration 0104). */
export const REVIEW_STATES = ['none', 'recount_requested', 'needs_approval', 'approved', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** A manager's decision on a line that needs approval (count_list_approvals.decision). */
export const APPROVAL_DECISIONS = ['approved', 'rejected'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/** Percent and value a line may differ by; null on one side means that side sets no limit. */
export interface Tolerance {
  percent: string | null;
  value: string | null;
}

/** A type without either limit has no tolerance: every count is accepted as it is (no review). */
export function hasTolerance(t: Tolerance | null | undefined): t is Tolerance {
  return t !== null && t !== undefined && (t.percent !== null || t.value !== null);
}

export interface ToleranceCheck {
  within: boolean;
  difference: string;
  /** |difference| × price, exact. */
  value: string;
  /** Which limits the difference exceeds. */
  exceeded: Array<'percent' | 'value'>;
}

/**
 * Whether a counted quantity is within the tolerance of its target. The percent side allows
 * |difference| ≤ percent % of |target|: a count on a zero target is outside it (nothing was expected),
 * unless only a value limit is set and the value is within it. Limits are inclusive.
 */
export function withinTolerance(
  target: string | null,
  counted: string,
  price: string | null,
  tolerance: Tolerance,
): ToleranceCheck {
  const diff = new Dec(counted).minus(target ?? '0');
  const abs = diff.abs();
  const value = abs.times(price ?? '0');
  const exceeded: ToleranceCheck['exceeded'] = [];
  if (tolerance.percent !== null) {
    const allowed = new Dec(target ?? '0').abs().times(tolerance.percent).div(100);
    if (abs.gt(allowed)) exceeded.push('percent');
  }
  if (tolerance.value !== null && value.gt(tolerance.value)) exceeded.push('value');
  return { within: exceeded.length === 0, difference: decText(diff), value: decText(value), exceeded };
}

/** Checks a tolerance as configured on an inventory type: each side null or a decimal ≥ 0 (percent ≤ 1000). */
export function parseTolerance(percent: string | null | undefined, value: string | null | undefined): Tolerance {
  const p = percent === undefined || percent === null ? null : parseDecimal(percent, 'tolerancePercent');
  const v = value === undefined || value === null ? null : parseDecimal(value, 'toleranceValue');
  if (p !== null && (p.lt(0) || p.gt(1000)))
    throw new DomainError('validation.failed', 'tolerancePercent must be between 0 and 1000', {
      field: 'tolerancePercent',
    });
  if (v !== null && v.lt(0))
    throw new DomainError('validation.failed', 'toleranceValue must not be negative', { field: 'toleranceValue' });
  return { percent: p === null ? null : decText(p), value: v === null ? null : decText(v) };
}

// The review state machine ----------------------------------------------------------------------------------

export const REVIEW_TRANSITIONS: Readonly<Record<ReviewState, readonly ReviewState[]>> = {
  // First count: outside asks for a recount.
  none: ['recount_requested'],
  // The recount: within clears the request, outside needs approval.
  recount_requested: ['none', 'needs_approval'],
  // A new report before the decision is judged again; a manager decides.
  needs_approval: ['none', 'approved', 'rejected'],
  // An approval covers the quantity approved: another report is judged again.
  approved: ['none', 'needs_approval'],
  // A rejected count is counted again; a line already recounted goes to approval when still outside.
  rejected: ['none', 'needs_approval'],
};

export function reviewTransition(from: ReviewState, to: ReviewState): ReviewState {
  if (REVIEW_TRANSITIONS[from].includes(to)) return to;
  throw new DomainError('review.illegal_transition', `a line in review state ${from} cannot go to ${to}`, {
    params: { from, to },
  });
}

/** What the report path does with a line after a report, decided from its state and the tolerance check. */
export interface ReviewOutcome {
  state: ReviewState;
  /** Set the verification mark (the first count was outside). */
  mark: boolean;
  /** The report was the recount: the mark it answered is removed. */
  unmark: boolean;
  /** Record the reporter as the first counter. */
  recordFirstCounter: boolean;
}

/**
 * A report on a line: `continuesFirstCount` is an "add" by the first counter to a line not yet reopened
 * (a cumulative count in progress), judged again as the first count. Otherwise a report on a line whose
 * recount was requested is the recount.
 */
export function reviewAfterReport(from: ReviewState, within: boolean, continuesFirstCount = false): ReviewOutcome {
  const stay = { state: from, mark: false, unmark: false, recordFirstCounter: false };
  switch (from) {
    case 'none':
      return within ? stay : { state: requestRecount(from), mark: true, unmark: false, recordFirstCounter: true };
    case 'recount_requested':
      if (continuesFirstCount)
        return within
          ? { state: reviewTransition(from, 'none'), mark: false, unmark: true, recordFirstCounter: false }
          : { ...stay, mark: true };
      return {
        state: reviewTransition(from, within ? 'none' : 'needs_approval'),
        mark: false,
        unmark: true,
        recordFirstCounter: false,
      };
    case 'needs_approval':
      return within ? { ...stay, state: reviewTransition(from, 'none') } : stay;
    case 'approved':
    case 'rejected':
      return { ...stay, state: reviewTransition(from, within ? 'none' : 'needs_approval') };
  }
}

// Named commands.
export function requestRecount(from: ReviewState): ReviewState {
  return reviewTransition(from, 'recount_requested');
}
export function approve(from: ReviewState): ReviewState {
  return reviewTransition(from, 'approved');
}
export function reject(from: ReviewState): ReviewState {
  return reviewTransition(from, 'rejected');
}

/**
 * Who may recount: anyone but the first counter, while the list has another counter (its responsible
 * employee or an assigned counter). A list counted by one person alone is recounted by that person.
 */
export function recountRefusal(
  firstCounterId: string | null,
  reporterId: string,
  listCounterIds: readonly string[],
): 'review.same_counter' | null {
  if (firstCounterId === null || firstCounterId !== reporterId) return null;
  const others = listCounterIds.filter((id) => id !== firstCounterId);
  return others.length > 0 ? 'review.same_counter' : null;
}

/** Longest comment an approval keeps (count_list_approvals.comment). */
export const APPROVAL_COMMENT_MAX = 500;

/**
 * A manager's decision: only on a line that needs approval; approving needs a reason code (the line is
 * outside the tolerance, or it would not need approval); rejecting needs a comment saying why.
 */
export function decide(
  from: ReviewState,
  decision: ApprovalDecision,
  reasonCode: string | null,
  comment: string,
): { state: ReviewState; comment: string } {
  const c = comment.trim();
  if (c.length > APPROVAL_COMMENT_MAX)
    throw new DomainError('validation.failed', `the comment is longer than ${APPROVAL_COMMENT_MAX} characters`, {
      field: 'comment',
      params: { max: APPROVAL_COMMENT_MAX },
    });
  if (from !== 'needs_approval')
    throw new DomainError('review.not_pending', `the line is ${from.replace(/_/g, ' ')}, not waiting for approval`, {
      params: { state: from },
    });
  if (decision === 'approved' && reasonCode === null)
    throw new DomainError('review.reason_required', 'the difference is outside the tolerance: choose a reason code', {
      field: 'reasonCode',
    });
  if (decision === 'rejected' && c.length === 0)
    throw new DomainError('validation.failed', 'say in the comment why the count is rejected', { field: 'comment' });
  return { state: decision === 'approved' ? approve(from) : reject(from), comment: c };
}
