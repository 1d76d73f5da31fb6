// The migrated schema against the plan for distributing by site (src/storage/distribution.ts,
// docs/scaling.md): every table is placed (distributed by site_id, or a reference table); a distributed
// table has a not-null site_id, every unique index and primary key includes it, and every foreign key to
// another distributed table matches site_id to site_id; a reference table has no foreign key into a
// distributed one. Where the schema does not meet the plan yet, TO_BE_MIGRATED says exactly where, and
// this test holds it to exactly that: nothing new may break the plan, and a fixed gap must leave the list.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DISTRIBUTED_TABLES,
  DISTRIBUTION_COLUMN,
  REFERENCE_TABLES,
  TO_BE_MIGRATED,
} from '../../src/storage/distribution.js';
import { freshDb, type TestDb } from '../helpers/db.js';

interface Catalog {
  tables: Array<{ table: string; siteId: 'missing' | 'nullable' | 'not null' }>;
  uniques: Array<{ table: string; name: string; columns: string[] }>;
  foreignKeys: Array<{ table: string; name: string; columns: string[]; refTable: string; refColumns: string[] }>;
}

// node-postgres leaves some array types as '{a,b}' text; accept both.
const arr = (v: string[] | string): string[] =>
  Array.isArray(v)
    ? v
    : v
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean);

async function readCatalog(t: TestDb): Promise<Catalog> {
  const db = t.ctx.db;
  const tables = (
    await sql<{ table: string; siteId: Catalog['tables'][number]['siteId'] }>`
    select c.relname::text as "table",
      case when a.attname is null then 'missing' when a.attnotnull then 'not null' else 'nullable' end as "siteId"
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    left join pg_attribute a on a.attrelid = c.oid and a.attname = ${DISTRIBUTION_COLUMN} and not a.attisdropped
    where n.nspname = current_schema() and c.relkind in ('r', 'p')`.execute(db)
  ).rows;
  // Expression columns show as '(expression)': they never count as site_id.
  const uniques = (
    await sql<{ table: string; name: string; columns: string[] | string }>`
    select c.relname::text as "table", i.relname::text as name,
      array(select coalesce(a.attname::text, '(expression)') from unnest(x.indkey) with ordinality k(num, ord)
        left join pg_attribute a on a.attrelid = c.oid and a.attnum = k.num order by k.ord)::text[] as columns
    from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and x.indisunique`.execute(db)
  ).rows;
  const foreignKeys = (
    await sql<{
      table: string;
      name: string;
      columns: string[] | string;
      refTable: string;
      refColumns: string[] | string;
    }>`
    select c.relname::text as "table", k.conname::text as name, r.relname::text as "refTable",
      array(select a.attname::text from unnest(k.conkey) with ordinality u(num, ord)
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.num order by u.ord)::text[] as columns,
      array(select a.attname::text from unnest(k.confkey) with ordinality u(num, ord)
        join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.num order by u.ord)::text[] as "refColumns"
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and k.contype = 'f'`.execute(db)
  ).rows;
  return {
    tables,
    uniques: uniques.map((u) => ({ ...u, columns: arr(u.columns) })),
    foreignKeys: foreignKeys.map((f) => ({ ...f, columns: arr(f.columns), refColumns: arr(f.refColumns) })),
  };
}

/** Where the schema breaks the plan: table → sorted gap names (the vocabulary of TO_BE_MIGRATED). */
function planGaps(
  catalog: Catalog,
  distributed: ReadonlySet<string>,
  reference: ReadonlySet<string>,
): Map<string, string[]> {
  const gaps = new Map<string, string[]>();
  const add = (table: string, gap: string) => gaps.set(table, [...(gaps.get(table) ?? []), gap]);
  for (const t of catalog.tables)
    if (distributed.has(t.table) && t.siteId !== 'not null') add(t.table, `site_id ${t.siteId}`);
  for (const u of catalog.uniques)
    if (distributed.has(u.table) && !u.columns.includes(DISTRIBUTION_COLUMN)) add(u.table, u.name);
  for (const f of catalog.foreignKeys) {
    if (distributed.has(f.table) && distributed.has(f.refTable)) {
      const colocated = f.columns.some((c, i) => c === DISTRIBUTION_COLUMN && f.refColumns[i] === DISTRIBUTION_COLUMN);
      if (!colocated) add(f.table, f.name);
    }
    if (reference.has(f.table) && distributed.has(f.refTable)) add(f.table, f.name);
  }
  for (const [table, list] of gaps) gaps.set(table, [...list].sort());
  return gaps;
}

const distributed = new Set<string>(DISTRIBUTED_TABLES);
const reference = new Set<string>(REFERENCE_TABLES);

