// Search codes of 8, 12, 13 or 14 digits are read as an EAN-8 / UPC-A / EAN-13 / GTIN-14 when scanned, so one
// with a wrong check digit could never be scanned: the forms refuse it at the field instead of storing a dead
// code. The arithmetic is the tokenizer's own (src/domain/barcode/gtin.ts, shared with the page as pure code).
import { gtinCheckDigit, isValidGtin } from '../../../../src/domain/barcode/gtin';

const GTIN = /^(\d{8}|\d{12,14})$/;

export type GtinKind = 'ean8' | 'upca' | 'ean13' | 'gtin14';
const KINDS: Record<number, GtinKind> = { 8: 'ean8', 12: 'upca', 13: 'ean13', 14: 'gtin14' };

/**
 * A code that is read as a GTIN when scanned but whose check digit is wrong: its kind and the digit it needs.
 * null for a valid GTIN and for anything that is not GTIN-shaped (item codes, Code 128 labels).
 */
export function gtinProblem(code: string): { kind: GtinKind; expected: string } | null {
  const c = code.trim();
  if (!GTIN.test(c) || isValidGtin(c)) return null;
  return { kind: KINDS[c.length]!, expected: String(gtinCheckDigit(c.slice(0, -1))) };
}

/** Digits of the item reference an EAN of `kind` leaves after the company prefix (0 when it does not fit). */
export function referenceDigits(kind: 'ean8' | 'ean13', prefix: string): number {
  return Math.max(0, (kind === 'ean8' ? 7 : 12) - prefix.length);
}

/** The next EAN the counter gives: prefix + zero-padded counter + check digit; null when it does not fit. */
export function nextEan(kind: 'ean8' | 'ean13', prefix: string, nextValue: string): string | null {
  const width = referenceDigits(kind, prefix);
  if (!/^\d+$/.test(prefix) || !/^\d+$/.test(nextValue) || width < 1 || nextValue.length > width) return null;
  const body = prefix + nextValue.padStart(width, '0');
  return body + String(gtinCheckDigit(body));
}
