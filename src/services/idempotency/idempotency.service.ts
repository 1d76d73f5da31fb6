// Exactly-once writes for clients that retry (SPEC: nothing is lost, nothing is done twice). A write sent
// with an `Idempotency-Key` is claimed per user and key before it runs; its answer is stored with the key
// and a retry — or a copy sent at the same time, which waits for the first — gets that answer. A key sent
// again with a different request is refused. Every transaction the first attempt commits is counted on the
// claim (transaction scope), so after a crash a claim that committed nothing is simply run again, and one
// that did is reported instead of being repeated.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Transaction } from 'kysely';
import { DomainError } from '../../domain/errors.js';
import type { Database } from '../../storage/schema.js';
import type { Actor, ServiceContext } from '../context.js';
import { type TransactionScope, transactionScope } from '../tx-scope.js';
import {
  completeKey,
  countEffect,
  deleteExpired,
  findKey,
  insertClaim,
  releaseKey,
  retakeClaim,
} from './idempotency.repository.js';

export const KEY_HEADER = 'idempotency-key';
/** How long a key is remembered: a retry later than this is a new request. */
export const KEY_RETENTION_MS = 24 * 60 * 60 * 1000;
/** A claim older than this whose attempt never answered is taken to be left behind by a process that stopped. */
export const CLAIM_LEASE_MS = 10 * 60 * 1000;

export interface StoredAnswer {
  statusCode: number;
  contentType: string;
  body: string;
}
export type Claim = { kind: 'run'; id: string } | { kind: 'replay'; answer: StoredAnswer };

export interface ClaimOptions {
  /** How long a copy waits for the first attempt to answer before it is told to retry (wall time). */
  waitMs?: number;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export function parseKey(raw: string | string[] | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (key === undefined || !KEY_PATTERN.test(key)) {
    throw new DomainError(
      'validation.failed',
      'Idempotency-Key must be 1 to 200 visible ASCII characters (a UUID is usual)',
      { field: 'Idempotency-Key' },
    );
  }
  return key;
}

/** The key's own bookkeeping is not a step of the request's use case: it runs outside the transaction scope. */
function ownTransaction<T>(ctx: ServiceContext, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return transactionScope.exit(() => ctx.db.transaction().execute(fn));
}

/** Claims the key for this request, or returns the first attempt's answer (waiting for it if it is still running). */
export async function claimKey(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  requestHash: string,
  opts: ClaimOptions = {},
): Promise<Claim> {
  const waitUntil = Date.now() + (opts.waitMs ?? 30_000);
  for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
    const now = ctx.now();
    const id = await ownTransaction(ctx, async (trx) => {
      await deleteExpired(trx, actor.userId, new Date(now.getTime() - KEY_RETENTION_MS));
      return insertClaim(trx, actor.userId, key, requestHash, now);
    });
    if (id !== undefined) return { kind: 'run', id };
    const row = await findKey(ctx.db, actor.userId, key);
    if (row === undefined) continue; // expired and deleted between the two statements
    if (row.requestHash !== requestHash) {
      throw new DomainError(
        'idempotency.key_reused',
        'this Idempotency-Key was already used for a different request; send a new key for a new request',
        { field: 'Idempotency-Key' },
      );
    }
    if (row.state === 'done')
      return {
        kind: 'replay',
        answer: {
          statusCode: row.statusCode!,
          contentType: row.contentType ?? 'application/json; charset=utf-8',
          body: row.body!,
        },
      };
    if (now.getTime() - row.claimedAt.getTime() > CLAIM_LEASE_MS) {
      if (row.effects > 0) {
        throw new DomainError(
          'idempotency.outcome_unknown',
          'the first request with this Idempotency-Key changed data but stopped before answering; check the result before sending the request again with a new key',
          { field: 'Idempotency-Key', params: { committedSteps: row.effects } },
        );
      }
      if (await retakeClaim(ctx.db, row.id, row.claimedAt, now)) return { kind: 'run', id: row.id };
      continue;
    }
    if (Date.now() >= waitUntil) {
      throw new DomainError(
        'idempotency.in_progress',
        'a request with this Idempotency-Key is still running; retry in a moment with the same key',
        { field: 'Idempotency-Key' },
      );
    }
    await sleep(pause);
  }
}

/** The transaction scope of a claimed request: each committed transaction of its use case is counted on the claim. */
export function claimScope(claimId: string): TransactionScope {
  return { beforeCommit: (trx) => countEffect(trx, claimId) };
}

/**
 * Stores the answer with the key. An attempt that failed without committing anything (a 5xx, or an answer
 * that cannot be stored) frees the key so that a retry runs again.
 */
export async function finishKey(ctx: ServiceContext, claimId: string, answer: StoredAnswer | undefined): Promise<void> {
  await ownTransaction(ctx, async (trx) => {
    if ((answer === undefined || answer.statusCode >= 500) && (await releaseKey(trx, claimId))) return;
    const stored = answer ?? {
      statusCode: 500,
      contentType: 'application/json; charset=utf-8',
      body: '{"error":{"code":"internal.error","message":"the answer could not be stored"}}',
    };
    await completeKey(trx, claimId, stored.statusCode, stored.contentType, stored.body, ctx.now());
  });
}
