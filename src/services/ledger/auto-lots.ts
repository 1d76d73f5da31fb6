// Automatic lot consumption at posting time: outgoing lines of "auto" lot-managed items that name no lot
// are split over the lots on hand at their place, in the item's consumption order (domain lots.ts — the same
// order and expiry rule as the item master's lot proposal). Reservations of a lot are counted per warehouse
// and owner (as the availability check counts them): a place's stock of a lot is free up to what the lot's
// reservations leave in the warehouse, and reserved stock is taken only when free stock does not cover the
// line; the availability check that follows (manual postings) then warns or refuses per the item's mode.
// Runs before the posting is checked and locked; if stock moves in between, the negative-stock check of the
// plan refuses the posting rather than over-issuing a lot.
import { Dec, ZERO, decText } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import { type LotStock, type PlaceFacts, type PostingLine, allocateLots } from '../../domain/ledger/index.js';
import type { Tx } from '../context.js';
import { loadLotStock, lotPotKey } from './lot-stock.js';
import { loadLotConsumption } from './posting.repository.js';

const placeKey = (l: {
  itemId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  ownerId: string;
}) => `${l.itemId}|${l.warehouseId}|${l.zoneId ?? ''}|${l.binId ?? ''}|${l.ownerId}`;

interface PlaceLot {
  lot: string;
  onHand: Dec;
  expiryDate: string | null;
  firstReceipt: string | null;
}

export async function allocateAutoLots(
  trx: Tx,
  postingDate: string,
  lines: PostingLine[],
  facts: PlaceFacts,
): Promise<PostingLine[]> {
  const open = lines.filter(
    (l) => l.lot === '' && l.quantity.lt(0) && facts.items.get(l.itemId)?.lotManagement === 'auto',
  );
  if (open.length === 0) return lines;
  const itemIds = [...new Set(open.map((l) => l.itemId))];
  const { positions, reserved } = await loadLotStock(trx, itemIds, [...new Set(open.map((l) => l.warehouseId))]);
  const orderOf = await loadLotConsumption(trx, itemIds);
  // Free stock per lot in the warehouse and owner: on hand less the lot's open reservations.
  const free = new Map<string, Dec>();
  for (const p of positions) free.set(lotPotKey(p), (free.get(lotPotKey(p)) ?? ZERO).plus(p.quantity));
  for (const r of reserved)
    if (free.has(lotPotKey(r))) free.set(lotPotKey(r), free.get(lotPotKey(r))!.minus(r.quantity));
  const atPlace = new Map<string, PlaceLot[]>();
  for (const p of positions) {
    if (p.serial !== '') continue;
    const list = atPlace.get(placeKey(p)) ?? [];
    list.push({ lot: p.lot, onHand: p.quantity, expiryDate: p.expiryDate, firstReceipt: p.firstReceipt });
    atPlace.set(placeKey(p), list);
  }
  return lines.flatMap((line) => {
    if (!open.includes(line)) return [line];
    const lots = atPlace.get(placeKey(line)) ?? [];
    const pot = (lot: string) => lotPotKey({ ...line, lot });
    const stock: LotStock[] = lots.map((l) => {
      const freeHere = Dec.min(l.onHand, Dec.max(ZERO, free.get(pot(l.lot)) ?? ZERO));
      return {
        lot: l.lot,
        quantity: l.onHand,
        reserved: l.onHand.minus(freeHere),
        expiryDate: l.expiryDate,
        firstReceipt: l.firstReceipt,
      };
    });
    const need = line.quantity.neg();
    const { allocations, shortfall } = allocateLots(need, stock, orderOf.get(line.itemId) ?? 'fifo', postingDate);
    if (shortfall.gt(0)) {
      const available = need.minus(shortfall);
      throw new DomainError(
        'ledger.negative_stock',
        `item ${facts.items.get(line.itemId)?.code ?? line.itemId}: ${decText(need)} requested, ${decText(available)} available in usable lots at this place`,
        {
          field: `lines.${line.index}.quantity`,
          params: {
            itemId: line.itemId,
            warehouseId: line.warehouseId,
            zoneId: line.zoneId,
            binId: line.binId,
            available: decText(available),
            requested: decText(need),
          },
        },
      );
    }
    // Later lines of the same posting see what earlier ones took.
    for (const a of allocations) {
      const l = lots.find((x) => x.lot === a.lot)!;
      l.onHand = l.onHand.minus(a.quantity);
      free.set(pot(a.lot), (free.get(pot(a.lot)) ?? ZERO).minus(a.quantity));
    }
    return allocations.map((a) => ({ ...line, lot: a.lot, quantity: a.quantity.neg() }));
  });
}
