// The sampling configuration a new sample-method type starts with (first-run setup, the back office's form):
// 95 % confidence, ±2 % of the book total, the largest positions holding 10 % of the value counted in full,
// 5 strata by Neyman allocation with at least 10 each, the combined ratio estimator (book values predict
// counted values well, so it needs the smallest sample), accepted when the book total lies in the interval.
// Only a type import: the web UI imports this file without pulling in the decimal arithmetic.
import type { SamplingConfig } from './config.js';

export const DEFAULT_SAMPLING_CONFIG: SamplingConfig = {
  confidence: 0.95,
  targetRelativePrecision: 0.02,
  completeLayer: { topValueShare: 0.1 },
  strata: 5,
  allocation: 'neyman',
  minPerStratum: 10,
  seed: 1,
  estimator: 'ratio',
  acceptance: { kind: 'book_in_interval' },
  fullCountShare: 0.5,
  maxDraws: 2,
};
