// Opening stock of the demo, written set-based exactly as the ledger module would have posted it: per stock
// position one receipt (key RCP) at the item's price, for some positions a later issue (key ISS, some down
// to zero so "zero stock" selections have something to find), the balance row = sum of its entries, and the
// moving-average valuations per item and per item × warehouse (one receipt price per item, so the average
// is that price; issues leave it unchanged).
//
// Position p (0 … positions−1) is slot s of item j (item-major, see loadPositions); its place is (offset_j + s·step) mod places with step coprime to places, so one item never repeats a place
// and every position key is unique by construction. Random draws hash (seed, p) with md5 (see prng.ts).
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { DemoIds } from './demo-master.js';
import type { DemoPlan } from './demo-plan.js';
import { sqlBits } from './prng.js';

type Trx = Transaction<Database>;

export const ORIGIN_TYPE = 'demo';

export interface StockContext {
  plan: DemoPlan;
  ids: DemoIds;
  now: Date;
  /** First day of the period the postings fall into, and how many days after it are allowed (up to today). */
  periodStart: string;
  days: number;
}

/** Loads positions [from, to): ledger entries and balances in one statement (data-modifying CTEs). */
export async function loadPositions(trx: Trx, c: StockContext, from: number, to: number): Promise<void> {
  const { plan, ids } = c;
  // Item-major: the first `rem` items get k+1 consecutive positions, the others k. Consecutive positions of
  // one item keep the inserts into the item-keyed indexes (ledger, balances) nearly sequential, which
  // matters once those indexes outgrow the buffer cache (PGlite's especially).
  const k = Math.floor(plan.positions / plan.items);
  const rem = plan.positions % plan.items;
  const head = rem * (k + 1);
  const kk = Math.max(k, 1);
  // One origin for the whole load (the demo run), as one document would be; it also keeps the origin index cheap.
  const origin = `seed:${plan.seed}`;
  const r = (part: 0 | 1 | 2 | 3) => sqlBits('h', part);
  await sql`
    with g as (
      select p, case when p < ${head}::bigint then p / ${k + 1}::bigint else ${rem}::bigint + (p - ${head}::bigint) / ${kk}::bigint end as j,
        case when p < ${head}::bigint then p % ${k + 1}::bigint else (p - ${head}::bigint) % ${kk}::bigint end as s,
        md5(${plan.seed}::text || ':pos:' || p) as h
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
      join demo_places pl on pl.idx = (f.place_offset + g.s * ${plan.placeStep}::bigint) % ${plan.places}::bigint
    ), q as (
      select d.*,
        case when d.r2 % 100 < 3 then d.qty_in
             when d.r2 % 100 < 15 and d.kind <> 'S' then round(d.qty_in * (5 + d.r2 / 100 % 90) / 100, case when d.qty_in = trunc(d.qty_in) then 0 else 3 end)
             else 0 end as qty_out,
        (d.r3 % (${c.days}::bigint + 1))::int as day_in,
        case when d.r0 % 20 = 0 then ${ids.consignmentOwnerId}::bigint else ${ids.ownerId}::bigint end as owner_id
      from d
    ), receipts as (
      insert into stock_ledger (site_id, key_code, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, quantity, value,
        unit_price, posting_date, origin_type, origin_id, user_id, created_at)
      select ${ids.siteId}::bigint, 'RCP', item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, qty_in, qty_in * price,
        price, ${c.periodStart}::date + day_in, ${ORIGIN_TYPE}, ${origin}, ${ids.managerId}::bigint, ${c.now}::timestamptz
      from q order by p
    ), issues as (
      insert into stock_ledger (site_id, key_code, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, quantity, value,
        unit_price, posting_date, origin_type, origin_id, user_id, created_at)
      select ${ids.siteId}::bigint, 'ISS', item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, -qty_out, -(qty_out * price),
        price, ${c.periodStart}::date + day_in + ((r3 / 1024) % (${c.days}::bigint - day_in + 1))::int, ${ORIGIN_TYPE}, ${origin},
        ${ids.managerId}::bigint, ${c.now}::timestamptz
      from q where qty_out > 0 order by p
    )
    insert into stock_balances (site_id, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, quantity, ever_nonzero,
      movements_since_count, updated_at)
    select ${ids.siteId}::bigint, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, qty_in - qty_out, true,
      case when qty_out > 0 then 2 else 1 end, ${c.now}::timestamptz
    from q order by p`.execute(trx);
}

/** Moving-average valuations per item × warehouse and per item (warehouse null), from the balances. */
export async function writeValuations(trx: Trx, siteId: string, now: Date): Promise<void> {
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
