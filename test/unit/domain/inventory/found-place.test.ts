import { describe, expect, it } from 'vitest';
import { FINAL_STATUSES, LIVE_STATUSES, foundPlaceRefusal } from '../../../../src/domain/inventory/count-list.js';
import { COUNT_LIST_STATUSES } from '../../../../src/domain/inventory/vocabulary.js';

describe('where a found item may be reported', () => {
  it.each([
    [{ countType: 'bin', onList: true, isBin: true, otherListCountType: null }, null],
    [{ countType: 'bin', onList: false, isBin: true, otherListCountType: null }, 'count.place_not_on_list'],
    [{ countType: 'bin', onList: false, isBin: false, otherListCountType: 'article' }, 'count.place_not_on_list'],
    [{ countType: 'article', onList: false, isBin: true, otherListCountType: 'bin' }, 'count.on_other_list'],
    [{ countType: 'article', onList: false, isBin: false, otherListCountType: 'bin' }, null],
    [{ countType: 'article', onList: false, isBin: true, otherListCountType: 'article' }, null],
    [{ countType: 'article', onList: false, isBin: true, otherListCountType: null }, null],
  ] as const)('%o → %s', (f, expected) => {
    expect(foundPlaceRefusal(f)).toBe(expected);
  });

  it('live statuses are every status but the final ones', () => {
    expect([...LIVE_STATUSES, ...FINAL_STATUSES].sort()).toEqual([...COUNT_LIST_STATUSES].sort());
    expect(LIVE_STATUSES).toContain('closing');
    expect(LIVE_STATUSES).not.toContain('manually_closed');
  });
});
