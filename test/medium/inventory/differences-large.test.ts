// The differences report over 12,000 lines: the database sorts, filters, pages and totals, and what it answers
// is what the domain's formulas give line by line (totalsOf, passesThresholds, the sort keys). No timing: this
// proves the set-based path holds at size; speed is the benchmark's business.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '../../../src/domain/decimal.js';
import { passesThresholds, totalsOf } from '../../../src/domain/inventory/differences.js';
import type { Actor } from '../../../src/services/context.js';
import {
  type DifferenceLine,
  type DifferenceQuery,
  differenceReport,
  differenceReportFile,
} from '../../../src/services/inventory/differences.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import {
  type Inv,
  type List,
  type Places,
  makeCountList,
  makeCountingSetup,
  makeInventory,
  makeItem,
} from '../../helpers/inventory-factories.js';

const ITEMS = 120;
const LOTS = 100;
let t: TestDb;
let manager: Actor;
let places: Places;
let inv: Inv;
let lists: List[];

beforeAll(async () => {
  t = await freshDb();
  const s = await makeCountingSetup(t.ctx.db);
  ({ manager, places } = s);
  const db = t.ctx.db;
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const it = await makeItem(db, { code: `BIG-${String(i).padStart(3, '0')}` });
    items.push(it.id);
  }
  // Prices with cents, a product group on every third item.
  await sql`update items set moving_average_price = (id % 97) / 4.0 + 0.01, product_group = case when id % 3 = 0 then 'G' || (id % 2) end
    where id = any(${items}::bigint[])`.execute(db);
  inv = await makeInventory(db, s.base, { valuationPrice: 'average' });
  lists = [
    await makeCountList(db, inv, { status: 'completely_reported' }),
    await makeCountList(db, inv, { status: 'completely_reported' }),
  ];
  // 12,000 lines: each item in 100 lots over two lists; targets and counts vary, some unreported, some found.
  await sql`
    insert into count_list_items (site_id, inventory_id, count_list_id, line_no, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id,
      target_quantity, reported_quantity, status, informational, verification_mark)
    select ${inv.siteId}, ${inv.id}, case when n % 2 = 0 then ${lists[0]!.id}::bigint else ${lists[1]!.id}::bigint end, n, it.id, ${places.plain.id}, null, null,
      'L' || lpad(l::text, 3, '0'), '', ${inv.ownerId},
      case when n % 41 = 0 then 0 else (n % 50) + 1 end,
      case when n % 37 = 0 then null else (n % 50) + 1 + ((n % 7) - 3) * 0.5 end,
      case when n % 37 = 0 then 'open' else 'reported' end, false, false
    from (select row_number() over () as n, i.id, g.l from unnest(${items}::bigint[]) as i(id) cross join generate_series(1, ${LOTS}) as g(l)) x(n, id, l)
    join items it on it.id = x.id`.execute(db);
});
afterAll(async () => {
  await t.close();
});

const q = (o: Partial<DifferenceQuery> = {}): DifferenceQuery => ({
  onlyDifferences: false,
  sort: 'place',
  dir: 'asc',
  ...o,
});

async function all(o: Partial<DifferenceQuery> = {}): Promise<DifferenceLine[]> {
  const out: DifferenceLine[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const r = await differenceReport(t.ctx, manager, inv.id, { ...q(o), limit: 2500, offset });
    out.push(...r.items);
    offset = r.nextOffset;
  }
  return out;
}

describe('differences report at 12,000 lines', () => {
  it('pages through every line once; the totals are the domain totals of all lines', async () => {
    const lines = await all();
    expect(lines).toHaveLength(ITEMS * LOTS);
    expect(new Set(lines.map((l) => l.id)).size).toBe(ITEMS * LOTS);
    const r = await differenceReport(t.ctx, manager, inv.id, { ...q(), limit: 10, offset: 0 });
    const { lines: n, differenceLines, positiveValue, negativeValue, netValue } = r.totals;
    expect({ lines: n, differenceLines, positiveValue, negativeValue, netValue }).toEqual(totalsOf(lines));
    for (const g of r.totals.byItemGroup) {
      const own = lines.filter((l) => l.itemGroup === g.itemGroup);
      expect({ ...g, itemGroup: undefined }).toEqual({ ...totalsOf(own), itemGroup: undefined });
    }
    expect(r.totals.byItemGroup.map((g) => g.itemGroup)).toEqual([null, 'G0', 'G1']);
  });

  it('sorts by absolute value and percent across pages as the values say', async () => {
    const byAbs = await all({ sort: 'absValue', dir: 'desc' });
    const abs = byAbs.filter((l) => l.value !== null).map((l) => new Dec(l.value!).abs());
    for (let i = 1; i < abs.length; i++) expect(abs[i - 1]!.greaterThanOrEqualTo(abs[i]!)).toBe(true);
    expect(byAbs.slice(-10).every((l) => l.value === null)).toBe(true);
    const byPercent = await all({ sort: 'percent', dir: 'asc', onlyDifferences: true });
    const pct = byPercent.filter((l) => l.percent !== null).map((l) => new Dec(l.percent!));
    for (let i = 1; i < pct.length; i++) expect(pct[i - 1]!.lessThanOrEqualTo(pct[i]!)).toBe(true);
  });

  it('filters by list, product group and thresholds as the domain rule says', async () => {
    const lines = await all();
    for (const f of [{ minValue: '20' }, { minPercent: '10' }, { minValue: '5.5', minPercent: '3' }]) {
      const got = await all(f);
      expect(got.map((l) => l.id).sort(), JSON.stringify(f)).toEqual(
        lines
          .filter((l) => passesThresholds(l, f))
          .map((l) => l.id)
          .sort(),
      );
      expect(got.length, JSON.stringify(f)).toBeGreaterThan(0);
    }
    const one = await all({ countListId: lists[1]!.id, itemGroup: 'G1' });
    expect(one.map((l) => l.id).sort()).toEqual(
      lines
        .filter((l) => l.countListId === lists[1]!.id && l.itemGroup === 'G1')
        .map((l) => l.id)
        .sort(),
    );
  });

  it('exports every selected line as CSV and XLSX; a filtered selection as PDF', async () => {
    const csv = await differenceReportFile(t.ctx, manager, inv.id, q(), 'csv', 'de');
    expect(String(csv.body).trim().split('\r\n')).toHaveLength(ITEMS * LOTS + 1);
    const xlsx = await differenceReportFile(t.ctx, manager, inv.id, q(), 'xlsx', 'pl');
    expect((xlsx.body as Buffer).subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await differenceReportFile(t.ctx, manager, inv.id, q({ minValue: '20' }), 'pdf', 'it');
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
