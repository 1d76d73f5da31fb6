// The ledger entries a posting created, read back by the entryIds it returned (the posting screen shows them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';
import { makeItem, makeKey, makeOwner, makeSite, makeWarehouse } from '../helpers/factories.js';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.close();
});

describe('GET /api/stock/ledger?ids=', () => {
  it('answers exactly the entries named, and refuses a malformed list on the field', async () => {
    const db = api.db.ctx.db;
    const site = (await makeSite(db)).id;
    const owner = (await makeOwner(db)).id;
    const wh = (await makeWarehouse(db, site)).id;
    await makeKey(db, 'REC', 'receipt');
    const item = (await makeItem(db, { code: 'BYID-1' })).id;
    const post = async (quantity: string) =>
      (
        await api.call('POST', '/api/postings/receipt', {
          siteId: site,
          keyCode: 'REC',
          lines: [{ itemId: item, warehouseId: wh, ownerId: owner, quantity, unitPrice: '2' }],
        })
      ).json().entryIds as string[];
    const first = await post('3');
    const second = await post('4');
    const r = await api.call('GET', `/api/stock/ledger?ids=${second.join(',')}`);
    expect(r.statusCode).toBe(200);
    expect(
      r.json().items.map((e: { id: string; quantity: string; value: string }) => [e.id, e.quantity, e.value]),
    ).toEqual([[second[0], '4', '8']]);
    const both = await api.call('GET', `/api/stock/ledger?ids=${[...first, ...second, ...first].join(',')}`);
    expect(both.json().items.map((e: { id: string }) => e.id)).toEqual([...first, ...second]);
    const bad = await api.call('GET', '/api/stock/ledger?ids=1,x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('ids');
  });
});
