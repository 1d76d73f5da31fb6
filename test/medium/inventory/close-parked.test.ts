// Closing a count list whose posting runs into another open list's lock (SPEC §4.5): the posting waits in
// the posting error file and the list is closed with errors. Until the posting is applied its items claim
// nothing posted and the balances keep their previous count; once the lock is released and the posting
// re-processed, the items record what the ledger holds, and the value adjustments on closing the
// inventory (stock-taking day, SPEC §4.6) are computed from exactly that.
//
// The world: item X, 10 pcs at 5 in a bin P1 of a structured warehouse. List A counts bin P1 and finds 13,
// so closing it transfers +3 into P1 out of the inventory-differences zone — where X is locked by an open
// differences list B. Valuation price: the inventory price 7, so the net receipt of 3 is revalued by 3 × 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, SYSTEM_ACTOR } from '../../../src/services/context.js';
import { postMovements } from '../../../src/services/ledger/index.js';
import { retryPostingError } from '../../../src/services/ledger/posting-errors.service.js';
import { closeInventory } from '../../../src/services/inventory/close-inventory.service.js';
import { closeCountList } from '../../../src/services/inventory/close.service.js';
import { openCountLists } from '../../../src/services/inventory/open.service.js';
import { reportCount } from '../../../src/services/inventory/report.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeBin, makeKey } from '../../helpers/factories.js';
import {
  type Base,
  type Inv,
  type Places,
  makeCountItem,
  makeCountList,
  makeCountingSetup,
  makeInventory,
  makeItem,
  receive,
} from '../../helpers/inventory-factories.js';

let t: TestDb;
let base: Base;
let places: Places;
let manager: Actor;
beforeAll(async () => {
  t = await freshDb();
  ({ base, places, manager } = await makeCountingSetup(t.ctx.db));
  await makeKey(t.ctx.db, 'ISS', 'issue');
});
afterAll(async () => {
  await t.close();
});
const db = () => t.ctx.db;

/**
 * X in P1 (10 at 5) and `diffStock` in the differences zone; list A of `inv` counts P1 (13), differences
 * list B of `invB` holds X in the differences zone (counted as its target). Both open.
 */
async function world(inv: Inv, invB: Inv, diffStock: string, countedInP1 = '13') {
  const x = await makeItem(db(), { inventoryPrice: '7' });
  // A bin of its own: a bin list counts everything in its bins, also what earlier tests left there.
  const bin = await makeBin(db(), base.site.id, places.wms.id, places.zone.id, { code: `P1-${x.code}`, place: x.code });
  const p1 = { warehouseId: places.wms.id, zoneId: places.zone.id, binId: bin.id };
  const diff = { warehouseId: places.wms.id, zoneId: places.diffZone.id };
  await receive(db(), t.ctx, base, { itemId: x.id, ...p1, quantity: '10', unitPrice: '5' });
  if (diffStock !== '0')
    await receive(db(), t.ctx, base, { itemId: x.id, ...diff, quantity: diffStock, unitPrice: '5' });
  const a = await makeCountList(db(), inv, { countType: 'bin', warehouseId: places.wms.id });
  await makeCountItem(db(), a, inv, { itemId: x.id, ...p1 });
  const b = await makeCountList(db(), invB, { countType: 'differences', warehouseId: places.wms.id });
  await makeCountItem(db(), b, invB, { itemId: x.id, ...diff });
  expect((await openCountLists(t.ctx, manager, [a.id, b.id])).map((o) => o.status)).toEqual(['open', 'open']);
  await reportCount(t.ctx, manager, { countListId: a.id, itemId: x.id, ...p1, quantity: countedInP1 });
  await reportCount(t.ctx, manager, { countListId: b.id, itemId: x.id, ...diff, quantity: diffStock });
  return { x, a, b, bin };
}

const itemsOf = (listId: string) =>
  db()
    .selectFrom('countListItems')
    .select(['postedQuantity', 'unitPrice', 'status'])
    .where('countListId', '=', listId)
    .execute();
