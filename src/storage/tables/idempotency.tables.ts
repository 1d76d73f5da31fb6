// Row types of migration 0102 (idempotency keys of writes).
import type { Generated, GeneratedAlways } from 'kysely';

export interface IdempotencyKeysTable {
  id: GeneratedAlways<string>;
  userId: string;
  key: string;
  requestHash: string;
  state: Generated<'running' | 'done'>;
  effects: Generated<number>;
  claimedAt: Date | string;
  completedAt: Date | string | null;
  statusCode: number | null;
  contentType: string | null;
  body: string | null;
}

export interface IdempotencyTables {
  idempotencyKeys: IdempotencyKeysTable;
}
