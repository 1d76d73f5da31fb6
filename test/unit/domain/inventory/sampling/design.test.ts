import { describe, expect, it } from 'vitest';
import { Dec } from '../../../../../src/domain/decimal.js';
import {
  designSample,
  extendSample,
  parseSamplingConfig,
  prepareFrame,
  Xoshiro128,
  type SamplingConfig,
  type SamplingPosition,
} from '../../../../../src/domain/inventory/sampling/index.js';

// 3,000 positions with skewed (lognormal) values in cents, made with the module's own seeded generator.
function positions(n = 3000, seed = 11): SamplingPosition[] {
  const rng = Xoshiro128.fromSeed(seed, 5);
  return Array.from({ length: n }, (_, i) => {
    const z = Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat());
    return {
      id: `${1000 + i}`,
      bookQuantity: '2',
      bookValue: (Math.max(1, Math.round(Math.exp(3 + z) * 100)) / 100).toFixed(2),
    };
  });
}

const config: SamplingConfig = {
  confidence: 0.95,
  targetRelativePrecision: 0.02,
  completeLayer: { topValueShare: 0.1 },
  strata: 6,
  allocation: 'neyman',
  minPerStratum: 10,
  seed: 99,
  estimator: 'mpu',
  acceptance: { kind: 'book_in_interval' },
};

