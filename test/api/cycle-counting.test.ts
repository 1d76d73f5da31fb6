// Cycle counting over the API: count plans (validation, warehouse plans, site scoping), the due list's
// filters and paging, the KPIs' accuracy and difference values, and ABC analysis runs recorded by hand and by
// the scheduled job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { enqueueDueAbcRun } from '../../src/services/items/abc-run.service.js';
import { drainJobs } from '../../src/services/jobs/runner.js';
import { createUser, login } from '../../src/services/user.service.js';
import { testApi, type TestApi } from '../helpers/api.js';
import { makeItem, makeKey, makeOwner, makeSite, makeWarehouse } from '../helpers/factories.js';

let api: TestApi;
const ids: Record<string, string> = {};
let managerB: string;

const plan = { countsA: 12, countsB: 4, countsC: 1, dailyCapacity: 10 };

beforeAll(async () => {
  api = await testApi();
  api.db.clock.set('2026-03-02T10:00:00Z');
  const db = api.db.ctx.db;
  ids.site = (await makeSite(db, { code: 'S-A' })).id;
  ids.siteB = (await makeSite(db, { code: 'S-B' })).id;
  ids.owner = (await makeOwner(db)).id;
  await makeKey(db, 'ADJ', 'adjustment');
  ids.wh = (await makeWarehouse(db, ids.site, { code: 'W1' })).id;
  ids.wh2 = (await makeWarehouse(db, ids.site, { code: 'W2' })).id;
  ids.whB = (await makeWarehouse(db, ids.siteB, { code: 'WB' })).id;
  for (let k = 0; k < 5; k++) {
    const item = await makeItem(db, { code: `P${k}` });
    ids[`item${k}`] = item.id;
    await db
      .insertInto('stockBalances')
      .values({
        siteId: ids.site,
        itemId: item.id,
        warehouseId: k < 3 ? ids.wh : ids.wh2,
        zoneId: null,
        binId: null,
        ownerId: ids.owner,
        quantity: '1',
        everNonzero: true,
        lastCountedDate: k === 0 ? null : '2026-01-30',
        updatedAt: new Date(),
      })
      .execute();
  }
  await createUser(api.db.ctx, SYSTEM_ACTOR, {
    username: 'mgr.b',
    password: 'password-123',
    role: 'manager',
    siteId: ids.siteB,
  });
  managerB = (await login(api.db.ctx, 'mgr.b', 'password-123')).token;
});
afterAll(async () => {
  await api.close();
});

