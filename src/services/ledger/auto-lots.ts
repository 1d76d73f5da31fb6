// Automatic lot consumption at posting time: outgoing lines of "auto" lot-managed items that name no lot
// are split over the lots on hand at their place, in the item's consumption order (domain lots.ts).
// Runs before the posting is checked and locked; if stock moves in between, the negative-stock check of the
// plan refuses the posting rather than over-issuing a lot.
import { sql } from 'kysely';
import { Dec, decText } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import { type LotConsumption, type LotStock, type PlaceFacts, type PostingLine, allocateLots } from '../../domain/ledger/index.js';
import type { Tx } from '../context.js';

const placeKey = (l: { itemId: string; warehouseId: string; zoneId: string | null; binId: string | null; ownerId: string }) =>
  `${l.itemId}|${l.warehouseId}|${l.zoneId ?? ''}|${l.binId ?? ''}|${l.ownerId}`;

export async function allocateAutoLots(trx: Tx, postingDate: string, lines: PostingLine[], facts: PlaceFacts): Promise<PostingLine[]> {
  const open = lines.filter((l) => l.lot === '' && l.quantity.lt(0) && facts.items.get(l.itemId)?.lotManagement === 'auto');
  if (open.length === 0) return lines;
  const itemIds = [...new Set(open.map((l) => l.itemId))];
  const warehouseIds = [...new Set(open.map((l) => l.warehouseId))];
  const { rows } = await sql<{ itemId: string; lotConsumption: LotConsumption; warehouseId: string; zoneId: string | null; binId: string | null; ownerId: string; lot: string; quantity: string; expiryDate: string | null; seq: string | null }>`
    select b.item_id, i.lot_consumption, b.warehouse_id, b.zone_id, b.bin_id, b.owner_id, b.lot, b.quantity, l.expiry_date, l.id as seq
    from stock_balances b
    join items i on i.id = b.item_id
    left join lots l on l.item_id = b.item_id and l.code = b.lot
    where b.item_id = any(${itemIds}::bigint[]) and b.warehouse_id = any(${warehouseIds}::bigint[]) and b.lot <> '' and b.serial = '' and b.quantity > 0`.execute(trx);
  const stock = new Map<string, LotStock[]>();
  const orderOf = new Map<string, LotConsumption>();
  for (const r of rows) {
    const k = placeKey({ itemId: String(r.itemId), warehouseId: String(r.warehouseId), zoneId: r.zoneId && String(r.zoneId), binId: r.binId && String(r.binId), ownerId: String(r.ownerId) });
    const list = stock.get(k) ?? [];
    list.push({ lot: r.lot, quantity: new Dec(r.quantity), expiryDate: r.expiryDate, seq: r.seq === null ? Number.MAX_SAFE_INTEGER : Number(r.seq) });
    stock.set(k, list);
    orderOf.set(String(r.itemId), r.lotConsumption);
  }
  return lines.flatMap((line) => {
    if (!open.includes(line)) return [line];
    const lots = stock.get(placeKey(line)) ?? [];
    const need = line.quantity.neg();
    const { allocations, shortfall } = allocateLots(need, lots, orderOf.get(line.itemId) ?? 'fifo', postingDate);
    if (shortfall.gt(0)) {
      const available = need.minus(shortfall);
      throw new DomainError('ledger.negative_stock', `item ${facts.items.get(line.itemId)?.code ?? line.itemId}: ${decText(need)} requested, ${decText(available)} available in usable lots at this place`, {
        field: `lines.${line.index}.quantity`, params: { itemId: line.itemId, warehouseId: line.warehouseId, zoneId: line.zoneId, binId: line.binId, available: decText(available), requested: decText(need) },
      });
    }
    // Later lines of the same posting see what earlier ones took.
    for (const a of allocations) {
      const s = lots.find((x) => x.lot === a.lot)!;
      s.quantity = s.quantity.minus(a.quantity);
    }
    return allocations.map((a) => ({ ...line, lot: a.lot, quantity: a.quantity.neg() }));
  });
}
