// Story: Anna counts her list on a handheld. She finds it among her open lists, scans the bin, a carton of
// screws by its EAN-13 (2 cartons = 24 pieces), glue by its GS1-128 label (lot and expiry from AIs 10/17),
// scans the screws again and replaces the count, her scanner retries a report (counted once), Bruno tries
// to scan on her list (refused). The inventory is blind: no response ever carries a target quantity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';
import {
  makeCountingWorld,
  makeList,
  makeOpenInventory,
  makeStructuredList,
  type List,
  type World,
} from '../medium/counting/fixtures.js';

let api: TestApi;
let w: World;
let anna: { token: string; userId: string };
let bruno: { token: string; userId: string };
let list: List;
let sightedList: List;
const seen: unknown[] = [];

const GS = '\u001d';

/** Calls as Anna and keeps every response body for the blind check. */
async function hh(method: string, url: string, body?: unknown, token = anna.token) {
  const res = await api.call(method, url, body, token);
  seen.push(res.json());
  return res;
}

beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  w = await makeCountingWorld(db);
  anna = await api.userToken('anna', 'counter');
  bruno = await api.userToken('bruno', 'counter');
  const blind = await makeOpenInventory(db, w, {
    showSystemQuantities: false,
    reportType: 'single',
    description: 'Year-end count 2026',
  });
  ({ list } = await makeStructuredList(db, w, blind, anna.userId, 'Aisle 01'));
  await makeList(db, blind, { responsibleUserId: anna.userId, warehouseId: w.structured.id, status: 'created' });
  await makeList(db, blind, { responsibleUserId: bruno.userId, warehouseId: w.structured.id });
  const sighted = await makeOpenInventory(db, w, {
    showSystemQuantities: true,
    reportType: 'cumulative',
    description: 'Spot check',
  });
  ({ list: sightedList } = await makeStructuredList(db, w, sighted, anna.userId));
});
afterAll(async () => {
  await api.close();
});

