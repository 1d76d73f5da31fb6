// The stock ledger's pure model: posting lines and their rules, moving-average valuation, planning a posting
// against current stock, which stock locks a posting runs into, and automatic lot consumption.
export * from './posting.js';
export * from './valuation.js';
export * from './plan.js';
export * from './locks.js';
export * from './lots.js';
