// Closing an inventory reads the lines the tolerance review holds back for all its lists in one statement,
// and still refuses at the first offending list in number order, with the error closing that list alone
// gives (review.approval_pending naming its lines), the whole closing rolled back. A list that fails for
// another reason before it is named first, as when each list was checked at its own turn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import { closeInventory } from '../../../src/services/inventory/close-inventory.service.js';
import { closeCountList } from '../../../src/services/inventory/close.service.js';
import { openCountLists } from '../../../src/services/inventory/open.service.js';
import { reportCount } from '../../../src/services/inventory/report.service.js';
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

/** An open list numbered `number` with `lines` items, each counted (or not) and its review state set. */
async function list(
  inv: Inv,
  number: string,
  lines: Array<{ counted: boolean; review?: 'none' | 'recount_requested' | 'needs_approval' }>,
) {
  const l = await makeCountList(db(), inv, { number });
  const items: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const item = await makeItem(db());
    await receive(db(), t.ctx, base, { itemId: item.id, warehouseId: places.plain.id, quantity: '10', unitPrice: '5' });
    await makeCountItem(db(), l, inv, { itemId: item.id, warehouseId: places.plain.id });
    items.push(item.id);
  }
  await openCountLists(t.ctx, manager, [l.id]);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.counted) continue;
    await reportCount(t.ctx, manager, {
      countListId: l.id,
      itemId: items[i]!,
      warehouseId: places.plain.id,
      quantity: '10',
    });
    await db()
      .updateTable('countListItems')
      .set({ reviewState: lines[i]!.review ?? 'none' })
      .where('countListId', '=', l.id)
      .where('itemId', '=', items[i]!)
      .execute();
  }
  return l;
}

const statusOf = async (table: 'countLists' | 'inventories', id: string) =>
  (await db().selectFrom(table).select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('closing an inventory with lines held back by the review', () => {
  it('names the first list in number order whose lines wait, with that list’s own error, and closes nothing', async () => {
    const inv = await makeInventory(db(), base);
    const a = await list(inv, 'H-1', [{ counted: true }]);
    const c = await list(inv, 'H-3', [{ counted: true, review: 'needs_approval' }]);
    const b = await list(inv, 'H-2', [
      { counted: true },
      { counted: true, review: 'recount_requested' },
      { counted: true, review: 'needs_approval' },
    ]);
    const alone = await closeCountList(t.ctx, manager, b.id).catch((e: unknown) => e);
    expect(alone).toMatchObject({
      code: 'review.approval_pending',
      params: { countListNumber: 'H-2', lines: '2, 3', count: 2 },
    });
    const e = await closeInventory(t.ctx, manager, inv.id).catch((x: unknown) => x);
    expect(e).toMatchObject({
      code: 'review.approval_pending',
      message: `count list H-2 cannot be closed, so the inventory stays open: ${(alone as Error).message}`,
      params: { countListNumber: 'H-2', lines: '2, 3', count: 2, countListId: b.id },
    });
    expect(await statusOf('inventories', inv.id)).not.toBe('closed');
    for (const l of [a, b, c]) expect(await statusOf('countLists', l.id)).toBe('completely_reported');
  });

  it('a list failing for another reason before a held-back one is named first', async () => {
    const inv = await makeInventory(db(), base);
    await list(inv, 'K-1', [{ counted: true }, { counted: false }]);
    await list(inv, 'K-2', [{ counted: true, review: 'needs_approval' }]);
    const e = await closeInventory(t.ctx, manager, inv.id).catch((x: unknown) => x);
    expect(e).toMatchObject({ params: { countListNumber: 'K-1' } });
    expect(e).not.toMatchObject({ code: 'review.approval_pending' });
  });

  it('closes every list when nothing is held back', async () => {
    const inv = await makeInventory(db(), base);
    const a = await list(inv, 'M-1', [{ counted: true }]);
    const b = await list(inv, 'M-2', [{ counted: true }]);
    const r = await closeInventory(t.ctx, manager, inv.id);
    expect(r.lists.map((l) => [l.countListNumber, l.status])).toEqual([
      ['M-1', 'closed'],
      ['M-2', 'closed'],
    ]);
    expect(await statusOf('countLists', a.id)).toBe('closed');
    expect(await statusOf('countLists', b.id)).toBe('closed');
  });
});
