import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyCommand } from '../../../src/domain/inventory/inventory.js';
import type { Actor } from '../../../src/services/context.js';
import { runJobNow } from '../../../src/services/jobs/runner.js';
import { closeInventory } from '../../../src/services/inventory/close-inventory.service.js';
import { deleteCountList } from '../../../src/services/inventory/delete-count-list.service.js';
import { closeCountList, enqueueCloseCountLists } from '../../../src/services/inventory/close.service.js';
import { openCountLists } from '../../../src/services/inventory/open.service.js';
import { reportCount } from '../../../src/services/inventory/report.service.js';
import { setVerificationMark } from '../../../src/services/inventory/verify.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeWarehouse, makeZone, makeBin } from '../../helpers/factories.js';
import {
  type Base,
  type Inv,
  type InventoryOptions,
  makeActor,
  makeBase,
  makeCountItem,
  makeCountList,
  makeInventory,
  makeItem,
  makePlaces,
  receive,
} from '../../helpers/inventory-factories.js';

// The header status moves only through the inventory state machine: spy on its command (pass-through).
vi.mock('../../../src/domain/inventory/inventory.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/domain/inventory/inventory.js')>();
  return { ...real, applyCommand: vi.fn(real.applyCommand) };
});

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

/** An open list with one item of 10 pcs (received at 5) at `place`, counted as `counted`. */
async function countedList(
  counted: string,
  place: { warehouseId: string; zoneId?: string; binId?: string },
  o: Partial<InventoryOptions> = {},
  inv?: Inv,
) {
  inv ??= await makeInventory(db(), base, { costCentre: 'CC1', ...o });
  const item = await makeItem(db());
  await receive(db(), t.ctx, base, { itemId: item.id, ...place, quantity: '10', unitPrice: '5' });
  const list = await makeCountList(db(), inv, { countType: place.binId ? 'bin' : 'article' });
  await makeCountItem(db(), list, inv, { itemId: item.id, ...place });
  await openCountLists(t.ctx, manager, [list.id]);
  await reportCount(t.ctx, manager, { countListId: list.id, itemId: item.id, ...place, quantity: counted });
  return { inv, item, list };
}

const ledgerOf = (listId: string) =>
  db()
    .selectFrom('stockLedger')
    .selectAll()
    .where('originType', '=', 'count_list')
    .where('originId', '=', listId)
    .orderBy('id')
    .execute();
