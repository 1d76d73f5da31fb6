import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import { openCountLists } from '../../../src/services/inventory/open.service.js';
import { reportCount } from '../../../src/services/inventory/report.service.js';
import { setVerificationMark, verifyCountItems } from '../../../src/services/inventory/verify.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import {
  type Base,
  makeActor,
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
const items = (listId: string) =>
  db().selectFrom('countListItems').selectAll().where('countListId', '=', listId).orderBy('lineNo').execute();

describe('verification', () => {
  it('invalidates the reports of marked reported items, reopens them and removes the marks; the list follows', async () => {
    const inv = await makeInventory(db(), base);
    const list = await makeCountList(db(), inv);
    const [a, b] = [await makeItem(db()), await makeItem(db())];
    await makeCountItem(db(), list, inv, { itemId: a.id, warehouseId: places.plain.id });
    await makeCountItem(db(), list, inv, { itemId: b.id, warehouseId: places.plain.id });
    await openCountLists(t.ctx, manager, [list.id]);
    for (const it of [a, b])
      await reportCount(t.ctx, manager, {
        countListId: list.id,
        itemId: it.id,
        warehouseId: places.plain.id,
        quantity: '3',
      });
    const [ia] = await items(list.id);
    await setVerificationMark(t.ctx, manager, ia!.id, true);
    const r = await verifyCountItems(t.ctx, manager, inv.id);
    expect(r).toEqual({ reopenedItems: 1, invalidatedReports: 1, unmarkedItems: 1, newCountListIds: [] });
    const [ra, rb] = await items(list.id);
    expect([ra!.status, ra!.reportedQuantity, ra!.verificationMark]).toEqual(['open', null, false]);
    expect(rb!.status).toBe('reported');
    const reports = await db()
      .selectFrom('countReports')
      .select(['valid', 'invalidatedAt'])
      .where('countListItemId', '=', ia!.id)
      .execute();
    expect(reports).toEqual([{ valid: false, invalidatedAt: expect.any(Date) }]);
    expect(
      (await db().selectFrom('countLists').select('status').where('id', '=', list.id).executeTakeFirstOrThrow()).status,
    ).toBe('partially_reported');
  });

  it('on a bin list the other items of the marked bin are reopened too, other bins stay', async () => {
    const inv = await makeInventory(db(), base);
    const list = await makeCountList(db(), inv, { countType: 'bin', warehouseId: places.wms.id });
    const [a, b, c] = [await makeItem(db()), await makeItem(db()), await makeItem(db())];
    const at = (itemId: string, binId: string) => ({
      itemId,
      warehouseId: places.wms.id,
      zoneId: places.zone.id,
      binId,
    });
    await makeCountItem(db(), list, inv, at(a.id, places.p1.id));
    await makeCountItem(db(), list, inv, at(b.id, places.p1.id));
    await makeCountItem(db(), list, inv, at(c.id, places.p2.id));
    await openCountLists(t.ctx, manager, [list.id]);
    for (const [it, bin] of [
      [a, places.p1],
      [b, places.p1],
      [c, places.p2],
    ] as const) {
      await reportCount(t.ctx, manager, {
        countListId: list.id,
        itemId: it.id,
        warehouseId: places.wms.id,
        binId: bin.id,
        quantity: '1',
      });
    }
    const [ia] = await items(list.id);
    await setVerificationMark(t.ctx, manager, ia!.id, true);
    expect((await verifyCountItems(t.ctx, manager, inv.id, { countListIds: [list.id] })).reopenedItems).toBe(2);
    expect((await items(list.id)).map((i) => i.status)).toEqual(['open', 'open', 'reported']);
  });

  it('marked items of a closed list get new items on a new list when asked', async () => {
    const inv = await makeInventory(db(), base);
    const list = await makeCountList(db(), inv, { status: 'closed' });
    const a = await makeItem(db());
    await makeCountItem(db(), list, inv, {
      itemId: a.id,
      warehouseId: places.plain.id,
      status: 'closed',
      reported: '2',
      mark: true,
    });
    const counter = await makeActor(db(), 'counter');
    await db()
      .insertInto('countListCounters')
      .values({ countListId: list.id, userId: counter.userId, siteId: list.siteId, createdAt: new Date() })
      .execute();
    // Numbered from the inventory's count-list scheme, like generated lists (one allocation for both).
    await db()
      .updateTable('numberSequences')
      .set({ nextValue: '41', prefix: 'RC-', width: 3 })
      .where('code', '=', inv.countListSequenceCode)
      .execute();
    const r = await verifyCountItems(t.ctx, manager, inv.id, { newListForClosedItems: true });
    expect(r.newCountListIds).toHaveLength(1);
    expect(
      (
        await db()
          .selectFrom('countLists')
          .select('number')
          .where('id', '=', r.newCountListIds[0]!)
          .executeTakeFirstOrThrow()
      ).number,
    ).toBe('RC-041');
    expect(
      (
        await db()
          .selectFrom('numberSequences')
          .select('nextValue')
          .where('code', '=', inv.countListSequenceCode)
          .executeTakeFirstOrThrow()
      ).nextValue,
    ).toBe('42');
    const fresh = await items(r.newCountListIds[0]!);
    expect(fresh.map((i) => [i.itemId, i.status, i.targetQuantity])).toEqual([[a.id, 'open', null]]);
    expect((await items(list.id))[0]!).toMatchObject({
      status: 'closed',
      verificationMark: false,
      reportedQuantity: '2',
    });
    // The recount goes to the same counters.
    expect(
      await db()
        .selectFrom('countListCounters')
        .select('userId')
        .where('countListId', '=', r.newCountListIds[0]!)
        .execute(),
    ).toEqual([{ userId: counter.userId }]);
  });

  it('only managers mark and verify', async () => {
    const inv = await makeInventory(db(), base);
    const counter = await makeActor(db(), 'counter');
    await expect(verifyCountItems(t.ctx, counter, inv.id)).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
