// "Bin empty" on the handheld: a bin list's "(empty bin)" line is confirmed with 0, exactly once per
// clientReportId; a bin that expects items (or article lists) is refused with the field `bin`; the list is
// completely reported once every line, the empty bin's too, has a report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import { confirmEmptyBin, recordScan } from '../../../src/services/counting/scan.service.js';
import { makeBin } from '../../helpers/factories.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import {
  errorOf,
  makeActor,
  makeCountingWorld,
  makeLine,
  makeList,
  makeOpenInventory,
  type Inv,
  type List,
  type World,
} from './fixtures.js';

let t: TestDb;
let w: World;
let inv: Inv;
let list: List;
let counter: Actor;
let emptyLineId: string;

beforeAll(async () => {
  t = await freshDb();
  w = await makeCountingWorld(t.ctx.db);
  counter = await makeActor(t.ctx.db, 'counter');
  inv = await makeOpenInventory(t.ctx.db, w);
  list = await makeList(t.ctx.db, inv, {
    responsibleUserId: counter.userId,
    warehouseId: w.structured.id,
    countType: 'bin',
  });
  const empty = await makeBin(t.ctx.db, w.site.id, w.structured.id, w.zone.id, {
    code: '01-09',
    place: '09',
    rowNo: '01',
    barcode: 'BIN0109',
  });
  await makeLine(t.ctx.db, list, inv, {
    itemId: w.screws.id,
    warehouseId: w.structured.id,
    zoneId: w.zone.id,
    binId: w.bin1.id,
    target: '30',
  });
  emptyLineId = (
    await makeLine(t.ctx.db, list, inv, {
      itemId: null,
      warehouseId: w.structured.id,
      zoneId: w.zone.id,
      binId: empty.id,
      target: null,
    })
  ).id;
});
afterAll(async () => {
  await t.close();
});

const listStatus = async () =>
  (await t.ctx.db.selectFrom('countLists').select('status').where('id', '=', list.id).executeTakeFirstOrThrow()).status;

describe('confirmEmptyBin', () => {
  it('refuses a bin whose lines expect items, naming the bin field, and writes nothing', async () => {
    expect(
      await errorOf(confirmEmptyBin(t.ctx, counter, { listId: list.id, clientReportId: 'e0', bin: 'BIN0101' })),
    ).toMatchObject({ code: 'count.place_not_on_list', field: 'bin' });
    expect(await t.ctx.db.selectFrom('countReports').select('id').execute()).toHaveLength(0);
  });

  it('confirms the empty bin by its barcode with 0, once per clientReportId', async () => {
    const r = await confirmEmptyBin(t.ctx, counter, {
      listId: list.id,
      clientReportId: 'e1',
      bin: 'BIN0109',
      device: 'phone',
    });
    expect(r).toMatchObject({
      status: 'recorded',
      duplicate: false,
      binCode: '01-09',
      line: { id: emptyLineId, status: 'reported', reportedQuantity: '0' },
    });
    const again = await confirmEmptyBin(t.ctx, counter, { listId: list.id, clientReportId: 'e1', bin: 'BIN0109' });
    expect(again.duplicate).toBe(true);
    expect(
      await t.ctx.db.selectFrom('countReports').select('id').where('countListItemId', '=', emptyLineId).execute(),
    ).toHaveLength(1);
    expect(await listStatus()).toBe('partially_reported');
  });

  it('with the occupied bin counted too, the list is completely reported (closable)', async () => {
    await recordScan(t.ctx, counter, {
      listId: list.id,
      clientReportId: 's1',
      bin: '01-01',
      itemCode: w.screws.code,
      quantity: '30',
    });
    expect(await listStatus()).toBe('completely_reported');
  });

  it('refuses an unknown bin and another counter', async () => {
    expect(
      await errorOf(confirmEmptyBin(t.ctx, counter, { listId: list.id, clientReportId: 'e2', bin: 'NOPE' })),
    ).toMatchObject({ code: 'not_found', field: 'bin' });
    const other = { ...counter, userId: '999999', username: 'other' };
    expect(
      await errorOf(confirmEmptyBin(t.ctx, other, { listId: list.id, clientReportId: 'e3', bin: 'BIN0109' })),
    ).toMatchObject({ code: 'not_found' });
  });
});
