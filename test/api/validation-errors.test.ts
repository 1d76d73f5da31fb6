// Schema validation errors name the failing rule and its limits in params (src/api/error-map.ts), so a client
// can say what is wrong in the user's language; the code and field stay as before, the input is never echoed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
let manager: string;
beforeAll(async () => {
  api = await testApi();
  manager = (await api.userToken('v-manager', 'manager')).token;
});
afterAll(async () => {
  await api.close();
});

const unit = async (body: unknown) => (await api.call('POST', '/api/units', body, manager)).json().error;

describe('validation.failed params', () => {
  it('a missing field is required', async () => {
    expect(await unit({ description: 'Pieces' })).toEqual({
      code: 'validation.failed',
      field: 'code',
      message: expect.any(String),
      params: { rule: 'required', expected: 'string' },
    });
  });

  it('a value of the wrong type says the type expected', async () => {
    expect((await unit({ code: 'PZ', decimals: 'two' })).params).toEqual({ rule: 'invalid_type', expected: 'number' });
  });

  it('too small and too big give the limit and what it limits', async () => {
    expect(await unit({ code: 'PZ', decimals: 7 })).toMatchObject({
      field: 'decimals',
      params: { rule: 'too_big', maximum: 6, origin: 'number', inclusive: true },
    });
    expect(await unit({ code: 'PZ', decimals: -1 })).toMatchObject({
      field: 'decimals',
      params: { rule: 'too_small', minimum: 0, origin: 'number', inclusive: true },
    });
    expect(await unit({ code: 'PZ', description: 'x'.repeat(41) })).toMatchObject({
      field: 'description',
      params: { rule: 'too_big', maximum: 40, origin: 'string' },
    });
  });

  it('a value outside an enumeration lists the allowed values', async () => {
    const e = (await api.call('GET', '/api/classifications?kind=colour', undefined, manager)).json().error;
    expect(e).toMatchObject({ code: 'validation.failed', field: 'kind', params: { rule: 'invalid_value' } });
    expect(e.params.values).toContain('brand');
  });

  it('a pattern mismatch names the format and never echoes the input', async () => {
    const e = await unit({ code: 'P Z' });
    expect(e).toMatchObject({ field: 'code', params: { rule: 'invalid_format', format: 'regex' } });
    expect(typeof e.params.pattern).toBe('string');
    expect(JSON.stringify(e.params)).not.toContain('P Z');
  });

  it('an unknown field stays validation.unknown_field without rule params', async () => {
    const e = await unit({ code: 'PZ', colour: 'red' });
    expect(e).toMatchObject({ code: 'validation.unknown_field', field: 'colour' });
    expect(e.params).toBeUndefined();
  });
});

describe('ids and text at the edge', () => {
  it('an id above 2^63 − 1 is refused as too big naming the parameter; the largest id is a 404', async () => {
    for (const url of [
      '/api/zones/9223372036854775808',
      '/api/items/9999999999999999999',
      '/api/count-lists/9223372036854775808/items',
    ]) {
      const res = await api.call('GET', url, undefined, manager);
      expect([url, res.statusCode, res.json().error]).toMatchObject([
        url,
        400,
        {
          code: 'validation.failed',
          field: 'id',
          params: { rule: 'too_big', maximum: '9223372036854775807', origin: 'bigint' },
        },
      ]);
    }
    const max = await api.call('GET', '/api/zones/9223372036854775807', undefined, manager);
    expect([max.statusCode, max.json().error.code]).toEqual([404, 'not_found']);
  });

  it('ids in query strings and bodies are bounded the same way', async () => {
    const q = await api.call('GET', '/api/zones?warehouseId=9223372036854775808', undefined, manager);
    expect(q.json().error).toMatchObject({ field: 'warehouseId', params: { rule: 'too_big' } });
    const b = await api.call(
      'POST',
      '/api/zones',
      { warehouseId: '18446744073709551616', code: 'Z1', name: 'Zone' },
      manager,
    );
    expect(b.json().error).toMatchObject({ field: 'warehouseId', params: { rule: 'invalid_format' } });
  });

  it('names, descriptions, codes and search text refuse control characters (NUL, other C0, DEL) naming the field', async () => {
    for (const bad of ['Pie\u0000ces', 'Pieces\u0007', 'Pieces\u007f', 'two\nlines', 'tab\there']) {
      const e = await unit({ code: 'PZ', description: bad });
      expect([JSON.stringify(bad), e]).toMatchObject([
        JSON.stringify(bad),
        { code: 'validation.failed', field: 'description', params: { rule: 'invalid_format' } },
      ]);
      expect(JSON.stringify(e)).not.toContain(bad);
    }
    const q = await api.call('GET', '/api/owners?q=a%00b', undefined, manager);
    expect([q.statusCode, q.json().error]).toMatchObject([400, { field: 'q', params: { rule: 'invalid_format' } }]);
    const site = await api.call('POST', '/api/sites', { code: 'S1', name: 'Site\u001b[31m' });
    expect(site.json().error).toMatchObject({ code: 'validation.failed', field: 'name' });
    // Ordinary text, accents and other scripts included, is accepted.
    expect((await api.call('POST', '/api/units', { code: 'PZ', description: 'Stück – 個' }, manager)).statusCode).toBe(
      201,
    );
  });

  it('a date that does not exist is refused at the edge, not by SQL', async () => {
    const res = await api.call('GET', '/api/lots?expiringBy=2026-02-30', undefined, manager);
    expect([res.statusCode, res.json().error]).toMatchObject([400, { code: 'validation.failed', field: 'expiringBy' }]);
  });
});
