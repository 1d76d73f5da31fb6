// Planner statistics after bulk writes. A job that writes thousands of rows into a table and then queries it
// (opening lists writes their stock locks, closing looks them up) runs on statistics from before the write:
// a table never analysed has none, and the planner picks an index that reads every lock of a warehouse per
// probe (measured: one closing look-up 980 ms on stale statistics, 4.4 ms after ANALYZE, 36k locks).
// Autovacuum catches up a minute later at best, and PGlite has no autovacuum at all.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Below this many pages (8 kB each) a table is small enough that any plan is quick. */
export const MIN_PAGES = 16;

/**
 * Analyses each of `tables` whose heap has more than doubled in pages since its statistics were taken (and is
 * at least MIN_PAGES): O(log n) analyses while a job grows a table to n rows. The size comes from the file,
 * not the statistics collector, which reports late on PostgreSQL and not at all on PGlite. Run it outside the
 * writing transaction: ANALYZE holds its table lock until the transaction ends. Returns the tables analysed.
 */
export async function analyzeIfGrown(db: Kysely<Database>, tables: readonly string[]): Promise<string[]> {
  if (tables.length === 0) return [];
  const { rows } = await sql<{ relname: string }>`
    select c.relname from pg_class c
    where c.oid = any(array[${sql.join(tables.map((t) => sql`to_regclass(${t})`))}])
      and pg_relation_size(c.oid) / current_setting('block_size')::bigint > greatest(${MIN_PAGES}, 2 * c.relpages)`.execute(
    db,
  );
  for (const r of rows) await sql`analyze ${sql.id(r.relname)}`.execute(db);
  return rows.map((r) => r.relname);
}
