// The availability check of manual issues and transfers (seed 002): available = on hand − open reservations
// in the warehouse (per owner), per item under the item's availability check and, for lines naming a lot, per
// lot under its lot availability check. none → not checked; warning → the posting goes through and the result
// carries the warning (an acknowledgeable warning is a result, not an exception); blocking → refused with
// ledger.not_available naming the item, the lot and the available quantity. Set-based: one statement.
import { Dec } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import { availabilityNeeds } from '../../domain/items/availability.js';
import { type Availability, judgeAvailability } from '../../domain/items/lots.js';
import type { CheckMode } from '../../domain/items/types.js';
import type { PostingLine } from '../../domain/ledger/index.js';
import type { Tx } from '../context.js';
import { loadAvailabilityChecks, sumAvailability } from './posting.repository.js';

export interface AvailabilityWarning {
  code: 'ledger.not_available';
  message: string;
  /** The first outgoing line of the item (or lot) in the warehouse, e.g. lines.0.quantity. */
  field: string;
  params: Omit<Availability, 'outcome' | 'sufficient'> & {
    itemId: string;
    itemCode: string;
    warehouseId: string;
    ownerId: string;
    lot: string | null;
  };
}

/** Checks the lines (after automatic lot allocation); throws on a blocking shortage, returns the warnings. */
export async function checkPostingAvailability(trx: Tx, lines: PostingLine[]): Promise<AvailabilityWarning[]> {
  const needs = availabilityNeeds(lines);
  if (needs.length === 0) return [];
  const items = await loadAvailabilityChecks(trx, [...new Set(needs.map((n) => n.itemId))]);
  const byId = new Map(items.map((i) => [String(i.id), i]));
  const modeOf = (n: (typeof needs)[number]): CheckMode => {
    const i = byId.get(n.itemId);
    return !i ? 'none' : n.scope === 'lot' ? i.lotAvailabilityCheck : i.availabilityCheck;
  };
  const checked = needs.map((n, i) => ({ ...n, i, mode: modeOf(n) })).filter((n) => n.mode !== 'none');
  if (checked.length === 0) return [];
  const figures = await sumAvailability(trx, checked);
  const warnings: AvailabilityWarning[] = [];
  for (const n of checked.sort((a, b) => a.lineIndex - b.lineIndex || a.i - b.i)) {
    const f = figures.get(n.i)!;
    const {
      outcome,
      sufficient: _,
      ...a
    } = judgeAvailability(n.mode, new Dec(f.onHand), new Dec(f.reserved), n.requested);
    if (outcome === 'ok') continue;
    const itemCode = byId.get(n.itemId)!.code;
    const what = n.lot === null ? `item ${itemCode}` : `lot ${n.lot} of item ${itemCode}`;
    const message = `${what}: ${a.requested} requested, ${a.available} available (on hand ${a.onHand}, reserved ${a.reserved})`;
    const field = `lines.${n.lineIndex}.quantity`;
    const params = { ...a, itemId: n.itemId, itemCode, warehouseId: n.warehouseId, ownerId: n.ownerId, lot: n.lot };
    if (outcome === 'blocked') {
      throw new DomainError(
        'ledger.not_available',
        `${message}; the ${n.lot === null ? '' : 'lot '}availability check is blocking`,
        { field, params },
      );
    }
    warnings.push({ code: 'ledger.not_available', message, field, params });
  }
  return warnings;
}
