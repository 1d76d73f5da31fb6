// SPEC §4.5 closing as stories: "receive 10, count 9, close, expect one issue of 1"; what happens to
// postings made while the list was locked, to reservations, and to the inventory as a whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.js';
import { closeInventory } from '../../src/services/inventory/close-inventory.service.js';
import { closeCountList } from '../../src/services/inventory/close.service.js';
import { openCountLists } from '../../src/services/inventory/open.service.js';
import { reportCount } from '../../src/services/inventory/report.service.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import {
  type Base,
  makeActor,
  makeBase,
  makeCountItem,
  makeCountList,
  makeInventory,
  makeItem,
  makePlaces,
  receive,
} from '../helpers/inventory-factories.js';

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

/** "10 pcs were received in the plain warehouse; a list for the item is opened." */
async function tenOnAnOpenList() {
  const item = await makeItem(db());
  await receive(db(), t.ctx, base, { itemId: item.id, warehouseId: places.plain.id, quantity: '10', unitPrice: '4' });
  const inv = await makeInventory(db(), base);
  const list = await makeCountList(db(), inv);
  await makeCountItem(db(), list, inv, { itemId: item.id, warehouseId: places.plain.id });
  await openCountLists(t.ctx, manager, [list.id]);
  const count = (quantity: string) =>
    reportCount(t.ctx, manager, { countListId: list.id, itemId: item.id, warehouseId: places.plain.id, quantity });
  const onHand = async () =>
    (await db().selectFrom('stockBalances').select('quantity').where('itemId', '=', item.id).executeTakeFirstOrThrow())
      .quantity;
  return { item, inv, list, count, onHand };
}

describe('closing stories', () => {
  it('receive 10, count 9, close: exactly one issue of 1 with the adjustment key', async () => {
    const { list, count, onHand } = await tenOnAnOpenList();
    await count('9');
    await closeCountList(t.ctx, manager, list.id);
    const entries = await db()
      .selectFrom('stockLedger')
      .select(['keyCode', 'quantity'])
      .where('originId', '=', list.id)
      .where('originType', '=', 'count_list')
      .execute();
    expect(entries).toEqual([{ keyCode: 'ADJ', quantity: '-1' }]);
    expect(await onHand()).toBe('9');
  });

  it('receive 10, count 10, close: nothing is posted', async () => {
    const { list, count } = await tenOnAnOpenList();
    await count('10');
    expect((await closeCountList(t.ctx, manager, list.id)).postedLines).toBe(0);
  });

  it('a receipt posted while the list is open waits in the posting error file and is posted when the list closes', async () => {
    const { item, list, count, onHand } = await tenOnAnOpenList();
    const parked = await receive(db(), t.ctx, base, {
      itemId: item.id,
      warehouseId: places.plain.id,
      quantity: '5',
      unitPrice: '4',
    });
    expect(parked.status).toBe('parked');
    expect(await onHand()).toBe('10');
    await count('10');
    await closeCountList(t.ctx, manager, list.id);
    expect(await onHand()).toBe('15');
  });

  it('a reservation the counted stock no longer covers becomes "reserved quantity not available"', async () => {
    const { item, list, count } = await tenOnAnOpenList();
    const now = t.ctx.now();
    const r = await db()
      .insertInto('reservations')
      .values({
        siteId: base.site.id,
        itemId: item.id,
        warehouseId: places.plain.id,
        ownerId: base.owner.id,
        quantity: '8',
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await count('6');
    await closeCountList(t.ctx, manager, list.id);
    expect(
      (await db().selectFrom('reservations').select('status').where('id', '=', r.id).executeTakeFirstOrThrow()).status,
    ).toBe('not_available');
  });

  it('closing the inventory closes its remaining lists; afterwards nothing can be counted on it', async () => {
    const { inv, list, count } = await tenOnAnOpenList();
    await count('10');
    expect((await closeInventory(t.ctx, manager, inv.id)).lists).toMatchObject([
      { countListId: list.id, status: 'closed' },
    ]);
    const late = await makeCountList(db(), inv, { status: 'open' });
    await expect(count('3')).rejects.toMatchObject({ code: 'count.list_closed' });
    await expect(openCountLists(t.ctx, manager, [late.id])).resolves.toMatchObject([{ status: 'refused' }]);
  });
});
