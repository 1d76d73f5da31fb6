// User rules for in-house labels: parsing (validation) and matching.
import { describe, expect, it } from 'vitest';
import { decodeBarcode, parseBarcodeRule, type BarcodeRule } from '../../../../src/domain/barcode/index.js';

function rule(input: unknown): BarcodeRule {
  const parsed = parseBarcodeRule(input);
  if (!parsed.ok) throw new Error(`test rule invalid: ${parsed.error.message}`);
  return parsed.rule;
}

const FIXED = rule({
  kind: 'fixed',
  name: 'inhouse-fixed',
  prefix: 'INV',
  length: 17,
  quantityDecimals: 1,
  fields: [
    { field: 'itemCode', start: 3, length: 6 },
    { field: 'lot', start: 9, length: 4 },
    { field: 'quantity', start: 13, length: 4 },
  ],
});
const SLASH = rule({
  kind: 'separator',
  name: 'slash',
  prefix: 'B:',
  separator: '/',
  fields: ['itemCode', 'lot', 'quantity'],
});
const EXPIRY = rule({
  kind: 'separator',
  name: 'expiry',
  separator: ';',
  dateFormat: 'DD.MM.YYYY',
  fields: ['itemCode', 'expiry'],
});
const BIN = rule({ kind: 'separator', name: 'bin', prefix: 'BIN-', separator: '|', fields: ['bin'] });
const SKIP = rule({ kind: 'separator', name: 'skip', prefix: 'S', separator: '*', fields: [null, 'serial', null] });
const TAIL = rule({ kind: 'fixed', name: 'tail', prefix: 'ART', fields: [{ field: 'itemCode', start: 3 }] });
const YYMMDD = rule({
  kind: 'fixed',
  name: 'yymmdd',
  prefix: 'E',
  length: 13,
  fields: [
    { field: 'itemCode', start: 1, length: 6 },
    { field: 'expiry', start: 7, length: 6 },
  ],
});
const ALL = [FIXED, SLASH, EXPIRY, BIN, SKIP, YYMMDD, TAIL];

const MATCHES: [name: string, input: string, rules: BarcodeRule[], expected: Record<string, unknown>][] = [
  [
    'fixed positions with implied decimal',
    'INV123456L0010125',
    ALL,
    { rule: 'inhouse-fixed', fields: { itemCode: '123456', lot: 'L001', quantity: '12.5' } },
  ],
  [
    'fixed positions, padded values are trimmed',
    'INV12345 L1  0003',
    ALL,
    { fields: { itemCode: '12345', lot: 'L1', quantity: '0.3' } },
  ],
  [
    'separator with decimal comma',
    'B:ART-1/LOT9/12,5',
    ALL,
    { rule: 'slash', fields: { itemCode: 'ART-1', lot: 'LOT9', quantity: '12.5' } },
  ],
  ['separator with decimal point and leading zeros', 'B:ART-1/LOT9/007.250', ALL, { fields: { quantity: '7.250' } }],
  [
    'expiry in DD.MM.YYYY',
    'ART-9;31.12.2026',
    ALL,
    { rule: 'expiry', fields: { itemCode: 'ART-9', expiry: '2026-12-31' } },
  ],
  [
    'expiry in YYMMDD uses the century window',
    'E12345699123' + '1',
    ALL,
    { rule: 'yymmdd', fields: { expiry: '1999-12-31' } },
  ],
  ['bin label', 'BIN-A-01-02', ALL, { rule: 'bin', fields: { bin: 'A-01-02' } }],
  ['null entries skip parts', 'Sx*SER-77*y', ALL, { rule: 'skip', fields: { serial: 'SER-77' } }],
  ['last fixed field runs to the end', 'ARTWIDGET-9000', ALL, { rule: 'tail', fields: { itemCode: 'WIDGET-9000' } }],
  [
    'first matching rule wins',
    'ART-9;31.12.2026',
    [TAIL, EXPIRY],
    { rule: 'tail', fields: { itemCode: '-9;31.12.2026' } },
  ],
  ['rules apply to plain Code 128', ']C0BIN-A-01', ALL, { symbology: 'code128', rule: 'bin', data: 'BIN-A-01' }],
  ['rules apply to plain DataMatrix', ']d1B:X/Y/1', ALL, { symbology: 'datamatrix', rule: 'slash' }],
];

