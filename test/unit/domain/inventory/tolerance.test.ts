import { describe, expect, it } from 'vitest';
import {
  REVIEW_STATES,
  REVIEW_TRANSITIONS,
  type ReviewState,
  approve,
  decide,
  hasTolerance,
  parseTolerance,
  recountRefusal,
  reject,
  requestRecount,
  reviewAfterReport,
  reviewTransition,
  withinTolerance,
} from '../../../../src/domain/inventory/tolerance.js';

const tol = (percent: string | null, value: string | null) => ({ percent, value });

describe('withinTolerance', () => {
  // target, counted, price, tolerance, within, difference, value, exceeded
  it.each([
    ['100', '95', '2', tol('5', null), true, '-5', '10', []],
    ['100', '94', '2', tol('5', null), false, '-6', '12', ['percent']],
    ['100', '106', '2', tol('5', null), false, '6', '12', ['percent']],
    ['100', '90', '2', tol(null, '20'), true, '-10', '20', []],
    ['100', '89', '2', tol(null, '20'), false, '-11', '22', ['value']],
    ['100', '80', '2', tol('5', '20'), false, '-20', '40', ['percent', 'value']],
    ['100', '97', '10', tol('5', '20'), false, '-3', '30', ['value']],
    ['0', '1', '0.5', tol('50', null), false, '1', '0.5', ['percent']],
    ['0', '1', '0.5', tol(null, '1'), true, '1', '0.5', []],
    [null, '3', '1', tol('10', null), false, '3', '3', ['percent']],
    ['0', '0', '1', tol('0', '0'), true, '0', '0', []],
    ['10', '10.001', '1000', tol('0.01', null), true, '0.001', '1', []],
    ['12.5', '12.4', '0.333', tol(null, '0.0333'), true, '-0.1', '0.0333', []],
    ['12.5', '12.4', '0.333', tol(null, '0.0332'), false, '-0.1', '0.0333', ['value']],
  ])('target %s counted %s at %s with %o', (target, counted, price, t, within, difference, value, exceeded) => {
    expect(withinTolerance(target, counted, price, t)).toEqual({ within, difference, value, exceeded });
  });

  it('a missing price values the difference at 0', () => {
    expect(withinTolerance('10', '5', null, tol(null, '1')).within).toBe(true);
  });

  it('hasTolerance: a type with neither side has none', () => {
    expect(hasTolerance(tol(null, null))).toBe(false);
    expect(hasTolerance(null)).toBe(false);
    expect(hasTolerance(tol('0', null))).toBe(true);
  });
});

describe('parseTolerance', () => {
  it('normalises decimals and keeps nulls', () => {
    expect(parseTolerance('5.50', null)).toEqual({ percent: '5.5', value: null });
    expect(parseTolerance(undefined, '100')).toEqual({ percent: null, value: '100' });
  });
  it.each([
    ['-1', null, 'tolerancePercent'],
    ['1000.5', null, 'tolerancePercent'],
    [null, '-0.01', 'toleranceValue'],
    ['abc', null, 'tolerancePercent'],
  ])('refuses %s / %s naming %s', (p, v, field) => {
    expect(() => parseTolerance(p, v)).toThrow(expect.objectContaining({ field }));
  });
});

