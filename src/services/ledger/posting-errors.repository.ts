// SQL of the posting error file and its action log.
import { sql } from 'kysely';
import type { Tx } from '../context.js';
import { siteIs } from '../site-scope.repository.js';
import type { SiteScope } from '../site-scope.js';

const COLUMNS = [
  'id',
  'siteId',
  'posting',
  'reasonCode',
  'reasonMessage',
  'countListId',
  'status',
  'attempts',
  'createdAt',
  'resolvedAt',
  'userId',
] as const;

export interface PostingErrorRow {
  id: string;
  siteId: string;
  posting: unknown;
  reasonCode: string;
  reasonMessage: string;
  countListId: string | null;
  status: 'pending' | 'posted' | 'discarded';
  attempts: number;
  createdAt: Date | string;
  resolvedAt: Date | string | null;
  userId: string | null;
}

export type PostingErrorAction = 'retried' | 'corrected' | 'posted' | 'discarded';

export interface NewPostingError {
  siteId: string;
  posting: unknown;
  reasonCode: string;
  reasonMessage: string;
  countListId: string | null;
  userId: string | null;
  createdAt: Date;
}

/** Parks a posting as pending; returns the new id. */
export async function insertPostingError(trx: Tx, e: NewPostingError): Promise<string> {
  const row = await trx
    .insertInto('postingErrors')
    .values({
      siteId: e.siteId,
      posting: JSON.stringify(e.posting),
      reasonCode: e.reasonCode,
      reasonMessage: e.reasonMessage,
      countListId: e.countListId,
      status: 'pending',
      attempts: 0,
      createdAt: e.createdAt,
      userId: e.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Logs an action on a posting error, in the site of the error. */
export async function insertPostingErrorAction(
  trx: Tx,
  id: string,
  action: PostingErrorAction,
  userId: string | null,
  note: string,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('postingErrorActions')
    .values((eb) => ({
      siteId: eb.selectFrom('postingErrors').select('siteId').where('id', '=', id),
      postingErrorId: id,
      action,
      note,
      userId,
      createdAt: now,
    }))
    .execute();
}

// A savepoint lets one attempt fail without spoiling the caller's transaction.
export async function savepoint(trx: Tx, name: string): Promise<void> {
  await sql`savepoint ${sql.id(name)}`.execute(trx);
}
export async function releaseSavepoint(trx: Tx, name: string): Promise<void> {
  await sql`release savepoint ${sql.id(name)}`.execute(trx);
}
export async function rollbackToSavepoint(trx: Tx, name: string): Promise<void> {
  await sql`rollback to savepoint ${sql.id(name)}`.execute(trx);
}

export async function markPostingErrorPosted(trx: Tx, id: string, now: Date): Promise<void> {
  await trx
    .updateTable('postingErrors')
    .set({ status: 'posted', resolvedAt: now, attempts: sql`attempts + 1` })
    .where('id', '=', id)
    .execute();
}

/** One more failed attempt: its reason replaces the previous one. */
export async function recordFailedAttempt(
  trx: Tx,
  id: string,
  reasonCode: string,
  reasonMessage: string,
  countListId: string | null,
): Promise<void> {
  await trx
    .updateTable('postingErrors')
    .set({ attempts: sql`attempts + 1`, reasonCode, reasonMessage, countListId })
    .where('id', '=', id)
    .execute();
}

export async function markPostingErrorDiscarded(trx: Tx, id: string, now: Date): Promise<void> {
  await trx.updateTable('postingErrors').set({ status: 'discarded', resolvedAt: now }).where('id', '=', id).execute();
}

export async function replacePostingBody(trx: Tx, id: string, posting: unknown): Promise<void> {
  await trx
    .updateTable('postingErrors')
    .set({ posting: JSON.stringify(posting) })
    .where('id', '=', id)
    .execute();
}

/** Pending errors of the scope (all, or those parked by one count list), oldest first, locked. */
export async function lockPendingPostingErrors(
  trx: Tx,
  scope: SiteScope,
  filter: { countListId?: string | undefined },
): Promise<{ id: string; posting: unknown; userId: string | null }[]> {
  let q = trx
    .selectFrom('postingErrors')
    .select(['id', 'posting', 'userId'])
    .where('status', '=', 'pending')
    .where(siteIs('siteId', scope))
    .orderBy('id')
    .forUpdate();
  if (filter.countListId !== undefined) q = q.where('countListId', '=', filter.countListId);
  return q.execute();
}

/** One posting error of the scope; `lock` takes a row lock for the rest of the transaction. */
export async function findPostingError(
  trx: Tx,
  scope: SiteScope,
  id: string,
  lock = false,
): Promise<PostingErrorRow | undefined> {
  const q = trx.selectFrom('postingErrors').select(COLUMNS).where('id', '=', id).where(siteIs('siteId', scope));
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export async function selectPostingErrors(
  db: Tx,
  scope: SiteScope,
  f: {
    siteId?: string | null | undefined;
    status?: PostingErrorRow['status'] | undefined;
    countListId?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<PostingErrorRow[]> {
  let q = db
    .selectFrom('postingErrors')
    .select(COLUMNS)
    .where(siteIs('siteId', scope))
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset);
  if (f.siteId) q = q.where('siteId', '=', f.siteId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.countListId) q = q.where('countListId', '=', f.countListId);
  return q.execute();
}
