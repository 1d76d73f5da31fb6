// Count-list generation as a job in chunks: progress, a chunk that fails (injected), partial lists with the
// reason, and a re-run that continues to exactly the lines of an uninterrupted run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { GenerationInput } from '../../../src/domain/inventory/generation.js';
import {
  GENERATE_JOB,
  generationRunOf,
  runGeneration,
  startGeneration,
  type GenerationStart,
} from '../../../src/services/inventory/generation-job.service.js';
import { deleteCountList } from '../../../src/services/inventory/delete-count-list.service.js';
import { generateCountLists, previewGeneration } from '../../../src/services/inventory/generation.service.js';
import { openCountLists } from '../../../src/services/inventory/open.service.js';
import { startInventory } from '../../../src/services/inventory/inventory.service.js';
import { JOB_DEFINITIONS } from '../../../src/services/jobs/catalogue.js';
import { defineJob, jobRegistry, type JobDefinition } from '../../../src/services/jobs/queue.js';
import { runJobNow } from '../../../src/services/jobs/runner.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeItem, makeWarehouse } from '../../helpers/factories.js';
import { addBalance, admin, listContents, makeInventory, makeOrg, type Org } from './generation-fixture.js';

let t: TestDb;
let org: Org;
let warehouseId: string;
// 12 positions, 2 per list → 6 lists; 4 lines per chunk → 3 chunks of 2 lists.
const input: GenerationInput = { countType: 'article', maxItemsPerList: 2 };
const chunkPositions = 4;

beforeAll(async () => {
  t = await freshDb();
  org = await makeOrg(t);
  const db = t.ctx.db;
  warehouseId = (await makeWarehouse(db, org.siteId, { code: 'GJ1' })).id;
  const w2 = (await makeWarehouse(db, org.siteId, { code: 'GJ2' })).id;
  for (let i = 0; i < 6; i++) {
    const item = (await makeItem(db, { code: `GJ-${String(i).padStart(2, '0')}` })).id;
    await addBalance(db, org.siteId, { itemId: item, warehouseId, ownerId: org.ownerId, quantity: String(i + 1) });
    await addBalance(db, org.siteId, { itemId: item, warehouseId: w2, ownerId: org.ownerId, quantity: '2' });
  }
});
afterAll(async () => {
  await t.close();
});

const asJob = (s: GenerationStart) => {
  if (s.kind !== 'job') throw new Error('expected a job');
  return s;
};
const statuses = async (inventoryId: string) =>
  (
    await t.ctx.db
      .selectFrom('countLists')
      .select(['number', 'status', 'statusReason'])
      .where('inventoryId', '=', inventoryId)
      .orderBy('number')
      .execute()
  ).map((l) => [l.status, l.statusReason]);
