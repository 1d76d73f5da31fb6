// Runs queued jobs: claims with FOR UPDATE SKIP LOCKED (several server processes on one PostgreSQL never
// take the same job), keeps a heartbeat while running, stores result or error. A job left `running` by a
// process that died (no heartbeat for STALE_MS) is queued again; after MAX_ATTEMPTS it fails for good.
import type { FastifyBaseLogger } from 'fastify';
import { isDomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, SYSTEM_ACTOR, found } from '../context.js';
import {
  type ClaimedJob,
  claimNextJob,
  findJob,
  findJobUser,
  finishJobFailed,
  finishJobSucceeded,
  recoverStale,
  setJobProgress,
  touchJobHeartbeat,
} from './jobs.repository.js';
import { definitionFor, jobView, onEnqueue, parseJobParams, type JobRun, type JobView } from './queue.js';

export const HEARTBEAT_MS = 10_000;
export const STALE_MS = 60_000;
export const MAX_ATTEMPTS = 3;

async function actorOf(ctx: ServiceContext, userId: string | null): Promise<Actor> {
  if (userId === null) return SYSTEM_ACTOR;
  const u = await findJobUser(ctx.db, userId);
  // A job outlives the request; if its user was removed meanwhile it still runs with the rights it was queued with.
  return u ? { userId: u.id, username: u.username, role: u.role, siteId: u.siteId } : SYSTEM_ACTOR;
}

function errorJson(e: unknown): Record<string, unknown> {
  if (isDomainError(e))
    return {
      code: e.code,
      message: e.message,
      ...(e.field ? { field: e.field } : {}),
      ...(e.params ? { params: e.params } : {}),
    };
  return { code: 'internal.error', message: e instanceof Error ? e.message : String(e) };
}

async function execute(ctx: ServiceContext, claimed: ClaimedJob): Promise<JobView> {
  const job: JobRun = {
    id: claimed.id,
    kind: claimed.kind,
    params: claimed.params,
    siteId: claimed.siteId,
    actor: await actorOf(ctx, claimed.createdBy),
  };
  const beat = setInterval(() => {
    void touchJobHeartbeat(ctx.db, job.id, ctx.now()).catch(() => undefined);
  }, HEARTBEAT_MS);
  beat.unref?.();
  const progress = async (done: number, total: number) => {
    await setJobProgress(ctx.db, job.id, done, total, ctx.now());
  };
  try {
    const def = definitionFor(ctx.jobs, job.kind);
    const result = await def.run(ctx, { ...job, params: parseJobParams(def, job.params) }, progress);
    await finishJobSucceeded(ctx.db, job.id, result, ctx.now());
  } catch (e) {
    await finishJobFailed(ctx.db, job.id, errorJson(e), ctx.now());
  } finally {
    clearInterval(beat);
  }
  return jobView(found(await findJob(ctx.db, job.id), `job ${job.id}`));
}

/** Claims the oldest queued job, or returns undefined when there is none (or another worker took it). */
// FOR UPDATE SKIP LOCKED inside: two processes polling at once never take the same job.
async function claimNext(ctx: ServiceContext, onlyId?: string): Promise<ClaimedJob | undefined> {
  return claimNextJob(ctx.db, ctx.now(), onlyId);
}

/** Runs one queued job to its end in this process (tests, CLI); a job already taken is just reported. */
export async function runJobNow(ctx: ServiceContext, jobId: string): Promise<JobView> {
  const claimed = await claimNext(ctx, jobId);
  if (!claimed) return jobView(found(await findJob(ctx.db, jobId), `job ${jobId}`));
  return execute(ctx, claimed);
}

/** Runs queued jobs until none is left; returns how many ran. */
export async function drainJobs(ctx: ServiceContext): Promise<number> {
  let n = 0;
  for (let c = await claimNext(ctx); c; c = await claimNext(ctx)) {
    await execute(ctx, c);
    n++;
  }
  return n;
}

/** Jobs whose process died: queued again, or failed after MAX_ATTEMPTS. Returns how many were touched. */
export async function recoverStaleJobs(ctx: ServiceContext): Promise<number> {
  const limit = new Date(ctx.now().getTime() - STALE_MS);
  return recoverStale(ctx.db, limit, MAX_ATTEMPTS, ctx.now());
}

/** Background starter: recovers stale jobs, then polls (and wakes on enqueue) until stopped. */
export async function startJobWorker(
  ctx: ServiceContext,
  log: FastifyBaseLogger,
  pollMs = 1000,
): Promise<() => Promise<void>> {
  const recovered = await recoverStaleJobs(ctx);
  if (recovered > 0) log.warn({ recovered }, 'jobs left running by a stopped process were re-queued');
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let scheduled = false;
  // Runs are chained one after another; a wake-up while a run is pending is folded into it.
  const tick = () => {
    if (stopped || scheduled) return;
    scheduled = true;
    clearTimeout(timer);
    running = running
      .then(async () => {
        scheduled = false;
        try {
          await recoverStaleJobs(ctx);
          await drainJobs(ctx);
        } catch (e) {
          log.error({ err: e }, 'job worker');
        }
      })
      .finally(() => {
        if (stopped) return;
        clearTimeout(timer);
        timer = setTimeout(tick, pollMs);
      });
  };
  const unsubscribe = onEnqueue(tick);
  tick();
  return async () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
    await running;
  };
}
