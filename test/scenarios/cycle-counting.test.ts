// Story: cycle counting by ABC class. Plant PLANT counts its A items twelve times a year, B four times and
// C once, on a Monday–Friday calendar: an A position is due every ⌊260 / 12⌋ = 21 working days. Item A1 (an
// A item) was counted on Friday 30 January 2026; the 21st working day after is Monday 2 March. A2 is an A
// item as well but has its own cycle of 7 calendar days, which overrides the plan. N1 was never counted.
// B1 was counted with A1 and is not due for months. The manager watches the due list, then the continuous
// inventory lists today's capacity of it, the most urgent first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';
import { makeItem, makeKey, makeOwner, makeSite, makeWarehouse } from '../helpers/factories.js';

let api: TestApi;
const ids: Record<string, string> = {};

const due = async (query = '') => {
  const res = await api.call('GET', `/api/count-plans/due?siteId=${ids.site}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    asOf: string;
    counts: Record<string, number>;
    items: { itemCode: string; dueStatus: string; nextDue: string | null; planClass: string }[];
  };
};
const statusOf = (list: Awaited<ReturnType<typeof due>>) =>
  Object.fromEntries(list.items.map((i) => [i.itemCode, `${i.dueStatus} ${i.nextDue ?? '-'}`]));

beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  ids.site = (await makeSite(db, { code: 'PLANT' })).id;
  ids.owner = (await makeOwner(db, { code: 'ACME' })).id;
  await makeKey(db, 'INV-ADJ', 'adjustment');
  await makeKey(db, 'INV-TRF', 'transfer');
  await makeKey(db, 'INV-VAL', 'revaluation');
  ids.wh = (await makeWarehouse(db, ids.site, { code: '001' })).id;
  const items: [string, 'A' | 'B' | 'C', number, string | null][] = [
    ['A1', 'A', 0, '2026-01-30'],
    ['A2', 'A', 7, '2026-01-30'],
    ['B1', 'B', 0, '2026-01-30'],
    ['N1', 'C', 0, null],
  ];
  for (const [code, abcClass, countCycleDays, lastCountedDate] of items) {
    const item = await makeItem(db, { code });
    await db.updateTable('items').set({ abcClass, countCycleDays }).where('id', '=', item.id).execute();
    await db
      .insertInto('stockBalances')
      .values({
        siteId: ids.site,
        itemId: item.id,
        warehouseId: ids.wh,
        zoneId: null,
        binId: null,
        ownerId: ids.owner,
        quantity: '5',
        everNonzero: true,
        lastCountedDate,
        updatedAt: new Date(),
      })
      .execute();
  }
});
afterAll(async () => {
  await api.close();
});

describe('cycle counting by ABC class', () => {
  it("the manager sets the plant's count plan: A 12, B 4, C 1 a year, two positions a day", async () => {
    const res = await api.call('PUT', '/api/count-plans', {
      siteId: ids.site,
      countsA: 12,
      countsB: 4,
      countsC: 1,
      dailyCapacity: 2,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      created: true,
      plan: { workingDays: [1, 2, 3, 4, 5], intervals: { A: 21, B: 65, C: 260, S: null } },
    });
  });

  it('on Friday 27 February, 20 working days after its count, A1 is not due yet; A2 (own 7-day cycle) is overdue', async () => {
    api.db.clock.set('2026-02-27T10:00:00Z');
    const list = await due();
    expect(list.asOf).toBe('2026-02-27');
    expect(statusOf(list)).toEqual({ N1: 'never_counted -', A2: 'overdue 2026-02-06' });
    expect(list.counts).toMatchObject({ never_counted: 1, overdue: 1, due_this_week: 0, not_due: 2 });
  });

  it('on Monday 2 March, the 21st working day, A1 appears on the due list: due this week', async () => {
    api.db.clock.set('2026-03-02T10:00:00Z');
    const list = await due();
    expect(statusOf(list)).toEqual({
      N1: 'never_counted -',
      A2: 'overdue 2026-02-06',
      A1: 'due_this_week 2026-03-02',
    });
    // B1 waits for its 65th working day.
    const all = await due('&status=not_due');
    expect(statusOf(all)).toEqual({ B1: 'not_due 2026-05-01' });
    expect((await due('&planClass=A')).items.map((i) => i.itemCode)).toEqual(['A2', 'A1']);
  });

  it('a day later A1 is overdue', async () => {
    api.db.clock.set('2026-03-03T10:00:00Z');
    expect(statusOf(await due())['A1']).toBe('overdue 2026-03-02');
  });

  it("the continuous inventory lists today's capacity, the never counted position first", async () => {
    const type = await api.call('POST', '/api/inventory-types', {
      code: 'CYCLE',
      method: 'continuous',
      inventoryNumbering: { prefix: 'CY-', width: 3 },
      countListNumbering: { prefix: 'CY-L', width: 4 },
      adjustmentKey: 'INV-ADJ',
      transferKey: 'INV-TRF',
      valueAdjustmentKey: 'INV-VAL',
      valuationPrice: 'inventory',
      reportType: 'single',
      showSystemQuantities: false,
    });
    expect(type.statusCode, type.body).toBe(201);
    const counter = await api.userToken('cy.counter', 'counter');
    const inv = await api.call('POST', '/api/inventories', {
      typeId: type.json().id,
      siteId: ids.site,
      ownerId: ids.owner,
      description: 'Cycle counting 2026',
      responsibleUserId: counter.userId,
    });
    expect(inv.statusCode, inv.body).toBe(201);
    ids.inventory = inv.json().id;
    const first = await api.call('POST', `/api/inventories/${ids.inventory}/count-lists/generate/due`, {});
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ capacity: 2, listedEarlierToday: 0, capacityLeft: 2, positions: 2 });
    const listed = await api.db.ctx.db
      .selectFrom('countListItems as ci')
      .innerJoin('items as i', 'i.id', 'ci.itemId')
      .select('i.code')
      .where('ci.inventoryId', '=', ids.inventory!)
      .orderBy('i.code')
      .execute();
    expect(listed.map((r) => r.code)).toEqual(['A1', 'N1']);
    // The day's capacity is used up: a second try lists nothing.
    const again = await api.call('POST', `/api/inventories/${ids.inventory}/count-lists/generate/due`, {});
    expect(again.json()).toMatchObject({ capacityLeft: 0, positions: 0, lists: [] });
  });

  it('the KPIs show the on-time share per class', async () => {
    const res = await api.call('GET', `/api/count-kpis?siteId=${ids.site}&from=2026-01-01&to=2026-03-31`);
    expect(res.statusCode, res.body).toBe(200);
    const byClass = Object.fromEntries((res.json().classes as { planClass: string }[]).map((c) => [c.planClass, c]));
    expect(byClass.A).toMatchObject({ positions: 2, onTime: 0, onTimePercent: '0.0' });
    expect(byClass.B).toMatchObject({ positions: 1, onTime: 1, onTimePercent: '100.0' });
    expect(byClass.C).toMatchObject({ positions: 1, onTime: 0, onTimePercent: '0.0' });
    expect(byClass.S).toMatchObject({ positions: 0, onTimePercent: null });
  });
});