describe('the gap finder', () => {
  it('names each kind of gap and passes a table that meets the plan', () => {
    const catalog: Catalog = {
      tables: [
        { table: 'sites', siteId: 'missing' },
        { table: 'good', siteId: 'not null' },
        { table: 'bad', siteId: 'nullable' },
        { table: 'ref', siteId: 'missing' },
      ],
      uniques: [
        { table: 'good', name: 'good_pkey', columns: ['site_id', 'id'] },
        { table: 'bad', name: 'bad_pkey', columns: ['id'] },
        { table: 'bad', name: 'bad_expr_key', columns: ['(expression)'] },
        { table: 'ref', name: 'ref_pkey', columns: ['id'] },
      ],
      foreignKeys: [
        { table: 'good', name: 'good_site_fkey', columns: ['site_id'], refTable: 'sites', refColumns: ['id'] },
        { table: 'bad', name: 'bad_good_fkey', columns: ['good_id'], refTable: 'good', refColumns: ['id'] },
        {
          table: 'bad',
          name: 'bad_good_swapped_fkey',
          columns: ['site_id', 'good_id'],
          refTable: 'good',
          refColumns: ['id', 'site_id'],
        },
        {
          table: 'good',
          name: 'good_bad_fkey',
          columns: ['site_id', 'bad_id'],
          refTable: 'bad',
          refColumns: ['site_id', 'id'],
        },
        { table: 'ref', name: 'ref_good_fkey', columns: ['good_id'], refTable: 'good', refColumns: ['id'] },
      ],
    };
    const gaps = planGaps(catalog, new Set(['good', 'bad']), new Set(['sites', 'ref']));
    expect(Object.fromEntries(gaps)).toEqual({
      bad: ['bad_expr_key', 'bad_good_fkey', 'bad_good_swapped_fkey', 'bad_pkey', 'site_id nullable'],
      ref: ['ref_good_fkey'],
    });
  });
});

describe('the schema against the Citus plan (distributed by site_id)', () => {
  let t: TestDb;
  let catalog: Catalog;
  beforeAll(async () => {
    t = await freshDb();
    catalog = await readCatalog(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('places every table exactly once, as distributed or reference', () => {
    const names = catalog.tables.map((x) => x.table);
    const unplaced = names.filter((n) => !distributed.has(n) && !reference.has(n)).sort();
    expect(
      unplaced,
      'tables in neither DISTRIBUTED_TABLES nor REFERENCE_TABLES of src/storage/distribution.ts',
    ).toEqual([]);
    expect(
      [...distributed].filter((n) => reference.has(n)),
      'tables in both lists',
    ).toEqual([]);
    expect(
      [...distributed, ...reference].filter((n) => !names.includes(n)).sort(),
      'listed tables the schema does not have',
    ).toEqual([]);
    expect(
      Object.keys(TO_BE_MIGRATED).filter((n) => !distributed.has(n) && !reference.has(n)),
      'to-be-migrated tables outside the plan',
    ).toEqual([]);
  });

  it('gives every distributed table a site_id column', () => {
    const missing = catalog.tables
      .filter((x) => distributed.has(x.table) && x.siteId === 'missing')
      .map((x) => x.table);
    expect(missing.filter((n) => !(TO_BE_MIGRATED[n] ?? []).includes('site_id missing'))).toEqual([]);
  });

  it('breaks the plan nowhere that TO_BE_MIGRATED does not list (nothing new)', () => {
    const gaps = planGaps(catalog, distributed, reference);
    const unlisted = [...gaps].flatMap(([table, list]) =>
      list.filter((g) => !(TO_BE_MIGRATED[table] ?? []).includes(g)).map((g) => `${table}: ${g}`),
    );
    expect(unlisted, 'include site_id in these unique indexes / foreign keys (see docs/scaling.md)').toEqual([]);
  });

  it('lists no gap that is already closed (the list only shrinks)', () => {
    const gaps = planGaps(catalog, distributed, reference);
    const closed = Object.entries(TO_BE_MIGRATED).flatMap(([table, list]) =>
      list.filter((g) => !(gaps.get(table) ?? []).includes(g)).map((g) => `${table}: ${g}`),
    );
    expect(closed, 'these gaps are closed: remove them from TO_BE_MIGRATED').toEqual([]);
    const empty = Object.entries(TO_BE_MIGRATED)
      .filter(([, list]) => list.length === 0)
      .map(([table]) => table);
    expect(empty, 'tables with nothing left to migrate: remove them from TO_BE_MIGRATED').toEqual([]);
    const total = Object.values(TO_BE_MIGRATED).reduce((n, list) => n + list.length, 0);
    console.info(
      `[citus-plan] ${distributed.size} distributed, ${reference.size} reference tables; to be migrated: ${Object.keys(TO_BE_MIGRATED).length} tables, ${total} gaps`,
    );
  });
});