const ledgerOf = (originType: string, originId: string) =>
  db()
    .selectFrom('stockLedger')
    .select(['keyCode', 'zoneId', 'binId', 'quantity', 'value', 'unitPrice', 'transferGroup'])
    .where('originType', '=', originType)
    .where('originId', '=', originId)
    .orderBy('id')
    .execute();
const p1Balance = (itemId: string) =>
  db()
    .selectFrom('stockBalances')
    .select(['quantity', 'lastCountedDate', 'lastCountedQuantity', 'movementsSinceCount'])
    .where('itemId', '=', itemId)
    .where('binId', 'is not', null)
    .executeTakeFirstOrThrow();
const num = (s: string | null) => (s === null ? null : Number(s));

/**
 * What the items of `listId` claim equals what the ledger holds for them: per item, the entries of the list
 * at the item's own position (the differences-zone leg of a transfer is not the item's).
 */
async function claimsMatchLedger(listId: string): Promise<void> {
  const items = await db()
    .selectFrom('countListItems')
    .selectAll()
    .where('countListId', '=', listId)
    .where('informational', '=', false)
    .execute();
  for (const i of items) {
    const entries = (await ledgerOf('count_list', listId)).filter((e) => e.binId === i.binId && e.zoneId === i.zoneId);
    const q = entries.reduce((s, e) => s + Number(e.quantity), 0);
    expect(num(i.postedQuantity)).toBe(q);
    expect(num(i.unitPrice)).toBe(entries.length === 1 ? Number(entries[0]!.unitPrice) : null);
  }
}

