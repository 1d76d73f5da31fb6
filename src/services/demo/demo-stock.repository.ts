// Set-based statements of the demo's opening stock: ledger entries and balance rows of a range of stock
// positions in one statement (data-modifying CTEs over generate_series), and the moving-average valuations
// from the balances. Random draws hash (seed, position) with md5, which gives identical bits on PostgreSQL
// and PGlite, so the same seed gives the same stock on both.
import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../context.js';

/**
 * SQL for 32 pseudo-random bits from an md5 already computed per row (`hashColumn`, 32 hex digits):
 * `part` 0–3 selects one of its four 32-bit words, so one md5 call feeds four independent draws.
 */
function sqlBits(hashColumn: string, part: 0 | 1 | 2 | 3): RawBuilder<number> {
  return sql<number>`(('x' || substr(${sql.ref(hashColumn)}, ${sql.lit(part * 8 + 1)}, 8))::bit(32)::bigint)`;
}

/**
 * Which item and slot position p is: the first `longItems` items hold `longRun` consecutive positions
 * (positions below `head`), the others `run`.
 */
export interface PositionSlots {
  head: number;
  longItems: number;
  longRun: number;
  run: number;
}

export interface OpeningStock {
  seed: number;
  places: number;
  placeStep: number;
  slots: PositionSlots;
  siteId: string;
  ownerId: string;
  /** Every 20th position belongs to the consignment supplier. */
  consignmentOwnerId: string;
  userId: string;
  now: Date;
  /** First day of the period the postings fall into, and how many days after it are allowed (up to today). */
  periodStart: string;
  days: number;
  origin: { type: string; id: string };
}

/**
 * Positions [from, to): per position one receipt (RCP) at the item's price on a day of the period; for 3% a
 * later issue (ISS) of all of it, so "zero stock" selections find something, for another 12% (not serial
 * items) an issue of part of it; and the balance row = the sum of its entries. Needs the temp tables
 * demo_item_facts and demo_places.
 */
export async function insertOpeningPositions(trx: Tx, s: OpeningStock, from: number, to: number): Promise<void> {
  const { head, longItems, longRun, run } = s.slots;
  const r = (part: 0 | 1 | 2 | 3) => sqlBits('h', part);
  await sql`
    with g as (
      select p, case when p < ${head}::bigint then p / ${longRun}::bigint else ${longItems}::bigint + (p - ${head}::bigint) / ${run}::bigint end as j,
        case when p < ${head}::bigint then p % ${longRun}::bigint else (p - ${head}::bigint) % ${run}::bigint end as s,
        md5(${s.seed}::text || ':pos:' || p) as h
      from generate_series(${from}::bigint, ${to - 1}::bigint) as p
    ), d as (
      select g.p, g.s, f.item_id, f.kind, f.price, pl.warehouse_id, pl.zone_id, pl.bin_id,
        ${r(0)} as r0, ${r(1)} as r1, ${r(2)} as r2, ${r(3)} as r3,
        case when f.kind = 'L' then f.lot_codes[1 + (g.s % cardinality(f.lot_codes))] else '' end as lot,
        case when f.kind = 'S' then 'SN' || lpad(f.item_id::text, 8, '0') || '-' || lpad((g.s + 1)::text, 4, '0') else '' end as serial,
        case when f.kind = 'S' then 1::numeric
             when f.kg then round((1 + ${r(1)} % 250000)::numeric / 1000, 3)
             when ${r(1)} % 10 < 7 then (1 + ${r(1)} / 10 % 50)::numeric
             else (1 + ${r(1)} / 10 % 500)::numeric end as qty_in
      from g
      join demo_item_facts f on f.j = g.j
      join demo_places pl on pl.idx = (f.place_offset + g.s * ${s.placeStep}::bigint) % ${s.places}::bigint
    ), q as (
      select d.*,
        case when d.r2 % 100 < 3 then d.qty_in
             when d.r2 % 100 < 15 and d.kind <> 'S' then round(d.qty_in * (5 + d.r2 / 100 % 90) / 100, case when d.qty_in = trunc(d.qty_in) then 0 else 3 end)
             else 0 end as qty_out,
        (d.r3 % (${s.days}::bigint + 1))::int as day_in,
        case when d.r0 % 20 = 0 then ${s.consignmentOwnerId}::bigint else ${s.ownerId}::bigint end as owner_id
      from d
    ), receipts as (
      insert into stock_ledger (site_id, key_code, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, quantity, value,
        unit_price, posting_date, origin_type, origin_id, user_id, created_at)
      select ${s.siteId}::bigint, 'RCP', item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, qty_in, qty_in * price,
        price, ${s.periodStart}::date + day_in, ${s.origin.type}, ${s.origin.id}, ${s.userId}::bigint, ${s.now}::timestamptz
      from q order by p
    ), issues as (
      insert into stock_ledger (site_id, key_code, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, quantity, value,
        unit_price, posting_date, origin_type, origin_id, user_id, created_at)
      select ${s.siteId}::bigint, 'ISS', item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, -qty_out, -(qty_out * price),
        price, ${s.periodStart}::date + day_in + ((r3 / 1024) % (${s.days}::bigint - day_in + 1))::int, ${s.origin.type}, ${s.origin.id},
        ${s.userId}::bigint, ${s.now}::timestamptz
      from q where qty_out > 0 order by p
    )
    insert into stock_balances (site_id, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, quantity, ever_nonzero,
      movements_since_count, updated_at)
    select ${s.siteId}::bigint, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, qty_in - qty_out, true,
      case when qty_out > 0 then 2 else 1 end, ${s.now}::timestamptz
    from q order by p`.execute(trx);
}

/**
 * Moving-average valuations per item × warehouse and per item (warehouse null), from the site's balances:
 * each item was received at one price, so its average is the item master's moving average.
 */
export async function insertValuationsFromBalances(trx: Tx, siteId: string, now: Date): Promise<void> {
  await sql`
    insert into stock_valuations (item_id, warehouse_id, site_id, quantity, average_price, updated_at)
    select b.item_id, w, case when w is null then null else ${siteId}::bigint end, sum(b.quantity), i.moving_average_price, ${now}::timestamptz
    from stock_balances b
    join items i on i.id = b.item_id
    cross join lateral (values (b.warehouse_id), (null::bigint)) as v(w)
    where b.site_id = ${siteId}::bigint
    group by b.item_id, w, i.moving_average_price
    order by b.item_id, w nulls first`.execute(trx);
}
