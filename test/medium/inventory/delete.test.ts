// Deleting count lists and inventories (SPEC §4.5): one use case for every list state. Unopened lists go;
// open lists go after their locks are released and the postings those locks parked are re-processed;
// closed lists never. The last list gone, the inventory is back to created (state-machine command).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import { deleteCountList } from '../../../src/services/inventory/delete-count-list.service.js';
import { deleteInventory } from '../../../src/services/inventory/inventory.service.js';
import { openCountLists } from '../../../src/services/inventory/open.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import {
  type Base,
  type Inv,
  makeActor,
  makeBase,
  makeCountItem,
  makeCountList,
  makeInventory,
  makeItem,
  makePlaces,
  receive,
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
const statusOf = async (inv: Inv) =>
  (await db().selectFrom('inventories').select('status').where('id', '=', inv.id).executeTakeFirstOrThrow()).status;

/** An open list locking one item in the plain warehouse, and a receipt of that item parked by the lock. */
async function openListWithParkedPosting(inv: Inv) {
  const item = await makeItem(db());
  await receive(db(), t.ctx, base, { itemId: item.id, warehouseId: places.plain.id, quantity: '10', unitPrice: '5' });
  const list = await makeCountList(db(), inv);
  await makeCountItem(db(), list, inv, { itemId: item.id, warehouseId: places.plain.id });
  await openCountLists(t.ctx, manager, [list.id]);
  const parked = await receive(db(), t.ctx, base, {
    itemId: item.id,
    warehouseId: places.plain.id,
    quantity: '1',
    unitPrice: '5',
  });
  if (parked.status !== 'parked') throw new Error('expected the receipt to be parked by the list lock');
  return { item, list, postingErrorId: parked.postingErrorId };
}

async function afterRelease(itemId: string, postingErrorId: string) {
  const pe = await db()
    .selectFrom('postingErrors')
    .select('status')
    .where('id', '=', postingErrorId)
    .executeTakeFirstOrThrow();
  const bal = await db()
    .selectFrom('stockBalances')
    .select('quantity')
    .where('itemId', '=', itemId)
    .executeTakeFirstOrThrow();
  return { posting: pe.status, quantity: bal.quantity };
}

describe('deleting a count list', () => {
  it('deletes generated lists; the last one moves the inventory back to created', async () => {
    const inv = await makeInventory(db(), base, { status: 'has_count_lists' });
    const [a, b] = [await makeCountList(db(), inv), await makeCountList(db(), inv, { status: 'opening_failed' })];
    expect(await deleteCountList(t.ctx, manager, a.id)).toEqual({ deleted: true });
    expect(await statusOf(inv)).toBe('has_count_lists');
    await deleteCountList(t.ctx, manager, b.id);
    expect(await statusOf(inv)).toBe('created');
  });

  it('deletes an open list: releases its locks and posts what they parked, in the same transaction', async () => {
    const inv = await makeInventory(db(), base, { status: 'open' });
    const { item, list, postingErrorId } = await openListWithParkedPosting(inv);
    await deleteCountList(t.ctx, manager, list.id);
    expect(await db().selectFrom('stockLocks').select('id').where('countListId', '=', list.id).execute()).toHaveLength(
      0,
    );
    expect(await afterRelease(item.id, postingErrorId)).toEqual({ posting: 'posted', quantity: '11' });
    // An open inventory stays open without lists: more lists may be generated.
    expect(await statusOf(inv)).toBe('open');
  });

  it('never deletes a closed list, nor any list of a closed inventory', async () => {
    const inv = await makeInventory(db(), base, { status: 'open' });
    const closed = await makeCountList(db(), inv, { status: 'closed' });
    await expect(deleteCountList(t.ctx, manager, closed.id)).rejects.toMatchObject({ code: 'count.list_closed' });
    const done = await makeInventory(db(), base, { status: 'closed' });
    const list = await makeCountList(db(), done);
    await expect(deleteCountList(t.ctx, manager, list.id)).rejects.toMatchObject({ code: 'inventory.closed' });
  });

  it("is for managers of the list's site only", async () => {
    const inv = await makeInventory(db(), base, { status: 'has_count_lists' });
    const list = await makeCountList(db(), inv);
    await expect(deleteCountList(t.ctx, await makeActor(db(), 'counter'), list.id)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const other = await db()
      .insertInto('sites')
      .values({ code: 'OTHERDEL', name: 'Other' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(deleteCountList(t.ctx, await makeActor(db(), 'manager', other.id), list.id)).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('deleting an inventory', () => {
  it('re-processes the postings parked by its open lists', async () => {
    const inv = await makeInventory(db(), base, { status: 'open' });
    const { item, list, postingErrorId } = await openListWithParkedPosting(inv);
    await deleteInventory(t.ctx, manager, inv.id);
    expect(await db().selectFrom('countLists').select('id').where('id', '=', list.id).execute()).toHaveLength(0);
    expect(await afterRelease(item.id, postingErrorId)).toEqual({ posting: 'posted', quantity: '11' });
  });
});
