// Handheld endpoints at the edge: validation, error statuses and fields, paging of the offline look-up,
// filters, lists that are not open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';
import {
  makeCountingWorld,
  makeLine,
  makeList,
  makeOpenInventory,
  makeStructuredList,
  type List,
  type World,
} from '../medium/counting/fixtures.js';

let api: TestApi;
let w: World;
let me: { token: string; userId: string };
let list: List;
let closed: List;
let multi: List;

const scan = (body: object, listId = list.id) =>
  api.call('POST', `/api/handheld/lists/${listId}/scans`, body, me.token);

beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  w = await makeCountingWorld(db);
  me = await api.userToken('carla', 'counter');
  const inv = await makeOpenInventory(db, w, { reportType: 'cumulative' });
  ({ list } = await makeStructuredList(db, w, inv, me.userId));
  closed = await makeList(db, inv, { responsibleUserId: me.userId, warehouseId: w.structured.id, status: 'closed' });
  // A list without a warehouse of its own: article lines in two warehouses.
  multi = await makeList(db, inv, { responsibleUserId: me.userId, warehouseId: null });
  await makeLine(db, multi, inv, { itemId: w.nuts.id, warehouseId: w.unstructured.id });
  await makeLine(db, multi, inv, {
    itemId: w.screws.id,
    warehouseId: w.structured.id,
    zoneId: w.zone.id,
    binId: w.bin1.id,
    informational: true,
  });
});
afterAll(async () => {
  await api.close();
});