describe("a closing posting parked by another list's lock", () => {
  it('closes with errors claiming nothing; released, it is posted and recorded; the value adjustment agrees', async () => {
    const inv = await makeInventory(db(), base, { valuationPrice: 'inventory' });
    const invB = await makeInventory(db(), base, { method: 'stock_comparison' });
    const { x, a, b, bin } = await world(inv, invB, '5');
    const before = await p1Balance(x.id);

    const out = await closeCountList(t.ctx, manager, a.id);
    expect(out).toMatchObject({
      status: 'closed_with_errors',
      postedLines: 0,
      parked: [{ reason: 'ledger.stock_locked' }],
    });
    // Nothing in the ledger, so nothing claimed, and the balance keeps its (un)counted state.
    expect(await ledgerOf('count_list', a.id)).toEqual([]);
    expect(await itemsOf(a.id)).toEqual([{ postedQuantity: null, unitPrice: null, status: 'closed' }]);
    expect(await p1Balance(x.id)).toEqual(before);
    const pe = await db()
      .selectFrom('postingErrors')
      .select(['status', 'countListId'])
      .where('id', '=', out.parked[0]!.postingErrorId)
      .executeTakeFirstOrThrow();
    expect(pe).toEqual({ status: 'pending', countListId: b.id });
    // The value adjustments cannot be known while the receipt waits: the inventory stays open.
    await expect(closeInventory(t.ctx, manager, inv.id)).rejects.toMatchObject({
      code: 'count.postings_parked',
      params: { countListNumbers: [a.number], postingErrorIds: [out.parked[0]!.postingErrorId] },
    });
    expect(
      (await db().selectFrom('inventories').select('status').where('id', '=', inv.id).executeTakeFirstOrThrow()).status,
    ).toBe('open');

    // B closes: its lock goes, A's transfer is re-processed and recorded.
    expect(await closeCountList(t.ctx, manager, b.id)).toMatchObject({ status: 'closed', parked: [] });
    const entries = await ledgerOf('count_list', a.id);
    expect(entries.map((e) => [e.keyCode, e.binId, e.zoneId, num(e.quantity), num(e.value)])).toEqual([
      ['TRF', bin.id, places.zone.id, 3, 15],
      ['TRF', null, places.diffZone.id, -3, -15],
    ]);
    expect(await itemsOf(a.id)).toEqual([{ postedQuantity: '3', unitPrice: entries[0]!.unitPrice, status: 'closed' }]);
    await claimsMatchLedger(a.id);
    await claimsMatchLedger(b.id);
    expect(await p1Balance(x.id)).toMatchObject({
      quantity: '13',
      lastCountedDate: '2026-03-14',
      lastCountedQuantity: '13',
      movementsSinceCount: 0,
    });
    expect(
      (
        await db()
          .selectFrom('postingErrors')
          .select('status')
          .where('id', '=', out.parked[0]!.postingErrorId)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('posted');

    // Net receipt 3 posted at 5, valuation price 7: one value adjustment of 6, as the ledger shows.
    const done = await closeInventory(t.ctx, manager, inv.id);
    expect(done.valueAdjustments).toMatchObject([{ itemId: x.id, netQuantity: '3', value: '6' }]);
    const value = await ledgerOf('inventory', inv.id);
    expect(value.map((e) => [e.keyCode, num(e.quantity), num(e.value)])).toEqual([['VAL', 0, 6]]);
  });

  it('closing the inventory closes the locking list after it: the parked posting is applied within, and counted', async () => {
    const inv = await makeInventory(db(), base, { valuationPrice: 'inventory' });
    const { x, a, b } = await world(inv, inv, '5');
    expect(a.number < b.number).toBe(true);
    const done = await closeInventory(t.ctx, manager, inv.id);
    expect(done.lists.map((l) => [l.countListId, l.status])).toEqual([
      [a.id, 'closed_with_errors'],
      [b.id, 'closed'],
    ]);
    expect(await itemsOf(a.id)).toEqual([{ postedQuantity: '3', unitPrice: expect.any(String), status: 'closed' }]);
    await claimsMatchLedger(a.id);
    expect(done.valueAdjustments).toMatchObject([{ itemId: x.id, netQuantity: '3', value: '6' }]);
  });

  it('a re-processed posting that still fails stays unclaimed; posted by hand later, closing the inventory records it', async () => {
    const inv = await makeInventory(db(), base, { valuationPrice: 'inventory' });
    const invB = await makeInventory(db(), base, { method: 'stock_comparison' });
    // A counts 4: closing takes 6 out of the bin into the differences zone — parked by B's lock.
    const { x, a, b, bin } = await world(inv, invB, '5', '4');
    const [parked] = (await closeCountList(t.ctx, manager, a.id)).parked;
    // Meanwhile 8 leave the bin (A's locks are gone), so the 6 are not there when B's close re-processes.
    const place = {
      itemId: x.id,
      warehouseId: places.wms.id,
      zoneId: places.zone.id,
      binId: bin.id,
      ownerId: base.owner.id,
    };
    const issue = await db()
      .transaction()
      .execute((trx) =>
        postMovements(trx, t.ctx, SYSTEM_ACTOR, {
          siteId: base.site.id,
          keyCode: 'ISS',
          postingDate: '2026-03-15',
          originType: 'test',
          lines: [{ ...place, quantity: '-8' }],
        }),
      );
    expect(issue.status).toBe('posted');
    await closeCountList(t.ctx, manager, b.id);
    const pe = await db()
      .selectFrom('postingErrors')
      .select(['status', 'reasonCode'])
      .where('id', '=', parked!.postingErrorId)
      .executeTakeFirstOrThrow();
    expect(pe).toEqual({ status: 'pending', reasonCode: 'ledger.negative_stock' });
    expect(await itemsOf(a.id)).toEqual([{ postedQuantity: null, unitPrice: null, status: 'closed' }]);
    await expect(closeInventory(t.ctx, manager, inv.id)).rejects.toMatchObject({ code: 'count.postings_parked' });

    // Stock arrives, the posting is retried by hand from the posting error file (the ledger's own use case).
    await receive(db(), t.ctx, base, { ...place, quantity: '10', unitPrice: '5' });
    expect((await retryPostingError(t.ctx, manager, parked!.postingErrorId)).status).toBe('posted');
    const done = await closeInventory(t.ctx, manager, inv.id);
    await claimsMatchLedger(a.id);
    expect(await itemsOf(a.id)).toMatchObject([{ postedQuantity: '-6' }]);
    expect(await p1Balance(x.id)).toMatchObject({ quantity: '6', lastCountedQuantity: '4', movementsSinceCount: 0 });
    // A net issue needs no value adjustment.
    expect(done.valueAdjustments).toEqual([]);
    expect(await ledgerOf('inventory', inv.id)).toEqual([]);
  });
});
