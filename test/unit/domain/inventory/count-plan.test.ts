// Count plans (cycle counting by ABC class): hand-computed dates on a Monday–Friday calendar of 2026.
// 1 January 2026 is a Thursday; with A = 12 counts a year the interval is ⌊5 × 52 / 12⌋ = 21 working days.
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  capacityLeft,
  classifyDue,
  cutoffsOf,
  dueIfCountedBefore,
  endOfMonth,
  endOfWeek,
  intervalOf,
  isWorkingDay,
  nextDue,
  parseCountPlan,
  slowMoverSince,
  splitByCapacity,
  workingDayBack,
} from '../../../../src/domain/inventory/count-plan.js';
import { DomainError } from '../../../../src/domain/errors.js';

const plan = parseCountPlan({ countsA: 12, countsB: 4, countsC: 1, dailyCapacity: 50 });
const withHoliday = parseCountPlan({
  countsA: 12,
  countsB: 4,
  countsC: 1,
  dailyCapacity: 50,
  holidays: ['2026-01-06'],
});

describe('count plan: parsing', () => {
  it('fills Monday–Friday and no holidays by default', () => {
    expect(plan.workingDays).toEqual([1, 2, 3, 4, 5]);
    expect(plan.holidays).toEqual([]);
    expect(plan.slowMover).toBeNull();
  });
  it.each([
    [{ countsA: -1 }, 'countsA'],
    [{ countsA: 1.5 }, 'countsA'],
    [{ countsB: 261 }, 'countsB'],
    [{ dailyCapacity: 0 }, 'dailyCapacity'],
    [{ workingDays: [] }, 'workingDays'],
    [{ workingDays: [0] }, 'workingDays'],
    [{ holidays: ['2026-02-30'] }, 'holidays'],
    [{ slowMoverDays: 90 }, 'slowMoverCounts'],
    [{ slowMoverCounts: 1 }, 'slowMoverDays'],
    [{ slowMoverDays: 0, slowMoverCounts: 1 }, 'slowMoverDays'],
  ])('refuses %o naming %s', (change, field) => {
    const input = { countsA: 12, countsB: 4, countsC: 1, dailyCapacity: 50, ...change };
    try {
      parseCountPlan(input);
      expect.fail('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).field).toBe(field);
    }
  });
  it('sorts and de-duplicates weekdays and holidays', () => {
    const p = parseCountPlan({
      ...{ countsA: 1, countsB: 1, countsC: 1, dailyCapacity: 1 },
      workingDays: [5, 1, 1],
      holidays: ['2026-03-02', '2026-01-06', '2026-03-02'],
    });
    expect(p.workingDays).toEqual([1, 5]);
    expect(p.holidays).toEqual(['2026-01-06', '2026-03-02']);
  });
});

describe('count plan: calendar', () => {
  it('interval per class = working days per year / counts', () => {
    expect(intervalOf(plan, 'A')).toBe(21);
    expect(intervalOf(plan, 'B')).toBe(65);
    expect(intervalOf(plan, 'C')).toBe(260);
    expect(intervalOf(plan, 'S')).toBeNull();
    const p = parseCountPlan({
      countsA: 0,
      countsB: 4,
      countsC: 1,
      dailyCapacity: 1,
      slowMoverDays: 180,
      slowMoverCounts: 2,
    });
    expect(intervalOf(p, 'A')).toBeNull();
    expect(intervalOf(p, 'S')).toBe(130);
  });
  it('weekends and holidays are no working days', () => {
    expect(isWorkingDay(plan, '2026-01-02')).toBe(true); // Friday
    expect(isWorkingDay(plan, '2026-01-03')).toBe(false); // Saturday
    expect(isWorkingDay(withHoliday, '2026-01-06')).toBe(false);
  });
  it('counts working days forward and back', () => {
    expect(addWorkingDays(plan, '2026-01-01', 1)).toBe('2026-01-02');
    expect(addWorkingDays(plan, '2026-01-02', 1)).toBe('2026-01-05');
    expect(addWorkingDays(plan, '2026-01-01', 21)).toBe('2026-01-30');
    expect(addWorkingDays(withHoliday, '2026-01-01', 21)).toBe('2026-02-02');
    expect(workingDayBack(plan, '2026-01-30', 21)).toBe('2026-01-02');
    expect(workingDayBack(plan, '2026-02-01', 1)).toBe('2026-01-30'); // Sunday → the Friday before
  });
  it('week and month ends', () => {
    expect(endOfWeek('2026-01-28')).toBe('2026-02-01');
    expect(endOfWeek('2026-02-01')).toBe('2026-02-01');
    expect(endOfMonth('2026-02-10')).toBe('2026-02-28');
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
  });
});

describe('count plan: next due and due status', () => {
  it('an A item counted on 1 January is due on the 21st working day after, 30 January', () => {
    expect(nextDue('2026-01-01', plan, 'A', 0)).toBe('2026-01-30');
    expect(nextDue('2026-01-01', withHoliday, 'A', 0)).toBe('2026-02-02');
  });
  it("the item's own cycle days override the plan (calendar days)", () => {
    expect(nextDue('2026-01-01', plan, 'A', 7)).toBe('2026-01-08');
    expect(nextDue('2026-01-01', null, 'C', 10)).toBe('2026-01-11');
  });
  it('never counted, or a class not counted, has no due date', () => {
    expect(nextDue(null, plan, 'A', 0)).toBeNull();
    expect(nextDue('2026-01-01', plan, 'S', 0)).toBeNull();
  });
  it.each([
    ['2026-01-10', 'due_this_month'],
    ['2026-01-28', 'due_this_week'],
    ['2026-01-30', 'due_this_week'],
    ['2026-01-31', 'overdue'],
    ['2026-02-02', 'overdue'],
  ] as const)('on %s an A position counted on 1 January is %s', (today, status) => {
    expect(classifyDue(today, '2026-01-01', nextDue('2026-01-01', plan, 'A', 0))).toBe(status);
  });
  it('classifies never counted and not yet due', () => {
    expect(classifyDue('2026-01-10', null, null)).toBe('never_counted');
    expect(classifyDue('2026-01-10', '2026-01-09', '2026-02-09')).toBe('not_due');
    expect(classifyDue('2026-01-10', '2026-01-09', null)).toBe('not_due');
  });
  it('the cut-off agrees with nextDue on every day around the due date', () => {
    for (const p of [plan, withHoliday]) {
      for (let k = 0; k < 60; k++) {
        const last = addWorkingDays(p, '2025-12-01', k);
        for (const day of ['2026-01-20', '2026-01-30', '2026-02-02', '2026-02-15']) {
          const due = nextDue(last, p, 'A', 0)!;
          expect(last < dueIfCountedBefore(p, 'A', day)!, `${last} by ${day}`).toBe(due <= day);
        }
      }
    }
  });
  it('cut-offs per class, the slow-mover class only when planned', () => {
    const c = cutoffsOf(plan, '2026-01-30');
    expect(c.map((x) => x.cls)).toEqual(['A', 'B', 'C']);
    expect(c[0]).toEqual({
      cls: 'A',
      overdue: '2026-01-01',
      week: '2026-01-02',
      month: '2026-01-02',
      today: '2026-01-02',
    });
    const s = parseCountPlan({
      countsA: 12,
      countsB: 4,
      countsC: 1,
      dailyCapacity: 5,
      slowMoverDays: 90,
      slowMoverCounts: 1,
    });
    expect(cutoffsOf(s, '2026-01-30').map((x) => x.cls)).toEqual(['A', 'B', 'C', 'S']);
    expect(slowMoverSince(s, '2026-03-31')).toBe('2026-01-01');
    expect(slowMoverSince(plan, '2026-03-31')).toBeNull();
  });
});

describe('count plan: daily capacity', () => {
  it('spreads due positions over the working days, capacity a day', () => {
    const p = parseCountPlan({ countsA: 12, countsB: 4, countsC: 1, dailyCapacity: 40 });
    expect(splitByCapacity(p, 100, '2026-01-09')).toEqual([
      { date: '2026-01-09', positions: 40 },
      { date: '2026-01-12', positions: 40 },
      { date: '2026-01-13', positions: 20 },
    ]);
    expect(splitByCapacity(p, 10, '2026-01-10')).toEqual([{ date: '2026-01-12', positions: 10 }]);
    expect(splitByCapacity(p, 0, '2026-01-10')).toEqual([]);
  });
  it("what is left of today's capacity; nothing on a day off", () => {
    expect(capacityLeft(plan, '2026-01-09', 30)).toBe(20);
    expect(capacityLeft(plan, '2026-01-09', 80)).toBe(0);
    expect(capacityLeft(plan, '2026-01-10', 0)).toBe(0);
  });
});
