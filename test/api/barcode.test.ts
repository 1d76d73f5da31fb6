// The decode endpoint (one JSON shape; a failed decode is a 200 value) and the per-site barcode rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { createUser, login } from '../../src/services/user.service.js';
import { testApi, type TestApi } from '../helpers/api.js';
import { makeSite } from '../helpers/factories.js';

let api: TestApi;
let siteId: string;
let otherSiteId: string;
let manager: string;
let counter: string;
let boundManager: string;

const fixed = {
  kind: 'fixed',
  prefix: 'P',
  length: 11,
  fields: [
    { field: 'itemCode', start: 1, length: 6 },
    { field: 'quantity', start: 7, length: 4 },
  ],
};
const separator = { kind: 'separator', prefix: 'P', separator: '/', fields: ['itemCode', 'lot'] };

beforeAll(async () => {
  api = await testApi();
  siteId = (await makeSite(api.db.ctx.db)).id;
  otherSiteId = (await makeSite(api.db.ctx.db)).id;
  manager = (await api.userToken('manager1', 'manager')).token;
  counter = (await api.userToken('counter1', 'counter')).token;
  await createUser(api.db.ctx, SYSTEM_ACTOR, {
    username: 'bound1',
    password: 'password-123',
    role: 'manager',
    siteId: otherSiteId,
  });
  boundManager = (await login(api.db.ctx, 'bound1', 'password-123')).token;
});
afterAll(async () => {
  await api.close();
});

const decode = (body: object, token = counter) => api.call('POST', '/api/barcodes/decode', body, token);

describe('POST /api/barcodes/decode', () => {
  it('decodes a GS1-128 element string with a GS separator', async () => {
    const res = await decode({ text: ']C10109506000134352172612311012AB\u001d21XYZ' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      symbology: 'gs1-128',
      type: 'gs1',
      gtin14: '09506000134352',
      fields: { gtin: '09506000134352', expiry: '2026-12-31', lot: '12AB', serial: 'XYZ' },
    });
    expect(res.json().elements.map((e: { ai: string }) => e.ai)).toEqual(['01', '17', '10', '21']);
  });

  it('answers a failed decode with 200 and the error value', async () => {
    const res = await decode({ text: '4006381333932', assume: 'gtin' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      ok: false,
      error: { code: 'barcode.bad_check_digit', message: expect.stringContaining('check digit'), position: 12 },
    });
  });

  it("reads two-digit years against the clock's year", async () => {
    // The test clock says 2026: a YY of 99 is 1999 by the GS1 window, not 2099.
    const res = await decode({ text: ']C1010950600013435217991231' });
    expect(res.json().fields.expiry).toBe('1999-12-31');
  });

  it('refuses unknown fields and needs a signed-in user', async () => {
    expect((await decode({ text: 'x', colour: 'red' })).json().error).toMatchObject({
      code: 'validation.unknown_field',
      field: 'colour',
    });
    const anon = await api.app.inject({ method: 'POST', url: '/api/barcodes/decode', payload: { text: 'x' } });
    expect(anon.statusCode).toBe(401);
  });
});

