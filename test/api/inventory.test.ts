// Inventory types, inventory headers and count-list generation over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';
import { makeItem, makeKey, makeOwner, makeSite, makeWarehouse } from '../helpers/factories.js';

let api: TestApi;
let siteId: string;
let ownerId: string;
let typeId: string;
let whId: string;
let counterId: string;

beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  siteId = (await makeSite(db)).id;
  ownerId = (await makeOwner(db)).id;
  await makeKey(db, 'ADJ', 'adjustment');
  await makeKey(db, 'TRF', 'transfer');
  await makeKey(db, 'REV', 'revaluation');
  whId = (await makeWarehouse(db, siteId, { code: 'W1' })).id;
  counterId = (await api.userToken('anna.counter', 'counter')).userId;
  for (const code of ['P1', 'P2', 'P3']) {
    const item = await makeItem(db, { code });
    await db
      .insertInto('stockBalances')
      .values({
        siteId,
        itemId: item.id,
        warehouseId: whId,
        ownerId,
        quantity: '5',
        everNonzero: true,
        updatedAt: new Date(),
      })
      .execute();
  }
});
afterAll(async () => {
  await api.close();
});

describe('inventory types', () => {
  it('creates a type with its numbering schemes', async () => {
    const res = await api.call('POST', '/api/inventory-types', {
      code: 'STD',
      method: 'stock_taking_day',
      description: 'Year end',
      inventoryNumbering: { prefix: 'INV-', width: 4 },
      countListNumbering: { prefix: 'CL-', width: 5, maxItemsPerList: 2 },
      adjustmentKey: 'ADJ',
      transferKey: 'TRF',
      valueAdjustmentKey: 'REV',
      showSystemQuantities: true,
    });
    expect(res.statusCode).toBe(201);
    typeId = res.json().id;
    expect(res.json()).toMatchObject({
      code: 'STD',
      method: 'stock_taking_day',
      materialType: 'stock_items',
      valuationPrice: 'average',
      reportType: 'single',
      keepLocation: true,
      inventoryNumbering: { code: 'inventory:STD', prefix: 'INV-', width: 4, nextValue: 1 },
      countListNumbering: { prefix: 'CL-', maxItemsPerList: 2 },
    });
    const list = await api.call('GET', '/api/inventory-types');
    expect(list.json().items.map((t: { code: string }) => t.code)).toContain('STD');
  });

  it('checks key kinds and production resources', async () => {
    const wrong = await api.call('POST', '/api/inventory-types', {
      code: 'X1',
      method: 'continuous',
      adjustmentKey: 'TRF',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ code: 'inventory.key_kind', field: 'adjustmentKey' });
    const pr = await api.call('POST', '/api/inventory-types', {
      code: 'X2',
      method: 'continuous',
      materialType: 'production_resources',
      valueAdjustmentKey: 'REV',
    });
    expect(pr.json().error.code).toBe('inventory.value_key_not_allowed');
  });

  it('is admin-only to change and refuses unknown fields', async () => {
    const counter = await api.userToken('cnt1', 'counter');
    expect(
      (await api.call('POST', '/api/inventory-types', { code: 'X3', method: 'sample' }, counter.token)).statusCode,
    ).toBe(403);
    expect((await api.call('GET', '/api/inventory-types', undefined, counter.token)).statusCode).toBe(200);
    const unknown = await api.call('POST', '/api/inventory-types', { code: 'X4', method: 'sample', colour: 'red' });
    expect(unknown.json().error).toMatchObject({ code: 'validation.unknown_field', field: 'colour' });
  });
});