function shuffled<T>(a: readonly T[], seed: number): T[] {
  const out = [...a],
    rng = Xoshiro128.fromSeed(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('sample design', () => {
  const pos = positions();
  const frame = prepareFrame(pos);
  const design = designSample(frame, config);

  it('is reproducible: the same seed and data in any order give the same design and draw', () => {
    expect(designSample(prepareFrame(shuffled(pos, 1)), config)).toEqual(design);
    expect(designSample(prepareFrame([...pos].reverse()), config)).toEqual(design);
  });

  it('is plain JSON, so the stored record of the draw is the design itself', () => {
    expect(JSON.parse(JSON.stringify(design))).toEqual(design);
  });

  it('another seed draws other positions from the same strata', () => {
    const other = designSample(frame, { ...config, seed: 100 });
    expect(other.strata.map((s) => [s.populationCount, s.sampleSize])).toEqual(
      design.strata.map((s) => [s.populationCount, s.sampleSize]),
    );
    expect(other.strata.flatMap((s) => s.drawn.map((d) => d.id))).not.toEqual(
      design.strata.flatMap((s) => s.drawn.map((d) => d.id)),
    );
  });

  it('partitions the population: complete layer + strata, exact totals, values inside each stratum bound', () => {
    expect(design.completeLayer.count + design.strata.reduce((a, s) => a + s.populationCount, 0)).toBe(pos.length);
    const strataTotal = design.strata.reduce((a, s) => a.plus(s.bookTotal), new Dec(0));
    expect(strataTotal.plus(design.completeLayer.bookTotal).eq(design.population.bookTotal)).toBe(true);
    expect(pos.reduce((a, p) => a.plus(p.bookValue), new Dec(0)).toFixed()).toBe(design.population.bookTotal);
    for (const s of design.strata) {
      for (const d of s.drawn)
        expect(new Dec(d.bookValue).gte(s.minBookValue) && new Dec(d.bookValue).lte(s.maxBookValue)).toBe(true);
    }
    const minTop = design.completeLayer.positions.reduce((m, p) => Dec.min(m, p.bookValue), new Dec(Infinity));
    expect(minTop.gte(design.strata.at(-1)!.maxBookValue)).toBe(true);
  });

  it('allocation: Σ n_h is the sample size, each n_h is drawn exactly once, minPerStratum respected', () => {
    expect(design.strata.length).toBe(6);
    expect(design.sampleSize).toBe(design.strata.reduce((a, s) => a + s.sampleSize, 0));
    const all = design.strata.flatMap((s) => s.drawn.map((d) => d.id));
    expect(new Set(all).size).toBe(all.length);
    for (const s of design.strata) {
      expect(s.drawn).toHaveLength(s.sampleSize);
      expect(s.sampleSize).toBeGreaterThanOrEqual(Math.min(10, s.populationCount));
      expect(s.sampleSize).toBeLessThanOrEqual(s.populationCount);
    }
    expect(design.completeLayer.positions.some((p) => all.includes(p.id))).toBe(false);
  });

  it('meets the target precision as planned: z·SE ≤ r·X', () => {
    expect(design.z * design.plannedStandardError).toBeLessThanOrEqual(0.02 * Number(design.population.bookTotal));
    // …and a tighter target needs a larger sample.
    expect(designSample(frame, { ...config, targetRelativePrecision: 0.01 }).sampleSize).toBeGreaterThan(
      design.sampleSize,
    );
  });

  it('a minimum per stratum larger than the Neyman share raises every stratum to it', () => {
    const d = designSample(frame, { ...config, minPerStratum: 60 });
    for (const s of d.strata) expect(s.sampleSize).toBeGreaterThanOrEqual(Math.min(60, s.populationCount));
  });

  it('proportional allocation gives n_h in proportion to N_h (up to rounding and the minimum)', () => {
    const d = designSample(frame, { ...config, allocation: 'proportional' });
    const n = d.sampleSize,
      N = d.strata.reduce((a, s) => a + s.populationCount, 0);
    for (const s of d.strata)
      expect(Math.abs(s.sampleSize - (n * s.populationCount) / N)).toBeLessThan(Math.max(10, 0.02 * n));
  });

  it('draws every position with the same probability n/N (first draw and extension)', () => {
    // 20 positions, one stratum, n = 6 (precision ±99 %: n = N²S²/(D² + NS²) rounds up to 6), extended to 9:
    // over 2,000 seeds each position should be drawn 600 times (sd ≈ 20), then 900 times (sd ≈ 21).
    const small = prepareFrame(positions(20));
    const first = new Map<string, number>(),
      both = new Map<string, number>();
    for (let seed = 0; seed < 2000; seed++) {
      const d = designSample(small, {
        ...config,
        seed,
        strata: 1,
        completeLayer: null,
        targetRelativePrecision: 0.99,
        minPerStratum: 2,
      });
      expect(d.sampleSize).toBe(6);
      for (const p of d.strata[0]!.drawn) first.set(p.id, (first.get(p.id) ?? 0) + 1);
      for (const p of extendSample(small, d, { perStratum: [9] }).strata[0]!.drawn)
        both.set(p.id, (both.get(p.id) ?? 0) + 1);
    }
    expect(first.size).toBe(20);
    for (const c of first.values()) expect(Math.abs(c - 600)).toBeLessThan(85);
    for (const c of both.values()) expect(Math.abs(c - 900)).toBeLessThan(85);
  });

  it('a tiny population is counted completely (every stratum take-all)', () => {
    const d = designSample(prepareFrame(positions(8)), {
      ...config,
      completeLayer: null,
      targetRelativePrecision: 0.001,
    });
    expect(d.sampleSize).toBe(8);
  });
});

describe('extending the sample', () => {
  const frame = prepareFrame(positions());
  const design = designSample(frame, config);
  const target = design.strata.map((s) => Math.min(s.populationCount, s.sampleSize + 7));

  it('draws more from the same strata, keeps the first draw, no position twice, marked as draw 2', () => {
    const ext = extendSample(frame, design, { perStratum: target });
    expect(ext.draws).toBe(2);
    ext.strata.forEach((s, h) => {
      expect(s.sampleSize).toBe(target[h]);
      const ids = s.drawn.map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const d of design.strata[h]!.drawn) expect(s.drawn).toContainEqual(d);
      expect(s.drawn.filter((d) => d.draw === 2)).toHaveLength(target[h]! - design.strata[h]!.sampleSize);
    });
    expect(ext.sampleSize).toBe(target.reduce((a, b) => a + b, 0));
    expect(ext.plannedStandardError).toBeLessThan(design.plannedStandardError);
  });

  it('is reproducible, and a total n is allocated over the strata like the design', () => {
    expect(extendSample(prepareFrame(shuffled(positions(), 3)), design, { perStratum: target })).toEqual(
      extendSample(frame, design, { perStratum: target }),
    );
    const ext = extendSample(frame, design, { n: design.sampleSize * 2 });
    expect(ext.sampleSize).toBeGreaterThanOrEqual(design.sampleSize * 2 - design.strata.length);
  });

  it('refuses a frame that is not the one drawn from, and a target of the wrong shape', () => {
    const drawnId = design.strata[0]!.drawn[0]!.id; // its stratum's book total changes by a cent
    const changed = positions().map((p) =>
      p.id === drawnId ? { ...p, bookValue: new Dec(p.bookValue).plus('0.01').toFixed(2) } : p,
    );
    expect(() => extendSample(prepareFrame(changed), design, { perStratum: target })).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ rule: 'frame_mismatch' }) }),
    );
    expect(() => extendSample(frame, design, { perStratum: [1] })).toThrow(
      expect.objectContaining({ field: 'perStratum' }),
    );
  });
});

describe('sampling configuration', () => {
  it.each([
    ['confidence', { confidence: 1 }],
    ['targetRelativePrecision', { targetRelativePrecision: 0 }],
    ['strata', { strata: 0 }],
    ['minPerStratum', { minPerStratum: 1 }],
    ['seed', { seed: -3 }],
    ['allocation', { allocation: 'optimal' }],
    ['estimator', { estimator: 'regression' }],
    ['completeLayer.topValueShare', { completeLayer: { topValueShare: 1 } }],
    ['completeLayer.minValue', { completeLayer: { minValue: '1e3' } }],
    ['acceptance.tolerance', { acceptance: { kind: 'relative_difference', tolerance: '-0.1' } }],
  ])('refuses a bad %s, naming the field and the rule', (field, change) => {
    expect(() => parseSamplingConfig({ ...config, ...change } as SamplingConfig)).toThrow(
      expect.objectContaining({
        code: 'validation.failed',
        field: `sampling.${field}`,
        params: expect.objectContaining({ rule: expect.any(String) }),
      }),
    );
  });

  it('fills the defaults', () => {
    expect(parseSamplingConfig(config)).toMatchObject({ fullCountShare: 0.5, maxDraws: 2 });
  });
});