describe('/api/barcode-rules', () => {
  let fixedId: string;
  let sepId: string;

  it('lets managers add rules and refuses counters', async () => {
    expect(
      (await api.call('POST', '/api/barcode-rules', { siteId, name: 'fixed', rule: fixed }, counter)).statusCode,
    ).toBe(403);
    const a = await api.call('POST', '/api/barcode-rules', { siteId, name: 'fixed', rule: fixed }, manager);
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({
      siteId,
      name: 'fixed',
      position: 0,
      active: true,
      rule: { ...fixed, name: 'fixed' },
    });
    fixedId = a.json().id;
    const b = await api.call('POST', '/api/barcode-rules', { siteId, name: 'sep', rule: separator }, manager);
    expect(b.json().position).toBe(1);
    sepId = b.json().id;
  });

  it('validates the rule naming the field, and names unique per site', async () => {
    const bad = await api.call(
      'POST',
      '/api/barcode-rules',
      { siteId, name: 'bad', rule: { kind: 'fixed', fields: [{ field: 'colour', start: 0 }] } },
      manager,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation.failed', field: 'rule.fields[0].field' });
    const unknown = await api.call(
      'POST',
      '/api/barcode-rules',
      { siteId, name: 'bad', rule: { ...separator, colour: 1 } },
      manager,
    );
    expect(unknown.json().error).toMatchObject({ code: 'validation.unknown_field', field: 'rule.colour' });
    const dup = await api.call('POST', '/api/barcode-rules', { siteId, name: 'fixed', rule: separator }, manager);
    expect(dup.statusCode).toBe(409);
    expect(
      (await api.call('POST', '/api/barcode-rules', { name: 'x', rule: separator }, manager)).json().error.field,
    ).toBe('siteId');
  });

  it('applies the active rules of the site in order', async () => {
    // "PABC123/001" matches only the separator rule; "PABC1230012" only the fixed one.
    expect((await decode({ text: 'PABC123/001', siteId })).json()).toMatchObject({
      ok: true,
      type: 'rule',
      rule: 'sep',
      fields: { itemCode: 'ABC123', lot: '001' },
    });
    expect((await decode({ text: 'PABC1230012', siteId })).json()).toMatchObject({
      ok: true,
      rule: 'fixed',
      fields: { itemCode: 'ABC123', quantity: '12' },
    });
    // Both rules match "PABC12/0012" (11 characters); the first in order wins.
    expect((await decode({ text: 'PABC12/0012', siteId })).json().rule).toBe('fixed');
    const order = await api.call('PUT', '/api/barcode-rules/order', { siteId, ids: [sepId, fixedId] }, manager);
    expect(order.json().items.map((r: { name: string; position: number }) => [r.name, r.position])).toEqual([
      ['sep', 0],
      ['fixed', 1],
    ]);
    expect((await decode({ text: 'PABC12/0012', siteId })).json().rule).toBe('sep');
    // Another site has no rules: plain data.
    expect((await decode({ text: 'PABC12/0012', siteId: otherSiteId })).json()).toMatchObject({
      ok: true,
      type: 'plain',
    });
    expect((await decode({ text: 'ZZZ', siteId })).json()).toMatchObject({
      ok: false,
      error: { code: 'barcode.no_rule_matched' },
    });
  });

  it('refuses a reorder that does not list every rule once', async () => {
    const res = await api.call('PUT', '/api/barcode-rules/order', { siteId, ids: [sepId] }, manager);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'ids', params: { missing: [fixedId] } });
  });

  it('changes, deactivates and deletes rules', async () => {
    const off = await api.call('PATCH', `/api/barcode-rules/${sepId}`, { active: false, name: 'sep2' }, manager);
    expect(off.json()).toMatchObject({ active: false, name: 'sep2', rule: { name: 'sep2' } });
    expect((await decode({ text: 'PABC12/0012', siteId })).json().rule).toBe('fixed');
    const list = await api.call('GET', `/api/barcode-rules?siteId=${siteId}`, undefined, counter);
    expect(list.json().items.map((r: { name: string }) => r.name)).toEqual(['sep2', 'fixed']);
    expect(
      (await api.call('PATCH', `/api/barcode-rules/${fixedId}`, { rule: { kind: 'fixed' } }, manager)).json().error
        .field,
    ).toBe('rule.fields');
    expect((await api.call('DELETE', `/api/barcode-rules/${sepId}`, undefined, manager)).statusCode).toBe(204);
    expect((await api.call('DELETE', `/api/barcode-rules/${sepId}`, undefined, manager)).statusCode).toBe(404);
  });

  it("keeps a site-bound user to their own site's rules", async () => {
    // Another site's rules answer as rules of a site that does not exist (site-scope.ts): not_found.
    expect((await api.call('GET', `/api/barcode-rules?siteId=${siteId}`, undefined, boundManager)).statusCode).toBe(
      404,
    );
    expect((await api.call('PATCH', `/api/barcode-rules/${fixedId}`, { active: false }, boundManager)).statusCode).toBe(
      404,
    );
    const own = await api.call('POST', '/api/barcode-rules', { name: 'mine', rule: separator }, boundManager);
    expect(own.json().siteId).toBe(otherSiteId);
    expect((await decode({ text: 'PX/1' }, boundManager)).json().rule).toBe('mine');
  });
});
