// The manual-close and reassignment commands of the count-list state machine, table-driven: which statuses
// may be closed manually or handed over, and what the refusals say.
import { describe, expect, it } from 'vitest';
import {
  type CountListStatus,
  closeManually,
  isReassignable,
  requireReassignable,
  TRANSITIONS,
} from '../../../../src/domain/inventory/count-list.js';

const ALL = Object.keys(TRANSITIONS) as CountListStatus[];
const expected: Record<CountListStatus, string | null> = {
  created: 'count.illegal_transition',
  partially_generated: 'count.illegal_transition',
  opening_failed: 'count.illegal_transition',
  open: null,
  partially_reported: null,
  completely_reported: null,
  closing: 'count.illegal_transition',
  closed: 'count.list_closed',
  closed_with_errors: 'count.list_closed',
  manually_closed: 'count.list_closed',
};

describe('closeManually', () => {
  it.each(ALL)('from %s', (from) => {
    const code = expected[from];
    if (code === null)
      expect(closeManually(from, ' wrong warehouse ', 'L1')).toEqual({
        status: 'manually_closed',
        reason: 'wrong warehouse',
      });
    else expect(() => closeManually(from, 'why', 'L1')).toThrow(expect.objectContaining({ code }));
  });

  it('needs a reason of 1–500 characters', () => {
    expect(() => closeManually('open', '  ', 'L1')).toThrow(
      expect.objectContaining({ code: 'validation.failed', field: 'reason' }),
    );
    expect(() => closeManually('open', 'x'.repeat(501), 'L1')).toThrow(
      expect.objectContaining({ code: 'validation.failed', field: 'reason' }),
    );
    expect(closeManually('open', 'x'.repeat(500)).reason).toHaveLength(500);
  });

  it('a final list says it is closed before anything about the reason', () => {
    expect(() => closeManually('closed', '', 'L1')).toThrow(
      expect.objectContaining({ code: 'count.list_closed', params: { status: 'closed', countListNumber: 'L1' } }),
    );
  });
});

describe('requireReassignable', () => {
  it.each(ALL)('from %s', (from) => {
    const code =
      from.startsWith('closed') || from === 'manually_closed'
        ? 'count.list_closed'
        : from === 'closing'
          ? 'count.illegal_transition'
          : null;
    if (code === null) expect(() => requireReassignable(from, 'L1')).not.toThrow();
    else expect(() => requireReassignable(from, 'L1')).toThrow(expect.objectContaining({ code }));
    // The flag the count-list view sends (the back office offers the counters dialog by it) says the same.
    expect(isReassignable(from)).toBe(code === null);
  });
});
