// Every SQL statement of the differences report. One CTE builds the valued lines of an inventory — the
// formulas of src/domain/inventory/differences.ts written in SQL so that large inventories sort, filter,
// page and total in the database — and the page and the totals read from it.
import { sql, type RawBuilder } from 'kysely';
import { likeEscape } from '../../domain/items/item.js';
import { PERCENT_SCALE, VALUE_SCALE, type DifferenceSort } from '../../domain/inventory/differences.js';
import type { Tx } from '../context.js';
import type { InventoryRow } from './count-list.repository.js';

export interface DifferenceFilter {
  countListId?: string | undefined;
  warehouseId?: string | undefined;
  zoneId?: string | undefined;
  itemCode?: string | undefined;
  q?: string | undefined;
  /** Only items of this product group. */
  itemGroup?: string | undefined;
  onlyDifferences: boolean;
  /** Only lines whose difference value is at least this much either way (|value| ≥ minValue). */
  minValue?: string | undefined;
  /** Only lines whose difference is at least this many percent of the target either way; a difference on a target of 0 always passes. */
  minPercent?: string | undefined;
}

export interface DifferenceRow {
  id: string;
  countListId: string;
  countListNumber: string;
  countListStatus: string;
  lineNo: number;
  itemId: string;
  itemCode: string;
  itemDescription: string;
  itemGroup: string | null;
  unit: string;
  warehouseId: string;
  warehouseCode: string;
  zoneId: string | null;
  zoneCode: string | null;
  binId: string | null;
  binCode: string | null;
  lot: string;
  serial: string;
  target: string | null;
  counted: string | null;
  status: 'open' | 'reported' | 'closed';
  plannedPrice: string;
  ledgerValue: string | null;
  ledgerPrice: string | null;
  ledgerEntryIds: string | null;
  reasonCode: string | null;
  reviewState: string;
}

export interface TotalsRow {
  g: number;
  warehouseId: string | null;
  warehouseCode: string | null;
  zoneId: string | null;
  zoneCode: string | null;
  itemGroup: string | null;
  lines: string;
  differenceLines: string;
  positiveValue: string;
  negativeValue: string;
  netValue: string;
}

const PRICE_COLUMN: Record<string, string> = {
  settlement_1: 'it.settlement_price_1',
  settlement_2: 'it.settlement_price_2',
  settlement_3: 'it.settlement_price_3',
  settlement_4: 'it.settlement_price_4',
  settlement_5: 'it.settlement_price_5',
  inventory: 'it.inventory_price',
};

/** The price closing posts a difference at (as closingItems in close.service.ts takes it). */
function plannedPrice(inv: InventoryRow, method: string): RawBuilder<unknown> {
  const average = sql`coalesce(sv.average_price, it.moving_average_price)`;
  return method === 'stock_taking_day' || inv.valuationPrice === 'average'
    ? average
    : sql.raw(PRICE_COLUMN[inv.valuationPrice]!);
}

const like = (s: string) => likeEscape(s.toLowerCase());

