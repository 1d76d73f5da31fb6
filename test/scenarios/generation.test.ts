// Story: a year-end stock-taking is prepared over the API. The site has a plain warehouse 001, a second
// plain warehouse 002 and a high-bay warehouse HB with an inventory-differences zone. The manager creates
// the type and the inventory, generates article lists (the seed example), bin lists per aisle and a
// difference list, sees that nothing is listed twice, removes a list, regenerates it, and starts. Lists
// nobody may count are refused: the inventory needs its responsible counter first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';
import { makeBin, makeItem, makeKey, makeOwner, makeSite, makeWarehouse, makeZone } from '../helpers/factories.js';

let api: TestApi;
let inventoryId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  const site = (await makeSite(db, { code: 'PLANT' })).id;
  const owner = (await makeOwner(db, { code: 'ACME' })).id;
  Object.assign(ids, { site, owner });
  await makeKey(db, 'INV-ADJ', 'adjustment');
  await makeKey(db, 'INV-TRF', 'transfer');
  await makeKey(db, 'INV-VAL', 'revaluation');
  const w001 = (await makeWarehouse(db, site, { code: '001' })).id;
  const w002 = (await makeWarehouse(db, site, { code: '002' })).id;
  const hb = (await makeWarehouse(db, site, { code: 'HB', kind: 'structured' })).id;
  const rack = (await makeZone(db, site, hb, { code: 'RACK', structured: true, organisation: 'high_bay' })).id;
  const diff = (await makeZone(db, site, hb, { code: 'DIFF', structured: false, usage: 'inventory_differences' })).id;
  const i100 = (await makeItem(db, { code: '100' })).id;
  const i200 = (await makeItem(db, { code: '200' })).id;
  const put = (
    itemId: string,
    warehouseId: string,
    quantity: string,
    zoneId: string | null = null,
    binId: string | null = null,
  ) =>
    db
      .insertInto('stockBalances')
      .values({
        siteId: site,
        itemId,
        warehouseId,
        zoneId,
        binId,
        ownerId: owner,
        quantity,
        everNonzero: true,
        updatedAt: new Date(),
      })
      .execute();
  await put(i100, w001, '10');
  await put(i100, w002, '4');
  await put(i200, w001, '2');
  for (const [aisle, place] of [
    ['A', '01'],
    ['A', '02'],
    ['B', '01'],
  ] as const) {
    const bin = await makeBin(db, site, hb, rack, {
      code: `${aisle}-01-1-${place}`,
      aisle,
      rowNo: '01',
      levelNo: '1',
      place,
    });
    if (place === '01') await put(i100, hb, '6', rack, bin.id);
  }
  await put(i200, hb, '-1', diff);
});
afterAll(async () => {
  await api.close();
});

