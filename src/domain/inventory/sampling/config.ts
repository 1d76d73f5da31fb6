// The sampling configuration an inventory type carries, and its parsing constructor. The
// closed word lists are written once here; types and (later) zod enums and SQL CHECKs derive from them.
import { Dec } from '../../decimal.js';
import { DomainError } from '../../errors.js';

export const SAMPLING_ALLOCATIONS = ['neyman', 'proportional'] as const;
export type SamplingAllocation = (typeof SAMPLING_ALLOCATIONS)[number];

export const SAMPLING_ESTIMATORS = ['mpu', 'ratio', 'difference'] as const;
export type SamplingEstimator = (typeof SAMPLING_ESTIMATORS)[number];

export const ACCEPTANCE_KINDS = ['book_in_interval', 'relative_difference'] as const;
export type AcceptanceKind = (typeof ACCEPTANCE_KINDS)[number];

/** Positions always counted: book value at or above `minValue`, or the largest ones holding `topValueShare` of the value. */
export type CompleteLayerRule = { minValue: string } | { topValueShare: number } | null;

/**
 * `book_in_interval`: the book total lies inside the confidence interval of the estimate.
 * `relative_difference`: |estimate − book| ≤ tolerance × book (tolerance a decimal string, "0.02" = 2 %).
 */
export type AcceptanceRule = { kind: 'book_in_interval' } | { kind: 'relative_difference'; tolerance: string };

export interface SamplingConfig {
  /** Two-sided confidence level, e.g. 0.95. */
  confidence: number;
  /** Half-width of the interval relative to the total, e.g. 0.01 = ±1 %. */
  targetRelativePrecision: number;
  completeLayer: CompleteLayerRule;
  /** Number of strata wanted; fewer are made when the population is small. */
  strata: number;
  allocation: SamplingAllocation;
  /** Smallest sample per stratum (at least 2, so each stratum's variance can be estimated). */
  minPerStratum: number;
  /** Seed of the draw (non-negative safe integer). */
  seed: number;
  estimator: SamplingEstimator;
  acceptance: AcceptanceRule;
  /** Offer a full count instead of an extension when the sample needed exceeds this share of the sampled population (default 0.5). */
  fullCountShare?: number;
  /** How many draws (first + extensions) an inventory may make before a full count is offered (default 2). */
  maxDraws?: number;
}

export type ParsedSamplingConfig = Required<SamplingConfig>;

function bad(field: string, rule: string, message: string, params: Record<string, unknown> = {}): never {
  throw new DomainError('validation.failed', `sampling.${field} ${message}`, {
    field: `sampling.${field}`,
    params: { rule, ...params },
  });
}

function inOpenRange(field: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= min || v >= max)
    bad(field, 'range', `must be a number strictly between ${min} and ${max}`, { min, max });
  return v;
}

function intInRange(field: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max)
    bad(field, 'range', `must be a whole number from ${min} to ${max}`, { min, max });
  return v;
}

function oneOf<T extends string>(field: string, v: unknown, words: readonly T[]): T {
  if (typeof v !== 'string' || !(words as readonly string[]).includes(v))
    bad(field, 'one_of', `must be one of ${words.join(', ')}`, { allowed: words });
  return v as T;
}

function decimalAtLeastZero(field: string, v: unknown): string {
  if (typeof v !== 'string' || !/^\d{1,20}(\.\d{1,12})?$/.test(v))
    bad(field, 'decimal', 'must be a non-negative decimal string such as "1000.00"');
  return v;
}

/** Checks every field and fills the defaults; names the field and the rule on bad input. */
export function parseSamplingConfig(c: SamplingConfig): ParsedSamplingConfig {
  const confidence = inOpenRange('confidence', c.confidence, 0.5, 1);
  if (confidence > 0.9999) bad('confidence', 'range', 'must be at most 0.9999', { max: 0.9999 });
  const targetRelativePrecision = inOpenRange('targetRelativePrecision', c.targetRelativePrecision, 0, 1);
  let completeLayer: CompleteLayerRule = null;
  if (c.completeLayer != null) {
    if ('minValue' in c.completeLayer)
      completeLayer = { minValue: decimalAtLeastZero('completeLayer.minValue', c.completeLayer.minValue) };
    else if ('topValueShare' in c.completeLayer) {
      const s = c.completeLayer.topValueShare;
      if (typeof s !== 'number' || !Number.isFinite(s) || s < 0 || s >= 1)
        bad('completeLayer.topValueShare', 'range', 'must be a number from 0 up to (not including) 1', {
          min: 0,
          max: 1,
        });
      completeLayer = { topValueShare: s };
    } else bad('completeLayer', 'shape', 'must be { minValue } or { topValueShare } or null');
  }
  const acceptance = c.acceptance;
  const kind = oneOf('acceptance.kind', acceptance?.kind, ACCEPTANCE_KINDS);
  let parsedAcceptance: AcceptanceRule = { kind: 'book_in_interval' };
  if (kind === 'relative_difference') {
    const tolerance = decimalAtLeastZero('acceptance.tolerance', (acceptance as { tolerance?: unknown }).tolerance);
    if (new Dec(tolerance).gte(1)) bad('acceptance.tolerance', 'range', 'must be below 1', { max: 1 });
    parsedAcceptance = { kind, tolerance };
  }
  return {
    confidence,
    targetRelativePrecision,
    completeLayer,
    strata: intInRange('strata', c.strata, 1, 50),
    allocation: oneOf('allocation', c.allocation, SAMPLING_ALLOCATIONS),
    minPerStratum: intInRange('minPerStratum', c.minPerStratum, 2, 100_000),
    seed: intInRange('seed', c.seed, 0, Number.MAX_SAFE_INTEGER),
    estimator: oneOf('estimator', c.estimator, SAMPLING_ESTIMATORS),
    acceptance: parsedAcceptance,
    fullCountShare:
      c.fullCountShare === undefined ? 0.5 : inOpenRange('fullCountShare', c.fullCountShare, 0, 1.0000001),
    maxDraws: c.maxDraws === undefined ? 2 : intInRange('maxDraws', c.maxDraws, 1, 2047),
  };
}
