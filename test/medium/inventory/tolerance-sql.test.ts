// The tolerance rule written once in SQL (withinToleranceSql, tolerance.repository.ts) — the fragment the bulk
// import's review and the count-accuracy KPI share — against the domain's withinTolerance over a table of
// cases: limits inclusive, a zero or missing target, percent alone, value alone, both, and a type without a
// tolerance, which allows no difference.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '../../../src/domain/decimal.js';
import { hasTolerance, withinTolerance, type Tolerance } from '../../../src/domain/inventory/tolerance.js';
import { withinToleranceSql } from '../../../src/services/inventory/tolerance.repository.js';
import { freshDb, type TestDb } from '../../helpers/db.js';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => {
  await t.close();
});

// target, counted, price, percent, value, expected within
const CASES: Array<[string | null, string, string | null, string | null, string | null, boolean]> = [
  ['100', '95', '2', '5', null, true], // 5 % exactly: inclusive
  ['100', '105', '2', '5', null, true], // 5 % above exactly
  ['100', '94.99', '2', '5', null, false], // just over 5 %
  ['-100', '-95', '2', '5', null, true], // negative target: |target|
  ['0', '1', '2', '5', null, false], // zero target: any count is outside the percent side
  ['0', '0', '2', '5', null, true], // zero target, no difference
  [null, '1', '2', '5', null, false], // no target counts as 0
  [null, '0', '2', '5', null, true],
  ['100', '95', '2', null, '10', true], // 10 of value exactly: inclusive
  ['100', '94.99', '2', null, '10', false], // 10.02 of value
  ['0', '3', '1', null, '3', true], // zero target, value alone within
  ['0', '3', null, null, '0', true], // no price: the value is 0
  ['10', '9.5', '20', '5', '10', true], // both exactly at their limits
  ['10', '9.5', '20', '5', '9.99', false], // value side exceeded
  ['10', '9.4', '20', '10', '100', true], // 6 % within 10 %, value 12 within 100
  ['10', '9.4', '20', '5', '100', false], // percent side exceeded
  ['10', '10', '20', null, null, true], // no tolerance: no difference is within
  ['10', '10.001', '20', null, null, false], // no tolerance: any difference is outside
  [null, '0', null, null, null, true],
  ['10', '10', '20', '0', '0', true], // zero limits: exact counts only
  ['10', '10.001', '0', '0', '0', false],
];

/** What the domain says, with a type without any tolerance allowing no difference. */
function domainWithin(target: string | null, counted: string, price: string | null, tol: Tolerance): boolean {
  if (!hasTolerance(tol)) return new Dec(counted).minus(target ?? '0').isZero();
  return withinTolerance(target, counted, price, tol).within;
}

describe('withinToleranceSql', () => {
  it.each(CASES)('target %s, counted %s, price %s, percent %s, value %s → %s', async (...c) => {
    const [target, counted, price, percent, value, expected] = c;
    const tol: Tolerance = { percent, value };
    expect(domainWithin(target, counted, price, tol)).toBe(expected);
    const fragment = withinToleranceSql({
      difference: sql`(${counted}::numeric - coalesce(${target}::numeric, 0))`,
      target: sql`${target}::numeric`,
      price: sql`${price}::numeric`,
      percent: sql`${percent}::numeric`,
      value: sql`${value}::numeric`,
    });
    const r = await sql<{ within: boolean }>`select ${fragment} as within`.execute(t.ctx.db);
    expect(r.rows[0]?.within).toBe(expected);
  });
});