describe('preparing a year-end stock-taking', () => {
  it('the administrator defines the inventory type', async () => {
    const res = await api.call('POST', '/api/inventory-types', {
      code: 'YEAREND',
      method: 'stock_taking_day',
      inventoryNumbering: { prefix: 'YE-', width: 3 },
      countListNumbering: { prefix: 'YE-L', width: 4 },
      adjustmentKey: 'INV-ADJ',
      transferKey: 'INV-TRF',
      valueAdjustmentKey: 'INV-VAL',
      valuationPrice: 'inventory',
      reportType: 'single',
      showSystemQuantities: false,
    });
    expect(res.statusCode).toBe(201);
    ids.type = res.json().id;
  });

  it('the manager creates the inventory for the owner and the stock-taking date', async () => {
    const res = await api.call('POST', '/api/inventories', {
      typeId: ids.type,
      siteId: ids.site,
      ownerId: ids.owner,
      stockTakingDate: '2026-12-31',
      description: 'Year end 2026',
    });
    expect(res.json()).toMatchObject({
      number: 'YE-001',
      status: 'created',
      fiscalYear: 2026,
      valuationPrice: 'inventory',
    });
    inventoryId = res.json().id;
  });

  it('lists nobody may count are refused until the inventory has its responsible counter', async () => {
    const refused = await api.call('POST', `/api/inventories/${inventoryId}/count-lists/generate/preview`, {
      countType: 'article',
    });
    expect(refused.json().error).toMatchObject({
      code: 'generation.no_responsible_inventory',
      field: 'responsibleOrigin',
      params: { inventoryNumber: 'YE-001' },
    });
    // "From warehouse": the warehouse of the list's first line has no responsible employee; the refusal names it.
    const byWh = await api.call('POST', `/api/inventories/${inventoryId}/count-lists/generate/preview`, {
      countType: 'article',
      responsibleOrigin: 'warehouse',
    });
    expect(byWh.json().error).toMatchObject({
      code: 'generation.no_responsible_warehouse',
      params: { warehouses: '001' },
    });
    const counter = await api.userToken('yve.counter', 'counter');
    const set = await api.call('PATCH', `/api/inventories/${inventoryId}`, { responsibleUserId: counter.userId });
    expect(set.statusCode).toBe(200);
  });

  it('article lists follow the structure table exactly as in the manual', async () => {
    const body = {
      countType: 'article',
      warehouseIds: undefined,
      structure: [
        { criterion: 'warehouse_zone', groupChange: 1 },
        { criterion: 'article', groupChange: 2 },
      ],
    };
    // Only the plain warehouses: the differences zone gets its own list below.
    const w = await api.db.ctx.db
      .selectFrom('warehouses')
      .select(['id', 'code'])
      .where('siteId', '=', ids.site!)
      .execute();
    const plain = w.filter((x) => x.code !== 'HB').map((x) => x.id);
    const preview = await api.call('POST', `/api/inventories/${inventoryId}/count-lists/generate/preview`, {
      ...body,
      warehouseIds: plain,
    });
    expect(preview.json().lists.map((l: { items: number }) => l.items)).toEqual([2, 1]);
    const res = await api.call('POST', `/api/inventories/${inventoryId}/count-lists/generate`, {
      ...body,
      warehouseIds: plain,
      name: 'Plain warehouses',
    });
    expect(res.json().lists.map((l: { number: string; items: number }) => [l.number, l.items])).toEqual([
      ['YE-L0001', 2],
      ['YE-L0002', 1],
    ]);
  });

  it('bin lists count whole bins, one list per aisle, empty bins included', async () => {
    const res = await api.call('POST', `/api/inventories/${inventoryId}/count-lists/generate`, {
      countType: 'bin',
      stockConsideration: 'occupied_and_empty_bins',
      structure: [{ criterion: 'aisle', newList: true }],
    });
    expect(res.json().lists.map((l: { items: number }) => l.items)).toEqual([2, 1]);
  });

  it('the difference list covers the differences zone', async () => {
    const res = await api.call('POST', `/api/inventories/${inventoryId}/count-lists/generate`, {
      countType: 'differences',
    });
    expect(res.json()).toMatchObject({ positions: 1, lists: [{ items: 1 }] });
  });

  it('a second run lists nothing twice', async () => {
    const res = await api.call('POST', `/api/inventories/${inventoryId}/count-lists/generate/preview`, {
      countType: 'article',
    });
    expect(res.json()).toMatchObject({ positions: 0, lists: [], skippedOnOtherList: 4 });
    const info = await api.call('POST', `/api/inventories/${inventoryId}/count-lists/generate/preview`, {
      countType: 'article',
      informationalItems: true,
    });
    expect(info.json()).toMatchObject({ positions: 0, informational: 4 });
  });

  it('a wrong list is deleted and generated again; then the inventory starts', async () => {
    const lists = (await api.call('GET', `/api/inventories/${inventoryId}/count-lists`)).json();
    expect(lists.statusCounts).toEqual({ created: 5 });
    const last = lists.items.find((l: { countType: string }) => l.countType === 'differences');
    const deleted = await api.call('DELETE', `/api/count-lists/${last.id}`);
    expect([deleted.statusCode, deleted.json()]).toEqual([200, { deleted: true }]);
    const again = await api.call('POST', `/api/inventories/${inventoryId}/count-lists/generate`, {
      countType: 'differences',
    });
    expect(again.json().lists[0].number).toBe('YE-L0006');
    const started = await api.call('POST', `/api/inventories/${inventoryId}/start`);
    expect(started.json()).toMatchObject({ status: 'open' });
    // The valuation price is fixed now that lists exist.
    expect(
      (await api.call('PATCH', `/api/inventories/${inventoryId}`, { valuationPrice: 'average' })).json().error.code,
    ).toBe('inventory.valuation_locked');
  });
});
