// Lot stock as the consumption order needs it (domain/ledger/lots.ts): lot positions with the lot's expiry
// and its first receipt in the warehouse, and open reservations per lot. One loader for the ledger's
// automatic consumption and the item master's lot proposal, so both read "first receipt" and "reserved" alike.
import { Dec } from '../../domain/decimal.js';
import type { Tx } from '../context.js';
import { selectLotPositions, sumOpenLotReservations } from './stock.repository.js';

export interface LotPosition {
  itemId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  ownerId: string;
  lot: string;
  serial: string;
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
  const rows = await selectLotPositions(trx, itemIds, warehouseIds);
  const held = await sumOpenLotReservations(trx, itemIds, warehouseIds);
  const s = (v: string | number | null) => (v === null ? null : String(v));
  return {
    positions: rows.map((r) => ({
      itemId: String(r.itemId),
      warehouseId: String(r.warehouseId),
      zoneId: s(r.zoneId),
      binId: s(r.binId),
      ownerId: String(r.ownerId),
      lot: r.lot,
      serial: r.serial,
      quantity: new Dec(r.quantity),
      expiryDate: r.expiryDate,
      firstReceipt: r.firstReceipt,
    })),
    reserved: held.map((r) => ({
      itemId: String(r.itemId),
      warehouseId: String(r.warehouseId),
      ownerId: String(r.ownerId),
      lot: r.lot,
      quantity: new Dec(r.reserved),
    })),
  };
}
