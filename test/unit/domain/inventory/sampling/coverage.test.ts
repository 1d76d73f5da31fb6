// The proof: on a synthetic population with a known true total, the nominal 95 % interval
// must cover that total in 95 % ± 3 % of seeded draws, for each estimator. Population: 100,000 positions,
// lognormal book values (median ≈ 55, σ = 1.2 on the log scale, in cents), 5 % of them counted off by
// ±10–50 %. Everything is seeded, so the figures are the same on every run.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../../../src/domain/decimal.js';
import {
  designSample,
  estimateSample,
  extendSample,
  prepareFrame,
  Xoshiro128,
  type SampleDesign,
  type CountedValue,
  type SamplingConfig,
  type SamplingEstimator,
  type SamplingPosition,
} from '../../../../../src/domain/inventory/sampling/index.js';

const N = 100_000;
const DRAWS = 400;

function population(): { positions: SamplingPosition[]; counted: Map<string, string>; trueTotal: Dec } {
  const rng = Xoshiro128.fromSeed(20261203, 7);
  const positions: SamplingPosition[] = [];
  const counted = new Map<string, string>();
  let trueCents = 0n;
  for (let i = 0; i < N; i++) {
    // Box–Muller; 1 − u keeps the logarithm finite.
    const z = Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat());
    const bookCents = Math.max(1, Math.round(Math.exp(4 + 1.2 * z) * 100));
    let countCents = bookCents;
    if (rng.nextFloat() < 0.05) {
      const off = 0.1 + 0.4 * rng.nextFloat();
      countCents = Math.round(bookCents * (rng.nextFloat() < 0.5 ? 1 - off : 1 + off));
    }
    const id = `P${String(i).padStart(6, '0')}`;
    positions.push({ id, bookQuantity: '1', bookValue: (bookCents / 100).toFixed(2) });
    counted.set(id, (countCents / 100).toFixed(2));
    trueCents += BigInt(countCents);
  }
  return { positions, counted, trueTotal: new Dec(trueCents.toString()).div(100) };
}

const base: Omit<SamplingConfig, 'seed' | 'estimator'> = {
  confidence: 0.95,
  targetRelativePrecision: 0.01,
  completeLayer: { topValueShare: 0.1 },
  strata: 10,
  allocation: 'neyman',
  minPerStratum: 50,
  acceptance: { kind: 'book_in_interval' },
};

describe('coverage of the 95 % interval on 100k synthetic positions', () => {
  it(`covers the true total at 95 % ± 3 % over ${DRAWS} seeded draws for every estimator`, () => {
    const { positions, counted, trueTotal } = population();
    const frame = prepareFrame(positions);
    const estimators: SamplingEstimator[] = ['mpu', 'ratio', 'difference'];
    const stats = new Map(estimators.map((e) => [e, { covered: 0, precision: 0, passes: 0 }]));
    const countsOf = (d: SampleDesign): CountedValue[] =>
      [...d.completeLayer.positions, ...d.strata.flatMap((s) => s.drawn)].map((p) => ({
        id: p.id,
        countedValue: counted.get(p.id)!,
      }));
    const covers = (r: { interval: { lower: string; upper: string } }): boolean =>
      trueTotal.gte(r.interval.lower) && trueTotal.lte(r.interval.upper);
    // The whole procedure for mean-per-unit: estimate, take the offered extension once, estimate again.
    const staged = { covered: 0, passes: 0, extended: 0, fullCount: 0, sample: 0, precision: 0 };
    let sampleSum = 0,
      completeCount = 0;
    for (let seed = 1; seed <= DRAWS; seed++) {
      const design = designSample(frame, { ...base, seed, estimator: 'mpu' });
      sampleSum += design.sampleSize;
      completeCount = design.completeLayer.count;
      const counts = countsOf(design);
      for (const e of estimators) {
        const r = estimateSample({ ...design, config: { ...design.config, estimator: e } }, counts);
        const s = stats.get(e)!;
        if (covers(r)) s.covered++;
        s.precision += r.achievedRelativePrecision;
        if (r.verdict.passes) s.passes++;
        if (e !== 'mpu') continue;
        let final = r,
          finalDesign = design;
        if (r.verdict.offer?.kind === 'extend') {
          staged.extended++;
          finalDesign = extendSample(frame, design, { perStratum: r.verdict.offer.perStratum });
          final = estimateSample(finalDesign, countsOf(finalDesign));
        }
        if (final.verdict.offer?.kind === 'full_count') staged.fullCount++;
        if (covers(final)) staged.covered++;
        if (final.verdict.passes) staged.passes++;
        staged.sample += finalDesign.sampleSize;
        staged.precision += final.achievedRelativePrecision;
      }
    }
    const meanSample = sampleSum / DRAWS;
    console.log(
      `population ${N} positions, true counted total ${trueTotal.toFixed(2)}, book total ${frame.prefix[N]!.toFixed(2)}`,
    );
    console.log(
      `complete layer ${completeCount} positions; mean sample ${meanSample.toFixed(1)} (${((100 * meanSample) / N).toFixed(2)} % of the population; ${(((meanSample + completeCount) * 100) / N).toFixed(2)} % counted with the layer)`,
    );
    for (const [e, s] of stats) {
      console.log(
        `${e.padEnd(10)} coverage ${((100 * s.covered) / DRAWS).toFixed(1)} %, mean achieved precision ±${((100 * s.precision) / DRAWS).toFixed(3)} %, passes ${s.passes}/${DRAWS}`,
      );
    }
    console.log(
      `mpu, extended once when offered: extended ${staged.extended}/${DRAWS}, coverage ${((100 * staged.covered) / DRAWS).toFixed(1)} %, mean achieved precision ±${((100 * staged.precision) / DRAWS).toFixed(3)} %, passes ${staged.passes}/${DRAWS}, full count offered ${staged.fullCount}, mean sample ${(staged.sample / DRAWS).toFixed(1)}`,
    );
    for (const [, s] of stats) {
      expect(s.covered / DRAWS).toBeGreaterThanOrEqual(0.92);
      expect(s.covered / DRAWS).toBeLessThanOrEqual(0.98);
    }
    // Planned from the book values, mean-per-unit misses the target once counting errors add variance; the
    // offered extension, sized from the observed variance, brings it back to the target.
    expect(staged.precision / DRAWS).toBeLessThanOrEqual(0.0105);
    expect(staged.covered / DRAWS).toBeGreaterThanOrEqual(0.92);
  });
});