describe('inventories', () => {
  let invId: string;
  it('creates with a generated number and defaults from the type', async () => {
    const res = await api.call('POST', '/api/inventories', {
      typeId,
      siteId,
      ownerId,
      description: 'Year end 2026 hall',
      stockTakingDate: '2026-03-31',
    });
    expect(res.statusCode).toBe(201);
    invId = res.json().id;
    expect(res.json()).toMatchObject({
      number: 'INV-0001',
      status: 'created',
      fiscalYear: 2026,
      showSystemQuantities: true,
      adjustmentKey: 'ADJ',
      method: 'stock_taking_day',
    });
    const second = await api.call('POST', '/api/inventories', {
      typeId,
      siteId,
      ownerId,
      stockTakingDate: '2026-03-31',
      number: 'X',
    });
    expect(second.json().error).toMatchObject({ code: 'validation.unknown_field', field: 'number' });
  });

  it('requires the stock-taking date for the stock-taking-day method and a site', async () => {
    const res = await api.call('POST', '/api/inventories', { typeId, siteId, ownerId });
    expect(res.json().error).toMatchObject({ code: 'inventory.stock_taking_date_required', field: 'stockTakingDate' });
    const noSite = await api.call('POST', '/api/inventories', { typeId, ownerId, stockTakingDate: '2026-03-31' });
    expect(noSite.json().error.code).toBe('inventory.site_required');
  });

  it('searches by status, type and text', async () => {
    const hit = await api.call('GET', `/api/inventories?q=HALL&status=created&typeId=${typeId}`);
    expect(hit.json().items.map((i: { id: string }) => i.id)).toEqual([invId]);
    expect((await api.call('GET', '/api/inventories?q=nothing-like-this')).json().items).toEqual([]);
  });

  it('refuses to generate lists nobody may count, naming the origin', async () => {
    // The inventory has no responsible employee yet: "from inventory" would make lists without a counter.
    const refused = await api.call('POST', `/api/inventories/${invId}/count-lists/generate/preview`, {
      countType: 'article',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'generation.no_responsible_inventory',
      field: 'responsibleOrigin',
      params: { inventoryNumber: 'INV-0001' },
    });
    expect((await api.call('PATCH', `/api/inventories/${invId}`, { responsibleUserId: counterId })).statusCode).toBe(
      200,
    );
  });

  it('generates, previews, lists and deletes count lists; locks the header', async () => {
    const preview = await api.call('POST', `/api/inventories/${invId}/count-lists/generate/preview`, {
      countType: 'article',
    });
    expect(preview.statusCode).toBe(200);
    // maxItemsPerList 2 comes from the count-list numbering scheme.
    expect(preview.json()).toMatchObject({
      positions: 3,
      skipped: 0,
      lists: [
        { id: null, items: 2 },
        { id: null, items: 1 },
      ],
    });
    const gen = await api.call('POST', `/api/inventories/${invId}/count-lists/generate`, {
      countType: 'article',
      name: 'Hall',
      structure: [{ criterion: 'article', groupChange: 0 }],
    });
    expect(gen.statusCode).toBe(201);
    expect(gen.json().lists.map((l: { number: string }) => l.number)).toEqual(['CL-00001', 'CL-00002']);
    expect((await api.call('GET', `/api/inventories/${invId}`)).json().status).toBe('has_count_lists');

    const locked = await api.call('PATCH', `/api/inventories/${invId}`, { valuationPrice: 'inventory' });
    expect(locked.statusCode).toBe(422);
    expect(locked.json().error.code).toBe('inventory.valuation_locked');
    const typeLocked = await api.call('PATCH', `/api/inventories/${invId}`, { typeId: '999' });
    expect(typeLocked.json().error.code).toBe('inventory.type_locked');
    const ok = await api.call('PATCH', `/api/inventories/${invId}`, {
      description: 'renamed',
      responsibleUserId: null,
    });
    expect(ok.json().description).toBe('renamed');

    const lists = await api.call('GET', `/api/inventories/${invId}/count-lists`);
    expect(lists.json()).toMatchObject({
      statusCounts: { created: 2 },
      items: [{ number: 'CL-00001', name: 'Hall', items: { total: 2, open: 2 } }, { number: 'CL-00002' }],
    });
    const del = await api.call('DELETE', `/api/count-lists/${gen.json().lists[1].id}`);
    expect(del.statusCode).toBe(200);
    expect(del.json()).toEqual({ deleted: true });
    // One delete endpoint: the generation-time route is gone.
    expect(
      (await api.call('DELETE', `/api/inventories/${invId}/count-lists/${gen.json().lists[0].id}`)).statusCode,
    ).toBe(404);
    expect((await api.call('GET', `/api/inventories/${invId}/count-lists`)).json().items).toHaveLength(1);
  });

  it('rejects bad generation parameters with the field', async () => {
    const res = await api.call('POST', `/api/inventories/${invId}/count-lists/generate`, {
      countType: 'article',
      countSetting: 'count_cycle',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'generation.method_not_allowed', field: 'countSetting' });
    const bad = await api.call('POST', `/api/inventories/${invId}/count-lists/generate`, {
      countType: 'article',
      maxLists: -1,
    });
    expect(bad.json().error).toMatchObject({ code: 'validation.failed', field: 'maxLists' });
  });

  it('starts, then refuses the owner change and a second start', async () => {
    const start = await api.call('POST', `/api/inventories/${invId}/start`);
    expect(start.json()).toMatchObject({ status: 'open', openedAt: expect.any(String) });
    const owner2 = (await makeOwner(api.db.ctx.db)).id;
    expect((await api.call('PATCH', `/api/inventories/${invId}`, { ownerId: owner2 })).json().error.code).toBe(
      'inventory.owner_locked',
    );
    const again = await api.call('POST', `/api/inventories/${invId}/start`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('inventory.illegal_transition');
  });

  it('deletes an inventory unless a list is closed', async () => {
    const inv = (
      await api.call('POST', '/api/inventories', {
        typeId,
        siteId,
        ownerId,
        stockTakingDate: '2026-03-31',
        responsibleUserId: counterId,
      })
    ).json();
    const gen = (
      await api.call('POST', `/api/inventories/${inv.id}/count-lists/generate`, { countType: 'article' })
    ).json();
    await api.db.ctx.db.updateTable('countLists').set({ status: 'closed' }).where('id', '=', gen.lists[0].id).execute();
    expect((await api.call('DELETE', `/api/inventories/${inv.id}`)).json().error.code).toBe(
      'inventory.has_closed_lists',
    );
    await api.db.ctx.db.updateTable('countLists').set({ status: 'open' }).where('id', '=', gen.lists[0].id).execute();
    expect((await api.call('DELETE', `/api/inventories/${inv.id}`)).statusCode).toBe(204);
    expect((await api.call('GET', `/api/inventories/${inv.id}`)).statusCode).toBe(404);
    expect(
      await api.db.ctx.db.selectFrom('countListItems').select('id').where('inventoryId', '=', inv.id).execute(),
    ).toEqual([]);
  });

  it('keeps users of other sites out', async () => {
    const other = (await makeSite(api.db.ctx.db)).id;
    const res = await api.call('POST', '/api/users', {
      username: 'mgr2',
      password: 'password-123',
      role: 'manager',
      siteId: other,
    });
    expect(res.statusCode).toBe(201);
    const login = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'mgr2', password: 'password-123' },
    });
    const tok = login.json().token;
    expect((await api.call('GET', `/api/inventories/${invId}`, undefined, tok)).statusCode).toBe(404);
    expect((await api.call('GET', '/api/inventories', undefined, tok)).json().items).toEqual([]);
    const own = await api.call('POST', '/api/inventories', { typeId, ownerId, stockTakingDate: '2026-03-31' }, tok);
    expect(own.json().siteId).toBe(other);
  });
});
