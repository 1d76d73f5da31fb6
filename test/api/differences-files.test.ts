// The differences report per count list, its new filters (product group, minimum value and percent) and its
// files (CSV in a language, XLSX, PDF), before and after closing; and that a counter gets none of it.
// Stock-taking-day inventory (blind: counters never see targets), valued at the weighted average:
//   A (unstructured, list 1, BOLTS) 10 @ 2.5, counted 7 → −3 × 2.5 = −7.5 (−30 %)
//   B (bin P1, list 1)               5 @ 4,   counted 8 → +3 × 4   = +12  (+60 %)
//   C (unstructured, list 1)         4 @ 1,   counted 4 → no difference
//   D (unstructured, list 2, BOLTS) 200 @ 5,  counted 199 → −1 × 5 = −5 (−0.5 %)
//   E (unstructured, list 2) found: target 0, counted 2 @ 0.5 → +1 (no percentage)
import readXlsxSheet from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passesThresholds } from '../../src/domain/inventory/differences.js';
import { testApi, type TestApi } from '../helpers/api.js';
import {
  type Base,
  type Inv,
  type List,
  type Places,
  makeBase,
  makeCountItem,
  makeCountList,
  makeInventory,
  makeItem,
  makePlaces,
  receive,
} from '../helpers/inventory-factories.js';
import { pdfPageCount, pdfText } from '../helpers/pdf-text.js';

let api: TestApi;
let base: Base;
let places: Places;
let inv: Inv;
let list1: List;
let list2: List;
let otherList: List;
let counter: { token: string };

interface Line {
  itemCode: string;
  difference: string | null;
  value: string | null;
  percent: string | null;
  ledgerEntryIds: string[];
  countListId: string;
}
interface Report {
  items: Line[];
  totals: { lines: number; netValue: string; byItemGroup: Array<{ itemGroup: string | null; lines: number }> };
}
const get = async (url: string) => {
  const res = await api.call('GET', url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json() as Report;
};
const codes = (r: Report) => r.items.map((l) => l.itemCode).sort();

beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  base = await makeBase(db);
  places = await makePlaces(db, base);
  counter = await api.userToken('files-counter', 'counter');
  const item = (code: string) => makeItem(db, { code });
  const a = await item('FILE-A');
  const b = await item('FILE-B');
  const c = await item('FILE-C');
  const d = await item('FILE-D');
  const e = await item('FILE-E');
  await db.updateTable('items').set({ productGroup: 'BOLTS' }).where('id', 'in', [a.id, d.id]).execute();
  const plain = places.plain.id;
  for (const [itemId, quantity, unitPrice] of [
    [a.id, '10', '2.5'],
    [c.id, '4', '1'],
    [d.id, '200', '5'],
  ] as const) {
    expect((await receive(db, api.db.ctx, base, { itemId, warehouseId: plain, quantity, unitPrice })).status).toBe(
      'posted',
    );
  }
  expect(
    (
      await receive(db, api.db.ctx, base, {
        itemId: b.id,
        warehouseId: places.wms.id,
        zoneId: places.zone.id,
        binId: places.p1.id,
        quantity: '5',
        unitPrice: '4',
      })
    ).status,
  ).toBe('posted');
  // E has no stock, only a moving average price.
  await db.updateTable('items').set({ movingAveragePrice: '0.5' }).where('id', '=', e.id).execute();
  inv = await makeInventory(db, base, { valuationPrice: 'average', showSystemQuantities: false });
  list1 = await makeCountList(db, inv, { status: 'completely_reported' });
  list2 = await makeCountList(db, inv, { status: 'completely_reported', warehouseId: plain });
  await makeCountItem(db, list1, inv, {
    itemId: a.id,
    warehouseId: plain,
    target: '10',
    reported: '7',
    status: 'reported',
  });
  await makeCountItem(db, list1, inv, {
    itemId: b.id,
    warehouseId: places.wms.id,
    zoneId: places.zone.id,
    binId: places.p1.id,
    target: '5',
    reported: '8',
    status: 'reported',
  });
  await makeCountItem(db, list1, inv, {
    itemId: c.id,
    warehouseId: plain,
    target: '4',
    reported: '4',
    status: 'reported',
  });
  await makeCountItem(db, list2, inv, {
    itemId: d.id,
    warehouseId: plain,
    target: '200',
    reported: '199',
    status: 'reported',
  });
  await makeCountItem(db, list2, inv, {
    itemId: e.id,
    warehouseId: plain,
    target: '0',
    reported: '2',
    status: 'reported',
  });
  const other = await makeInventory(db, base, {});
  otherList = await makeCountList(db, other, {});
});
afterAll(async () => {
  await api.close();
});

const FORMATS = ['csv', 'xlsx', 'pdf'] as const;

