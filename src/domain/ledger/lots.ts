// Lot consumption — the one rule used by the ledger's automatic consumption (an outgoing line of an "auto"
// lot-managed item without a lot, services/ledger/auto-lots.ts) and by the item master's lot proposal
// (domain/item-master/lots.ts), so what is proposed is what gets posted.
// FIFO: the lot received first (first receipt in the warehouse); FEFO: earliest expiry first; LEFO: latest
// expiry first. Ties (same receipt date, same expiry) fall back to first receipt, then the lot code.
// Expiry-based orders skip lots not usable on the posting date (seed 002: "FEFO e LEFO richiedono comunque
// che la data scadenza sia successiva alla data di registrazione"); lots without expiry come last under both.
import { Dec, ZERO } from '../decimal.js';

export type LotConsumption = 'fifo' | 'fefo' | 'lefo';

/** A lot is usable on a posting date only when its expiry is after it; a lot without expiry always is. */
export const usableOn = (expiryDate: string | null, postingDate: string): boolean =>
  expiryDate === null || expiryDate > postingDate;

/** The orders that skip expired lots: the expiry-based ones (an operator may still name an expired lot). */
export const skipsExpired = (order: LotConsumption): boolean => order !== 'fifo';

export interface LotStock {
  lot: string;
  /** Quantity on hand that may be taken. */
  quantity: Dec;
  /**
   * The part of `quantity` held by open reservations of this lot. Consumption takes unreserved stock of every
   * usable lot first and reserved stock only when that does not cover the need (whether that is allowed is the
   * availability check's call, not the consumption order's).
   */
  reserved?: Dec | undefined;
  expiryDate: string | null;
  /** Posting date of the lot's first receipt in the warehouse (FIFO); null when unknown (sorts last). */
  firstReceipt: string | null;
}

export interface LotAllocation {
  allocations: Array<{ lot: string; quantity: Dec }>;
  /** What the lots could not cover (0 when fully allocated). */
  shortfall: Dec;
  /** Lots with stock that the order skipped because they are expired on the posting date, by code. */
  skippedExpired: string[];
  /** How much of the allocation comes from reserved stock. */
  fromReserved: Dec;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const LAST = '9999-12-31';

/** The comparator of a consumption order. */
export function compareLots(order: LotConsumption): (a: LotStock, b: LotStock) => number {
  const fifo = (a: LotStock, b: LotStock) => cmp(a.firstReceipt ?? LAST, b.firstReceipt ?? LAST) || cmp(a.lot, b.lot);
  if (order === 'fifo') return fifo;
  const dir = order === 'fefo' ? 1 : -1;
  return (a, b) => {
    if (a.expiryDate === b.expiryDate) return fifo(a, b);
    if (a.expiryDate === null) return 1;
    if (b.expiryDate === null) return -1;
    return cmp(a.expiryDate, b.expiryDate) * dir;
  };
}

/** The lots with stock that may be consumed on the posting date, in consumption order, and those skipped as expired. */
export function consumptionOrder(
  stock: LotStock[],
  order: LotConsumption,
  postingDate: string,
): { usable: LotStock[]; expired: string[] } {
  const withStock = stock.filter((s) => s.quantity.gt(0));
  const usable = withStock.filter((s) => !skipsExpired(order) || usableOn(s.expiryDate, postingDate));
  const expired = withStock.filter((s) => !usable.includes(s)).map((s) => s.lot);
  return { usable: usable.sort(compareLots(order)), expired: [...new Set(expired)].sort(cmp) };
}

/** Splits `need` (a positive quantity) over the lots in consumption order: unreserved stock first, then reserved. */
export function allocateLots(need: Dec, stock: LotStock[], order: LotConsumption, postingDate: string): LotAllocation {
  const { usable, expired } = consumptionOrder(stock, order, postingDate);
  const taken = new Map<string, Dec>();
  let rest = need;
  let fromReserved = ZERO;
  for (const pass of ['free', 'reserved'] as const) {
    for (const s of usable) {
      if (!rest.gt(0)) break;
      const reserved = Dec.max(ZERO, Dec.min(s.reserved ?? ZERO, s.quantity));
      const part = pass === 'free' ? s.quantity.minus(reserved) : reserved;
      if (!part.gt(0)) continue;
      const take = Dec.min(part, rest);
      taken.set(s.lot, (taken.get(s.lot) ?? ZERO).plus(take));
      if (pass === 'reserved') fromReserved = fromReserved.plus(take);
      rest = rest.minus(take);
    }
  }
  return {
    allocations: [...taken].map(([lot, quantity]) => ({ lot, quantity })),
    shortfall: rest.gt(0) ? rest : ZERO,
    skippedExpired: expired,
    fromReserved,
  };
}
