// Reference figures of another open-source ERP doing the same work: Tryton 6.0 (Debian's packages) on this
// 2-core machine at 10,000 inventory lines, measured side by side with Inventur in one window. The bench
// prints how many times faster each Inventur phase group is. The figures are fixed; they are compared only
// at 10,000 positions, the size they were measured at.
import type { PhaseReport } from './run.js';

export const REFERENCE_POSITIONS = 10_000;

/** Tryton 6.0 at 10,000 lines, seconds per phase group (and one count, in process, in ms). */
export const TRYTON_10K = {
  /** Create the inventory and fill the expected quantities. */
  createAndFill: 8.8,
  /** Enter the counts. */
  enterCounts: 3.3,
  /** Confirm: post the differences. */
  confirm: 5.9,
  /** One count by one counter. */
  oneCountMs: 65.5,
} as const;

export interface ReferenceComparison {
  reference: 'Tryton 6.0, 10,000 lines, same machine';
  /** Tryton's seconds divided by Inventur's for the same group; > 1 means Inventur is faster. */
  createAndFill: number | null;
  enterCounts: number | null;
  confirm: number | null;
  /** Tryton's one count (in process) against the paced scan's p50 over HTTP. */
  oneCount: number | null;
}

const speedup = (tryton: number, ours: number | null): number | null =>
  ours === null || ours <= 0 ? null : Math.round((tryton / ours) * 10) / 10;

/** Null unless the run had the reference's size. */
export function compareWithReference(
  positions: number,
  phases: readonly PhaseReport[],
  pacedP50Ms: number | undefined,
): ReferenceComparison | null {
  if (positions !== REFERENCE_POSITIONS) return null;
  const s = (name: string) => phases.find((p) => p.name === name)?.seconds ?? null;
  const sum = (...names: string[]) => {
    const v = names.map(s);
    return v.some((x) => x === null) ? null : v.reduce((a: number, b) => a + b!, 0);
  };
  return {
    reference: 'Tryton 6.0, 10,000 lines, same machine',
    createAndFill: speedup(TRYTON_10K.createAndFill, sum('generate', 'open')),
    enterCounts: speedup(TRYTON_10K.enterCounts, s('report')),
    confirm: speedup(TRYTON_10K.confirm, sum('closeLists', 'closeInventory')),
    oneCount: speedup(TRYTON_10K.oneCountMs, pacedP50Ms ?? null),
  };
}
