// Seeded randomness for the demo data. The JS side (master data, items) draws from one mulberry32 stream
// per purpose so adding a field to one stream never shifts another; the SQL side (1,000,000 stock
// positions, generated set-based) hashes (seed, row number) with md5 (demo-stock.repository.ts). No
// Math.random, no clock: the same seed always produces the same data.

export class Prng {
  private state: number;

  constructor(seed: number, stream: string) {
    // Mix the stream name into the seed (FNV-1a) so streams of one seed are unrelated.
    let h = 0x811c9dc5 ^ (seed >>> 0);
    for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193);
    this.state = h >>> 0;
  }

  /** mulberry32: 32 uniformly distributed bits. */
  next32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return this.next32() % n;
  }

  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)]!;
  }

  /** True with probability percent/100. */
  chance(percent: number): boolean {
    return this.int(10_000) < percent * 100;
  }
}
