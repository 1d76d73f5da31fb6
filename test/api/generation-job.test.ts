// Generation as a job and Duplicate over HTTP: 201 at once or 202 with a job id, the job's progress, the
// unfinished generation on the count-list page, and a duplicate that keeps site, header and parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobNow } from '../../src/services/jobs/runner.js';
import { testApi, type TestApi } from '../helpers/api.js';
import { makeItem, makeWarehouse } from '../helpers/factories.js';
import { addBalance, makeInventory, makeOrg, type Org } from '../medium/inventory/generation-fixture.js';

let api: TestApi;
let org: Org;
const body = { countType: 'article', maxItemsPerList: 2, name: 'Aisle walk' };
beforeAll(async () => {
  api = await testApi();
  org = await makeOrg(api.db);
  const db = api.db.ctx.db;
  const w = (await makeWarehouse(db, org.siteId, { code: 'AGJ' })).id;
  for (let i = 0; i < 5; i++) {
    const item = (await makeItem(db, { code: `AGJ-${i}` })).id;
    await addBalance(db, org.siteId, { itemId: item, warehouseId: w, ownerId: org.ownerId, quantity: '3' });
  }
});
afterAll(async () => {
  await api.close();
});

describe('generation as a job (API)', () => {
  it('generates at once by default (201) and as a job when asked (202, then progress and result)', async () => {
    const small = await makeInventory(api.db, org);
    const now = await api.call('POST', `/api/inventories/${small.id}/count-lists/generate`, body);
    expect(now.statusCode).toBe(201);
    expect(now.json().lists).toHaveLength(3);

    const inv = await makeInventory(api.db, org);
    const res = await api.call('POST', `/api/inventories/${inv.id}/count-lists/generate?mode=job`, body);
    expect(res.statusCode).toBe(202);
    const { jobId, resumed, positions } = res.json();
    expect({ resumed, positions }).toEqual({ resumed: false, positions: 5 });
    const page = await api.call('GET', `/api/inventories/${inv.id}/count-lists`);
    expect(page.json().generation).toMatchObject({ status: 'queued', jobId, positionsDone: 0, positions: 5 });
    await runJobNow(api.db.ctx, jobId);
    const job = (await api.call('GET', `/api/jobs/${jobId}`)).json();
    expect(job).toMatchObject({ kind: 'count_lists.generate', status: 'succeeded', progress: 5, total: 5 });
    expect(job.result.lists).toHaveLength(3);
    const after = (await api.call('GET', `/api/inventories/${inv.id}/count-lists`)).json();
    expect(after.generation).toBeNull();
    expect(after.statusCounts).toEqual({ created: 3 });
  });

  it('refuses an unknown mode naming the field', async () => {
    const inv = await makeInventory(api.db, org);
    const res = await api.call('POST', `/api/inventories/${inv.id}/count-lists/generate?mode=later`, body);
    expect(res.statusCode).toBe(400);
  });
});

describe('duplicate an inventory (API)', () => {
  it('copies header and generation parameters under a new number, status created, same site, no lists', async () => {
    const inv = await makeInventory(api.db, org, 'stock_taking_day', { description: 'Year end', costCentre: 'CC7' });
    await api.call('POST', `/api/inventories/${inv.id}/count-lists/generate`, body);
    const res = await api.call('POST', `/api/inventories/${inv.id}/duplicate`);
    expect(res.statusCode).toBe(201);
    const copy = res.json();
    expect(copy.id).not.toBe(inv.id);
    expect(copy.number).not.toBe(inv.number);
    expect(copy).toMatchObject({
      status: 'created',
      siteId: inv.siteId,
      typeId: inv.typeId,
      description: 'Year end',
      costCentre: 'CC7',
      stockTakingDate: inv.stockTakingDate,
      responsibleUserId: inv.responsibleUserId,
      openedAt: null,
    });
    expect(copy.generationParams).toMatchObject({ countType: 'article', maxItemsPerList: 2, name: 'Aisle walk' });
    const lists = (await api.call('GET', `/api/inventories/${copy.id}/count-lists`)).json();
    expect(lists.items).toEqual([]);
    // The copied parameters generate the same lists again.
    const again = await api.call('POST', `/api/inventories/${copy.id}/count-lists/generate`, copy.generationParams);
    expect(again.statusCode).toBe(201);
    expect(again.json().lists).toHaveLength(3);
  });

  it('is a manager action: a counter is refused, a missing inventory is not found', async () => {
    const inv = await makeInventory(api.db, org);
    const counter = await api.userToken('gj-counter', 'counter');
    expect((await api.call('POST', `/api/inventories/${inv.id}/duplicate`, undefined, counter.token)).statusCode).toBe(
      403,
    );
    expect((await api.call('POST', '/api/inventories/999999/duplicate')).statusCode).toBe(404);
  });
});
