// Bulk statements of the demo's items: one statement per table and batch, the rows passed as unnest()
// arrays (20,000 items a statement instead of one insert each). Rows that hang off an item name it by its
// code, joined to the id the item got. Also the temp table `demo_item_facts` the set-based stock load joins.
import { sql } from 'kysely';
import type { Tx } from '../context.js';

export interface DemoItemRow {
  /** The item's number in the demo (0-based): decides its slots in the opening stock. */
  j: number;
  code: string;
  description: string;
  /** P plain, L lot-managed, S serial-managed. */
  kind: 'P' | 'L' | 'S';
  /** Weighed in kg (3 decimals, no pack unit) instead of counted in pieces with a pack of 10. */
  kg: boolean;
  price: string;
  productGroup: string;
  brand: string;
  abc: 'A' | 'B' | 'C';
  threshold: string;
  /** The item gets stock positions: it has ledger entries and its moving average is its price. */
  stocked: boolean;
}

export interface DemoSearchCodeRow {
  itemCode: string;
  code: string;
  unit: string;
  factor: number;
  main: boolean;
  description: string;
}

export interface DemoLotRow {
  itemCode: string;
  code: string;
  expiry: string;
  production: string;
}

export interface DemoItemFactRow {
  j: number;
  code: string;
  kind: 'P' | 'L' | 'S';
  kg: boolean;
  price: string;
  placeOffset: number;
  lotCodes: string[];
}

const column = <R, T>(rows: readonly R[], f: (r: R) => T): T[] => rows.map(f);

/**
 * Items with the settings the demo derives from kind and price: unit KG or PZ with the S10 pack, every third
 * lot-managed item on automatic lots, count cycle days by ABC class, settlement price 1.35× and inventory
 * price 0.95× the standard cost.
 */
export async function insertItemRows(trx: Tx, rows: readonly DemoItemRow[], now: Date): Promise<void> {
  const c = <T>(f: (r: DemoItemRow) => T) => column(rows, f);
  await sql`
    insert into items (code, description, primary_unit, secondary_unit, secondary_conversion_op, secondary_conversion_factor,
      lot_management, serial_management, product_group, brand, abc_class, count_cycle_days, threshold_quantity,
      settlement_price_1, inventory_price, standard_cost, moving_average_price, has_ledger_entries, created_at, updated_at)
    select u.code, u.description, case when u.kg then 'KG' else 'PZ' end, case when u.kg then null else 'S10' end,
      case when u.kg then null else 'x' end, case when u.kg then null else 10 end,
      case when u.kind = 'L' then (case when u.j % 3 = 0 then 'auto' else 'yes' end) else 'no' end, u.kind = 'S',
      u.grp, u.brand, u.abc, case u.abc when 'A' then 30 when 'B' then 90 else 180 end, u.threshold,
      round(u.price * 1.35, 2), round(u.price * 0.95, 2), u.price, case when u.stocked then u.price else 0 end, u.stocked,
      ${now}::timestamptz, ${now}::timestamptz
    from unnest(${c((i) => i.j)}::int[], ${c((i) => i.code)}::text[], ${c((i) => i.description)}::text[], ${c((i) => i.kind)}::text[],
      ${c((i) => i.kg)}::boolean[], ${c((i) => i.price)}::numeric[], ${c((i) => i.productGroup)}::text[], ${c((i) => i.brand)}::text[],
      ${c((i) => i.abc)}::text[], ${c((i) => i.threshold)}::numeric[], ${c((i) => i.stocked)}::boolean[])
      as u(j, code, description, kind, kg, price, grp, brand, abc, threshold, stocked)
    order by u.j`.execute(trx);
}

export async function insertSearchCodeRows(trx: Tx, rows: readonly DemoSearchCodeRow[]): Promise<void> {
  const c = <T>(f: (r: DemoSearchCodeRow) => T) => column(rows, f);
  await sql`
    insert into item_search_codes (item_id, code, unit, conversion_op, conversion_factor, is_main, description)
    select i.id, u.code, u.unit, 'x', u.factor, u.main, u.description
    from unnest(${c((r) => r.itemCode)}::text[], ${c((r) => r.code)}::text[], ${c((r) => r.unit)}::text[], ${c((r) => r.factor)}::numeric[],
      ${c((r) => r.main)}::boolean[], ${c((r) => r.description)}::text[])
      with ordinality as u(item_code, code, unit, factor, main, description, n)
    join items i on i.code = u.item_code order by u.n`.execute(trx);
}

/** The words the item module keeps for word search, as `searchTerms` gives them. */
export async function insertSearchTermRows(
  trx: Tx,
  rows: readonly { itemCode: string; term: string }[],
): Promise<void> {
  await sql`
    insert into item_search_terms (item_id, term)
    select i.id, u.term from unnest(${column(rows, (r) => r.itemCode)}::text[], ${column(rows, (r) => r.term)}::text[]) as u(item_code, term)
    join items i on i.code = u.item_code`.execute(trx);
}

export async function insertLotRows(trx: Tx, rows: readonly DemoLotRow[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  const c = <T>(f: (r: DemoLotRow) => T) => column(rows, f);
  await sql`
    insert into lots (item_id, code, expiry_date, production_date, created_at)
    select i.id, u.code, u.expiry, u.production, ${now}::timestamptz
    from unnest(${c((r) => r.itemCode)}::text[], ${c((r) => r.code)}::text[], ${c((r) => r.expiry)}::date[], ${c((r) => r.production)}::date[])
      with ordinality as u(item_code, code, expiry, production, n)
    join items i on i.code = u.item_code order by u.n`.execute(trx);
}

/** The temp table of what the stock load needs per item number j (dropped at commit). */
export async function createItemFactsTable(trx: Tx): Promise<void> {
  await sql`create temp table demo_item_facts (j int primary key, item_id bigint not null, kind char(1) not null, kg boolean not null,
    price numeric not null, place_offset int not null, lot_codes text[] not null) on commit drop`.execute(trx);
}

export async function insertItemFactRows(trx: Tx, rows: readonly DemoItemFactRow[]): Promise<void> {
  const c = <T>(f: (r: DemoItemFactRow) => T) => column(rows, f);
  // Lot codes travel as one space-separated text per item: unnest() cannot take an array of arrays of
  // different lengths. Demo lot codes contain no spaces.
  await sql`
    insert into demo_item_facts (j, item_id, kind, kg, price, place_offset, lot_codes)
    select u.j, i.id, u.kind, u.kg, u.price, u.place_offset, coalesce(string_to_array(nullif(u.lot_codes, ''), ' '), '{}')
    from unnest(${c((r) => r.j)}::int[], ${c((r) => r.code)}::text[], ${c((r) => r.kind)}::text[], ${c((r) => r.kg)}::boolean[],
      ${c((r) => r.price)}::numeric[], ${c((r) => r.placeOffset)}::int[], ${c((r) => r.lotCodes.join(' '))}::text[])
      as u(j, code, kind, kg, price, place_offset, lot_codes)
    join items i on i.code = u.code`.execute(trx);
}