describe('user rules: matching', () => {
  it.each(MATCHES)('%s', (_name, input, rules, expected) => {
    expect(decodeBarcode(input, { rules, referenceYear: 2026 })).toMatchObject({
      ok: true,
      type: 'rule',
      elements: [],
      ...expected,
    });
  });

  it('a valid GTIN wins over rules', () => {
    expect(
      decodeBarcode('4006381333931', {
        rules: [TAIL, rule({ kind: 'fixed', name: 'any', fields: [{ field: 'itemCode', start: 0 }] })],
      }),
    ).toMatchObject({ ok: true, type: 'gtin' });
  });

  it('a valid GS1 string wins over rules', () => {
    expect(
      decodeBarcode('10ABC', {
        rules: [rule({ kind: 'fixed', name: 'any', fields: [{ field: 'itemCode', start: 0 }] })],
      }),
    ).toMatchObject({ ok: true, type: 'gs1' });
  });

  it('rules are never applied to GS1 symbologies', () => {
    expect(decodeBarcode(']C1ARTX', { rules: [TAIL] })).toMatchObject({
      ok: false,
      error: { code: 'barcode.invalid_character' },
    });
  });

  it('a catch-all rule turns unknown in-house codes into item codes', () => {
    const any = rule({ kind: 'fixed', name: 'any', fields: [{ field: 'itemCode', start: 0 }] });
    expect(decodeBarcode('XYZ 99', { rules: [any] })).toMatchObject({
      ok: true,
      type: 'rule',
      fields: { itemCode: 'XYZ 99' },
    });
  });

  it('an unidentified bad GTIN can still match a numeric in-house rule', () => {
    const numeric = rule({
      kind: 'fixed',
      name: 'num',
      length: 8,
      fields: [{ field: 'itemCode', start: 0, length: 8 }],
    });
    expect(decodeBarcode('12345678', { rules: [numeric] })).toMatchObject({
      ok: true,
      type: 'rule',
      fields: { itemCode: '12345678' },
    });
  });
});

const NO_MATCH: [name: string, input: string, reason: RegExp][] = [
  ['wrong prefix everywhere', 'XYZ', /rule "inhouse-fixed": prefix "INV" not found/],
  ['fixed rule with wrong length', 'INV123456L001012', /expected 17 characters, got 16/],
  ['fixed rule with non-numeric quantity', 'INV123456L001ABCD', /quantity "ABCD" is not a decimal number/],
  ['separator rule with too few parts', 'B:ART-1/LOT9', /expected 3 parts separated by "\/", found 2/],
  ['separator rule with empty part', 'B:ART-1//5', /field lot is empty/],
  ['invalid expiry date', 'ART-9;31.02.2026', /expiry "31.02.2026": day 31 is not a valid day/],
  ['expiry in the wrong format', 'ART-9;2026-12-31', /does not have the format DD.MM.YYYY/],
];

describe('user rules: no rule matched', () => {
  const rules = [FIXED, SLASH, EXPIRY];
  it.each(NO_MATCH)('%s', (_name, input, reason) => {
    const result = decodeBarcode(input, { rules });
    expect(result).toMatchObject({ ok: false, error: { code: 'barcode.no_rule_matched' } });
    if (!result.ok) expect(result.error.message).toMatch(reason);
  });

  it('plain symbology with rules that do not match', () => {
    expect(decodeBarcode(']C0HELLO', { rules })).toMatchObject({
      ok: false,
      error: { code: 'barcode.no_rule_matched' },
    });
  });

  it('without rules the same data is plain', () => {
    expect(decodeBarcode(']C0HELLO')).toMatchObject({ ok: true, type: 'plain', data: 'HELLO' });
    expect(decodeBarcode('XYZ')).toMatchObject({ ok: true, type: 'plain', data: 'XYZ' });
  });

  it('invalid rule objects are ignored instead of throwing', () => {
    const bogus = [
      { kind: 'fixed' },
      null,
      42,
      { kind: 'separator', name: 'x', separator: '', fields: [] },
    ] as unknown as BarcodeRule[];
    expect(decodeBarcode('XYZ', { rules: bogus })).toMatchObject({ ok: true, type: 'plain' });
  });
});

