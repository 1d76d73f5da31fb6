// Count-list administration over HTTP: manual close (reason required, refused from final statuses, locks
// released, nothing posted) and reassignment (all or none, error on responsibleUserId, handheld lists follow).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCountLists } from '../../src/services/inventory/open.service.js';
import { testApi, type TestApi } from '../helpers/api.js';
import {
  type Base,
  type Inv,
  makeActor,
  makeBalance,
  makeBase,
  makeCountItem,
  makeCountList,
  makeInventory,
  makeItem,
  makePlaces,
} from '../helpers/inventory-factories.js';

let api: TestApi;
let base: Base;
let places: Awaited<ReturnType<typeof makePlaces>>;
let inv: Inv;
let anna: { token: string; userId: string };
let bert: { token: string; userId: string };
const db = () => api.db.ctx.db;
beforeAll(async () => {
  api = await testApi();
  base = await makeBase(db());
  places = await makePlaces(db(), base);
  anna = await api.userToken('anna', 'counter');
  bert = await api.userToken('bert', 'counter');
  inv = await makeInventory(db(), base, { status: 'open' });
});
afterAll(async () => {
  await api.close();
});

async function openList(responsibleUserId: string | null = null) {
  const item = await makeItem(db());
  await makeBalance(db(), {
    siteId: base.site.id,
    itemId: item.id,
    warehouseId: places.plain.id,
    ownerId: base.owner.id,
    quantity: '10',
  });
  const list = await makeCountList(db(), inv, { responsibleUserId });
  await makeCountItem(db(), list, inv, { itemId: item.id, warehouseId: places.plain.id });
  await openCountLists(api.db.ctx, await makeActor(db(), 'manager'), [list.id]);
  return list;
}

describe('POST /api/count-lists/:id/manual-close', () => {
  it('closes the list without postings, keeps the reason, releases its locks', async () => {
    const list = await openList();
    const res = await api.call('POST', `/api/count-lists/${list.id}/manual-close`, {
      reason: 'obsolete after the re-layout',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      countListId: list.id,
      status: 'manually_closed',
      statusReason: 'obsolete after the re-layout',
      releasedLocks: 1,
    });
    expect((await api.call('GET', `/api/count-lists/${list.id}`)).json()).toMatchObject({
      status: 'manually_closed',
      statusReason: 'obsolete after the re-layout',
      reassignable: false,
    });
    expect(await db().selectFrom('stockLocks').select('id').where('countListId', '=', list.id).execute()).toHaveLength(
      0,
    );
    expect(
      await db()
        .selectFrom('stockLedger')
        .select('id')
        .where('originType', '=', 'count_list')
        .where('originId', '=', String(list.id))
        .execute(),
    ).toHaveLength(0);

    const again = await api.call('POST', `/api/count-lists/${list.id}/manual-close`, { reason: 'twice' });
    expect(again.statusCode).toBe(422);
    expect(again.json().error).toMatchObject({ code: 'count.list_closed' });
  });

  it('requires a reason (blank or missing) and a manager', async () => {
    const list = await openList();
    for (const body of [{ reason: '   ' }, {}]) {
      const res = await api.call('POST', `/api/count-lists/${list.id}/manual-close`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ field: 'reason' });
    }
    expect(
      (await api.call('POST', `/api/count-lists/${list.id}/manual-close`, { reason: 'x' }, anna.token)).statusCode,
    ).toBe(403);
    expect((await api.call('GET', `/api/count-lists/${list.id}`)).json().status).toBe('open');
  });
});

describe('POST /api/count-lists/reassign', () => {
  it('hands lists over; the handheld lists follow', async () => {
    const list = await openList(anna.userId);
    const mine = async (token: string) =>
      (await api.call('GET', '/api/handheld/lists', undefined, token)).json().items.map((x: { id: string }) => x.id);
    expect(await mine(anna.token)).toContain(list.id);
    const res = await api.call('POST', '/api/count-lists/reassign', {
      countListIds: [list.id],
      responsibleUserId: bert.userId,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ countListIds: [list.id], responsibleUserId: bert.userId });
    expect(await mine(anna.token)).not.toContain(list.id);
    expect(await mine(bert.token)).toContain(list.id);
  });

  it('refuses all when one list is final, and names responsibleUserId for an unknown employee', async () => {
    const list = await openList(anna.userId);
    const done = await makeCountList(db(), inv, { status: 'manually_closed' });
    const res = await api.call('POST', '/api/count-lists/reassign', {
      countListIds: [list.id, done.id],
      responsibleUserId: bert.userId,
    });
    expect(res.json().error).toMatchObject({ code: 'count.list_closed' });
    const unknown = await api.call('POST', '/api/count-lists/reassign', {
      countListIds: [list.id],
      responsibleUserId: '987654321',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'reference.unknown', field: 'responsibleUserId' });
    expect((await api.call('GET', `/api/count-lists/${list.id}`)).json().responsibleUserId).toBe(anna.userId);
    expect(
      (
        await api.call(
          'POST',
          '/api/count-lists/reassign',
          { countListIds: [list.id], responsibleUserId: bert.userId },
          anna.token,
        )
      ).statusCode,
    ).toBe(403);
  });
});
