// Blind counting at the edge (SPEC §4.2): on an inventory that does not show system quantities, a counter
// never receives a target or system quantity from ANY endpoint. The stock lies in odd amounts (7331, 4417,
// 6151, 2917) and the counts leave odd differences (-7326, -4413, -6145, -2914), so any of these numbers in a
// response the counter gets is a leak. Every endpoint a counter can reach about the inventory, its lists,
// items, reports and stock is called; the manager's answers are the positive control (they do carry them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import readXlsxSheet from 'read-excel-file/node';
import { runJobNow } from '../../src/services/jobs/runner.js';
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
  receive,
} from '../helpers/inventory-factories.js';

let api: TestApi;
let base: Base;
let places: Awaited<ReturnType<typeof makePlaces>>;
let counter: { token: string; userId: string };
let inv: Inv;
let list: List;
let items: {
  a: { id: string; code: string };
  b: { id: string; code: string };
  found: { id: string; code: string };
  lotted: { id: string; code: string };
};

/** System quantities of this world and the differences the counts below leave. */
const SECRETS = ['7331', '4417', '6151', '2917', '7326', '4413', '6145', '2914'];
const leaked = (body: string) => SECRETS.filter((n) => new RegExp(`(^|[^0-9])-?${n}([^0-9]|$)`).test(body));

const asCounter = (method: string, url: string, body?: unknown) => api.call(method, url, body, counter.token);
const asManager = (method: string, url: string, body?: unknown) => api.call(method, url, body);

/** Every answer the counter got: status and body, checked for leaks at the end of each test. */
const answers: Array<{ what: string; res: LightMyRequestResponse }> = [];
async function counterCalls(
  what: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  const res = await asCounter(method, url, body);
  answers.push({ what: `${method} ${url} (${what})`, res });
  return res;
}
/** The leaks among the answers collected since the last call (each test checks its own). */
const leaks = () =>
  answers
    .splice(0)
    .map((a) => ({ what: a.what, leaked: leaked(a.res.body) }))
    .filter((a) => a.leaked.length > 0);

beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  base = await makeBase(db);
  places = await makePlaces(db, base);
  counter = await api.userToken('blind-counter', 'counter');
  const a = await makeItem(db);
  const b = await makeItem(db);
  const found = await makeItem(db);
  const lotted = await makeItem(db, { lotManagement: 'yes' });
  items = { a, b, found, lotted };
  // Real stock through the ledger, so balances, entries, lots and availability all know it.
  const plain = places.plain.id;
  for (const [itemId, quantity, lot] of [
    [a.id, '7331', ''],
    [b.id, '4417', ''],
    [found.id, '6151', ''],
    [lotted.id, '2917', 'LX-1'],
  ] as const) {
    const r = await receive(db, api.db.ctx, base, { itemId, warehouseId: plain, quantity, unitPrice: '2', lot });
    if (r.status !== 'posted') throw new Error('setup: the receipt was not posted');
  }
  inv = await makeInventory(db, base, {
    showSystemQuantities: false,
    reportType: 'cumulative',
    singleReportingRequired: false,
  });
  list = await makeCountList(db, inv, { responsibleUserId: counter.userId, warehouseId: plain });
  for (const it of [a, b, lotted])
    await makeCountItem(db, list, inv, { itemId: it.id, warehouseId: plain, lot: it === lotted ? 'LX-1' : '' });
  // Opening (a manager's job) re-reads the targets from the balances.
  const open = await asManager('POST', '/api/count-lists/open', { countListIds: [list.id] });
  expect((await runJobNow(api.db.ctx, open.json().jobId)).result).toMatchObject({ lists: [{ status: 'open' }] });
});
afterAll(async () => {
  await api.close();
});