describe('differences report: blind rules', () => {
  it('a counter gets 403 from every report endpoint and file, per inventory and per list, in every language', async () => {
    const urls = [`/api/inventories/${inv.id}/differences`, `/api/count-lists/${list1.id}/differences`];
    for (const f of FORMATS) {
      urls.push(`/api/inventories/${inv.id}/differences.${f}`, `/api/count-lists/${list1.id}/differences.${f}`);
      for (const language of ['en', 'it', 'pl', 'de']) {
        urls.push(
          `/api/inventories/${inv.id}/differences.${f}?language=${language}`,
          `/api/count-lists/${list2.id}/differences.${f}?language=${language}&onlyDifferences=false`,
        );
      }
    }
    for (const url of urls) {
      const res = await api.call('GET', url, undefined, counter.token);
      expect(res.statusCode, url).toBe(403);
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
      for (const s of ['FILE-', '200', '199']) expect(res.body, url).not.toContain(s);
    }
  });
});

describe('differences report: per list, filters', () => {
  it('the report of a list is the inventory report filtered to the list; a list of another inventory is not found', async () => {
    const perList = await get(`/api/count-lists/${list2.id}/differences?onlyDifferences=false`);
    expect(codes(perList)).toEqual(['FILE-D', 'FILE-E']);
    expect(perList).toEqual(
      await get(`/api/inventories/${inv.id}/differences?onlyDifferences=false&countListId=${list2.id}`),
    );
    const res = await api.call('GET', `/api/inventories/${inv.id}/differences?countListId=${otherList.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'not_found', field: 'countListId' });
    expect((await api.call('GET', '/api/count-lists/999999999/differences')).statusCode).toBe(404);
    expect((await api.call('GET', `/api/count-lists/${list1.id}/differences?countListId=${list2.id}`)).statusCode).toBe(
      400,
    );
  });

  it('filters by product group, minimum absolute value and minimum percent, as the domain rule says', async () => {
    const url = `/api/inventories/${inv.id}/differences`;
    const bolts = await get(`${url}?itemGroup=BOLTS`);
    expect(codes(bolts)).toEqual(['FILE-A', 'FILE-D']);
    expect(bolts.totals.byItemGroup).toEqual([expect.objectContaining({ itemGroup: 'BOLTS', lines: 2 })]);
    const all = (await get(`${url}?onlyDifferences=false`)).items;
    for (const [query, t] of [
      ['minValue=7.5', { minValue: '7.5' }],
      ['minValue=5.01', { minValue: '5.01' }],
      ['minPercent=30', { minPercent: '30' }],
      ['minPercent=0.5', { minPercent: '0.5' }],
      ['minPercent=31&minValue=1', { minPercent: '31', minValue: '1' }],
    ] as const) {
      const r = await get(`${url}?onlyDifferences=false&${query}`);
      expect(codes(r), query).toEqual(
        all
          .filter((l) => passesThresholds(l, t))
          .map((l) => l.itemCode)
          .sort(),
      );
    }
    expect(codes(await get(`${url}?minValue=7.5`))).toEqual(['FILE-A', 'FILE-B']);
    // A found item has no percentage: it passes any percent threshold.
    expect(codes(await get(`${url}?minPercent=30`))).toEqual(['FILE-A', 'FILE-B', 'FILE-E']);
    expect(codes(await get(`${url}?minPercent=0.6`))).not.toContain('FILE-D');
    for (const bad of ['minValue=-1', 'minValue=abc', 'minPercent=1e3', 'itemGroup=']) {
      const res = await api.call('GET', `${url}?${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.field, bad).toBe(bad.split('=')[0]);
    }
  });
});

function csvRows(body: string, sep: string): string[][] {
  return body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((r) => r.split(sep));
}

