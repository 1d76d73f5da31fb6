// ABC analysis runs and their schedule (docs/cycle-counting.md): every run of the analysis is recorded
// (planning.service.ts writes the record in the run's own transaction); the schedule makes the background
// starter enqueue the analysis as a job every so many days over the days before, as the system user.
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { addDays } from '../../domain/inventory/generation.js';
import { checkThresholds } from '../../domain/items/planning.js';
import { type Actor, type ServiceContext, inTransaction, requireRole, today } from '../context.js';
import { defineJob, enqueueJob } from '../jobs/queue.js';
import {
  type ChangeRow,
  type RunRow,
  type ScheduleRow,
  saveSchedule,
  selectChanges,
  selectRuns,
  selectSchedule,
} from './abc-run.repository.js';
import { type AbcInput, runAbcAnalysis } from './planning.service.js';

export type { ChangeRow, RunRow, ScheduleRow };

export const ABC_JOB = 'abc_analysis.run';
/** How many changed items a run's history entry shows. */
export const CHANGES_SHOWN = 50;

export interface RunView extends Omit<RunRow, 'ranAt'> {
  ranAt: string;
  changedItems: ChangeRow[];
}

const runView = (r: RunRow, changedItems: ChangeRow[]): RunView => ({
  ...r,
  id: String(r.id),
  userId: r.userId === null ? null : String(r.userId),
  siteId: r.siteId === null ? null : String(r.siteId),
  ranAt: new Date(r.ranAt).toISOString(),
  changedItems: changedItems.map((c) => ({ ...c, itemId: String(c.itemId) })),
});

/** Runs the ABC analysis by hand (admins: the item master is company-wide) and answers its record. */
export async function startAbcRun(
  ctx: ServiceContext,
  actor: Actor,
  input: Omit<AbcInput, 'trigger' | 'jobId'>,
): Promise<RunView> {
  const run = await runAbcAnalysis(ctx, actor, { ...input, trigger: 'manual' });
  const page = await listAbcRuns(ctx, actor, { limit: 1, offset: 0 });
  return page.items.find((r) => r.id === run.runId) ?? page.items[0]!;
}

export async function listAbcRuns(
  ctx: ServiceContext,
  actor: Actor,
  p: { limit: number; offset: number },
): Promise<{ items: RunView[]; nextOffset: number | null }> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const rows = await selectRuns(trx, p.limit, p.offset);
    const more = rows.length > p.limit;
    const items: RunView[] = [];
    for (const r of rows.slice(0, p.limit))
      items.push(runView(r, await selectChanges(trx, String(r.id), CHANGES_SHOWN)));
    return { items, nextOffset: more ? p.offset + p.limit : null };
  });
}

const DEFAULT_SCHEDULE: ScheduleRow = {
  enabled: false,
  everyDays: 30,
  periodDays: 365,
  thresholdA: '80',
  thresholdB: '95',
  nextRunOn: null,
};

export async function getAbcSchedule(ctx: ServiceContext, actor: Actor): Promise<ScheduleRow> {
  requireRole(actor, 'manager');
  return (await selectSchedule(ctx.db)) ?? DEFAULT_SCHEDULE;
}

export interface ScheduleInput {
  enabled: boolean;
  everyDays: number;
  periodDays: number;
  thresholdA?: string | undefined;
  thresholdB?: string | undefined;
  /** The first run; default today. */
  nextRunOn?: string | undefined;
}

export async function putAbcSchedule(ctx: ServiceContext, actor: Actor, input: ScheduleInput): Promise<ScheduleRow> {
  requireRole(actor, 'admin');
  const t = checkThresholds(input.thresholdA ?? '80', input.thresholdB ?? '95');
  const whole = (field: string, v: number, max: number) => {
    if (!Number.isInteger(v) || v < 1 || v > max)
      throw new DomainError('validation.failed', `${field} must be a whole number 1–${max}`, { field });
  };
  whole('everyDays', input.everyDays, 366);
  whole('periodDays', input.periodDays, 3660);
  const s: ScheduleRow = {
    enabled: input.enabled,
    everyDays: input.everyDays,
    periodDays: input.periodDays,
    thresholdA: t.a.toFixed(),
    thresholdB: t.b.toFixed(),
    nextRunOn: input.enabled ? (input.nextRunOn ?? today(ctx)) : (input.nextRunOn ?? null),
  };
  await inTransaction(ctx, (trx) => saveSchedule(trx, s, ctx.now()));
  return s;
}

export const abcAnalysisJob = defineJob(
  ABC_JOB,
  z.object({ from: z.string(), to: z.string(), thresholdA: z.string(), thresholdB: z.string() }),
  async (ctx, job) => {
    const run = await runAbcAnalysis(ctx, job.actor, { ...job.params, trigger: 'schedule', jobId: job.id });
    return { runId: run.runId, changes: run.changes, counts: run.counts };
  },
);

/**
 * Enqueues the scheduled analysis when its day has come (over the `periodDays` days up to yesterday) and
 * moves the next run on; one transaction with the schedule row locked, so two servers enqueue it once.
 */
export async function enqueueDueAbcRun(ctx: ServiceContext): Promise<string | null> {
  return inTransaction(ctx, async (trx) => {
    const s = await selectSchedule(trx, true);
    const day = today(ctx);
    if (!s || !s.enabled || s.nextRunOn === null || s.nextRunOn > day) return null;
    const to = addDays(day, -1);
    const jobId = await enqueueJob(trx, ctx, {
      kind: ABC_JOB,
      params: { from: addDays(to, -s.periodDays + 1), to, thresholdA: s.thresholdA, thresholdB: s.thresholdB },
      total: 1,
    });
    await saveSchedule(trx, { ...s, nextRunOn: addDays(day, s.everyDays) }, ctx.now());
    return jobId;
  });
}

/** The background starter: looks at the schedule every `everyMs` (the job worker runs what it enqueues). */
export async function startAbcScheduler(
  ctx: ServiceContext,
  log: FastifyBaseLogger,
  everyMs = 10 * 60_000,
): Promise<() => Promise<void>> {
  const tick = () =>
    enqueueDueAbcRun(ctx).then(
      (id) => id && log.info({ jobId: id }, 'scheduled ABC analysis enqueued'),
      (err: unknown) => log.warn({ err }, 'ABC analysis schedule check failed'),
    );
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref?.();
  return async () => clearInterval(timer);
}
