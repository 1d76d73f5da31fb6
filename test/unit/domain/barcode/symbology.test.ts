// Symbology identifiers and the interpretation of data without one.
import { describe, expect, it } from 'vitest';
import { decodeBarcode, type DecodeOptions } from '../../../../src/domain/barcode/index.js';

const GS = '\u001d';

const OK: [name: string, input: string, opts: DecodeOptions, expected: Record<string, unknown>][] = [
  [
    'EAN-13 via ]E0',
    ']E04006381333931',
    {},
    { symbology: 'ean-13', type: 'gtin', gtin14: '04006381333931', fields: { gtin: '04006381333931' }, elements: [] },
  ],
  ['EAN-13 via ]E0 (syntax engine vector)', ']E02112345678900', {}, { symbology: 'ean-13', gtin14: '02112345678900' }],
  [
    'UPC-A via ]E0 as 13 digits with leading 0',
    ']E00416000336108',
    {},
    { symbology: 'upc-a', gtin14: '00416000336108' },
  ],
  ['UPC-E expanded via ]E0', ']E00001234000057', {}, { symbology: 'upc-a', gtin14: '00001234000057' }],
  ['EAN-8 via ]E4', ']E402345673', {}, { symbology: 'ean-8', gtin14: '00000002345673' }],
  ['ITF-14 via ]I1', ']I124012345678905', {}, { symbology: 'itf-14', gtin14: '24012345678905' }],
  [
    'plain Code 128',
    ']C0HELLO-123',
    {},
    { symbology: 'code128', type: 'plain', data: 'HELLO-123', elements: [], fields: {} },
  ],
  [
    'plain Code 128 that looks like AIs is not parsed',
    ']C00109506000134352',
    {},
    { symbology: 'code128', type: 'plain', data: '0109506000134352' },
  ],
  ['plain DataMatrix', ']d1TESTING', {}, { symbology: 'datamatrix', type: 'plain', data: 'TESTING' }],
  [
    'plain DataMatrix with a Digital Link URI',
    ']d1https://example.com/01/12312312312333?99=TEST',
    {},
    { symbology: 'datamatrix', type: 'plain' },
  ],
  ['plain QR', ']Q1https://example.com/x', {}, { symbology: 'qr', type: 'plain', data: 'https://example.com/x' }],
  ['trailing Enter from a keyboard-wedge scanner', ']E04006381333931\r\n', {}, { gtin14: '04006381333931' }],
  ['trailing LF', '4006381333931\n', {}, { type: 'gtin' }],
  [
    'unidentified UPC-A (12 digits) gets 00 prefix',
    '416000336108',
    {},
    { symbology: null, type: 'gtin', gtin14: '00416000336108' },
  ],
  ['unidentified EAN-13', '4006381333931', {}, { symbology: null, gtin14: '04006381333931' }],
  ['unidentified GTIN-8 gets 000000 prefix', '02345673', {}, { gtin14: '00000002345673' }],
  ['unidentified GTIN-14', '24012345678905', {}, { gtin14: '24012345678905' }],
  [
    'unidentified GS1 element string',
    '010950600013435210ABC',
    {},
    { symbology: null, type: 'gs1', fields: { gtin: '09506000134352', lot: 'ABC' } },
  ],
  ['unidentified GS1 with leading GS (FNC1)', `${GS}0109506000134352`, {}, { type: 'gs1' }],
  [
    'unidentified bracketed GS1',
    '(01)09506000134352(17)261231',
    { referenceYear: 2026 },
    { type: 'gs1', fields: { expiry: '2026-12-31' } },
  ],
  ['unidentified text is plain', 'ABC-4711', {}, { symbology: null, type: 'plain', data: 'ABC-4711' }],
  ['unidentified short number is plain', '4711', {}, { type: 'plain', data: '4711' }],
  ['unidentified data that only resembles GS1 is plain', '12345', {}, { type: 'plain' }],
  // Bare digits of a GTIN length are read as a GTIN (a wrong check digit is reported, see the failures);
  // only `assume: gs1` reads them as an element string.
  [
    'assume gs1 reads the same digits as AI 400',
    '4006381333932',
    { assume: 'gs1' },
    { type: 'gs1', elements: [{ ai: '400', raw: '6381333932' }] },
  ],
  ['assume gtin', '4006381333931', { assume: 'gtin' }, { type: 'gtin', gtin14: '04006381333931' }],
  ['assume gs1', '10ABC', { assume: 'gs1' }, { type: 'gs1', fields: { lot: 'ABC' } }],
];

