// Count-list administration (SPEC §4.3): a manual close ends a list without postings, keeps its reason and
// its reports, releases its stock locks (the postings they parked go through); reassigning hands lists over
// to another employee of the site, all or none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import { closeCountListManually, reassignCountLists } from '../../../src/services/inventory/list-admin.service.js';
import { openCountLists } from '../../../src/services/inventory/open.service.js';
import { reportCount } from '../../../src/services/inventory/report.service.js';
import { listHandheldLists } from '../../../src/services/counting/handheld-list.service.js';
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
const listRow = (id: string) =>
  db().selectFrom('countLists').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** An open list counting one item (10 in stock, 9 reported) and a receipt of that item parked by its lock. */
async function countedListWithParkedPosting(inv: Inv) {
  const item = await makeItem(db());
  await receive(db(), t.ctx, base, { itemId: item.id, warehouseId: places.plain.id, quantity: '10', unitPrice: '5' });
  const list = await makeCountList(db(), inv);
  await makeCountItem(db(), list, inv, { itemId: item.id, warehouseId: places.plain.id });
  await openCountLists(t.ctx, manager, [list.id]);
  await reportCount(
    t.ctx,
    manager,
    { countListId: list.id, itemId: item.id, warehouseId: places.plain.id, quantity: '9', mode: 'replace' },
    { missingMode: 'report_type' },
  );
  const parked = await receive(db(), t.ctx, base, {
    itemId: item.id,
    warehouseId: places.plain.id,
    quantity: '1',
    unitPrice: '5',
  });
  if (parked.status !== 'parked') throw new Error('expected the receipt to be parked by the list lock');
  return { item, list, postingErrorId: parked.postingErrorId };
}

