// Cycle counting by ABC class (SPEC §4.1, continuous method): a count plan says how often per year a
// position of each class is counted, on which working days, and how many positions fit into a day. The
// rules are written once here and take "today" as an argument (no clock); the services turn them into
// per-class cut-off dates so that the SQL of the due list and of "count cycle reached" stays set-based.
import { DomainError } from '../errors.js';
import { addDays } from './generation.js';

/** A, B, C by the ABC analysis; S: slow or zero movers (no movement for a while), when the plan has them. */
export const PLAN_CLASSES = ['A', 'B', 'C', 'S'] as const;
export type PlanClass = (typeof PLAN_CLASSES)[number];

/** Where a position stands against its plan on a day. `not_due`: counted recently enough. */
export const DUE_STATUSES = ['never_counted', 'overdue', 'due_this_week', 'due_this_month', 'not_due'] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];

/** ISO weekdays: 1 Monday … 7 Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface CountPlan {
  countsPerYear: Record<'A' | 'B' | 'C', number>;
  /** Slow movers: no movement of the item in the warehouse for `days` days; counted `countsPerYear` times. */
  slowMover: { days: number; countsPerYear: number } | null;
  /** Positions the continuous method lists on one working day. */
  dailyCapacity: number;
  workingDays: Weekday[];
  /** Days off besides the weekdays not worked (yyyy-mm-dd, sorted, unique). */
  holidays: string[];
}

export interface CountPlanInput {
  countsA: number;
  countsB: number;
  countsC: number;
  slowMoverDays?: number | null | undefined;
  slowMoverCounts?: number | null | undefined;
  dailyCapacity: number;
  workingDays?: number[] | undefined;
  holidays?: string[] | undefined;
}

/** Weeks a year has for the plan's arithmetic: working days per year = working weekdays × 52. */
export const WEEKS_PER_YEAR = 52;
export const MAX_HOLIDAYS = 400;
export const MAX_DAILY_CAPACITY = 100_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const bad = (field: string, message: string) => new DomainError('validation.failed', message, { field });

function wholeNumber(field: string, v: number, min: number, max: number): number {
  if (!Number.isInteger(v) || v < min || v > max) throw bad(field, `${field} must be a whole number ${min}–${max}`);
  return v;
}

export function isDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** The parsing constructor: a plan whose every interval is at least one working day. */
export function parseCountPlan(input: CountPlanInput): CountPlan {
  const workingDays = [...new Set(input.workingDays ?? [1, 2, 3, 4, 5])].sort((a, b) => a - b);
  if (workingDays.length === 0) throw bad('workingDays', 'workingDays needs at least one weekday');
  for (const d of workingDays) wholeNumber('workingDays', d, 1, 7);
  const perYear = workingDays.length * WEEKS_PER_YEAR;
  const counts = (field: string, v: number) => wholeNumber(field, v, 0, perYear);
  const holidays = [...new Set(input.holidays ?? [])].sort();
  if (holidays.length > MAX_HOLIDAYS) throw bad('holidays', `at most ${MAX_HOLIDAYS} holidays`);
  const wrong = holidays.find((h) => !isDate(h));
  if (wrong !== undefined) throw bad('holidays', `holiday ${wrong} is not a date (yyyy-mm-dd)`);
  const days = input.slowMoverDays ?? null;
  const slowCounts = input.slowMoverCounts ?? null;
  if ((days === null) !== (slowCounts === null))
    throw bad(days === null ? 'slowMoverDays' : 'slowMoverCounts', 'slowMoverDays and slowMoverCounts go together');
  return {
    countsPerYear: {
      A: counts('countsA', input.countsA),
      B: counts('countsB', input.countsB),
      C: counts('countsC', input.countsC),
    },
    slowMover:
      days === null || slowCounts === null
        ? null
        : { days: wholeNumber('slowMoverDays', days, 1, 3650), countsPerYear: counts('slowMoverCounts', slowCounts) },
    dailyCapacity: wholeNumber('dailyCapacity', input.dailyCapacity, 1, MAX_DAILY_CAPACITY),
    workingDays: workingDays as Weekday[],
    holidays,
  };
}

export const workingDaysPerYear = (plan: CountPlan) => plan.workingDays.length * WEEKS_PER_YEAR;

export function countsOf(plan: CountPlan, cls: PlanClass): number {
  if (cls === 'S') return plan.slowMover?.countsPerYear ?? 0;
  return plan.countsPerYear[cls];
}

/** Working days between two counts of a class: ⌊working days per year / counts⌋; null when not counted. */
export function intervalOf(plan: CountPlan, cls: PlanClass): number | null {
  const n = countsOf(plan, cls);
  return n === 0 ? null : Math.max(1, Math.floor(workingDaysPerYear(plan) / n));
}

const weekday = (date: string): Weekday => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (d === 0 ? 7 : d) as Weekday;
};

