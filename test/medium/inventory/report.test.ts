import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import { listCountItems } from '../../../src/services/inventory/count-list.service.js';
import { openCountLists } from '../../../src/services/inventory/open.service.js';
import { importCounts } from '../../../src/services/inventory/report-import.service.js';
import { markAllReported, reportCount } from '../../../src/services/inventory/report.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
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
} from '../../helpers/inventory-factories.js';

let t: TestDb;
let base: Base;
let places: Awaited<ReturnType<typeof makePlaces>>;
let manager: Actor;
let counter: Actor;
beforeAll(async () => {
  t = await freshDb();
  base = await makeBase(t.ctx.db);
  places = await makePlaces(t.ctx.db, base);
  manager = await makeActor(t.ctx.db, 'manager');
  counter = await makeActor(t.ctx.db, 'counter');
});
afterAll(async () => {
  await t.close();
});
const db = () => t.ctx.db;

/** An open article list in the unstructured warehouse with `n` items of 10 pcs each, assigned to `counter`. */
async function openArticleList(o: Partial<InventoryOptions> = {}, n = 1) {
  const inv = await makeInventory(db(), base, o);
  const list = await makeCountList(db(), inv, { responsibleUserId: counter.userId });
  const items = [];
  for (let i = 0; i < n; i++) {
    const it = await makeItem(db());
    await makeBalance(db(), {
      siteId: base.site.id,
      itemId: it.id,
      warehouseId: places.plain.id,
      ownerId: base.owner.id,
      quantity: '10',
    });
    await makeCountItem(db(), list, inv, { itemId: it.id, warehouseId: places.plain.id });
    items.push(it);
  }
  await openCountLists(t.ctx, manager, [list.id]);
  return { inv, list, items };
}

