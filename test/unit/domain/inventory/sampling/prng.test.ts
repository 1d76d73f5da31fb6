import { describe, expect, it } from 'vitest';
import {
  inventoryDrawSeed,
  normalQuantile,
  splitmix64,
  Xoshiro128,
  zForConfidence,
} from '../../../../../src/domain/inventory/sampling/index.js';

describe('xoshiro128** and splitmix64 against the reference C code', () => {
  it('state (1, 2, 3, 4) gives the reference sequence (xoshiro128starstar.c; also the rand_xoshiro test vector)', () => {
    const rng = new Xoshiro128([1, 2, 3, 4]);
    const out = Array.from({ length: 10 }, () => rng.nextUint32());
    expect(out).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it('splitmix64 from state 0 gives the reference outputs', () => {
    let st = 0n;
    const out: string[] = [];
    for (let i = 0; i < 3; i++) {
      const [next, v] = splitmix64(st);
      st = next;
      out.push(v.toString(16).padStart(16, '0'));
    }
    expect(out).toEqual(['e220a8397b1dcdaf', '6e789e6aa1b965f4', '06c45d188009454f']);
  });

  it('fromSeed: seed 0 starts from the first two splitmix64 words, low half first', () => {
    const a = Xoshiro128.fromSeed(0);
    const b = new Xoshiro128([0x7b1dcdaf, 0xe220a839, 0xa1b965f4, 0x6e789e6a]);
    expect(Array.from({ length: 5 }, () => a.nextUint32())).toEqual(Array.from({ length: 5 }, () => b.nextUint32()));
  });

  it('the same seed and stream repeat; another seed or stream differs', () => {
    const seq = (seed: number, stream: number): number[] => {
      const r = Xoshiro128.fromSeed(seed, stream);
      return Array.from({ length: 4 }, () => r.nextUint32());
    };
    expect(seq(42, 0)).toEqual(seq(42, 0));
    expect(seq(42, 0)).not.toEqual(seq(43, 0));
    expect(seq(42, 0)).not.toEqual(seq(42, 1));
  });

  it('below(n) stays in [0, n) and reaches every value; nextFloat stays in [0, 1)', () => {
    const rng = Xoshiro128.fromSeed(7);
    const hits = new Array<number>(7).fill(0);
    for (let i = 0; i < 7000; i++) hits[rng.below(7)]!++;
    expect(hits.every((h) => h > 800 && h < 1200)).toBe(true);
    for (let i = 0; i < 1000; i++) {
      const f = rng.nextFloat();
      expect(f >= 0 && f < 1).toBe(true);
    }
  });

  it('refuses an all-zero state, a bad seed and a bad n', () => {
    expect(() => new Xoshiro128([0, 0, 0, 0])).toThrow(RangeError);
    expect(() => Xoshiro128.fromSeed(-1)).toThrow(RangeError);
    expect(() => Xoshiro128.fromSeed(1.5)).toThrow(RangeError);
    expect(() => Xoshiro128.fromSeed(1).below(0)).toThrow(RangeError);
  });
});

describe('normal quantile', () => {
  // Reference values: Φ⁻¹ as printed in statistical tables (scipy.stats.norm.ppf to 9 decimals).
  it.each([
    [0.95, 1.959963985],
    [0.9, 1.644853627],
    [0.99, 2.575829304],
  ])('confidence %s → z %s', (c, z) => {
    expect(zForConfidence(c)).toBeCloseTo(z, 7);
  });

  it('is 0 at the median, symmetric, and right in the far tail', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 7);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306, 7);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('the seed an inventory draws with', () => {
  it('is the same for the same type seed and number, and differs for another number or type seed', () => {
    const a = inventoryDrawSeed(1, 'INV-2026-001');
    expect(inventoryDrawSeed(1, 'INV-2026-001')).toBe(a);
    expect(inventoryDrawSeed(1, 'INV-2026-002')).not.toBe(a);
    expect(inventoryDrawSeed(2, 'INV-2026-001')).not.toBe(a);
    expect(Number.isSafeInteger(a) && a >= 0).toBe(true);
    expect(() => Xoshiro128.fromSeed(a)).not.toThrow();
  });

  it('refuses a bad type seed', () => {
    expect(() => inventoryDrawSeed(-1, 'INV-1')).toThrow(RangeError);
    expect(() => inventoryDrawSeed(1.5, 'INV-1')).toThrow(RangeError);
  });
});
