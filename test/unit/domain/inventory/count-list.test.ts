import { describe, expect, it } from 'vitest';
import {
  type CountListStatus,
  TRANSITIONS,
  canTransition,
  failOpening,
  finishClosing,
  followItems,
  openList,
  requireCounting,
  requireDeletable,
  startClosing,
  statusFromItems,
  transition,
} from '../../../../src/domain/inventory/count-list.js';

const ALL = Object.keys(TRANSITIONS) as CountListStatus[];

describe('count-list state machine', () => {
  it.each([
    ['created', 'open', true],
    ['opening_failed', 'open', true],
    ['open', 'open', false],
    ['open', 'closing', true],
    ['completely_reported', 'partially_reported', true],
    ['closing', 'closed', true],
    ['closing', 'closed_with_errors', true],
    ['closed', 'open', false],
    ['created', 'closing', false],
    ['partially_generated', 'open', false],
    ['manually_closed', 'closing', false],
  ] as const)('%s → %s allowed: %s', (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok);
  });

  it('throws list_closed from a final status and illegal_transition otherwise', () => {
    expect(() => transition('closed', 'open', 'L1')).toThrow(expect.objectContaining({ code: 'count.list_closed' }));
    expect(() => transition('created', 'closed', 'L1')).toThrow(
      expect.objectContaining({ code: 'count.illegal_transition' }),
    );
  });

  it('never lets a final status move', () => {
    for (const s of ['closed', 'closed_with_errors', 'manually_closed'] as const)
      for (const to of ALL) expect(canTransition(s, to)).toBe(false);
  });

  it('open: from created or after a failure; a second open is refused', () => {
    expect(openList('created')).toBe('open');
    expect(openList('opening_failed')).toBe('open');
    expect(() => openList('open')).toThrow(expect.objectContaining({ code: 'count.illegal_transition' }));
    expect(failOpening('created')).toBe('opening_failed');
  });

  it.each([
    [{ open: 3, reported: 0, marked: 0 }, 'open'],
    [{ open: 2, reported: 1, marked: 0 }, 'partially_reported'],
    [{ open: 0, reported: 3, marked: 1 }, 'completely_reported'],
    [{ open: 0, reported: 0, marked: 0 }, 'open'],
  ] as const)('status follows items %o → %s', (c, s) => {
    expect(statusFromItems(c)).toBe(s);
    expect(followItems('completely_reported', c)).toBe(s);
  });

  it('closing needs every item reported and none marked, naming the counts', () => {
    expect(() => startClosing('partially_reported', { open: 2, reported: 1, marked: 0 }, 'L7')).toThrow(
      expect.objectContaining({ code: 'count.not_all_reported', params: expect.objectContaining({ openItems: 2 }) }),
    );
    expect(() => startClosing('completely_reported', { open: 0, reported: 3, marked: 1 }, 'L7')).toThrow(
      expect.objectContaining({
        code: 'count.marked_for_verification',
        params: expect.objectContaining({ markedItems: 1 }),
      }),
    );
    expect(() => startClosing('created', { open: 0, reported: 0, marked: 0 })).toThrow(
      expect.objectContaining({ code: 'count.not_open' }),
    );
    expect(startClosing('completely_reported', { open: 0, reported: 3, marked: 0 })).toBe('closing');
    expect(finishClosing('closing', true)).toBe('closed_with_errors');
    expect(finishClosing('closing', false)).toBe('closed');
  });

  it('counting and deleting guards', () => {
    expect(() => requireCounting('created')).toThrow(expect.objectContaining({ code: 'count.not_open' }));
    expect(() => requireCounting('closed')).toThrow(expect.objectContaining({ code: 'count.list_closed' }));
    expect(() => requireDeletable('closed')).toThrow(expect.objectContaining({ code: 'count.list_closed' }));
    expect(() => requireDeletable('open')).not.toThrow();
  });
});
