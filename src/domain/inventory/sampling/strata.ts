// The complete layer and the strata, as index ranges of the frame (which is sorted by book value).
//
// Strata use the cumulative-√f rule of Dalenius and Hodges: boundaries cut ∫√f(x)dx into equal parts. For
// the skewed (roughly lognormal) values of stock it gives near-optimal strata for Neyman allocation with a
// handful of strata, where equal-value strata put too many units into the bottom stratum. The histogram
// uses equal-COUNT classes with unequal widths, so √f per class becomes √(n_c · d_c) (Cochran 1977, §5A.7):
// it follows the dense low end of a skewed distribution without needing thousands of classes.
import { Dec } from '../../decimal.js';
import type { CompleteLayerRule } from './config.js';
import { firstAtLeast, rangeTotal, type SamplingFrame } from './frame.js';

export interface Range {
  lo: number;
  hi: number;
}

/** Classes of the cum-√f histogram (capped by the population size). */
export const CUM_SQRT_F_CLASSES = 1000;

/**
 * Frame ranges that are counted completely: positions with a negative book value (anomalies: always
 * counted) at the bottom, and the top layer by the rule. Returns the range left for sampling.
 */
export function splitCompleteLayer(
  frame: SamplingFrame,
  rule: CompleteLayerRule,
): { negatives: Range; top: Range; sampled: Range } {
  const n = frame.size;
  const negEnd = firstAtLeast(frame, new Dec(0), 0, n);
  let topStart = n;
  if (rule && 'minValue' in rule) topStart = firstAtLeast(frame, new Dec(rule.minValue), negEnd, n);
  else if (rule && rule.topValueShare > 0) {
    // Take positions from the top while the value taken before them is below share × (non-negative total):
    // unit i is in when total − prefix[i+1] < target, i.e. prefix[i+1] > total − target (prefix rises).
    const total = rangeTotal(frame, negEnd, n);
    const limit = frame.prefix[n]!.minus(total.times(rule.topValueShare));
    let a = negEnd,
      b = n;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (frame.prefix[m + 1]!.gt(limit)) b = m;
      else a = m + 1;
    }
    topStart = a;
  }
  return { negatives: { lo: 0, hi: negEnd }, top: { lo: topStart, hi: n }, sampled: { lo: negEnd, hi: topStart } };
}

/**
 * Cuts [lo, hi) into at most `wanted` contiguous strata by cumulative √f, each with at least `minSize`
 * units where the population allows (fewer strata are made otherwise). Empty strata are dropped; when all
 * values are equal (no width anywhere) the strata get equal counts.
 */
export function cumSqrtFStrata(frame: SamplingFrame, range: Range, wanted: number, minSize: number): Range[] {
  const n = range.hi - range.lo;
  if (n === 0) return [];
  const l = Math.max(1, Math.min(wanted, Math.floor(n / minSize)));
  if (l === 1) return [{ ...range }];
  const k = Math.min(n, CUM_SQRT_F_CLASSES);
  const start = (c: number): number => range.lo + Math.floor((c * n) / k);
  const edge = (c: number): number => frame.values[Math.min(start(c), range.hi - 1)]!;
  const g = new Float64Array(k);
  let total = 0;
  for (let c = 0; c < k; c++) {
    g[c] = Math.sqrt((start(c + 1) - start(c)) * Math.max(0, edge(c + 1) - edge(c)));
    total += g[c]!;
  }
  const cuts: number[] = [];
  if (total === 0) {
    for (let h = 1; h < l; h++) cuts.push(range.lo + Math.floor((h * n) / l));
  } else {
    // A class goes to the stratum its cumulative midpoint falls in; the stratum number never decreases.
    let cum = 0,
      current = 0;
    for (let c = 0; c < k; c++) {
      const h = Math.min(l - 1, Math.floor(((cum + g[c]! / 2) * l) / total));
      cum += g[c]!;
      while (current < h) {
        cuts.push(start(c));
        current++;
      }
    }
  }
  const bounds = [range.lo, ...cuts, range.hi];
  const strata: Range[] = [];
  for (let i = 0; i + 1 < bounds.length; i++)
    if (bounds[i + 1]! > bounds[i]!) strata.push({ lo: bounds[i]!, hi: bounds[i + 1]! });
  return mergeSmall(strata, minSize);
}

/** Joins a stratum smaller than `minSize` to its neighbour (the next one, or the previous for the last). */
function mergeSmall(strata: Range[], minSize: number): Range[] {
  const out = strata.map((s) => ({ ...s }));
  for (let i = 0; i < out.length && out.length > 1;) {
    if (out[i]!.hi - out[i]!.lo >= minSize) {
      i++;
      continue;
    }
    if (i + 1 < out.length) {
      out[i + 1]!.lo = out[i]!.lo;
      out.splice(i, 1);
    } else {
      out[i - 1]!.hi = out[i]!.hi;
      out.splice(i, 1);
    }
  }
  return out;
}
