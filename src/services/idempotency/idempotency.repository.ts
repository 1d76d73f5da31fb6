// The statements on idempotency_keys (migration 0102).
import { sql } from 'kysely';
import type { Tx } from '../context.js';

export interface KeyRow {
  id: string;
  requestHash: string;
  state: 'running' | 'done';
  effects: number;
  claimedAt: Date;
  statusCode: number | null;
  contentType: string | null;
  body: string | null;
}

/**
 * Claims (user, key) for a first attempt. On PostgreSQL a copy sent at the same time waits here on the
 * unique index until the first claim commits, then finds it taken (undefined).
 */
export async function insertClaim(
  trx: Tx,
  userId: string,
  key: string,
  requestHash: string,
  now: Date,
): Promise<string | undefined> {
  const row = await trx
    .insertInto('idempotencyKeys')
    .values({ userId, key, requestHash, claimedAt: now })
    .onConflict((oc) => oc.columns(['userId', 'key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function findKey(trx: Tx, userId: string, key: string): Promise<KeyRow | undefined> {
  const row = await trx
    .selectFrom('idempotencyKeys')
    .select(['id', 'requestHash', 'state', 'effects', 'claimedAt', 'statusCode', 'contentType', 'body'])
    .where('userId', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row === undefined ? undefined : { ...row, claimedAt: new Date(row.claimedAt) };
}

/** Keys older than the retention are forgotten: the same key may then start a new request. */
export async function deleteExpired(trx: Tx, userId: string, before: Date): Promise<void> {
  await trx.deleteFrom('idempotencyKeys').where('userId', '=', userId).where('claimedAt', '<', before).execute();
}

/** Takes over a claim its owner left behind with nothing committed; false when someone else did first. */
export async function retakeClaim(trx: Tx, id: string, seenClaimedAt: Date, now: Date): Promise<boolean> {
  const r = await trx
    .updateTable('idempotencyKeys')
    .set({ claimedAt: now })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('effects', '=', 0)
    .where('claimedAt', '=', seenClaimedAt)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countEffect(trx: Tx, id: string): Promise<void> {
  await trx
    .updateTable('idempotencyKeys')
    .set({ effects: sql`effects + 1` })
    .where('id', '=', id)
    .execute();
}

export async function completeKey(
  trx: Tx,
  id: string,
  statusCode: number,
  contentType: string,
  body: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('idempotencyKeys')
    .set({ state: 'done', statusCode, contentType, body, completedAt: now })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .execute();
}

/** Frees a key whose attempt changed nothing (it failed), so that a retry runs again. */
export async function releaseKey(trx: Tx, id: string): Promise<boolean> {
  const r = await trx
    .deleteFrom('idempotencyKeys')
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('effects', '=', 0)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
