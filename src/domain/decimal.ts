// Exact decimal arithmetic for quantities and money. decimal.js with a private configuration so no other
// library can change precision or rounding under us. Never convert a quantity to `number`.
import { Decimal as DecimalJs } from 'decimal.js';
import { DomainError } from './errors.js';

export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

const DECIMAL_TEXT = /^-?\d{1,20}(\.\d{1,12})?$/;

/** Parses a decimal string as sent by a client or read from `numeric`. Rejects exponents, spaces, NaN. */
export function parseDecimal(text: unknown, field = 'quantity'): Dec {
  if (typeof text === 'number') {
    // JSON numbers are accepted only when they are integers written exactly; fractions must be strings.
    if (Number.isSafeInteger(text)) return new Dec(text);
    throw new DomainError('quantity.invalid', `${field} must be a decimal string such as "12.5", not a binary number`, {
      field,
    });
  }
  if (typeof text !== 'string' || !DECIMAL_TEXT.test(text)) {
    throw new DomainError(
      'quantity.invalid',
      `${field} must be a decimal number with at most 12 decimals, e.g. "12.5"`,
      { field },
    );
  }
  return new Dec(text);
}

/** Canonical text for storage and JSON: no exponent, trailing zeros removed ("1.500" → "1.5"). */
export function decText(d: Dec): string {
  const s = d.toFixed();
  return s === '-0' ? '0' : s;
}

/** Fixed-scale text ("8" → "8.00"), for money shown to people. */
export function decFixed(d: Dec, scale: number): string {
  return d.toFixed(scale);
}

export function decimalsOf(d: Dec): number {
  return d.decimalPlaces();
}

export const ZERO = new Dec(0);
