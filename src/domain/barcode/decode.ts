// Entry point: from what a handheld scanner delivers to one DecodeResult. Never throws.
//
// Order of interpretation:
//  1. A symbology identifier ("]C1", "]E0", …) decides: GS1 element string, GTIN, or plain data.
//  2. Without one, `options.assume` decides ("gtin" or "gs1") and errors are reported as such.
//  3. Otherwise: 8/12/13/14 digits with a valid check digit are a GTIN; then a GS1 element string; then
//     the user rules in their configured order. When nothing fits:
//       - data with a GS1 marker (a GS/FNC1 anywhere, or the "(01)…" bracketed form) reports the GS1
//         error without trying rules, because the label clearly claims to be GS1;
//       - 8/12/13/14 digits report the bad check digit (almost certainly a mistyped or misread GTIN);
//       - a GS1 check-digit or date error is reported: structure matched GS1 but the content is wrong,
//         and passing such data on as "plain" would hide a damaged label;
//       - if rules were given, `barcode.no_rule_matched` (the site declared how its labels look);
//       - else the data is returned as type "plain", for lookup as an item code or barcode alias.
//     Unidentified data is ambiguous by nature ("100234" is a valid GS1 lot "0234"); configure scanners to
//     send AIM symbology identifiers to avoid that.
// Plain symbologies (]C0, ]d1, ]Q1) are never parsed as AIs; rules, when given, are tried on them.
import { looksBracketed, parseBracketed, parseElementString, type ParseOptions } from './element-string.js';
import { gtinCheckDigit, mod10Valid } from './gtin.js';
import { toElements, toFields } from './interpret.js';
import { matchRule, parseBarcodeRule, type BarcodeRule } from './rules.js';
import { fail, GS, type DecodeFailure, type DecodeResult, type DecodeSuccess, type Symbology } from './types.js';

export interface DecodeOptions {
  /** What to assume when the data has no symbology identifier. */
  assume?: 'gtin' | 'gs1';
  /** In-house label rules, already in configured order. */
  rules?: BarcodeRule[];
  /** Current year for the GS1 two-digit-year window; without it two-digit years read as 20YY. */
  referenceYear?: number;
}

type Kind = 'gs1' | 'ean13' | 'ean8' | 'itf14' | 'plain';

const SYMBOLOGY_IDS: Readonly<Record<string, { symbology: Exclude<Symbology, null>; kind: Kind }>> = {
  ']C1': { symbology: 'gs1-128', kind: 'gs1' },
  ']d2': { symbology: 'gs1-datamatrix', kind: 'gs1' },
  ']Q3': { symbology: 'gs1-qr', kind: 'gs1' },
  ']e0': { symbology: 'gs1-databar', kind: 'gs1' },
  ']J1': { symbology: 'gs1-dotcode', kind: 'gs1' },
  ']E0': { symbology: 'ean-13', kind: 'ean13' },
  ']E4': { symbology: 'ean-8', kind: 'ean8' },
  ']I1': { symbology: 'itf-14', kind: 'itf14' },
  ']C0': { symbology: 'code128', kind: 'plain' },
  ']d1': { symbology: 'datamatrix', kind: 'plain' },
  ']Q1': { symbology: 'qr', kind: 'plain' },
};

const GTIN_LENGTHS = [8, 12, 13, 14];

interface Context {
  parse: ParseOptions;
  rules: BarcodeRule[];
}

function describe(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(shown);
}

/** Digits only, one of `lengths`, correct check digit. `base` maps error positions into the scanned text. */
function decodeGtin(content: string, base: number, symbology: Symbology, lengths: readonly number[]): DecodeResult {
  const bad = /[^0-9]/.exec(content);
  if (bad)
    return fail(
      'barcode.invalid_character',
      `a GTIN consists of digits only, found ${JSON.stringify(bad[0])} at position ${base + bad.index}`,
      { position: base + bad.index },
    );
  if (!lengths.includes(content.length)) {
    return fail(
      'barcode.bad_length',
      `a GTIN here must have ${lengths.join(', ').replace(/, (?=[^,]*$)/, ' or ')} digits, got ${content.length}`,
      { position: base },
    );
  }
  if (!mod10Valid(content)) {
    const expected = gtinCheckDigit(content.slice(0, -1));
    return fail(
      'barcode.bad_check_digit',
      `GTIN ${content}: check digit should be ${expected}, found ${content.slice(-1)}`,
      { position: base + content.length - 1 },
    );
  }
  const gtin14 = content.padStart(14, '0');
  const resolved = symbology === 'ean-13' && content.startsWith('0') ? 'upc-a' : symbology;
  return { ok: true, symbology: resolved, type: 'gtin', gtin14, elements: [], fields: { gtin: gtin14 } };
}

