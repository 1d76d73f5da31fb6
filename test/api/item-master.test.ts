// HTTP API of the item-master extensions through fastify inject: coding and barcodes on creation, copy,
// extension fields, price lists and the price query, lot/serial classes and lots, planning reports, CSV/XLSX import/export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { isValidGtin } from '../../src/domain/barcode/index.js';
import { XLSX_MEDIA_TYPE as XLSX, parseXlsx } from '../../src/services/items/import-files.js';
import { testApi, type TestApi } from '../helpers/api.js';
import { makeKey, makeOwner, makeSite, makeWarehouse } from '../helpers/factories.js';

let api: TestApi;
let counter: string;
let manager: string;
let warehouseId = '';
let siteId = '';
beforeAll(async () => {
  api = await testApi();
  counter = (await api.userToken('im-counter', 'counter')).token;
  manager = (await api.userToken('im-manager', 'manager')).token;
  for (const u of [{ code: 'PZ' }, { code: 'S10' }])
    expect((await api.call('POST', '/api/units', u, manager)).statusCode).toBe(201);
  const site = await makeSite(api.db.ctx.db);
  siteId = site.id;
  warehouseId = (await makeWarehouse(api.db.ctx.db, site.id, { code: 'W1' })).id;
});
afterAll(async () => {
  await api.close();
});

