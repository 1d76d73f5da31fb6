// HTTP API of numbering schemes: list/search/page, read, create (manager), change with field errors, delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
let counter: string;
let manager: string;
beforeAll(async () => {
  api = await testApi();
  counter = (await api.userToken('ns-counter', 'counter')).token;
  manager = (await api.userToken('ns-manager', 'manager')).token;
});
afterAll(async () => {
  await api.close();
});

describe('numbering schemes over HTTP', () => {
  it('creates, reads, lists with q and paging', async () => {
    const res = await api.call(
      'POST',
      '/api/number-sequences',
      { code: 'inventory:ANNUAL', prefix: 'INV-', width: 4, nextValue: '7' },
      manager,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      code: 'inventory:ANNUAL',
      prefix: 'INV-',
      width: 4,
      nextValue: '7',
      maxItemsPerList: null,
      nextNumber: 'INV-0007',
      purpose: 'general',
      usedBy: [],
    });
    expect(
      (
        await api.call(
          'POST',
          '/api/number-sequences',
          { code: 'count_list:ANNUAL', prefix: 'CL', maxItemsPerList: 300 },
          manager,
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (await api.call('GET', '/api/number-sequences/inventory:ANNUAL', undefined, counter)).json().nextNumber,
    ).toBe('INV-0007');
    const hits = (await api.call('GET', '/api/number-sequences?q=annual', undefined, counter)).json();
    expect(hits.items.map((s: { code: string }) => s.code)).toEqual(['count_list:ANNUAL', 'inventory:ANNUAL']);
    const first = (await api.call('GET', '/api/number-sequences?q=annual&limit=1', undefined, counter)).json();
    expect(first).toMatchObject({ items: [{ code: 'count_list:ANNUAL' }], nextOffset: 1 });
  });

  it('names the field of a bad request; refuses counters, duplicates and unknown codes', async () => {
    const bad = async (body: unknown, field: string) =>
      expect((await api.call('POST', '/api/number-sequences', body, manager)).json().error).toMatchObject({
        code: 'validation.failed',
        field: expect.stringContaining(field),
      });
    await bad({ code: 'X', width: 0 }, 'width');
    await bad({ code: 'X', nextValue: '0' }, 'nextValue');
    await bad({ code: 'X', prefix: 'A B' }, 'prefix');
    await bad({ code: 'a b' }, 'code');
    await bad({ code: 'item-code.FOO' }, 'code');
    expect(
      (await api.call('POST', '/api/number-sequences', { code: 'X', colour: 'red' }, manager)).json().error.code,
    ).toBe('validation.unknown_field');
    expect((await api.call('POST', '/api/number-sequences', { code: 'X' }, counter)).statusCode).toBe(403);
    expect((await api.call('POST', '/api/number-sequences', { code: 'inventory:ANNUAL' }, manager)).statusCode).toBe(
      409,
    );
    expect((await api.call('GET', '/api/number-sequences/NOPE', undefined, counter)).statusCode).toBe(404);
  });

  it('changes a scheme; the next number never goes back', async () => {
    const r = await api.call(
      'PATCH',
      '/api/number-sequences/inventory:ANNUAL',
      { prefix: 'I26-', width: 6, nextValue: '10' },
      manager,
    );
    expect(r.json()).toMatchObject({ nextValue: '10', nextNumber: 'I26-000010' });
    const back = await api.call('PATCH', '/api/number-sequences/inventory:ANNUAL', { nextValue: '9' }, manager);
    expect(back.statusCode).toBe(400);
    expect(back.json().error).toMatchObject({ code: 'validation.failed', field: 'nextValue', params: { min: '10' } });
    expect(
      (await api.call('PATCH', '/api/number-sequences/inventory:ANNUAL', { maxItemsPerList: null }, manager))
        .statusCode,
    ).toBe(200);
    expect(
      (await api.call('PATCH', '/api/number-sequences/inventory:ANNUAL', { prefix: 'X' }, counter)).statusCode,
    ).toBe(403);
  });

  it('shows and protects what an inventory type uses', async () => {
    expect(
      (
        await api.call('POST', '/api/inventory-types', {
          code: 'ANNUAL',
          method: 'stock_taking_day',
          inventoryNumbering: { code: 'inventory:ANNUAL' },
          countListNumbering: { code: 'count_list:ANNUAL' },
        })
      ).statusCode,
    ).toBe(201);
    const s = (await api.call('GET', '/api/number-sequences/count_list:ANNUAL', undefined, counter)).json();
    expect(s.usedBy).toEqual([{ kind: 'count_list_type', code: 'ANNUAL' }]);
    const del = await api.call('DELETE', '/api/number-sequences/count_list:ANNUAL', undefined, manager);
    expect(del.statusCode).toBe(409);
    expect(del.json().error).toMatchObject({
      code: 'conflict.in_use',
      params: { usedBy: 'count_list_type', code: 'ANNUAL' },
    });
    expect((await api.call('POST', '/api/number-sequences', { code: 'SPARE' }, manager)).statusCode).toBe(201);
    expect((await api.call('DELETE', '/api/number-sequences/SPARE', undefined, manager)).statusCode).toBe(204);
  });
});
