// Lot proposals at issue time and availability checks (seed 002 "Lotti/matricole", "Controllo
// disponibilità"). The consumption order and the expiry rule are the ledger's own (domain/ledger/lots.ts):
// the proposal and the ledger's automatic consumption call the same functions, so they agree on every lot,
// including one expiring on the posting date (not usable: the expiry must be *after* the posting date).
import { Dec, decText } from '../decimal.js';
import { allocateLots } from '../ledger/lots.js';
import type { CheckMode, LotConsumption } from './types.js';

export interface LotStock {
  lot: string;
  /** On hand minus open reservations of the lot, in the primary unit. */
  available: Dec;
  expiryDate: string | null;
  /** First receipt of the lot in the warehouse (posting date), for FIFO. */
  firstReceipt: string | null;
}

export interface LotProposal {
  lines: { lot: string; quantity: string; expiryDate: string | null }[];
  proposed: string;
  shortfall: string;
  skippedExpired: string[];
}

export function proposeLots(
  stock: LotStock[],
  quantity: Dec,
  consumption: LotConsumption,
  postingDate: string,
): LotProposal {
  const lots = stock.map((s) => ({
    lot: s.lot,
    quantity: s.available,
    expiryDate: s.expiryDate,
    firstReceipt: s.firstReceipt,
  }));
  const { allocations, shortfall, skippedExpired } = allocateLots(quantity, lots, consumption, postingDate);
  const expiry = new Map(stock.map((s) => [s.lot, s.expiryDate]));
  return {
    lines: allocations.map((a) => ({
      lot: a.lot,
      quantity: decText(a.quantity),
      expiryDate: expiry.get(a.lot) ?? null,
    })),
    proposed: decText(quantity.minus(shortfall)),
    shortfall: decText(shortfall),
    skippedExpired,
  };
}

export interface Availability {
  mode: CheckMode;
  onHand: string;
  reserved: string;
  available: string;
  requested: string;
  sufficient: boolean;
  outcome: 'ok' | 'warning' | 'blocked';
}

/** Availability = on hand − reserved (seed 002); the item's mode turns a shortage into a warning or a block. */
export function judgeAvailability(mode: CheckMode, onHand: Dec, reserved: Dec, requested: Dec): Availability {
  const available = onHand.minus(reserved);
  const sufficient = available.gte(requested);
  const outcome = sufficient || mode === 'none' ? 'ok' : mode === 'warning' ? 'warning' : 'blocked';
  return {
    mode,
    onHand: decText(onHand),
    reserved: decText(reserved),
    available: decText(available),
    requested: decText(requested),
    sufficient,
    outcome,
  };
}
