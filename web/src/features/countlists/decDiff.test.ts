import { describe, expect, it } from 'vitest';
import { decDiff } from './CountListPage';

describe('decDiff (exact decimal difference for the count-list table)', () => {
  it.each([
    ['10', '8', '2'],
    ['8', '10', '-2'],
    ['0.3', '0.1', '0.2'],
    ['1.005', '1', '0.005'],
    ['5', '5', '0'],
    ['0', '12.5', '-12.5'],
  ])('%s − %s = %s', (a, b, d) => expect(decDiff(a, b)).toBe(d));
  it('is null without a target (blind) or a report', () => {
    expect(decDiff(null, '1')).toBeNull();
    expect(decDiff('1', undefined)).toBeNull();
  });
});
