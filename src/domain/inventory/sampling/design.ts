// The sample design: complete layer, strata, allocation and the seeded draw; and its extension by a later
// draw from the same strata. The design is plain JSON (decimal strings, numbers, ids) so a service can
// store it as the record of the draw and estimate from it later without the frame.
import { Dec, decText } from '../../decimal.js';
import { DomainError } from '../../errors.js';
import { allocate, stratifiedVariance } from './allocation.js';
import { parseSamplingConfig, type ParsedSamplingConfig, type SamplingConfig } from './config.js';
import { rangeStdDev, rangeTotal, type SamplingFrame } from './frame.js';
import { zForConfidence } from './normal.js';
import { Xoshiro128 } from './prng.js';
import { cumSqrtFStrata, splitCompleteLayer, type Range } from './strata.js';

export interface DrawnPosition {
  id: string;
  bookValue: string;
  /** 1 for the first draw, 2 for the first extension… */ draw: number;
}

export interface DesignStratum {
  /** 1-based, from the lowest book values up. */
  index: number;
  minBookValue: string;
  maxBookValue: string;
  /** First and last position of the stratum in frame order (book value, id): with N_h and X_h they let an extension check that the frame is the one drawn from. */
  firstId: string;
  lastId: string;
  populationCount: number;
  bookTotal: string;
  /** Standard deviation of the book values (n − 1), the planning value for S_h. */
  bookStdDev: number;
  sampleSize: number;
  drawn: DrawnPosition[];
}

export interface SampleDesign {
  config: ParsedSamplingConfig;
  /** Normal quantile for the confidence (two-sided). */
  z: number;
  stratification: 'cumulative_sqrt_f';
  population: { count: number; bookTotal: string };
  completeLayer: { count: number; bookTotal: string; positions: { id: string; bookValue: string }[] };
  sampled: { count: number; bookTotal: string };
  strata: DesignStratum[];
  /** Σ n_h, and the planned standard error z would widen to the target half-width r·X. */
  sampleSize: number;
  plannedStandardError: number;
  /** Draws made so far (1 after the design, +1 per extension). */
  draws: number;
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Picks `k` distinct members of `pool` (indices) with a partial Fisher–Yates shuffle over a sparse swap map. */
function pick(rng: Xoshiro128, poolSize: number, k: number, at: (i: number) => number): number[] {
  const swapped = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < k; i++) {
    const j = i + rng.below(poolSize - i);
    const vj = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    out.push(at(vj));
  }
  return out;
}

function positionsOf(frame: SamplingFrame, indices: readonly number[], draw: number): DrawnPosition[] {
  return indices.map((i) => ({ id: frame.ids[i]!, bookValue: decText(frame.exact[i]!), draw })).sort(byId);
}

/** Designs the sample for the positions of `frame` and draws it with the configured seed. */
export function designSample(frame: SamplingFrame, input: SamplingConfig): SampleDesign {
  const config = parseSamplingConfig(input);
  const z = zForConfidence(config.confidence);
  const layer = splitCompleteLayer(frame, config.completeLayer);
  const ranges = cumSqrtFStrata(frame, layer.sampled, config.strata, config.minPerStratum);
  const stats = ranges.map((r) => ({ populationCount: r.hi - r.lo, stdDev: rangeStdDev(frame, r.lo, r.hi) }));
  const bookTotal = frame.prefix[frame.size]!;
  // Precision is relative to the whole inventory's book value; the complete layer adds no variance.
  const maxSe = bookTotal.gt(0) ? (config.targetRelativePrecision * bookTotal.toNumber()) / z : 0;
  const { perStratum } = allocate(stats, maxSe * maxSe, config.allocation, config.minPerStratum);
  const rng = Xoshiro128.fromSeed(config.seed, 0);
  const strata = ranges.map((r, h) =>
    stratumOf(
      frame,
      r,
      h,
      stats[h]!.stdDev,
      perStratum[h]!,
      pick(rng, r.hi - r.lo, perStratum[h]!, (i) => r.lo + i),
    ),
  );
  const completeIdx = [...indexRange(layer.negatives), ...indexRange(layer.top)];
  const completeTotal = rangeTotal(frame, layer.negatives.lo, layer.negatives.hi).plus(
    rangeTotal(frame, layer.top.lo, layer.top.hi),
  );
  return {
    config,
    z,
    stratification: 'cumulative_sqrt_f',
    population: { count: frame.size, bookTotal: decText(bookTotal) },
    completeLayer: {
      count: completeIdx.length,
      bookTotal: decText(completeTotal),
      positions: completeIdx.map((i) => ({ id: frame.ids[i]!, bookValue: decText(frame.exact[i]!) })).sort(byId),
    },
    sampled: {
      count: layer.sampled.hi - layer.sampled.lo,
      bookTotal: decText(rangeTotal(frame, layer.sampled.lo, layer.sampled.hi)),
    },
    strata,
    sampleSize: perStratum.reduce((a, b) => a + b, 0),
    plannedStandardError: Math.sqrt(stratifiedVariance(stats, perStratum)),
    draws: 1,
  };
}