describe('symbology identifiers and unidentified data: success', () => {
  it.each(OK)('%s', (_name, input, opts, expected) => {
    expect(decodeBarcode(input, opts)).toMatchObject({ ok: true, ...expected });
  });
});

const FAIL: [name: string, input: string, opts: DecodeOptions, code: string, position?: number][] = [
  ['empty string', '', {}, 'barcode.empty_data'],
  ['only a line break', '\r\n', {}, 'barcode.empty_data'],
  ['only ]C1', ']C1', {}, 'barcode.empty_data', 3],
  ['only ]E0', ']E0', {}, 'barcode.empty_data'],
  ['only ]e0', ']e0', {}, 'barcode.empty_data'],
  ['only ]Q1', ']Q1', {}, 'barcode.empty_data'],
  ['unknown identifier ]X9', ']X9ABC', {}, 'barcode.unknown_symbology', 0],
  ['truncated identifier', ']C', {}, 'barcode.unknown_symbology'],
  ['lone bracket', ']', {}, 'barcode.unknown_symbology'],
  ['Code 39 is not supported', ']A0ABC', {}, 'barcode.unknown_symbology'],
  ['Code 128 with FNC1 in second position is not supported', ']C2ABC', {}, 'barcode.unknown_symbology'],
  [']E0 with 12 digits', ']E0123456789012', {}, 'barcode.bad_length', 3],
  [']E0 with 14 digits', ']E012345678901234', {}, 'barcode.bad_length'],
  [']E0 non-numeric', ']E01234ABC890123', {}, 'barcode.invalid_character', 7],
  [']E0 bad check digit', ']E02112345678901', {}, 'barcode.bad_check_digit', 15],
  [']E4 with 7 digits', ']E41234567', {}, 'barcode.bad_length'],
  [']E4 with 9 digits', ']E4123456789', {}, 'barcode.bad_length'],
  [']E4 non-numeric', ']E412ABC678', {}, 'barcode.invalid_character'],
  [']E4 bad check digit', ']E402345674', {}, 'barcode.bad_check_digit'],
  [']I1 with 13 digits', ']I14006381333931', {}, 'barcode.bad_length'],
  [']I1 bad check digit', ']I124012345678909', {}, 'barcode.bad_check_digit'],
  ['assume gtin, wrong length', '12345', { assume: 'gtin' }, 'barcode.bad_length'],
  ['assume gtin, letters', '4006381A33931', { assume: 'gtin' }, 'barcode.invalid_character', 7],
  ['assume gtin, bad check digit', '4006381333932', { assume: 'gtin' }, 'barcode.bad_check_digit', 12],
  ['bare digits of GTIN length with a wrong check digit', '4006381333932', {}, 'barcode.bad_check_digit', 12],
  ['assume gs1 does not read digits as a GTIN', '02345673', { assume: 'gs1' }, 'barcode.too_short'],
  ['assume gs1, unknown AI', '891234', { assume: 'gs1' }, 'barcode.unknown_ai', 0],
  ['unidentified 13 digits with bad check digit', '5901234123458', {}, 'barcode.bad_check_digit'],
  ['unidentified 8 digits with bad check digit', '02345674', {}, 'barcode.bad_check_digit'],
  [
    'unidentified GS1 with bad GTIN check digit is not passed on as plain',
    '0109506000134353',
    {},
    'barcode.bad_check_digit',
  ],
  ['unidentified GS1 with impossible date', '010950600013435217131301', {}, 'barcode.invalid_date'],
  ['unidentified data containing GS reports the GS1 error', `10ABC${GS}99~`, {}, 'barcode.invalid_character'],
  ['unidentified bracketed data reports the GS1 error', '(01)09506000134352(10)', {}, 'barcode.empty_value'],
];

describe('symbology identifiers and unidentified data: errors', () => {
  it.each(FAIL)('%s', (_name, input, opts, code, position) => {
    const result = decodeBarcode(input, opts);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (position !== undefined && !result.ok) expect(result.error.position).toBe(position);
  });

  it('messages are plain English', () => {
    const r = decodeBarcode(']E402345674');
    expect(r).toMatchObject({ ok: false, error: { message: 'GTIN 02345674: check digit should be 3, found 4' } });
  });
});