const lineCount = async (inventoryId: string) =>
  Number(
    (
      await t.ctx.db
        .selectFrom('countListItems')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('inventoryId', '=', inventoryId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A context whose generation job fails in chunk `failAt` (the other kinds as the server has them). */
function failingCtx(failAt: number) {
  const failing = defineJob(GENERATE_JOB, z.object({ inventoryId: z.string() }), async (ctx, job, progress) =>
    runGeneration(ctx, job.actor, job.params.inventoryId, progress, {
      afterChunkWrites: (n) => {
        if (n === failAt) throw new Error('the disk is full');
      },
    }),
  );
  const others = JOB_DEFINITIONS.filter((d) => d.kind !== GENERATE_JOB);
  return { ...t.ctx, jobs: jobRegistry([...others, failing] as unknown as ReadonlyArray<JobDefinition<never>>) };
}

describe('generation as a job in chunks', () => {
  let reference: string[][];

  it('a small auto generation still answers at once, as the synchronous path did', async () => {
    const inv = await makeInventory(t, org);
    const r = await startGeneration(t.ctx, admin, inv.id, input);
    expect(r.kind).toBe('done');
    reference = await listContents(t.ctx.db, inv.id);
    expect(reference).toHaveLength(6);
  });

  it('runs chunk by chunk with progress, and ends with the same lists as the synchronous path', async () => {
    const inv = await makeInventory(t, org);
    const s = asJob(await startGeneration(t.ctx, admin, inv.id, input, { mode: 'job', chunkPositions }));
    expect(s).toMatchObject({ chunks: 3, positions: 12, resumed: false });
    expect(await generationRunOf(t.ctx.db, inv.id)).toMatchObject({ status: 'queued', chunksDone: 0 });
    const job = await runJobNow(t.ctx, s.jobId);
    expect(job).toMatchObject({ status: 'succeeded', progress: 12, total: 12 });
    expect((job.result as { lists: unknown[]; positions: number }).positions).toBe(12);
    expect(await listContents(t.ctx.db, inv.id)).toEqual(reference);
    expect((await statuses(inv.id)).every(([st, reason]) => st === 'created' && reason === null)).toBe(true);
    expect(await generationRunOf(t.ctx.db, inv.id)).toBeNull();
    const row = await t.ctx.db
      .selectFrom('inventories')
      .select(['status', 'generationParams'])
      .where('id', '=', inv.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('has_count_lists');
    expect(row.generationParams).toMatchObject({ countType: 'article', maxItemsPerList: 2 });
  });

  it('a failing chunk leaves the lists made so far partially generated with the reason; re-running continues', async () => {
    const inv = await makeInventory(t, org);
    const s = asJob(await startGeneration(t.ctx, admin, inv.id, input, { mode: 'job', chunkPositions }));
    const failed = await runJobNow(failingCtx(1), s.jobId);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ message: 'the disk is full' });
    // Chunk 0 (2 lists, 4 lines) stays; chunk 1 rolled back alone.
    expect(await statuses(inv.id)).toEqual([
      ['partially_generated', 'the disk is full'],
      ['partially_generated', 'the disk is full'],
    ]);
    expect(await lineCount(inv.id)).toBe(4);
    expect(await generationRunOf(t.ctx.db, inv.id)).toMatchObject({
      status: 'failed',
      reason: 'the disk is full',
      chunksDone: 1,
      positionsDone: 4,
    });
    // A partially generated list cannot be opened yet.
    await startInventory(t.ctx, admin, inv.id);
    const first = await t.ctx.db
      .selectFrom('countLists')
      .select('id')
      .where('inventoryId', '=', inv.id)
      .orderBy('number')
      .executeTakeFirstOrThrow();
    expect((await openCountLists(t.ctx, admin, [first.id]))[0]!.status).not.toBe('open');
    // Other parameters (or the synchronous path) are refused while the run is unfinished.
    await expect(
      startGeneration(t.ctx, admin, inv.id, { ...input, maxItemsPerList: 3 }, { mode: 'job' }),
    ).rejects.toMatchObject({ code: 'generation.unfinished' });
    await expect(generateCountLists(t.ctx, admin, inv.id, input)).rejects.toMatchObject({
      code: 'generation.unfinished',
    });
    // A preview writes nothing and is answered as usual.
    await expect(previewGeneration(t.ctx, admin, inv.id, input)).resolves.toMatchObject({ lists: expect.any(Array) });
    expect(await generationRunOf(t.ctx.db, inv.id)).toMatchObject({ status: 'failed' });
    // The same parameters again continue the plan (even in auto mode: a stopped run always goes on as a job).
    const again = asJob(await startGeneration(t.ctx, admin, inv.id, input));
    expect(again).toMatchObject({ resumed: true, chunks: 3 });
    expect(again.jobId).not.toBe(s.jobId);
    const done = await runJobNow(t.ctx, again.jobId);
    expect(done).toMatchObject({ status: 'succeeded', progress: 12, total: 12 });
    expect(await listContents(t.ctx.db, inv.id)).toEqual(reference);
    expect(await lineCount(inv.id)).toBe(12);
    expect((await statuses(inv.id)).every(([st, reason]) => st === 'created' && reason === null)).toBe(true);
    expect(await generationRunOf(t.ctx.db, inv.id)).toBeNull();
  });

  it('the same parameters while the job is still queued answer that job instead of queueing another', async () => {
    const inv = await makeInventory(t, org);
    const s = asJob(await startGeneration(t.ctx, admin, inv.id, input, { mode: 'job', chunkPositions }));
    const again = asJob(await startGeneration(t.ctx, admin, inv.id, input, { mode: 'job' }));
    expect(again.jobId).toBe(s.jobId);
    await runJobNow(t.ctx, s.jobId);
    expect(await listContents(t.ctx.db, inv.id)).toEqual(reference);
  });

  it('a failed run whose lists were all deleted is dropped by the next generation', async () => {
    const inv = await makeInventory(t, org);
    const s = asJob(await startGeneration(t.ctx, admin, inv.id, input, { mode: 'job', chunkPositions }));
    expect((await runJobNow(failingCtx(0), s.jobId)).status).toBe('failed');
    expect(await statuses(inv.id)).toEqual([]);
    const r = await startGeneration(t.ctx, admin, inv.id, { ...input, maxItemsPerList: 6 }, { mode: 'sync' });
    expect(r.kind).toBe('done');
    expect(await generationRunOf(t.ctx.db, inv.id)).toBeNull();
    expect(await lineCount(inv.id)).toBe(12);
  });

  it('deleting the partially generated lists lets another generation start over', async () => {
    const inv = await makeInventory(t, org);
    const s = asJob(await startGeneration(t.ctx, admin, inv.id, input, { mode: 'job', chunkPositions }));
    expect((await runJobNow(failingCtx(1), s.jobId)).status).toBe('failed');
    const partial = await t.ctx.db.selectFrom('countLists').select('id').where('inventoryId', '=', inv.id).execute();
    expect(partial).toHaveLength(2);
    for (const l of partial) await deleteCountList(t.ctx, admin, l.id);
    const r = await startGeneration(t.ctx, admin, inv.id, { ...input, maxItemsPerList: 12 });
    expect(r.kind).toBe('done');
    expect(await lineCount(inv.id)).toBe(12);
    expect(await generationRunOf(t.ctx.db, inv.id)).toBeNull();
  });
});
