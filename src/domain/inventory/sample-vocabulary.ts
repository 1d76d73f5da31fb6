// The closed word lists of a recorded sample inventory (migration 0103). Types, the zod enum and the SQL
// CHECKs derive from them; test/medium/vocabulary.test.ts holds each against its CHECK.

/** drawn: waiting for an estimate; passed / extend / full_count: the last verdict (its offer). */
export const SAMPLE_OUTCOMES = ['drawn', 'passed', 'extend', 'full_count'] as const;
export type SampleOutcome = (typeof SAMPLE_OUTCOMES)[number];

/** A frame position's role: not drawn, in the complete layer, or drawn (with its draw number). */
export const SAMPLE_POSITION_ROLES = ['population', 'complete', 'drawn'] as const;
export type SamplePositionRole = (typeof SAMPLE_POSITION_ROLES)[number];
