// Whether a counted sample passes, why not, and what to do next. Precision not met → extend the sample
// (with the n the observed variability needs) while that stays below the full-count share and the draw
// limit; precision met but the acceptance rule failed → a precise estimate contradicts the book, so more
// sampling would not help: count everything.
import type { Dec } from '../../decimal.js';
import { allocate } from './allocation.js';
import type { SampleDesign } from './design.js';

export const VERDICT_REASONS = [
  'precision_not_met',
  'book_outside_interval',
  'difference_above_tolerance',
  'ratio_undefined',
] as const;
export type VerdictReason = (typeof VERDICT_REASONS)[number];

export type Offer = { kind: 'extend'; n: number; perStratum: number[] } | { kind: 'full_count' } | null;

export interface Verdict {
  passes: boolean;
  precisionMet: boolean;
  acceptanceMet: boolean;
  reasons: { code: VerdictReason; params: Record<string, unknown> }[];
  offer: Offer;
}

export interface VerdictInput {
  estimate: Dec;
  lower: Dec;
  upper: Dec;
  book: Dec;
  achieved: number;
  ratioUndefined: boolean;
  /** Per stratum, the observed standard deviation the estimator's variance uses. */
  residualStdDev: number[];
}

export function verdictOf(design: SampleDesign, v: VerdictInput): Verdict {
  const cfg = design.config;
  const reasons: Verdict['reasons'] = [];
  if (v.ratioUndefined) reasons.push({ code: 'ratio_undefined', params: {} });
  const precisionMet = !v.ratioUndefined && v.achieved <= cfg.targetRelativePrecision;
  if (!precisionMet && !v.ratioUndefined)
    reasons.push({ code: 'precision_not_met', params: { achieved: v.achieved, target: cfg.targetRelativePrecision } });
  let acceptanceMet: boolean;
  if (cfg.acceptance.kind === 'book_in_interval') {
    acceptanceMet = v.book.gte(v.lower) && v.book.lte(v.upper);
    if (!acceptanceMet)
      reasons.push({
        code: 'book_outside_interval',
        params: { book: v.book.toFixed(), lower: v.lower.toFixed(), upper: v.upper.toFixed() },
      });
  } else {
    const diff = v.estimate.minus(v.book).abs();
    acceptanceMet = diff.lte(v.book.abs().times(cfg.acceptance.tolerance));
    if (!acceptanceMet)
      reasons.push({
        code: 'difference_above_tolerance',
        params: { difference: diff.toDecimalPlaces(2).toFixed(), tolerance: cfg.acceptance.tolerance },
      });
  }
  const passes = precisionMet && acceptanceMet;
  return { passes, precisionMet, acceptanceMet, reasons, offer: passes ? null : offerOf(design, v, precisionMet) };
}

function offerOf(design: SampleDesign, v: VerdictInput, precisionMet: boolean): Offer {
  const cfg = design.config;
  if (precisionMet || v.ratioUndefined || design.draws >= cfg.maxDraws || !v.estimate.gt(0))
    return { kind: 'full_count' };
  const current = design.strata.map((s) => s.sampleSize);
  const maxSe = (cfg.targetRelativePrecision * v.estimate.toNumber()) / design.z;
  const stats = design.strata.map((s, h) => ({ populationCount: s.populationCount, stdDev: v.residualStdDev[h]! }));
  let perStratum = allocate(stats, maxSe * maxSe, cfg.allocation, cfg.minPerStratum).perStratum.map((n, h) =>
    Math.max(n, current[h]!),
  );
  if (sum(perStratum) <= sum(current)) {
    // Rounding left the formula at the current size: grow every stratum by the variance ratio instead.
    const grow = (v.achieved / cfg.targetRelativePrecision) ** 2;
    perStratum = current.map((n, h) => Math.min(design.strata[h]!.populationCount, Math.ceil(n * grow)));
  }
  const n = sum(perStratum);
  if (n <= sum(current) || n > cfg.fullCountShare * design.sampled.count) return { kind: 'full_count' };
  return { kind: 'extend', n, perStratum };
}

const sum = (a: readonly number[]): number => a.reduce((x, y) => x + y, 0);
