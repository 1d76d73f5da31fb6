// The bench's comparison with the reference figures: Tryton's seconds over Inventur's per phase group, only
// at the size the reference was measured at.
import { describe, expect, it } from 'vitest';
import { compareWithReference, TRYTON_10K } from '../../bench/reference.js';
import type { PhaseReport } from '../../bench/run.js';

const phase = (name: string, seconds: number | null): PhaseReport => ({
  name,
  seconds,
  rows: 10_000,
  rowsPerSecond: null,
  peakRssMb: null,
});

describe('bench: vs Tryton (reference figures)', () => {
  const phases = [
    phase('generate', 0.3),
    phase('open', 0.4),
    phase('report', 0.6),
    phase('closeLists', 1),
    phase('closeInventory', 0.1),
  ];

  it('divides the reference by our time per group: create+fill, enter counts, confirm, one count', () => {
    expect(compareWithReference(10_000, phases, 13.1)).toEqual({
      reference: 'Tryton 6.0, 10,000 lines, same machine',
      createAndFill: Math.round((TRYTON_10K.createAndFill / 0.7) * 10) / 10,
      enterCounts: 5.5,
      confirm: Math.round((5.9 / 1.1) * 10) / 10,
      oneCount: 5,
    });
  });

  it('compares only at 10,000 positions, and leaves a group out when a phase did not run', () => {
    expect(compareWithReference(100_000, phases, 13)).toBeNull();
    const noOpen = [...phases.filter((p) => p.name !== 'open'), phase('open', null)];
    expect(compareWithReference(10_000, noOpen, undefined)).toMatchObject({ createAndFill: null, oneCount: null });
  });
});