describe('a counter fills a blind count list on the handheld', () => {
  it('shows Anna only her open lists, searchable by inventory', async () => {
    const all = await hh('GET', '/api/handheld/lists');
    expect(all.statusCode).toBe(200);
    expect(
      all
        .json()
        .items.map((l: { id: string }) => l.id)
        .sort(),
    ).toEqual([list.id, sightedList.id].sort());
    const found = await hh('GET', `/api/handheld/lists?q=${encodeURIComponent('year-end')}`);
    expect(found.json().items).toHaveLength(1);
    expect(found.json().items[0]).toMatchObject({
      id: list.id,
      keepLocation: true,
      reportType: 'single',
      showSystemQuantities: false,
      warehouseCode: w.structured.code,
      inventory: { description: 'Year-end count 2026' },
      counts: { items: 2, reported: 0, open: 2 },
    });
  });

  it('opens the list: items with bin, lot and unit, and no target', async () => {
    const res = await hh('GET', `/api/handheld/lists/${list.id}/items`);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        itemId: w.screws.id,
        binCode: '01-01',
        unit: 'PZ',
        lot: '',
        reportedQuantity: null,
        status: 'open',
      }),
      expect.objectContaining({ itemId: w.glue.id, binCode: '01-02', lot: 'L1', lotManagement: 'yes' }),
    ]);
    const lookup = await hh('GET', `/api/handheld/lists/${list.id}/lookup?kind=items`);
    const screws = lookup.json().items.find((i: { itemId: string }) => i.itemId === w.screws.id);
    expect(screws.searchCodes).toContainEqual({
      code: '4006381333931',
      unit: 'CT',
      conversionOp: 'x',
      conversionFactor: '12',
    });
  });

  it('scans the bin, then 2 cartons of screws by EAN-13: 24 pieces reported', async () => {
    const bin = await hh('POST', '/api/handheld/bins/resolve', { listId: list.id, code: 'BIN0101' });
    expect(bin.json()).toMatchObject({ id: w.bin1.id, code: '01-01', onList: true, keepLocation: true });
    const res = await hh('POST', `/api/handheld/lists/${list.id}/scans`, {
      clientReportId: 'anna-1',
      bin: 'BIN0101',
      barcode: ']E04006381333931',
      quantity: '2',
      device: 'HH-07',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'recorded',
      duplicate: false,
      item: { itemCode: w.screws.code, enteredQuantity: '2', enteredUnit: 'CT', quantity: '24', binCode: '01-01' },
      report: { quantity: '24', resultingQuantity: '24', mode: 'replace', clientReportId: 'anna-1' },
      line: { reportedQuantity: '24', status: 'reported' },
    });
  });

  it('counts glue from its GS1-128 label: lot from AI 10, expiry from AI 17', async () => {
    const res = await hh('POST', `/api/handheld/lists/${list.id}/scans`, {
      clientReportId: 'anna-2',
      bin: '01-02',
      barcode: `]C10109506000134352172607311012AB${GS}`,
      quantity: '5',
    });
    expect(res.json()).toMatchObject({
      status: 'recorded',
      added: true,
      item: { itemId: w.glue.id, lot: '12AB', expiry: '2026-07-31', quantity: '5' },
    });
    const raw = await api.db.ctx.db
      .selectFrom('countReports')
      .select(['rawBarcode', 'device'])
      .where('clientReportId', '=', 'anna-2')
      .executeTakeFirstOrThrow();
    expect(raw.rawBarcode).toBe(`]C10109506000134352172607311012AB${GS}`);
  });

  it('asks add or replace when the screws are scanned again, and replaces on the answer', async () => {
    const body = { clientReportId: 'anna-3', bin: 'BIN0101', barcode: '4006381333931', quantity: '3' };
    const ask = await hh('POST', `/api/handheld/lists/${list.id}/scans`, body);
    expect(ask.statusCode).toBe(200);
    expect(ask.json()).toMatchObject({
      status: 'decision_needed',
      previousQuantity: '24',
      suggestedMode: 'replace',
      item: { quantity: '36' },
    });
    const answer = await hh('POST', `/api/handheld/lists/${list.id}/scans`, { ...body, mode: 'replace' });
    expect(answer.json()).toMatchObject({
      status: 'recorded',
      report: { mode: 'replace', previousQuantity: '24', resultingQuantity: '36' },
    });
  });

  it('counts a retried report once and answers it like the first time', async () => {
    const body = { clientReportId: 'anna-4', bin: 'BIN0101', barcode: '4006381333931', quantity: '1', mode: 'add' };
    const first = await hh('POST', `/api/handheld/lists/${list.id}/scans`, body);
    const retry = await hh('POST', `/api/handheld/lists/${list.id}/scans`, body);
    expect(first.json().report.resultingQuantity).toBe('48');
    expect(retry.statusCode).toBe(200);
    expect({ ...retry.json(), duplicate: false }).toEqual(first.json());
    expect(retry.json().duplicate).toBe(true);
    const rows = await api.db.ctx.db
      .selectFrom('countReports')
      .select('id')
      .where('clientReportId', '=', 'anna-4')
      .execute();
    expect(rows).toHaveLength(1);
    const items = await hh('GET', `/api/handheld/lists/${list.id}/items?bin=01-01`);
    expect(items.json().items).toEqual([expect.objectContaining({ itemId: w.screws.id, reportedQuantity: '48' })]);
  });

  it("refuses Bruno's scan on Anna's list", async () => {
    const res = await api.call(
      'POST',
      `/api/handheld/lists/${list.id}/scans`,
      { clientReportId: 'bruno-1', bin: 'BIN0101', barcode: '4006381333931', quantity: '9' },
      bruno.token,
    );
    expect(res.statusCode).toBe(404);
    expect((await api.call('GET', `/api/handheld/lists/${list.id}/items`, undefined, bruno.token)).statusCode).toBe(
      404,
    );
    expect(
      (await api.call('GET', '/api/handheld/lists', undefined, bruno.token))
        .json()
        .items.map((l: { id: string }) => l.id),
    ).not.toContain(list.id);
  });

  it('never sent a target quantity of the blind inventory', async () => {
    const text = JSON.stringify(seen);
    expect(text).toContain('"reportedQuantity"');
    expect(text).not.toMatch(/"(targetQuantity|proposedQuantity|systemQuantity|target|expected)"/);
    const lists = await api.call('GET', '/api/handheld/lists?q=year', undefined, anna.token);
    expect(lists.json().items[0].counts).toEqual({ items: 3, reported: 2, open: 1 });
  });

  it('does show targets on an inventory that shows system quantities (the blind check can fail)', async () => {
    const items = await api.call('GET', `/api/handheld/lists/${sightedList.id}/items`, undefined, anna.token);
    expect(items.json().items[0]).toMatchObject({ targetQuantity: '30' });
    const scan = await api.call(
      'POST',
      `/api/handheld/lists/${sightedList.id}/scans`,
      { clientReportId: 's-1', bin: '01-01', barcode: '4006381333931', quantity: '1' },
      anna.token,
    );
    expect(scan.json().line).toMatchObject({ targetQuantity: '30', reportedQuantity: '12' });
  });
});
