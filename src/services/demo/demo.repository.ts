// Statements of the demo load as a whole: whether the database is empty enough for it, the site and its
// owners, what a bulk load does around its inserts (as pg_restore does: reference triggers off, secondary
// indexes built after, statistics refreshed) and the counts the load reports.
import { sql } from 'kysely';
import type { Tx } from '../context.js';

export async function countSitesAndItems(trx: Tx): Promise<{ sites: number; items: number }> {
  const [sites, items] = await Promise.all([
    trx
      .selectFrom('sites')
      .select((e) => e.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom('items')
      .select((e) => e.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { sites: Number(sites.n), items: Number(items.n) };
}

/** A site or stock owner stamped with the service's clock; the row's id. */
export async function insertCodeNameRow(
  trx: Tx,
  table: 'sites' | 'owners',
  row: { code: string; name: string; createdAt: Date },
): Promise<string> {
  return (await trx.insertInto(table).values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/**
 * Foreign keys are checked by a trigger per row and key — 8 lookups per ledger row, most of the load time.
 * Every reference the loader writes comes from a join with the rows it has just created (the demo test
 * checks them all), so, as pg_restore does, the bulk load runs with `session_replication_role = replica`,
 * which skips those triggers for the rest of the transaction; unique and check constraints still apply.
 * Needs a superuser (PGlite always is); otherwise the triggers simply run.
 */
export async function skipReferenceTriggers(trx: Tx): Promise<void> {
  const su = await sql<{ su: string }>`select current_setting('is_superuser') as su`.execute(trx);
  if (su.rows[0]?.su === 'on') await sql`set local session_replication_role = replica`.execute(trx);
}

/**
 * Drops the secondary indexes of `tables` and returns their definitions for `createIndexes`. Unique and
 * primary-key indexes stay: they are constraints. The definitions come from the catalogue, so the
 * migrations stay their one source.
 */
export async function dropSecondaryIndexes(trx: Tx, tables: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    select i.indexname, i.indexdef from pg_indexes i
    join pg_class c on c.relname = i.indexname and c.relnamespace = (select oid from pg_namespace where nspname = i.schemaname)
    join pg_index x on x.indexrelid = c.oid
    where i.schemaname = current_schema() and i.tablename = any(${[...tables]}::text[]) and not x.indisunique and not x.indisprimary
    order by i.indexname`.execute(trx);
  for (const r of rows) {
    if (!/^[a-z0-9_]+$/.test(r.indexname)) throw new Error(`unexpected index name ${r.indexname}`);
    await sql.raw(`drop index "${r.indexname}"`).execute(trx);
  }
  return rows.map((r) => r.indexdef);
}

/** Builds indexes from definitions `dropSecondaryIndexes` returned. */
export async function createIndexes(trx: Tx, definitions: readonly string[]): Promise<void> {
  for (const d of definitions) await sql.raw(d).execute(trx);
}

/**
 * Statistics for tables just filled in this transaction (the demo's temp tables included): without them the
 * planner takes them for empty and picks nested loops over 10^5–10^6 rows.
 */
export async function analyzeTables(trx: Tx, tables: readonly string[]): Promise<void> {
  for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(trx);
}

export interface DemoCounts {
  warehouses: number;
  bins: number;
  lots: number;
  positions: number;
  ledgerEntries: number;
}

/** What the site holds after the load; lots are counted across sites, as they belong to items. */
export async function countDemoRows(trx: Tx, siteId: string): Promise<DemoCounts> {
  const count = async (table: 'warehouses' | 'bins' | 'stock_balances' | 'stock_ledger') =>
    Number(
      (
        await sql<{
          n: string;
        }>`select count(*) as n from ${sql.table(table)} where site_id = ${siteId}::bigint`.execute(trx)
      ).rows[0]!.n,
    );
  const lots = await trx
    .selectFrom('lots')
    .select((e) => e.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    warehouses: await count('warehouses'),
    bins: await count('bins'),
    lots: Number(lots.n),
    positions: await count('stock_balances'),
    ledgerEntries: await count('stock_ledger'),
  };
}