function indexRange(r: Range): number[] {
  return Array.from({ length: r.hi - r.lo }, (_, i) => r.lo + i);
}

function stratumOf(
  frame: SamplingFrame,
  r: Range,
  h: number,
  stdDev: number,
  n: number,
  drawn: number[],
): DesignStratum {
  return {
    index: h + 1,
    minBookValue: decText(frame.exact[r.lo]!),
    maxBookValue: decText(frame.exact[r.hi - 1]!),
    firstId: frame.ids[r.lo]!,
    lastId: frame.ids[r.hi - 1]!,
    populationCount: r.hi - r.lo,
    bookTotal: decText(rangeTotal(frame, r.lo, r.hi)),
    bookStdDev: stdDev,
    sampleSize: n,
    drawn: positionsOf(frame, drawn, 1),
  };
}

/** What an extension should reach: a total sample size (allocated like the design), or n_h per stratum. */
export type ExtensionTarget = { n: number } | { perStratum: readonly number[] };

/**
 * A further draw from the same strata, excluding what was drawn: each stratum grows to its target (never
 * shrinks, never beyond N_h). Uses stream `draws` of the seed, so the extension is reproducible too. The
 * union of nested simple random samples is again a simple random sample of the stratum.
 */
export function extendSample(frame: SamplingFrame, design: SampleDesign, target: ExtensionTarget): SampleDesign {
  const ranges = design.strata.map((s) => rangeOfStratum(frame, s));
  const targets = targetsOf(design, target);
  const rng = Xoshiro128.fromSeed(design.config.seed, design.draws);
  const draw = design.draws + 1;
  const strata = design.strata.map((s, h) => {
    const r = ranges[h]!;
    const want = Math.min(s.populationCount, Math.max(s.sampleSize, targets[h]!));
    if (want === s.sampleSize) return s;
    const taken = new Set(s.drawn.map((d) => frame.indexOf.get(d.id)!));
    const pool = new Int32Array(s.populationCount - taken.size);
    let k = 0;
    for (let i = r.lo; i < r.hi; i++) if (!taken.has(i)) pool[k++] = i;
    const extra = positionsOf(
      frame,
      pick(rng, pool.length, want - s.sampleSize, (i) => pool[i]!),
      draw,
    );
    return { ...s, sampleSize: want, drawn: [...s.drawn, ...extra].sort(byId) };
  });
  const stats = design.strata.map((s) => ({ populationCount: s.populationCount, stdDev: s.bookStdDev }));
  const sizes = strata.map((s) => s.sampleSize);
  return {
    ...design,
    strata,
    sampleSize: sizes.reduce((a, b) => a + b, 0),
    plannedStandardError: Math.sqrt(stratifiedVariance(stats, sizes)),
    draws: draw,
  };
}

function targetsOf(design: SampleDesign, target: ExtensionTarget): number[] {
  if ('perStratum' in target) {
    if (
      target.perStratum.length !== design.strata.length ||
      target.perStratum.some((v) => !Number.isSafeInteger(v) || v < 0)
    ) {
      throw new DomainError('validation.failed', `perStratum must hold ${design.strata.length} whole numbers ≥ 0`, {
        field: 'perStratum',
        params: { rule: 'shape', strata: design.strata.length },
      });
    }
    return [...target.perStratum];
  }
  if (!Number.isSafeInteger(target.n) || target.n < 0)
    throw new DomainError('validation.failed', 'n must be a whole number ≥ 0', {
      field: 'n',
      params: { rule: 'range', min: 0 },
    });
  const w = design.strata.map((s) =>
    design.config.allocation === 'neyman' ? s.populationCount * s.bookStdDev : s.populationCount,
  );
  const wSum = w.reduce((a, b) => a + b, 0);
  return design.strata.map((s, h) => (wSum > 0 ? Math.ceil((target.n * w[h]!) / wSum - 1e-9) : s.sampleSize));
}

function rangeOfStratum(frame: SamplingFrame, s: DesignStratum): Range {
  const lo = frame.indexOf.get(s.firstId),
    last = frame.indexOf.get(s.lastId);
  const ok =
    lo !== undefined &&
    last !== undefined &&
    last - lo + 1 === s.populationCount &&
    rangeTotal(frame, lo, last + 1).eq(new Dec(s.bookTotal));
  if (!ok) {
    throw new DomainError(
      'validation.failed',
      `positions differ from those stratum ${s.index} was drawn from; extend with the frame of the first draw`,
      { field: 'positions', params: { rule: 'frame_mismatch', stratum: s.index } },
    );
  }
  return { lo, hi: last + 1 };
}
