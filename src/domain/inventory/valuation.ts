// Valuation on closing a stock-taking-day inventory (SPEC §4.6). Quantity changes were posted at the
// weighted average price; on closing the inventory the NET actual receipts of each item (over all lists,
// so a move between two bins counted on different lists nets out) are revalued from that average price to
// the inventory's valuation price with a value-only adjustment. Production resources get none.
import { Dec, decText } from '../decimal.js';
import type { ValuationPrice } from './vocabulary.js';

export type { ValuationPrice } from './vocabulary.js';

export interface ItemPrices {
  settlementPrice1: string;
  settlementPrice2: string;
  settlementPrice3: string;
  settlementPrice4: string;
  settlementPrice5: string;
  inventoryPrice: string;
  movingAveragePrice: string;
}

export function valuationPriceOf(kind: ValuationPrice, p: ItemPrices): string {
  switch (kind) {
    case 'settlement_1':
      return p.settlementPrice1;
    case 'settlement_2':
      return p.settlementPrice2;
    case 'settlement_3':
      return p.settlementPrice3;
    case 'settlement_4':
      return p.settlementPrice4;
    case 'settlement_5':
      return p.settlementPrice5;
    case 'inventory':
      return p.inventoryPrice;
    case 'average':
      return p.movingAveragePrice;
  }
}

export interface PostedDifference {
  itemId: string;
  /** Signed quantity posted on closing a list (receipt > 0, issue < 0). */
  postedQuantity: string;
  /** Price it was posted at (the weighted average at the time). */
  unitPrice: string | null;
  /** Where it was posted (lot and serial included: a lot-managed item's value lives on a lot); a value
   * adjustment goes to the position of the item's first receipt. */
  place: {
    warehouseId: string;
    zoneId: string | null;
    binId: string | null;
    ownerId: string;
    lot: string;
    serial: string;
  };
}

export interface ValueAdjustment {
  itemId: string;
  place: PostedDifference['place'];
  /** Net receipt quantity the value is adjusted for (the adjustment itself moves no quantity). */
  netQuantity: string;
  averagePrice: string;
  valuationPrice: string;
  value: string;
}

/**
 * One value adjustment per item with a net receipt whose valuation price differs from the average it was
 * posted at. Net issues need none: they left at the average price, which is what the stock is valued at.
 */
export function planValueAdjustments(
  diffs: readonly PostedDifference[],
  valuationPrice: (itemId: string) => string,
  scale = 2,
): ValueAdjustment[] {
  const byItem = new Map<string, PostedDifference[]>();
  for (const d of diffs) byItem.set(d.itemId, [...(byItem.get(d.itemId) ?? []), d]);
  const out: ValueAdjustment[] = [];
  for (const [itemId, list] of byItem) {
    const net = list.reduce((s, d) => s.plus(d.postedQuantity), new Dec(0));
    const receipts = list.filter((d) => new Dec(d.postedQuantity).isPositive() && !new Dec(d.postedQuantity).isZero());
    if (!net.isPositive() || net.isZero() || receipts.length === 0) continue;
    // Average of the receipts' posting prices, weighted by quantity.
    const qty = receipts.reduce((s, d) => s.plus(d.postedQuantity), new Dec(0));
    const val = receipts.reduce((s, d) => s.plus(new Dec(d.postedQuantity).times(d.unitPrice ?? '0')), new Dec(0));
    const average = val.dividedBy(qty);
    const target = new Dec(valuationPrice(itemId));
    const value = net.times(target.minus(average)).toDecimalPlaces(scale);
    if (value.isZero()) continue;
    out.push({
      itemId,
      place: receipts[0]!.place,
      netQuantity: decText(net),
      averagePrice: decText(average.toDecimalPlaces(6)),
      valuationPrice: decText(target),
      value: decText(value),
    });
  }
  return out;
}
