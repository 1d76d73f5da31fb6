// Automatic item codes, generated barcodes and lot/serial codes (seed 002): a prefix and a zero-padded
// counter, plus for lots a date part. Pure: the service reads and advances the counters.
import { isValidGtin, makeEan13, makeEan8 } from '../barcode/index.js';
import { DomainError } from '../errors.js';
import { ITEM_CODE_MAX } from './item.js';

/** `prefix` + counter padded to `width` digits; a counter that no longer fits is exhausted, never widened. */
export function formatCounter(prefix: string, width: number, value: bigint, what: string, max = ITEM_CODE_MAX): string {
  const digits = value.toString();
  if (digits.length > width) {
    throw new DomainError(
      'coding.sequence_exhausted',
      `the ${what} counter reached ${digits}, more than its ${width} digits`,
      { params: { value: digits, width } },
    );
  }
  const code = prefix + digits.padStart(width, '0');
  if (code.length > max)
    throw new DomainError('coding.sequence_exhausted', `${what} ${code} is longer than ${max} characters`, {
      params: { code },
    });
  return code;
}

export type BarcodeKind = 'ean8' | 'ean13';
/** Payload digits before the check digit. */
const PAYLOAD: Record<BarcodeKind, number> = { ean8: 7, ean13: 12 };

/** A GS1 company prefix must leave room for at least one digit of item reference. */
export function checkCompanyPrefix(
  kind: BarcodeKind,
  prefix: string,
  field = 'companyPrefix',
): { prefix: string; width: number } {
  const len = PAYLOAD[kind];
  if (!/^\d+$/.test(prefix) || prefix.length < 2 || prefix.length > len - 1) {
    throw new DomainError('validation.failed', `${field} must be 2–${len - 1} digits for ${kind.toUpperCase()}`, {
      field,
    });
  }
  return { prefix, width: len - prefix.length };
}

/** The EAN for counter `value`: company prefix + item reference + check digit. */
export function makeBarcode(kind: BarcodeKind, prefix: string, value: bigint): string {
  const { width } = checkCompanyPrefix(kind, prefix);
  const payload = formatCounter(prefix, width, value, `${kind.toUpperCase()} item reference`);
  return kind === 'ean8' ? makeEan8(payload) : makeEan13(payload);
}

export type ItemCodeBarcodeType = 'ean8' | 'ean13' | 'upca' | 'gtin14' | 'code128' | 'code39';

/** "Item code is a barcode": the code itself must be a valid barcode of that type. */
export function checkCodeAsBarcode(code: string, type: ItemCodeBarcodeType, field = 'code'): void {
  const len: Partial<Record<ItemCodeBarcodeType, number>> = { ean8: 8, ean13: 13, upca: 12, gtin14: 14 };
  const n = len[type];
  const ok =
    n !== undefined
      ? code.length === n && isValidGtin(code)
      : // Code 128 carries ASCII 32–126; Code 39 upper-case letters, digits and - . $ / + % space.
        type === 'code128'
        ? /^[\x20-\x7e]{1,48}$/.test(code)
        : /^[0-9A-Z\-.$/+% ]{1,43}$/.test(code);
  if (!ok) {
    throw new DomainError(
      'coding.barcode_invalid',
      `${code} is not a valid ${type.toUpperCase()} barcode${n ? ` (${n} digits with a correct check digit)` : ''}`,
      {
        field,
        params: { type },
      },
    );
  }
}

export type LotDatePattern = 'none' | 'YYYY' | 'YYMM' | 'YYYYMM' | 'YYMMDD' | 'YYYYMMDD' | 'YYDDD';

/** The date part of a lot code from a `yyyy-mm-dd` date; YYDDD is the year and the day of the year (Julian). */
export function formatLotDate(pattern: LotDatePattern, date: string): string {
  const [y, m, d] = date.split('-') as [string, string, string];
  switch (pattern) {
    case 'none':
      return '';
    case 'YYYY':
      return y;
    case 'YYMM':
      return y.slice(2) + m;
    case 'YYYYMM':
      return y + m;
    case 'YYMMDD':
      return y.slice(2) + m + d;
    case 'YYYYMMDD':
      return y + m + d;
    case 'YYDDD': {
      const day = (Date.UTC(+y, +m - 1, +d) - Date.UTC(+y, 0, 1)) / 86_400_000 + 1;
      return y.slice(2) + String(day).padStart(3, '0');
    }
  }
}

export const LOT_CODE_MAX = 40;

/** Lot code: prefix + date part + counter, at most 40 characters (lots.code). */
export function makeLotCode(
  c: { prefix: string; datePattern: LotDatePattern; width: number },
  date: string,
  value: bigint,
): string {
  return formatCounter(c.prefix + formatLotDate(c.datePattern, date), c.width, value, 'lot class', LOT_CODE_MAX);
}
