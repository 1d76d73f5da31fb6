// The valued differences report: per count-list item the difference between what was
// counted and the target, valued at the posting price closing uses (or, once closed, at what the ledger
// actually posted), the difference as a percentage of the target, and totals. Pure: the repository mirrors
// these formulas in SQL only to sort, filter and total large inventories; tests hold the two together.
import { Dec, decText } from '../decimal.js';

/** Sort keys of the report. */
export const DIFFERENCE_SORTS = ['item', 'place', 'difference', 'value', 'absValue', 'percent'] as const;
export type DifferenceSort = (typeof DIFFERENCE_SORTS)[number];

/** Money is rounded to this many decimals (as closing's value adjustments are). */
export const VALUE_SCALE = 2;
/** Percentages are rounded to this many decimals. */
export const PERCENT_SCALE = 2;

/** Counted − target (a missing target is 0); null while the item is not reported. */
export function differenceOf(target: string | null, counted: string | null): string | null {
  if (counted === null) return null;
  return decText(new Dec(counted).minus(target ?? '0'));
}

/** The difference valued at a unit price, rounded half away from zero to VALUE_SCALE. */
export function differenceValue(difference: string, unitPrice: string): string {
  return decText(new Dec(difference).times(unitPrice).toDecimalPlaces(VALUE_SCALE));
}

/** The difference in percent of the target; null when there is no target to relate it to (null or 0). */
export function percentOf(difference: string | null, target: string | null): string | null {
  if (difference === null || target === null || new Dec(target).isZero()) return null;
  return decText(new Dec(difference).times(100).dividedBy(target).toDecimalPlaces(PERCENT_SCALE));
}

export interface DifferenceInput {
  target: string | null;
  counted: string | null;
  /** The price closing posts the difference at (recorded on the item once closed, else as closing would take it). */
  plannedPrice: string;
  /** What the ledger holds for the item's closing posting (its own position's entries), if any. */
  ledger: { value: string; unitPrice: string } | null;
}

export interface DifferenceValues {
  difference: string | null;
  unitPrice: string;
  value: string | null;
  percent: string | null;
}

/**
 * One line's values. Once the ledger has the posting, its value and price are the truth (an issue leaves at
 * the moving average of that moment, which the plan could not know); before, the planned price applies.
 */
export function differenceValues(i: DifferenceInput): DifferenceValues {
  const difference = differenceOf(i.target, i.counted);
  const unitPrice = i.ledger ? i.ledger.unitPrice : i.plannedPrice;
  const value =
    difference === null ? null : i.ledger ? decText(new Dec(i.ledger.value)) : differenceValue(difference, unitPrice);
  return { difference, unitPrice: decText(new Dec(unitPrice)), value, percent: percentOf(difference, i.target) };
}

export interface DifferenceTotals {
  lines: number;
  /** Lines with a difference ≠ 0. */
  differenceLines: number;
  positiveValue: string;
  negativeValue: string;
  netValue: string;
}

/** Totals of valued lines: surpluses, shortages and their net (unreported lines count as lines only). */
export function totalsOf(lines: ReadonlyArray<{ difference: string | null; value: string | null }>): DifferenceTotals {
  let pos = new Dec(0);
  let neg = new Dec(0);
  let differenceLines = 0;
  for (const l of lines) {
    if (l.difference !== null && !new Dec(l.difference).isZero()) differenceLines++;
    if (l.value === null) continue;
    const v = new Dec(l.value);
    if (v.isNegative()) neg = neg.plus(v);
    else pos = pos.plus(v);
  }
  return {
    lines: lines.length,
    differenceLines,
    positiveValue: decText(pos),
    negativeValue: decText(neg),
    netValue: decText(pos.plus(neg)),
  };
}

/**
 * One CSV field: quoted when it holds the separator (',' or ';'), a quote or a line break; text that a
 * spreadsheet would run as a formula is neutralised.
 */
export function csvField(v: string | null, text = false, separator: ',' | ';' = ','): string {
  if (v === null) return '';
  const s = text && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return s.includes(separator) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface DifferenceThresholds {
  /** |value| ≥ minValue. */
  minValue?: string | undefined;
  /** |percent| ≥ minPercent; a difference on a target of 0 (no percentage) always passes. */
  minPercent?: string | undefined;
}

/**
 * Whether a line passes the report's thresholds (the repository writes the same rule in SQL). A line without
 * a value (not reported) never passes a threshold; a found item (difference on a target of 0) has no
 * percentage and is an unbounded deviation, so it passes any percent threshold.
 */
export function passesThresholds(
  l: { difference: string | null; value: string | null; percent: string | null },
  t: DifferenceThresholds,
): boolean {
  if (t.minValue !== undefined && (l.value === null || new Dec(l.value).abs().lessThan(t.minValue))) return false;
  if (t.minPercent !== undefined) {
    if (l.difference === null || new Dec(l.difference).isZero()) return false;
    if (l.percent !== null && new Dec(l.percent).abs().lessThan(t.minPercent)) return false;
  }
  return true;
}
