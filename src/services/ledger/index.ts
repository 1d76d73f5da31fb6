// The stock ledger module: the posting core other modules call inside their transaction, and the ledger's
// own use cases (postings, keys, periods, reservations, posting error file, stock queries).
export {
  postMovements,
  type PostOptions,
  type PostResult,
  type PostingInput,
  type PostingLineInput,
} from './post-movements.js';
export { checkReservations, availabilityIn } from './reservations.service.js';
export { reprocessPostingErrors } from './posting-errors.service.js';
export { rebuildBalancesIn } from './stock.service.js';
export * as postings from './postings.service.js';
export * as transactionKeys from './keys.service.js';
export * as periods from './periods.service.js';
export * as reservations from './reservations.service.js';
export * as postingErrors from './posting-errors.service.js';
export * as stock from './stock.service.js';
