// Lot proposals at issue time and availability checks (seed 002 "Lotti/matricole", "Controllo
// disponibilità"). FIFO takes the lot received first; FEFO the one expiring first; LEFO the one expiring
// last. Expiry-based orders skip lots expired at the posting date (the operator may still name one by
// hand); lots without expiry come last under both FEFO and LEFO, as in the ledger's automatic consumption
// (src/domain/ledger/lots.ts), so a proposal and the posting agree.
import { Dec, decText } from '../decimal.js';
import type { CheckMode, LotConsumption } from './types.js';

export interface LotStock {
  lot: string;
  /** On hand minus open reservations of the lot, in the primary unit. */
  available: Dec;
  expiryDate: string | null;
  /** First receipt of the lot in the warehouse (posting date), for FIFO. */
  firstReceipt: string | null;
}

export interface LotProposal { lines: { lot: string; quantity: string; expiryDate: string | null }[]; proposed: string; shortfall: string; skippedExpired: string[] }

function order(consumption: LotConsumption): (a: LotStock, b: LotStock) => number {
  const far = '9999-12-31';
  const tie = (a: LotStock, b: LotStock) => a.lot.localeCompare(b.lot);
  if (consumption === 'fifo') return (a, b) => (a.firstReceipt ?? far).localeCompare(b.firstReceipt ?? far) || tie(a, b);
  if (consumption === 'fefo') return (a, b) => (a.expiryDate ?? far).localeCompare(b.expiryDate ?? far) || tie(a, b);
  const near = '0000-01-01';
  return (a, b) => (b.expiryDate ?? near).localeCompare(a.expiryDate ?? near) || tie(a, b);
}

/** Expired at the posting date: the expiry must be after the posting date (seed: "successiva"). */
export const isExpired = (lot: Pick<LotStock, 'expiryDate'>, postingDate: string) => lot.expiryDate !== null && lot.expiryDate <= postingDate;

export function proposeLots(stock: LotStock[], quantity: Dec, consumption: LotConsumption, postingDate: string): LotProposal {
  const skippedExpired: string[] = [];
  const usable = stock.filter((s) => {
    if (!s.available.gt(0)) return false;
    if (consumption !== 'fifo' && isExpired(s, postingDate)) { skippedExpired.push(s.lot); return false; }
    return true;
  }).sort(order(consumption));
  let left = quantity;
  const lines: LotProposal['lines'] = [];
  for (const s of usable) {
    if (!left.gt(0)) break;
    const take = Dec.min(left, s.available);
    lines.push({ lot: s.lot, quantity: decText(take), expiryDate: s.expiryDate });
    left = left.minus(take);
  }
  return { lines, proposed: decText(quantity.minus(left)), shortfall: decText(left), skippedExpired: skippedExpired.sort() };
}

export interface Availability { mode: CheckMode; onHand: string; reserved: string; available: string; requested: string; sufficient: boolean; outcome: 'ok' | 'warning' | 'blocked' }

/** Availability = on hand − reserved (seed 002); the item's mode turns a shortage into a warning or a block. */
export function judgeAvailability(mode: CheckMode, onHand: Dec, reserved: Dec, requested: Dec): Availability {
  const available = onHand.minus(reserved);
  const sufficient = available.gte(requested);
  const outcome = sufficient || mode === 'none' ? 'ok' : mode === 'warning' ? 'warning' : 'blocked';
  return { mode, onHand: decText(onHand), reserved: decText(reserved), available: decText(available), requested: decText(requested), sufficient, outcome };
}
