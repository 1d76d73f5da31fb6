// The one JSON shape every scan decodes to. Everything here is plain data so the API layer can return it
// unchanged and the UI can rely on a single contract.

/** Closed set of decode error codes. Adding a code is an API change: extend this list deliberately. */
export const BARCODE_ERROR_CODES = [
  'barcode.bad_check_digit',
  'barcode.unknown_ai',
  'barcode.too_long',
  'barcode.too_short',
  'barcode.missing_separator',
  'barcode.invalid_date',
  'barcode.invalid_character',
  'barcode.empty_value',
  'barcode.empty_data',
  'barcode.unknown_symbology',
  'barcode.bad_length',
  'barcode.no_rule_matched',
] as const;

export type BarcodeErrorCode = (typeof BARCODE_ERROR_CODES)[number];

export interface BarcodeError {
  code: BarcodeErrorCode;
  /** Clear English naming the AI (or rule) and what was broken. */
  message: string;
  /** The application identifier concerned, when the error belongs to one. */
  ai?: string;
  /** 0-based index into the text given to `decodeBarcode` (symbology identifier included). */
  position?: number;
}

export type Symbology =
  | 'gs1-128'
  | 'gs1-datamatrix'
  | 'gs1-qr'
  | 'gs1-databar'
  | 'gs1-dotcode'
  | 'ean-13'
  | 'ean-8'
  | 'upc-a'
  | 'itf-14'
  | 'code128'
  | 'datamatrix'
  | 'qr'
  | null;

export interface Gs1Element {
  ai: string;
  /** GS1 data title, e.g. "USE BY or EXPIRY". */
  title: string;
  /** The value exactly as encoded. */
  raw: string;
  /** Interpreted value where GS1 defines one: ISO date, date-time, interval, or exact decimal string. */
  value?: string;
  /** ISO 4217 numeric currency code for AIs 391n and 393n (the amount is in `value`). */
  currency?: string;
}

/** Well-known values pulled out of the elements (or out of a user rule), ready for inventory use. */
export interface BarcodeFields {
  gtin?: string;
  sscc?: string;
  lot?: string;
  serial?: string;
  expiry?: string;
  bestBefore?: string;
  sellBy?: string;
  productionDate?: string;
  packDate?: string;
  dueDate?: string;
  variant?: string;
  /** Exact decimal string: count of items from AI 30 or 37, or a rule's quantity field. */
  quantity?: string;
  /** Same number as `quantity` when it came from AI 30/37 (a count, never a measure). */
  count?: string;
  netWeightKg?: string;
  grossWeightKg?: string;
  price?: string;
  priceCurrency?: string;
  grai?: string;
  giai?: string;
  itemCode?: string;
  bin?: string;
}

export interface DecodeSuccess {
  ok: true;
  symbology: Symbology;
  type: 'gtin' | 'gs1' | 'plain' | 'rule';
  gtin14?: string;
  elements: Gs1Element[];
  fields: BarcodeFields;
  /** Name of the user rule that matched (type "rule"). */
  rule?: string;
  /** The scanned content without symbology identifier (types "plain" and "rule"). */
  data?: string;
}

export interface DecodeFailure {
  ok: false;
  error: BarcodeError;
}

export type DecodeResult = DecodeSuccess | DecodeFailure;

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: BarcodeError };

export function fail(
  code: BarcodeErrorCode,
  message: string,
  extra: { ai?: string; position?: number } = {},
): { ok: false; error: BarcodeError } {
  const error: BarcodeError = { code, message };
  if (extra.ai !== undefined) error.ai = extra.ai;
  if (extra.position !== undefined) error.position = extra.position;
  return { ok: false, error };
}

/** ASCII 29, the group separator scanners send for FNC1. */
export const GS = '\u001d';
