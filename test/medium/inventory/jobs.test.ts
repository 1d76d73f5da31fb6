import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../../../src/services/context.js';
import { defineJob, enqueueJob, getJob, jobRegistry } from '../../../src/services/jobs/queue.js';
import { STALE_MS, drainJobs, recoverStaleJobs, runJobNow, startJobWorker } from '../../../src/services/jobs/runner.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeActor } from '../../helpers/inventory-factories.js';

let t: TestDb;
const calls: unknown[] = [];
const echo = defineJob('test.echo', z.object({ n: z.number().optional() }), async (_ctx, job, progress) => {
  calls.push(job.params);
  await progress(1, 2);
  return { echoed: job.params, by: job.actor.username };
});
const fail = defineJob('test.fail', z.object({}), async () => {
  throw new Error('boom');
});
beforeAll(async () => {
  t = await freshDb({ jobs: jobRegistry([echo, fail] as never) });
});
afterAll(async () => {
  await t.close();
});

const enqueue = (kind: string, params: unknown, createdBy: string | null = null) =>
  t.ctx.db.transaction().execute((trx) => enqueueJob(trx, t.ctx, { kind, params, createdBy }));

describe('background jobs', () => {
  it('runs a queued job once and stores its result and progress', async () => {
    const manager = await makeActor(t.ctx.db, 'manager');
    const id = await enqueue('test.echo', { n: 1 }, manager.userId);
    expect((await getJob(t.ctx, manager, id)).status).toBe('queued');
    const done = await runJobNow(t.ctx, id);
    expect(done).toMatchObject({
      status: 'succeeded',
      result: { echoed: { n: 1 }, by: manager.username },
      progress: 2,
      total: 2,
      attempts: 1,
    });
    // Running it again does not run the handler twice.
    await runJobNow(t.ctx, id);
    expect(calls.filter((c) => (c as { n: number }).n === 1)).toHaveLength(1);
  });

  it('stores the error of a failing job', async () => {
    const id = await enqueue('test.fail', {});
    expect(await runJobNow(t.ctx, id)).toMatchObject({
      status: 'failed',
      error: { code: 'internal.error', message: 'boom' },
    });
  });

  it('a job enqueued in a rolled-back transaction does not exist', async () => {
    let id = '';
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        id = await enqueueJob(trx, t.ctx, { kind: 'test.echo', params: {} });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await expect(getJob(t.ctx, SYSTEM_ACTOR, id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses unknown kinds', async () => {
    await expect(enqueue('test.nothing', {})).rejects.toMatchObject({ code: 'job.unknown_kind' });
  });

  it('refuses to queue parameters its kind does not accept, naming the field', async () => {
    await expect(enqueue('test.echo', { n: 'one' })).rejects.toMatchObject({
      code: 'validation.failed',
      field: 'params.n',
    });
  });

  it('a stored job whose parameters no longer fit fails with the reason, without running', async () => {
    const id = await enqueue('test.echo', { n: 3 });
    await t.ctx.db
      .updateTable('jobs')
      .set({ params: JSON.stringify({ n: 'three' }) })
      .where('id', '=', id)
      .execute();
    expect(await runJobNow(t.ctx, id)).toMatchObject({
      status: 'failed',
      error: { code: 'validation.failed', field: 'params.n' },
    });
    expect(calls).not.toContainEqual({ n: 'three' });
  });

  it('the server knows the generate, open, close-lists, close-inventory and ABC analysis jobs', async () => {
    const { defaultJobRegistry } = await import('../../../src/services/jobs/catalogue.js');
    expect([...defaultJobRegistry().keys()].sort()).toEqual(
      ['abc_analysis.run', 'count_lists.close', 'count_lists.generate', 'count_lists.open', 'inventory.close'].sort(),
    );
  });

  it('re-queues a job left running by a dead process once its heartbeat is stale', async () => {
    const id = await enqueue('test.echo', { n: 2 });
    await t.ctx.db
      .updateTable('jobs')
      .set({ status: 'running', attempts: 1, heartbeatAt: t.ctx.now() })
      .where('id', '=', id)
      .execute();
    expect(await recoverStaleJobs(t.ctx)).toBe(0);
    t.clock.advance(STALE_MS + 1000);
    expect(await recoverStaleJobs(t.ctx)).toBe(1);
    expect(await drainJobs(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await getJob(t.ctx, SYSTEM_ACTOR, id)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('a counter sees only own jobs', async () => {
    const id = await enqueue('test.echo', {});
    const counter = await makeActor(t.ctx.db, 'counter');
    await expect(getJob(t.ctx, counter, id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('the worker started with the server picks up queued jobs', async () => {
    const log = { warn: () => undefined, error: () => undefined } as never;
    const stop = await startJobWorker(t.ctx, log, 50);
    const id = await enqueue('test.echo', { n: 3 });
    let status = 'queued';
    for (let i = 0; i < 100 && status !== 'succeeded'; i++) {
      await new Promise((r) => setTimeout(r, 30));
      status = (await getJob(t.ctx, SYSTEM_ACTOR, id)).status;
    }
    await stop();
    expect(status).toBe('succeeded');
  });
});
