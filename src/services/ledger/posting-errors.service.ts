// The posting error file: postings that ran into a stock lock wait here whole. They are re-processed when
// locks are released (reprocessPostingErrors, called by the count-list close), retried, corrected and
// posted by hand, or discarded with a reason. Every action is recorded in posting_error_actions.
import { DomainError, isDomainError } from '../../domain/errors.js';
import type { PostingInput } from '../../domain/ledger/index.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { ALL_SITES, type SiteScope, scopeOf } from '../site-scope.js';
import { applyPosting, lockReason, preparePosting, userIdOf } from './post-movements.js';
import {
  type PostingErrorRow,
  findPostingError,
  insertPostingErrorAction,
  lockPendingPostingErrors,
  markPostingErrorDiscarded,
  markPostingErrorPosted,
  recordFailedAttempt,
  releaseSavepoint,
  replacePostingBody,
  rollbackToSavepoint,
  savepoint,
  selectPostingErrors,
} from './posting-errors.repository.js';
import { findLock } from './posting.repository.js';

export type PostingErrorStatus = 'pending' | 'posted' | 'discarded';
export interface PostingErrorView {
  id: string;
  siteId: string;
  posting: PostingInput;
  reasonCode: string;
  reasonMessage: string;
  countListId: string | null;
  status: PostingErrorStatus;
  attempts: number;
  createdAt: string;
  resolvedAt: string | null;
  userId: string | null;
}

const iso = (d: unknown) => (d === null ? null : new Date(d as string).toISOString());
const view = (r: PostingErrorRow): PostingErrorView => ({
  ...(r as unknown as PostingErrorView),
  createdAt: iso(r.createdAt)!,
  resolvedAt: iso(r.resolvedAt),
});

type Outcome =
  { status: 'posted'; entryIds: string[] } | { status: 'pending'; reasonCode: string; reasonMessage: string };

async function record(
  trx: Tx,
  ctx: ServiceContext,
  id: string,
  action: 'retried' | 'corrected' | 'posted' | 'discarded',
  userId: string | null,
  note = '',
): Promise<void> {
  await insertPostingErrorAction(trx, id, action, userId, note.slice(0, 200), ctx.now());
}

/**
 * One attempt to post a parked posting, inside a savepoint so a failure leaves the caller's transaction
 * usable. Posted: the error is resolved. Still locked or refused: attempts + 1 and the new reason.
 */
const SAVEPOINT = 'posting_error_attempt';

async function attempt(
  trx: Tx,
  ctx: ServiceContext,
  row: { id: string; posting: PostingInput; userId: string | null },
  actorId: string | null,
): Promise<Outcome> {
  await savepoint(trx, SAVEPOINT);
  let outcome: Outcome;
  let countListId: string | null = null;
  try {
    const prepared = await preparePosting(trx, { siteId: null }, row.posting);
    const hit = await findLock(trx, prepared.lines);
    if (hit) {
      countListId = hit.countListId;
      outcome = { status: 'pending', reasonCode: 'ledger.stock_locked', reasonMessage: lockReason(hit) };
    } else {
      const res = await applyPosting(trx, ctx, row.userId, prepared);
      outcome = { status: 'posted', entryIds: res.entryIds };
    }
    await releaseSavepoint(trx, SAVEPOINT);
  } catch (e) {
    await rollbackToSavepoint(trx, SAVEPOINT);
    // Nothing is lost: whatever refuses the posting now becomes its reason, for a person to correct.
    outcome = isDomainError(e)
      ? { status: 'pending', reasonCode: e.code, reasonMessage: e.message }
      : {
          status: 'pending',
          reasonCode: 'internal.error',
          reasonMessage: e instanceof Error ? e.message.slice(0, 500) : String(e),
        };
  }
  if (outcome.status === 'posted') {
    await markPostingErrorPosted(trx, row.id, ctx.now());
    await record(trx, ctx, row.id, 'posted', actorId);
  } else {
    await recordFailedAttempt(trx, row.id, outcome.reasonCode, outcome.reasonMessage, countListId);
    await record(trx, ctx, row.id, 'retried', actorId, outcome.reasonCode);
  }
  return outcome;
}

/**
 * Re-posts pending postings (those parked by `countListId`, or all) whose locks are gone. Runs in the
 * caller's transaction, oldest first. Returns how many were posted and how many still wait.
 */