describe('POST /api/handheld/lists/:id/scans', () => {
  it('needs a barcode or an item code, and refuses unknown fields', async () => {
    const none = await scan({ clientReportId: 'v1', quantity: '1' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.field).toBe('barcode');
    expect((await scan({ clientReportId: 'v2', barcode: '96385074', colour: 'red' })).json().error).toMatchObject({
      code: 'validation.unknown_field',
      field: 'colour',
    });
    expect((await scan({ clientReportId: 'v3', barcode: '96385074', quantity: '1e3' })).json().error).toMatchObject({
      code: 'validation.failed',
      field: 'quantity',
    });
  });

  it('answers a barcode that does not decode with 422 and the tokenizer code', async () => {
    const res = await scan({
      clientReportId: 'b1',
      bin: '01-01',
      barcode: `]C1010950600013435217261399`,
      quantity: '1',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'barcode.invalid',
      field: 'barcode',
      params: { barcodeError: 'barcode.invalid_date', ai: '17' },
    });
  });

  it('names the missing or unknown thing', async () => {
    expect(
      (await scan({ clientReportId: 'e1', bin: '01-01', barcode: '4006381333948', quantity: '1' })).json().error,
    ).toMatchObject({ code: 'not_found', field: 'barcode' });
    expect(
      (await scan({ clientReportId: 'e2', bin: '01-01', itemCode: 'NOPE', quantity: '1' })).json().error,
    ).toMatchObject({ code: 'not_found', field: 'itemCode' });
    const noBin = await scan({ clientReportId: 'e3', barcode: '4006381333931', quantity: '1' });
    expect(noBin.statusCode).toBe(422);
    expect(noBin.json().error).toMatchObject({ code: 'count.bin_required', field: 'bin' });
    expect((await scan({ clientReportId: 'e4', bin: 'X-1', barcode: '4006381333931', quantity: '1' })).statusCode).toBe(
      404,
    );
    const noLot = await scan({ clientReportId: 'e5', bin: '01-02', barcode: ']C10109506000134352', quantity: '1' });
    expect(noLot.statusCode).toBe(422);
    expect(noLot.json().error).toMatchObject({ code: 'item.lot_required', field: 'lot' });
    const noQty = await scan({ clientReportId: 'e6', bin: '01-01', barcode: '4006381333931' });
    expect(noQty.json().error).toMatchObject({ code: 'validation.failed', field: 'quantity' });
  });

  it('adds on a repeat without asking when the mode is sent (cumulative inventory)', async () => {
    const a = await scan({ clientReportId: 'c1', bin: '01-01', barcode: '4006381333931', quantity: '1' });
    expect(a.json()).toMatchObject({ status: 'recorded', report: { mode: 'add', resultingQuantity: '12' } });
    const ask = await scan({ clientReportId: 'c2', bin: '01-01', barcode: '4006381333931', quantity: '1' });
    expect(ask.json()).toMatchObject({ status: 'decision_needed', suggestedMode: 'add', previousQuantity: '12' });
    const b = await scan({ clientReportId: 'c2', bin: '01-01', barcode: '4006381333931', quantity: '1', mode: 'add' });
    expect(b.json().report.resultingQuantity).toBe('24');
  });

  it('refuses a list that is not open and a report id used on another list', async () => {
    const res = await scan({ clientReportId: 'n1', bin: '01-01', barcode: '4006381333931', quantity: '1' }, closed.id);
    expect(res.statusCode).toBe(422);
    expect(
      (await scan({ clientReportId: 'c1', barcode: '96385074', quantity: '1' }, multi.id)).json().error,
    ).toMatchObject({ code: 'count.report_id_reused', field: 'clientReportId' });
  });

  it('finds the warehouse of a multi-warehouse list from the item line, or refuses its informational line', async () => {
    const r = await scan({ clientReportId: 'm1', barcode: '96385074', quantity: '4' }, multi.id);
    expect(r.json()).toMatchObject({ status: 'recorded', item: { binId: null, quantity: '4' } });
    const info = await scan({ clientReportId: 'm2', bin: '01-01', barcode: '4006381333931', quantity: '1' }, multi.id);
    expect(info.json().error.code).toBe('count.on_other_list');
  });
});

describe('handheld reads', () => {
  it('pages the offline look-up and lists the bins of the warehouse', async () => {
    const p1 = await api.call('GET', `/api/handheld/lists/${list.id}/lookup?kind=items&limit=1`, undefined, me.token);
    expect(p1.json()).toMatchObject({ kind: 'items', nextOffset: 1 });
    expect(p1.json().items).toHaveLength(1);
    const p2 = await api.call(
      'GET',
      `/api/handheld/lists/${list.id}/lookup?kind=items&limit=1&offset=1`,
      undefined,
      me.token,
    );
    expect(p2.json().items[0].itemId).not.toBe(p1.json().items[0].itemId);
    const bins = await api.call('GET', `/api/handheld/lists/${list.id}/lookup?kind=bins`, undefined, me.token);
    expect(bins.json().items.map((b: { code: string }) => b.code)).toEqual(['01-01', '01-02']);
  });

  it('filters items by bin and open status; refuses closed lists', async () => {
    const open = await api.call('GET', `/api/handheld/lists/${list.id}/items?onlyOpen=true`, undefined, me.token);
    expect(open.json().items.map((i: { binCode: string }) => i.binCode)).toEqual(['01-02']);
    const bin = await api.call('GET', `/api/handheld/lists/${list.id}/items?bin=BIN0102`, undefined, me.token);
    expect(bin.json().items).toHaveLength(1);
    expect(
      (await api.call('GET', `/api/handheld/lists/${closed.id}/items`, undefined, me.token)).json().error.code,
    ).toBe('count.not_open');
    const multiItems = await api.call('GET', `/api/handheld/lists/${multi.id}/items`, undefined, me.token);
    expect(multiItems.json().items.every((i: { itemId: string }) => i.itemId !== w.screws.id)).toBe(true);
  });

  it('resolves bins of the list only', async () => {
    const other = await makeOpenInventory(api.db.ctx.db, w);
    const unstructuredList = await makeList(api.db.ctx.db, other, {
      responsibleUserId: me.userId,
      warehouseId: w.unstructured.id,
    });
    const res = await api.call(
      'POST',
      '/api/handheld/bins/resolve',
      { listId: unstructuredList.id, code: 'BIN0101' },
      me.token,
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().error.field).toBe('bin');
    const ok = await api.call('POST', '/api/handheld/bins/resolve', { listId: multi.id, code: '01-02' }, me.token);
    expect(ok.json()).toMatchObject({ id: w.bin2.id, onList: false });
  });
});

describe('POST /api/handheld/scans/batch', () => {
  it('synchronises an offline queue: each scan on its own, exactly once', async () => {
    const scans = [
      {
        listId: list.id,
        clientReportId: 'off-1',
        bin: '01-02',
        barcode: ']C10109506000134352172612311012AB',
        quantity: '2',
      },
      { listId: list.id, clientReportId: 'off-2', bin: '01-02', barcode: ']E04006381333932', quantity: '1' },
      {
        listId: list.id,
        clientReportId: 'off-3',
        bin: '01-02',
        barcode: ']C10109506000134352172612311012AB',
        quantity: '1',
      },
    ];
    const res = await api.call('POST', '/api/handheld/scans/batch', { scans }, me.token);
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([
      expect.objectContaining({
        clientReportId: 'off-1',
        ok: true,
        result: expect.objectContaining({ status: 'recorded', duplicate: false }),
      }),
      {
        clientReportId: 'off-2',
        ok: false,
        error: expect.objectContaining({
          code: 'barcode.invalid',
          field: 'barcode',
          params: expect.objectContaining({ barcodeError: 'barcode.bad_check_digit' }),
        }),
      },
      expect.objectContaining({
        clientReportId: 'off-3',
        ok: true,
        result: expect.objectContaining({ status: 'decision_needed', previousQuantity: '2' }),
      }),
    ]);
    const again = await api.call('POST', '/api/handheld/scans/batch', { scans: [scans[0]] }, me.token);
    expect(again.json().results[0].result).toMatchObject({ status: 'recorded', duplicate: true });
    const rows = await api.db.ctx.db
      .selectFrom('countReports')
      .select('id')
      .where('clientReportId', 'in', ['off-1', 'off-2', 'off-3'])
      .execute();
    expect(rows).toHaveLength(1);
  });
});

describe('GET /api/handheld/lists/:id/identify', () => {
  const identify = (q: string, listId = list.id) =>
    api.call('GET', `/api/handheld/lists/${listId}/identify?${q}`, undefined, me.token);

  it('names the item of a carton EAN-13 with the unit it counts in, writing nothing', async () => {
    const before = await api.db.ctx.db.selectFrom('countReports').select('id').execute();
    const res = await identify('barcode=4006381333931');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      itemId: w.screws.id,
      scannedCode: '4006381333931',
      enteredUnit: 'CT',
      primaryUnit: 'PZ',
      lot: null,
    });
    expect(res.json()).not.toHaveProperty('targetQuantity');
    expect(await api.db.ctx.db.selectFrom('countReports').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses a wrong check digit and an unknown code at once, as a scan would', async () => {
    const bad = await identify('barcode=4006381333932');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({
      code: 'barcode.invalid',
      field: 'barcode',
      params: { barcodeError: 'barcode.bad_check_digit' },
    });
    expect((await identify('barcode=4006381333948')).json().error).toMatchObject({
      code: 'not_found',
      field: 'barcode',
    });
    expect((await identify('itemCode=NOPE')).json().error).toMatchObject({ code: 'not_found', field: 'itemCode' });
  });

  it('reads the lot of a GS1 label, and refuses a closed list and a request without a code', async () => {
    const gs1 = await identify(`barcode=${encodeURIComponent(']C1010950600013435210L77')}`);
    expect(gs1.json()).toMatchObject({ itemId: w.glue.id, lot: 'L77' });
    expect((await identify('barcode=96385074', closed.id)).json().error.code).toBe('count.not_open');
    expect((await identify('')).statusCode).toBe(400);
  });
});

