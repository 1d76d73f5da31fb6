// Each closed word list of the domain (src/domain/inventory/vocabulary.ts) against the CHECK of every column
// that stores it, read from the migrated schema: a status added to the domain but not to SQL (or the other
// way round) fails here, not in production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  COUNT_ITEM_STATUSES,
  COUNT_LIST_STATUSES,
  COUNT_TYPES,
  INVENTORY_METHODS,
  INVENTORY_STATUSES,
  MATERIAL_TYPES,
  REPORT_MODES,
  REPORT_TYPES,
  VALUATION_PRICES,
} from '../../src/domain/inventory/vocabulary.js';
import { SAMPLE_OUTCOMES, SAMPLE_POSITION_ROLES } from '../../src/domain/inventory/sample-vocabulary.js';
import { APPROVAL_DECISIONS, REVIEW_STATES } from '../../src/domain/inventory/tolerance.js';
import { ABC_CLASSES, ABC_RUN_TRIGGERS } from '../../src/domain/items/planning.js';
import { freshDb, type TestDb } from '../helpers/db.js';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => {
  await t.close();
});

/** The values a column's CHECK (`column in (…)`, shown by PostgreSQL as `= ANY (ARRAY[…])`) allows. */
async function allowed(table: string, column: string): Promise<string[]> {
  const defs = (
    await sql<{ def: string }>`select pg_get_constraintdef(c.oid) as def from pg_constraint c
    where c.conrelid = ${table}::regclass and c.contype = 'c'`.execute(t.ctx.db)
  ).rows.map((r) => r.def);
  const hits = defs
    .map((d) => new RegExp(`\\(${column} = ANY \\(ARRAY\\[([^\\]]*)\\]`).exec(d))
    .filter((m) => m !== null);
  expect(hits, `${table}.${column} has one CHECK listing its values; found ${JSON.stringify(defs)}`).toHaveLength(1);
  return [...hits[0]![1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

const cases: Array<[string, string, readonly string[]]> = [
  ['inventory_types', 'method', INVENTORY_METHODS],
  ['inventory_samples', 'outcome', SAMPLE_OUTCOMES],
  ['inventory_sample_positions', 'role', SAMPLE_POSITION_ROLES],
  ['inventory_types', 'material_type', MATERIAL_TYPES],
  ['inventory_types', 'valuation_price', VALUATION_PRICES],
  ['inventory_types', 'report_type', REPORT_TYPES],
  ['inventories', 'status', INVENTORY_STATUSES],
  ['inventories', 'valuation_price', VALUATION_PRICES],
  ['inventories', 'report_type', REPORT_TYPES],
  ['count_lists', 'count_type', COUNT_TYPES],
  ['count_lists', 'status', COUNT_LIST_STATUSES],
  ['count_list_items', 'status', COUNT_ITEM_STATUSES],
  ['count_reports', 'mode', REPORT_MODES],
  ['count_list_items', 'review_state', REVIEW_STATES],
  ['count_list_approvals', 'decision', APPROVAL_DECISIONS],
  ['items', 'abc_class', ABC_CLASSES],
  ['abc_analysis_runs', 'trigger', ABC_RUN_TRIGGERS],
  ['abc_analysis_changes', 'previous_class', ABC_CLASSES],
  ['abc_analysis_changes', 'new_class', ABC_CLASSES],
];

describe("the domain vocabulary is the schema's", () => {
  it.each(cases)('%s.%s allows exactly the domain list', async (table, column, words) => {
    expect((await allowed(table, column)).sort()).toEqual([...words].sort());
  });
});
