import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import { STALE_MS, recoverStaleJobs, runJobNow } from '../../../src/services/jobs/runner.js';
import { enqueueOpenCountLists, openCountLists } from '../../../src/services/inventory/open.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import {
  type Base,
  makeActor,
  makeBalance,
  makeBase,
  makeCountItem,
  makeCountList,
  makeInventory,
  makeItem,
  makePlaces,
} from '../../helpers/inventory-factories.js';

let t: TestDb;
let base: Base;
let places: Awaited<ReturnType<typeof makePlaces>>;
let manager: Actor;
beforeAll(async () => {
  t = await freshDb();
  base = await makeBase(t.ctx.db);
  places = await makePlaces(t.ctx.db, base);
  manager = await makeActor(t.ctx.db, 'manager');
});
afterAll(async () => {
  await t.close();
});

const db = () => t.ctx.db;

describe('opening count lists', () => {
  it("locks item × warehouse, re-reads targets from the owner's balances, opens items and clears marks (as a job)", async () => {
    const inv = await makeInventory(db(), base);
    const a = await makeItem(db());
    const b = await makeItem(db());
    await makeBalance(db(), {
      siteId: base.site.id,
      itemId: a.id,
      warehouseId: places.plain.id,
      ownerId: base.owner.id,
      quantity: '12',
    });
    const list = await makeCountList(db(), inv, { countType: 'article' });
    await makeCountItem(db(), list, inv, { itemId: a.id, warehouseId: places.plain.id, target: '5', mark: true });
    await makeCountItem(db(), list, inv, { itemId: b.id, warehouseId: places.plain.id, target: '3' });
    const jobId = await enqueueOpenCountLists(t.ctx, manager, [list.id]);
    const job = await runJobNow(t.ctx, jobId);
    expect(job).toMatchObject({
      status: 'succeeded',
      result: { lists: [{ countListId: list.id, status: 'open' }] },
      progress: 1,
      total: 1,
    });
    const items = await db()
      .selectFrom('countListItems')
      .selectAll()
      .where('countListId', '=', list.id)
      .orderBy('lineNo')
      .execute();
    expect(items.map((i) => [i.targetQuantity, i.status, i.verificationMark])).toEqual([
      ['12', 'open', false],
      ['0', 'open', false],
    ]);
    const locks = await db()
      .selectFrom('stockLocks')
      .selectAll()
      .where('countListId', '=', list.id)
      .orderBy('itemId')
      .execute();
    expect(locks.map((l) => [l.itemId, l.warehouseId, l.binId])).toEqual([
      [a.id, places.plain.id, null],
      [b.id, places.plain.id, null],
    ]);
    const row = await db().selectFrom('countLists').selectAll().where('id', '=', list.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
    expect(row.openedAt).not.toBeNull();
  });

  it('locks whole bins on bin lists and adds stock that arrived in a counted bin', async () => {
    const inv = await makeInventory(db(), base);
    const a = await makeItem(db());
    const list = await makeCountList(db(), inv, { countType: 'bin', warehouseId: places.wms.id });
    await makeCountItem(db(), list, inv, {
      itemId: null,
      warehouseId: places.wms.id,
      zoneId: places.zone.id,
      binId: places.p2.id,
    });
    await makeBalance(db(), {
      siteId: base.site.id,
      itemId: a.id,
      warehouseId: places.wms.id,
      zoneId: places.zone.id,
      binId: places.p2.id,
      ownerId: base.owner.id,
      quantity: '4',
    });
    // Stock of another owner in the same bin is not this inventory's business.
    const other = await db()
      .insertInto('owners')
      .values({ code: 'OTHER', name: 'Other' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await makeBalance(db(), {
      siteId: base.site.id,
      itemId: a.id,
      warehouseId: places.wms.id,
      zoneId: places.zone.id,
      binId: places.p2.id,
      ownerId: other.id,
      quantity: '9',
    });
    const [out] = await openCountLists(t.ctx, manager, [list.id]);
    expect(out!.status).toBe('open');
    const locks = await db().selectFrom('stockLocks').selectAll().where('countListId', '=', list.id).execute();
    expect(locks.map((l) => [l.binId, l.itemId])).toEqual([[places.p2.id, null]]);
    const items = await db().selectFrom('countListItems').selectAll().where('countListId', '=', list.id).execute();
    expect(items.map((i) => [i.itemId, i.targetQuantity, i.ownerId])).toEqual([[a.id, '4', base.owner.id]]);
  });

  it('fails with the reason when the inventory is not open, and can be opened later', async () => {
    const inv = await makeInventory(db(), base, { status: 'has_count_lists' });
    const list = await makeCountList(db(), inv);
    const [out] = await openCountLists(t.ctx, manager, [list.id]);
    expect(out).toMatchObject({ status: 'opening_failed', reason: expect.stringContaining('start it first') });
    const row = await db().selectFrom('countLists').selectAll().where('id', '=', list.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'opening_failed', statusReason: expect.stringContaining('start it first') });
    await db().updateTable('inventories').set({ status: 'open' }).where('id', '=', inv.id).execute();
    expect((await openCountLists(t.ctx, manager, [list.id]))[0]!.status).toBe('open');
  });

  it('fails when another open list already locks the same stock', async () => {
    const inv = await makeInventory(db(), base);
    const a = await makeItem(db());
    const l1 = await makeCountList(db(), inv);
    const l2 = await makeCountList(db(), inv);
    await makeCountItem(db(), l1, inv, { itemId: a.id, warehouseId: places.plain.id });
    await makeCountItem(db(), l2, inv, { itemId: a.id, warehouseId: places.plain.id });
    const [o1, o2] = await openCountLists(t.ctx, manager, [l1.id, l2.id]);
    expect(o1!.status).toBe('open');
    expect(o2).toMatchObject({ status: 'opening_failed', reason: expect.stringContaining(l1.number) });
    expect(await db().selectFrom('stockLocks').select('id').where('countListId', '=', l2.id).execute()).toHaveLength(0);
  });

  it('a job re-queued after a restart reports the lists its first run opened as already open, not refused', async () => {
    const inv = await makeInventory(db(), base);
    const lists = [await makeCountList(db(), inv), await makeCountList(db(), inv), await makeCountList(db(), inv)];
    const before = await makeCountList(db(), inv);
    await openCountLists(t.ctx, manager, [before.id]); // open before the job was asked for
    t.clock.advance(1000);
    const jobId = await enqueueOpenCountLists(t.ctx, manager, [...lists.map((l) => l.id), before.id]);
    // The first run claims the job, opens the first list and dies (no heartbeat any more).
    await db()
      .updateTable('jobs')
      .set({ status: 'running', attempts: 1, startedAt: t.ctx.now(), heartbeatAt: t.ctx.now() })
      .where('id', '=', jobId)
      .execute();
    t.clock.advance(1000);
    await openCountLists(t.ctx, manager, [lists[0]!.id]);
    t.clock.advance(STALE_MS + 1000);
    expect(await recoverStaleJobs(t.ctx)).toBe(1);
    const job = await runJobNow(t.ctx, jobId);
    expect(job).toMatchObject({ status: 'succeeded', attempts: 2, progress: 4, total: 4 });
    const outcomes = (job.result as { lists: Array<{ countListId: string; status: string; reason?: string }> }).lists;
    expect(outcomes.map((o) => [o.countListId, o.status])).toEqual([
      [lists[0]!.id, 'already_open'],
      [lists[1]!.id, 'open'],
      [lists[2]!.id, 'open'],
      [before.id, 'refused'],
    ]);
    expect(outcomes[0]!.reason).toContain(lists[0]!.number);
    const rows = await db()
      .selectFrom('countLists')
      .select(['id', 'status'])
      .where(
        'id',
        'in',
        lists.map((l) => l.id),
      )
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.status)).toEqual(['open', 'open', 'open']);
  });

  it('an open list is not opened twice; only managers open lists', async () => {
    const inv = await makeInventory(db(), base);
    const list = await makeCountList(db(), inv);
    await openCountLists(t.ctx, manager, [list.id]);
    expect((await openCountLists(t.ctx, manager, [list.id]))[0]!.status).toBe('refused');
    const counter = await makeActor(db(), 'counter');
    await expect(enqueueOpenCountLists(t.ctx, counter, [list.id])).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