describe('closing a count list manually', () => {
  it('closes without postings, keeps the reason and the reports, releases the locks and posts what they parked', async () => {
    const inv = await makeInventory(db(), base, { status: 'open' });
    const { item, list, postingErrorId } = await countedListWithParkedPosting(inv);
    expect(
      await db().selectFrom('stockLocks').select('id').where('countListId', '=', list.id).execute(),
    ).not.toHaveLength(0);

    const r = await closeCountListManually(t.ctx, manager, list.id, '  counted by the wrong team  ');
    expect(r).toMatchObject({
      status: 'manually_closed',
      statusReason: 'counted by the wrong team',
      reprocessedPostings: 1,
      stillParked: 0,
    });
    expect(r.releasedLocks).toBeGreaterThan(0);

    const after = await listRow(list.id);
    expect(after.status).toBe('manually_closed');
    expect(after.statusReason).toBe('counted by the wrong team');
    expect(after.closedAt).not.toBeNull();
    expect(await db().selectFrom('stockLocks').select('id').where('countListId', '=', list.id).execute()).toHaveLength(
      0,
    );
    // No difference posted: the ledger has nothing from this list, the balance is receipts only (10 + parked 1).
    expect(
      await db()
        .selectFrom('stockLedger')
        .select('id')
        .where('originType', '=', 'count_list')
        .where('originId', '=', String(list.id))
        .execute(),
    ).toHaveLength(0);
    expect(
      (
        await db()
          .selectFrom('postingErrors')
          .select('status')
          .where('id', '=', postingErrorId)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('posted');
    expect(
      (
        await db()
          .selectFrom('stockBalances')
          .select('quantity')
          .where('itemId', '=', item.id)
          .executeTakeFirstOrThrow()
      ).quantity,
    ).toBe('11');
    // Reports and counted quantities are kept; the items are closed with nothing posted.
    expect(
      await db().selectFrom('countReports').select('id').where('countListId', '=', list.id).execute(),
    ).toHaveLength(1);
    const items = await db()
      .selectFrom('countListItems')
      .select(['status', 'reportedQuantity', 'postedQuantity'])
      .where('countListId', '=', list.id)
      .execute();
    expect(items).toEqual([{ status: 'closed', reportedQuantity: '9', postedQuantity: null }]);
  });

  it('is refused from final statuses, and before counting starts', async () => {
    const inv = await makeInventory(db(), base, { status: 'open' });
    for (const status of ['closed', 'closed_with_errors', 'manually_closed']) {
      const l = await makeCountList(db(), inv, { status });
      await expect(closeCountListManually(t.ctx, manager, l.id, 'again')).rejects.toMatchObject({
        code: 'count.list_closed',
        params: { status },
      });
      expect((await listRow(l.id)).status).toBe(status);
    }
    const created = await makeCountList(db(), inv);
    await expect(closeCountListManually(t.ctx, manager, created.id, 'why')).rejects.toMatchObject({
      code: 'count.illegal_transition',
    });
  });

  it('needs a reason and a manager', async () => {
    const inv = await makeInventory(db(), base, { status: 'open' });
    const l = await makeCountList(db(), inv, { status: 'open' });
    await expect(closeCountListManually(t.ctx, manager, l.id, '   ')).rejects.toMatchObject({
      code: 'validation.failed',
      field: 'reason',
    });
    await expect(closeCountListManually(t.ctx, await makeActor(db(), 'counter'), l.id, 'x')).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    expect((await listRow(l.id)).status).toBe('open');
  });
});

describe('reassigning count lists', () => {
  it('hands the lists over: the old counter no longer sees them on the handheld, the new one does', async () => {
    const inv = await makeInventory(db(), base, { status: 'open' });
    const [anna, bert] = [
      await makeActor(db(), 'counter', base.site.id),
      await makeActor(db(), 'counter', base.site.id),
    ];
    const a = await makeCountList(db(), inv, { status: 'open', responsibleUserId: anna.userId });
    const b = await makeCountList(db(), inv, { status: 'created', responsibleUserId: anna.userId });
    const seen = async (who: Actor) =>
      (await listHandheldLists(t.ctx, who, { limit: 100, offset: 0 })).items.map((x) => x.id);
    expect(await seen(anna)).toContain(a.id);

    expect(
      await reassignCountLists(t.ctx, manager, { countListIds: [a.id, b.id], responsibleUserId: bert.userId }),
    ).toEqual({ countListIds: [a.id, b.id], responsibleUserId: bert.userId });
    expect((await listRow(a.id)).responsibleUserId).toBe(bert.userId);
    expect((await listRow(b.id)).responsibleUserId).toBe(bert.userId);
    expect(await seen(anna)).not.toContain(a.id);
    expect(await seen(bert)).toContain(a.id);
  });

  it('changes none when one list is final', async () => {
    const inv = await makeInventory(db(), base, { status: 'open' });
    const bert = await makeActor(db(), 'counter', base.site.id);
    const a = await makeCountList(db(), inv, { status: 'open' });
    const done = await makeCountList(db(), inv, { status: 'closed' });
    await expect(
      reassignCountLists(t.ctx, manager, { countListIds: [a.id, done.id], responsibleUserId: bert.userId }),
    ).rejects.toMatchObject({ code: 'count.list_closed' });
    expect((await listRow(a.id)).responsibleUserId).toBeNull();
  });

  it("needs an active employee of the list's site (error on responsibleUserId)", async () => {
    const inv = await makeInventory(db(), base, { status: 'open' });
    const a = await makeCountList(db(), inv, { status: 'open' });
    const other = await db()
      .insertInto('sites')
      .values({ code: 'OTHERRA', name: 'Other' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const elsewhere = await makeActor(db(), 'counter', other.id);
    const gone = await makeActor(db(), 'counter', base.site.id);
    await db().updateTable('users').set({ active: false }).where('id', '=', gone.userId).execute();
    for (const u of [elsewhere.userId, gone.userId, '999999999']) {
      await expect(
        reassignCountLists(t.ctx, manager, { countListIds: [a.id], responsibleUserId: u }),
      ).rejects.toMatchObject({ code: 'reference.unknown', field: 'responsibleUserId' });
    }
    // A user of every site (no site) may take it.
    const roaming = await makeActor(db(), 'counter', null);
    await reassignCountLists(t.ctx, manager, { countListIds: [a.id], responsibleUserId: roaming.userId });
    expect((await listRow(a.id)).responsibleUserId).toBe(roaming.userId);
  });
});
