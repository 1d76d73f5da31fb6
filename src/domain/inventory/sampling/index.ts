// Statistical sample inventory, pure domain: frame → design (complete layer, cum-√f strata,
// allocation, seeded draw) → counts → estimate, interval and verdict; extendSample for a second draw.
// See docs/sampling.md for the method and formulas.
export * from './config.js';
export { DEFAULT_SAMPLING_CONFIG } from './defaults.js';
export * from './frame.js';
export * from './design.js';
export * from './estimate.js';
export * from './verdict.js';
export { allocate, stratifiedVariance, type Allocation, type StratumStats } from './allocation.js';
export { normalQuantile, zForConfidence } from './normal.js';
export { Xoshiro128, inventoryDrawSeed, splitmix64 } from './prng.js';
export { cumSqrtFStrata, splitCompleteLayer, CUM_SQRT_F_CLASSES, type Range } from './strata.js';
