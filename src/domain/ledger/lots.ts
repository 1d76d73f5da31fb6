// Automatic lot consumption (item lot management "yes with automatic consumption"): an outgoing line
// without a lot takes stock from the lots at its place in the item's consumption order. FIFO: oldest lot
// first; FEFO: earliest expiry first; LEFO: latest expiry first. Expiry-based orders skip lots already
// expired on the posting date (they must not be shipped), and lots without expiry come last.
import { type Dec, ZERO } from '../decimal.js';

export type LotConsumption = 'fifo' | 'fefo' | 'lefo';

export interface LotStock {
  lot: string;
  quantity: Dec;
  expiryDate: string | null;
  /** Order the lot was first recorded in (FIFO). */
  seq: number;
}

export interface LotAllocation {
  allocations: Array<{ lot: string; quantity: Dec }>;
  /** What the lots could not cover (0 when fully allocated). */
  shortfall: Dec;
}

export function consumptionOrder(stock: LotStock[], order: LotConsumption, postingDate: string): LotStock[] {
  const usable = stock.filter((s) => s.quantity.gt(0) && (order === 'fifo' || s.expiryDate === null || s.expiryDate >= postingDate));
  const byExpiry = (a: LotStock, b: LotStock, dir: 1 | -1) => {
    if (a.expiryDate === b.expiryDate) return a.seq - b.seq;
    if (a.expiryDate === null) return 1;
    if (b.expiryDate === null) return -1;
    return (a.expiryDate < b.expiryDate ? -1 : 1) * dir;
  };
  return [...usable].sort((a, b) => (order === 'fifo' ? a.seq - b.seq : byExpiry(a, b, order === 'fefo' ? 1 : -1)));
}

/** Splits `need` (a positive quantity) over the lots in consumption order. */
export function allocateLots(need: Dec, stock: LotStock[], order: LotConsumption, postingDate: string): LotAllocation {
  const allocations: LotAllocation['allocations'] = [];
  let rest = need;
  for (const s of consumptionOrder(stock, order, postingDate)) {
    if (!rest.gt(0)) break;
    const take = s.quantity.lt(rest) ? s.quantity : rest;
    allocations.push({ lot: s.lot, quantity: take });
    rest = rest.minus(take);
  }
  return { allocations, shortfall: rest.gt(0) ? rest : ZERO };
}