function lines(inv: InventoryRow, method: string, f: DifferenceFilter): RawBuilder<unknown> {
  const where = [sql`cli.inventory_id = ${inv.id}`, sql`not cli.informational`, sql`cli.item_id is not null`];
  if (f.countListId) where.push(sql`cli.count_list_id = ${f.countListId}`);
  if (f.warehouseId) where.push(sql`cli.warehouse_id = ${f.warehouseId}`);
  if (f.zoneId) where.push(sql`cli.zone_id = ${f.zoneId}`);
  if (f.itemCode) where.push(sql`it.code = ${f.itemCode}`);
  if (f.itemGroup) where.push(sql`it.product_group = ${f.itemGroup}`);
  if (f.q) where.push(sql`(lower(it.code) like ${`${like(f.q)}%`} or lower(it.description) like ${`%${like(f.q)}%`})`);
  // The ledger side of closed items: the entries at the item's own position from its list's closing postings;
  // the differences-zone leg of a transfer is not the item's (closing.repository.ts), but its id is listed with it.
  return sql`
    with own as (
      select c.id as cli_id, e.id, e.value, e.unit_price, e.transfer_group
      from count_list_items c join stock_ledger e on e.origin_type = 'count_list' and e.origin_id = c.count_list_id::text
        and e.item_id = c.item_id and e.warehouse_id = c.warehouse_id and e.zone_id is not distinct from c.zone_id
        and e.bin_id is not distinct from c.bin_id and e.lot = c.lot and e.serial = c.serial and e.owner_id = c.owner_id
      where c.inventory_id = ${inv.id} and c.posted_quantity is not null and c.posted_quantity <> 0 and e.quantity <> 0
        and not (e.transfer_group is not null and exists (select 1 from zones dz where dz.id = e.zone_id and dz.usage = 'inventory_differences'))
    ), led as (
      select cli_id, sum(value) as value, count(*) as n, min(unit_price) as price from own group by cli_id
    ), entry_ids as (
      select cli_id, id from own
      union
      select o.cli_id, x.id from own o join stock_ledger x on x.transfer_group = o.transfer_group where o.transfer_group is not null
    ), ids as (
      select cli_id, string_agg(id::text, ',') as ids from entry_ids group by cli_id
    ), base as (
      select cli.id, cli.count_list_id, cl.number as list_number, cl.status as list_status, cli.line_no, cli.item_id, it.code as item_code, it.description as item_description,
        it.product_group as item_group, it.primary_unit as unit, cli.warehouse_id, w.code as warehouse_code, cli.zone_id, z.code as zone_code,
        cli.bin_id, b.code as bin_code, cli.lot, cli.serial, cli.target_quantity as target, cli.reported_quantity as counted, cli.status,
        coalesce(cli.unit_price, ${plannedPrice(inv, method)}, 0) as planned_price,
        led.value as ledger_value, case when led.n = 1 then led.price else round(led.value / nullif(cli.posted_quantity, 0), 6) end as ledger_price,
        ids.ids as ledger_ids, cli.reason_code, cli.review_state,
        cli.reported_quantity - coalesce(cli.target_quantity, 0) as diff
      from count_list_items cli
      join count_lists cl on cl.id = cli.count_list_id
      join items it on it.id = cli.item_id
      join warehouses w on w.id = cli.warehouse_id
      left join zones z on z.id = cli.zone_id
      left join bins b on b.id = cli.bin_id
      left join stock_valuations sv on sv.item_id = cli.item_id and sv.warehouse_id is null
      left join led on led.cli_id = cli.id
      left join ids on ids.cli_id = cli.id
      where ${sql.join(where, sql` and `)}
    ), valued as (
      select base.*,
        case when diff is null then null when ledger_value is not null then ledger_value else round(diff * planned_price, ${VALUE_SCALE}) end as value,
        case when diff is null or coalesce(target, 0) = 0 then null else round(diff * 100 / target, ${PERCENT_SCALE}) end as percent
      from base
    )
    select * from valued where ${sql.join(outer(f), sql` and `)}`;
}

/** Conditions on the valued line (the difference, its value and percentage). */
function outer(f: DifferenceFilter): RawBuilder<unknown>[] {
  const w: RawBuilder<unknown>[] = [sql`true`];
  if (f.onlyDifferences) w.push(sql`diff is not null and diff <> 0`);
  if (f.minValue !== undefined) w.push(sql`value is not null and abs(value) >= ${f.minValue}::numeric`);
  // No target to relate a difference to (a found item) is an unbounded deviation: it passes any threshold.
  if (f.minPercent !== undefined)
    w.push(sql`diff is not null and diff <> 0 and (percent is null or abs(percent) >= ${f.minPercent}::numeric)`);
  return w;
}

const ORDER: Record<DifferenceSort, string> = {
  item: 'item_code #, warehouse_code, zone_code nulls first, bin_code nulls first, lot, serial',
  place: 'warehouse_code #, zone_code # nulls first, bin_code # nulls first, item_code, lot, serial',
  difference: 'diff # nulls last',
  value: 'value # nulls last',
  absValue: 'abs(value) # nulls last',
  percent: 'percent # nulls last',
};

