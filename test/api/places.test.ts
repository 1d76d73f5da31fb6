// HTTP API of sites, owners, warehouses, zones and bins through fastify inject.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
let counter: string;
let manager: string;
beforeAll(async () => {
  api = await testApi();
  counter = (await api.userToken('p-counter', 'counter')).token;
  manager = (await api.userToken('p-manager', 'manager')).token;
});
afterAll(async () => {
  await api.close();
});

describe('sites and owners', () => {
  it('creates, reads, lists, updates and deletes a site (admin only)', async () => {
    const created = await api.call('POST', '/api/sites', { code: 'WAW', name: 'Warszawa' });
    expect(created.statusCode).toBe(201);
    const site = created.json();
    expect((await api.call('GET', `/api/sites/${site.id}`, undefined, counter)).json()).toEqual(site);
    expect((await api.call('POST', '/api/sites', { code: 'X', name: 'x' }, manager)).statusCode).toBe(403);
    const patched = await api.call('PATCH', `/api/sites/${site.id}`, { name: 'Warsaw' });
    expect(patched.json().name).toBe('Warsaw');
    const list = await api.call('GET', '/api/sites?q=wars');
    expect(list.json()).toEqual({ items: [expect.objectContaining({ code: 'WAW' })], nextOffset: null });
    expect((await api.call('DELETE', `/api/sites/${site.id}`)).statusCode).toBe(204);
    expect((await api.call('GET', `/api/sites/${site.id}`)).statusCode).toBe(404);
  });

  it('lets a manager keep stock owners and refuses a counter', async () => {
    const res = await api.call('POST', '/api/owners', { code: 'ACME', name: 'Acme S.p.A.' }, manager);
    expect(res.statusCode).toBe(201);
    expect(
      (await api.call('POST', '/api/owners', { code: 'ACME', name: 'again' }, manager)).json().error,
    ).toMatchObject({ code: 'conflict.duplicate', field: 'code' });
    const denied = await api.call('POST', '/api/owners', { code: 'X', name: 'x' }, counter);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('auth.forbidden');
  });

  it('rejects unknown fields and names invalid ones', async () => {
    const unknown = await api.call('POST', '/api/sites', { code: 'S9', name: 'x', colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'validation.unknown_field', field: 'colour' });
    const bad = await api.call('POST', '/api/sites', { code: 'has space', name: 'x' });
    expect(bad.json().error).toMatchObject({ code: 'validation.failed', field: 'code' });
  });
});