describe('review state machine', () => {
  it('every state has its row and only known targets', () => {
    expect(Object.keys(REVIEW_TRANSITIONS).sort()).toEqual([...REVIEW_STATES].sort());
    for (const to of Object.values(REVIEW_TRANSITIONS).flat()) expect(REVIEW_STATES).toContain(to);
  });

  it.each([
    ['none', 'recount_requested', true],
    ['none', 'needs_approval', false],
    ['none', 'approved', false],
    ['recount_requested', 'needs_approval', true],
    ['recount_requested', 'approved', false],
    ['needs_approval', 'approved', true],
    ['needs_approval', 'rejected', true],
    ['approved', 'rejected', false],
    ['rejected', 'approved', false],
    ['rejected', 'needs_approval', true],
  ] as Array<[ReviewState, ReviewState, boolean]>)('%s → %s allowed: %s', (from, to, ok) => {
    if (ok) expect(reviewTransition(from, to)).toBe(to);
    else
      expect(() => reviewTransition(from, to)).toThrow(expect.objectContaining({ code: 'review.illegal_transition' }));
  });

  it('named commands throw on illegal moves', () => {
    expect(requestRecount('none')).toBe('recount_requested');
    expect(() => requestRecount('needs_approval')).toThrow(
      expect.objectContaining({ code: 'review.illegal_transition' }),
    );
    expect(approve('needs_approval')).toBe('approved');
    expect(() => approve('recount_requested')).toThrow(expect.objectContaining({ code: 'review.illegal_transition' }));
    expect(reject('needs_approval')).toBe('rejected');
    expect(() => reject('approved')).toThrow(expect.objectContaining({ code: 'review.illegal_transition' }));
  });
});

describe('reviewAfterReport', () => {
  it('a first count within stays none; outside marks and requests a recount', () => {
    expect(reviewAfterReport('none', true)).toEqual({
      state: 'none',
      mark: false,
      unmark: false,
      recordFirstCounter: false,
    });
    expect(reviewAfterReport('none', false)).toEqual({
      state: 'recount_requested',
      mark: true,
      unmark: false,
      recordFirstCounter: true,
    });
  });
  it('the recount: within clears, outside needs approval; both remove the mark', () => {
    expect(reviewAfterReport('recount_requested', true)).toMatchObject({ state: 'none', unmark: true });
    expect(reviewAfterReport('recount_requested', false)).toMatchObject({ state: 'needs_approval', unmark: true });
  });
  it('an add by the first counter continues the first count', () => {
    expect(reviewAfterReport('recount_requested', false, true)).toMatchObject({
      state: 'recount_requested',
      mark: true,
    });
    expect(reviewAfterReport('recount_requested', true, true)).toMatchObject({ state: 'none', unmark: true });
  });
  it('after a decision a new report is judged again', () => {
    expect(reviewAfterReport('approved', true).state).toBe('none');
    expect(reviewAfterReport('approved', false).state).toBe('needs_approval');
    expect(reviewAfterReport('rejected', false).state).toBe('needs_approval');
    expect(reviewAfterReport('needs_approval', false).state).toBe('needs_approval');
    expect(reviewAfterReport('needs_approval', true).state).toBe('none');
  });
});

describe('recountRefusal', () => {
  it('the first counter may not recount while the list has another counter', () => {
    expect(recountRefusal('7', '7', ['7', '8'])).toBe('review.same_counter');
    expect(recountRefusal('7', '8', ['7', '8'])).toBeNull();
    expect(recountRefusal('7', '7', ['7'])).toBeNull();
    expect(recountRefusal(null, '7', ['7', '8'])).toBeNull();
  });
});

describe('decide', () => {
  it('approving needs a reason code; rejecting needs a comment', () => {
    expect(decide('needs_approval', 'approved', 'damaged', ' ok ')).toEqual({ state: 'approved', comment: 'ok' });
    expect(() => decide('needs_approval', 'approved', null, '')).toThrow(
      expect.objectContaining({ code: 'review.reason_required', field: 'reasonCode' }),
    );
    expect(() => decide('needs_approval', 'rejected', null, '  ')).toThrow(
      expect.objectContaining({ field: 'comment' }),
    );
    expect(decide('needs_approval', 'rejected', null, 'count again').state).toBe('rejected');
  });
  it('only a line that needs approval is decided on', () => {
    expect(() => decide('recount_requested', 'approved', 'damaged', '')).toThrow(
      expect.objectContaining({ code: 'review.not_pending' }),
    );
  });
  it('a comment longer than 500 characters is refused', () => {
    expect(() => decide('needs_approval', 'approved', 'damaged', 'x'.repeat(501))).toThrow(
      expect.objectContaining({ field: 'comment' }),
    );
  });
});
