// The product's own barcode tokenizer (src/domain/barcode: pure, no I/O) run on the device, so the handheld
// reads a label exactly as the server does — lot, serial, expiry and count from GS1 AIs — and says at once
// when a label is broken (a wrong check digit, a bad date), offline too. The site's in-house rules stay on
// the server: a code they would read is looked up there when online.
import { ApiError } from '../api/client';
import { decodeBarcode } from '../../../src/domain/barcode/index';
import type { BarcodeFields } from '../../../src/domain/barcode/types';

export type LabelReading =
  { ok: true; fields: BarcodeFields; gtin: string | undefined } | { ok: false; error: ApiError };

export function readLabel(raw: string, referenceYear: number): LabelReading {
  const bare = raw.replace(/\r?\n$|\r$/, '');
  // Bare digits of a GTIN length are a GTIN on a handheld, as on the server (scan.service's identify).
  const assume = /^(\d{8}|\d{12,14})$/.test(bare) ? ('gtin' as const) : undefined;
  const r = decodeBarcode(bare, { referenceYear, ...(assume ? { assume } : {}) });
  if (r.ok) return { ok: true, fields: r.fields, gtin: r.gtin14 ?? r.fields.gtin };
  const { code, message, ...where } = r.error;
  // The same error as the server's scan answer, so it is shown (and translated) the same way.
  return {
    ok: false,
    error: new ApiError(422, 'barcode.invalid', message, 'barcode', { barcodeError: code, ...where }),
  };
}
