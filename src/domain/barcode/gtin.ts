// GTIN arithmetic shared by the tokenizer and by other modules (item master data, label printing).
// The GS1 mod-10 check digit: weights 3,1,3,1… from the rightmost data digit; the check digit brings the
// weighted sum up to a multiple of ten. The same algorithm covers GTIN-8/12/13/14, SSCC, GLN, GSRN, GDTI…

const DIGITS = /^[0-9]+$/;

/** Check digit for the given digits (check digit not included). Throws RangeError on non-digits: a caller bug. */
export function gtinCheckDigit(digitsWithoutCheck: string): number {
  if (!DIGITS.test(digitsWithoutCheck)) {
    throw new RangeError(`gtinCheckDigit expects digits only, got "${digitsWithoutCheck}"`);
  }
  let sum = 0;
  let weight = 3;
  for (let i = digitsWithoutCheck.length - 1; i >= 0; i--) {
    sum += (digitsWithoutCheck.charCodeAt(i) - 48) * weight;
    weight = weight === 3 ? 1 : 3;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `s` is at least two digits and its last digit is the mod-10 check digit of the others. */
export function mod10Valid(s: string): boolean {
  if (typeof s !== 'string' || s.length < 2 || !DIGITS.test(s)) return false;
  return gtinCheckDigit(s.slice(0, -1)) === s.charCodeAt(s.length - 1) - 48;
}

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/** EAN-8, UPC-A (12), EAN-13 or GTIN-14 with a correct check digit. */
export function isValidGtin(s: string): boolean {
  return typeof s === 'string' && GTIN_LENGTHS.has(s.length) && mod10Valid(s);
}

/** The 14-digit form (left-padded with zeros) of a valid GTIN, or null. */
export function normaliseGtin(s: string): string | null {
  return isValidGtin(s) ? s.padStart(14, '0') : null;
}

/** EAN-13 from 12 digits (company prefix + item reference). Throws RangeError on anything else. */
export function makeEan13(companyPrefixAndCounter12digits: string): string {
  if (!/^[0-9]{12}$/.test(companyPrefixAndCounter12digits)) {
    throw new RangeError(`makeEan13 expects exactly 12 digits, got "${companyPrefixAndCounter12digits}"`);
  }
  return companyPrefixAndCounter12digits + String(gtinCheckDigit(companyPrefixAndCounter12digits));
}

/** EAN-8 from 7 digits. Throws RangeError on anything else. */
export function makeEan8(sevenDigits: string): string {
  if (!/^[0-9]{7}$/.test(sevenDigits)) {
    throw new RangeError(`makeEan8 expects exactly 7 digits, got "${sevenDigits}"`);
  }
  return sevenDigits + String(gtinCheckDigit(sevenDigits));
}