const statusOf = async (id: string) =>
  (await db().selectFrom('countLists').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('reporting', () => {
  it('single reporting replaces, and a repeat without a mode asks add-or-replace (handheld)', async () => {
    const { list, items } = await openArticleList({ reportType: 'single' }, 2);
    const input = { countListId: list.id, itemId: items[0]!.id, warehouseId: places.plain.id };
    const first = await reportCount(t.ctx, counter, { ...input, quantity: '7' });
    expect(first).toMatchObject({
      status: 'recorded',
      report: { mode: 'replace', resultingQuantity: '7' },
      item: { reportedQuantity: '7', status: 'reported' },
    });
    expect(await statusOf(list.id)).toBe('partially_reported');
    expect(await reportCount(t.ctx, counter, { ...input, quantity: '2' })).toEqual({
      status: 'decision_needed',
      countListItemId: first.status === 'recorded' ? first.item.id : '',
      previousQuantity: '7',
      suggestedMode: 'replace',
    });
    const added = await reportCount(t.ctx, counter, { ...input, quantity: '2', mode: 'add' });
    expect(added).toMatchObject({
      status: 'recorded',
      report: { previousQuantity: '7', resultingQuantity: '9', mode: 'add' },
    });
    await reportCount(t.ctx, counter, { ...input, itemId: items[1]!.id, quantity: '10' });
    expect(await statusOf(list.id)).toBe('completely_reported');
  });

  it('the list status follows each report without counting lines: informational lines never hold it open', async () => {
    const inv = await makeInventory(db(), base, { reportType: 'single', showSystemQuantities: true });
    const list = await makeCountList(db(), inv, { responsibleUserId: counter.userId });
    const [a, b, info] = [await makeItem(db()), await makeItem(db()), await makeItem(db())];
    for (const it of [a, b]) await makeCountItem(db(), list, inv, { itemId: it.id, warehouseId: places.plain.id });
    await makeCountItem(db(), list, inv, { itemId: info.id, warehouseId: places.plain.id, informational: true });
    await openCountLists(t.ctx, manager, [list.id]);
    const one = await reportCount(t.ctx, manager, {
      countListId: list.id,
      itemId: a.id,
      warehouseId: places.plain.id,
      quantity: '3',
    });
    expect(await statusOf(list.id)).toBe('partially_reported');
    // The view a report returns is the read model's view of the same line.
    const page = await listCountItems(t.ctx, manager, list.id, { limit: 10, offset: 0 });
    expect(one.status === 'recorded' && one.item).toEqual(page.items.find((i) => i.itemId === a.id));
    await reportCount(t.ctx, manager, {
      countListId: list.id,
      itemId: b.id,
      warehouseId: places.plain.id,
      quantity: '0',
    });
    expect(await statusOf(list.id)).toBe('completely_reported');
    // Reporting again keeps it complete.
    await reportCount(t.ctx, manager, {
      countListId: list.id,
      itemId: b.id,
      warehouseId: places.plain.id,
      quantity: '1',
      mode: 'replace',
    });
    expect(await statusOf(list.id)).toBe('completely_reported');
  });

  it('cumulative reporting adds; in the back office a missing mode means the report type', async () => {
    const { list, items } = await openArticleList({ reportType: 'cumulative' });
    const input = { countListId: list.id, itemId: items[0]!.id, warehouseId: places.plain.id };
    await reportCount(t.ctx, manager, { ...input, quantity: '4' }, { missingMode: 'report_type' });
    const r = await reportCount(t.ctx, manager, { ...input, quantity: '3' }, { missingMode: 'report_type' });
    expect(r).toMatchObject({ status: 'recorded', item: { reportedQuantity: '7' } });
  });

  it('a retried report (same client id) is recorded once and returns the first result', async () => {
    const { list, items } = await openArticleList({ reportType: 'cumulative' });
    const input = {
      countListId: list.id,
      itemId: items[0]!.id,
      warehouseId: places.plain.id,
      quantity: '4',
      mode: 'add' as const,
      clientReportId: `c-${list.id}`,
    };
    const a = await reportCount(t.ctx, counter, input);
    const b = await reportCount(t.ctx, counter, input);
    expect(b).toMatchObject({ status: 'recorded', duplicate: true, item: { reportedQuantity: '4' } });
    expect(a.status === 'recorded' && b.status === 'recorded' && a.report.id === b.report.id).toBe(true);
    expect(
      await db().selectFrom('countReports').select('id').where('countListId', '=', list.id).execute(),
    ).toHaveLength(1);
  });

  it('only the responsible employee or a manager reports on a list', async () => {
    const { list, items } = await openArticleList();
    const other = await makeActor(db(), 'counter');
    // A counter of another list is told what a missing list answers.
    await expect(
      reportCount(t.ctx, other, {
        countListId: list.id,
        itemId: items[0]!.id,
        warehouseId: places.plain.id,
        quantity: '1',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('adds an item found that is not on the list, locked like the rest', async () => {
    const { list } = await openArticleList();
    const found = await makeItem(db());
    const r = await reportCount(t.ctx, counter, {
      countListId: list.id,
      itemId: found.id,
      warehouseId: places.plain.id,
      quantity: '2',
    });
    expect(r).toMatchObject({ status: 'recorded', added: true, item: { addedByCount: true, reportedQuantity: '2' } });
    const lock = await db()
      .selectFrom('stockLocks')
      .select('id')
      .where('countListId', '=', list.id)
      .where('itemId', '=', found.id)
      .execute();
    expect(lock).toHaveLength(1);
  });

  // count_list_items has no foreign keys to master data (migration 0071): the service is the check.
  it('refuses a found item at a place or of an item that does not exist, adding nothing', async () => {
    const { list } = await openArticleList();
    const item = await makeItem(db());
    const report = (o: { itemId?: string; warehouseId?: string; zoneId?: string; binId?: string }) =>
      reportCount(t.ctx, counter, {
        countListId: list.id,
        itemId: item.id,
        warehouseId: places.plain.id,
        quantity: '1',
        ...o,
      });
    await expect(report({ itemId: '999999' })).rejects.toMatchObject({ code: 'not_found', field: 'itemId' });
    await expect(report({ warehouseId: '999999' })).rejects.toMatchObject({ code: 'not_found', field: 'warehouseId' });
    await expect(report({ warehouseId: places.wms.id, zoneId: '999999' })).rejects.toMatchObject({
      code: 'not_found',
      field: 'zoneId',
    });
    await expect(report({ zoneId: places.diffZone.id })).rejects.toMatchObject({
      code: 'validation.failed',
      field: 'zoneId',
    });
    await expect(report({ warehouseId: places.wms.id, binId: '999999' })).rejects.toMatchObject({
      code: 'not_found',
      field: 'binId',
    });
    expect(
      await db()
        .selectFrom('countListItems')
        .select('id')
        .where('countListId', '=', list.id)
        .where('addedByCount', '=', true)
        .execute(),
    ).toHaveLength(0);
  });

  it('an item on another open list of the inventory is not added: the counter is told which list', async () => {
    const { inv, list } = await openArticleList();
    const elsewhere = await makeItem(db());
    const other = await makeCountList(db(), inv, { number: 'OTHER-7' });
    await makeCountItem(db(), other, inv, { itemId: elsewhere.id, warehouseId: places.plain.id });
    await expect(
      reportCount(t.ctx, counter, {
        countListId: list.id,
        itemId: elsewhere.id,
        warehouseId: places.plain.id,
        quantity: '1',
      }),
    ).rejects.toMatchObject({ code: 'count.on_other_list', params: { countListNumber: 'OTHER-7' } });
  });

  it('bin lists: a bin is required, anything found in a counted bin is added, other bins are refused', async () => {
    const inv = await makeInventory(db(), base);
    const list = await makeCountList(db(), inv, {
      countType: 'bin',
      responsibleUserId: counter.userId,
      warehouseId: places.wms.id,
    });
    await makeCountItem(db(), list, inv, {
      itemId: null,
      warehouseId: places.wms.id,
      zoneId: places.zone.id,
      binId: places.p1.id,
    });
    await openCountLists(t.ctx, manager, [list.id]);
    const a = await makeItem(db());
    const at = (binId: string | null) => ({
      countListId: list.id,
      itemId: a.id,
      warehouseId: places.wms.id,
      binId,
      quantity: '3',
    });
    await expect(reportCount(t.ctx, counter, at(null))).rejects.toMatchObject({ code: 'count.bin_required' });
    await expect(reportCount(t.ctx, counter, at(places.p2.id))).rejects.toMatchObject({
      code: 'count.place_not_on_list',
    });
    expect(await reportCount(t.ctx, counter, at(places.p1.id))).toMatchObject({
      status: 'recorded',
      added: true,
      item: { zoneId: places.zone.id },
    });
    // The empty-bin placeholder is gone once the bin holds a counted item.
    const rows = await db().selectFrom('countListItems').select('itemId').where('countListId', '=', list.id).execute();
    expect(rows.map((r) => r.itemId)).toEqual([a.id]);
  });

  it('serials are counted as 0 or 1; lots are required for lot items', async () => {
    const inv = await makeInventory(db(), base);
    const list = await makeCountList(db(), inv, { responsibleUserId: counter.userId });
    const s = await makeItem(db(), { serialManagement: true });
    const l = await makeItem(db(), { lotManagement: 'yes' });
    await makeCountItem(db(), list, inv, { itemId: s.id, warehouseId: places.plain.id, serial: 'SN1' });
    await openCountLists(t.ctx, manager, [list.id]);
    await expect(
      reportCount(t.ctx, counter, {
        countListId: list.id,
        itemId: s.id,
        warehouseId: places.plain.id,
        serial: 'SN1',
        quantity: '2',
      }),
    ).rejects.toMatchObject({ code: 'count.serial_quantity' });
    await expect(
      reportCount(t.ctx, counter, { countListId: list.id, itemId: l.id, warehouseId: places.plain.id, quantity: '2' }),
    ).rejects.toMatchObject({ code: 'item.lot_required', field: 'lot' });
  });

  it('reporting needs an open list', async () => {
    const inv = await makeInventory(db(), base);
    const list = await makeCountList(db(), inv);
    const a = await makeItem(db());
    await expect(
      reportCount(t.ctx, manager, { countListId: list.id, itemId: a.id, warehouseId: places.plain.id, quantity: '1' }),
    ).rejects.toMatchObject({ code: 'count.not_open' });
  });
});

describe('mark all as reported', () => {
  it('confirms the target of every open item, beyond any page', async () => {
    const { list } = await openArticleList({ showSystemQuantities: true }, 3);
    expect(await markAllReported(t.ctx, counter, list.id)).toEqual({ reported: 3 });
    const items = await db()
      .selectFrom('countListItems')
      .select(['reportedQuantity', 'status'])
      .where('countListId', '=', list.id)
      .execute();
    expect(items.every((i) => i.reportedQuantity === '10' && i.status === 'reported')).toBe(true);
    const reports = await db().selectFrom('countReports').select('mode').where('countListId', '=', list.id).execute();
    expect(reports.map((r) => r.mode)).toEqual(['mark_all', 'mark_all', 'mark_all']);
    expect(await statusOf(list.id)).toBe('completely_reported');
  });

  it('is refused when single reporting is required', async () => {
    const { list } = await openArticleList({ singleReportingRequired: true, showSystemQuantities: true });
    await expect(markAllReported(t.ctx, manager, list.id)).rejects.toMatchObject({
      code: 'count.single_reporting_required',
    });
  });

  it('is refused on blind lists, for the counter and the manager alike; nothing is written', async () => {
    const { list } = await openArticleList({ showSystemQuantities: false }, 2);
    for (const who of [counter, manager]) {
      await expect(markAllReported(t.ctx, who, list.id)).rejects.toMatchObject({
        code: 'count.blind_mark_all',
        params: { countListNumber: list.number },
      });
    }
    const items = await db()
      .selectFrom('countListItems')
      .select(['reportedQuantity', 'status'])
      .where('countListId', '=', list.id)
      .execute();
    expect(items).toEqual([
      { reportedQuantity: null, status: 'open' },
      { reportedQuantity: null, status: 'open' },
    ]);
    expect(await db().selectFrom('countReports').select('id').where('countListId', '=', list.id).execute()).toEqual([]);
    expect(await statusOf(list.id)).toBe('open');
  });
});

describe('blind counting', () => {
  it('a counter never receives targets; a manager does; shown quantities are proposed', async () => {
    const blind = await openArticleList({ showSystemQuantities: false });
    const [c] = (await listCountItems(t.ctx, counter, blind.list.id, { limit: 10, offset: 0 })).items;
    expect(c).toMatchObject({ targetQuantity: null, proposedQuantity: null });
    const [m] = (await listCountItems(t.ctx, manager, blind.list.id, { limit: 10, offset: 0 })).items;
    expect(m!.targetQuantity).toBe('10');
    const r = await reportCount(t.ctx, counter, {
      countListId: blind.list.id,
      itemId: blind.items[0]!.id,
      warehouseId: places.plain.id,
      quantity: '3',
    });
    expect(r.status === 'recorded' && r.item.targetQuantity).toBe(null);
    const shown = await openArticleList({ showSystemQuantities: true, reportType: 'single' });
    expect((await listCountItems(t.ctx, counter, shown.list.id, { limit: 10, offset: 0 })).items[0]).toMatchObject({
      targetQuantity: '10',
      proposedQuantity: '10',
    });
  });
});

describe('count import', () => {
  it('reports many items in one batch; cumulative adds to what was counted', async () => {
    const { list, items } = await openArticleList({ reportType: 'cumulative' }, 3);
    await reportCount(t.ctx, counter, {
      countListId: list.id,
      itemId: items[0]!.id,
      warehouseId: places.plain.id,
      quantity: '1',
    });
    const rows = items.map((it) => ({ itemId: it.id, warehouseId: places.plain.id, quantity: '5' }));
    expect(await importCounts(t.ctx, manager, list.id, rows)).toEqual({ reported: 3 });
    const got = await db()
      .selectFrom('countListItems')
      .select('reportedQuantity')
      .where('countListId', '=', list.id)
      .orderBy('lineNo')
      .execute();
    expect(got.map((g) => g.reportedQuantity)).toEqual(['6', '5', '5']);
    expect(await statusOf(list.id)).toBe('completely_reported');
  });

  it('refuses the whole import naming unknown or duplicate rows', async () => {
    const { list, items } = await openArticleList({}, 1);
    const stranger = await makeItem(db());
    await expect(
      importCounts(t.ctx, manager, list.id, [
        { itemId: items[0]!.id, warehouseId: places.plain.id, quantity: '1' },
        { itemId: stranger.id, warehouseId: places.plain.id, quantity: '1' },
      ]),
    ).rejects.toMatchObject({ code: 'count.import_unknown_position', field: 'rows.1' });
    await expect(
      importCounts(t.ctx, manager, list.id, [
        { itemId: items[0]!.id, warehouseId: places.plain.id, quantity: '1' },
        { itemId: items[0]!.id, warehouseId: places.plain.id, quantity: '2' },
      ]),
    ).rejects.toMatchObject({ code: 'count.import_duplicate' });
    expect(
      await db().selectFrom('countReports').select('id').where('countListId', '=', list.id).execute(),
    ).toHaveLength(0);
  });
});
