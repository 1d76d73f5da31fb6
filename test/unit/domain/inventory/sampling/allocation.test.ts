import { describe, expect, it } from 'vitest';
import { allocate, stratifiedVariance } from '../../../../../src/domain/inventory/sampling/index.js';

// Two strata: A with N = 100, S = 10; B with N = 50, S = 40.  Σ N_h S_h² = 100·100 + 50·1600 = 90,000.
const AB = [
  { populationCount: 100, stdDev: 10 },
  { populationCount: 50, stdDev: 40 },
];

describe('sample size and allocation with finite population correction', () => {
  it('Neyman: n = (Σ N_h S_h)² / (D² + Σ N_h S_h²) = 3000² / (60,000 + 90,000) = 60 → 20 and 40', () => {
    // a_h ∝ N_h S_h = 1000 : 2000 → 1/3, 2/3.
    expect(allocate(AB, 60_000, 'neyman', 2)).toEqual({ perStratum: [20, 40], unrounded: 60 });
    // Check: 100²·100/20 − 10,000 = 40,000 and 50²·1600/40 − 80,000 = 20,000: V = 60,000 = D².
    expect(stratifiedVariance(AB, [20, 40])).toBeCloseTo(60_000, 6);
  });

  it('proportional: n = N Σ N_h S_h² / (D² + Σ N_h S_h²) = 150·90,000 / 150,000 = 90 → 60 and 30', () => {
    expect(allocate(AB, 60_000, 'proportional', 2).perStratum).toEqual([60, 30]);
    // 100²·100/60 − 10,000 = 6,666.67 and 50²·1600/30 − 80,000 = 53,333.33: V = 60,000.
    expect(stratifiedVariance(AB, [60, 30])).toBeCloseTo(60_000, 6);
  });

  it('a stratum whose share exceeds N_h is counted completely and n is solved again for the rest', () => {
    // A: N 10, S 100; B: N 1000, S 1. Neyman shares ½ each; Σ N_h S_h / a_h… n = 4e6 / (59,000 + 101,000) = 25
    // → A would get 12.5 > 10: take all. For B alone: n = 1000²·1 / (59,000 + 1000) = 16.7 → 17.
    const s = [
      { populationCount: 10, stdDev: 100 },
      { populationCount: 1000, stdDev: 1 },
    ];
    const a = allocate(s, 59_000, 'neyman', 2);
    expect(a.perStratum).toEqual([10, 17]);
    expect(stratifiedVariance(s, a.perStratum)).toBeLessThanOrEqual(59_000);
  });

  it('rounds up, so the variance never exceeds the target', () => {
    const a = allocate(AB, 61_000, 'neyman', 2); // n = 9e6 / 151,000 = 59.6 → ⌈19.87⌉ = 20, ⌈39.74⌉ = 40
    expect(a.perStratum).toEqual([20, 40]);
    expect(a.unrounded).toBeCloseTo(59.6026, 3);
  });

  it('minPerStratum raises small shares (also a stratum with S = 0), but never above N_h', () => {
    const s = [
      { populationCount: 1000, stdDev: 0 },
      { populationCount: 3, stdDev: 0.001 },
      { populationCount: 500, stdDev: 50 },
    ];
    const a = allocate(s, 1e9, 'neyman', 5);
    expect(a.perStratum[0]).toBe(5);
    expect(a.perStratum[1]).toBe(3);
    expect(a.perStratum[2]).toBeGreaterThanOrEqual(5);
  });

  it('a zero target counts every stratum with spread completely', () => {
    expect(allocate(AB, 0, 'neyman', 2).perStratum).toEqual([100, 50]);
  });
});
