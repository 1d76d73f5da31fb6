// Count files over HTTP: GET …/counts.csv|.xlsx and POST …/counts with the file as the body, for a
// list and a whole inventory. Blind: a counter's export carries no target column and none of the odd system
// quantities (7331, 4417) anywhere; the manager's does (the positive control).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, parseXlsx, writeXlsx, XLSX_MEDIA_TYPE } from '../../src/services/items/import-files.js';
import { testApi, type TestApi } from '../helpers/api.js';
import {
  type Base,
  type Inv,
  type List,
  makeBase,
  makeCountItem,
  makeCountList,
  makeInventory,
  makeItem,
  makePlaces,
} from '../helpers/inventory-factories.js';

let api: TestApi;
let base: Base;
let places: Awaited<ReturnType<typeof makePlaces>>;
let counter: { token: string; userId: string };
let inv: Inv;
let list: List;
let other: List;
let a: { id: string; code: string };
let b: { id: string; code: string };

const SECRETS = /(^|[^0-9])(7331|4417)([^0-9]|$)/;

beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  base = await makeBase(db);
  places = await makePlaces(db, base);
  counter = await api.userToken('file-counter', 'counter');
  a = await makeItem(db, { code: 'API-A' });
  b = await makeItem(db, { code: 'API-B' });
  inv = await makeInventory(db, base, { status: 'open', showSystemQuantities: false, reportType: 'single' });
  list = await makeCountList(db, inv, {
    status: 'open',
    responsibleUserId: counter.userId,
    warehouseId: places.plain.id,
  });
  await makeCountItem(db, list, inv, { itemId: a.id, warehouseId: places.plain.id, target: '7331' });
  await makeCountItem(db, list, inv, { itemId: b.id, warehouseId: places.plain.id, target: '4417' });
  other = await makeCountList(db, inv, { status: 'open', warehouseId: places.plain.id });
});
afterAll(async () => {
  await api.close();
});

const post = (url: string, body: string | Buffer, type: string, token?: string) =>
  api.app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: { authorization: `Bearer ${token ?? api.token}`, 'content-type': type },
  });
const bytesOf = async (s: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
};

