// Who may count a list (mayCount) and undo a report on it (mayUndoReport): the responsible employee, the
// assigned counters, managers in the back office only; site-bound users only on their site.
import { describe, expect, it } from 'vitest';
import {
  type CountingActor,
  hasCounter,
  mayCount,
  mayUndoReport,
} from '../../../../src/domain/inventory/count-list.js';

const list = { siteId: 'S1', responsibleUserId: 'resp' };
const counters = ['c1', 'c2'];
const who = (userId: string, role: CountingActor['role'] = 'counter', siteId: string | null = null): CountingActor => ({
  userId,
  role,
  siteId,
});

describe('mayCount', () => {
  it.each([
    ['the responsible counter', who('resp'), 'back_office', true],
    ['the responsible counter on the handheld', who('resp'), 'handheld', true],
    ['an assigned counter', who('c2'), 'back_office', true],
    ['an assigned counter on the handheld', who('c1'), 'handheld', true],
    ['another counter', who('x'), 'back_office', false],
    ['another counter on the handheld', who('x'), 'handheld', false],
    ['a manager in the back office', who('m', 'manager'), 'back_office', true],
    ['an admin in the back office', who('a', 'admin'), 'back_office', true],
    ['a manager on the handheld, not assigned', who('m', 'manager'), 'handheld', false],
    ['a manager assigned as counter on the handheld', who('c1', 'manager'), 'handheld', true],
    ['an assigned counter of another site', who('c1', 'counter', 'S2'), 'back_office', false],
    ['a manager of another site', who('m', 'manager', 'S2'), 'back_office', false],
    ["an assigned counter of the list's site", who('c1', 'counter', 'S1'), 'handheld', true],
  ] as const)('%s → %s', (_name, actor, where, expected) => {
    expect(mayCount(list, counters, actor, where)).toBe(expected);
  });

  it('a list without a responsible employee is counted by its counters only', () => {
    const noResp = { siteId: 'S1', responsibleUserId: null };
    expect(mayCount(noResp, ['c1'], who('c1'), 'handheld')).toBe(true);
    expect(mayCount(noResp, [], who('c1'), 'handheld')).toBe(false);
    expect(hasCounter(null, [])).toBe(false);
    expect(hasCounter(null, ['c1'])).toBe(true);
    expect(hasCounter('resp', [])).toBe(true);
  });
});

describe('mayUndoReport', () => {
  it.each([
    ['an assigned counter, own report', who('c1'), 'c1', true],
    ["an assigned counter, another counter's report", who('c1'), 'c2', false],
    ["the responsible, another counter's report", who('resp'), 'c2', true],
    ['a manager, any report', who('m', 'manager'), 'c1', true],
    ['a counter not on the list, own report', who('x'), 'x', false],
  ] as const)('%s → %s', (_name, actor, reporter, expected) => {
    expect(mayUndoReport(list, counters, actor, reporter)).toBe(expected);
  });
});
