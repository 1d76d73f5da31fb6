// The sampling frame: the positions of one inventory in one canonical order, so the same data in any input
// order gives the same strata and the same draw. Order: book value ascending, ties by id (plain code-unit
// order). Every layer and stratum is then a contiguous index range, and exact range totals come from
// decimal prefix sums, so a design over 10⁵ positions costs O(N) doubles and O(1) decimal work per stratum.
import { Dec, parseDecimal } from '../../decimal.js';
import { DomainError } from '../../errors.js';

export interface SamplingPosition {
  id: string;
  /** Book quantity (decimal string); checked, carried for the caller, not used by the statistics. */
  bookQuantity: string;
  /** Book value (decimal string): what the strata, allocation and ratio/difference estimators use. */
  bookValue: string;
}

export interface SamplingFrame {
  readonly size: number;
  /** Ids in frame order (book value, then id). */
  readonly ids: readonly string[];
  /** Exact book values in frame order. */
  readonly exact: readonly Dec[];
  /** The same as doubles, for statistics only (standard deviations, class widths), never for sums of money. */
  readonly values: Float64Array;
  /** prefix[i] = exact sum of the first i book values; prefix[size] is the book total. */
  readonly prefix: readonly Dec[];
  readonly indexOf: ReadonlyMap<string, number>;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function prepareFrame(positions: readonly SamplingPosition[]): SamplingFrame {
  const n = positions.length;
  const exactIn: Dec[] = new Array<Dec>(n);
  const valuesIn = new Float64Array(n);
  const seen = new Set<string>();
  positions.forEach((p, i) => {
    if (typeof p.id !== 'string' || p.id === '')
      throw new DomainError('validation.failed', `positions.${i}.id must be a non-empty string`, {
        field: `positions.${i}.id`,
        params: { rule: 'required' },
      });
    if (seen.has(p.id))
      throw new DomainError('validation.failed', `positions.${i}.id ${p.id} occurs twice`, {
        field: `positions.${i}.id`,
        params: { rule: 'unique', id: p.id },
      });
    seen.add(p.id);
    parseDecimal(p.bookQuantity, `positions.${i}.bookQuantity`);
    exactIn[i] = parseDecimal(p.bookValue, `positions.${i}.bookValue`);
    valuesIn[i] = exactIn[i]!.toNumber();
  });
  const order = Array.from({ length: n }, (_, i) => i);
  // Doubles decide almost every comparison; equal doubles fall back to the exact decimals, then the id.
  order.sort((a, b) => {
    const da = valuesIn[a]!,
      db = valuesIn[b]!;
    if (da !== db) return da < db ? -1 : 1;
    const c = exactIn[a]!.comparedTo(exactIn[b]!);
    return c !== 0 ? c : byCodeUnits(positions[a]!.id, positions[b]!.id);
  });
  const ids = order.map((i) => positions[i]!.id);
  const exact = order.map((i) => exactIn[i]!);
  const values = Float64Array.from(order, (i) => valuesIn[i]!);
  const prefix: Dec[] = new Array<Dec>(n + 1);
  prefix[0] = new Dec(0);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]!.plus(exact[i]!);
  const indexOf = new Map(ids.map((id, i) => [id, i] as const));
  return { size: n, ids, exact, values, prefix, indexOf };
}

/** Exact book total of frame indices [lo, hi). */
export function rangeTotal(frame: SamplingFrame, lo: number, hi: number): Dec {
  return frame.prefix[hi]!.minus(frame.prefix[lo]!);
}

/** Smallest index in [lo, hi) whose book value is ≥ v (hi when none): binary search on the sorted frame. */
export function firstAtLeast(frame: SamplingFrame, v: Dec, lo: number, hi: number): number {
  let a = lo,
    b = hi;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (frame.exact[m]!.lt(v)) a = m + 1;
    else b = m;
  }
  return a;
}

/** Sample standard deviation (n − 1) of frame values [lo, hi), two-pass; 0 for fewer than two. */
export function rangeStdDev(frame: SamplingFrame, lo: number, hi: number): number {
  const n = hi - lo;
  if (n < 2) return 0;
  let s = 0;
  for (let i = lo; i < hi; i++) s += frame.values[i]!;
  const mean = s / n;
  let ss = 0;
  for (let i = lo; i < hi; i++) {
    const d = frame.values[i]! - mean;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}
