// Plans a posting against the stock it finds: values every line at the moving average, computes the new
// balance of every position and the new valuations, and refuses negative stock and serials other than 0/1.
// Pure: the service loads balances and valuations (locked), calls this, and writes what it returns.
import { Dec, ZERO } from '../decimal.js';
import { DomainError } from '../errors.js';
import {
  type ItemFacts,
  type KeyKind,
  type PostingLine,
  type WarehouseFacts,
  type ZoneFacts,
  positionKey,
} from './posting.js';
import { type Valuation, valueMovement } from './valuation.js';

export interface PlanInput {
  kind: KeyKind;
  lines: PostingLine[];
  items: Map<string, ItemFacts>;
  warehouses: Map<string, WarehouseFacts>;
  /** Zones of the lines; needed to know the inventory-differences zones, which may go negative. */
  zones?: Map<string, ZoneFacts> | undefined;
  /** Quantity on hand per position (positionKey) before the posting; missing = 0. */
  balances: Map<string, Dec>;
  /** Valuation per valuationKey(item, warehouse|null) before the posting; missing = nothing on hand. */
  valuations: Map<string, Valuation>;
}

export interface PlannedEntry {
  line: PostingLine;
  value: Dec;
  unitPrice: Dec;
}

export interface BalanceChange {
  key: string;
  itemId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: string;
  serial: string;
  ownerId: string;
  before: Dec;
  delta: Dec;
  after: Dec;
  /** Quantity-changing lines at this position (feeds the movement-count threshold of count-list generation). */
  movements: number;
  /** Whether the position held stock at any moment during the posting. */
  everNonzero: boolean;
  /** The first line touching the position, named in errors. */
  lineIndex: number;
}

export interface ValuationChange {
  itemId: string;
  /** null: the item-wide valuation that prices every movement. */
  warehouseId: string | null;
  before: Valuation;
  after: Valuation;
}

export interface Plan {
  entries: PlannedEntry[];
  balances: BalanceChange[];
  valuations: ValuationChange[];
}

export const valuationKey = (itemId: string, warehouseId: string | null): string => `${itemId}|${warehouseId ?? ''}`;
const EMPTY: Valuation = { quantity: ZERO, average: ZERO };

export function planPosting(input: PlanInput): Plan {
  const vals = new Map<string, ValuationChange>();
  const valuationOf = (itemId: string, warehouseId: string | null): ValuationChange => {
    const k = valuationKey(itemId, warehouseId);
    let v = vals.get(k);
    if (!v) {
      const before = input.valuations.get(k) ?? EMPTY;
      v = { itemId, warehouseId, before, after: before };
      vals.set(k, v);
    }
    return v;
  };
  const positions = new Map<string, BalanceChange>();
  const entries: PlannedEntry[] = [];
  for (const line of input.lines) {
    const field = `lines.${line.index}.value`;
    const itemWide = valuationOf(line.itemId, null);
    // A transfer is value-neutral: every line, in or out, at the item's average before the posting.
    const price = input.kind === 'transfer' ? itemWide.before.average : line.unitPrice;
    const valued = valueMovement(itemWide.after, line.quantity, price, line.value, field);
    itemWide.after = valued.after;
    const perWarehouse = valuationOf(line.itemId, line.warehouseId);
    // The warehouse row follows the same movement at the same value, so it never disagrees with the item.
    perWarehouse.after = line.quantity.lt(0)
      ? { quantity: perWarehouse.after.quantity.plus(line.quantity), average: perWarehouse.after.average }
      : warehouseAfter(perWarehouse.after, line.quantity, valued.value);
    entries.push({ line, value: valued.value, unitPrice: valued.unitPrice });
    if (line.quantity.isZero()) continue;
    const key = positionKey(line);
    let p = positions.get(key);
    if (!p) {
      const before = input.balances.get(key) ?? ZERO;
      p = {
        key,
        itemId: line.itemId,
        warehouseId: line.warehouseId,
        zoneId: line.zoneId,
        binId: line.binId,
        lot: line.lot,
        serial: line.serial,
        ownerId: line.ownerId,
        before,
        delta: ZERO,
        after: before,
        movements: 0,
        everNonzero: !before.isZero(),
        lineIndex: line.index,
      };
      positions.set(key, p);
    }
    p.delta = p.delta.plus(line.quantity);
    p.after = p.after.plus(line.quantity);
    p.movements += 1;
    if (!p.after.isZero()) p.everNonzero = true;
  }
  for (const p of positions.values()) checkPosition(p, input);
  return { entries, balances: [...positions.values()], valuations: [...vals.values()] };
}

/**
 * The warehouse row takes the same value as the item. A value adjustment sized for the whole item may exceed
 * one warehouse's stock value; the item-wide average is what prices movements, so that warehouse keeps its average.
 */
function warehouseAfter(v: Valuation, quantity: Dec, value: Dec): Valuation {
  try {
    return valueMovement(v, quantity, null, value).after;
  } catch {
    return { quantity: v.quantity.plus(quantity), average: v.average };
  }
}

/**
 * Negative stock is allowed where the whole warehouse allows it, and always in the inventory-differences zone:
 * that zone is a clearing account — a surplus counted in a structured warehouse is transferred out of it
 * before any shortage has been transferred in, so its balance dips below zero by design (SPEC §4.5).
 */
export function mayGoNegative(
  p: Pick<BalanceChange, 'zoneId'>,
  wh: WarehouseFacts | undefined,
  input: Pick<PlanInput, 'zones'>,
): boolean {
  if (wh?.allowNegative) return true;
  return p.zoneId !== null && input.zones?.get(p.zoneId)?.usage === 'inventory_differences';
}

function checkPosition(p: BalanceChange, input: PlanInput): void {
  const item = input.items.get(p.itemId);
  const wh = input.warehouses.get(p.warehouseId);
  const line = { index: p.lineIndex };
  const where = {
    itemId: p.itemId,
    itemCode: item?.code,
    warehouseId: p.warehouseId,
    warehouseCode: wh?.code,
    zoneId: p.zoneId,
    binId: p.binId,
    lot: p.lot,
    serial: p.serial,
    ownerId: p.ownerId,
  };
  if (p.serial !== '' && !p.after.isZero() && !p.after.eq(1)) {
    throw new DomainError(
      'ledger.serial_quantity',
      `serial ${p.serial} of item ${item?.code ?? p.itemId} would have quantity ${p.after.toFixed()}; a serial is either in stock (1) or not (0)`,
      {
        field: `lines.${line.index}.quantity`,
        params: { ...where, quantity: p.after.toFixed() },
      },
    );
  }
  if (p.delta.lt(0) && p.after.lt(0) && !mayGoNegative(p, wh, input)) {
    const place = [
      wh?.code ?? p.warehouseId,
      p.zoneId && `zone ${p.zoneId}`,
      p.binId && `bin ${p.binId}`,
      p.lot && `lot ${p.lot}`,
    ]
      .filter(Boolean)
      .join(', ');
    throw new DomainError(
      'ledger.negative_stock',
      `item ${item?.code ?? p.itemId} at ${place}: ${p.delta.neg().toFixed()} requested, ${p.before.toFixed()} available; warehouse ${wh?.code ?? p.warehouseId} does not allow negative stock`,
      {
        field: `lines.${line.index}.quantity`,
        params: { ...where, available: p.before.toFixed(), requested: p.delta.neg().toFixed() },
      },
    );
  }
}

/** Sum of a posting's values: 0 for a transfer (it only moves stock). */
export function postingValue(plan: Plan): Dec {
  return plan.entries.reduce((s, e) => s.plus(e.value), new Dec(0));
}
