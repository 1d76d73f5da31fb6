// The handheld at the edge: the place step (POST /api/handheld/places/resolve), the zones of the
// offline cache, a scan with `zone`, and the response fields that carry the warnings (place, found).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';
import { makeBin, makeZone } from '../helpers/factories.js';
import {
  makeCountingWorld,
  makeLine,
  makeList,
  makeOpenInventory,
  type List,
  type World,
} from '../medium/counting/fixtures.js';

let api: TestApi;
let w: World;
let me: { token: string; userId: string };
let list: List;
let binList: List;

const call = (method: 'GET' | 'POST', url: string, body?: object) => api.call(method, url, body, me.token);

beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  w = await makeCountingWorld(db);
  me = await api.userToken('zoe', 'counter');
  const other = await api.userToken('otto', 'counter');
  const floor = await makeZone(db, w.site.id, w.structured.id, { code: 'FLOOR', structured: false });
  await makeBin(db, w.site.id, w.structured.id, w.zone.id, {
    code: '01-03',
    place: '03',
    rowNo: '01',
    barcode: 'BIN0103',
  });
  const inv = await makeOpenInventory(db, w);
  list = await makeList(db, inv, { responsibleUserId: me.userId, warehouseId: w.structured.id });
  await makeLine(db, list, inv, { itemId: w.nuts.id, warehouseId: w.structured.id, zoneId: floor.id });
  binList = await makeList(db, inv, {
    responsibleUserId: other.userId,
    warehouseId: w.structured.id,
    countType: 'bin',
    name: 'Rack',
  });
  await makeLine(db, binList, inv, {
    itemId: w.screws.id,
    warehouseId: w.structured.id,
    zoneId: w.zone.id,
    binId: w.bin2.id,
  });
});
afterAll(async () => {
  await api.close();
});

describe('POST /api/handheld/places/resolve', () => {
  it('a zone code is a zone; a bin barcode is a bin with its zone', async () => {
    const zone = await call('POST', '/api/handheld/places/resolve', { listId: list.id, code: 'FLOOR' });
    expect(zone.statusCode).toBe(200);
    expect(zone.json()).toMatchObject({
      kind: 'zone',
      code: 'FLOOR',
      onList: true,
      otherList: null,
      foundAllowed: true,
      refusal: null,
    });
    const bin = await call('POST', '/api/handheld/places/resolve', { listId: list.id, code: 'BIN0103' });
    expect(bin.json()).toMatchObject({
      kind: 'bin',
      code: '01-03',
      zoneCode: w.zone.code,
      onList: false,
      otherList: null,
      foundAllowed: true,
    });
  });

  it('a bin of a bin list: the warning names that list and the refusal is its error', async () => {
    const r = await call('POST', '/api/handheld/places/resolve', { listId: list.id, code: '01-02' });
    expect(r.json()).toMatchObject({
      onList: false,
      otherList: { number: binList.number, name: 'Rack', countType: 'bin' },
      foundAllowed: false,
      refusal: { code: 'count.on_other_list', params: { countListNumber: binList.number } },
    });
  });

  it('a zone with bins is 422 naming bin; an unknown code is 404 naming code; unknown fields are 400', async () => {
    const structured = await call('POST', '/api/handheld/places/resolve', { listId: list.id, code: w.zone.code });
    expect(structured.statusCode).toBe(422);
    expect(structured.json().error).toMatchObject({ code: 'count.bin_required', field: 'bin' });
    const unknown = await call('POST', '/api/handheld/places/resolve', { listId: list.id, code: 'NOWHERE' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'not_found', field: 'code' });
    expect(
      (await call('POST', '/api/handheld/places/resolve', { listId: list.id, code: 'FLOOR', zone: 'x' })).statusCode,
    ).toBe(400);
  });
});

describe('zones in the cache, zone in a scan', () => {
  it('GET …/lookup?kind=zones lists the warehouse zones with structured and onList', async () => {
    const r = await call('GET', `/api/handheld/lists/${list.id}/lookup?kind=zones`);
    expect(r.statusCode).toBe(200);
    expect(r.json().kind).toBe('zones');
    expect(r.json().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'FLOOR', structured: false, onList: true })]),
    );
  });

  it('a scan with zone reports there; the answer says where (place) and that the item was found (found)', async () => {
    const ok = await call('POST', `/api/handheld/lists/${list.id}/scans`, {
      clientReportId: 'p1',
      zone: 'FLOOR',
      itemCode: '96385074',
      quantity: '2',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'recorded',
      added: false,
      found: null,
      place: { kind: 'zone', code: 'FLOOR' },
    });
    const found = await call('POST', `/api/handheld/lists/${list.id}/scans`, {
      clientReportId: 'p2',
      bin: 'BIN0103',
      itemCode: '96385074',
      quantity: '1',
    });
    expect(found.json()).toMatchObject({
      status: 'recorded',
      added: true,
      found: { otherList: null },
      place: { kind: 'bin', code: '01-03' },
    });
  });

  it('a found item with no place on a warehouse with unstructured zones: 422 count.zone_required naming zone', async () => {
    const r = await call('POST', `/api/handheld/lists/${list.id}/scans`, {
      clientReportId: 'p3',
      itemCode: '4006381333931',
      quantity: '1',
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({ code: 'count.zone_required', field: 'zone' });
  });
});
