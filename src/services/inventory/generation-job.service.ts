// Count-list generation as a background job in chunks (docs/inventory.md "Generating as a job"). A large
// generation is planned in one transaction — the same selection and split as the synchronous path, every
// list's number allocated — and the plan is kept (migration 0106). The job then writes the lists chunk by
// chunk, each chunk its own transaction, reporting lines done of lines planned. Lists of an unfinished run
// are *partially generated*: they cannot be opened. A failing chunk rolls back alone; the lists written so
// far keep that status with the reason, and generating again with the same parameters continues with the
// next chunk of the same plan — no line twice, none lost, the same numbers as an uninterrupted run.
import { z } from 'zod';
import { applyCommand } from '../../domain/inventory/inventory.js';
import type { GenerationInput } from '../../domain/inventory/generation.js';
import { type Actor, type ServiceContext, type Tx, inTransaction, requireRole, today } from '../context.js';
import { findJob } from '../jobs/jobs.repository.js';
import { defineJob, enqueueJob, type Progress } from '../jobs/queue.js';
import {
  finishRun,
  findRun,
  findRunOfInventory,
  insertRunPlan,
  markChunkDone,
  markRunFailed,
  type RunKey,
  setGenerationParams,
  setRunQueued,
  setRunRunning,
  writeChunk,
} from './generation-run.repository.js';
import {
  assignCounters,
  computeSplit,
  type GenerationSummary,
  generatePrepared,
  generationBodyOf,
  prepare,
  type Prepared,
  responsible,
  summary,
} from './generation.service.js';
import { setInventoryStatus } from './inventory.repository.js';
import { loadInventory } from './inventory.service.js';
import { allocateNumbers } from './inventory-type.repository.js';

export const GENERATE_JOB = 'count_lists.generate';
/** Above this many lines, `auto` generation runs as a job; at or below it, in the request's transaction. */
export const SYNC_GENERATION_LIMIT = 20_000;
/** At most this many lines per chunk (a list is never split across chunks)... */
export const CHUNK_POSITIONS = 5_000;
/** ...and at least this many chunks where there are lists enough, so that progress moves in visible steps. */
export const MIN_CHUNKS = 20;

export const GENERATION_MODES = ['auto', 'job', 'sync'] as const;
export type GenerationMode = (typeof GENERATION_MODES)[number];
export interface GenerationStartOptions {
  /** auto: a job above SYNC_GENERATION_LIMIT lines; job: always (continuing a stopped run too); sync: never. */
  mode?: GenerationMode | undefined;
  chunkPositions?: number | undefined;
}
export type GenerationStart =
  | { kind: 'done'; summary: GenerationSummary }
  | { kind: 'job'; jobId: string; resumed: boolean; chunks: number; positions: number };

/**
 * Generates count lists, or plans them and queues the job that writes them. The same parameters as an
 * unfinished run continue it (always as a job).
 */
export async function startGeneration(
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
  input: GenerationInput,
  opts: GenerationStartOptions = {},
): Promise<GenerationStart> {
  const mode = opts.mode ?? 'auto';
  return inTransaction(ctx, async (trx) => {
    const prep = await prepare(ctx, trx, actor, inventoryId, input, undefined, mode === 'sync' ? 'refuse' : 'resume');
    const key = { siteId: prep.inv.siteId, inventoryId: prep.inv.id };
    if (prep.run) return resume(ctx, trx, actor, key, prep.run);
    if (mode === 'sync' || prep.p.stockConsideration === 'empty_list')
      return { kind: 'done', summary: await generatePrepared(ctx, trx, prep) };
    const split = await computeSplit(ctx, trx, prep, true);
    const lines = split.lists.reduce((a, l) => a + Number(l.items), 0);
    if (split.lists.length === 0 || (mode === 'auto' && lines <= SYNC_GENERATION_LIMIT))
      return { kind: 'done', summary: await generatePrepared(ctx, trx, prep, split) };
    const chunk = opts.chunkPositions ?? Math.min(CHUNK_POSITIONS, Math.ceil(lines / MIN_CHUNKS));
    return plan(ctx, trx, actor, prep, split, lines, chunk);
  });
}

async function plan(
  ctx: ServiceContext,
  trx: Tx,
  actor: Actor,
  prep: Prepared,
  split: Awaited<ReturnType<typeof computeSplit>>,
  lines: number,
  chunkPositions: number,
): Promise<GenerationStart> {
  const { inv, p } = prep;
  const key = { siteId: inv.siteId, inventoryId: inv.id };
  const numbers = await allocateNumbers(trx, inv.countListSequenceCode, split.lists.length);
  const chunks = await insertRunPlan(
    trx,
    {
      ...key,
      params: p,
      positions: lines,
      skippedOnOtherList: split.skippedOnOtherList,
      skippedOverMaxLists: split.skippedOverMaxLists,
      createdBy: actor.userId === '0' ? null : actor.userId,
      now: ctx.now(),
    },
    numbers,
    Math.max(1, chunkPositions),
  );
  // Kept at once: the dialog offers them again, also to continue a run that stops part-way.
  await setGenerationParams(trx, inv.id, generationBodyOf(p));
  const jobId = await queue(ctx, trx, actor, key, lines);
  return { kind: 'job', jobId, resumed: false, chunks, positions: lines };
}