describe('count plans', () => {
  it('refuses a plan naming the rule that is broken', async () => {
    const bad = await api.call('PUT', '/api/count-plans', { ...plan, siteId: ids.site, slowMoverDays: 90 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation.failed', field: 'slowMoverCounts' });
    const schema = await api.call('PUT', '/api/count-plans', { ...plan, siteId: ids.site, countsA: 400 });
    expect(schema.statusCode).toBe(400);
    const foreign = await api.call('PUT', '/api/count-plans', { ...plan, siteId: ids.site, warehouseId: ids.whB });
    expect(foreign.json().error).toMatchObject({ code: 'reference.unknown', field: 'warehouseId' });
  });

  it("keeps a site's plan and a warehouse plan; replacing one answers created false", async () => {
    expect((await api.call('PUT', '/api/count-plans', { ...plan, siteId: ids.site })).json().created).toBe(true);
    const wh = await api.call('PUT', '/api/count-plans', {
      ...plan,
      siteId: ids.site,
      warehouseId: ids.wh2,
      countsA: 0,
      countsC: 0,
      workingDays: [1, 2, 3, 4, 5, 6],
      holidays: ['2026-04-06'],
    });
    expect(wh.json()).toMatchObject({ created: true, plan: { warehouseCode: 'W2', intervals: { A: null, C: null } } });
    const again = await api.call('PUT', '/api/count-plans', { ...plan, siteId: ids.site, dailyCapacity: 3 });
    expect(again.json()).toMatchObject({ created: false, plan: { dailyCapacity: 3 } });
    const list = await api.call('GET', `/api/count-plans?siteId=${ids.site}`);
    expect(list.json().items.map((p: { warehouseCode: string | null }) => p.warehouseCode)).toEqual([null, 'W2']);
  });

  it("another site's manager sees none of them and cannot change them", async () => {
    const list = await api.call('GET', `/api/count-plans?siteId=${ids.site}`, undefined, managerB);
    expect(list.json().items).toEqual([]);
    const put = await api.call('PUT', '/api/count-plans', { ...plan, siteId: ids.site }, managerB);
    expect(put.statusCode).toBe(404);
    const del = await api.call('DELETE', `/api/count-plans?siteId=${ids.site}`, undefined, managerB);
    expect(del.statusCode).toBe(404);
    const dueB = await api.call('GET', `/api/count-plans/due?siteId=${ids.site}`, undefined, managerB);
    expect(dueB.statusCode).toBe(404);
    const kpiB = await api.call('GET', `/api/count-kpis?siteId=${ids.site}`, undefined, managerB);
    expect(kpiB.statusCode).toBe(404);
  });
});

describe('due list', () => {
  it('a warehouse plan wins over the site plan; pages hold the order', async () => {
    // W1 (site plan, A/B/C): P0 never counted, P1 and P2 are C (not due). W2 (own plan, C not counted): P3 and
    // P4 are C items and fall outside the plan.
    const all = await api.call('GET', `/api/count-plans/due?siteId=${ids.site}&status=never_counted,not_due`);
    expect(
      all.json().items.map((i: { itemCode: string; dueStatus: string }) => `${i.itemCode} ${i.dueStatus}`),
    ).toEqual(['P0 never_counted', 'P1 not_due', 'P2 not_due']);
    const page1 = await api.call('GET', `/api/count-plans/due?siteId=${ids.site}&status=not_due&limit=1`);
    expect(page1.json()).toMatchObject({ nextOffset: 1, items: [{ itemCode: 'P1' }] });
    const page2 = await api.call('GET', `/api/count-plans/due?siteId=${ids.site}&status=not_due&limit=1&offset=1`);
    expect(page2.json()).toMatchObject({ nextOffset: null, items: [{ itemCode: 'P2' }] });
    const wrong = await api.call('GET', `/api/count-plans/due?siteId=${ids.site}&status=late`);
    expect(wrong.statusCode).toBe(400);
  });

  it('a class counted again by the warehouse plan brings its positions in', async () => {
    await api.db.ctx.db.updateTable('items').set({ abcClass: 'B' }).where('id', '=', ids.item3!).execute();
    const res = await api.call('GET', `/api/count-plans/due?siteId=${ids.site}&warehouseId=${ids.wh2}&status=not_due`);
    expect(res.json().items).toMatchObject([{ itemCode: 'P3', planClass: 'B' }]);
  });

  it('deleting the warehouse plan hands its positions to the site plan', async () => {
    const del = await api.call('DELETE', `/api/count-plans?siteId=${ids.site}&warehouseId=${ids.wh2}`);
    expect(del.json()).toEqual({ deleted: true });
    expect((await api.call('DELETE', `/api/count-plans?siteId=${ids.site}&warehouseId=${ids.wh2}`)).json()).toEqual({
      deleted: false,
    });
    const res = await api.call('GET', `/api/count-plans/due?siteId=${ids.site}&warehouseId=${ids.wh2}&status=not_due`);
    expect(res.json().items.map((i: { itemCode: string }) => i.itemCode)).toEqual(['P3', 'P4']);
  });
});

describe('KPIs', () => {
  it('accuracy from closed lines and difference values per month from the ledger', async () => {
    const db = api.db.ctx.db;
    const res0 = await api.call('GET', `/api/count-kpis?siteId=${ids.site}&from=2026-03-01&to=2026-02-01`);
    expect(res0.json().error).toMatchObject({ code: 'validation.failed', field: 'from' });
    // Two closed count lines of P0 in March: one without a difference, one that posted -1 worth 4.50.
    const type = await api.call('POST', '/api/inventory-types', {
      code: 'CY',
      method: 'continuous',
      inventoryNumbering: { prefix: 'C-', width: 3 },
      countListNumbering: { prefix: 'CL-', width: 3 },
      adjustmentKey: 'ADJ',
      valuationPrice: 'inventory',
      reportType: 'single',
    });
    expect(type.statusCode, type.body).toBe(201);
    const inv = await api.call('POST', '/api/inventories', {
      typeId: type.json().id,
      siteId: ids.site!,
      ownerId: ids.owner!,
      description: 'kpi',
    });
    expect(inv.statusCode, inv.body).toBe(201);
    const list = await db
      .insertInto('countLists')
      .values({
        siteId: ids.site!,
        inventoryId: inv.json().id,
        number: 'CL-900',
        name: '',
        countType: 'article',
        status: 'closed',
        registrationDate: '2026-03-02',
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [n, itemId, posted] of [
      [1, ids.item0!, '0'],
      [2, ids.item1!, '-1'],
    ] as const) {
      await db
        .insertInto('countListItems')
        .values({
          siteId: ids.site!,
          inventoryId: inv.json().id,
          countListId: list.id,
          lineNo: n,
          itemId,
          warehouseId: ids.wh!,
          ownerId: ids.owner!,
          status: 'closed',
          postedQuantity: posted,
          closedAt: new Date('2026-03-02T09:00:00Z'),
        })
        .execute();
    }
    await db
      .insertInto('stockLedger')
      .values({
        siteId: ids.site!,
        keyCode: 'ADJ',
        itemId: ids.item1!,
        warehouseId: ids.wh!,
        ownerId: ids.owner!,
        quantity: '-1',
        value: '-4.50',
        unitPrice: '4.50',
        postingDate: '2026-03-02',
        originType: 'count_list',
        originId: String(list.id),
        createdAt: new Date(),
      })
      .execute();
    const res = await api.call('GET', `/api/count-kpis?siteId=${ids.site}&from=2026-03-01&to=2026-03-31`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json().classes.find((x: { planClass: string }) => x.planClass === 'C');
    expect(c).toMatchObject({ counted: 2, noDifference: 1, accuracyPercent: '50.0' });
    expect(res.json().months).toEqual([{ month: '2026-03', planClass: 'C', gains: '0', losses: '4.5', net: '-4.5' }]);
    expect(res.json().totals).toEqual({ gains: '0', losses: '4.5', net: '-4.5' });
  });
});

describe('count accuracy within tolerance', () => {
  it("counts a posted difference within the inventory type's tolerance as accurate, and one beyond it not", async () => {
    const db = api.db.ctx.db;
    // A type allowing 5 % of the target: in April, -3 of 100 is within, -10 of 100 is not, 0 always is.
    const type = await api.call('POST', '/api/inventory-types', {
      code: 'CYT',
      method: 'continuous',
      inventoryNumbering: { prefix: 'CT-', width: 3 },
      countListNumbering: { prefix: 'CTL-', width: 3 },
      adjustmentKey: 'ADJ',
      valuationPrice: 'inventory',
      reportType: 'single',
      tolerancePercent: '5',
    });
    expect(type.statusCode, type.body).toBe(201);
    const inv = await api.call('POST', '/api/inventories', {
      typeId: type.json().id,
      siteId: ids.site!,
      ownerId: ids.owner!,
      description: 'kpi tolerance',
    });
    expect(inv.statusCode, inv.body).toBe(201);
    const list = await db
      .insertInto('countLists')
      .values({
        siteId: ids.site!,
        inventoryId: inv.json().id,
        number: 'CTL-900',
        name: '',
        countType: 'article',
        status: 'closed',
        registrationDate: '2026-04-02',
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [n, itemId, posted] of [
      [1, ids.item0!, '-3'],
      [2, ids.item1!, '-10'],
      [3, ids.item0!, '0'],
    ] as const) {
      await db
        .insertInto('countListItems')
        .values({
          siteId: ids.site!,
          inventoryId: inv.json().id,
          countListId: list.id,
          lineNo: n,
          itemId,
          warehouseId: ids.wh!,
          ownerId: ids.owner!,
          lot: n === 3 ? 'L3' : '',
          status: 'closed',
          targetQuantity: '100',
          postedQuantity: posted,
          unitPrice: '2',
          closedAt: new Date('2026-04-02T09:00:00Z'),
        })
        .execute();
    }
    const res = await api.call('GET', `/api/count-kpis?siteId=${ids.site}&from=2026-04-01&to=2026-04-30`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json().classes.find((x: { planClass: string }) => x.planClass === 'C');
    expect(c).toMatchObject({ counted: 3, noDifference: 1, withinTolerance: 2, accuracyPercent: '66.7' });
  });
});

describe('ABC analysis runs', () => {
  it('a run by hand is recorded with the items whose class it changed; managers read the history', async () => {
    const manager = await api.userToken('mgr.any', 'manager');
    const refused = await api.call(
      'POST',
      '/api/abc-analysis/runs',
      { from: '2026-01-01', to: '2026-02-28' },
      manager.token,
    );
    expect(refused.statusCode).toBe(403);
    const run = await api.call('POST', '/api/abc-analysis/runs', { from: '2026-01-01', to: '2026-02-28' });
    expect(run.statusCode, run.body).toBe(200);
    // No consumption: every item becomes C; P3 was B, the others had no class.
    expect(run.json()).toMatchObject({ trigger: 'manual', username: 'admin', changesCount: 5, countC: 5 });
    expect(run.json().changedItems.find((c: { itemCode: string }) => c.itemCode === 'P3')).toMatchObject({
      previousClass: 'B',
      newClass: 'C',
    });
    const second = await api.call('POST', '/api/abc-analysis/runs', { from: '2026-01-01', to: '2026-02-28' });
    expect(second.json()).toMatchObject({ changesCount: 0, changedItems: [] });
    const history = await api.call('GET', '/api/abc-analysis/runs?limit=1', undefined, manager.token);
    expect(history.json()).toMatchObject({ nextOffset: 1, items: [{ id: second.json().id }] });
  });

  it('the schedule enqueues the analysis as a job once its day has come, and moves the next run on', async () => {
    const put = await api.call('PUT', '/api/abc-analysis/schedule', { enabled: true, everyDays: 7, periodDays: 30 });
    expect(put.json()).toMatchObject({ enabled: true, nextRunOn: '2026-03-02' });
    const jobId = await enqueueDueAbcRun(api.db.ctx);
    expect(jobId).not.toBeNull();
    expect(await enqueueDueAbcRun(api.db.ctx)).toBeNull();
    await drainJobs(api.db.ctx);
    const history = await api.call('GET', '/api/abc-analysis/runs?limit=1');
    expect(history.json().items[0]).toMatchObject({
      trigger: 'schedule',
      jobId,
      userId: null,
      periodFrom: '2026-01-31',
      periodTo: '2026-03-01',
    });
    expect((await api.call('GET', '/api/abc-analysis/schedule')).json()).toMatchObject({ nextRunOn: '2026-03-09' });
  });
});