describe('warehouses, zones and bins', () => {
  let siteId: string;
  let whId: string;
  let zoneId: string;
  beforeAll(async () => {
    siteId = (await api.call('POST', '/api/sites', { code: 'MI', name: 'Milano' })).json().id;
  });

  it('creates a structured warehouse with a zone', async () => {
    const wh = await api.call(
      'POST',
      '/api/warehouses',
      { siteId, code: 'W01', name: 'Main', kind: 'structured', allowNegative: false, costCentre: 'CC10' },
      manager,
    );
    expect(wh.statusCode).toBe(201);
    expect(wh.json()).toMatchObject({
      kind: 'structured',
      physical: 'internal',
      costCentre: 'CC10',
      responsibleUserId: null,
    });
    whId = wh.json().id;
    const zone = await api.call(
      'POST',
      '/api/zones',
      { warehouseId: whId, code: 'HB', name: 'High bay', organisation: 'high_bay', structured: true },
      manager,
    );
    expect(zone.statusCode).toBe(201);
    zoneId = zone.json().id;
    expect(zone.json()).toMatchObject({ usage: 'normal', siteId });
  });

  it('refuses a zone in an unstructured warehouse with 422', async () => {
    const plain = (
      await api.call('POST', '/api/warehouses', { siteId, code: 'W02', name: 'Plain', kind: 'unstructured' })
    ).json();
    const res = await api.call('POST', '/api/zones', {
      warehouseId: plain.id,
      code: 'Z',
      name: 'z',
      organisation: 'block',
      structured: true,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'place.zone_not_allowed', field: 'warehouseId' });
  });

  it('creates a bin from elements and a range in one request', async () => {
    const bin = await api.call(
      'POST',
      '/api/bins',
      { zoneId, aisle: 'a', row: '07', level: '10', place: '021', barcode: 'B-0001' },
      manager,
    );
    expect(bin.statusCode).toBe(201);
    expect(bin.json()).toMatchObject({
      code: 'A-07-10-021',
      aisle: 'A',
      row: '07',
      level: '10',
      place: '021',
      warehouseId: whId,
    });
    const wrong = await api.call('POST', '/api/bins', { zoneId, row: '07', place: '021' }, manager);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'place.bin_elements_invalid', field: 'level' });
    const range = await api.call(
      'POST',
      '/api/bins/range',
      {
        zoneId,
        ranges: { row: { from: '01', to: '10' }, level: { from: '1', to: '5' }, place: { from: '001', to: '020' } },
      },
      manager,
    );
    expect(range.statusCode).toBe(201);
    expect(range.json()).toEqual({
      requested: 1000,
      created: 1000,
      skipped: 0,
      firstCode: '01-1-001',
      lastCode: '10-5-020',
    });
    const again = await api.call(
      'POST',
      '/api/bins/range',
      { zoneId, ranges: { row: { values: ['01'] }, level: { values: ['1'] }, place: { values: ['001'] } } },
      manager,
    );
    expect(again.statusCode).toBe(409);
    const preview = await api.call(
      'POST',
      '/api/bins/range',
      {
        zoneId,
        dryRun: true,
        skipExisting: true,
        ranges: { row: { values: ['10', '11'] }, level: { values: ['5'] }, place: { values: ['020'] } },
      },
      manager,
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({
      requested: 2,
      created: 1,
      skipped: 1,
      firstCode: '10-5-020',
      lastCode: '11-5-020',
      sample: ['10-5-020', '11-5-020'],
    });
    expect((await api.call('GET', `/api/bins?zoneId=${zoneId}&codePrefix=11-`)).json().items).toHaveLength(0);
    expect(
      (
        await api.call(
          'POST',
          '/api/bins/range',
          { zoneId, dryRun: true, ranges: { place: { values: ['1'] } } },
          counter,
        )
      ).statusCode,
    ).toBe(403);
  });

  it('blocks and unblocks selected bins in one request, all or none', async () => {
    const bins = (await api.call('GET', `/api/bins?zoneId=${zoneId}&row=03&level=1&limit=3`, undefined, counter)).json()
      .items as Array<{ id: string }>;
    const ids = bins.map((b) => b.id);
    const res = await api.call('POST', '/api/bins/blocked', { ids, blocked: true }, manager);
    expect(res.json()).toEqual({ changed: 3 });
    expect(
      (await api.call('GET', `/api/bins?zoneId=${zoneId}&blocked=true`, undefined, counter))
        .json()
        .items.map((b: { id: string }) => b.id),
    ).toEqual(ids);
    const unknown = await api.call('POST', '/api/bins/blocked', { ids: [ids[0], '999999'], blocked: false }, manager);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.field).toBe('ids');
    expect((await api.call('GET', `/api/bins/${ids[0]}`, undefined, counter)).json().blocked).toBe(true);
    expect((await api.call('POST', '/api/bins/blocked', { ids, blocked: false }, counter)).statusCode).toBe(403);
    expect(
      (await api.call('POST', '/api/bins/blocked', { ids: [...ids, ids[0]], blocked: false }, manager)).json(),
    ).toEqual({ changed: 3 });
    expect(
      (await api.call('GET', `/api/bins?zoneId=${zoneId}&blocked=true`, undefined, counter)).json().items,
    ).toHaveLength(0);
  });

  it('lists bins with filters and pages', async () => {
    const p1 = (await api.call('GET', `/api/bins?zoneId=${zoneId}&row=02&level=3&limit=15`, undefined, counter)).json();
    expect(p1.items).toHaveLength(15);
    expect(p1.nextOffset).toBe(15);
    const p2 = (
      await api.call('GET', `/api/bins?zoneId=${zoneId}&row=02&level=3&limit=15&offset=15`, undefined, counter)
    ).json();
    expect(p2.items.map((b: { code: string }) => b.code)).toEqual([
      '02-3-016',
      '02-3-017',
      '02-3-018',
      '02-3-019',
      '02-3-020',
    ]);
    expect(p2.nextOffset).toBeNull();
    expect((await api.call('GET', `/api/bins?codePrefix=a-07`)).json().items).toHaveLength(1);
    expect((await api.call('GET', '/api/bins?shelf=1')).json().error.code).toBe('validation.unknown_field');
  });

  it('scopes a site-bound counter to their site', async () => {
    const other = (await api.call('POST', '/api/sites', { code: 'KR', name: 'Kraków' })).json();
    const { token } = await api.userToken('kr-counter', 'counter');
    await api.call(
      'PATCH',
      `/api/users/${(await api.call('GET', '/api/users')).json().items.find((u: { username: string }) => u.username === 'kr-counter').id}`,
      { siteId: other.id },
    );
    const seen = await api.call('GET', '/api/warehouses', undefined, token);
    expect(seen.json().items).toEqual([]);
    expect((await api.call('GET', `/api/warehouses/${whId}`, undefined, token)).statusCode).toBe(404);
    expect((await api.call('GET', `/api/warehouses?siteId=${siteId}`, undefined, counter)).json().items.length).toBe(2);
  });

  it('updates and refuses deleting what is in use; 404 for unknown ids', async () => {
    expect((await api.call('PATCH', `/api/zones/${zoneId}`, { organisation: 'block' })).json().error).toMatchObject({
      code: 'conflict.in_use',
      field: 'organisation',
    });
    expect((await api.call('PATCH', `/api/warehouses/${whId}`, { name: 'Main store' }, manager)).json().name).toBe(
      'Main store',
    );
    const del = await api.call('DELETE', `/api/warehouses/${whId}`, undefined, manager);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toContain('zones');
    expect((await api.call('DELETE', `/api/zones/${zoneId}`, undefined, manager)).statusCode).toBe(409);
    expect((await api.call('GET', '/api/zones/999999')).statusCode).toBe(404);
    expect((await api.call('DELETE', '/api/bins/999999', undefined, manager)).statusCode).toBe(404);
    expect((await api.call('PATCH', `/api/warehouses/${whId}`, { name: 'x' }, counter)).statusCode).toBe(403);
  });
});
