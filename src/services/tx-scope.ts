// What a request adds to every transaction its use case commits, without the use case knowing: the
// Idempotency-Key claim counts them (src/services/idempotency). Carried by AsyncLocalStorage because the use
// cases take the application-wide context, not a per-request one.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';

export interface TransactionScope {
  /** Runs inside the transaction, after the use case's own statements, before it commits. */
  beforeCommit(trx: Transaction<Database>): Promise<void>;
}

export const transactionScope = new AsyncLocalStorage<TransactionScope>();