describe('differences report: files', () => {
  it('CSV without a language is the machine format; in German: semicolons, decimal commas, German headers and statuses', async () => {
    const machine = await api.call('GET', `/api/count-lists/${list1.id}/differences.csv?sort=item`);
    expect(machine.statusCode).toBe(200);
    expect(machine.body.startsWith('countList,itemCode,')).toBe(true);
    expect(machine.body).toContain(',-7.5,');

    const res = await api.call(
      'GET',
      `/api/inventories/${inv.id}/differences.csv?language=de&sort=item&itemGroup=BOLTS`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="differences-${inv.number}.csv"`);
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const rows = csvRows(res.body, ';');
    const head = rows[0]!;
    expect(head.slice(0, 4)).toEqual(['Zählliste', 'Artikel', 'Bezeichnung', 'Warengruppe']);
    const col = (r: string[], c: string) => r[head.indexOf(c)];
    const a = rows.find((r) => r[1] === 'FILE-A')!;
    expect([
      col(a, 'Sollmenge'),
      col(a, 'Gezählt'),
      col(a, 'Differenz'),
      col(a, 'Preis'),
      col(a, 'Wert'),
      col(a, 'Differenz %'),
      col(a, 'Status'),
      col(a, 'Bewertet mit'),
    ]).toEqual(['10', '7', '-3', '2,5', '-7,5', '-30', 'Gezählt', 'Buchungspreis']);
    expect(rows).toHaveLength(3);
    // English keeps the comma separator and the dot.
    const en = csvRows(
      (await api.call('GET', `/api/inventories/${inv.id}/differences.csv?language=en&itemCode=FILE-A`)).body,
      ',',
    );
    expect(en[0]![1]).toBe('Item');
    expect(en[1]).toContain('-7.5');
  });

  it('XLSX in Polish: translated headers, numbers as numbers, a sheet of totals per group; per list', async () => {
    const res = await api.call('GET', `/api/count-lists/${list2.id}/differences.xlsx?language=pl&sort=item`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="differences-${inv.number}-${list2.number}.xlsx"`,
    );
    const sheets = await readXlsxSheet(res.rawPayload);
    expect(sheets.map((s) => s.sheet)).toEqual(['Różnice', 'Sumy']);
    const [head, ...rows] = sheets[0]!.data as unknown[][];
    expect(head!.slice(0, 3)).toEqual(['Arkusz', 'Artykuł', 'Opis']);
    expect(rows.map((r) => r[1])).toEqual(['FILE-D', 'FILE-E']);
    const col = (r: unknown[], c: string) => r[head!.indexOf(c)];
    expect([
      col(rows[0]!, 'Ilość systemowa'),
      col(rows[0]!, 'Różnica'),
      col(rows[0]!, 'Wartość'),
      col(rows[0]!, 'Różnica %'),
    ]).toEqual([200, -1, -5, -0.5]);
    expect(col(rows[1]!, 'Różnica %')).toBeNull();
    const totals = sheets[1]!.data as unknown[][];
    const flat = totals.map((r) => r.filter((c) => c !== null).join('|'));
    expect(flat).toContain('Sumy|2|2|1|-5|-4');
    expect(flat).toContain('Sumy według grupy towarowej');
    expect(flat).toContain('BOLTS|1|1|0|-5|-5');
    expect(flat.some((r) => r.startsWith('Arkusz spisowy|'))).toBe(true);
  });

  it('PDF in German: labels, locale numbers, the selection and totals per warehouse, zone and product group', async () => {
    const res = await api.call(
      'GET',
      `/api/inventories/${inv.id}/differences.pdf?language=de&sort=absValue&dir=desc&minValue=1`,
    );
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="differences-${inv.number}.pdf"`);
    const text = pdfText(res.rawPayload);
    for (const s of [
      `Inventurdifferenzen – Inventur ${inv.number}`,
      'Stichtagsinventur',
      'Durchschnittspreis',
      'Wert mindestens',
      '1,00',
      'Sollmenge',
      'Gezählt',
      'Mindermengen',
      'Nettodifferenz',
      'Summen je Lager',
      'Summen je Zone',
      'Summen je Warengruppe',
      'BOLTS',
      '(ohne Warengruppe)',
      '-7,50',
      '12,00',
      '2,50',
      'Seite 1 von 1',
      'FILE-A',
      'FILE-B',
      'FILE-D',
      'FILE-E',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('FILE-C');
    expect(text.indexOf('FILE-B')).toBeLessThan(text.indexOf('FILE-A'));
    expect(text.indexOf('FILE-A')).toBeLessThan(text.indexOf('FILE-D'));
    expect(text).not.toContain('Differences report');
  });

  it('a long PDF repeats the page numbers over every page; English by default', async () => {
    const res = await api.call('GET', `/api/inventories/${inv.id}/differences.pdf?onlyDifferences=false`);
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain(`Differences report – Inventory ${inv.number}`);
    expect(text).toContain(`Page 1 of ${pdfPageCount(res.rawPayload)}`);
  });

  it('after closing the files carry the ledger entry ids of every line', async () => {
    const closed = await api.call('POST', `/api/inventories/${inv.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    const r = await get(`/api/inventories/${inv.id}/differences?sort=item`);
    const a = r.items.find((l) => l.itemCode === 'FILE-A')!;
    expect(a.ledgerEntryIds.length).toBeGreaterThan(0);
    const rows = csvRows(
      (await api.call('GET', `/api/inventories/${inv.id}/differences.csv?language=it&sort=item`)).body,
      ';',
    );
    const head = rows[0]!;
    const csvA = rows.find((x) => x[1] === 'FILE-A')!;
    expect(csvA[head.indexOf('Movimenti contabili')]).toBe(a.ledgerEntryIds.join(' '));
    expect(csvA[head.indexOf('Stato')]).toBe('Registrato');
    const sheets = await readXlsxSheet(
      (await api.call('GET', `/api/inventories/${inv.id}/differences.xlsx?sort=item`)).rawPayload,
    );
    const [xh, ...xrows] = sheets[0]!.data as unknown[][];
    expect(xrows.find((x) => x[1] === 'FILE-A')![xh!.indexOf('Ledger entries')]).toBe(a.ledgerEntryIds.join(' '));
    expect(xrows.find((x) => x[1] === 'FILE-A')![xh!.indexOf('Valued at')]).toBe('Ledger');
  });
});
