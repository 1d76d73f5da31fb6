// Lot stock as the consumption order needs it (domain/ledger/lots.ts): lot positions with the lot's expiry
// and its first receipt in the warehouse, and open reservations per lot. One loader for the ledger's
// automatic consumption and the item master's lot proposal, so both read "first receipt" and "reserved" alike.
import { sql } from 'kysely';
import { Dec } from '../../domain/decimal.js';
import type { Tx } from '../context.js';

export interface LotPosition {
  itemId: string; warehouseId: string; zoneId: string | null; binId: string | null; ownerId: string; lot: string; serial: string;
  quantity: Dec;
  expiryDate: string | null;
  /** Posting date of the lot's first incoming entry in the warehouse (receipt, transfer in, positive correction). */
  firstReceipt: string | null;
}

export interface LotStockFacts {
  /** Positions holding a lot with stock (> 0). */
  positions: LotPosition[];
  /** Open reservations naming a lot, summed per item, warehouse, owner and lot. */
  reserved: { itemId: string; warehouseId: string; ownerId: string; lot: string; quantity: Dec }[];
}

/** Key of a lot's stock in a warehouse for one owner (what reservations of the lot hold back). */
export const lotPotKey = (p: { itemId: string; warehouseId: string; ownerId: string; lot: string }): string =>
  JSON.stringify([p.itemId, p.warehouseId, p.ownerId, p.lot]);

/** Lot stock of the items in the warehouses (set-based: two statements whatever the number of items). */
export async function loadLotStock(trx: Tx, itemIds: string[], warehouseIds: string[]): Promise<LotStockFacts> {
  const { rows } = await sql<{
    itemId: string; warehouseId: string; zoneId: string | null; binId: string | null; ownerId: string; lot: string; serial: string;
    quantity: string; expiryDate: string | null; firstReceipt: string | null;
  }>`
    with f as (
      select item_id, warehouse_id, lot, min(posting_date) as first_receipt from stock_ledger
      where item_id = any(${itemIds}::bigint[]) and warehouse_id = any(${warehouseIds}::bigint[]) and lot <> '' and quantity > 0
      group by item_id, warehouse_id, lot
    )
    select b.item_id, b.warehouse_id, b.zone_id, b.bin_id, b.owner_id, b.lot, b.serial, b.quantity::text as quantity,
      to_char(l.expiry_date, 'YYYY-MM-DD') as expiry_date, to_char(f.first_receipt, 'YYYY-MM-DD') as first_receipt
    from stock_balances b
    left join lots l on l.item_id = b.item_id and l.code = b.lot
    left join f on f.item_id = b.item_id and f.warehouse_id = b.warehouse_id and f.lot = b.lot
    where b.item_id = any(${itemIds}::bigint[]) and b.warehouse_id = any(${warehouseIds}::bigint[]) and b.lot <> '' and b.quantity > 0
    order by b.id`.execute(trx);
  const { rows: held } = await sql<{ itemId: string; warehouseId: string; ownerId: string; lot: string; reserved: string }>`
    select item_id, warehouse_id, owner_id, lot, sum(quantity)::text as reserved from reservations
    where status = 'open' and lot <> '' and item_id = any(${itemIds}::bigint[]) and warehouse_id = any(${warehouseIds}::bigint[])
    group by item_id, warehouse_id, owner_id, lot`.execute(trx);
  const s = (v: string | number | null) => (v === null ? null : String(v));
  return {
    positions: rows.map((r) => ({
      itemId: String(r.itemId), warehouseId: String(r.warehouseId), zoneId: s(r.zoneId), binId: s(r.binId), ownerId: String(r.ownerId),
      lot: r.lot, serial: r.serial, quantity: new Dec(r.quantity), expiryDate: r.expiryDate, firstReceipt: r.firstReceipt,
    })),
    reserved: held.map((r) => ({ itemId: String(r.itemId), warehouseId: String(r.warehouseId), ownerId: String(r.ownerId), lot: r.lot, quantity: new Dec(r.reserved) })),
  };
}
