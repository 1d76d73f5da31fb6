// The valued differences report over the API, before and after closing, checked against the ledger.
// Stock-taking-day inventory valued at the inventory price: differences post at the weighted average
//   A (unstructured) 10 @ 2, counted 7  → −3 × 2 = −6   (−30 %)
//   B (bin P1)        5 @ 4, counted 8  → +3 × 4 = +12  (+60 %), a transfer from the differences zone
//   C (unstructured)  4 @ 1, counted 4  → no difference
//   D (unstructured, list 2) 2 @ 5, counted 0 → −2 × 5 = −10 (−100 %)
// Totals +12 / −16 / net −4; closing the inventory revalues B's net receipt 3 from 4 to its inventory price 5 (+3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totalsOf } from '../../src/domain/inventory/differences.js';
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

let api: TestApi;
let base: Base;
let places: Places;
let inv: Inv;
let list1: List;
let list2: List;
let counter: { token: string };
const items: Record<'a' | 'b' | 'c' | 'd', { id: string; code: string }> = {} as never;

interface Line {
  itemCode: string;
  difference: string | null;
  value: string | null;
  unitPrice: string;
  percent: string | null;
  ledgerEntryIds: string[];
  valueSource: string;
  status: string;
  counted: string | null;
  target: string | null;
  countListNumber: string;
  warehouseCode: string;
  binCode: string | null;
}
const get = async (query = '') => {
  const res = await api.call('GET', `/api/inventories/${inv.id}/differences${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: Line[];
    nextOffset: number | null;
    totals: Record<string, unknown> & {
      byWarehouse: Array<Record<string, unknown>>;
      byZone: Array<Record<string, unknown>>;
      byItemGroup: Array<Record<string, unknown>>;
    };
  };
};
const byCode = (ls: Line[]) => Object.fromEntries(ls.map((l) => [l.itemCode, l]));

beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  base = await makeBase(db);
  places = await makePlaces(db, base);
  counter = await api.userToken('diff-counter', 'counter');
  items.a = await makeItem(db, { code: 'DIFF-A', inventoryPrice: '3' });
  items.b = await makeItem(db, { code: 'DIFF-B', inventoryPrice: '5' });
  items.c = await makeItem(db, { code: 'DIFF-C' });
  items.d = await makeItem(db, { code: 'DIFF-D' });
  await db.updateTable('items').set({ productGroup: 'BOLTS' }).where('id', 'in', [items.a.id, items.d.id]).execute();
  const plain = places.plain.id;
  for (const [itemId, quantity, unitPrice] of [
    [items.a.id, '10', '2'],
    [items.c.id, '4', '1'],
    [items.d.id, '2', '5'],
  ] as const) {
    expect((await receive(db, api.db.ctx, base, { itemId, warehouseId: plain, quantity, unitPrice })).status).toBe(
      'posted',
    );
  }
  expect(
    (
      await receive(db, api.db.ctx, base, {
        itemId: items.b.id,
        warehouseId: places.wms.id,
        zoneId: places.zone.id,
        binId: places.p1.id,
        quantity: '5',
        unitPrice: '4',
      })
    ).status,
  ).toBe('posted');
  inv = await makeInventory(db, base, { valuationPrice: 'inventory', showSystemQuantities: false });
  list1 = await makeCountList(db, inv, { status: 'completely_reported' });
  list2 = await makeCountList(db, inv, { status: 'partially_reported', warehouseId: plain });
  await makeCountItem(db, list1, inv, {
    itemId: items.a.id,
    warehouseId: plain,
    target: '10',
    reported: '7',
    status: 'reported',
  });
  await makeCountItem(db, list1, inv, {
    itemId: items.b.id,
    warehouseId: places.wms.id,
    zoneId: places.zone.id,
    binId: places.p1.id,
    target: '5',
    reported: '8',
    status: 'reported',
  });
  await makeCountItem(db, list1, inv, {
    itemId: items.c.id,
    warehouseId: plain,
    target: '4',
    reported: '4',
    status: 'reported',
  });
  await makeCountItem(db, list2, inv, { itemId: items.d.id, warehouseId: plain, target: '2', status: 'open' });
});
afterAll(async () => {
  await api.close();
});

describe('differences report', () => {
  it('is for managers only: a counter gets 403 from the report and its CSV', async () => {
    for (const url of [`/api/inventories/${inv.id}/differences`, `/api/inventories/${inv.id}/differences.csv`]) {
      const res = await api.call('GET', url, undefined, counter.token);
      expect(res.statusCode, url).toBe(403);
      expect(res.body).not.toContain('DIFF-A');
    }
  });

  it('before closing: values reported differences at the posting price (weighted average on a stock-taking day)', async () => {
    const r = await get();
    expect(r.items.map((l) => l.itemCode).sort()).toEqual(['DIFF-A', 'DIFF-B']);
    const l = byCode(r.items);
    expect(l['DIFF-A']).toMatchObject({
      countListStatus: 'completely_reported',
      target: '10',
      counted: '7',
      difference: '-3',
      unitPrice: '2',
      value: '-6',
      percent: '-30',
      status: 'reported',
      valueSource: 'planned',
      ledgerEntryIds: [],
    });
    expect(l['DIFF-B']).toMatchObject({
      target: '5',
      counted: '8',
      difference: '3',
      unitPrice: '4',
      value: '12',
      percent: '60',
      binCode: places.p1.code,
    });
    expect(r.totals).toMatchObject({
      lines: 2,
      differenceLines: 2,
      positiveValue: '12',
      negativeValue: '-6',
      netValue: '6',
      valueAdjustment: '0',
    });

    const all = await get('?onlyDifferences=false');
    expect(all.items).toHaveLength(4);
    expect(byCode(all.items)['DIFF-D']).toMatchObject({
      counted: null,
      difference: null,
      value: null,
      percent: null,
      status: 'open',
    });
    expect(byCode(all.items)['DIFF-C']).toMatchObject({ difference: '0', value: '0', percent: '0' });
    const { lines, differenceLines, positiveValue, negativeValue, netValue } = all.totals;
    expect({ lines, differenceLines, positiveValue, negativeValue, netValue }).toEqual(totalsOf(all.items));
  });

  it('filters by list, warehouse and text, sorts, pages', async () => {
    expect((await get(`?countListId=${list2.id}&onlyDifferences=false`)).items.map((l) => l.itemCode)).toEqual([
      'DIFF-D',
    ]);
    expect((await get(`?warehouseId=${places.wms.id}`)).items.map((l) => l.itemCode)).toEqual(['DIFF-B']);
    expect((await get('?q=diff-a')).items.map((l) => l.itemCode)).toEqual(['DIFF-A']);
    expect((await get('?itemCode=DIFF-B')).items.map((l) => l.itemCode)).toEqual(['DIFF-B']);
    expect((await get('?sort=value&dir=desc')).items.map((l) => l.itemCode)).toEqual(['DIFF-B', 'DIFF-A']);
    expect((await get('?sort=percent&dir=asc')).items.map((l) => l.itemCode)).toEqual(['DIFF-A', 'DIFF-B']);
    const p1 = await get('?onlyDifferences=false&sort=item&limit=3');
    expect(p1.items.map((l) => l.itemCode)).toEqual(['DIFF-A', 'DIFF-B', 'DIFF-C']);
    expect(p1.nextOffset).toBe(3);
    expect(p1.totals.lines).toBe(4);
    const p2 = await get('?onlyDifferences=false&sort=item&limit=3&offset=3');
    expect(p2.items.map((l) => l.itemCode)).toEqual(['DIFF-D']);
    expect(p2.nextOffset).toBeNull();
    expect((await api.call('GET', `/api/inventories/${inv.id}/differences?sort=bogus`)).statusCode).toBe(400);
  });

  it("after closing: the values and entries are the ledger's, totals per warehouse, zone and item group", async () => {
    const db = api.db.ctx.db;
    await db
      .updateTable('countListItems')
      .set({ reportedQuantity: '0', status: 'reported' })
      .where('countListId', '=', list2.id)
      .execute();
    await db.updateTable('countLists').set({ status: 'completely_reported' }).where('id', '=', list2.id).execute();
    const closed = await api.call('POST', `/api/inventories/${inv.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);

    const r = await get('?sort=absValue&dir=desc');
    expect(r.items.map((l) => l.itemCode)).toEqual(['DIFF-B', 'DIFF-D', 'DIFF-A']);
    const l = byCode(r.items);
    expect(l['DIFF-D']).toMatchObject({
      countListStatus: 'closed',
      difference: '-2',
      unitPrice: '5',
      value: '-10',
      percent: '-100',
      status: 'closed',
      valueSource: 'ledger',
    });
    for (const line of r.items) {
      const entries = await db.selectFrom('stockLedger').selectAll().where('id', 'in', line.ledgerEntryIds).execute();
      const own = entries.filter((e) => e.zoneId !== places.diffZone.id);
      expect(
        own.reduce((s, e) => s + Number(e.value), 0),
        line.itemCode,
      ).toBe(Number(line.value));
      expect(
        own.reduce((s, e) => s + Number(e.quantity), 0),
        line.itemCode,
      ).toBe(Number(line.difference));
      expect(
        entries.every((e) => e.originType === 'count_list'),
        line.itemCode,
      ).toBe(true);
    }
    expect(l['DIFF-A']!.ledgerEntryIds).toHaveLength(1);
    // The transfer's two legs: into the bin and out of the differences zone.
    expect(l['DIFF-B']!.ledgerEntryIds).toHaveLength(2);
    expect(r.totals).toMatchObject({
      lines: 3,
      positiveValue: '12',
      negativeValue: '-16',
      netValue: '-4',
      valueAdjustment: '3',
    });
    expect(r.totals.valueAdjustmentEntryIds).toHaveLength(1);
    expect(r.totals.byWarehouse).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ warehouseId: places.plain.id, lines: 2, netValue: '-16' }),
        expect.objectContaining({ warehouseId: places.wms.id, lines: 1, netValue: '12' }),
      ]),
    );
    expect(r.totals.byZone).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ zoneId: places.zone.id, netValue: '12' }),
        expect.objectContaining({ warehouseId: places.plain.id, zoneId: null, netValue: '-16' }),
      ]),
    );
    expect(r.totals.byItemGroup).toEqual([
      expect.objectContaining({ itemGroup: 'BOLTS', lines: 2, negativeValue: '-16' }),
      expect.objectContaining({ itemGroup: null, lines: 1, positiveValue: '12' }),
    ]);
  });

  it('exports the same lines as CSV with exact decimals', async () => {
    const res = await api.call('GET', `/api/inventories/${inv.id}/differences.csv?sort=item`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain(`differences-${inv.number}.csv`);
    const rows = res.body
      .trim()
      .split('\r\n')
      .map((r) => r.split(','));
    expect(rows[0]!.slice(0, 3)).toEqual(['countList', 'itemCode', 'itemDescription']);
    expect(rows).toHaveLength(4);
    const head = rows[0]!;
    const a = rows.find((r) => r[1] === 'DIFF-A')!;
    const col = (r: string[], c: string) => r[head.indexOf(c)];
    expect([
      col(a, 'target'),
      col(a, 'counted'),
      col(a, 'difference'),
      col(a, 'unitPrice'),
      col(a, 'value'),
      col(a, 'percent'),
      col(a, 'status'),
    ]).toEqual(['10', '7', '-3', '2', '-6', '-30', 'closed']);
    expect(
      col(
        rows.find((r) => r[1] === 'DIFF-B')!,
        'ledgerEntryIds',
      )!.split(' '),
    ).toHaveLength(2);
  });
});