const listRow = (id: string) =>
  db().selectFrom('countLists').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('closing count lists', () => {
  it('adjusts the difference directly in an unstructured warehouse, on the stock-taking date with the cost centre', async () => {
    const { list, item } = await countedList('8', { warehouseId: places.plain.id });
    const out = await closeCountList(t.ctx, manager, list.id);
    expect(out).toMatchObject({ status: 'closed', postedLines: 1, parked: [] });
    const entries = await ledgerOf(list.id);
    expect(entries.map((e) => [e.keyCode, e.quantity, e.postingDate, e.costCentre])).toEqual([
      ['ADJ', '-2', '2026-03-14', 'CC1'],
    ]);
    const cli = await db()
      .selectFrom('countListItems')
      .selectAll()
      .where('countListId', '=', list.id)
      .executeTakeFirstOrThrow();
    expect(cli).toMatchObject({ status: 'closed', postedQuantity: '-2' });
    const bal = await db()
      .selectFrom('stockBalances')
      .selectAll()
      .where('itemId', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(bal).toMatchObject({
      quantity: '8',
      lastCountedDate: '2026-03-14',
      lastCountedQuantity: '8',
      movementsSinceCount: 0,
    });
    expect(await db().selectFrom('stockLocks').select('id').where('countListId', '=', list.id).execute()).toHaveLength(
      0,
    );
    expect((await listRow(list.id)).status).toBe('closed');
  });

  it('transfers the difference to the differences zone in a structured warehouse', async () => {
    const { list } = await countedList('13', {
      warehouseId: places.wms.id,
      zoneId: places.zone.id,
      binId: places.p1.id,
    });
    await closeCountList(t.ctx, manager, list.id);
    const entries = await ledgerOf(list.id);
    expect(entries.map((e) => [e.keyCode, e.zoneId, e.binId, e.quantity]).sort()).toEqual(
      [
        ['TRF', places.diffZone.id, null, '-3'],
        ['TRF', places.zone.id, places.p1.id, '3'],
      ].sort(),
    );
  });

  it('refuses a structured warehouse without a differences zone and leaves the list as it was', async () => {
    const wh = await makeWarehouse(db(), base.site.id, { kind: 'structured' });
    const zone = await makeZone(db(), base.site.id, wh.id);
    const bin = await makeBin(db(), base.site.id, wh.id, zone.id, { code: 'NODIFF1', place: 'NODIFF1' });
    const { list } = await countedList('9', { warehouseId: wh.id, zoneId: zone.id, binId: bin.id });
    await expect(closeCountList(t.ctx, manager, list.id)).rejects.toMatchObject({
      code: 'place.differences_zone_missing',
    });
    expect((await listRow(list.id)).status).toBe('completely_reported');
    expect(await db().selectFrom('stockLocks').select('id').where('countListId', '=', list.id).execute()).toHaveLength(
      1,
    );
    expect(await ledgerOf(list.id)).toHaveLength(0);
  });

  it('needs every item reported and none marked, saying how many', async () => {
    const inv = await makeInventory(db(), base);
    const list = await makeCountList(db(), inv);
    const [a, b] = [await makeItem(db()), await makeItem(db())];
    await makeCountItem(db(), list, inv, { itemId: a.id, warehouseId: places.plain.id });
    await makeCountItem(db(), list, inv, { itemId: b.id, warehouseId: places.plain.id });
    await openCountLists(t.ctx, manager, [list.id]);
    const r = await reportCount(t.ctx, manager, {
      countListId: list.id,
      itemId: a.id,
      warehouseId: places.plain.id,
      quantity: '0',
    });
    await expect(closeCountList(t.ctx, manager, list.id)).rejects.toMatchObject({
      code: 'count.not_all_reported',
      params: { openItems: 1 },
    });
    await reportCount(t.ctx, manager, {
      countListId: list.id,
      itemId: b.id,
      warehouseId: places.plain.id,
      quantity: '0',
    });
    await setVerificationMark(t.ctx, manager, r.status === 'recorded' ? r.item.id : '', true);
    await expect(closeCountList(t.ctx, manager, list.id)).rejects.toMatchObject({
      code: 'count.marked_for_verification',
      params: { markedItems: 1 },
    });
  });

  it("closes through a job and re-processes postings parked by the list's locks", async () => {
    const { list, item } = await countedList('10', { warehouseId: places.plain.id });
    const parked = await receive(db(), t.ctx, base, {
      itemId: item.id,
      warehouseId: places.plain.id,
      quantity: '1',
      unitPrice: '5',
    });
    expect(parked.status).toBe('parked');
    const jobId = await enqueueCloseCountLists(t.ctx, manager, [list.id]);
    expect(await runJobNow(t.ctx, jobId)).toMatchObject({
      status: 'succeeded',
      result: { lists: [{ status: 'closed', postedLines: 0 }] },
    });
    const pe = await db()
      .selectFrom('postingErrors')
      .select('status')
      .where('id', '=', parked.status === 'parked' ? parked.postingErrorId : '0')
      .executeTakeFirstOrThrow();
    expect(pe.status).toBe('posted');
    const bal = await db()
      .selectFrom('stockBalances')
      .select('quantity')
      .where('itemId', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(bal.quantity).toBe('11');
  });
});

describe('closing the inventory', () => {
  it('is all or nothing: a list that cannot be closed cancels it, named', async () => {
    const { inv, list } = await countedList('8', { warehouseId: places.plain.id });
    const blocked = await makeCountList(db(), inv, { number: 'BLOCKED-1' });
    await makeCountItem(db(), blocked, inv, { itemId: (await makeItem(db())).id, warehouseId: places.plain.id });
    await openCountLists(t.ctx, manager, [blocked.id]);
    await expect(closeInventory(t.ctx, manager, inv.id)).rejects.toMatchObject({
      code: 'count.not_all_reported',
      params: { countListNumber: 'BLOCKED-1' },
    });
    expect((await listRow(list.id)).status).toBe('completely_reported');
    expect(await ledgerOf(list.id)).toHaveLength(0);
    await deleteCountList(t.ctx, manager, blocked.id);
    const done = await closeInventory(t.ctx, manager, inv.id);
    expect(done.lists.map((l) => l.status)).toEqual(['closed']);
    const row = await db()
      .selectFrom('inventories')
      .select(['status', 'closedAt'])
      .where('id', '=', inv.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('closed');
    expect(vi.mocked(applyCommand)).toHaveBeenCalledWith('open', 'close');
    await expect(deleteCountList(t.ctx, manager, list.id)).rejects.toMatchObject({ code: 'count.list_closed' });
  });

  it('deleting an open list releases its locks', async () => {
    const { list } = await countedList('8', { warehouseId: places.plain.id });
    await deleteCountList(t.ctx, manager, list.id);
    expect(await db().selectFrom('stockLocks').select('id').where('countListId', '=', list.id).execute()).toHaveLength(
      0,
    );
    expect(await db().selectFrom('countLists').select('id').where('id', '=', list.id).execute()).toHaveLength(0);
  });
});
