// The floor: what the engine needs for bare SQL of the same size as a phase, on the same database and
// machine. A phase's ratio to its floor says how much the service adds over the unavoidable writes, and
// is comparable across machines where raw seconds are not.
import { sql } from 'kysely';
import type { ServiceContext } from '../src/services/context.js';

export interface Floors {
  /** INSERT … SELECT … ORDER BY of every stock position into a scratch table (generation writes N sorted rows). */
  insertSorted: number;
  /** UPDATE of every scratch row (opening re-reads every target; reporting and closing touch every item). */
  updateAll: number;
  /** UPDATE of 5 % of the scratch rows (balances changed by differences). */
  update5pct: number;
  /** INSERT … SELECT of 5 % as ledger rows into a copy of stock_ledger with all its indexes (the postings). */
  insertPostings5pct: number;
  rows: number;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - t) / 1e9;
}

export async function measureFloors(ctx: ServiceContext): Promise<Floors> {
  const db = ctx.db;
  await sql`drop table if exists bench_scratch`.execute(db);
  await sql`drop table if exists bench_postings`.execute(db);
  await sql`create table bench_scratch (id bigint generated always as identity primary key, item_id bigint, warehouse_id bigint,
    bin_id bigint, lot text, quantity numeric, reported numeric)`.execute(db);
  await sql`create table bench_postings (like stock_ledger including all)`.execute(db);
  try {
    const insertSorted = await timed(() =>
      sql`
      insert into bench_scratch (item_id, warehouse_id, bin_id, lot, quantity)
      select item_id, warehouse_id, bin_id, lot, quantity from stock_balances order by warehouse_id, zone_id, bin_id, item_id, lot, serial`.execute(
        db,
      ),
    );
    const updateAll = await timed(() => sql`update bench_scratch set reported = quantity`.execute(db));
    const update5pct = await timed(() =>
      sql`update bench_scratch set reported = quantity + 1 where id % 20 = 0`.execute(db),
    );
    const insertPostings5pct = await timed(() =>
      sql`
      insert into bench_postings (site_id, key_code, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, quantity, value,
        unit_price, posting_date, origin_type, origin_id, created_at)
      select site_id, 'ADJ', item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, 1, 1, 1, current_date, 'bench', id::text, now()
      from stock_balances where id % 20 = 0`.execute(db),
    );
    const rows = Number((await sql<{ n: string }>`select count(*) as n from bench_scratch`.execute(db)).rows[0]!.n);
    return { insertSorted, updateAll, update5pct, insertPostings5pct, rows };
  } finally {
    await sql`drop table if exists bench_scratch`.execute(db);
    await sql`drop table if exists bench_postings`.execute(db);
  }
}
