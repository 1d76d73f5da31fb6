// Assigned counters over HTTP: PUT /api/count-lists/:id/counters (manager; active users of the list's site or
// of no site; not on final lists; errors name the field), the reassign endpoint setting counters, the list
// views with names, and an assigned counter working on the handheld.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCountLists } from '../../src/services/inventory/open.service.js';
import { testApi, type TestApi } from '../helpers/api.js';
import { makeSite } from '../helpers/factories.js';
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
let cleo: { token: string; userId: string };
const db = () => api.db.ctx.db;
beforeAll(async () => {
  api = await testApi();
  base = await makeBase(db());
  places = await makePlaces(db(), base);
  anna = await api.userToken('anna', 'counter');
  bert = await api.userToken('bert', 'counter');
  cleo = await api.userToken('cleo', 'counter');
  inv = await makeInventory(db(), base, { status: 'open', reportType: 'cumulative' });
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
  return { list, item };
}

const put = (listId: string, body: unknown, token?: string) =>
  api.call('PUT', `/api/count-lists/${listId}/counters`, body, token);

describe('PUT /api/count-lists/:id/counters', () => {
  it("sets the counters; the list, the inventory's lists and the handheld show them", async () => {
    const { list, item } = await openList(anna.userId);
    const res = await put(list.id, { userIds: [bert.userId, cleo.userId] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      countListId: list.id,
      responsibleUserId: anna.userId,
      counters: [
        { userId: bert.userId, name: 'bert' },
        { userId: cleo.userId, name: 'cleo' },
      ],
    });
    expect((await api.call('GET', `/api/count-lists/${list.id}`)).json()).toMatchObject({
      responsibleUserId: anna.userId,
      responsibleName: 'anna',
      counters: [
        { userId: bert.userId, name: 'bert' },
        { userId: cleo.userId, name: 'cleo' },
      ],
    });
    const page = (await api.call('GET', `/api/inventories/${inv.id}/count-lists`)).json();
    expect(page.items.find((l: { id: string }) => l.id === list.id)).toMatchObject({
      responsibleName: 'anna',
      counters: [{ name: 'bert' }, { name: 'cleo' }],
    });

    // Bert counts on the handheld: the list is in his picker and his scan is recorded as his.
    const picker = (await api.call('GET', '/api/handheld/lists', undefined, bert.token)).json();
    expect(picker.items.map((l: { id: string }) => l.id)).toContain(list.id);
    const scan = await api.call(
      'POST',
      `/api/handheld/lists/${list.id}/scans`,
      { clientReportId: 'bert-1', itemCode: item.code, quantity: '4', mode: 'add', device: 'HH-7' },
      bert.token,
    );
    expect(scan.statusCode).toBe(200);
    const history = (await api.call('GET', `/api/count-lists/${list.id}/items`)).json().items[0];
    const reports = (await api.call('GET', `/api/count-list-items/${history.id}/reports`)).json().items;
    expect(
      reports.map((r: { userId: string; userName: string; device: string }) => [r.userId, r.userName, r.device]),
    ).toEqual([[bert.userId, 'bert', 'HH-7']]);

    // [] removes them all: Bert is refused again — the list is no longer his, so it answers as a missing one.
    expect((await put(list.id, { userIds: [] })).json().counters).toEqual([]);
    const refused = await api.call(
      'POST',
      `/api/handheld/lists/${list.id}/scans`,
      { clientReportId: 'bert-2', itemCode: item.code, quantity: '1', mode: 'add' },
      bert.token,
    );
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('not_found');
  });

  it('refuses unknown, inactive and other-site users naming userIds, and changes nothing', async () => {
    const { list } = await openList(anna.userId);
    await put(list.id, { userIds: [bert.userId] });
    const unknown = await put(list.id, { userIds: [cleo.userId, '987654321'] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({
      code: 'reference.unknown',
      field: 'userIds',
      params: { userId: '987654321' },
    });
    const gone = await makeActor(db(), 'counter');
    await db().updateTable('users').set({ active: false }).where('id', '=', gone.userId).execute();
    expect((await put(list.id, { userIds: [gone.userId] })).json().error).toMatchObject({
      code: 'reference.unknown',
      field: 'userIds',
      params: { userId: gone.userId },
    });
    const elsewhere = await makeActor(db(), 'counter', (await makeSite(db())).id);
    expect((await put(list.id, { userIds: [elsewhere.userId] })).json().error).toMatchObject({
      code: 'reference.unknown',
      field: 'userIds',
      params: { userId: elsewhere.userId, countListNumber: list.number },
    });
    // A user of the list's own site is fine.
    const local = await makeActor(db(), 'counter', base.site.id);
    expect((await put(list.id, { userIds: [local.userId] })).statusCode).toBe(200);
    await put(list.id, { userIds: [bert.userId] });
    expect((await api.call('GET', `/api/count-lists/${list.id}`)).json().counters).toEqual([
      { userId: bert.userId, name: 'bert' },
    ]);
  });

  it('needs a manager, a body without unknown fields, and a list that is not closed', async () => {
    const { list } = await openList(anna.userId);
    expect((await put(list.id, { userIds: [bert.userId] }, anna.token)).statusCode).toBe(403);
    const unknownField = await put(list.id, { userIds: [], colour: 'red' });
    expect(unknownField.json().error).toMatchObject({ code: 'validation.unknown_field', field: 'colour' });
    expect((await put(list.id, {})).json().error).toMatchObject({ code: 'validation.failed', field: 'userIds' });
    const done = await makeCountList(db(), inv, { status: 'closed' });
    const closed = await put(done.id, { userIds: [bert.userId] });
    expect(closed.statusCode).toBe(422);
    expect(closed.json().error).toMatchObject({ code: 'count.list_closed' });
    expect((await put('987654321', { userIds: [] })).statusCode).toBe(404);
  });
});

describe('POST /api/count-lists/reassign with counterUserIds', () => {
  it('sets responsible and counters of every list; without counterUserIds the counters stay', async () => {
    const a = (await openList(anna.userId)).list;
    const b = (await openList(anna.userId)).list;
    const res = await api.call('POST', '/api/count-lists/reassign', {
      countListIds: [a.id, b.id],
      responsibleUserId: bert.userId,
      counterUserIds: [cleo.userId, anna.userId],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      countListIds: [a.id, b.id],
      responsibleUserId: bert.userId,
      counterUserIds: [cleo.userId, anna.userId],
    });
    for (const id of [a.id, b.id]) {
      expect((await api.call('GET', `/api/count-lists/${id}`)).json()).toMatchObject({
        responsibleUserId: bert.userId,
        counters: [{ name: 'anna' }, { name: 'cleo' }],
      });
    }
    await api.call('POST', '/api/count-lists/reassign', { countListIds: [a.id], responsibleUserId: anna.userId });
    expect((await api.call('GET', `/api/count-lists/${a.id}`)).json()).toMatchObject({
      responsibleUserId: anna.userId,
      counters: [{ name: 'anna' }, { name: 'cleo' }],
    });
  });

  it('a bad counter refuses the whole request naming counterUserIds', async () => {
    const a = (await openList(anna.userId)).list;
    const res = await api.call('POST', '/api/count-lists/reassign', {
      countListIds: [a.id],
      responsibleUserId: bert.userId,
      counterUserIds: ['987654321'],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'reference.unknown', field: 'counterUserIds' });
    expect((await api.call('GET', `/api/count-lists/${a.id}`)).json()).toMatchObject({
      responsibleUserId: anna.userId,
      counters: [],
    });
  });
});
