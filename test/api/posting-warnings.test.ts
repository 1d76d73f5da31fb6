// The availability check through HTTP: a warning is part of the 201 response, a blocking shortage is a 422.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';
import { makeItem, makeKey, makeOwner, makeSite, makeWarehouse } from '../helpers/factories.js';

let api: TestApi;
let site: string;
let owner: string;
let wh: string;
beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  site = (await makeSite(db)).id;
  owner = (await makeOwner(db)).id;
  wh = (await makeWarehouse(db, site)).id;
  await makeKey(db, 'REC', 'receipt');
  await makeKey(db, 'ISS', 'issue');
});
afterAll(async () => {
  await api.close();
});

describe('availability check over the API', () => {
  it('returns warnings with a posted issue and refuses a blocking one with the figures', async () => {
    const item = (await makeItem(api.db.ctx.db, { code: 'WARN-1' })).id;
    await api.db.ctx.db
      .updateTable('items')
      .set({ availabilityCheck: 'warning' } as never)
      .where('id', '=', item)
      .execute();
    const line = (quantity: string) => ({ itemId: item, warehouseId: wh, ownerId: owner, quantity });
    expect(
      (await api.call('POST', '/api/postings/receipt', { siteId: site, keyCode: 'REC', lines: [line('4')] })).json()
        .warnings,
    ).toEqual([]);
    await api.db.ctx.db
      .insertInto('reservations')
      .values({
        siteId: site,
        itemId: item,
        warehouseId: wh,
        ownerId: owner,
        quantity: '2',
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      .execute();
    const r = await api.call('POST', '/api/postings/issue', { siteId: site, keyCode: 'ISS', lines: [line('-3')] });
    expect(r.statusCode).toBe(201);
    expect(r.json().warnings).toEqual([
      {
        code: 'ledger.not_available',
        field: 'lines.0.quantity',
        message: expect.stringContaining('item WARN-1'),
        params: {
          itemId: item,
          itemCode: 'WARN-1',
          warehouseId: wh,
          ownerId: owner,
          lot: null,
          mode: 'warning',
          onHand: '4',
          reserved: '2',
          available: '2',
          requested: '3',
        },
      },
    ]);
    await api.db.ctx.db
      .updateTable('items')
      .set({ availabilityCheck: 'blocking' } as never)
      .where('id', '=', item)
      .execute();
    await api.call('POST', '/api/postings/receipt', { siteId: site, keyCode: 'REC', lines: [line('3')] });
    const refused = await api.call('POST', '/api/postings/issue', {
      siteId: site,
      keyCode: 'ISS',
      lines: [line('-3')],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'ledger.not_available',
      field: 'lines.0.quantity',
      params: { itemCode: 'WARN-1', available: '2' },
    });
  });

  it('checks an issue and a transfer without posting: the same warnings, the same refusals, nothing written', async () => {
    const db = api.db.ctx.db;
    await makeKey(db, 'TRF', 'transfer');
    const wh2 = (await makeWarehouse(db, site, { code: 'W-CHK2' })).id;
    const item = (await makeItem(db, { code: 'WARN-2' })).id;
    await db
      .updateTable('items')
      .set({ availabilityCheck: 'warning' } as never)
      .where('id', '=', item)
      .execute();
    await api.call('POST', '/api/postings/receipt', {
      siteId: site,
      keyCode: 'REC',
      lines: [{ itemId: item, warehouseId: wh, ownerId: owner, quantity: '5' }],
    });
    await db
      .insertInto('reservations')
      .values({
        siteId: site,
        itemId: item,
        warehouseId: wh,
        ownerId: owner,
        quantity: '4',
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      .execute();
    const entries = async () =>
      (
        await db
          .selectFrom('stockLedger')
          .select((e) => e.fn.countAll().as('n'))
          .where('itemId', '=', item)
          .executeTakeFirstOrThrow()
      ).n;
    const before = await entries();

    const issue = await api.call('POST', '/api/postings/issue/check', {
      siteId: site,
      keyCode: 'ISS',
      lines: [{ itemId: item, warehouseId: wh, ownerId: owner, quantity: '-2' }],
    });
    expect(issue.statusCode).toBe(200);
    expect(issue.json().warnings).toEqual([
      expect.objectContaining({
        code: 'ledger.not_available',
        field: 'lines.0.quantity',
        params: expect.objectContaining({ available: '1', requested: '2' }),
      }),
    ]);
    const ok = await api.call('POST', '/api/postings/issue/check', {
      siteId: site,
      keyCode: 'ISS',
      lines: [{ itemId: item, warehouseId: wh, ownerId: owner, quantity: '-1' }],
    });
    expect(ok.json()).toEqual({ warnings: [] });

    const move = (quantity: string) => ({
      itemId: item,
      ownerId: owner,
      quantity,
      fromWarehouseId: wh,
      toWarehouseId: wh2,
    });
    const transfer = await api.call('POST', '/api/postings/transfer/check', {
      siteId: site,
      keyCode: 'TRF',
      lines: [move('1'), move('3')],
    });
    expect(transfer.statusCode).toBe(200);
    expect(transfer.json().warnings).toEqual([
      expect.objectContaining({ field: 'lines.0.quantity', params: expect.objectContaining({ requested: '4' }) }),
    ]);
    const wrongKey = await api.call('POST', '/api/postings/transfer/check', {
      siteId: site,
      keyCode: 'ISS',
      lines: [move('1')],
    });
    expect(wrongKey.statusCode).toBe(422);
    expect(wrongKey.json().error).toMatchObject({ code: 'ledger.key_kind_mismatch', field: 'keyCode' });
    const zero = await api.call('POST', '/api/postings/transfer/check', {
      siteId: site,
      keyCode: 'TRF',
      lines: [move('1'), move('0')],
    });
    expect(zero.json().error).toMatchObject({ field: 'lines.1.quantity' });

    await db
      .updateTable('items')
      .set({ availabilityCheck: 'blocking' } as never)
      .where('id', '=', item)
      .execute();
    const refused = await api.call('POST', '/api/postings/issue/check', {
      siteId: site,
      keyCode: 'ISS',
      lines: [{ itemId: item, warehouseId: wh, ownerId: owner, quantity: '-2' }],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'ledger.not_available', field: 'lines.0.quantity' });
    expect(await entries()).toBe(before);
  });
});
