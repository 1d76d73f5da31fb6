// The first set-up over HTTP: status and proposals, and each step's one-transaction creation — refused rows
// named by their place in the request, and nothing written when any row is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
let manager: string;
let siteId: string;
beforeAll(async () => {
  api = await testApi();
  manager = (await api.userToken('s-manager', 'manager')).token;
});
afterAll(async () => {
  await api.close();
});

const counts = async () => (await api.call('GET', '/api/setup')).json().counts;
const zone = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: `Zone ${code}`,
  organisation: 'high_bay',
  structured: true,
  ...extra,
});

describe('GET /api/setup', () => {
  it('on an empty database: nothing exists, the set-up is needed, the defaults are proposed', async () => {
    const res = await api.call('GET', '/api/setup');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.needed).toBe(true);
    expect(s.counts).toEqual({
      sites: 0,
      owners: 0,
      warehouses: 0,
      zones: 0,
      differencesZones: 0,
      units: 0,
      transactionKeys: 0,
      numberingSchemes: 0,
      inventoryTypes: 0,
      counters: 0,
    });
    expect(s.proposals.units.map((u: { code: string }) => u.code)).toEqual(
      expect.arrayContaining(['PCS', 'KG', 'CT', 'PAL']),
    );
    expect(new Set(s.proposals.transactionKeys.map((k: { kind: string }) => k.kind))).toEqual(
      new Set(['receipt', 'issue', 'transfer', 'adjustment', 'revaluation']),
    );
    expect(s.proposals.inventoryTypes.map((t: { method: string }) => t.method)).toEqual([
      'stock_taking_day',
      'continuous',
      'sample',
    ]);
    expect(s.proposals.units.every((u: { exists: boolean }) => !u.exists)).toBe(true);
  });

  it('is for admins only', async () => {
    expect((await api.call('GET', '/api/setup', undefined, manager)).json().error.code).toBe('auth.forbidden');
    expect(
      (await api.call('POST', '/api/setup/units', { units: [{ code: 'X', description: 'x', decimals: 0 }] }, manager))
        .statusCode,
    ).toBe(403);
  });
});