describe('blind inventory: what a counter can reach', () => {
  it('the manager sees the system quantities (the leak detector works)', async () => {
    const res = await asManager('GET', `/api/count-lists/${list.id}/items`);
    expect(res.json().items.map((i: { targetQuantity: string }) => i.targetQuantity)).toEqual(['7331', '4417', '2917']);
    expect(leaked(res.body)).toEqual(['7331', '4417', '2917']);
    const balances = await asManager('GET', `/api/stock/balances?itemId=${items.found.id}`);
    expect(leaked(balances.body)).toEqual(['6151']);
    expect(leaked((await asManager('GET', `/api/lots?itemId=${items.lotted.id}`)).body)).toEqual(['2917']);
  });

  it('stock endpoints need the manager role: balances, ledger, availability and lots answer 403 to a counter', async () => {
    const q = `itemId=${items.a.id}&warehouseId=${places.plain.id}&ownerId=${base.owner.id}`;
    for (const url of [
      `/api/stock/balances?itemId=${items.a.id}`,
      '/api/stock/balances',
      `/api/stock/ledger?itemId=${items.a.id}`,
      '/api/stock/ledger',
      `/api/stock/availability?${q}`,
      `/api/lots?itemId=${items.lotted.id}`,
      '/api/lots',
      `/api/item-master/items/${items.a.id}/availability?warehouseId=${places.plain.id}&quantity=1`,
      `/api/item-master/items/${items.lotted.id}/lot-proposal?warehouseId=${places.plain.id}&quantity=1`,
      '/api/item-master/stock-control',
    ]) {
      const res = await counterCalls('stock', 'GET', url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('auth.forbidden');
    }
    expect((await asManager('GET', `/api/stock/availability?${q}`)).json()).toMatchObject({ onHand: '7331' });
    expect(leaks()).toEqual([]);
  });

  it('headers, lists and items before counting carry no targets', async () => {
    expect((await counterCalls('inventory', 'GET', `/api/inventories/${inv.id}`)).statusCode).toBe(200);
    expect((await counterCalls('inventories', 'GET', '/api/inventories')).statusCode).toBe(200);
    expect(
      (await counterCalls('lists of the inventory', 'GET', `/api/inventories/${inv.id}/count-lists`)).statusCode,
    ).toBe(200);
    expect((await counterCalls('list', 'GET', `/api/count-lists/${list.id}`)).statusCode).toBe(200);
    const back = await counterCalls('items', 'GET', `/api/count-lists/${list.id}/items`);
    expect(
      back
        .json()
        .items.map((i: { targetQuantity: unknown; proposedQuantity: unknown }) => [
          i.targetQuantity,
          i.proposedQuantity,
        ]),
    ).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect((await counterCalls('handheld lists', 'GET', '/api/handheld/lists')).json().items).toHaveLength(1);
    const hand = await counterCalls('handheld items', 'GET', `/api/handheld/lists/${list.id}/items`);
    expect(
      hand
        .json()
        .items.every(
          (i: object) => !('targetQuantity' in i) || (i as { targetQuantity: unknown }).targetQuantity === null,
        ),
    ).toBe(true);
    expect(
      (await counterCalls('lookup items', 'GET', `/api/handheld/lists/${list.id}/lookup?kind=items`)).statusCode,
    ).toBe(200);
    expect(
      (await counterCalls('lookup bins', 'GET', `/api/handheld/lists/${list.id}/lookup?kind=bins`)).statusCode,
    ).toBe(200);
    expect((await counterCalls('reservations', 'GET', '/api/reservations')).statusCode).toBe(200);
    expect(leaks()).toEqual([]);
  });

  it('counting (scan, repeat, batch, back-office report of a found item, import) answers without targets', async () => {
    const scan = await counterCalls('scan', 'POST', `/api/handheld/lists/${list.id}/scans`, {
      clientReportId: 'bl-1',
      itemCode: items.a.code,
      quantity: '5',
    });
    expect(scan.json()).toMatchObject({ status: 'recorded', report: { resultingQuantity: '5' } });
    const again = await counterCalls('repeat scan', 'POST', `/api/handheld/lists/${list.id}/scans`, {
      clientReportId: 'bl-2',
      itemCode: items.a.code,
      quantity: '1',
    });
    expect(again.json()).toMatchObject({ status: 'decision_needed', previousQuantity: '5' });
    const batch = await counterCalls('batch', 'POST', '/api/handheld/scans/batch', {
      scans: [
        { listId: list.id, clientReportId: 'bl-3', itemCode: items.b.code, quantity: '4' },
        { listId: list.id, clientReportId: 'bl-4', itemCode: items.lotted.code, lot: 'LX-1', quantity: '3' },
      ],
    });
    expect(batch.json().results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true]);
    // A found item joins the list with its stock as target — which stays hidden.
    const found = await counterCalls('found item', 'POST', `/api/count-lists/${list.id}/reports`, {
      itemId: items.found.id,
      warehouseId: places.plain.id,
      quantity: '6',
    });
    expect(found.json()).toMatchObject({
      status: 'recorded',
      added: true,
      item: { targetQuantity: null, proposedQuantity: null, reportedQuantity: '6' },
    });
    const imp = await counterCalls('import', 'POST', `/api/count-lists/${list.id}/import`, {
      rows: [{ itemId: items.found.id, warehouseId: places.plain.id, quantity: '6' }],
      mode: 'replace',
    });
    expect(imp.json()).toEqual({ reported: 1 });
    expect(leaks()).toEqual([]);
  });

  it('"mark all as reported" is refused on the blind list, so the targets never become reports', async () => {
    const res = await counterCalls('mark all', 'POST', `/api/count-lists/${list.id}/mark-all-reported`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('count.blind_mark_all');
    expect((await asManager('POST', `/api/count-lists/${list.id}/mark-all-reported`, {})).json().error.code).toBe(
      'count.blind_mark_all',
    );
    const rows = (await asCounter('GET', `/api/count-lists/${list.id}/items`)).json().items as Array<{ id: string }>;
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect((await counterCalls('report history', 'GET', `/api/count-list-items/${r.id}/reports`)).statusCode).toBe(
        200,
      );
    }
    expect(leaks()).toEqual([]);
  });

  it('count files, the differences report, the place step, identify and undo answer without targets', async () => {
    // Count files: the counter's export is the sheet to fill in — no target column, no system quantity.
    for (const scope of [`/api/count-lists/${list.id}`, `/api/inventories/${inv.id}`]) {
      const csv = await counterCalls('count file csv', 'GET', `${scope}/counts.csv`);
      expect(csv.statusCode, csv.body.slice(0, 200)).toBe(200);
      expect(csv.body.split(/\r?\n/)[0]).not.toMatch(/target/i);
      const xlsx = await asCounter('GET', `${scope}/counts.xlsx`);
      expect(xlsx.statusCode).toBe(200);
      const rows = (await readXlsxSheet(xlsx.rawPayload))[0]!.data as unknown[][];
      expect(rows[0]!.map(String).some((h) => /target/i.test(h))).toBe(false);
      answers.push({
        what: `GET ${scope}/counts.xlsx (as text)`,
        res: { ...xlsx, body: JSON.stringify(rows) } as LightMyRequestResponse,
      });
    }
    const manager = await asManager('GET', `/api/count-lists/${list.id}/counts.csv`);
    expect(leaked(manager.body).length).toBeGreaterThan(0); // positive control: the manager's sheet has targets
    // The differences report is the manager's: refused to a counter in every form, per inventory and per list.
    for (const scope of [`/api/inventories/${inv.id}`, `/api/count-lists/${list.id}`]) {
      for (const suffix of ['', '.csv', '.xlsx', '.pdf']) {
        expect((await counterCalls('differences', 'GET', `${scope}/differences${suffix}`)).statusCode).toBe(403);
      }
    }
    // The handheld's place step, identify and zone lookup.
    expect(
      (
        await counterCalls('place step', 'POST', '/api/handheld/places/resolve', {
          listId: list.id,
          code: places.plain.code,
        })
      ).statusCode,
    ).toBeLessThan(500);
    expect(
      (
        await counterCalls(
          'identify',
          'GET',
          `/api/handheld/lists/${list.id}/identify?itemCode=${encodeURIComponent(items.b.code)}`,
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (await counterCalls('lookup zones', 'GET', `/api/handheld/lists/${list.id}/lookup?kind=zones`)).statusCode,
    ).toBe(200);
    // A report and its undo: the answers say what the line is back to, never its target.
    const scan = await counterCalls('scan to undo', 'POST', `/api/handheld/lists/${list.id}/scans`, {
      clientReportId: 'bl-undo',
      itemCode: items.b.code,
      quantity: '3',
      mode: 'add',
    });
    expect(scan.statusCode, scan.body).toBe(200);
    const undo = await counterCalls('undo', 'POST', '/api/handheld/reports/bl-undo/undo', {});
    expect(undo.statusCode, `${scan.body} → ${undo.body}`).toBe(200);
    expect(leaks()).toEqual([]);
  });

  it('after closing, the counter still gets neither targets nor the posted differences', async () => {
    const close = await asManager('POST', `/api/inventories/${inv.id}/close`);
    expect(close.json()).toMatchObject({ status: 'closed', lists: [{ status: 'closed' }] });
    // The manager sees what was posted: 5 − 7331, 4 − 4417, 3 − 2917, 6 − 6151.
    expect(leaked((await asManager('GET', `/api/count-lists/${list.id}/items`)).body)).toEqual(
      expect.arrayContaining(['7326', '4413', '6145', '2914']),
    );
    const back = await counterCalls('closed items', 'GET', `/api/count-lists/${list.id}/items`);
    expect(
      back
        .json()
        .items.every(
          (i: { postedQuantity: unknown; unitPrice: unknown }) => i.postedQuantity === null && i.unitPrice === null,
        ),
    ).toBe(true);
    expect((await counterCalls('closed list', 'GET', `/api/count-lists/${list.id}`)).statusCode).toBe(200);
    expect(
      (await counterCalls('lists of the closed inventory', 'GET', `/api/inventories/${inv.id}/count-lists`)).statusCode,
    ).toBe(200);
    expect((await counterCalls('handheld lists', 'GET', '/api/handheld/lists')).json().items).toEqual([]);
    expect(leaks()).toEqual([]);
  });
});
