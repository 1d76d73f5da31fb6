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
afterAll(async () => { await api.close(); });

const unit = async (body: unknown) => (await api.call('POST', '/api/units', body, manager)).json().error;

describe('validation.failed params', () => {
  it('a missing field is required', async () => {
    expect(await unit({ description: 'Pieces' })).toEqual({
      code: 'validation.failed', field: 'code', message: expect.any(String), params: { rule: 'required', expected: 'string' },
    });
  });

  it('a value of the wrong type says the type expected', async () => {
    expect((await unit({ code: 'PZ', decimals: 'two' })).params).toEqual({ rule: 'invalid_type', expected: 'number' });
  });

  it('too small and too big give the limit and what it limits', async () => {
    expect(await unit({ code: 'PZ', decimals: 7 })).toMatchObject({ field: 'decimals', params: { rule: 'too_big', maximum: 6, origin: 'number', inclusive: true } });
    expect(await unit({ code: 'PZ', decimals: -1 })).toMatchObject({ field: 'decimals', params: { rule: 'too_small', minimum: 0, origin: 'number', inclusive: true } });
    expect(await unit({ code: 'PZ', description: 'x'.repeat(41) })).toMatchObject({ field: 'description', params: { rule: 'too_big', maximum: 40, origin: 'string' } });
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