export async function selectDifferenceLines(
  trx: Tx,
  inv: InventoryRow,
  method: string,
  f: DifferenceFilter,
  sort: DifferenceSort,
  dir: 'asc' | 'desc',
  page: { limit: number; offset: number } | null,
): Promise<DifferenceRow[]> {
  const order = sql.raw(`${ORDER[sort].replace(/#/g, dir)}, count_list_id, line_no, id`);
  const r = await sql<DifferenceRow>`
    select id::text as id, count_list_id::text as "countListId", list_number as "countListNumber", list_status as "countListStatus", line_no as "lineNo",
      item_id::text as "itemId", item_code as "itemCode", item_description as "itemDescription", item_group as "itemGroup", unit,
      warehouse_id::text as "warehouseId", warehouse_code as "warehouseCode", zone_id::text as "zoneId", zone_code as "zoneCode",
      bin_id::text as "binId", bin_code as "binCode", lot, serial, target::text as target, counted::text as counted, status,
      planned_price::text as "plannedPrice", ledger_value::text as "ledgerValue", ledger_price::text as "ledgerPrice", ledger_ids as "ledgerEntryIds",
      reason_code as "reasonCode", review_state as "reviewState"
    from (${lines(inv, method, f)}) v
    order by ${order}
    ${page ? sql`limit ${page.limit + 1} offset ${page.offset}` : sql``}`.execute(trx);
  return r.rows;
}

/** Totals of the whole filtered report: overall (g 7), per warehouse (g 3), per zone (g 1), per item group (g 6). */
export async function selectDifferenceTotals(
  trx: Tx,
  inv: InventoryRow,
  method: string,
  f: DifferenceFilter,
): Promise<TotalsRow[]> {
  const r = await sql<TotalsRow>`
    select grouping(warehouse_id, zone_id, item_group)::int as g, warehouse_id::text as "warehouseId", min(warehouse_code) as "warehouseCode",
      zone_id::text as "zoneId", min(zone_code) as "zoneCode", item_group as "itemGroup",
      count(*)::text as lines, count(*) filter (where diff <> 0)::text as "differenceLines",
      coalesce(sum(value) filter (where value > 0), 0)::text as "positiveValue",
      coalesce(sum(value) filter (where value < 0), 0)::text as "negativeValue", coalesce(sum(value), 0)::text as "netValue"
    from (${lines(inv, method, f)}) v
    group by grouping sets ((), (warehouse_id), (warehouse_id, zone_id), (item_group))
    order by g desc, "warehouseCode", "zoneCode" nulls first, "itemGroup" nulls first`.execute(trx);
  return r.rows;
}

/** Value adjustments closing the inventory posted (stock-taking day: net receipts revalued to the valuation price). */
export async function selectValueAdjustments(trx: Tx, inventoryId: string): Promise<{ value: string; ids: string[] }> {
  const r = await sql<{ value: string; ids: string | null }>`
    select coalesce(sum(value), 0)::text as value, string_agg(id::text, ',') as ids
    from stock_ledger where origin_type = 'inventory' and origin_id = ${inventoryId}`.execute(trx);
  const row = r.rows[0];
  return { value: row?.value ?? '0', ids: row?.ids ? row.ids.split(',').sort((a, b) => Number(a) - Number(b)) : [] };
}

/** A count list as the report's list filter needs it: its inventory and site, number and name. */
export function findCountListHead(trx: Tx, countListId: string) {
  return trx
    .selectFrom('countLists')
    .select(['inventoryId', 'siteId', 'number', 'name'])
    .where('id', '=', countListId)
    .executeTakeFirst();
}

/** The code of a warehouse or zone named by a filter (the export's header shows codes). */
export async function placeCode(trx: Tx, table: 'warehouses' | 'zones', id: string): Promise<string | undefined> {
  return (await trx.selectFrom(table).select('code').where('id', '=', id).executeTakeFirst())?.code;
}
