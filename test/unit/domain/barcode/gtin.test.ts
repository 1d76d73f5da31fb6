import { describe, expect, it } from 'vitest';
import {
  gtinCheckDigit,
  isValidGtin,
  makeEan13,
  makeEan8,
  mod10Valid,
  normaliseGtin,
} from '../../../../src/domain/barcode/index.js';

// Valid keys from GS1 examples and the GS1 Syntax Engine parity tests.
const VALID: [string, string][] = [
  ['24012345678905', '24012345678905'],
  ['2112233789657', '02112233789657'],
  ['416000336108', '00416000336108'],
  ['02345680', '00000002345680'],
  ['02345673', '00000002345673'],
  ['4006381333931', '04006381333931'],
  ['09506000134352', '09506000134352'],
  ['95012345678903', '95012345678903'],
  ['12345678901231', '12345678901231'],
  ['00000000000000', '00000000000000'],
];

const INVALID = [
  '24012345678909',
  '2112233789658',
  '416000336107',
  '02345689',
  '4006381333932',
  '1234567',
  '123456789012345',
  '',
  'ABCDEFGH',
  '0234568O',
  ' 02345680',
  '0234.680',
];

describe('GTIN helpers', () => {
  it.each(VALID)('%s is valid and normalises to %s', (gtin, gtin14) => {
    expect(isValidGtin(gtin)).toBe(true);
    expect(normaliseGtin(gtin)).toBe(gtin14);
  });

  it.each(INVALID)('%j is not a valid GTIN', (s) => {
    expect(isValidGtin(s)).toBe(false);
    expect(normaliseGtin(s)).toBeNull();
  });

  it.each([
    ['2401234567890', 5],
    ['211223378965', 7],
    ['41600033610', 8],
    ['0234568', 0],
    ['10614141123456789', 7],
    ['401234500000', 9],
    ['0000000000000', 0],
  ])('check digit of %s is %i', (digits, check) => {
    expect(gtinCheckDigit(digits)).toBe(check);
  });

  it('gtinCheckDigit rejects non-digits as a programming error', () => {
    expect(() => gtinCheckDigit('12a4')).toThrow(RangeError);
    expect(() => gtinCheckDigit('')).toThrow(RangeError);
  });

  it('mod10Valid covers SSCC, GLN and GSRN lengths', () => {
    expect(mod10Valid('106141411234567897')).toBe(true);
    expect(mod10Valid('4012345000009')).toBe(true);
    expect(mod10Valid('950123456789012341')).toBe(true);
    expect(mod10Valid('106141411234567892')).toBe(false);
    expect(mod10Valid('7')).toBe(false);
    expect(mod10Valid('12x4')).toBe(false);
  });

  it('makeEan13 and makeEan8 append the check digit', () => {
    expect(makeEan13('400638133393')).toBe('4006381333931');
    expect(makeEan13('211223378965')).toBe('2112233789657');
    expect(makeEan8('0234567')).toBe('02345673');
    expect(makeEan8('0234568')).toBe('02345680');
  });

  it('makeEan13 and makeEan8 refuse wrong input', () => {
    expect(() => makeEan13('40063813339')).toThrow(RangeError);
    expect(() => makeEan13('4006381333931')).toThrow(RangeError);
    expect(() => makeEan8('023456')).toThrow(RangeError);
    expect(() => makeEan8('023456X')).toThrow(RangeError);
  });
});