async function queue(ctx: ServiceContext, trx: Tx, actor: Actor, key: RunKey, total: number): Promise<string> {
  const jobId = await enqueueJob(trx, ctx, {
    kind: GENERATE_JOB,
    params: { inventoryId: key.inventoryId },
    siteId: key.siteId,
    createdBy: actor.userId,
    total,
  });
  await setRunQueued(trx, key, jobId, ctx.now());
  return jobId;
}

/** The same parameters again: a failed run is queued anew; a queued or running one is reported as it is. */
async function resume(
  ctx: ServiceContext,
  trx: Tx,
  actor: Actor,
  key: RunKey,
  run: NonNullable<Prepared['run']>,
): Promise<GenerationStart> {
  const info = { resumed: true, chunks: run.chunks, positions: run.positions };
  // A job that ended without failing the run (its process died too often) no longer writes it: queue anew.
  const job = run.status !== 'failed' && run.jobId ? await findJob(trx, run.jobId) : undefined;
  if (job && (job.status === 'queued' || job.status === 'running')) return { kind: 'job', jobId: job.id, ...info };
  return { kind: 'job', jobId: await queue(ctx, trx, actor, key, run.positions), ...info };
}

export interface ChunkHooks {
  /** Called inside each chunk's transaction after its writes; throwing fails that chunk (tests inject failures). */
  afterChunkWrites?: (chunkNo: number) => void | Promise<void>;
}

type Step = { done: false; linesDone: number; total: number } | { done: true; summary: GenerationSummary };

/** One chunk in its own transaction, or — all written — the end of the run. */
async function step(ctx: ServiceContext, actor: Actor, inventoryId: string, hooks: ChunkHooks): Promise<Step> {
  return inTransaction(ctx, async (trx) => {
    requireRole(actor, 'manager');
    const inv = await loadInventory(trx, actor, inventoryId, true);
    const key = { siteId: inv.siteId, inventoryId: inv.id };
    const run = await findRun(trx, key, true);
    if (!run) return { done: true, summary: summary([], 0, 0) };
    const p = run.params as Prepared['p'];
    const now = ctx.now();
    if (run.chunksDone >= run.chunks) {
      const lists = await finishRun(trx, key, now);
      await setGenerationParams(trx, inv.id, generationBodyOf(p));
      const s = summary(
        lists.map((l) => ({ ...l, counterUserIds: p.counterUserIds })),
        run.skippedOnOtherList,
        run.skippedOverMaxLists,
      );
      return { done: true, summary: s };
    }
    await setRunRunning(trx, key, now);
    const w = await writeChunk(trx, {
      ...key,
      chunkNo: run.chunksDone,
      name: p.name,
      countType: p.countType,
      registrationDate: today(ctx),
      countDate: inv.stockTakingDate,
      responsibleFromWarehouse: p.responsibleOrigin === 'warehouse',
      responsibleUserId: responsible(inv, p, null),
      ownerId: inv.ownerId,
      now,
    });
    await assignCounters(trx, w.listIds, p, now);
    await markChunkDone(trx, key, w.lines, now);
    const status = applyCommand(inv.status, 'listsAdded');
    if (status !== inv.status) await setInventoryStatus(trx, inv.id, status, now);
    await hooks.afterChunkWrites?.(run.chunksDone);
    return { done: false, linesDone: run.positionsDone + w.lines, total: run.positions };
  });
}

/**
 * Writes the remaining chunks of an inventory's run, reporting lines done between the transactions. A
 * failing chunk leaves the run failed with the reason on it and on the lists written so far, and rethrows.
 */
export async function runGeneration(
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
  progress?: Progress,
  hooks: ChunkHooks = {},
): Promise<GenerationSummary> {
  for (;;) {
    let s: Step;
    try {
      s = await step(ctx, actor, inventoryId, hooks);
    } catch (e) {
      const reason = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
      await inTransaction(ctx, async (trx) => {
        const run = await findRunOfInventory(trx, inventoryId);
        if (run) await markRunFailed(trx, run, reason, ctx.now());
      });
      throw e;
    }
    if (s.done) return s.summary;
    await progress?.(s.linesDone, s.total);
  }
}

export interface GenerationRunView {
  status: 'queued' | 'running' | 'failed';
  reason: string | null;
  jobId: string | null;
  chunks: number;
  chunksDone: number;
  positions: number;
  positionsDone: number;
}

/** The unfinished chunked generation of an inventory (inside the caller's transaction), or null. */
export async function generationRunOf(trx: Tx, inventoryId: string): Promise<GenerationRunView | null> {
  const r = await findRunOfInventory(trx, inventoryId);
  if (!r) return null;
  return {
    status: r.status,
    reason: r.reason,
    jobId: r.jobId,
    chunks: r.chunks,
    chunksDone: r.chunksDone,
    positions: r.positions,
    positionsDone: r.positionsDone,
  };
}

export const generateListsJob = defineJob(
  GENERATE_JOB,
  z.object({ inventoryId: z.string() }),
  async (ctx, job, progress) => runGeneration(ctx, job.actor, job.params.inventoryId, progress),
);
