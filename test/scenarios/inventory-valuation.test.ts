// SPEC §4.6, seed 003 "Zamknięcie inwentaryzacji": item A, the system says 10 pcs in bin P1 and none in P2;
// P1 and P2 are counted on different lists; 8 are found in P1 and 3 in P2 → net +1 pc; on closing the
// stock-taking-day inventory exactly one value adjustment is posted, for that 1 pc.
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

async function binList(inv: Awaited<ReturnType<typeof makeInventory>>, itemId: string | null, binId: string) {
  const list = await makeCountList(db(), inv, { countType: 'bin', warehouseId: places.wms.id });
  await makeCountItem(db(), list, inv, { itemId, warehouseId: places.wms.id, zoneId: places.zone.id, binId });
  await openCountLists(t.ctx, manager, [list.id]);
  return list;
}

describe('valuation on closing a stock-taking-day inventory', () => {
  it('seed example: 10 expected in P1, 0 in P2, counted 8 and 3 on two lists → exactly one value adjustment for 1 pc', async () => {
    const a = await makeItem(db(), { code: 'A', inventoryPrice: '6' });
    await receive(db(), t.ctx, base, {
      itemId: a.id,
      warehouseId: places.wms.id,
      zoneId: places.zone.id,
      binId: places.p1.id,
      quantity: '10',
      unitPrice: '5',
    });
    const inv = await makeInventory(db(), base, { method: 'stock_taking_day', valuationPrice: 'inventory' });
    const listP1 = await binList(inv, a.id, places.p1.id);
    const listP2 = await binList(inv, null, places.p2.id);

    await reportCount(t.ctx, manager, {
      countListId: listP1.id,
      itemId: a.id,
      warehouseId: places.wms.id,
      binId: places.p1.id,
      quantity: '8',
    });
    const found = await reportCount(t.ctx, manager, {
      countListId: listP2.id,
      itemId: a.id,
      warehouseId: places.wms.id,
      binId: places.p2.id,
      quantity: '3',
    });
    expect(found).toMatchObject({ status: 'recorded', added: true });

    // List P1 issues 2, list P2 receives 3: each at the weighted average price of 5.
    await closeCountList(t.ctx, manager, listP1.id);
    await closeCountList(t.ctx, manager, listP2.id);
    const quantities = await db()
      .selectFrom('countListItems')
      .select(['postedQuantity', 'unitPrice'])
      .where('inventoryId', '=', inv.id)
      .where('itemId', '=', a.id)
      .orderBy('id')
      .execute();
    expect(quantities).toEqual([
      { postedQuantity: '-2', unitPrice: '5' },
      { postedQuantity: '3', unitPrice: '5' },
    ]);

    const result = await closeInventory(t.ctx, manager, inv.id);
    expect(result.valueAdjustments).toEqual([
      expect.objectContaining({ itemId: a.id, netQuantity: '1', averagePrice: '5', valuationPrice: '6', value: '1' }),
    ]);
    const valueEntries = await db()
      .selectFrom('stockLedger')
      .selectAll()
      .where('keyCode', '=', 'VAL')
      .where('itemId', '=', a.id)
      .execute();
    expect(valueEntries).toHaveLength(1);
    expect(valueEntries[0]).toMatchObject({ quantity: '0', value: '1', originType: 'inventory', originId: inv.id });
  });

  it('a lot-managed item is revalued on the lot it was received in', async () => {
    const l = await makeItem(db(), { code: 'LOTTED', inventoryPrice: '6', lotManagement: 'yes' });
    await receive(db(), t.ctx, base, {
      itemId: l.id,
      warehouseId: places.plain.id,
      lot: 'L1',
      quantity: '10',
      unitPrice: '5',
    });
    const inv = await makeInventory(db(), base, { method: 'stock_taking_day', valuationPrice: 'inventory' });
    const list = await makeCountList(db(), inv);
    await makeCountItem(db(), list, inv, { itemId: l.id, warehouseId: places.plain.id, lot: 'L1' });
    await openCountLists(t.ctx, manager, [list.id]);
    await reportCount(t.ctx, manager, {
      countListId: list.id,
      itemId: l.id,
      warehouseId: places.plain.id,
      lot: 'L1',
      quantity: '12',
    });
    const result = await closeInventory(t.ctx, manager, inv.id);
    expect(result.valueAdjustments).toEqual([expect.objectContaining({ itemId: l.id, netQuantity: '2', value: '2' })]);
    const entry = await db()
      .selectFrom('stockLedger')
      .selectAll()
      .where('keyCode', '=', 'VAL')
      .where('itemId', '=', l.id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ lot: 'L1', quantity: '0', value: '2' });
  });

  it('production resources get quantity adjustments only, never value adjustments', async () => {
    const b = await makeItem(db(), { inventoryPrice: '9' });
    await receive(db(), t.ctx, base, { itemId: b.id, warehouseId: places.plain.id, quantity: '10', unitPrice: '5' });
    const inv = await makeInventory(db(), base, {
      method: 'stock_taking_day',
      materialType: 'production_resources',
      valuationPrice: 'inventory',
    });
    const list = await makeCountList(db(), inv);
    await makeCountItem(db(), list, inv, { itemId: b.id, warehouseId: places.plain.id });
    await openCountLists(t.ctx, manager, [list.id]);
    await reportCount(t.ctx, manager, {
      countListId: list.id,
      itemId: b.id,
      warehouseId: places.plain.id,
      quantity: '12',
    });
    const result = await closeInventory(t.ctx, manager, inv.id);
    expect(result.valueAdjustments).toEqual([]);
    expect(
      await db()
        .selectFrom('stockLedger')
        .select('id')
        .where('keyCode', '=', 'VAL')
        .where('itemId', '=', b.id)
        .execute(),
    ).toHaveLength(0);
    expect(
      (await db().selectFrom('stockBalances').select('quantity').where('itemId', '=', b.id).executeTakeFirstOrThrow())
        .quantity,
    ).toBe('12');
  });

  it('a continuous inventory posts its differences at the valuation price, today, without value adjustments', async () => {
    const c = await makeItem(db(), { inventoryPrice: '7' });
    await receive(db(), t.ctx, base, { itemId: c.id, warehouseId: places.plain.id, quantity: '10', unitPrice: '5' });
    const inv = await makeInventory(db(), base, {
      method: 'continuous',
      valuationPrice: 'inventory',
      stockTakingDate: null,
    });
    const list = await makeCountList(db(), inv);
    await makeCountItem(db(), list, inv, { itemId: c.id, warehouseId: places.plain.id });
    await openCountLists(t.ctx, manager, [list.id]);
    await reportCount(t.ctx, manager, {
      countListId: list.id,
      itemId: c.id,
      warehouseId: places.plain.id,
      quantity: '11',
    });
    const result = await closeInventory(t.ctx, manager, inv.id);
    expect(result.valueAdjustments).toEqual([]);
    const entry = await db()
      .selectFrom('stockLedger')
      .selectAll()
      .where('originType', '=', 'count_list')
      .where('itemId', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ quantity: '1', unitPrice: '7', postingDate: '2026-03-15' });
  });
});
