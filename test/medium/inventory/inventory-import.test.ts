// A whole inventory's counts in one import: rows find their positions on whichever live list holds them,
// in batches, in one transaction — all reported and every list's status following its items, or nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import { importInventoryCounts } from '../../../src/services/inventory/inventory-import.service.js';
import { openCountLists } from '../../../src/services/inventory/open.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import {
  type Base,
  type Places,
  makeBalance,
  makeCountItem,
  makeCountList,
  makeCountingSetup,
  makeInventory,
  makeItem,
} from '../../helpers/inventory-factories.js';

let t: TestDb;
let base: Base;
let places: Places;
let manager: Actor;
let counter: Actor;
beforeAll(async () => {
  t = await freshDb();
  ({ base, places, manager, counter } = await makeCountingSetup(t.ctx.db));
});
afterAll(async () => {
  await t.close();
});
const db = () => t.ctx.db;

/** An open inventory with two open article lists of two items each (10 pcs on hand per item). */
async function twoLists() {
  const inv = await makeInventory(db(), base, { reportType: 'single' });
  const lists = [];
  const items = [];
  for (let l = 0; l < 2; l++) {
    const list = await makeCountList(db(), inv, { responsibleUserId: counter.userId });
    for (let i = 0; i < 2; i++) {
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
    lists.push(list);
  }
  await openCountLists(
    t.ctx,
    manager,
    lists.map((l) => l.id),
  );
  return { inv, lists, items };
}
const statusOf = async (id: string) =>
  (await db().selectFrom('countLists').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const row = (itemId: string, quantity: string) => ({ itemId, warehouseId: places.plain.id, quantity });

describe('inventory-wide count import', () => {
  it('reports rows of several lists given in batches, and each list follows its items', async () => {
    const { inv, lists, items } = await twoLists();
    const r = await importInventoryCounts(t.ctx, manager, inv.id, [
      [row(items[0]!.id, '9'), row(items[2]!.id, '10')],
      [row(items[3]!.id, '11')],
    ]);
    expect(r.reported).toBe(3);
    expect(r.lists.map((l) => [l.countListId, l.status])).toEqual([
      [lists[0]!.id, 'partially_reported'],
      [lists[1]!.id, 'completely_reported'],
    ]);
    expect(await statusOf(lists[1]!.id)).toBe('completely_reported');
    const got = await db()
      .selectFrom('countListItems')
      .select(['itemId', 'reportedQuantity'])
      .where('inventoryId', '=', inv.id)
      .where('status', '=', 'reported')
      .orderBy('itemId')
      .execute();
    expect(got.map((g) => g.reportedQuantity)).toEqual(['9', '10', '11']);
    const reports = await db()
      .selectFrom('countReports')
      .select(['countListId', 'quantity', 'userId'])
      .where(
        'countListId',
        'in',
        lists.map((l) => l.id),
      )
      .execute();
    expect(reports).toHaveLength(3);
    expect(reports.every((x) => x.userId === manager.userId)).toBe(true);
  });

  it('refuses the whole import naming the first bad row (global row number across batches), writing nothing', async () => {
    const { inv, lists, items } = await twoLists();
    const stranger = await makeItem(db());
    await expect(
      importInventoryCounts(t.ctx, manager, inv.id, [
        [row(items[0]!.id, '1')],
        [row(items[1]!.id, '1'), row(stranger.id, '1')],
      ]),
    ).rejects.toMatchObject({ code: 'count.import_unknown_position', field: 'rows.2' });
    await expect(
      importInventoryCounts(t.ctx, manager, inv.id, [[row(items[0]!.id, '1'), row(items[0]!.id, '2')]]),
    ).rejects.toMatchObject({ code: 'count.import_duplicate' });
    await expect(importInventoryCounts(t.ctx, manager, inv.id, [[row(items[0]!.id, '1.5x')]])).rejects.toMatchObject({
      field: 'rows.0.quantity',
    });
    expect(
      await db()
        .selectFrom('countReports')
        .select('id')
        .where(
          'countListId',
          'in',
          lists.map((l) => l.id),
        )
        .execute(),
    ).toHaveLength(0);
    expect(await statusOf(lists[0]!.id)).toBe('open');
  });

  it('only managers import across lists, and only into an open inventory', async () => {
    const { inv, items } = await twoLists();
    await expect(importInventoryCounts(t.ctx, counter, inv.id, [[row(items[0]!.id, '1')]])).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const created = await makeInventory(db(), base, { status: 'created' } as never);
    await expect(importInventoryCounts(t.ctx, manager, created.id, [[row(items[0]!.id, '1')]])).rejects.toMatchObject({
      code: 'count.inventory_not_open',
    });
  });
});
