// Estimating the total counted value from a counted sample (stratified simple random sampling without
// replacement, plus a complete layer that is counted in full and adds no variance).
//
// Arithmetic rule: money is summed in the exact decimal type (sample sums, means, N_h·ȳ_h, the ratio R̂,
// the totals and the interval bounds); variances, standard errors, z and relative precision are
// statistics and use doubles. The interval is estimate ± z·SE with the normal z (no t for small n_h: the
// minimum per stratum keeps n_h at the size where the stratified sum is near normal, and the coverage test
// checks the nominal rate).
//
//   mean per unit   T̂ = Σ N_h ȳ_h                       v = Σ N_h² (1 − f_h) s²_y,h / n_h
//   difference      T̂ = X + Σ N_h (ȳ_h − x̄_h)           v = Σ N_h² (1 − f_h) s²_d,h / n_h,  d = y − x
//   ratio (combined) R̂ = Σ N_h ȳ_h / Σ N_h x̄_h, T̂ = R̂·X   v = Σ N_h² (1 − f_h) s²_e,h / n_h,  e = y − R̂x
// with f_h = n_h / N_h, X the book total of the sampled strata, and the counted complete layer added to T̂.
// The combined ratio is used rather than the separate one: its bias does not add up over strata, which
// matters when a stratum holds only the minimum sample.
import { Dec, decText, parseDecimal } from '../../decimal.js';
import { DomainError } from '../../errors.js';
import type { SampleDesign } from './design.js';
import { verdictOf, type Verdict } from './verdict.js';

export interface CountedValue { id: string; countedValue: string }

export interface StratumEstimate {
  index: number;
  populationCount: number;
  sampleSize: number;
  bookTotal: string;
  sampleBookMean: string;
  sampleCountedMean: string;
  /** This stratum's part of the estimate (for the ratio estimator R̂ · X_h). */
  estimate: string;
  /** Standard deviation of what the estimator's variance is built on (y, d or e), n − 1. */
  residualStdDev: number;
  variance: number;
}

export interface SampleEstimate {
  estimator: SampleDesign['config']['estimator'];
  bookTotal: string;
  completeLayer: { count: number; bookTotal: string; countedTotal: string };
  /** Estimated total counted value, complete layer included, rounded to cents. */
  estimate: string;
  standardError: number;
  z: number;
  interval: { lower: string; upper: string };
  /** z·SE / estimate. */
  achievedRelativePrecision: number;
  targetRelativePrecision: number;
  ratio: string | null;
  strata: StratumEstimate[];
  verdict: Verdict;
}

const MONEY_SCALE = 2;

interface StratumData { n: number; N: number; X: Dec; sumY: Dec; sumX: Dec; y: Float64Array; x: Float64Array }

function countsById(design: SampleDesign, counts: readonly CountedValue[]): Map<string, Dec> {
  const out = new Map<string, Dec>();
  counts.forEach((c, i) => {
    if (out.has(c.id)) throw new DomainError('validation.failed', `counts.${i}.id ${c.id} occurs twice`, { field: `counts.${i}.id`, params: { rule: 'unique', id: c.id } });
    out.set(c.id, parseDecimal(c.countedValue, `counts.${i}.countedValue`));
  });
  const wanted = [...design.completeLayer.positions, ...design.strata.flatMap((s) => s.drawn)];
  const missing = wanted.filter((p) => !out.has(p.id)).map((p) => p.id);
  if (missing.length > 0) throw new DomainError('validation.failed', `counts lack ${missing.length} drawn or complete-layer positions`, { field: 'counts', params: { rule: 'complete', missing: missing.slice(0, 20) } });
  if (out.size !== wanted.length) {
    const known = new Set(wanted.map((p) => p.id));
    const extra = [...out.keys()].filter((id) => !known.has(id));
    throw new DomainError('validation.failed', `counts hold ${extra.length} positions that were not drawn`, { field: 'counts', params: { rule: 'drawn_only', extra: extra.slice(0, 20) } });
  }
  return out;
}

function sampleVariance(v: Float64Array): number {
  const n = v.length;
  if (n < 2) return 0;
  let s = 0;
  for (const a of v) s += a;
  const m = s / n;
  let ss = 0;
  for (const a of v) ss += (a - m) * (a - m);
  return ss / (n - 1);
}

const fpcTerm = (d: StratumData, s2: number): number => (d.n >= d.N ? 0 : (d.N * d.N * (1 - d.n / d.N) * s2) / d.n);

