// SQL of the job queue (the `jobs` table). Every function runs on the handle it is given: enqueueing takes
// the caller's transaction, so a job commits (or rolls back) together with the domain writes that ask for it;
// the runner's statements run on ctx.db, each committing on its own, so state and progress are visible at once.
import { type Selectable, sql } from 'kysely';
import type { JobsTable } from '../../storage/tables/inventory.tables.js';
import type { Tx } from '../context.js';

export type JobRow = Selectable<JobsTable>;
export interface ClaimedJob {
  id: string;
  kind: string;
  params: unknown;
  siteId: string | null;
  createdBy: string | null;
}

export interface NewJob {
  id: string;
  kind: string;
  params: unknown;
  siteId: string | null;
  createdBy: string | null;
  total: number;
  createdAt: Date;
}

export async function insertJob(trx: Tx, job: NewJob): Promise<void> {
  await trx
    .insertInto('jobs')
    .values({ ...job, params: JSON.stringify(job.params) })
    .execute();
}

export async function findJob(db: Tx, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The user a job was queued by, as far as an actor needs it; undefined when the user is gone. */
export async function findJobUser(db: Tx, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'siteId', 'active'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/**
 * Claims the oldest queued job (or only `onlyId`) and marks it running, in one statement. FOR UPDATE SKIP
 * LOCKED: several server processes on one PostgreSQL never take the same job, and a worker never waits for
 * a row another one is claiming. Undefined when there is none (or another worker took it).
 */
export async function claimNextJob(db: Tx, now: Date, onlyId?: string): Promise<ClaimedJob | undefined> {
  const pick = db
    .selectFrom('jobs')
    .select('id')
    .where('status', '=', 'queued')
    .$if(onlyId !== undefined, (q) => q.where('id', '=', onlyId!))
    .orderBy('createdAt')
    .limit(1)
    .forUpdate()
    .skipLocked();
  return db
    .updateTable('jobs')
    .set({ status: 'running', attempts: sql<number>`attempts + 1`, startedAt: now, heartbeatAt: now })
    .where('id', '=', (eb) => eb.selectFrom(pick.as('p')).select('p.id'))
    .returning(['id', 'kind', 'params', 'siteId', 'createdBy'])
    .executeTakeFirst();
}

/** The heartbeat of a running job: while it is fresh, no other process treats the job as abandoned. */
export async function touchJobHeartbeat(db: Tx, id: string, now: Date): Promise<void> {
  await db.updateTable('jobs').set({ heartbeatAt: now }).where('id', '=', id).where('status', '=', 'running').execute();
}

/** Progress counts as a heartbeat too. */
export async function setJobProgress(db: Tx, id: string, done: number, total: number, now: Date): Promise<void> {
  await db.updateTable('jobs').set({ progress: done, total, heartbeatAt: now }).where('id', '=', id).execute();
}

export async function finishJobSucceeded(db: Tx, id: string, result: unknown, now: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      status: 'succeeded',
      result: JSON.stringify(result ?? null),
      finishedAt: now,
      progress: sql<number>`greatest(progress, total)`,
    })
    .where('id', '=', id)
    .execute();
}

export async function finishJobFailed(db: Tx, id: string, error: Record<string, unknown>, now: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'failed', error: JSON.stringify(error), finishedAt: now })
    .where('id', '=', id)
    .execute();
}

/**
 * Running jobs whose heartbeat is older than `staleBefore` (their process died): those already tried
 * `maxAttempts` times fail for good, the others are queued again. Returns how many were touched.
 */
export async function recoverStale(db: Tx, staleBefore: Date, maxAttempts: number, now: Date): Promise<number> {
  const stale = db
    .updateTable('jobs')
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('heartbeatAt', '<', staleBefore), eb('heartbeatAt', 'is', null)]));
  const failed = await stale
    .where('attempts', '>=', maxAttempts)
    .set({
      status: 'failed',
      finishedAt: now,
      error: JSON.stringify({ code: 'job.failed', message: `abandoned ${maxAttempts} times by a stopped process` }),
    })
    .executeTakeFirst();
  const requeued = await stale
    .where('attempts', '<', maxAttempts)
    .set({ status: 'queued', heartbeatAt: null })
    .executeTakeFirst();
  return Number(failed.numUpdatedRows) + Number(requeued.numUpdatedRows);
}