describe('count file export over HTTP', () => {
  it("a counter's CSV and XLSX of a blind list and inventory have no target column and no system quantity", async () => {
    for (const url of [`/api/count-lists/${list.id}/counts.csv`, `/api/inventories/${inv.id}/counts.csv`]) {
      const res = await api.call('GET', url, undefined, counter.token);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const sheet = parseCsv(res.body);
      expect(sheet.header).toEqual([
        'list',
        'warehouse',
        'zone',
        'bin',
        'item',
        'description',
        'lot',
        'serial',
        'unit',
        'counted',
      ]);
      expect(sheet.rows.map((r) => r.values.item)).toEqual(['API-A', 'API-B']);
      expect(res.body).not.toMatch(SECRETS);
    }
    const x = await api.call('GET', `/api/inventories/${inv.id}/counts.xlsx`, undefined, counter.token);
    expect([x.statusCode, x.headers['content-type'], x.headers['content-disposition']]).toEqual([
      200,
      XLSX_MEDIA_TYPE,
      `attachment; filename="counts-${inv.number}.xlsx"`,
    ]);
    const sheet = await parseXlsx(new Uint8Array(x.rawPayload));
    expect(sheet.header).not.toContain('target');
    expect(JSON.stringify(sheet.rows)).not.toMatch(SECRETS);
    // Another employee's list is not the counter's to export.
    expect(
      (await api.call('GET', `/api/count-lists/${other.id}/counts.csv`, undefined, counter.token)).statusCode,
    ).toBe(404);
  });

  it("the manager's export carries the targets (the control), unless targets=false", async () => {
    const res = await api.call('GET', `/api/count-lists/${list.id}/counts.csv`);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="counts-${inv.number}-${list.number}.csv"`);
    expect(parseCsv(res.body).rows.map((r) => r.values.target)).toEqual(['7331', '4417']);
    expect((await api.call('GET', `/api/count-lists/${list.id}/counts.csv?targets=false`)).body).not.toMatch(SECRETS);
  });
});

describe('count file import over HTTP', () => {
  it('imports the filled CSV template per list (semicolon, decimal comma) as the counter, device import:<file>', async () => {
    const template = (await api.call('GET', `/api/count-lists/${list.id}/counts.csv`, undefined, counter.token)).body;
    const filled = template
      .replace(/\r\n$/, '')
      .split('\r\n')
      .map((l, i) => (i === 0 ? l.replace(/,/g, ';') : `${l.replace(/,/g, ';')}${i === 1 ? '7' : ''}`))
      .join('\n');
    const dry = await post(
      `/api/count-lists/${list.id}/counts?dryRun=true&fileName=sheet.csv`,
      filled,
      'text/csv',
      counter.token,
    );
    expect([dry.statusCode, dry.json()]).toEqual([
      200,
      expect.objectContaining({ status: 'validated', applied: false, reported: 1, skipped: 1 }),
    ]);
    const res = await post(`/api/count-lists/${list.id}/counts?fileName=sheet.csv`, filled, 'text/csv', counter.token);
    expect(res.json()).toMatchObject({
      status: 'imported',
      applied: true,
      reported: 1,
      rejected: [],
      device: 'import:sheet.csv',
    });
    const items = (await api.call('GET', `/api/count-lists/${list.id}/items`, undefined, counter.token)).json().items;
    expect(items.map((i: { reportedQuantity: string | null }) => i.reportedQuantity)).toEqual(['7', null]);
    const reports = await api.call('GET', `/api/count-list-items/${items[0].id}/reports`, undefined, counter.token);
    expect(reports.json().items).toEqual([
      expect.objectContaining({ userId: counter.userId, device: 'import:sheet.csv', mode: 'replace', quantity: '7' }),
    ]);
  });

  it('an XLSX inventory file: all or nothing by default (200, applied false, rows named), partial applies the good rows', async () => {
    const header = ['list', 'item', 'counted'];
    const xlsx = await bytesOf(
      await writeXlsx(
        'counts',
        header,
        [
          [list.number, 'API-B', '3'],
          [list.number, 'NOPE', '1'],
          [other.number, 'API-A', '1,5'],
        ],
        new Set(['counted']),
      ),
    );
    const all = await post(`/api/inventories/${inv.id}/counts`, xlsx, XLSX_MEDIA_TYPE);
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({
      status: 'rejected',
      applied: false,
      rejected: [
        { line: 3, field: 'item', column: 'B', code: 'reference.unknown', message: 'unknown item code NOPE' },
        { line: 4, field: 'counted', column: 'C', code: 'quantity.too_many_decimals' },
      ],
    });
    const before = (await api.call('GET', `/api/count-lists/${list.id}/items`)).json().items;
    expect(before[1].reportedQuantity).toBeNull();
    const partial = await post(`/api/inventories/${inv.id}/counts?partial=true`, xlsx, XLSX_MEDIA_TYPE);
    expect(partial.json()).toMatchObject({
      status: 'imported',
      applied: true,
      reported: 1,
      rejected: [{ line: 3 }, { line: 4 }],
    });
    expect((await api.call('GET', `/api/count-lists/${list.id}/items`)).json().items[1].reportedQuantity).toBe('3');
  });

  it('refuses a closed list (422), a bad header (400), unknown query fields (400)', async () => {
    const db = api.db.ctx.db;
    const closed = await makeCountList(db, inv, { status: 'closed', warehouseId: places.plain.id });
    const res = await post(`/api/count-lists/${closed.id}/counts`, 'item,counted\nAPI-A,1\n', 'text/csv');
    expect([res.statusCode, res.json().error.code]).toEqual([422, 'count.list_closed']);
    const bad = await post(`/api/count-lists/${list.id}/counts`, 'item,amount\nAPI-A,1\n', 'text/csv');
    expect([bad.statusCode, bad.json().error]).toEqual([
      400,
      expect.objectContaining({ code: 'import.header_invalid', field: 'counted' }),
    ]);
    expect((await post(`/api/count-lists/${list.id}/counts?all=true`, 'item,counted\n', 'text/csv')).statusCode).toBe(
      400,
    );
  });
});
