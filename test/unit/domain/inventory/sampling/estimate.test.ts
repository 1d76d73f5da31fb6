import { describe, expect, it } from 'vitest';
import {
  estimateSample,
  parseSamplingConfig,
  zForConfidence,
  type CountedValue,
  type SampleDesign,
  type SamplingConfig,
  type SamplingEstimator,
} from '../../../../../src/domain/inventory/sampling/index.js';

// A hand-made design, small enough to compute by hand.
//   stratum 1: N = 10, X = 100; drawn a (book 8, counted 8), b (10, 9), c (12, 13)
//   stratum 2: N = 5,  X = 250; drawn d (40, 40), e (60, 62)
//   complete layer: f (book 500, counted 495).   Book total 850, sampled book total 350.
const base: SamplingConfig = {
  confidence: 0.95,
  targetRelativePrecision: 0.2,
  completeLayer: { minValue: '500' },
  strata: 2,
  allocation: 'neyman',
  minPerStratum: 2,
  seed: 1,
  estimator: 'mpu',
  acceptance: { kind: 'book_in_interval' },
  fullCountShare: 1,
};
const drawn = (id: string, bookValue: string) => ({ id, bookValue, draw: 1 });

function design(estimator: SamplingEstimator, change: Partial<SamplingConfig> = {}): SampleDesign {
  return {
    config: parseSamplingConfig({ ...base, ...change, estimator }),
    z: zForConfidence(0.95),
    stratification: 'cumulative_sqrt_f',
    population: { count: 16, bookTotal: '850' },
    completeLayer: { count: 1, bookTotal: '500', positions: [{ id: 'f', bookValue: '500' }] },
    sampled: { count: 15, bookTotal: '350' },
    strata: [
      {
        index: 1,
        minBookValue: '1',
        maxBookValue: '20',
        firstId: 'x1',
        lastId: 'x10',
        populationCount: 10,
        bookTotal: '100',
        bookStdDev: 3,
        sampleSize: 3,
        drawn: [drawn('a', '8'), drawn('b', '10'), drawn('c', '12')],
      },
      {
        index: 2,
        minBookValue: '30',
        maxBookValue: '70',
        firstId: 'y1',
        lastId: 'y5',
        populationCount: 5,
        bookTotal: '250',
        bookStdDev: 15,
        sampleSize: 2,
        drawn: [drawn('d', '40'), drawn('e', '60')],
      },
    ],
    sampleSize: 5,
    plannedStandardError: 0,
    draws: 1,
  };
}
const counts = (f = '495'): CountedValue[] =>
  [
    ['a', '8'],
    ['b', '9'],
    ['c', '13'],
    ['d', '40'],
    ['e', '62'],
    ['f', f],
  ].map(([id, countedValue]) => ({ id: id!, countedValue: countedValue! }));

describe('estimators of the total counted value (hand-computed)', () => {
  it('mean per unit: T̂ = 495 + 10·10 + 5·51 = 850; v = 10²·0.7·7/3 + 5²·0.6·242/2 = 163.33 + 1815', () => {
    // Stratum 1: ȳ = 30/3 = 10, s² = (4 + 1 + 9)/2 = 7.  Stratum 2: ȳ = 102/2 = 51, s² = (11² + 11²)/1 = 242.
    const r = estimateSample(design('mpu'), counts());
    expect(r.estimate).toBe('850');
    expect(r.strata.map((s) => s.estimate)).toEqual(['100', '255']);
    expect(r.strata[0]!.variance).toBeCloseTo(163.333333, 5);
    expect(r.strata[1]!.variance).toBeCloseTo(1815, 6);
    expect(r.standardError).toBeCloseTo(Math.sqrt(1978.333333), 6); // 44.478459
    // 850 ± 1.959964 · 44.478459 = 850 ± 87.176178 → [762.82, 937.18], lower rounded down, upper up.
    expect(r.interval).toEqual({ lower: '762.82', upper: '937.18' });
    expect(r.achievedRelativePrecision).toBeCloseTo(0.10256021, 7);
    expect(r.completeLayer).toEqual({ count: 1, bookTotal: '500', countedTotal: '495' });
    expect(r.ratio).toBeNull();
  });

  it('difference: T̂ = 850 + 10·0 + 5·1; v = 10²·0.7·1/3 + 5²·0.6·2/2 = 23.33 + 15', () => {
    // d = y − x: stratum 1 → 0, −1, 1 (mean 0, s² 1); stratum 2 → 0, 2 (mean 1, s² 2). Sampled part 100 + 255.
    const r = estimateSample(design('difference'), counts());
    expect(r.estimate).toBe('850');
    expect(r.strata.map((s) => s.estimate)).toEqual(['100', '255']);
    expect(r.standardError).toBeCloseTo(Math.sqrt(38.333333), 6); // 6.191392
    expect(r.interval).toEqual({ lower: '837.86', upper: '862.14' });
    expect(r.achievedRelativePrecision).toBeCloseTo(0.01427636, 7);
  });

  it('combined ratio: R̂ = (10·10 + 5·51)/(10·10 + 5·50) = 355/350; T̂ = 495 + R̂·350 = 850', () => {
    // e = y − R̂x: stratum 1 → −0.114286, −1.142857, 0.828571 (s² 0.972245); stratum 2 → −0.571429, 1.142857
    // (s² 1.469388). v = 10²·0.7·0.972245/3 + 5²·0.6·1.469388/2 = 22.6857 + 11.0204 = 33.7061.
    const r = estimateSample(design('ratio'), counts());
    expect(r.ratio).toBe('1.01428571429');
    expect(r.estimate).toBe('850');
    expect(r.strata.map((s) => s.estimate)).toEqual(['101.43', '253.57']);
    expect(r.standardError).toBeCloseTo(Math.sqrt(33.706122449), 6); // 5.805697
    expect(r.interval).toEqual({ lower: '838.62', upper: '861.38' });
  });

  it('sums money exactly: a third of a cent does not drift', () => {
    const d = design('mpu');
    const c = counts().map((x) => (x.id === 'a' ? { ...x, countedValue: '8.01' } : x)); // ȳ₁ = 30.01/3, N₁ȳ₁ = 100.0333…
    expect(estimateSample(d, c).estimate).toBe('850.03');
  });
});

