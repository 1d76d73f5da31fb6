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
import type { SamplingEstimator } from './config.js';
import type { SampleDesign } from './design.js';
import { verdictOf, type Verdict } from './verdict.js';

export interface CountedValue {
  id: string;
  countedValue: string;
}

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
  estimator: SamplingEstimator;
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

interface StratumData {
  n: number;
  N: number;
  X: Dec;
  sumY: Dec;
  sumX: Dec;
  meanY: Dec;
  meanX: Dec;
  y: Float64Array;
  x: Float64Array;
}

function countsById(design: SampleDesign, counts: readonly CountedValue[]): Map<string, Dec> {
  const out = new Map<string, Dec>();
  counts.forEach((c, i) => {
    if (out.has(c.id))
      throw new DomainError('validation.failed', `counts.${i}.id ${c.id} occurs twice`, {
        field: `counts.${i}.id`,
        params: { rule: 'unique', id: c.id },
      });
    out.set(c.id, parseDecimal(c.countedValue, `counts.${i}.countedValue`));
  });
  const wanted = [...design.completeLayer.positions, ...design.strata.flatMap((s) => s.drawn)];
  const missing = wanted.filter((p) => !out.has(p.id)).map((p) => p.id);
  if (missing.length > 0)
    throw new DomainError('validation.failed', `counts lack ${missing.length} drawn or complete-layer positions`, {
      field: 'counts',
      params: { rule: 'complete', missing: missing.slice(0, 20) },
    });
  if (out.size !== wanted.length) {
    const known = new Set(wanted.map((p) => p.id));
    const extra = [...out.keys()].filter((id) => !known.has(id));
    throw new DomainError('validation.failed', `counts hold ${extra.length} positions that were not drawn`, {
      field: 'counts',
      params: { rule: 'drawn_only', extra: extra.slice(0, 20) },
    });
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

function stratumData(design: SampleDesign, counted: ReadonlyMap<string, Dec>): StratumData[] {
  return design.strata.map((s) => {
    const n = s.drawn.length;
    const y = new Float64Array(n),
      x = new Float64Array(n);
    let sumY = new Dec(0),
      sumX = new Dec(0);
    s.drawn.forEach((p, i) => {
      const cy = counted.get(p.id)!,
        bx = new Dec(p.bookValue);
      sumY = sumY.plus(cy);
      sumX = sumX.plus(bx);
      y[i] = cy.toNumber();
      x[i] = bx.toNumber();
    });
    return {
      n,
      N: s.populationCount,
      X: new Dec(s.bookTotal),
      sumY,
      sumX,
      meanY: sumY.div(n),
      meanX: sumX.div(n),
      y,
      x,
    };
  });
}

/** R̂ = Σ N_h ȳ_h / Σ N_h x̄_h; null when no sampled book value is there to divide by. */
function combinedRatio(data: readonly StratumData[]): Dec | null {
  const xHat = data.reduce((acc, d) => acc.plus(d.meanX.times(d.N)), new Dec(0));
  const yHat = data.reduce((acc, d) => acc.plus(d.meanY.times(d.N)), new Dec(0));
  return xHat.isZero() ? null : yHat.div(xHat);
}

/** This stratum's exact part of the total, and the values its variance is built on. */
function partAndResiduals(est: SamplingEstimator, d: StratumData, ratio: Dec | null): [Dec, Float64Array] {
  if (est === 'difference') return [d.X.plus(d.meanY.minus(d.meanX).times(d.N)), d.y.map((yi, i) => yi - d.x[i]!)];
  if (est === 'ratio' && ratio) {
    const r = ratio.toNumber();
    return [ratio.times(d.X), d.y.map((yi, i) => yi - r * d.x[i]!)];
  }
  return [d.meanY.times(d.N), d.y];
}

/** The estimate, its interval and the verdict, from the design and the counted values of its positions. */
export function estimateSample(design: SampleDesign, counts: readonly CountedValue[]): SampleEstimate {
  const counted = countsById(design, counts);
  const completeCounted = design.completeLayer.positions.reduce((acc, p) => acc.plus(counted.get(p.id)!), new Dec(0));
  const data = stratumData(design, counted);
  const est = design.config.estimator;
  const ratio = est === 'ratio' ? combinedRatio(data) : null;
  const ratioUndefined = est === 'ratio' && ratio === null && data.length > 0;
  const parts: Dec[] = [];
  const strata: StratumEstimate[] = design.strata.map((s, h) => {
    const d = data[h]!;
    const [part, resid] = partAndResiduals(est, d, ratio);
    parts.push(part);
    const s2 = sampleVariance(resid);
    return {
      index: s.index,
      populationCount: d.N,
      sampleSize: d.n,
      bookTotal: s.bookTotal,
      sampleBookMean: decText(d.meanX.toDecimalPlaces(MONEY_SCALE)),
      sampleCountedMean: decText(d.meanY.toDecimalPlaces(MONEY_SCALE)),
      estimate: decText(part.toDecimalPlaces(MONEY_SCALE)),
      residualStdDev: Math.sqrt(s2),
      variance: fpcTerm(d, s2),
    };
  });
  // Unrounded parts are summed (rounding each stratum first would drift by up to half a cent per stratum);
  // for the ratio R̂·X is taken once, which equals Σ R̂·X_h.
  const sampledPart = ratio ? ratio.times(design.sampled.bookTotal) : parts.reduce((acc, p) => acc.plus(p), new Dec(0));
  const totalExact = completeCounted.plus(sampledPart);
  const se = Math.sqrt(strata.reduce((acc, s) => acc + s.variance, 0));
  const halfWidth = new Dec(design.z * se);
  const estimate = totalExact.toDecimalPlaces(MONEY_SCALE);
  const lower = totalExact.minus(halfWidth).toDecimalPlaces(MONEY_SCALE, Dec.ROUND_FLOOR);
  const upper = totalExact.plus(halfWidth).toDecimalPlaces(MONEY_SCALE, Dec.ROUND_CEIL);
  const achieved = totalExact.gt(0) ? (design.z * se) / totalExact.toNumber() : Number.POSITIVE_INFINITY;
  const book = new Dec(design.population.bookTotal);
  const verdict = verdictOf(design, {
    estimate: totalExact,
    lower,
    upper,
    book,
    achieved,
    ratioUndefined,
    residualStdDev: strata.map((s) => s.residualStdDev),
  });
  return {
    estimator: est,
    bookTotal: design.population.bookTotal,
    completeLayer: {
      count: design.completeLayer.count,
      bookTotal: design.completeLayer.bookTotal,
      countedTotal: decText(completeCounted),
    },
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
