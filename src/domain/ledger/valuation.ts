// Moving average valuation (SPEC §3). Receipts move the average: avg' = (q·avg + Δq·price) / (q + Δq);
// issues leave it unchanged and are valued at it. Prices keep PRICE_SCALE decimals, line values are money
// and keep VALUE_SCALE decimals (rounded half up), so the ledger sums exactly.
// Signs are tested with gt(0)/lt(0): decimal.js isPositive() is true for 0.
import { Dec, ZERO } from '../decimal.js';
import { DomainError } from '../errors.js';

export const PRICE_SCALE = 6;
export const VALUE_SCALE = 2;

export interface Valuation {
  quantity: Dec;
  average: Dec;
}

export interface Valued {
  /** Signed value of the movement (money). */
  value: Dec;
  /** Price per unit the movement was valued at. */
  unitPrice: Dec;
  after: Valuation;
}

const money = (d: Dec): Dec => d.toDecimalPlaces(VALUE_SCALE, Dec.ROUND_HALF_UP);
const price = (d: Dec): Dec => d.toDecimalPlaces(PRICE_SCALE, Dec.ROUND_HALF_UP);

/**
 * Values one movement against a valuation. `explicitPrice`/`explicitValue` apply to incoming movements and
 * value adjustments only; without them an incoming movement is valued at the current average (value-neutral).
 */
export function valueMovement(
  v: Valuation,
  quantity: Dec,
  explicitPrice: Dec | null,
  explicitValue: Dec | null,
  field = 'value',
): Valued {
  if (quantity.lt(0)) {
    // Issues never change the average; they take value out at it.
    return {
      value: money(quantity.times(v.average)),
      unitPrice: v.average,
      after: { quantity: v.quantity.plus(quantity), average: v.average },
    };
  }
  if (quantity.isZero()) {
    const value = money(explicitValue ?? ZERO);
    // A value adjustment spreads over the stock on hand; with nothing on hand there is nothing to revalue.
    if (!v.quantity.gt(0)) return { value, unitPrice: ZERO, after: v };
    const average = price(v.quantity.times(v.average).plus(value).div(v.quantity));
    if (average.lt(0)) {
      throw new DomainError(
        'validation.failed',
        `the value adjustment of ${value.toFixed()} exceeds the stock value and would make the average price negative`,
        { field },
      );
    }
    return { value, unitPrice: ZERO, after: { quantity: v.quantity, average } };
  }
  const unitPrice = explicitValue ? price(explicitValue.div(quantity)) : (explicitPrice ?? v.average);
  const value = explicitValue ? money(explicitValue) : money(quantity.times(unitPrice));
  const total = v.quantity.plus(quantity);
  let average: Dec;
  if (!total.gt(0)) {
    // Stock stays at or below zero: there is no stock to average over, the receipt price is the best estimate.
    average = price(unitPrice);
  } else {
    average = price(v.quantity.times(v.average).plus(value).div(total));
    // After negative stock a cheap receipt could drive the formula below zero; fall back to the receipt price.
    if (average.lt(0)) average = price(unitPrice);
  }
  return { value, unitPrice, after: { quantity: total, average } };
}
