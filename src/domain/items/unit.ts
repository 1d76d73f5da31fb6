// Units of measure: decimals per unit and the item conversions `secondary = primary x F` / `secondary =
// primary \ F` (seed 002). A quantity typed in another unit is converted to the primary unit exactly with
// Dec; a conversion that would need rounding is refused, because a count must never change by rounding.
import { Dec, parseDecimal } from '../decimal.js';
import { DomainError } from '../errors.js';

export type ConversionOp = 'x' | '\\';

export interface Conversion {
  /** `x`: one unit of this kind is F primary units (S10 = PZ x 10); `\`: it is primary / F (g = kg \ 1000). */
  op: ConversionOp;
  /** Positive exact factor, as Dec or decimal text. */
  factor: Dec | string;
}

export interface UnitRule {
  code: string;
  /** Decimals allowed in quantities of this unit (0–6). */
  decimals: number;
}

export const UNIT_CODE = /^[A-Za-z0-9_%]{1,10}$/;
export const MAX_UNIT_DECIMALS = 6;

/** The identity conversion (the main search code, a search code in the primary unit). */
export const IDENTITY: Conversion = { op: 'x', factor: '1' };

function factorOf(conversion: Conversion, field: string): Dec {
  const f = typeof conversion.factor === 'string' ? parseDecimal(conversion.factor, field) : conversion.factor;
  if (!f.isFinite() || f.lte(0)) {
    throw new DomainError('unit.conversion_invalid', `${field} must be a positive number`, { field });
  }
  return f;
}

/** Validates an op/factor pair as it comes from a client, naming the fields. */
export function checkConversion(
  op: unknown,
  factor: unknown,
  fields = { op: 'conversionOp', factor: 'conversionFactor' },
): Conversion {
  if (op !== 'x' && op !== '\\') {
    throw new DomainError('unit.conversion_invalid', `${fields.op} must be "x" (multiply) or "\\" (divide)`, {
      field: fields.op,
    });
  }
  const f = factorOf({ op, factor: factor as string }, fields.factor);
  return { op, factor: f };
}

/** Refuses a quantity with more decimals than its unit allows, naming the field. */
export function checkDecimals(qty: Dec, unit: UnitRule, field = 'quantity'): Dec {
  if (qty.decimalPlaces() > unit.decimals) {
    throw new DomainError(
      'quantity.too_many_decimals',
      `${field} ${qty.toFixed()} has more than ${unit.decimals} decimal(s), the most unit ${unit.code} allows`,
      { field, params: { unit: unit.code, decimals: unit.decimals } },
    );
  }
  return qty;
}

/** Parses decimal text and checks it against the unit's decimals. */
export function parseQuantity(text: unknown, unit: UnitRule, field = 'quantity'): Dec {
  return checkDecimals(parseDecimal(text, field), unit, field);
}

/**
 * Converts `qty` expressed in a unit with `conversion` to the primary unit: `x` multiplies, `\` divides.
 * Exact: a division that does not terminate (1 \ 3) is refused rather than rounded. With `primary`, the
 * result must also fit the primary unit's decimals (3 PK of PZ \ 2 = 1.5 PZ is refused when PZ has 0).
 */
export function convertToPrimary(qty: Dec, conversion: Conversion, primary?: UnitRule, field = 'quantity'): Dec {
  const f = factorOf(conversion, 'conversionFactor');
  const result = conversion.op === 'x' ? qty.times(f) : qty.dividedBy(f);
  // Dec has 40 significant digits; a division that lost digits does not multiply back exactly.
  if (conversion.op === '\\' && !result.times(f).eq(qty)) {
    throw new DomainError(
      'unit.not_convertible',
      `${field} ${qty.toFixed()} divided by ${f.toFixed()} is not an exact decimal`,
      {
        field,
        params: { factor: f.toFixed() },
      },
    );
  }
  if (primary && result.decimalPlaces() > primary.decimals) {
    throw new DomainError(
      'unit.not_convertible',
      `${field} ${qty.toFixed()} converts to ${result.toFixed()} ${primary.code}, more than the ${primary.decimals} decimal(s) ${primary.code} allows`,
      { field, params: { result: result.toFixed(), unit: primary.code, decimals: primary.decimals } },
    );
  }
  return result;
}

/** The inverse: a primary-unit quantity expressed in the other unit (for display; exact or refused). */
export function convertFromPrimary(qty: Dec, conversion: Conversion, field = 'quantity'): Dec {
  const inverse: Conversion = { op: conversion.op === 'x' ? '\\' : 'x', factor: conversion.factor };
  return convertToPrimary(qty, inverse, undefined, field);
}

/** `S10 = PZ x 10` — the way the seed writes a conversion. */
export function formatConversion(unit: string, primaryUnit: string, conversion: Conversion): string {
  const f = typeof conversion.factor === 'string' ? conversion.factor : conversion.factor.toFixed();
  return `${unit} = ${primaryUnit} ${conversion.op} ${f}`;
}

const FORMULA = /^\s*([A-Za-z0-9_%]{1,10})\s*=\s*([A-Za-z0-9_%]{1,10})\s*([x\\])\s*(\d{1,20}(?:\.\d{1,12})?)\s*$/;

/** Parses `kg = g x 1000` into its parts; the inverse of formatConversion. */
export function parseConversionFormula(
  text: string,
  field = 'conversion',
): { unit: string; primaryUnit: string; conversion: Conversion } {
  const m = FORMULA.exec(text);
  if (!m) {
    throw new DomainError('unit.conversion_invalid', `${field} must read like "S10 = PZ x 10" or "g = kg \\ 1000"`, {
      field,
    });
  }
  const [, unit, primaryUnit, op, factor] = m as unknown as [string, string, string, ConversionOp, string];
  if (unit === primaryUnit) {
    throw new DomainError('unit.conversion_invalid', `${field}: a unit cannot be converted to itself`, { field });
  }
  return { unit, primaryUnit, conversion: { op, factor: factorOf({ op, factor }, field) } };
}
