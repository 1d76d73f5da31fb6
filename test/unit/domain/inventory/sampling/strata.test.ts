import { describe, expect, it } from 'vitest';
import {
  cumSqrtFStrata,
  prepareFrame,
  rangeStdDev,
  rangeTotal,
  splitCompleteLayer,
} from '../../../../../src/domain/inventory/sampling/index.js';

const frameOf = (values: string[]) =>
  prepareFrame(values.map((v, i) => ({ id: `p${String(i).padStart(3, '0')}`, bookQuantity: '1', bookValue: v })));

describe('the sampling frame', () => {
  it('orders by book value then id, whatever the input order, and sums exactly', () => {
    const a = prepareFrame([
      { id: 'b', bookQuantity: '1', bookValue: '0.1' },
      { id: 'a', bookQuantity: '1', bookValue: '0.2' },
      { id: 'c', bookQuantity: '1', bookValue: '0.1' },
    ]);
    const b = prepareFrame([
      { id: 'a', bookQuantity: '1', bookValue: '0.2' },
      { id: 'c', bookQuantity: '1', bookValue: '0.1' },
      { id: 'b', bookQuantity: '1', bookValue: '0.1' },
    ]);
    expect(a.ids).toEqual(['b', 'c', 'a']);
    expect(b.ids).toEqual(a.ids);
    expect(rangeTotal(a, 0, 3).toFixed()).toBe('0.4'); // 0.1 + 0.1 + 0.2 exactly, not 0.4000000000000001
  });

  it('refuses duplicate ids and binary-float values, naming the field', () => {
    expect(() =>
      prepareFrame([
        { id: 'a', bookQuantity: '1', bookValue: '1' },
        { id: 'a', bookQuantity: '1', bookValue: '2' },
      ]),
    ).toThrow(expect.objectContaining({ field: 'positions.1.id' }));
    expect(() => prepareFrame([{ id: 'a', bookQuantity: '1', bookValue: 1.5 as unknown as string }])).toThrow(
      expect.objectContaining({ field: 'positions.0.bookValue' }),
    );
  });

  it('standard deviation with n − 1: 2, 4, 4, 4, 5, 5, 7, 9 → √(32/7)', () => {
    const f = frameOf(['2', '4', '4', '4', '5', '5', '7', '9']);
    expect(rangeStdDev(f, 0, 8)).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });
});

describe('complete layer', () => {
  const f = frameOf(['-5', '1', '2', '3', '10', '20', '64']); // total 95; non-negative part 100

  it('minValue: book value at or above the threshold, plus negative book values', () => {
    const s = splitCompleteLayer(f, { minValue: '10' });
    expect(s.negatives).toEqual({ lo: 0, hi: 1 });
    expect(s.top).toEqual({ lo: 4, hi: 7 }); // 10, 20, 64
    expect(s.sampled).toEqual({ lo: 1, hi: 4 }); // 1, 2, 3
  });

  it('topValueShare: the largest positions until the share of the non-negative value is reached', () => {
    // Share 0.5 of 100 = 50: 64 alone already covers it (value before it was 0 < 50) → only 64.
    expect(splitCompleteLayer(f, { topValueShare: 0.5 }).top).toEqual({ lo: 6, hi: 7 });
    // Share 0.7 → 70: 64 (before: 0), 20 (before: 64 < 70), then 10 would start at 84 ≥ 70 → 64 and 20.
    expect(splitCompleteLayer(f, { topValueShare: 0.7 }).top).toEqual({ lo: 5, hi: 7 });
    expect(splitCompleteLayer(f, { topValueShare: 0 }).top).toEqual({ lo: 7, hi: 7 });
    expect(splitCompleteLayer(f, null).sampled).toEqual({ lo: 1, hi: 7 });
  });
});

describe('cumulative √f strata (Dalenius–Hodges)', () => {
  it('equal gaps: √(n_c·d_c) = 1 per class, cut at half of the cumulative 9 → 4 | 6 units', () => {
    // Ten single-unit classes 1…10: the widths are the gaps to the next value (1 each, the last 0), so the
    // cumulative √f is 9; a class goes to stratum ⌊(cum midpoint)·2/9⌋: classes 0–3 → 0, class 4 (4.5) → 1.
    const f = frameOf(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(cumSqrtFStrata(f, { lo: 0, hi: 10 }, 2, 1)).toEqual([
      { lo: 0, hi: 4 },
      { lo: 4, hi: 10 },
    ]);
  });

  it('a skewed tail gets its own stratum; one smaller than the minimum is merged into its neighbour', () => {
    // 1…8, 50, 100: gaps 1 ×7, 42, 50, 0 → √f 1 ×7, 6.48, 7.07, 0; total 20.55, half 10.28.
    // Midpoints: class 7 at 7 + 3.24 = 10.24 → stratum 0; class 8 at 13.48 + 3.54 = 17.02 → stratum 1.
    const f = frameOf(['1', '2', '3', '4', '5', '6', '7', '8', '50', '100']);
    expect(cumSqrtFStrata(f, { lo: 0, hi: 10 }, 2, 1)).toEqual([
      { lo: 0, hi: 8 },
      { lo: 8, hi: 10 },
    ]);
    expect(cumSqrtFStrata(f, { lo: 0, hi: 10 }, 2, 3)).toEqual([{ lo: 0, hi: 10 }]);
  });

  it('equal values fall back to equal counts; fewer strata when the population is small', () => {
    const f = frameOf(Array.from({ length: 9 }, () => '5'));
    expect(cumSqrtFStrata(f, { lo: 0, hi: 9 }, 3, 2)).toEqual([
      { lo: 0, hi: 3 },
      { lo: 3, hi: 6 },
      { lo: 6, hi: 9 },
    ]);
    expect(cumSqrtFStrata(f, { lo: 0, hi: 9 }, 6, 4)).toHaveLength(2);
    expect(cumSqrtFStrata(f, { lo: 0, hi: 0 }, 3, 2)).toEqual([]);
  });
});