/** The estimate, its interval and the verdict, from the design and the counted values of its positions. */
export function estimateSample(design: SampleDesign, counts: readonly CountedValue[]): SampleEstimate {
  const counted = countsById(design, counts);
  const completeCounted = design.completeLayer.positions.reduce((acc, p) => acc.plus(counted.get(p.id)!), new Dec(0));
  const data: StratumData[] = design.strata.map((s) => {
    const n = s.drawn.length;
    const y = new Float64Array(n), x = new Float64Array(n);
    let sumY = new Dec(0), sumX = new Dec(0);
    s.drawn.forEach((p, i) => {
      const cy = counted.get(p.id)!, bx = new Dec(p.bookValue);
      sumY = sumY.plus(cy); sumX = sumX.plus(bx);
      y[i] = cy.toNumber(); x[i] = bx.toNumber();
    });
    return { n, N: s.populationCount, X: new Dec(s.bookTotal), sumY, sumX, y, x };
  });
  const est = design.config.estimator;
  const meanY = data.map((d) => d.sumY.div(d.n));
  const meanX = data.map((d) => d.sumX.div(d.n));
  const X = new Dec(design.sampled.bookTotal);
  let ratio: Dec | null = null;
  let ratioUndefined = false;
  if (est === 'ratio') {
    const xHat = data.reduce((acc, d, h) => acc.plus(meanX[h]!.times(d.N)), new Dec(0));
    const yHat = data.reduce((acc, d, h) => acc.plus(meanY[h]!.times(d.N)), new Dec(0));
    if (xHat.isZero()) ratioUndefined = data.length > 0;
    else ratio = yHat.div(xHat);
  }
  const r = ratio?.toNumber() ?? 1;
  const useRatio = est === 'ratio' && ratio !== null;
  // Unrounded parts are summed; rounding each stratum first would drift by up to half a cent per stratum.
  const parts = data.map((d, h) => (est === 'difference' ? d.X.plus(meanY[h]!.minus(meanX[h]!).times(d.N)) : useRatio ? ratio!.times(d.X) : meanY[h]!.times(d.N)));
  const strata: StratumEstimate[] = design.strata.map((s, h) => {
    const d = data[h]!;
    const resid = est === 'difference' ? d.y.map((yi, i) => yi - d.x[i]!) : useRatio ? d.y.map((yi, i) => yi - r * d.x[i]!) : d.y;
    const s2 = sampleVariance(resid);
    return {
      index: s.index, populationCount: d.N, sampleSize: d.n, bookTotal: s.bookTotal,
      sampleBookMean: decText(meanX[h]!.toDecimalPlaces(MONEY_SCALE)), sampleCountedMean: decText(meanY[h]!.toDecimalPlaces(MONEY_SCALE)),
      estimate: decText(parts[h]!.toDecimalPlaces(MONEY_SCALE)), residualStdDev: Math.sqrt(s2), variance: fpcTerm(d, s2),
    };
  });
  // R̂·X equals Σ R̂·X_h; computed once so the total does not depend on the order of the strata.
  const sampledPart = useRatio ? ratio!.times(X) : parts.reduce((acc, p) => acc.plus(p), new Dec(0));
  const totalExact = completeCounted.plus(sampledPart);
  const se = Math.sqrt(strata.reduce((acc, s) => acc + s.variance, 0));
  const halfWidth = new Dec(design.z * se);
  const estimate = totalExact.toDecimalPlaces(MONEY_SCALE);
  const lower = totalExact.minus(halfWidth).toDecimalPlaces(MONEY_SCALE, Dec.ROUND_FLOOR);
  const upper = totalExact.plus(halfWidth).toDecimalPlaces(MONEY_SCALE, Dec.ROUND_CEIL);
  const achieved = totalExact.gt(0) ? (design.z * se) / totalExact.toNumber() : Number.POSITIVE_INFINITY;
  const book = new Dec(design.population.bookTotal);
  const verdict = verdictOf(design, { estimate: totalExact, lower, upper, book, achieved, ratioUndefined, residualStdDev: strata.map((s) => s.residualStdDev) });
  return {
    estimator: est,
    bookTotal: design.population.bookTotal,
    completeLayer: { count: design.completeLayer.count, bookTotal: design.completeLayer.bookTotal, countedTotal: decText(completeCounted) },
    estimate: decText(estimate),
    standardError: se,
    z: design.z,
    interval: { lower: decText(lower), upper: decText(upper) },
    achievedRelativePrecision: achieved,
    targetRelativePrecision: design.config.targetRelativePrecision,
    ratio: ratio ? decText(ratio.toSignificantDigits(12)) : null,
    strata,
    verdict,
  };
}
