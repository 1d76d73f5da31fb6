// HTTP API of units, classification code tables, items and item search codes through fastify inject.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
let counter: string;
let manager: string;
beforeAll(async () => {
  api = await testApi();
  counter = (await api.userToken('i-counter', 'counter')).token;
  manager = (await api.userToken('i-manager', 'manager')).token;
  for (const u of [
    { code: 'PZ', description: 'Pieces' },
    { code: 'S10', description: 'Pack of 10' },
    { code: 'kg', description: 'Kilogram', decimals: 3 },
    { code: 'g' },
  ]) {
    expect((await api.call('POST', '/api/units', u, manager)).statusCode).toBe(201);
  }
});
afterAll(async () => {
  await api.close();
});

describe('units and classification codes', () => {
  it('lists, reads, updates units; refuses duplicates and counters', async () => {
    expect(
      (await api.call('GET', '/api/units', undefined, counter)).json().items.map((u: { code: string }) => u.code),
    ).toEqual(['PZ', 'S10', 'g', 'kg']);
    expect((await api.call('GET', '/api/units/kg', undefined, counter)).json()).toEqual({
      code: 'kg',
      description: 'Kilogram',
      decimals: 3,
    });
    expect((await api.call('PATCH', '/api/units/g', { description: 'Gram' }, manager)).json().description).toBe('Gram');
    expect((await api.call('POST', '/api/units', { code: 'PZ' }, manager)).statusCode).toBe(409);
    expect((await api.call('POST', '/api/units', { code: 'LT' }, counter)).statusCode).toBe(403);
    expect((await api.call('POST', '/api/units', { code: 'LT', decimals: 7 }, manager)).json().error).toMatchObject({
      code: 'validation.failed',
      field: 'decimals',
    });
    expect((await api.call('GET', '/api/units/NOPE')).statusCode).toBe(404);
  });

  it('keeps classification code tables searchable by description', async () => {
    for (const c of [
      { kind: 'product_group', code: 'FAST', description: 'Fasteners and screws' },
      { kind: 'product_group', code: 'PAINT', description: 'Paints' },
      { kind: 'brand', code: 'ACME', description: 'Acme screws' },
    ])
      expect((await api.call('POST', '/api/classifications', c, manager)).statusCode).toBe(201);
    const hits = (await api.call('GET', '/api/classifications?q=SCREW', undefined, counter)).json().items;
    expect(hits.map((h: { code: string }) => h.code)).toEqual(['ACME', 'FAST']);
    const groups = (await api.call('GET', '/api/classifications?kind=product_group&q=screw', undefined, counter)).json()
      .items;
    expect(groups).toEqual([{ kind: 'product_group', code: 'FAST', description: 'Fasteners and screws' }]);
    expect(
      (
        await api.call(
          'PATCH',
          '/api/classifications/product_group/PAINT',
          { description: 'Paints and varnish' },
          manager,
        )
      ).json().description,
    ).toBe('Paints and varnish');
    expect((await api.call('DELETE', '/api/classifications/product_group/PAINT', undefined, manager)).statusCode).toBe(
      204,
    );
    expect((await api.call('GET', '/api/classifications?kind=colour')).json().error).toMatchObject({
      code: 'validation.failed',
      field: 'kind',
    });
  });
});

