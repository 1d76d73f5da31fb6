// Statements of the demo's master data that no module offers in bulk or as "insert or keep": the global code
// tables (shared with whatever exists: a code already there is kept as it is), the bins of a zone as one
// generated series (a 1,000,000-position demo has 400,000 bins), and the temp table `demo_places` that the
// opening-stock load spreads positions over. Warehouses, zones and the accounting period go through the
// places' and the ledger's own repositories.
import { type Insertable, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { Tx } from '../context.js';

export interface DemoCodeTables {
  units: Insertable<Database['units']>[];
  transactionKeys: Insertable<Database['transactionKeys']>[];
  numberSequences: Insertable<Database['numberSequences']>[];
  inventoryTypes: Insertable<Database['inventoryTypes']>[];
  classificationCodes: Insertable<Database['classificationCodes']>[];
}

/** Inserts the code rows whose code is not there yet; existing rows keep their settings. */
export async function insertMissingCodeRows(trx: Tx, t: DemoCodeTables): Promise<void> {
  await trx
    .insertInto('units')
    .values(t.units)
    .onConflict((c) => c.column('code').doNothing())
    .execute();
  await trx
    .insertInto('transactionKeys')
    .values(t.transactionKeys)
    .onConflict((c) => c.column('code').doNothing())
    .execute();
  await trx
    .insertInto('numberSequences')
    .values(t.numberSequences)
    .onConflict((c) => c.column('code').doNothing())
    .execute();
  await trx
    .insertInto('inventoryTypes')
    .values(t.inventoryTypes)
    .onConflict((c) => c.column('code').doNothing())
    .execute();
  await trx
    .insertInto('classificationCodes')
    .values(t.classificationCodes)
    .onConflict((c) => c.columns(['kind', 'code']).doNothing())
    .execute();
}

/**
 * One element of a bin code, computed from the bin's number i (0-based) in its zone:
 * `prefix + lpad((i / every % wrap + 1), width)`; no `wrap` counts on, no `width` leaves the number unpadded.
 */
export interface BinCodePart {
  every: number;
  wrap?: number;
  width?: number;
  prefix?: string;
}

/** The bin elements (aisle, row, level, place) of a zone's series; the code joins the present ones with '-'. */
export interface BinSeriesLayout {
  aisle: BinCodePart | null;
  rowNo: BinCodePart | null;
  levelNo: BinCodePart | null;
  place: BinCodePart;
}

function partSql(p: BinCodePart): RawBuilder<string> {
  const whole = (n: number) => {
    if (!Number.isInteger(n) || n < 0) throw new Error(`bin code part needs whole numbers, got ${n}`);
    return sql.lit(n);
  };
  const divided = p.every === 1 ? sql`i` : sql`i / ${whole(p.every)}`;
  const number = sql`(${p.wrap === undefined ? divided : sql`${divided} % ${whole(p.wrap)}`} + 1)::text`;
  const padded = p.width === undefined ? number : sql`lpad(${number}, ${whole(p.width)}, '0')`;
  return p.prefix === undefined ? sql<string>`${padded}` : sql<string>`${sql.lit(p.prefix)} || ${padded}`;
}

/** `count` bins of one zone in one statement, numbered in code order. */
export async function insertBinSeries(
  trx: Tx,
  zone: { siteId: string; warehouseId: string; zoneId: string; now: Date },
  count: number,
  layout: BinSeriesLayout,
): Promise<void> {
  const part = (p: BinCodePart | null) => (p === null ? null : partSql(p));
  const e = { aisle: part(layout.aisle), rowNo: part(layout.rowNo), levelNo: part(layout.levelNo) };
  const place = partSql(layout.place);
  const code = sql.join(
    [e.aisle, e.rowNo, e.levelNo, place].filter((p) => p !== null),
    sql`|| '-' ||`,
  );
  await sql`
    insert into bins (site_id, warehouse_id, zone_id, code, aisle, row_no, level_no, place, created_at)
    select ${zone.siteId}::bigint, ${zone.warehouseId}::bigint, ${zone.zoneId}::bigint, ${code}, ${e.aisle ?? sql`null`}, ${e.rowNo ?? sql`null`},
      ${e.levelNo ?? sql`null`}, ${place}, ${zone.now}::timestamptz
    from generate_series(0, ${count - 1}::int) as i order by i`.execute(trx);
}

/**
 * The temp table `demo_places` (idx 0…places−1 → warehouse/zone/bin): every place that can hold stock, in a
 * stable order (warehouse, zone, bin code) — each bin of a structured zone, each unstructured zone, each
 * unstructured warehouse. Dropped at commit.
 */
export async function createPlaceIndex(trx: Tx, siteId: string): Promise<void> {
  await sql`create temp table demo_places (idx int primary key, warehouse_id bigint not null, zone_id bigint, bin_id bigint) on commit drop`.execute(
    trx,
  );
  await sql`
    insert into demo_places (idx, warehouse_id, zone_id, bin_id)
    select (row_number() over (order by w.code, z.code nulls first, b.code nulls first) - 1)::int, w.id, z.id, b.id
    from warehouses w
    left join zones z on z.warehouse_id = w.id and z.usage = 'normal'
    left join bins b on b.zone_id = z.id and z.structured
    where w.site_id = ${siteId}::bigint and w.kind <> 'virtual' and (z.id is null or z.structured = (b.id is not null))`.execute(
    trx,
  );
  await sql`analyze demo_places`.execute(trx);
}
