import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobNow } from '../../src/services/jobs/runner.js';
import { testApi, type TestApi } from '../helpers/api.js';
import {
  type Base,
  makeBalance,
  makeBase,
  makeCountItem,
  makeCountList,
  makeInventory,
  makeItem,
  makePlaces,
  type List,
} from '../helpers/inventory-factories.js';

let api: TestApi;
let base: Base;
let places: Awaited<ReturnType<typeof makePlaces>>;
let counter: { token: string; userId: string };
let list: List;
let itemIds: string[];
beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  base = await makeBase(db);
  places = await makePlaces(db, base);
  counter = await api.userToken('counter1', 'counter');
  const inv = await makeInventory(db, base, { showSystemQuantities: false, reportType: 'single' });
  list = await makeCountList(db, inv, { responsibleUserId: counter.userId });
  itemIds = [];
  for (let i = 0; i < 3; i++) {
    const it = await makeItem(db);
    await makeBalance(db, {
      siteId: base.site.id,
      itemId: it.id,
      warehouseId: places.plain.id,
      ownerId: base.owner.id,
      quantity: '10',
    });
    await makeCountItem(db, list, inv, { itemId: it.id, warehouseId: places.plain.id });
    itemIds.push(it.id);
  }
});
afterAll(async () => {
  await api.close();
});

describe('count-list API', () => {
  it('opens lists through a job: 202 with a job id, then the job reports each list', async () => {
    const res = await api.call('POST', '/api/count-lists/open', { countListIds: [list.id] });
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json();
    await runJobNow(api.db.ctx, jobId);
    const job = await api.call('GET', `/api/jobs/${jobId}`);
    expect(job.json()).toMatchObject({
      status: 'succeeded',
      result: { lists: [{ countListId: list.id, status: 'open' }] },
    });
    expect((await api.call('GET', `/api/count-lists/${list.id}`)).json()).toMatchObject({
      status: 'open',
      openItems: 3,
    });
  });

  it('refuses unknown fields and counters opening lists', async () => {
    const bad = await api.call('POST', '/api/count-lists/open', { countListIds: [list.id], force: true });
    expect(bad.json().error).toMatchObject({ code: 'validation.unknown_field', field: 'force' });
    const forbidden = await api.call('POST', '/api/count-lists/open', { countListIds: [list.id] }, counter.token);
    expect(forbidden.statusCode).toBe(403);
  });

  it('blind: the counter gets no targets from the item list, the manager does', async () => {
    const asCounter = (await api.call('GET', `/api/count-lists/${list.id}/items`, undefined, counter.token)).json();
    expect(asCounter.items.map((i: { targetQuantity: string | null }) => i.targetQuantity)).toEqual([null, null, null]);
    const asManager = (await api.call('GET', `/api/count-lists/${list.id}/items?limit=2`)).json();
    expect(asManager.items.map((i: { targetQuantity: string | null }) => i.targetQuantity)).toEqual(['10', '10']);
    expect(asManager.nextOffset).toBe(2);
  });

  it('reports a count, keeps it in the item history, and verification invalidates it', async () => {
    const res = await api.call(
      'POST',
      `/api/count-lists/${list.id}/reports`,
      { itemId: itemIds[0], warehouseId: places.plain.id, quantity: '9', clientReportId: 'r-1' },
      counter.token,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'recorded',
      item: { reportedQuantity: '9', targetQuantity: null },
      report: { mode: 'replace' },
    });
    const mark = await api.call('PUT', `/api/count-list-items/${body.item.id}/verification-mark`, { mark: true });
    expect(mark.json()).toEqual({ id: body.item.id, verificationMark: true });
    const verify = await api.call('POST', `/api/inventories/${list.inventoryId}/verify`, {});
    expect(verify.json()).toMatchObject({ reopenedItems: 1, invalidatedReports: 1 });
    const reports = (
      await api.call('GET', `/api/count-list-items/${body.item.id}/reports`, undefined, counter.token)
    ).json();
    expect(reports.items).toMatchObject([{ quantity: '9', valid: false, clientReportId: 'r-1' }]);
  });

  it('imports counts; "mark all as reported" is refused on the blind list (422), so the rest is imported too', async () => {
    const imp = await api.call('POST', `/api/count-lists/${list.id}/import`, {
      rows: [{ itemId: itemIds[0], warehouseId: places.plain.id, quantity: '8' }],
    });
    expect(imp.json()).toEqual({ reported: 1 });
    const all = await api.call('POST', `/api/count-lists/${list.id}/mark-all-reported`, {}, counter.token);
    expect(all.statusCode).toBe(422);
    expect(all.json().error.code).toBe('count.blind_mark_all');
    const rest = await api.call(
      'POST',
      `/api/count-lists/${list.id}/import`,
      { rows: itemIds.slice(1).map((itemId) => ({ itemId, warehouseId: places.plain.id, quantity: '10' })) },
      counter.token,
    );
    expect(rest.json()).toEqual({ reported: 2 });
    expect((await api.call('GET', `/api/count-lists/${list.id}`)).json()).toMatchObject({
      status: 'completely_reported',
      openItems: 0,
      reportedItems: 3,
    });
  });

  it('closes the inventory (its lists first) and refuses to delete a closed list', async () => {
    const res = await api.call('POST', `/api/inventories/${list.inventoryId}/close`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', lists: [{ countListId: list.id, status: 'closed' }] });
    const del = await api.call('DELETE', `/api/count-lists/${list.id}`);
    expect(del.json().error.code).toBe('count.list_closed');
  });

  it('answers 404 for an unknown job and 422 for a report on a closed list', async () => {
    expect((await api.call('GET', '/api/jobs/job_nothing')).statusCode).toBe(404);
    const rule = await api.call('POST', `/api/count-lists/${list.id}/reports`, {
      itemId: itemIds[1],
      warehouseId: places.plain.id,
      quantity: '1',
      mode: 'replace',
    });
    expect(rule.statusCode).toBe(422);
    expect(rule.json().error.code).toBe('count.list_closed');
  });
});