describe('GET /api/handheld/lists', () => {
  it('says where each list counts: warehouse, zones, first and last bin', async () => {
    const res = await api.call('GET', '/api/handheld/lists', undefined, me.token);
    const mine = res.json().items.find((l: { id: string }) => l.id === list.id);
    expect(mine.warehouseCode).toBe(w.structured.code);
    expect(mine.places).toEqual({ zones: [w.zone.code], firstBin: '01-01', lastBin: '01-02' });
    const article = res.json().items.find((l: { id: string }) => l.id === multi.id);
    expect(article.places).toMatchObject({ firstBin: null, lastBin: null });
  });
});

describe('GET /api/handheld/lists/:id/items: what the handheld shows and proposes comes from the server', () => {
  it('a difference list of a blind inventory shows targets and proposes 0; a single-report list proposes the target; a blind list neither', async () => {
    const db = api.db.ctx.db;
    const blind = await makeOpenInventory(db, w, { reportType: 'single', showSystemQuantities: false });
    const diff = await makeList(db, blind, { responsibleUserId: me.userId, countType: 'differences' });
    await makeLine(db, diff, blind, { itemId: w.nuts.id, warehouseId: w.unstructured.id, target: '12' });
    const plain = await makeList(db, blind, { responsibleUserId: me.userId });
    await makeLine(db, plain, blind, { itemId: w.nuts.id, warehouseId: w.unstructured.id, target: '12' });
    const shown = await makeOpenInventory(db, w, { reportType: 'single', showSystemQuantities: true });
    const single = await makeList(db, shown, { responsibleUserId: me.userId });
    await makeLine(db, single, shown, { itemId: w.nuts.id, warehouseId: w.unstructured.id, target: '12' });

    const get = (path: string) => api.call('GET', path, undefined, me.token).then((r) => r.json());
    const lists = (await get('/api/handheld/lists?limit=200')).items as Array<{ id: string; showsTargets: boolean }>;
    const showsTargets = (id: string) => lists.find((l) => l.id === id)?.showsTargets;
    expect(showsTargets(diff.id)).toBe(true);
    expect((await get(`/api/handheld/lists/${diff.id}/items`)).items[0]).toMatchObject({
      targetQuantity: '12',
      proposedQuantity: '0',
    });
    expect(showsTargets(single.id)).toBe(true);
    expect((await get(`/api/handheld/lists/${single.id}/items`)).items[0]).toMatchObject({
      targetQuantity: '12',
      proposedQuantity: '12',
    });
    expect(showsTargets(plain.id)).toBe(false);
    const blindItem = (await get(`/api/handheld/lists/${plain.id}/items`)).items[0];
    expect(blindItem).not.toHaveProperty('targetQuantity');
    expect(blindItem).not.toHaveProperty('proposedQuantity');
  });
});