describe('creating items', () => {
  it('generates the code from the default class and an EAN-13 stored as a search code', async () => {
    expect(
      (
        await api.call(
          'POST',
          '/api/item-master/item-classes',
          { code: 'GEN', prefix: 'A', width: 4, isDefault: true },
          manager,
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (await api.call('PUT', '/api/item-master/barcode-settings/ean13', { companyPrefix: '5012345' }, manager)).json(),
    ).toEqual({ kind: 'ean13', companyPrefix: '5012345', itemReferenceDigits: 5, nextValue: '1' });
    const r = await api.call(
      'POST',
      '/api/item-master/items',
      {
        item: { description: 'Widget', primaryUnit: 'PZ' },
        barcode: { mode: 'ean13' },
        master: { vatCode: 'V22', netWeight: '1.250' },
      },
      manager,
    );
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body.item).toMatchObject({ code: 'A0001', itemClass: 'GEN', vatCode: 'V22', netWeight: '1.25' });
    expect(isValidGtin(body.generatedBarcode)).toBe(true);
    const codes = (await api.call('GET', `/api/items/${body.item.id}/search-codes`, undefined, counter)).json().items;
    expect(codes.map((c: { code: string }) => c.code)).toEqual(['A0001', body.generatedBarcode]);
    expect(
      (await api.call('GET', '/api/item-master/barcode-settings', undefined, counter)).json().items[0].nextValue,
    ).toBe('2');
  });

  it('validates the body and the barcode type, and needs a manager', async () => {
    const bad = await api.call(
      'POST',
      '/api/item-master/items',
      { item: { code: '123', description: 'x', primaryUnit: 'PZ' }, barcode: { mode: 'item_code', type: 'ean8' } },
      manager,
    );
    expect([bad.statusCode, bad.json().error.code, bad.json().error.field]).toEqual([
      400,
      'coding.barcode_invalid',
      'item.code',
    ]);
    expect(
      (
        await api.call(
          'POST',
          '/api/item-master/items',
          { item: { description: 'x', primaryUnit: 'PZ' }, colour: 'red' },
          manager,
        )
      ).json().error.code,
    ).toBe('validation.unknown_field');
    expect(
      (await api.call('POST', '/api/item-master/items', { item: { description: 'x', primaryUnit: 'PZ' } }, counter))
        .statusCode,
    ).toBe(403);
  });

  it('copies an item, reads and patches its item-master fields', async () => {
    const src = (
      await api.call(
        'POST',
        '/api/item-master/items',
        {
          item: { code: 'SRC', description: 'Source', primaryUnit: 'PZ', validTo: '2027-01-01' },
          master: { minStock: '5', maxStock: '50' },
        },
        manager,
      )
    ).json().item;
    await api.call('POST', `/api/items/${src.id}/search-codes`, { code: 'SRC-ALT', unit: 'PZ' }, manager);
    const copy = await api.call(
      'POST',
      `/api/item-master/items/${src.id}/copy`,
      { item: { code: 'SRC2', description: 'Copy' } },
      manager,
    );
    expect(copy.statusCode).toBe(201);
    expect(copy.json().item).toMatchObject({ code: 'SRC2', minStock: '5', maxStock: '50', validTo: null });
    const patched = await api.call(
      'PATCH',
      `/api/item-master/items/${copy.json().item.id}`,
      { availabilityCheck: 'blocking', preferredWarehouseId: warehouseId, grossWeight: '2' },
      manager,
    );
    expect(patched.json().master).toMatchObject({
      availabilityCheck: 'blocking',
      preferredWarehouseId: warehouseId,
      grossWeight: '2',
    });
    const wp = await api.call(
      'PUT',
      `/api/item-master/items/${src.id}/warehouse-planning/${warehouseId}`,
      { minStock: '1' },
      manager,
    );
    expect(wp.json().warehousePlanning).toEqual([
      expect.objectContaining({ warehouseId, minStock: '1', maxStock: null }),
    ]);
    const alt = await api.call(
      'PUT',
      `/api/item-master/items/${src.id}/alternatives`,
      { alternativeItemIds: [copy.json().item.id] },
      manager,
    );
    expect(alt.json().alternatives.map((a: { code: string }) => a.code)).toEqual(['SRC2']);
    const full = await api.call('GET', `/api/item-master/items/${src.id}`, undefined, counter);
    expect(full.json()).toMatchObject({ item: { code: 'SRC' }, master: { minStock: '5' } });
  });

  it('creates from a template', async () => {
    const ref = (await api.call('GET', '/api/items?q=SRC&match=prefix', undefined, counter))
      .json()
      .items.find((i: { code: string }) => i.code === 'SRC');
    expect(
      (await api.call('POST', '/api/item-master/templates', { code: 'T1', referenceItemId: ref.id }, manager))
        .statusCode,
    ).toBe(201);
    const r = await api.call(
      'POST',
      '/api/item-master/items',
      { template: 'T1', item: { code: 'FROM-T1', description: 'From template' } },
      manager,
    );
    expect(r.json().item).toMatchObject({ primaryUnit: 'PZ', minStock: '5', validTo: null });
    expect((await api.call('GET', '/api/item-master/templates', undefined, counter)).json().items[0]).toMatchObject({
      code: 'T1',
      referenceItemCode: 'SRC',
    });
  });
});

describe('price lists', () => {
  it('prices a quantity with tiers, discounts and a secondary unit', async () => {
    const item = (
      await api.call(
        'POST',
        '/api/items',
        {
          code: 'P1',
          description: 'Priced',
          primaryUnit: 'PZ',
          secondaryUnit: 'S10',
          secondaryConversionOp: 'x',
          secondaryConversionFactor: '10',
        },
        manager,
      )
    ).json();
    const list = (
      await api.call(
        'POST',
        '/api/item-master/price-lists',
        { code: 'RETAIL', currency: 'EUR', discountsAllowed: true },
        manager,
      )
    ).json();
    const row = await api.call(
      'POST',
      `/api/item-master/items/${item.id}/prices`,
      {
        priceListId: list.id,
        validFrom: '2026-01-01',
        unit: 'PZ',
        tiers: [
          { upTo: '10', price: '1.00' },
          { upTo: null, price: '0.90', discounts: ['10', '5'] },
        ],
      },
      manager,
    );
    expect(row.statusCode).toBe(201);
    const price = await api.call(
      'GET',
      `/api/item-master/items/${item.id}/price?priceListId=${list.id}&quantity=2&unit=S10&date=2026-03-01`,
      undefined,
      counter,
    );
    expect(price.json()).toMatchObject({
      quantityInPriceUnit: '20',
      netPrice: '0.7695',
      unitPrice: '7.695',
      amount: '15.39',
    });
    const overlap = await api.call(
      'POST',
      `/api/item-master/items/${item.id}/prices`,
      { priceListId: list.id, unit: 'PZ', tiers: [{ upTo: null, price: '1' }] },
      manager,
    );
    expect([overlap.statusCode, overlap.json().error.code]).toEqual([409, 'price.validity_overlap']);
    const bad = await api.call(
      'POST',
      `/api/item-master/items/${item.id}/prices`,
      {
        priceListId: list.id,
        validFrom: '2020-01-01',
        validTo: '2020-12-31',
        unit: 'PZ',
        tiers: [
          { upTo: null, price: '1' },
          { upTo: '5', price: '1' },
        ],
      },
      manager,
    );
    expect([bad.statusCode, bad.json().error.field]).toEqual([400, 'tiers.0.upTo']);
    expect(
      (
        await api.call(
          'GET',
          `/api/item-master/items/${item.id}/price?priceListId=${list.id}&quantity=1&date=2025-01-01`,
          undefined,
          counter,
        )
      ).statusCode,
    ).toBe(422);
    expect(
      (await api.call('GET', '/api/item-master/price-lists', undefined, counter))
        .json()
        .items.map((l: { code: string }) => l.code),
    ).toEqual(['RETAIL']);
  });
});

describe('lots and planning', () => {
  it('lot classes generate lot codes; proposals and availability answer for an empty warehouse', async () => {
    expect(
      (
        await api.call(
          'POST',
          '/api/item-master/lot-classes',
          { code: 'LC', prefix: 'B', datePattern: 'YYYYMM', width: 2 },
          manager,
        )
      ).statusCode,
    ).toBe(201);
    const item = (
      await api.call(
        'POST',
        '/api/item-master/items',
        {
          item: { code: 'LOTTED', description: 'Lotted', primaryUnit: 'PZ', lotManagement: 'yes' },
          master: { lotClass: 'LC', lotConsumption: 'fefo' },
        },
        manager,
      )
    ).json().item;
    expect(item.lotAvailabilityCheck).toBe('blocking');
    const lot = await api.call(
      'POST',
      `/api/item-master/items/${item.id}/lots`,
      { productionDate: '2026-03-02', expiryDate: '2026-09-01' },
      manager,
    );
    expect(lot.json()).toMatchObject({ code: 'B20260301', expiryDate: '2026-09-01' });
    const p = await api.call(
      'GET',
      `/api/item-master/items/${item.id}/lot-proposal?warehouseId=${warehouseId}&quantity=3`,
      undefined,
      manager,
    );
    expect(p.json()).toMatchObject({ consumption: 'fefo', lines: [], shortfall: '3' });
    const a = await api.call(
      'GET',
      `/api/item-master/items/${item.id}/availability?warehouseId=${warehouseId}&quantity=3`,
      undefined,
      manager,
    );
    expect(a.json()).toMatchObject({ available: '0', outcome: 'blocked' });
    expect(
      (await api.call('POST', '/api/item-master/serial-classes', { code: 'SC', prefix: 'X', width: 3 }, manager)).json()
        .nextValue,
    ).toBe('1');
  });

  it('runs the ABC analysis (admin only) and the stock-control report', async () => {
    expect(
      (await api.call('POST', '/api/item-master/abc-analysis', { from: '2026-01-01', to: '2026-12-31' }, manager))
        .statusCode,
    ).toBe(403);
    const run = await api.call('POST', '/api/item-master/abc-analysis', {
      from: '2026-01-01',
      to: '2026-12-31',
      thresholdA: '70',
      thresholdB: '90',
    });
    expect(run.json()).toMatchObject({ thresholdA: '70', totalValue: '0' });
    expect(run.json().counts.C).toBeGreaterThan(0);
    const sc = await api.call(
      'GET',
      `/api/item-master/stock-control?warehouseId=${warehouseId}&status=below_minimum`,
      undefined,
      manager,
    );
    expect(sc.json().items.map((l: { itemCode: string }) => l.itemCode)).toEqual(expect.arrayContaining(['SRC']));
  });
});

describe('import and export', () => {
  const csv = (url: string, body: string, token: string) =>
    api.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    });

  it('imports CSV items with a report, refuses a bad header, exports CSV', async () => {
    const r = await csv(
      '/api/item-master/import/items',
      'code,description,primaryUnit\nCSV-1,From CSV,PZ\nCSV-2,,PZ\n',
      manager,
    );
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      status: 'imported',
      total: 2,
      imported: 1,
      rejected: [expect.objectContaining({ line: 3, field: 'description', code: 'validation.failed' })],
    });
    const dry = await csv(
      '/api/item-master/import/items?dryRun=true',
      'code,description,primaryUnit\nCSV-3,Dry,PZ\n',
      manager,
    );
    expect(dry.json()).toMatchObject({ status: 'validated', imported: 0 });
    const bad = await csv('/api/item-master/import/items', 'code;colour\nX;red\n', manager);
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'import.header_invalid']);
    expect((await csv('/api/item-master/import/items', 'code,description,primaryUnit\n', counter)).statusCode).toBe(
      403,
    );
    const sc = await csv('/api/item-master/import/search-codes', 'itemCode,code,unit\nCSV-1,CSV-1-ALT,PZ\n', manager);
    expect(sc.json()).toMatchObject({ imported: 1, rejected: [] });
    const exp = await api.call('GET', '/api/item-master/export/items', undefined, counter);
    expect(exp.headers['content-type']).toContain('text/csv');
    expect(exp.body.split('\r\n').some((l) => l.startsWith('CSV-1,From CSV,PZ'))).toBe(true);
  });

  it('imports and exports XLSX with the same report (row and column)', async () => {
    const workbook = await writeXlsxFile([
      ['code', 'description', 'primaryUnit', 'standardCost'],
      ['XL-1', 'From XLSX', 'PZ', 2.25],
      ['XL-2', 'Bad unit', 'NOPE', null],
    ]).toBuffer();
    const r = await api.app.inject({
      method: 'POST',
      url: '/api/item-master/import/items',
      payload: workbook,
      headers: { authorization: `Bearer ${manager}`, 'content-type': XLSX },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      status: 'imported',
      total: 2,
      imported: 1,
      rejected: [expect.objectContaining({ line: 3, column: 'C', field: 'primaryUnit', code: 'reference.unknown' })],
    });
    const exp = await api.app.inject({
      method: 'GET',
      url: '/api/item-master/export/items?format=xlsx',
      headers: { authorization: `Bearer ${counter}` },
    });
    expect([exp.statusCode, exp.headers['content-type'], exp.headers['content-disposition']]).toEqual([
      200,
      XLSX,
      'attachment; filename="items.xlsx"',
    ]);
    const rows = await parseXlsx(exp.rawPayload);
    expect(rows.rows.find((x) => x.values.code === 'XL-1')?.values).toMatchObject({
      description: 'From XLSX',
      standardCost: '2.25',
    });
  });

  it('posts opening stock from CSV through the ledger', async () => {
    await makeOwner(api.db.ctx.db, { code: 'OWN1' });
    await makeKey(api.db.ctx.db, 'OPEN', 'receipt');
    const r = await csv(
      `/api/item-master/import/opening-stock?siteId=${siteId}&keyCode=OPEN&postingDate=2026-01-02`,
      'itemCode,warehouseCode,ownerCode,quantity,unitPrice\nCSV-1,W1,OWN1,7,2\nCSV-1,NOWH,OWN1,1,1\n',
      manager,
    );
    expect(r.json()).toEqual({
      status: 'posted',
      total: 2,
      posted: 1,
      rejected: [expect.objectContaining({ line: 3, field: 'warehouseCode' })],
    });
    const item = (await api.call('GET', '/api/items?q=CSV-1&match=prefix', undefined, counter))
      .json()
      .items.find((i: { code: string }) => i.code === 'CSV-1');
    const a = await api.call(
      'GET',
      `/api/item-master/items/${item.id}/availability?warehouseId=${warehouseId}&quantity=7`,
      undefined,
      manager,
    );
    expect(a.json()).toMatchObject({ onHand: '7', sufficient: true });
  });
});
