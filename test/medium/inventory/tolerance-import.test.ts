// A bulk count import judges its lines against the tolerance in one statement (tolerance.repository.ts):
// the SQL against the pure rule (withinTolerance, reviewAfterReport) on the same hand-made data, then the
// recount by another counter, and the first counter's recount refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import { reviewAfterReport, withinTolerance } from '../../../src/domain/inventory/tolerance.js';
import { updateInventoryType } from '../../../src/services/inventory/inventory-type.service.js';
import { openCountLists } from '../../../src/services/inventory/open.service.js';
import { importCounts } from '../../../src/services/inventory/report-import.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import {
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
beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => {
  await t.close();
});

// target, price, first count, recount
const LINES: Array<[string, string, string, string]> = [
  ['100', '2', '95', '95'], // 5 % and 10 € exactly: within
  ['100', '2', '94', '99'], // 6 %: outside, recount within
  ['10', '20', '10', '10'], // no difference
  ['10', '20', '9.5', '9.6'], // 5 %, but 10 € of value exactly: within
  ['10', '20', '9.4', '9.4'], // outside twice: needs approval
  ['3', '1', '0', '0'], // 100 %: outside twice
  ['50', '0.1', '53', '52.5'], // 6 %, value 0.3: outside by percent, recount 5 % within
];

describe('bulk import and the tolerance', () => {
  it('judges every imported line as the domain rule does, set-based', async () => {
    const db = t.ctx.db;
    const base = await makeBase(db);
    const places = await makePlaces(db, base);
    const admin = await makeActor(db, 'admin');
    const manager = await makeActor(db, 'manager');
    const anna: Actor = await makeActor(db, 'counter');
    const bruno: Actor = await makeActor(db, 'counter');
    const inv = await makeInventory(db, base);
    const tolerance = { percent: '5', value: '10' };
    await updateInventoryType(t.ctx, admin, inv.typeId, { tolerancePercent: '5', toleranceValue: '10' });
    const list = await makeCountList(db, inv, { responsibleUserId: anna.userId });
    await db
      .insertInto('countListCounters')
      .values({ countListId: list.id, userId: bruno.userId, siteId: list.siteId, createdAt: new Date() })
      .execute();
    const items: string[] = [];
    for (const [target, price] of LINES) {
      const item = await makeItem(db, { primaryUnit: 'KG' });
      await receive(db, t.ctx, base, {
        itemId: item.id,
        warehouseId: places.plain.id,
        quantity: target,
        unitPrice: price,
      });
      await makeCountItem(db, list, inv, { itemId: item.id, warehouseId: places.plain.id });
      items.push(item.id);
    }
    await openCountLists(t.ctx, manager, [list.id]);
    const rows = (k: 2 | 3) =>
      LINES.map((l, i) => ({ itemId: items[i]!, warehouseId: places.plain.id, quantity: l[k] }));
    const states = async () =>
      (
        await db
          .selectFrom('countListItems')
          .select(['itemId', 'reviewState', 'verificationMark'])
          .where('countListId', '=', list.id)
          .orderBy('lineNo')
          .execute()
      ).map((r) => [r.reviewState, r.verificationMark]);

    await importCounts(t.ctx, anna, list.id, rows(2), { mode: 'replace' });
    const first = LINES.map(([target, price, counted]) =>
      reviewAfterReport('none', withinTolerance(target, counted, price, tolerance).within),
    );
    expect(await states()).toEqual(first.map((o) => [o.state, o.mark]));
    expect(first.map((o) => o.state)).toEqual([
      'none',
      'recount_requested',
      'none',
      'none',
      'recount_requested',
      'recount_requested',
      'recount_requested',
    ]);

    // Anna may not recount what she counted first; Bruno's recount is judged as the rule says.
    await expect(importCounts(t.ctx, anna, list.id, rows(3), { mode: 'replace' })).rejects.toMatchObject({
      code: 'review.same_counter',
      params: { lines: '2, 5, 6, 7' },
    });
    await importCounts(t.ctx, bruno, list.id, rows(3), { mode: 'replace' });
    const second = LINES.map(([target, price, , recount], i) => {
      const o = reviewAfterReport(first[i]!.state, withinTolerance(target, recount, price, tolerance).within);
      return [o.state, first[i]!.mark && !o.unmark];
    });
    expect(await states()).toEqual(second);
    expect(second.map((s) => s[0])).toEqual([
      'none',
      'none',
      'none',
      'none',
      'needs_approval',
      'needs_approval',
      'none',
    ]);
  });
});
