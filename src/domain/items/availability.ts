// Availability check of a posting (seed 002 "Controllo disponibilità" / "Disponibilità lotti"): what a posting
// takes out of each warehouse, per item and — where the posting names a lot — per lot. Net per scope, so a
// transfer between bins of one warehouse takes nothing out of it; the service measures on hand − reserved
// for each need and judges it with judgeAvailability under the item's mode (lot needs: the lot mode).
import { type Dec, ZERO } from '../decimal.js';

/** The fields of a parsed posting line the check needs (domain/ledger PostingLine fits). */
export interface NeedLine {
  index: number;
  itemId: string;
  warehouseId: string;
  ownerId: string;
  lot: string;
  quantity: Dec;
}

export interface AvailabilityNeed {
  /** 'item': all stock of the item in the warehouse (availability check); 'lot': one lot (lot availability check). */
  scope: 'item' | 'lot';
  itemId: string;
  warehouseId: string;
  ownerId: string;
  /** The lot of a 'lot' need; null for an 'item' need. */
  lot: string | null;
  /** Net quantity leaving (positive). */
  requested: Dec;
  /** The first outgoing line of the scope, named in warnings and errors. */
  lineIndex: number;
}

/** Net outflow per item × warehouse × owner, and per lot for lines naming one; scopes with no net outflow are left out. */
export function availabilityNeeds(lines: NeedLine[]): AvailabilityNeed[] {
  const needs = new Map<string, AvailabilityNeed & { net: Dec; first: number | null }>();
  const add = (scope: 'item' | 'lot', l: NeedLine) => {
    const lot = scope === 'lot' ? l.lot : null;
    const k = JSON.stringify([scope, l.itemId, l.warehouseId, l.ownerId, lot]);
    const n = needs.get(k) ?? {
      scope,
      itemId: l.itemId,
      warehouseId: l.warehouseId,
      ownerId: l.ownerId,
      lot,
      requested: ZERO,
      lineIndex: l.index,
      net: ZERO,
      first: null,
    };
    n.net = n.net.plus(l.quantity);
    if (n.first === null && l.quantity.lt(0)) n.first = l.index;
    needs.set(k, n);
  };
  for (const l of lines) {
    add('item', l);
    if (l.lot !== '') add('lot', l);
  }
  return [...needs.values()]
    .filter((n) => n.net.lt(0))
    .map(({ net, first, ...n }) => ({ ...n, requested: net.neg(), lineIndex: first ?? n.lineIndex }));
}
