// Closing a count list (SPEC §4.5): every item whose confirmed quantity differs from the target becomes a
// stock movement — a direct adjustment in unstructured warehouses, for serials and inside the differences
// zone itself, otherwise a transfer between the counted place and the warehouse's inventory-differences zone.
import { Dec, decText } from '../decimal.js';
import { DomainError } from '../errors.js';

export interface ClosingItem {
  id: string;
  itemId: string;
  warehouseId: string;
  warehouseKind: 'unstructured' | 'structured' | 'virtual';
  zoneId: string | null;
  binId: string | null;
  lot: string;
  serial: string;
  ownerId: string;
  target: string | null;
  reported: string;
  /** The inventory-differences zone of the warehouse, if it has one. */
  differencesZoneId: string | null;
  /** Price of quantity changes (weighted average on the stock-taking day, else the valuation price). */
  unitPrice: string;
  /** Why the count differs (docs/tolerances.md); carried onto the difference's ledger entries. */
  reasonCode?: string | null;
}

export interface MovementLine {
  itemId: string;
  warehouseId: string;
  zoneId?: string;
  binId?: string;
  lot?: string;
  serial?: string;
  ownerId: string;
  quantity: string;
  unitPrice?: string;
  /** Both lines of one difference's transfer share it: one difference, one transfer group in the ledger. */
  transferPair?: string;
  reasonCode?: string;
}

export interface ClosingPlan {
  adjustments: MovementLine[];
  transfers: MovementLine[];
  /**
   * What each count-list item posts (0 when no difference), and through which posting: the adjustments and
   * the transfers go to the ledger as two postings, and either may be parked on its own.
   */
  posted: Array<{
    id: string;
    postedQuantity: string;
    unitPrice: string | null;
    via: 'adjustment' | 'transfer' | null;
  }>;
}

function line(
  i: ClosingItem,
  quantity: Dec,
  place: { zoneId: string | null; binId: string | null },
  withPrice: boolean,
): MovementLine {
  return {
    itemId: i.itemId,
    warehouseId: i.warehouseId,
    ...(place.zoneId ? { zoneId: place.zoneId } : {}),
    ...(place.binId ? { binId: place.binId } : {}),
    ...(i.lot ? { lot: i.lot } : {}),
    ...(i.serial ? { serial: i.serial } : {}),
    ownerId: i.ownerId,
    quantity: decText(quantity),
    // Only incoming adjustments carry a price: outgoing stock leaves at the moving average, and a transfer
    // moves value at the average on both sides (the ledger refuses prices there).
    ...(withPrice && quantity.isPositive() ? { unitPrice: i.unitPrice } : {}),
    ...(i.reasonCode ? { reasonCode: i.reasonCode } : {}),
  };
}

export function planClosing(items: readonly ClosingItem[]): ClosingPlan {
  const plan: ClosingPlan = { adjustments: [], transfers: [], posted: [] };
  for (const i of items) {
    const diff = new Dec(i.reported).minus(i.target ?? '0');
    if (diff.isZero()) {
      plan.posted.push({ id: i.id, postedQuantity: '0', unitPrice: null, via: null });
      continue;
    }
    const direct =
      i.warehouseKind !== 'structured' ||
      i.serial !== '' ||
      (i.differencesZoneId !== null && i.zoneId === i.differencesZoneId);
    plan.posted.push({
      id: i.id,
      postedQuantity: decText(diff),
      unitPrice: i.unitPrice,
      via: direct ? 'adjustment' : 'transfer',
    });
    if (direct) {
      plan.adjustments.push(line(i, diff, i, true));
      continue;
    }
    if (i.differencesZoneId === null) {
      throw new DomainError(
        'place.differences_zone_missing',
        `warehouse ${i.warehouseId} is structured but has no zone with usage "inventory differences" to take the difference`,
        {
          params: { warehouseId: i.warehouseId, countListItemId: i.id },
        },
      );
    }
    // Counted more than expected: the surplus comes out of the differences zone, and the other way round.
    plan.transfers.push(
      { ...line(i, diff, i, false), transferPair: i.id },
      { ...line(i, diff.negated(), { zoneId: i.differencesZoneId, binId: null }, false), transferPair: i.id },
    );
  }
  return plan;
}
