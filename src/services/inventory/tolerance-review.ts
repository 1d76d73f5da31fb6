// The tolerance review on the report path (docs/tolerances.md): after a report the line is judged once
// against its inventory type's tolerance, and what changes (review state, verification mark, first counter,
// reason code) is written by the report's own statement (report.repository.ts writeReport). Also the checks a
// report or a decision makes of a reason code.
import { DomainError } from '../../domain/errors.js';
import {
  type Tolerance,
  recountRefusal,
  reviewAfterReport,
  withinTolerance,
} from '../../domain/inventory/tolerance.js';
import type { Actor, Tx } from '../context.js';
import type { CountableList, ItemRow } from './count-list.repository.js';
import type { ReviewWrite } from './report.repository.js';
import {
  anyTolerance,
  findReasonCode,
  reviewImportedLines,
  selectLinesHeldBack,
  selectLinesHeldBackOf,
  selectSameCounterRecounts,
} from './tolerance.repository.js';

/** Throws review.reason_unknown unless the code exists and is active. */
export async function requireReasonCode(trx: Tx, code: string): Promise<void> {
  const row = await findReasonCode(trx, code);
  if (row === undefined || !row.active)
    throw new DomainError('review.reason_unknown', `reason code ${code} does not exist or is not active`, {
      field: 'reasonCode',
      params: { reasonCode: code },
    });
}

/** Who counts the list: its responsible employee and its assigned counters. */
function listCounters(list: CountableList): string[] {
  const ids = list.responsibleUserId === null ? [] : [list.responsibleUserId];
  return [...new Set([...ids, ...list.counterUserIds])];
}

/**
 * What a report changes in the line's review; undefined when nothing changes (a type without tolerance and
 * a line never reviewed: the usual scan writes nothing more). Throws review.same_counter when the first
 * counter would recount a line that another counter of the list can recount.
 */
export function reviewOfReport(
  row: ItemRow,
  list: CountableList,
  actor: Actor,
  tolerance: Tolerance | null,
  r: { resulting: string; price: string | null; mode: 'add' | 'replace'; reasonCode?: string | undefined },
): ReviewWrite | undefined {
  const reason = r.reasonCode !== undefined ? { reasonCode: r.reasonCode } : {};
  if (tolerance === null && row.reviewState === 'none')
    return r.reasonCode !== undefined ? { state: 'none', ...reason } : undefined;
  // A type whose tolerance was removed accepts every count.
  const within = tolerance === null || withinTolerance(row.targetQuantity, r.resulting, r.price, tolerance).within;
  const reporter = actor.userId === '0' ? null : actor.userId;
  const continues =
    row.reviewState === 'recount_requested' &&
    row.status === 'reported' &&
    r.mode === 'add' &&
    reporter !== null &&
    row.firstCounterId === reporter;
  if (row.reviewState === 'recount_requested' && !continues && reporter !== null) {
    if (recountRefusal(row.firstCounterId, reporter, listCounters(list)) !== null)
      throw new DomainError(
        'review.same_counter',
        `line ${row.lineNo} of count list ${list.number} is recounted by another counter of the list`,
        { field: 'countListItemId', params: { countListNumber: list.number, lineNo: row.lineNo } },
      );
  }
  const o = reviewAfterReport(row.reviewState, within, continues);
  const w: ReviewWrite = { state: o.state, ...reason };
  if (o.mark) w.mark = true;
  if (o.unmark) w.mark = false;
  if (o.recordFirstCounter || (continues && !within)) {
    w.firstCounterId = reporter;
    w.firstCountQuantity = r.resulting;
  }
  const unchanged = w.state === row.reviewState && w.mark === undefined && w.firstCounterId === undefined;
  return unchanged && r.reasonCode === undefined ? undefined : w;
}

/** The lines the review holds back per list (lists without any are absent), read for many lists at once. */
export type HeldBack = ReadonlyMap<string, readonly number[]>;

export async function heldBackOf(trx: Tx, countListIds: readonly string[]): Promise<HeldBack> {
  const m = new Map<string, number[]>();
  if (countListIds.length === 0) return m;
  for (const r of await selectLinesHeldBackOf(trx, countListIds)) {
    const lines = m.get(r.countListId);
    if (lines) lines.push(r.lineNo);
    else m.set(r.countListId, [r.lineNo]);
  }
  return m;
}

/**
 * Closing refuses a list with lines outside the tolerance that wait for their recount or for a manager's
 * decision, naming them (closing several lists reports it per list, it skips nothing silently). `heldBack`:
 * what heldBackOf read for this list among others; without it the list's lines are read here.
 */
export async function requireNothingHeldBack(
  trx: Tx,
  countListId: string,
  countListNumber: string,
  heldBack?: HeldBack,
): Promise<void> {
  const lines = heldBack ? (heldBack.get(countListId) ?? []) : await selectLinesHeldBack(trx, countListId);
  if (lines.length === 0) return;
  const shown = lines.slice(0, 20).join(', ') + (lines.length > 20 ? ', …' : '');
  throw new DomainError(
    'review.approval_pending',
    `count list ${countListNumber}: line(s) ${shown} are outside the tolerance and wait for a recount or a manager's approval`,
    { params: { countListNumber, lines: shown, count: lines.length } },
  );
}

/**
 * A bulk import judges every line it reported against the tolerance, set-based (the same table as a single
 * report). An import is one counter's report: a line whose recount was asked of another counter is refused.
 */
export async function reviewImport(trx: Tx, countListIds: readonly string[], actor: Actor): Promise<void> {
  if (countListIds.length === 0 || !(await anyTolerance(trx, countListIds))) return;
  const reporter = actor.userId === '0' ? null : actor.userId;
  if (reporter !== null) {
    const same = await selectSameCounterRecounts(trx, { countListIds }, reporter);
    if (same.length > 0)
      throw new DomainError(
        'review.same_counter',
        `line(s) ${same.map((x) => x.lineNo).join(', ')} are recounted by another counter of the list`,
        { params: { lines: same.map((x) => x.lineNo).join(', ') } },
      );
  }
  await reviewImportedLines(trx, { countListIds }, reporter);
}