const INVALID_RULES: [name: string, input: unknown, path: string, code?: string][] = [
  ['not an object', 'fixed', ''],
  ['null', null, ''],
  ['unknown kind', { kind: 'regex', name: 'x' }, 'kind'],
  ['missing name', { kind: 'separator', separator: '/', fields: ['lot'] }, 'name'],
  ['empty name', { kind: 'separator', name: '', separator: '/', fields: ['lot'] }, 'name'],
  [
    'unknown property',
    { kind: 'separator', name: 'x', separator: '/', fields: ['lot'], regex: '.*' },
    'regex',
    'validation.unknown_field',
  ],
  ['empty separator', { kind: 'separator', name: 'x', separator: '', fields: ['lot'] }, 'separator'],
  ['unknown field name', { kind: 'separator', name: 'x', separator: '/', fields: ['colour'] }, 'fields[0]'],
  ['only skipped parts', { kind: 'separator', name: 'x', separator: '/', fields: [null, null] }, 'fields'],
  ['duplicate field', { kind: 'separator', name: 'x', separator: '/', fields: ['lot', 'lot'] }, 'fields'],
  [
    'bad date format',
    { kind: 'separator', name: 'x', separator: '/', fields: ['expiry'], dateFormat: 'MM/DD/YY' },
    'dateFormat',
  ],
  [
    'too many implied decimals',
    { kind: 'separator', name: 'x', separator: '/', fields: ['quantity'], quantityDecimals: 13 },
    'quantityDecimals',
  ],
  ['fixed without fields', { kind: 'fixed', name: 'x', fields: [] }, 'fields'],
  [
    'fixed field start inside the prefix',
    { kind: 'fixed', name: 'x', prefix: 'AB', fields: [{ field: 'lot', start: 1, length: 2 }] },
    'fields[0].start',
  ],
  [
    'fixed field with negative start',
    { kind: 'fixed', name: 'x', fields: [{ field: 'lot', start: -1, length: 2 }] },
    'fields[0].start',
  ],
  [
    'fixed field with fractional length',
    { kind: 'fixed', name: 'x', fields: [{ field: 'lot', start: 0, length: 1.5 }] },
    'fields[0].length',
  ],
  [
    'overlapping fields',
    {
      kind: 'fixed',
      name: 'x',
      fields: [
        { field: 'lot', start: 0, length: 4 },
        { field: 'bin', start: 3, length: 2 },
      ],
    },
    'fields',
  ],
  [
    'open-ended field that is not last',
    {
      kind: 'fixed',
      name: 'x',
      fields: [
        { field: 'lot', start: 0 },
        { field: 'bin', start: 3, length: 2 },
      ],
    },
    'fields',
  ],
  [
    'field beyond the rule length',
    { kind: 'fixed', name: 'x', length: 4, fields: [{ field: 'lot', start: 2, length: 3 }] },
    'fields',
  ],
  [
    'rule length not longer than the prefix',
    { kind: 'fixed', name: 'x', prefix: 'ABC', length: 3, fields: [{ field: 'lot', start: 3 }] },
    'length',
  ],
];

describe('parseBarcodeRule', () => {
  it.each(INVALID_RULES)('rejects %s', (_name, input, path, code = 'validation.failed') => {
    const parsed = parseBarcodeRule(input);
    expect(parsed).toMatchObject({ ok: false, error: { code, path } });
    if (!parsed.ok) expect(parsed.error.message.length).toBeGreaterThan(5);
  });

  it('returns a clean copy of a valid rule', () => {
    const input = { kind: 'separator', name: 'x', separator: '/', fields: ['itemCode', null, 'lot'] };
    const parsed = parseBarcodeRule(input);
    expect(parsed).toEqual({ ok: true, rule: input });
    if (parsed.ok) expect(parsed.rule.fields).not.toBe(input.fields);
  });
});
