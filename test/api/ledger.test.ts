import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';
import { makeBin, makeItem, makeOwner, makeSite, makeWarehouse, makeZone } from '../helpers/factories.js';

let api: TestApi;
let site: string;
let owner: string;
let wh: string;
let item: string;
let lotItem: string;
beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  site = (await makeSite(db)).id;
  owner = (await makeOwner(db)).id;
  wh = (await makeWarehouse(db, site)).id;
  item = (await makeItem(db)).id;
  lotItem = (await makeItem(db, { lotManagement: 'yes' })).id;
});
afterAll(async () => {
  await api.close();
});

const line = (quantity: string, extra: object = {}) => ({
  itemId: item,
  warehouseId: wh,
  ownerId: owner,
  quantity,
  ...extra,
});

describe('ledger API', () => {
  it('manages transaction keys and refuses changing the kind of a used key', async () => {
    for (const [code, kind] of [
      ['REC', 'receipt'],
      ['ISS', 'issue'],
      ['TRF', 'transfer'],
      ['ADJ', 'adjustment'],
    ]) {
      expect((await api.call('POST', '/api/transaction-keys', { code, kind, description: code })).statusCode).toBe(201);
    }
    expect((await api.call('POST', '/api/transaction-keys', { code: 'REC', kind: 'receipt' })).statusCode).toBe(409);
    const list = await api.call('GET', '/api/transaction-keys?kind=issue');
    expect(list.json().items.map((k: { code: string }) => k.code)).toEqual(['ISS']);
    expect((await api.call('POST', '/api/transaction-keys', { code: 'TMP', kind: 'issue' })).statusCode).toBe(201);
    expect((await api.call('DELETE', '/api/transaction-keys/TMP')).statusCode).toBe(204);
  });

  it('posts receipts and issues with the moving average, and lists balances and entries', async () => {
    const r1 = await api.call('POST', '/api/postings/receipt', {
      siteId: site,
      keyCode: 'REC',
      lines: [line('10', { unitPrice: '7.00' })],
    });
    expect(r1.statusCode).toBe(201);
    expect(r1.json()).toMatchObject({ status: 'posted', entryIds: [expect.any(String)] });
    await api.call('POST', '/api/postings/receipt', {
      siteId: site,
      keyCode: 'REC',
      lines: [line('10', { unitPrice: '9.00' })],
    });
    const iss = await api.call('POST', '/api/postings/issue', { siteId: site, keyCode: 'ISS', lines: [line('-5')] });
    expect(iss.statusCode).toBe(201);
    const bal = await api.call('GET', `/api/stock/balances?itemId=${item}`);
    expect(bal.json().items).toEqual([expect.objectContaining({ itemId: item, quantity: '15', everNonzero: true })]);
    const entries = await api.call('GET', `/api/stock/ledger?itemId=${item}&keyCode=ISS`);
    expect(entries.json().items).toEqual([expect.objectContaining({ quantity: '-5', value: '-40', unitPrice: '8' })]);
    const avail = await api.call('GET', `/api/stock/availability?itemId=${item}&warehouseId=${wh}&ownerId=${owner}`);
    expect(avail.json()).toEqual({ onHand: '15', reserved: '0', available: '15' });
  });

  it('transfers between bins over HTTP, value-neutral, and filters balances and entries by zone', async () => {
    const db = api.db.ctx.db;
    const wms = (await makeWarehouse(db, site, { kind: 'structured' })).id;
    const z1 = (await makeZone(db, site, wms)).id;
    const z2 = (await makeZone(db, site, wms)).id;
    const b1 = (await makeBin(db, site, wms, z1)).id;
    const b2 = (await makeBin(db, site, wms, z2)).id;
    const moved = (await makeItem(db)).id;
    await api.call('POST', '/api/postings/receipt', {
      siteId: site,
      keyCode: 'REC',
      lines: [
        { itemId: moved, warehouseId: wms, zoneId: z1, binId: b1, ownerId: owner, quantity: '10', unitPrice: '3.00' },
      ],
    });
    const trf = await api.call('POST', '/api/postings/transfer', {
      siteId: site,
      keyCode: 'TRF',
      lines: [
        {
          itemId: moved,
          ownerId: owner,
          quantity: '4',
          fromWarehouseId: wms,
          fromZoneId: z1,
          fromBinId: b1,
          toWarehouseId: wms,
          toZoneId: z2,
          toBinId: b2,
        },
      ],
    });
    expect(trf.statusCode).toBe(201);
    expect(trf.json()).toMatchObject({
      status: 'posted',
      entryIds: [expect.any(String), expect.any(String)],
      transferGroup: expect.any(String),
    });
    const inZ2 = await api.call('GET', `/api/stock/ledger?itemId=${moved}&zoneId=${z2}`);
    expect(inZ2.json().items).toEqual([
      expect.objectContaining({ binId: b2, quantity: '4', value: '12', transferGroup: trf.json().transferGroup }),
    ]);
    const inZ1 = await api.call('GET', `/api/stock/ledger?itemId=${moved}&zoneId=${z1}`);
    expect(inZ1.json().items.map((e: { quantity: string }) => e.quantity)).toEqual(['10', '-4']);
    const bal = await api.call('GET', `/api/stock/balances?itemId=${moved}&zoneId=${z2}`);
    expect(bal.json().items).toEqual([expect.objectContaining({ binId: b2, quantity: '4' })]);
  });

  it('names the rule and the field when a posting is refused', async () => {
    const neg = await api.call('POST', '/api/postings/issue', { siteId: site, keyCode: 'ISS', lines: [line('-100')] });
    expect(neg.statusCode).toBe(422);
    expect(neg.json().error).toMatchObject({
      code: 'ledger.negative_stock',
      field: 'lines.0.quantity',
      params: { available: '15' },
    });
    const kind = await api.call('POST', '/api/postings/issue', { siteId: site, keyCode: 'REC', lines: [line('-1')] });
    expect(kind.json().error.code).toBe('ledger.key_kind_mismatch');
    const lot = await api.call('POST', '/api/postings/receipt', {
      siteId: site,
      keyCode: 'REC',
      lines: [{ ...line('1'), itemId: lotItem }],
    });
    expect(lot.json().error).toMatchObject({ code: 'item.lot_required', field: 'lines.0.lot' });
    const float = await api.call('POST', '/api/postings/receipt', {
      siteId: site,
      keyCode: 'REC',
      lines: [{ ...line('1'), quantity: 1.5 }],
    });
    expect(float.statusCode).toBe(400);
    const counter = await api.userToken('clerk', 'counter');
    expect(
      (
        await api.call(
          'POST',
          '/api/postings/receipt',
          { siteId: site, keyCode: 'REC', lines: [line('1')] },
          counter.token,
        )
      ).statusCode,
    ).toBe(403);
  });

  it('parks a posting on locked stock with 202, then posts it on retry once the lock is released', async () => {
    await api.db.ctx.db
      .insertInto('stockLocks')
      .values({ siteId: site, countListId: '5', warehouseId: wh, createdAt: new Date() })
      .execute();
    const parked = await api.call('POST', '/api/postings/issue', { siteId: site, keyCode: 'ISS', lines: [line('-1')] });
    expect(parked.statusCode).toBe(202);
    const { postingErrorId } = parked.json();
    const file = await api.call('GET', '/api/posting-errors?status=pending');
    expect(file.json().items).toEqual([
      expect.objectContaining({ id: postingErrorId, reasonCode: 'ledger.stock_locked', countListId: '5' }),
    ]);
    const again = await api.call('POST', `/api/posting-errors/${postingErrorId}/retry`);
    expect(again.json()).toMatchObject({ status: 'pending', attempts: 1 });
    await api.db.ctx.db.deleteFrom('stockLocks').where('countListId', '=', '5').execute();
    const posted = await api.call('POST', `/api/posting-errors/${postingErrorId}/retry`);
    expect(posted.json()).toMatchObject({ status: 'posted', attempts: 2 });
    const bal = await api.call('GET', `/api/stock/balances?itemId=${item}`);
    expect(bal.json().items[0].quantity).toBe('14');
  });

  it('corrects a parked posting by hand, or discards it with a reason', async () => {
    await api.db.ctx.db
      .insertInto('stockLocks')
      .values({ siteId: site, countListId: '6', warehouseId: wh, createdAt: new Date() })
      .execute();
    const a = (
      await api.call('POST', '/api/postings/issue', {
        siteId: site,
        keyCode: 'ISS',
        postingDate: '2026-03-15',
        lines: [line('-1')],
      })
    ).json();
    const b = (
      await api.call('POST', '/api/postings/issue', {
        siteId: site,
        keyCode: 'ISS',
        postingDate: '2026-03-15',
        lines: [line('-1')],
      })
    ).json();
    await api.db.ctx.db.deleteFrom('stockLocks').where('countListId', '=', '6').execute();
    const corrected = await api.call('POST', `/api/posting-errors/${a.postingErrorId}/correct`, {
      posting: { siteId: site, keyCode: 'ISS', postingDate: '2026-03-15', originType: 'manual', lines: [line('-2')] },
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({
      status: 'posted',
      posting: { lines: [expect.objectContaining({ quantity: '-2' })] },
    });
    expect(
      (await api.call('POST', `/api/posting-errors/${b.postingErrorId}/discard`, { reason: 'duplicate' })).json()
        .status,
    ).toBe('discarded');
    expect(
      (await api.call('POST', `/api/posting-errors/${b.postingErrorId}/discard`, { reason: 'again' })).statusCode,
    ).toBe(409);
  });

  it('reserves only what is available and closes periods in order', async () => {
    const r = await api.call('POST', '/api/reservations', {
      siteId: site,
      itemId: item,
      warehouseId: wh,
      ownerId: owner,
      quantity: '10',
      reference: 'SO-1',
    });
    expect(r.statusCode).toBe(201);
    const tooMuch = await api.call('POST', '/api/reservations', {
      siteId: site,
      itemId: item,
      warehouseId: wh,
      ownerId: owner,
      quantity: '5',
    });
    expect(tooMuch.json().error).toMatchObject({ code: 'ledger.not_available', params: { available: '2' } });
    await api.call('POST', '/api/postings/issue', { siteId: site, keyCode: 'ISS', lines: [line('-5')] });
    const check = await api.call('POST', '/api/reservations/check', { itemIds: [item] });
    expect(check.json().notAvailable).toEqual([r.json().id]);
    const p = await api.call('POST', '/api/periods', {
      fiscalYear: 2026,
      code: '2026',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(p.statusCode).toBe(201);
    expect(
      (
        await api.call('POST', '/api/periods', {
          fiscalYear: 2026,
          code: '2026B',
          startDate: '2026-06-01',
          endDate: '2026-06-30',
        })
      ).statusCode,
    ).toBe(409);
    const closed = await api.call('POST', `/api/periods/${p.json().id}/close`);
    expect(closed.json().status).toBe('closed');
    const late = await api.call('POST', '/api/postings/receipt', { siteId: site, keyCode: 'REC', lines: [line('1')] });
    expect(late.json().error.code).toBe('ledger.period_closed');
  });
});