describe('items', () => {
  let id: string;

  it('creates an item with its main search code', async () => {
    const res = await api.call(
      'POST',
      '/api/items',
      {
        code: 'SCR-4x40',
        description: 'Wood screw 4x40',
        primaryUnit: 'PZ',
        secondaryUnit: 'S10',
        secondaryConversionOp: 'x',
        secondaryConversionFactor: '10',
        productGroup: 'FAST',
        brand: 'ACME',
        lotManagement: 'yes',
        thresholdQuantity: '50',
        settlementPrice1: '0.05',
      },
      manager,
    );
    expect(res.statusCode).toBe(201);
    const item = res.json();
    id = item.id;
    expect(item).toMatchObject({
      code: 'SCR-4x40',
      primaryUnit: 'PZ',
      secondaryConversionFactor: '10',
      lotManagement: 'yes',
      thresholdQuantity: '50',
      settlementPrice1: '0.05',
      hasLedgerEntries: false,
    });
    const codes = (await api.call('GET', `/api/items/${id}/search-codes`, undefined, counter)).json().items;
    expect(codes).toEqual([
      expect.objectContaining({ code: 'SCR-4x40', unit: 'PZ', isMain: true, conversionFactor: '1' }),
    ]);
  });

  it('names the field of every refusal', async () => {
    const cases: Array<[unknown, number, string, string]> = [
      [{ code: 'A B', description: 'x', primaryUnit: 'PZ' }, 400, 'validation.failed', 'code'],
      [{ code: 'A1', description: 'x'.repeat(41), primaryUnit: 'PZ' }, 400, 'validation.failed', 'description'],
      [{ code: 'A1', description: 'x', primaryUnit: 'PZ', weight: 3 }, 400, 'validation.unknown_field', 'weight'],
      [{ code: 'A1', description: 'x', primaryUnit: 'PZ', brand: 'NOPE' }, 422, 'reference.unknown', 'brand'],
      [
        { code: 'A1', description: 'x', primaryUnit: 'PZ', secondaryUnit: 'S10', secondaryConversionOp: 'x' },
        400,
        'unit.conversion_invalid',
        'secondaryConversionFactor',
      ],
      [
        {
          code: 'A1',
          description: 'x',
          primaryUnit: 'PZ',
          secondaryUnit: 'S10',
          secondaryConversionOp: 'x',
          secondaryConversionFactor: '0',
        },
        400,
        'unit.conversion_invalid',
        'secondaryConversionFactor',
      ],
      [
        { code: 'A1', description: 'x', primaryUnit: 'PZ', lotManagement: 'fifo' },
        400,
        'validation.failed',
        'lotManagement',
      ],
      [
        { code: 'A1', description: 'x', primaryUnit: 'PZ', inventoryPrice: 1.5 },
        400,
        'validation.failed',
        'inventoryPrice',
      ],
      [
        { code: 'A1', description: 'x', primaryUnit: 'PZ', validFrom: '2026-05-01', validTo: '2026-01-01' },
        400,
        'validation.failed',
        'validTo',
      ],
      [{ code: 'SCR-4x40', description: 'x', primaryUnit: 'PZ' }, 409, 'conflict.duplicate', 'code'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await api.call('POST', '/api/items', body, manager);
      expect({ status: res.statusCode, ...res.json().error }).toMatchObject({ status, code, field });
    }
    expect(
      (await api.call('POST', '/api/items', { code: 'A1', description: 'x', primaryUnit: 'PZ' }, counter)).statusCode,
    ).toBe(403);
  });

  it('changing the primary unit of an item with entries is refused', async () => {
    const flour = (
      await api.call('POST', '/api/items', { code: 'FLOUR', description: 'Flour', primaryUnit: 'g' }, manager)
    ).json();
    expect((await api.call('PATCH', `/api/items/${flour.id}`, { primaryUnit: 'kg' }, manager)).json().primaryUnit).toBe(
      'kg',
    );
    await api.db.ctx.db.updateTable('items').set({ hasLedgerEntries: true }).where('id', '=', flour.id).execute();
    const res = await api.call('PATCH', `/api/items/${flour.id}`, { primaryUnit: 'g' }, manager);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'item.primary_unit_locked', field: 'primaryUnit' });
    // Lot/serial management follows item-master's rules on this path too.
    const serial = await api.call('PATCH', `/api/items/${flour.id}`, { serialManagement: true }, manager);
    expect([serial.statusCode, serial.json().error.code, serial.json().error.field]).toEqual([
      422,
      'lot.class_required',
      'serialClass',
    ]);
    expect((await api.call('DELETE', `/api/items/${flour.id}`, undefined, manager)).statusCode).toBe(409);
  });

  it('adds search codes with their unit; duplicates 409, main one protected', async () => {
    const pack = await api.call(
      'POST',
      `/api/items/${id}/search-codes`,
      { code: '4006381333931', unit: 'S10', conversionOp: 'x', conversionFactor: '10' },
      manager,
    );
    expect(pack.statusCode).toBe(201);
    expect(pack.json()).toMatchObject({
      unit: 'S10',
      conversionFactor: '10',
      isMain: false,
      description: 'Wood screw 4x40',
    });
    const flour = (await api.call('GET', '/api/items?q=FLOUR&match=prefix&field=code')).json().items[0];
    const dup = await api.call(
      'POST',
      `/api/items/${flour.id}/search-codes`,
      { code: '4006381333931', unit: 'g' },
      manager,
    );
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'conflict.duplicate', field: 'code' });
    const main = (await api.call('GET', `/api/items/${id}/search-codes`))
      .json()
      .items.find((c: { isMain: boolean }) => c.isMain);
    expect((await api.call('DELETE', `/api/items/${id}/search-codes/${main.id}`, undefined, manager)).statusCode).toBe(
      422,
    );
    const patched = await api.call(
      'PATCH',
      `/api/items/${id}/search-codes/${pack.json().id}`,
      { description: 'Box of 10' },
      manager,
    );
    expect(patched.json().description).toBe('Box of 10');
    expect(
      (await api.call('DELETE', `/api/items/${flour.id}/search-codes/${pack.json().id}`, undefined, manager))
        .statusCode,
    ).toBe(404);
  });

  it('searches by code, search code and description and filters', async () => {
    const codes = async (qs: string) =>
      (await api.call('GET', `/api/items?${qs}`, undefined, counter)).json().items.map((i: { code: string }) => i.code);
    expect(await codes('q=SCR&match=prefix')).toEqual(['SCR-4x40']);
    expect(await codes('q=400638&match=prefix')).toEqual(['SCR-4x40']);
    expect(await codes('q=screw')).toEqual(['SCR-4x40']);
    expect(await codes('q=crew&match=substring')).toEqual(['SCR-4x40']);
    expect(await codes('q=crew')).toEqual([]);
    expect(await codes('productGroup=FAST&lotManagement=yes')).toEqual(['SCR-4x40']);
    expect(await codes('lotManagement=no')).toEqual(['FLOUR']);
    const page = (await api.call('GET', '/api/items?limit=1')).json();
    expect(page.nextOffset).toBe(1);
  });

  it('updates, reads, deletes; 404 after', async () => {
    const res = await api.call(
      'PATCH',
      `/api/items/${id}`,
      { description: 'Wood screw 4x40 zinc', abcClass: 'A', includeInInventory: false },
      manager,
    );
    expect(res.json()).toMatchObject({ description: 'Wood screw 4x40 zinc', abcClass: 'A', includeInInventory: false });
    expect((await api.call('GET', `/api/items/${id}`, undefined, counter)).json().abcClass).toBe('A');
    expect((await api.call('PATCH', `/api/items/${id}`, { code: 'X' }, counter)).statusCode).toBe(403);
    expect((await api.call('DELETE', `/api/items/${id}`, undefined, manager)).statusCode).toBe(204);
    expect((await api.call('GET', `/api/items/${id}`)).statusCode).toBe(404);
    // Its search codes went with it: the barcode is free again.
    expect((await api.call('GET', '/api/items?q=4006381333931&match=prefix')).json().items).toEqual([]);
  });
});
