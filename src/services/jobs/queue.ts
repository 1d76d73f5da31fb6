// Background jobs kept in our own `jobs` table rather than pg-boss or BullMQ: a job must be enqueued in the
// SAME transaction as the domain writes that ask for it (no job without its cause, no cause without its
// job), and it must work on single-connection PGlite and inside the per-test PostgreSQL schemas — a queue
// library with its own schema and connections can do neither. State, progress and results survive a restart.
import type { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, type Tx, SYSTEM_ACTOR, found, requireRole } from '../context.js';
import { inScope, scopeOf } from '../site-scope.js';
import { type JobRow, findJob, insertJob } from './jobs.repository.js';
import type { JobDefinition, JobRegistry } from './types.js';

export type { JobDefinition, JobRegistry, JobRun, Progress } from './types.js';

export function defineJob<P>(kind: string, params: z.ZodType<P>, run: JobDefinition<P>['run']): JobDefinition<P> {
  return { kind, params, run };
}

export function jobRegistry(definitions: ReadonlyArray<JobDefinition<never>>): JobRegistry {
  const m = new Map<string, JobDefinition<never>>();
  for (const d of definitions) {
    if (m.has(d.kind)) throw new Error(`job kind ${d.kind} is defined twice`);
    m.set(d.kind, d);
  }
  return m;
}

export function definitionFor(registry: JobRegistry, kind: string): JobDefinition<unknown> {
  const d = registry.get(kind);
  if (!d) throw new DomainError('job.unknown_kind', `no handler for job kind ${kind}`, { params: { kind } });
  return d as unknown as JobDefinition<unknown>;
}

/** A job's stored parameters as its kind expects them; a job whose parameters no longer fit fails with the reason. */
export function parseJobParams(def: JobDefinition<unknown>, params: unknown): unknown {
  const r = def.params.safeParse(params);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new DomainError('validation.failed', `job ${def.kind}: params.${issue.path.join('.')}: ${issue.message}`, {
    field: `params.${issue.path.join('.')}`,
  });
}

// In-process wake-up so a worker starts a fresh job at once instead of waiting for its next poll.
const wakers = new Set<() => void>();
export function onEnqueue(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

export interface EnqueueInput {
  kind: string;
  params: unknown;
  siteId?: string | null;
  createdBy?: string | null;
  /** Work units, when known up front (e.g. number of lists). */
  total?: number;
}

/** Queues a job inside the caller's transaction and returns its id. */
export async function enqueueJob(trx: Tx, ctx: ServiceContext, input: EnqueueInput): Promise<string> {
  parseJobParams(definitionFor(ctx.jobs, input.kind), input.params ?? {});
  const id = `job_${ctx.newToken()}`.slice(0, 100);
  // In the caller's transaction: the job exists exactly when the writes that ask for it commit.
  await insertJob(trx, {
    id,
    kind: input.kind,
    params: input.params ?? {},
    siteId: input.siteId ?? null,
    createdBy: input.createdBy === SYSTEM_ACTOR.userId ? null : (input.createdBy ?? null),
    total: input.total ?? 0,
    createdAt: ctx.now(),
  });
  // Wake workers after the enqueueing transaction had a chance to commit; a too-early wake finds nothing
  // and the regular poll picks the job up.
  setTimeout(() => {
    for (const w of wakers) w();
  }, 10).unref?.();
  return id;
}

export interface JobView {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number;
  total: number;
  result: unknown;
  error: unknown;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function jobView(r: JobRow): JobView {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    progress: r.progress,
    total: r.total,
    result: r.result ?? null,
    error: r.error ?? null,
    attempts: r.attempts,
    createdAt: iso(r.createdAt)!,
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
  };
}

/** A job's state: its creator sees it, managers see the jobs of their site. */
export async function getJob(ctx: ServiceContext, actor: Actor, id: string): Promise<JobView> {
  requireRole(actor, 'counter');
  const row = found(await findJob(ctx.db, id), `job ${id}`);
  const own = row.createdBy === actor.userId;
  // A job of no site (started by a site-less admin or the system) is not another site's: managers see it.
  const siteOk = row.siteId === null || inScope(scopeOf(actor), row.siteId);
  if (!own && !(siteOk && actor.role !== 'counter')) throw new DomainError('not_found', `job ${id} not found`);
  return jobView(row);
}
