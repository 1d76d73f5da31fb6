// Seeded pseudo-random numbers for drawing samples. The domain may not use Math.random (a draw must be
// reproducible and recorded), so this is xoshiro128** 1.1 (Blackman & Vigna), seeded through splitmix64 as
// its authors recommend. Both are checked against the reference C output in prng.test.ts.

const MASK64 = (1n << 64n) - 1n;

/** One splitmix64 step: returns the new state and the output word. */
export function splitmix64(state: bigint): [bigint, bigint] {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return [next, z ^ (z >> 31n)];
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** From a raw 128-bit state (four 32-bit words, not all zero). */
  constructor(state: readonly [number, number, number, number]) {
    [this.s0, this.s1, this.s2, this.s3] = state.map((w) => w | 0) as [number, number, number, number];
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) throw new RangeError('xoshiro128** state must not be all zero');
  }

  /**
   * A generator for `seed` (a non-negative safe integer) and `stream` (0..2047, e.g. the draw round): the
   * stream sits above bit 53, so different (seed, stream) pairs never share a starting state.
   */
  static fromSeed(seed: number, stream = 0): Xoshiro128 {
    if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError('seed must be a non-negative safe integer');
    if (!Number.isInteger(stream) || stream < 0 || stream > 2047) throw new RangeError('stream must be 0..2047');
    let st = BigInt(seed) | (BigInt(stream) << 53n);
    const words: number[] = [];
    for (let i = 0; i < 2; i++) {
      const [next, out] = splitmix64(st);
      st = next;
      words.push(Number(out & 0xffffffffn), Number(out >> 32n));
    }
    return new Xoshiro128(words as [number, number, number, number]);
  }

  /** The next 32-bit output as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform integer in [0, n), n ≤ 2^32, without modulo bias (rejects the incomplete last block). */
  below(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError('below(n) needs 1 ≤ n ≤ 2^32');
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const r = this.nextUint32();
      if (r < limit) return r % n;
    }
  }

  /** A uniform double in [0, 1) with 53 random bits (for simulations; drawing uses `below`). */
  nextFloat(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }
}

/**
 * The seed one inventory draws with: the type's configured seed mixed with the inventory's number (FNV-1a
 * over its characters, then splitmix64), cut to 53 bits. Every inventory of a type draws its own positions,
 * so counters cannot learn from last year which positions are counted; the draw stays reproducible (same
 * type seed, same number, same stock: same sample) and the seed it used is recorded with the design.
 */
export function inventoryDrawSeed(typeSeed: number, inventoryNumber: string): number {
  if (!Number.isSafeInteger(typeSeed) || typeSeed < 0) throw new RangeError('seed must be a non-negative safe integer');
  let h = 0xcbf29ce484222325n;
  for (const ch of inventoryNumber) {
    h ^= BigInt(ch.codePointAt(0)!);
    h = (h * 0x100000001b3n) & MASK64;
  }
  const [, out] = splitmix64((BigInt(typeSeed) ^ h) & MASK64);
  return Number(out & ((1n << 53n) - 1n));
}
