// Sample size and allocation for a stratified simple random sample without replacement. Statistics, so
// doubles: the inputs are stratum sizes N_h and standard deviations S_h, the outputs whole numbers n_h.
//
// Variance of the stratified estimator of a total, with finite population correction:
//   V = Σ N_h² S_h² / n_h − Σ N_h S_h².
// The interval half-width z·√V must not exceed r·X (X the book total), i.e. V ≤ D² with D = r·X / z.
// With n_h = n·a_h (Neyman a_h ∝ N_h S_h, proportional a_h ∝ N_h):
//   n = (Σ N_h² S_h² / a_h) / (D² + Σ N_h S_h²).
// A stratum whose share n·a_h reaches N_h is counted completely (its variance term is 0) and n is solved
// again for the rest, until no stratum overflows. Then n_h = ⌈n·a_h⌉, raised to min(minPerStratum, N_h).
import type { SamplingAllocation } from './config.js';

export interface StratumStats {
  populationCount: number;
  stdDev: number;
}

export interface Allocation {
  /** Whole sample size per stratum. */
  perStratum: number[];
  /** n before rounding (take-all strata counted with their N_h). */
  unrounded: number;
}

export function allocate(
  strata: readonly StratumStats[],
  maxVariance: number,
  rule: SamplingAllocation,
  minPerStratum: number,
): Allocation {
  const weight = (s: StratumStats): number => (rule === 'neyman' ? s.populationCount * s.stdDev : s.populationCount);
  const takeAll = new Set<number>();
  let n = 0;
  let shares: number[] = strata.map(() => 0);
  for (;;) {
    const free = strata.map((s, h) => h).filter((h) => !takeAll.has(h) && weight(strata[h]!) > 0);
    const wSum = free.reduce((acc, h) => acc + weight(strata[h]!), 0);
    let num = 0,
      fpc = 0;
    for (const h of free) {
      const s = strata[h]!;
      const a = weight(s) / wSum;
      num += (s.populationCount ** 2 * s.stdDev ** 2) / a;
      fpc += s.populationCount * s.stdDev ** 2;
    }
    n = free.length === 0 || num === 0 ? 0 : num / (maxVariance + fpc);
    shares = strata.map((s, h) => (free.includes(h) ? (n * weight(s)) / wSum : 0));
    const overflow = free.filter((h) => shares[h]! >= strata[h]!.populationCount);
    if (overflow.length === 0) break;
    for (const h of overflow) takeAll.add(h);
  }
  const perStratum = strata.map((s, h) => {
    const raw = takeAll.has(h) ? s.populationCount : Math.ceil(shares[h]! - 1e-9);
    return Math.min(s.populationCount, Math.max(raw, Math.min(minPerStratum, s.populationCount)));
  });
  const unrounded = strata.reduce((acc, s, h) => acc + (takeAll.has(h) ? s.populationCount : shares[h]!), 0);
  return { perStratum, unrounded };
}

/** V = Σ N_h² (1 − n_h/N_h) S_h² / n_h for a given allocation (0 for a stratum counted completely). */
export function stratifiedVariance(strata: readonly StratumStats[], n: readonly number[]): number {
  return strata.reduce((acc, s, h) => {
    const nh = n[h]!;
    if (nh >= s.populationCount || s.stdDev === 0) return acc;
    return acc + (s.populationCount ** 2 * (1 - nh / s.populationCount) * s.stdDev ** 2) / nh;
  }, 0);
}
