// Prefix search beyond the item code takes two plans: sparse matches are collected from the prefix indexes and
// sorted; dense ones (an arm with more than 5,000 matches) walk the items in code order. Both must give the
// page a plain reading of the rule gives: items whose code, description (case-insensitive) or a search code
// starts with the text, in code order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, SYSTEM_ACTOR } from '../../../src/services/context.js';
import { importItems, importSearchCodes } from '../../../src/services/items/item-import.service.js';
import { type ItemFilter, listItems } from '../../../src/services/items/item-search.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeUnit } from '../../helpers/factories.js';

let db: TestDb;
const counter: Actor = { userId: '0', username: 'c', role: 'counter', siteId: null };
const N = 5200;
const rows = Array.from({ length: N }, (_, k) => {
  const i = k + 1;
  return {
    code: `S${String(i).padStart(5, '0')}`,
    // 5,096 "Steel …" (dense prefix), 104 "brass …" (sparse).
    description: i % 50 === 0 ? `brass nut ${i}` : `Steel bolt ${i}`,
    unit: i % 7 === 0 ? 'KG' : 'PZ',
    // Search codes in sequence with the item codes: a prefix hits one range of codes.
    ean: `400${String(i * 3).padStart(9, '0')}`,
  };
});

beforeAll(async () => {
  db = await freshDb();
  await makeUnit(db.ctx.db, 'PZ', 0);
  await makeUnit(db.ctx.db, 'KG', 3);
  // Imported out of code order, so item ids do not follow the codes.
  const shuffled = [...rows].sort(
    (a, b) => ((Number(a.code.slice(1)) * 7919) % N) - ((Number(b.code.slice(1)) * 7919) % N),
  );
  const items = await importItems(
    db.ctx,
    SYSTEM_ACTOR,
    `code,description,primaryUnit\n${shuffled.map((r) => `${r.code},${r.description},${r.unit}`).join('\n')}\n`,
  );
  const codes = await importSearchCodes(
    db.ctx,
    SYSTEM_ACTOR,
    `itemCode,code,unit\n${rows.map((r) => `${r.code},${r.ean},${r.unit}`).join('\n')}\n`,
  );
  expect([items.imported, codes.imported]).toEqual([N, N]);
}, 120_000);
afterAll(async () => {
  await db.close();
});

/** The rule, read plainly. */
function expected(q: string, field: 'any' | 'description' | 'searchCode', unit?: string): string[] {
  return rows
    .filter(
      (r) =>
        (unit === undefined || r.unit === unit) &&
        ((field === 'any' && r.code.startsWith(q)) ||
          ((field === 'any' || field === 'description') && r.description.toLowerCase().startsWith(q.toLowerCase())) ||
          ((field === 'any' || field === 'searchCode') && (r.ean.startsWith(q) || r.code.startsWith(q)))),
    )
    .map((r) => r.code)
    .sort();
}

async function page(f: Omit<ItemFilter, 'limit'>, limit = 20) {
  const p = await listItems(db.ctx, counter, { limit, ...f });
  return { codes: p.items.map((i) => i.code), nextOffset: p.nextOffset };
}

describe('prefix search on descriptions and search codes', () => {
  it.each([
    ['40000001', 'searchCode', 'sparse: a range of search codes'],
    ['4000000099', 'any', 'sparse: search codes and no code or description'],
    ['BRASS', 'description', 'sparse: case-insensitive description'],
    ['S0001', 'any', 'sparse: item codes (the main search code too)'],
    ['ste', 'any', 'dense: more than 5,000 descriptions'],
    ['4', 'searchCode', 'dense: every search code'],
  ] as const)('%s in %s (%s) pages through exactly the matching items in code order', async (q, field, _why) => {
    const want = expected(q, field);
    expect(want.length).toBeGreaterThan(0);
    const first = await page({ q, match: 'prefix', field, offset: 0 });
    expect(first.codes).toEqual(want.slice(0, 20));
    expect(first.nextOffset).toBe(want.length > 20 ? 20 : null);
    const later = await page({ q, match: 'prefix', field, offset: 40 });
    expect(later.codes).toEqual(want.slice(40, 60));
  });

  it('combines with the other filters', async () => {
    const want = expected('brass', 'description', 'KG');
    expect(want.length).toBeGreaterThan(5);
    expect(
      (await page({ q: 'brass', match: 'prefix', field: 'description', primaryUnit: 'KG', offset: 0 }, 100)).codes,
    ).toEqual(want);
  });

  it('treats % and _ as characters, and finds nothing for nothing', async () => {
    expect((await page({ q: 'S0_01', match: 'prefix', field: 'any', offset: 0 })).codes).toEqual([]);
    expect((await page({ q: '%', match: 'prefix', field: 'searchCode', offset: 0 })).codes).toEqual([]);
    expect((await page({ q: 'zzz', match: 'prefix', field: 'any', offset: 0 })).codes).toEqual([]);
  });
});