export async function reprocessPostingErrors(
  trx: Tx,
  ctx: ServiceContext,
  filter: { countListId?: string | undefined } = {},
  scope: SiteScope = ALL_SITES,
): Promise<{ posted: string[]; pending: string[] }> {
  const rows = await lockPendingPostingErrors(trx, scope, filter);
  const result = { posted: [] as string[], pending: [] as string[] };
  for (const r of rows) {
    const outcome = await attempt(trx, ctx, { id: r.id, posting: r.posting as PostingInput, userId: r.userId }, null);
    (outcome.status === 'posted' ? result.posted : result.pending).push(r.id);
  }
  return result;
}

/** The manager's re-processing (POST /api/posting-errors/reprocess): the postings of their own site only. */
export async function reprocessPostingErrorsFor(
  ctx: ServiceContext,
  actor: Actor,
  filter: { countListId?: string | undefined } = {},
): Promise<{ posted: string[]; pending: string[] }> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, (trx) => reprocessPostingErrors(trx, ctx, filter, scopeOf(actor)));
}

async function loadPending(trx: Tx, actor: Actor, id: string) {
  const row = found(await findPostingError(trx, scopeOf(actor), id, true), `posting error ${id}`, 'id');
  if (row.status !== 'pending')
    throw new DomainError('conflict.concurrent_update', `posting error ${id} is already ${row.status}`, {
      field: 'id',
      params: { status: row.status },
    });
  return row;
}

const reload = async (trx: Tx, id: string) => view((await findPostingError(trx, ALL_SITES, id))!);

/** Tries one pending posting again now. */
export async function retryPostingError(ctx: ServiceContext, actor: Actor, id: string): Promise<PostingErrorView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const row = await loadPending(trx, actor, id);
    await attempt(trx, ctx, { id, posting: row.posting as PostingInput, userId: row.userId }, userIdOf(actor));
    return reload(trx, id);
  });
}

/** Replaces the posting body (e.g. another date, bin or quantity) and posts it; still locked → stays pending. */
export async function correctPostingError(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  posting: PostingInput,
): Promise<PostingErrorView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const row = await loadPending(trx, actor, id);
    if (posting.siteId !== row.siteId)
      throw new DomainError('validation.failed', 'a corrected posting stays in the site of the original', {
        field: 'siteId',
      });
    // Refuse a correction that is itself invalid, rather than parking a posting that can never go through.
    await preparePosting(trx, actor, posting);
    await replacePostingBody(trx, id, posting);
    await record(trx, ctx, id, 'corrected', userIdOf(actor));
    const outcome = await attempt(trx, ctx, { id, posting, userId: userIdOf(actor) }, userIdOf(actor));
    if (outcome.status === 'pending' && outcome.reasonCode !== 'ledger.stock_locked') {
      throw new DomainError(outcome.reasonCode as never, outcome.reasonMessage, {});
    }
    return reload(trx, id);
  });
}

export async function discardPostingError(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  reason: string,
): Promise<PostingErrorView> {
  requireRole(actor, 'manager');
  if (reason.trim().length === 0)
    throw new DomainError('validation.failed', 'say why the posting is discarded', { field: 'reason' });
  return inTransaction(ctx, async (trx) => {
    await loadPending(trx, actor, id);
    await markPostingErrorDiscarded(trx, id, ctx.now());
    await record(trx, ctx, id, 'discarded', userIdOf(actor), reason);
    return reload(trx, id);
  });
}

export interface PostingErrorFilter {
  siteId?: string | undefined;
  status?: PostingErrorStatus | undefined;
  countListId?: string | undefined;
  limit: number;
  offset: number;
}

export async function listPostingErrors(
  ctx: ServiceContext,
  actor: Actor,
  f: PostingErrorFilter,
): Promise<PostingErrorView[]> {
  requireRole(actor, 'manager');
  const rows = await selectPostingErrors(ctx.db, scopeOf(actor), {
    siteId: f.siteId,
    status: f.status,
    countListId: f.countListId,
    limit: f.limit + 1,
    offset: f.offset,
  });
  return rows.map(view);
}

export async function getPostingError(ctx: ServiceContext, actor: Actor, id: string): Promise<PostingErrorView> {
  requireRole(actor, 'manager');
  return view(found(await findPostingError(ctx.db, scopeOf(actor), id), `posting error ${id}`, 'id'));
}