describe('POST /api/setup/warehouse', () => {
  beforeAll(async () => {
    siteId = (await api.call('POST', '/api/sites', { code: 'HQ', name: 'Head office' })).json().id;
  });

  it('refuses a structured differences zone and writes neither the warehouse nor the zones before it', async () => {
    const res = await api.call('POST', '/api/setup/warehouse', {
      warehouse: { siteId, code: 'W1', name: 'Main', kind: 'structured' },
      zones: [zone('A'), zone('DIFF', { usage: 'inventory_differences' })],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'place.differences_zone_structured', field: 'zones.1.structured' });
    expect(await counts()).toMatchObject({ warehouses: 0, zones: 0 });
  });

  it('refuses a zone code listed twice, naming the second row', async () => {
    const res = await api.call('POST', '/api/setup/warehouse', {
      warehouse: { siteId, code: 'W1', name: 'Main', kind: 'structured' },
      zones: [zone('A'), zone('A')],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict.duplicate', field: 'zones.1.code' });
  });

  it('refuses zones in an unstructured warehouse on its kind', async () => {
    const res = await api.call('POST', '/api/setup/warehouse', {
      warehouse: { siteId, code: 'U1', name: 'Yard', kind: 'unstructured' },
      zones: [zone('A')],
    });
    expect(res.json().error).toMatchObject({ code: 'place.zone_not_allowed', field: 'warehouse.kind' });
    expect(await counts()).toMatchObject({ warehouses: 0 });
  });

  it('creates a structured warehouse with a structured, an unstructured and a differences zone', async () => {
    const res = await api.call('POST', '/api/setup/warehouse', {
      warehouse: { siteId, code: 'W1', name: 'Main', kind: 'structured', physical: 'internal' },
      zones: [
        zone('A'),
        zone('B', { structured: false, organisation: 'places_only' }),
        zone('DIFF', { structured: false, organisation: 'places_only', usage: 'inventory_differences' }),
      ],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.warehouse).toMatchObject({ code: 'W1', kind: 'structured', siteId });
    expect(body.zones.map((z: { code: string; warehouseId: string }) => [z.code, z.warehouseId])).toEqual([
      ['A', body.warehouse.id],
      ['B', body.warehouse.id],
      ['DIFF', body.warehouse.id],
    ]);
    expect(await counts()).toMatchObject({ warehouses: 1, zones: 3, differencesZones: 1 });
  });

  it('refuses the same warehouse code again on its field', async () => {
    const res = await api.call('POST', '/api/setup/warehouse', {
      warehouse: { siteId, code: 'W1', name: 'Again', kind: 'unstructured' },
      zones: [],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict.duplicate', field: 'warehouse.code' });
  });

  it('names an unknown body field', async () => {
    const res = await api.call('POST', '/api/setup/warehouse', {
      warehouse: { siteId, code: 'W2', name: 'x', kind: 'structured' },
      zones: [{ ...zone('A'), colour: 'red' }],
    });
    expect(res.json().error).toMatchObject({ code: 'validation.unknown_field', field: 'zones.0.colour' });
  });
});

describe('POST /api/setup/units, /transaction-keys, /inventory-types', () => {
  it('units: a duplicate of an existing unit refuses the whole list', async () => {
    expect(
      (await api.call('POST', '/api/units', { code: 'KG', description: 'Kilogram', decimals: 3 })).statusCode,
    ).toBe(201);
    const res = await api.call('POST', '/api/setup/units', {
      units: [
        { code: 'PCS', description: 'Piece', decimals: 0 },
        { code: 'KG', description: 'Kilogram', decimals: 3 },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict.duplicate', field: 'units.1.code' });
    expect(await counts()).toMatchObject({ units: 1 });
    const ok = await api.call('POST', '/api/setup/units', {
      units: [
        { code: 'PCS', description: 'Piece', decimals: 0 },
        { code: 'CT', description: 'Carton' },
      ],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().units).toEqual([
      { code: 'PCS', description: 'Piece', decimals: 0 },
      { code: 'CT', description: 'Carton', decimals: 0 },
    ]);
    const proposals = (await api.call('GET', '/api/setup')).json().proposals.units;
    expect(proposals.find((u: { code: string }) => u.code === 'KG').exists).toBe(true);
    expect(proposals.find((u: { code: string }) => u.code === 'L').exists).toBe(false);
  });

  it('units: the unit schema holds for every row', async () => {
    const res = await api.call('POST', '/api/setup/units', {
      units: [
        { code: 'L', description: 'Litre', decimals: 3 },
        { code: 'M', description: 'Metre', decimals: 9 },
      ],
    });
    expect(res.json().error).toMatchObject({ code: 'validation.failed', field: 'units.1.decimals' });
  });

  it('transaction keys: a list without duplicates creates every key', async () => {
    const dup = await api.call('POST', '/api/setup/transaction-keys', {
      keys: [
        { code: 'RCP', kind: 'receipt' },
        { code: 'RCP', kind: 'issue' },
      ],
    });
    expect(dup.json().error).toMatchObject({ code: 'conflict.duplicate', field: 'keys.1.code' });
    const res = await api.call('POST', '/api/setup/transaction-keys', {
      keys: [
        { code: 'RCP', kind: 'receipt', description: 'Receipt' },
        { code: 'ADJ', kind: 'adjustment' },
        { code: 'TRF', kind: 'transfer' },
        { code: 'VAL', kind: 'revaluation' },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().keys.map((k: { code: string; isMain: boolean }) => [k.code, k.isMain])).toEqual([
      ['RCP', true],
      ['ADJ', true],
      ['TRF', true],
      ['VAL', true],
    ]);
  });

  it('inventory types: a key of the wrong kind refuses every type, numbering schemes included', async () => {
    const res = await api.call('POST', '/api/setup/inventory-types', {
      types: [
        {
          code: 'STD',
          method: 'stock_taking_day',
          adjustmentKey: 'ADJ',
          transferKey: 'TRF',
          valueAdjustmentKey: 'VAL',
          inventoryNumbering: { prefix: 'STD-', width: 6 },
        },
        { code: 'CYC', method: 'continuous', adjustmentKey: 'RCP' },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'inventory.key_kind', field: 'types.1.adjustmentKey' });
    expect(await counts()).toMatchObject({ inventoryTypes: 0, numberingSchemes: 0 });
  });

  it('inventory types: the three default methods with their numbering schemes', async () => {
    const keys = { adjustmentKey: 'ADJ', transferKey: 'TRF', valueAdjustmentKey: 'VAL' };
    const res = await api.call('POST', '/api/setup/inventory-types', {
      types: [
        {
          code: 'STD',
          method: 'stock_taking_day',
          ...keys,
          inventoryNumbering: { code: 'inventory:STD', prefix: 'STD-', width: 6 },
          countListNumbering: { code: 'count_list:STD', prefix: 'STD-L', width: 6, maxItemsPerList: 200 },
        },
        { code: 'CYC', method: 'continuous', reportType: 'cumulative', ...keys },
        { code: 'SMP', method: 'sample', ...keys },
      ],
    });
    expect(res.statusCode).toBe(201);
    const [std] = res.json().types;
    expect(std.countListNumbering).toEqual({
      code: 'count_list:STD',
      prefix: 'STD-L',
      width: 6,
      nextValue: 1,
      maxItemsPerList: 200,
    });
    expect(await counts()).toMatchObject({ inventoryTypes: 3, numberingSchemes: 6 });
    const again = await api.call('POST', '/api/setup/inventory-types', { types: [{ code: 'SMP', method: 'sample' }] });
    expect(again.json().error).toMatchObject({ code: 'conflict.duplicate', field: 'types.0.code' });
    expect((await api.call('GET', '/api/inventory-types')).json().items.map((t: { code: string }) => t.code)).toEqual([
      'CYC',
      'SMP',
      'STD',
    ]);
  });

  it('the set-up is no longer needed once a site exists', async () => {
    const s = (await api.call('GET', '/api/setup')).json();
    expect(s.needed).toBe(false);
    expect(s.counts.sites).toBe(1);
  });
});
