// Several counters on one count list: the responsible employee and the assigned counters all see
// the list on the handheld and report on it; reports add up by the report type as ever, each keeping its
// user and device; a counter who is not assigned is refused; an assigned counter undoes only their own reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import { listHandheldLists } from '../../../src/services/counting/handheld-list.service.js';
import { recordScan, type ScanInput } from '../../../src/services/counting/scan.service.js';
import { getCountList, listCountItems, listItemReports } from '../../../src/services/inventory/count-list.service.js';
import { setCountListCounters } from '../../../src/services/inventory/list-admin.service.js';
import { reportCount } from '../../../src/services/inventory/report.service.js';
import { undoCountReport } from '../../../src/services/inventory/undo-report.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import {
  errorOf,
  makeActor,
  makeCountingWorld,
  makeOpenInventory,
  makeStructuredList,
  type Inv,
  type List,
  type World,
} from './fixtures.js';

let t: TestDb;
let w: World;
let inv: Inv;
let list: List;
let lines: Awaited<ReturnType<typeof makeStructuredList>>['lines'];
let resp: Actor;
let c1: Actor;
let c2: Actor;
let stranger: Actor;
let manager: Actor;

const scan = (who: Actor, id: string, input: Partial<ScanInput>) =>
  recordScan(t.ctx, who, {
    listId: list.id,
    clientReportId: id,
    bin: '01-01',
    itemCode: w.screws.code,
    mode: 'add',
    ...input,
  });
const line = async (id: string) =>
  (
    await t.ctx.db
      .selectFrom('countListItems')
      .select('reportedQuantity')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).reportedQuantity;

beforeAll(async () => {
  t = await freshDb();
  w = await makeCountingWorld(t.ctx.db);
  [resp, c1, c2, stranger, manager] = [
    await makeActor(t.ctx.db, 'counter', 'resp'),
    await makeActor(t.ctx.db, 'counter', 'carla'),
    await makeActor(t.ctx.db, 'counter', 'dario'),
    await makeActor(t.ctx.db, 'counter', 'stranger'),
    await makeActor(t.ctx.db, 'manager', 'boss'),
  ];
  await t.ctx.db.updateTable('users').set({ displayName: 'Carla Rossi' }).where('id', '=', c1.userId).execute();
  inv = await makeOpenInventory(t.ctx.db, w, { reportType: 'cumulative' });
  ({ list, lines } = await makeStructuredList(t.ctx.db, w, inv, resp.userId));
  await setCountListCounters(t.ctx, manager, list.id, [c1.userId, c2.userId, c1.userId]);
});
afterAll(async () => {
  await t.close();
});

describe('assigned counters', () => {
  it('the list shows its responsible employee and its counters by name', async () => {
    const v = await getCountList(t.ctx, manager, list.id);
    expect(v).toMatchObject({ responsibleUserId: resp.userId, responsibleName: 'resp', reassignable: true });
    expect(v.counters).toEqual([
      { userId: c1.userId, name: 'Carla Rossi' },
      { userId: c2.userId, name: 'dario' },
    ]);
  });

  it('every assigned counter finds the list in the handheld picker; others do not', async () => {
    for (const who of [resp, c1, c2]) {
      expect(
        (await listHandheldLists(t.ctx, who, { limit: 10, offset: 0 })).items.map((l) => l.id),
        who.username,
      ).toEqual([list.id]);
    }
    expect((await listHandheldLists(t.ctx, stranger, { limit: 10, offset: 0 })).items).toEqual([]);
    // A manager on the handheld counts only lists they are responsible for or assigned to.
    expect((await listHandheldLists(t.ctx, manager, { limit: 10, offset: 0 })).items).toEqual([]);
  });

  it('two counters report the same position: cumulative reports add up, each keeping its user and device', async () => {
    expect(await scan(c1, 'c1-a', { quantity: '12', device: 'HH-01' })).toMatchObject({ status: 'recorded' });
    expect(await scan(c2, 'c2-a', { quantity: '5', device: 'HH-02' })).toMatchObject({ status: 'recorded' });
    expect(await line(lines.screws.id)).toBe('17');
    const reports = await listItemReports(t.ctx, manager, lines.screws.id);
    expect(reports.map((r) => [r.userId, r.userName, r.device, r.quantity, r.resultingQuantity])).toEqual([
      [c1.userId, 'Carla Rossi', 'HH-01', '12', '12'],
      [c2.userId, 'dario', 'HH-02', '5', '17'],
    ]);
  });

  it('an assigned counter reports in the back office too and reads the items', async () => {
    const r = await reportCount(t.ctx, c2, {
      countListId: list.id,
      itemId: w.glue.id,
      warehouseId: w.structured.id,
      binId: w.bin2.id,
      lot: 'L1',
      quantity: '3',
      mode: 'add',
      device: 'desk',
    });
    expect(r).toMatchObject({ status: 'recorded', report: { userId: c2.userId, device: 'desk' } });
    expect((await listCountItems(t.ctx, c1, list.id, { limit: 10, offset: 0 })).items).toHaveLength(2);
  });

  it('a counter who is not assigned is refused everywhere as if the list did not exist (not_found)', async () => {
    expect(await errorOf(scan(stranger, 's-1', { quantity: '1' }))).toMatchObject({ code: 'not_found' });
    expect(await errorOf(listCountItems(t.ctx, stranger, list.id, { limit: 10, offset: 0 }))).toMatchObject({
      code: 'not_found',
    });
    expect(
      await errorOf(
        reportCount(t.ctx, stranger, {
          countListId: list.id,
          itemId: w.screws.id,
          warehouseId: w.structured.id,
          binId: w.bin1.id,
          quantity: '1',
          mode: 'add',
        }),
      ),
    ).toMatchObject({ code: 'not_found' });
    expect(await line(lines.screws.id)).toBe('17');
  });

  it('an assigned counter undoes their own reports only; the responsible employee any of the list', async () => {
    expect(await errorOf(undoCountReport(t.ctx, c1, 'c2-a'))).toMatchObject({ code: 'auth.forbidden' });
    expect(await errorOf(undoCountReport(t.ctx, stranger, 'c1-a'))).toMatchObject({ code: 'not_found' });
    expect(await undoCountReport(t.ctx, c2, 'c2-a')).toMatchObject({ alreadyUndone: false, reportedQuantity: '12' });
    expect(await undoCountReport(t.ctx, resp, 'c1-a')).toMatchObject({ alreadyUndone: false, reportedQuantity: null });
    expect(await line(lines.screws.id)).toBeNull();
  });

  it('taking a counter off the list takes the list away from them', async () => {
    await setCountListCounters(t.ctx, manager, list.id, [c2.userId]);
    expect(await errorOf(scan(c1, 'c1-b', { quantity: '1' }))).toMatchObject({ code: 'not_found' });
    expect((await listHandheldLists(t.ctx, c1, { limit: 10, offset: 0 })).items).toEqual([]);
    expect(await scan(c2, 'c2-b', { quantity: '4' })).toMatchObject({ status: 'recorded' });
  });
});