function decodeGs1(content: string, base: number, symbology: Symbology, ctx: Context): DecodeResult {
  const parsed = looksBracketed(content)
    ? parseBracketed(content, base, ctx.parse)
    : parseElementString(content, base, ctx.parse);
  if (!parsed.ok) return parsed;
  const elements = toElements(parsed.value, ctx.parse.referenceYear);
  const fields = toFields(elements);
  const result: DecodeSuccess = { ok: true, symbology, type: 'gs1', elements, fields };
  if (fields.gtin !== undefined) result.gtin14 = fields.gtin;
  return result;
}

function tryRules(content: string, symbology: Symbology, ctx: Context): DecodeSuccess | DecodeFailure {
  const reasons: string[] = [];
  for (const rule of ctx.rules) {
    const m = matchRule(rule, content, ctx.parse.referenceYear);
    if (m.ok)
      return { ok: true, symbology, type: 'rule', elements: [], fields: m.fields, rule: rule.name, data: content };
    reasons.push(`rule "${rule.name}": ${m.reason}`);
  }
  return fail('barcode.no_rule_matched', `no barcode rule matched ${describe(content)} (${reasons.join('; ')})`);
}

function plainOrRules(content: string, symbology: Symbology, ctx: Context): DecodeResult {
  if (ctx.rules.length > 0) return tryRules(content, symbology, ctx);
  return { ok: true, symbology, type: 'plain', elements: [], fields: {}, data: content };
}

function decodeUnidentified(content: string, options: DecodeOptions, ctx: Context): DecodeResult {
  if (options.assume === 'gtin') return decodeGtin(content, 0, null, GTIN_LENGTHS);
  if (options.assume === 'gs1') return decodeGs1(content, 0, null, ctx);
  const gtinShaped = /^[0-9]+$/.test(content) && GTIN_LENGTHS.includes(content.length);
  if (gtinShaped && mod10Valid(content)) return decodeGtin(content, 0, null, GTIN_LENGTHS);
  if (gtinShaped) {
    // Bare digits of a GTIN length with a wrong check digit are a misread or mistyped GTIN far more often
    // than a GS1 element string without its symbology identifier (4006381333932 would parse as AI 400):
    // report the check digit unless an in-house rule claims the string.
    const ruledDigits = ctx.rules.length > 0 ? tryRules(content, null, ctx) : null;
    return ruledDigits?.ok ? ruledDigits : decodeGtin(content, 0, null, GTIN_LENGTHS);
  }
  const gs1 = decodeGs1(content, 0, null, ctx);
  if (gs1.ok) return gs1;
  if (content.includes(GS) || looksBracketed(content)) return gs1;
  const ruled = ctx.rules.length > 0 ? tryRules(content, null, ctx) : null;
  if (ruled?.ok) return ruled;
  if (gs1.error.code === 'barcode.bad_check_digit' || gs1.error.code === 'barcode.invalid_date') return gs1;
  return ruled ?? { ok: true, symbology: null, type: 'plain', elements: [], fields: {}, data: content };
}

function usableRules(rules: unknown): BarcodeRule[] {
  // Rules are typed, but a bad object must not make decoding throw: re-validate and skip what fails.
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((r: unknown) => {
    const parsed = parseBarcodeRule(r);
    return parsed.ok ? [parsed.rule] : [];
  });
}

/** Decodes one scan. See the module comment for how ambiguous data is interpreted. */
export function decodeBarcode(text: string, options: DecodeOptions = {}): DecodeResult {
  const opts: DecodeOptions = typeof options === 'object' && options !== null ? options : {};
  const ctx: Context = {
    parse: { referenceYear: typeof opts.referenceYear === 'number' ? opts.referenceYear : undefined },
    rules: usableRules(opts.rules),
  };
  // Keyboard-wedge scanners end each scan with Enter; that line break is not barcode data.
  const input = typeof text === 'string' ? text.replace(/\r?\n$|\r$/, '') : '';
  if (input === '') return fail('barcode.empty_data', 'the scan is empty');
  if (!input.startsWith(']')) return decodeUnidentified(input, opts, ctx);

  const id = input.slice(0, 3);
  const known = SYMBOLOGY_IDS[id];
  if (!known)
    return fail('barcode.unknown_symbology', `unknown or unsupported symbology identifier ${JSON.stringify(id)}`, {
      position: 0,
    });
  const content = input.slice(3);
  if (content === '') {
    return fail('barcode.empty_data', `the scan contains only the symbology identifier ${id}`, { position: 3 });
  }
  switch (known.kind) {
    case 'gs1':
      return decodeGs1(content, 3, known.symbology, ctx);
    case 'ean13':
      return decodeGtin(content, 3, known.symbology, [13]);
    case 'ean8':
      return decodeGtin(content, 3, known.symbology, [8]);
    case 'itf14':
      return decodeGtin(content, 3, known.symbology, [14]);
    case 'plain':
      return plainOrRules(content, known.symbology, ctx);
  }
}
