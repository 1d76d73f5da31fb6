// What every use case receives: the database, the clock and the token/id source, all injected so tests
// control time and randomness. A use case is one transaction: call `inTransaction`.
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../domain/errors.js';
import type { Database } from '../storage/schema.js';
import type { EngineKind } from '../storage/database.js';
import type { JobRegistry } from './jobs/types.js';
import { transactionScope } from './tx-scope.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database> | Kysely<Database>;
export type Role = 'admin' | 'manager' | 'counter';

export interface ServiceContext {
  db: Db;
  engine: EngineKind;
  /** Current time; tests pass a fixed clock. */
  now: () => Date;
  /** Unguessable token (sessions, job ids). */
  newToken: () => string;
  /** The background job kinds this process can queue and run (built in runtime.ts). */
  jobs: JobRegistry;
}

export interface Actor {
  userId: string;
  username: string;
  role: Role;
  siteId: string | null;
}

export function makeContext(db: Db, engine: EngineKind, overrides: Partial<ServiceContext> = {}): ServiceContext {
  return {
    db,
    engine,
    now: () => new Date(),
    newToken: () => randomBytes(32).toString('base64url'),
    jobs: new Map(),
    ...overrides,
  };
}

/** The system itself (CLI, background jobs) acting with admin rights. */
export const SYSTEM_ACTOR: Actor = { userId: '0', username: 'system', role: 'admin', siteId: null };

const RANK: Record<Role, number> = { counter: 1, manager: 2, admin: 3 };

/** Refuses unless the actor has at least `role` (admin ⊃ manager ⊃ counter). */
export function requireRole(actor: Actor, role: Role): void {
  if (RANK[actor.role] < RANK[role]) {
    throw new DomainError('auth.forbidden', `this action needs the ${role} role; ${actor.username} is ${actor.role}`);
  }
}

export function inTransaction<T>(ctx: ServiceContext, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const scope = transactionScope.getStore();
  if (scope === undefined) return ctx.db.transaction().execute(fn);
  return ctx.db.transaction().execute(async (trx) => {
    const result = await fn(trx);
    await scope.beforeCommit(trx);
    return result;
  });
}

/** The date part of the context clock, `yyyy-mm-dd` (UTC). */
export function today(ctx: ServiceContext): string {
  return ctx.now().toISOString().slice(0, 10);
}

/** Reads one row or throws not_found naming what was looked for. */
export function found<T>(row: T | undefined, what: string, field?: string): T {
  if (row === undefined) throw new DomainError('not_found', `${what} not found`, field ? { field } : {});
  return row;
}
