// "Count cycle reached" under the site's count plan, in the generation's SQL and in its pure reference: an
// item without cycle days of its own is due when its last count is older than its class's interval in working
// days (A 12 a year: 21); an own cycle still wins; a class the plan does not count is never due; slow movers
// take their own class. Article lists (unstructured warehouse) and bin lists (structured zone) both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCountPlan, dueIfCountedBefore, type PlanClass } from '../../../src/domain/inventory/count-plan.js';
import { normaliseParams, selectPositions, type StockRow } from '../../../src/domain/inventory/generation.js';
import { putCountPlan } from '../../../src/services/cycle/count-plan.service.js';
import { previewGeneration } from '../../../src/services/inventory/generation.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeBin, makeItem, makeWarehouse, makeZone } from '../../helpers/factories.js';
import { addBalance, admin, makeInventory, makeOrg, type Org } from '../inventory/generation-fixture.js';

let t: TestDb;
let org: Org;
let inventoryId: string;
let wh: string;
const TODAY = '2026-03-02';
// [code, class, own cycle days, last counted]
const ITEMS: [string, 'A' | 'B' | 'C', number, string | null][] = [
  ['A-DUE', 'A', 0, '2026-01-30'], // 21st working day after: 2 March → due
  ['A-NOT', 'A', 0, '2026-02-02'], // due 3 March → not yet
  ['A-OWN', 'A', 40, '2026-01-30'], // own 40 days: 11 March → not yet, whatever the plan says
  ['B-NOT', 'B', 0, '2026-01-30'],
  ['C-NEW', 'C', 0, null], // never counted → due
  ['B-OFF', 'B', 0, null], // slow mover (no movement), slow movers not counted → not due
];
const rows: StockRow[] = [];

beforeAll(async () => {
  t = await freshDb();
  t.clock.set(`${TODAY}T10:00:00Z`);
  org = await makeOrg(t);
  const db = t.ctx.db;
  wh = (await makeWarehouse(db, org.siteId, { code: 'U1' })).id;
  const hb = (await makeWarehouse(db, org.siteId, { code: 'HB', kind: 'structured' })).id;
  const rack = (await makeZone(db, org.siteId, hb, { code: 'R', structured: true })).id;
  let n = 0;
  for (const [code, abcClass, countCycleDays, lastCountedDate] of ITEMS) {
    const item = await makeItem(db, { code });
    await db.updateTable('items').set({ abcClass, countCycleDays }).where('id', '=', item.id).execute();
    await addBalance(db, org.siteId, {
      itemId: item.id,
      warehouseId: wh,
      ownerId: org.ownerId,
      quantity: '3',
      lastCountedDate,
    });
    const bin = await makeBin(db, org.siteId, hb, rack, {
      code: `R-01-1-0${++n}`,
      aisle: 'R',
      rowNo: '01',
      levelNo: '1',
      place: `0${n}`,
    });
    await addBalance(db, org.siteId, {
      itemId: item.id,
      warehouseId: hb,
      zoneId: rack,
      binId: bin.id,
      ownerId: org.ownerId,
      quantity: '3',
      lastCountedDate,
    });
    rows.push({
      itemId: item.id,
      warehouseId: wh,
      zoneId: null,
      binId: null,
      lot: '',
      serial: '',
      ownerId: org.ownerId,
      quantity: '3',
      everNonzero: true,
      lastCountedDate,
      movementsSinceCount: 0,
    });
    // Every item but B-OFF moved lately in both warehouses; B-OFF is a slow mover.
    if (code !== 'B-OFF')
      for (const w of [wh, hb])
        await db
          .insertInto('stockLedger')
          .values({
            siteId: org.siteId,
            keyCode: 'RCPT',
            itemId: item.id,
            warehouseId: w,
            ownerId: org.ownerId,
            quantity: '0',
            value: '0',
            unitPrice: '0',
            postingDate: '2026-02-20',
            originType: 'manual',
            createdAt: new Date(),
          })
          .execute();
  }
  await putCountPlan(t.ctx, admin, {
    siteId: org.siteId,
    countsA: 12,
    countsB: 4,
    countsC: 1,
    dailyCapacity: 10,
    slowMoverDays: 60,
    slowMoverCounts: 0,
  });
  inventoryId = (await makeInventory(t, org, 'continuous')).id;
});
afterAll(async () => {
  await t.close();
});

const listed = async (countType: 'article' | 'bin') => {
  const r = await previewGeneration(t.ctx, admin, inventoryId, { countType, countSetting: 'count_cycle' });
  return r.positions;
};

describe('count cycle reached under the count plan', () => {
  it('article lists: A-DUE and the never counted C item', async () => {
    expect(await listed('article')).toBe(2);
  });

  it('bin lists: the same items, in their bins', async () => {
    expect(await listed('bin')).toBe(2);
  });

  it('the pure reference lists the same positions with the plan cut-offs', async () => {
    const plan = parseCountPlan({
      countsA: 12,
      countsB: 4,
      countsC: 1,
      dailyCapacity: 10,
      slowMoverDays: 60,
      slowMoverCounts: 0,
    });
    const items = await t.ctx.db.selectFrom('items').select(['id', 'code', 'abcClass', 'countCycleDays']).execute();
    const before = new Map<string, string>();
    for (const i of items) {
      const cls: PlanClass = i.code === 'B-OFF' ? 'S' : ((i.abcClass ?? 'C') as PlanClass);
      const d = dueIfCountedBefore(plan, cls, TODAY);
      if (d !== null && i.countCycleDays === 0) before.set(`${i.id}|${wh}`, d);
    }
    const p = normaliseParams('continuous', { countType: 'article', countSetting: 'count_cycle', warehouseIds: [wh] });
    const sel = selectPositions(
      p,
      {
        warehouses: [{ id: wh, code: 'U1', kind: 'unstructured', responsibleUserId: null }],
        zones: [],
        bins: [],
        items: items.map((i) => ({
          id: i.id,
          code: i.code,
          includeInInventory: true,
          countCycleDays: i.countCycleDays,
          thresholdQuantity: '0',
          movementCountThreshold: 0,
          stockAccountClassification: null,
          classification1: null,
          classification2: null,
          classification3: null,
          classification4: null,
          classification5: null,
        })),
        stock: rows,
        onOtherLists: [],
      },
      { ownerId: org.ownerId, fiscalYearStart: '2026-01-01', today: TODAY, planDueBefore: before },
    );
    const code = new Map(items.map((i) => [i.id, i.code]));
    expect(sel.positions.map((x) => code.get(x.itemId!)).sort()).toEqual(['A-DUE', 'C-NEW']);
    const sqlPreview = await previewGeneration(t.ctx, admin, inventoryId, {
      countType: 'article',
      countSetting: 'count_cycle',
      warehouseIds: [wh],
    });
    expect(sqlPreview.positions).toBe(sel.positions.length);
  });

  it('without a plan, only own cycle days count (as before cycle counting)', async () => {
    await t.ctx.db.deleteFrom('countPlans').execute();
    // A-OWN: counted 30 January + 40 days = 11 March, not yet; nothing else has cycle days.
    expect(await listed('article')).toBe(0);
  });
});
