// SPEC §4.2–4.5 and §5 as stories: open, count, ask add-or-replace, add what is found, count blind,
// verify and recount. One story per rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.js';
import { listCountItems } from '../../src/services/inventory/count-list.service.js';
import { openCountLists } from '../../src/services/inventory/open.service.js';
import { markAllReported, reportCount } from '../../src/services/inventory/report.service.js';
import { setVerificationMark, verifyCountItems } from '../../src/services/inventory/verify.service.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import {
  type Base,
  type InventoryOptions,
  makeActor,
  makeBalance,
  makeBase,
  makeCountItem,
  makeCountList,
  makeInventory,
  makeItem,
  makePlaces,
} from '../helpers/inventory-factories.js';

let t: TestDb;
let base: Base;
let places: Awaited<ReturnType<typeof makePlaces>>;
let manager: Actor;
let anna: Actor;
beforeAll(async () => {
  t = await freshDb();
  base = await makeBase(t.ctx.db);
  places = await makePlaces(t.ctx.db, base);
  manager = await makeActor(t.ctx.db, 'manager');
  anna = await makeActor(t.ctx.db, 'counter');
});
afterAll(async () => {
  await t.close();
});
const db = () => t.ctx.db;

/** "The system expects 10 pcs of a new item in the plain warehouse; Anna's list is opened." */
async function annasOpenList(o: Partial<InventoryOptions> = {}) {
  const inv = await makeInventory(db(), base, o);
  const item = await makeItem(db());
  await makeBalance(db(), {
    siteId: base.site.id,
    itemId: item.id,
    warehouseId: places.plain.id,
    ownerId: base.owner.id,
    quantity: '10',
  });
  const list = await makeCountList(db(), inv, { responsibleUserId: anna.userId });
  await makeCountItem(db(), list, inv, { itemId: item.id, warehouseId: places.plain.id, target: '999' });
  await openCountLists(t.ctx, manager, [list.id]);
  const report = (quantity: string, mode?: 'add' | 'replace') =>
    reportCount(t.ctx, anna, {
      countListId: list.id,
      itemId: item.id,
      warehouseId: places.plain.id,
      quantity,
      ...(mode ? { mode } : {}),
    });
  return { inv, item, list, report };
}

describe('counting stories', () => {
  it('opening re-reads the target: generated with 999, the stock says 10', async () => {
    const { list } = await annasOpenList();
    const [row] = (await listCountItems(t.ctx, manager, list.id, { limit: 5, offset: 0 })).items;
    expect(row!.targetQuantity).toBe('10');
  });

  it('Anna counts 6, then 4 more: she is asked add or replace, "add" preselected on a cumulative inventory, and ends at 10', async () => {
    const { report } = await annasOpenList({ reportType: 'cumulative' });
    await report('6');
    expect(await report('4')).toMatchObject({ status: 'decision_needed', previousQuantity: '6', suggestedMode: 'add' });
    expect(await report('4', 'add')).toMatchObject({ status: 'recorded', item: { reportedQuantity: '10' } });
  });

  it('on a single-report inventory a new report replaces the old one', async () => {
    const { report } = await annasOpenList({ reportType: 'single' });
    await report('6');
    expect(await report('9', 'replace')).toMatchObject({ status: 'recorded', item: { reportedQuantity: '9' } });
  });

  it("blind counting: Anna never sees the 10, not even in her report's answer", async () => {
    const { list, report } = await annasOpenList({ showSystemQuantities: false });
    expect((await listCountItems(t.ctx, anna, list.id, { limit: 5, offset: 0 })).items[0]!.targetQuantity).toBeNull();
    const r = await report('7');
    expect(r.status === 'recorded' && r.item.targetQuantity).toBeNull();
  });

  it('an item Anna finds that nobody expected is added to her article list', async () => {
    const { list } = await annasOpenList();
    const stray = await makeItem(db());
    const r = await reportCount(t.ctx, anna, {
      countListId: list.id,
      itemId: stray.id,
      warehouseId: places.plain.id,
      quantity: '2',
    });
    expect(r).toMatchObject({ status: 'recorded', added: true, item: { addedByCount: true, reportedQuantity: '2' } });
  });

  it("Bruno may not report on Anna's list: to him it does not exist", async () => {
    const { list, item } = await annasOpenList();
    const bruno = await makeActor(db(), 'counter');
    await expect(
      reportCount(t.ctx, bruno, { countListId: list.id, itemId: item.id, warehouseId: places.plain.id, quantity: '1' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('"mark all as reported" confirms the unchanged quantities — unless single reporting is required, or the list is blind', async () => {
    const free = await annasOpenList({ singleReportingRequired: false, showSystemQuantities: true });
    expect(await markAllReported(t.ctx, anna, free.list.id)).toEqual({ reported: 1 });
    const strict = await annasOpenList({ singleReportingRequired: true, showSystemQuantities: true });
    await expect(markAllReported(t.ctx, anna, strict.list.id)).rejects.toMatchObject({
      code: 'count.single_reporting_required',
    });
    // Blind: nothing is proposed, so there is nothing to confirm — and the targets must not become Anna's reports.
    const blind = await annasOpenList({ singleReportingRequired: false, showSystemQuantities: false });
    await expect(markAllReported(t.ctx, anna, blind.list.id)).rejects.toMatchObject({ code: 'count.blind_mark_all' });
  });

  it('a doubtful count is verified: the report becomes invalid, the item is recounted from scratch', async () => {
    const { inv, list, report } = await annasOpenList();
    const first = await report('3');
    await setVerificationMark(t.ctx, manager, first.status === 'recorded' ? first.item.id : '', true);
    await verifyCountItems(t.ctx, manager, inv.id, { countListIds: [list.id] });
    const items = (await listCountItems(t.ctx, manager, list.id, { limit: 5, offset: 0 })).items;
    expect(items[0]).toMatchObject({ status: 'open', reportedQuantity: null, verificationMark: false });
    expect(await report('10')).toMatchObject({
      status: 'recorded',
      report: { previousQuantity: null },
      item: { reportedQuantity: '10' },
    });
  });
});