export function isWorkingDay(plan: CountPlan, date: string): boolean {
  return plan.workingDays.includes(weekday(date)) && !plan.holidays.includes(date);
}

/** The n-th working day after `date` (n ≥ 1; `date` itself not counted). */
export function addWorkingDays(plan: CountPlan, date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(plan, d)) left--;
  }
  return d;
}

/** The n-th working day counting back from `date`, `date` included when it is one (n ≥ 1). */
export function workingDayBack(plan: CountPlan, date: string, n: number): string {
  let d = addDays(date, 1);
  for (let left = n; left > 0;) {
    d = addDays(d, -1);
    if (isWorkingDay(plan, d)) left--;
  }
  return d;
}

/**
 * When a position is due next: its item's own cycle (calendar days) when it has one, else the plan's
 * interval for its class in working days. Null: never counted (due now), or the class is not counted.
 */
export function nextDue(
  lastCounted: string | null,
  plan: CountPlan | null,
  cls: PlanClass,
  itemCycleDays: number,
): string | null {
  if (lastCounted === null) return null;
  if (itemCycleDays > 0) return addDays(lastCounted, itemCycleDays);
  const interval = plan ? intervalOf(plan, cls) : null;
  return interval === null ? null : addWorkingDays(plan!, lastCounted, interval);
}

/**
 * "Due by `day`" as a cut-off on the last count: nextDue(last) ≤ day ⇔ last < dueIfCountedBefore(day).
 * The SQL compares last_counted_date with this date instead of walking the calendar per row.
 */
export function dueIfCountedBefore(plan: CountPlan, cls: PlanClass, day: string): string | null {
  const interval = intervalOf(plan, cls);
  return interval === null ? null : workingDayBack(plan, day, interval);
}

export function endOfWeek(today: string): string {
  return addDays(today, 7 - weekday(today));
}

export function endOfMonth(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The days a due status is measured against on `today`. */
export function statusDays(today: string): { overdue: string; week: string; month: string; today: string } {
  return { overdue: addDays(today, -1), week: endOfWeek(today), month: endOfMonth(today), today };
}

/**
 * A position's due status on `today`. A position of a class the plan does not count, without a cycle of its
 * own, is `not_due` once counted; never counted it is still listed as such.
 */
export function classifyDue(today: string, lastCounted: string | null, due: string | null): DueStatus {
  if (lastCounted === null) return 'never_counted';
  if (due === null) return 'not_due';
  const d = statusDays(today);
  if (due <= d.overdue) return 'overdue';
  if (due <= d.week) return 'due_this_week';
  if (due <= d.month) return 'due_this_month';
  return 'not_due';
}

/** Per plan class, the "counted before" cut-offs of each status on `today` (null: the class is not counted). */
export interface ClassCutoffs {
  cls: PlanClass;
  overdue: string;
  week: string;
  month: string;
  today: string;
}
export function cutoffsOf(plan: CountPlan, today: string): ClassCutoffs[] {
  const d = statusDays(today);
  const out: ClassCutoffs[] = [];
  for (const cls of PLAN_CLASSES) {
    if (cls === 'S' && plan.slowMover === null) continue;
    const at = (day: string) => dueIfCountedBefore(plan, cls, day);
    const overdue = at(d.overdue);
    if (overdue === null) continue;
    out.push({ cls, overdue, week: at(d.week)!, month: at(d.month)!, today: at(d.today)! });
  }
  return out;
}

/** The first day a movement keeps an item out of the slow movers on `today`; null: the plan has none. */
export function slowMoverSince(plan: CountPlan, today: string): string | null {
  return plan.slowMover ? addDays(today, -plan.slowMover.days + 1) : null;
}

/** The rank of a status in the due list and in the capacity order: the most urgent first. */
export const DUE_RANK: Record<DueStatus, number> = {
  never_counted: 0,
  overdue: 1,
  due_this_week: 2,
  due_this_month: 3,
  not_due: 4,
};

/**
 * The daily capacity split: `count` due positions spread over the working days from `from` on, `capacity`
 * a day, the most urgent first. Returns how many fall on each day.
 */
export function splitByCapacity(
  plan: CountPlan,
  count: number,
  from: string,
  maxDays = 31,
): { date: string; positions: number }[] {
  const out: { date: string; positions: number }[] = [];
  let d = isWorkingDay(plan, from) ? from : addWorkingDays(plan, from, 1);
  for (let left = count; left > 0 && out.length < maxDays; d = addWorkingDays(plan, d, 1)) {
    const n = Math.min(left, plan.dailyCapacity);
    out.push({ date: d, positions: n });
    left -= n;
  }
  return out;
}

/** What is left of today's capacity after `alreadyListed` positions were put on lists today. */
export function capacityLeft(plan: CountPlan, today: string, alreadyListed: number): number {
  return isWorkingDay(plan, today) ? Math.max(0, plan.dailyCapacity - alreadyListed) : 0;
}