describe('verdict and offer', () => {
  it('passes when the precision is met and the book lies in the interval', () => {
    const v = estimateSample(design('mpu'), counts()).verdict;
    expect(v).toEqual({ passes: true, precisionMet: true, acceptanceMet: true, reasons: [], offer: null });
  });

  it('precision not met → extend, with n from the observed variance (Neyman, fpc)', () => {
    // D = 0.05·850/1.96 = 21.684, D² = 470.19; S₁ = √7, S₂ = √242; Σ N_h S_h = 26.458 + 77.782 = 104.24;
    // n = 104.24² / (470.19 + 70 + 1210) = 6.208 → n₂ = 6.208·0.7462 = 4.63 → 5, n₁ = 1.58 → 2, kept at 3 drawn.
    const v = estimateSample(design('mpu', { targetRelativePrecision: 0.05 }), counts()).verdict;
    expect(v.passes).toBe(false);
    expect(v.reasons.map((r) => r.code)).toEqual(['precision_not_met']);
    expect(v.offer).toEqual({ kind: 'extend', n: 8, perStratum: [3, 5] });
  });

  it('extension needing more than the full-count share, or after the last allowed draw → full count', () => {
    expect(
      estimateSample(design('mpu', { targetRelativePrecision: 0.05, fullCountShare: 0.5 }), counts()).verdict.offer,
    ).toEqual({ kind: 'full_count' });
    const second = { ...design('mpu', { targetRelativePrecision: 0.05 }), draws: 2 };
    expect(estimateSample(second, counts()).verdict.offer).toEqual({ kind: 'full_count' });
  });

  it('precise estimate but the book outside the interval → full count', () => {
    // Complete layer counted 400 instead of 495: difference estimate 755, interval 755 ± 12.13, book 850 outside.
    const r = estimateSample(design('difference'), counts('400'));
    expect(r.estimate).toBe('755');
    expect(r.verdict.precisionMet).toBe(true);
    expect(r.verdict.reasons).toEqual([
      { code: 'book_outside_interval', params: { book: '850', lower: '742.86', upper: '767.14' } },
    ]);
    expect(r.verdict.offer).toEqual({ kind: 'full_count' });
  });

  it('relative-difference rule: |T̂ − book| ≤ tolerance · book', () => {
    const rule = (tolerance: string) => ({ acceptance: { kind: 'relative_difference' as const, tolerance } });
    // Counted complete layer 490: T̂ = 845, difference 5 = 0.588 % of 850.
    expect(estimateSample(design('difference', rule('0.006')), counts('490')).verdict.passes).toBe(true);
    const v = estimateSample(design('difference', rule('0.005')), counts('490')).verdict;
    expect(v.reasons).toEqual([
      { code: 'difference_above_tolerance', params: { difference: '5', tolerance: '0.005' } },
    ]);
  });

  it('a ratio with no sampled book value cannot be formed → full count', () => {
    const d = design('ratio');
    d.strata = d.strata.map((s) => ({ ...s, drawn: s.drawn.map((x) => ({ ...x, bookValue: '0' })) }));
    const v = estimateSample(d, counts()).verdict;
    expect(v.reasons.map((r) => r.code)).toEqual(['ratio_undefined']);
    expect(v.offer).toEqual({ kind: 'full_count' });
  });
});

describe('counted values', () => {
  it('must cover every drawn and complete-layer position, once, and nothing else', () => {
    const d = design('mpu');
    expect(() => estimateSample(d, counts().slice(1))).toThrow(
      expect.objectContaining({
        field: 'counts',
        params: expect.objectContaining({ rule: 'complete', missing: ['a'] }),
      }),
    );
    expect(() => estimateSample(d, [...counts(), { id: 'zz', countedValue: '1' }])).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ rule: 'drawn_only', extra: ['zz'] }) }),
    );
    expect(() => estimateSample(d, [...counts(), { id: 'a', countedValue: '1' }])).toThrow(
      expect.objectContaining({ field: 'counts.6.id' }),
    );
    expect(() =>
      estimateSample(
        d,
        counts().map((c) => ({ ...c, countedValue: '1e2' })),
      ),
    ).toThrow(expect.objectContaining({ field: 'counts.0.countedValue' }));
  });
});
