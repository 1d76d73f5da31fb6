// Statements of the planning data (SPEC §2, seed "Pianificazione"): the consumption value each item's ABC
// class is computed from, the classes it gets, and the item × warehouse rows the stock-control report judges.
import { type Kysely, sql } from 'kysely';
import type { AbcClass } from '../../domain/items/planning.js';
import type { Database } from '../../storage/schema.js';
import type { Tx } from '../context.js';

/** One item with its consumption value in the period (issue entries, as a positive value) and its class now. */
export interface ConsumptionRow {
  itemId: string;
  code: string;
  value: string;
  previous: AbcClass | null;
}

/** Every item with the value of its issue entries posted in [from, to] (of one site, or all when null). */
export async function selectConsumptionValues(
  trx: Tx,
  from: string,
  to: string,
  site: string | null,
): Promise<ConsumptionRow[]> {
  const { rows } = await sql<ConsumptionRow>`
      select i.id::text as item_id, i.code, coalesce(c.value, 0)::text as value, i.abc_class as previous
      from items i left join (
        select l.item_id, -sum(l.value) as value from stock_ledger l join transaction_keys k on k.code = l.key_code
        where k.kind = 'issue' and l.posting_date between ${from} and ${to} and (${site}::bigint is null or l.site_id = ${site})
        group by l.item_id
      ) c on c.item_id = i.id`.execute(trx);
  return rows;
}

/** Sets each item's ABC class in one statement; items already in their class are not written. */
export async function setAbcClasses(
  trx: Tx,
  classes: ReadonlyArray<{ itemId: string; abcClass: AbcClass }>,
  now: Date,
): Promise<void> {
  const payload = JSON.stringify(classes.map((r) => ({ id: r.itemId, c: r.abcClass })));
  await sql`update items i set abc_class = x.c, updated_at = ${now}
      from jsonb_to_recordset(${payload}::jsonb) as x(id bigint, c text) where i.id = x.id and i.abc_class is distinct from x.c`.execute(
    trx,
  );
}

/** An item × warehouse pair with its on-hand quantity, the item's planning values and the warehouse's overrides. */
export interface StockControlRow {
  itemId: string;
  code: string;
  description: string;
  warehouseId: string;
  warehouseCode: string;
  onHand: string;
  minStock: string;
  maxStock: string;
  reorderPoint: string;
  reorderLot: string;
  minReorderQuantity: string;
  supplyLeadDays: number;
  oMin: string | null;
  oMax: string | null;
  oRp: string | null;
  oLot: string | null;
  oMrq: string | null;
  oLead: number | null;
}

/**
 * The pairs worth judging — with stock, with a warehouse override, or of an item with global planning values —
 * in the non-virtual warehouses of the scope (one site, or all when null), optionally one warehouse.
 */
export async function selectStockControlRows(
  db: Kysely<Database> | Tx,
  scope: string | null,
  wh: string | null,
): Promise<StockControlRow[]> {
  const { rows } = await sql<StockControlRow>`
    with wh as (
      select id, code from warehouses where kind <> 'virtual' and (${scope}::bigint is null or site_id = ${scope}) and (${wh}::bigint is null or id = ${wh})
    ), stock as (
      select b.item_id, b.warehouse_id, sum(b.quantity) as on_hand from stock_balances b join wh on wh.id = b.warehouse_id
      group by b.item_id, b.warehouse_id
    ), pairs as (
      -- Only pairs worth judging: with stock, with an override, or of an item with global planning values.
      select item_id, warehouse_id from stock where on_hand <> 0
      union select p.item_id, p.warehouse_id from item_warehouse_planning p join wh on wh.id = p.warehouse_id
      union select i.id, wh.id from items i cross join wh where i.min_stock > 0 or i.max_stock > 0 or i.reorder_point > 0
    )
    select i.id::text as item_id, i.code, i.description, wh.id::text as warehouse_id, wh.code as warehouse_code,
      coalesce(s.on_hand, 0)::text as on_hand,
      i.min_stock::text, i.max_stock::text, i.reorder_point::text, i.reorder_lot::text, i.min_reorder_quantity::text, i.supply_lead_days,
      p.min_stock::text as o_min, p.max_stock::text as o_max, p.reorder_point::text as o_rp, p.reorder_lot::text as o_lot,
      p.min_reorder_quantity::text as o_mrq, p.supply_lead_days as o_lead
    from pairs x join items i on i.id = x.item_id join wh on wh.id = x.warehouse_id
    left join stock s on s.item_id = x.item_id and s.warehouse_id = x.warehouse_id
    left join item_warehouse_planning p on p.item_id = x.item_id and p.warehouse_id = x.warehouse_id
    order by wh.code, i.code`.execute(db);
  return rows;
}
