import { describe, expect, it } from 'vitest';
import { isValidGtin } from '../../../../src/domain/barcode/index.js';
import { DomainError } from '../../../../src/domain/errors.js';
import {
  checkCodeAsBarcode,
  checkCompanyPrefix,
  formatCounter,
  formatLotDate,
  makeBarcode,
  makeLotCode,
} from '../../../../src/domain/items/coding.js';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('automatic codes', () => {
  it.each([
    ['ART-', 6, 1n, 'ART-000001'],
    ['', 3, 999n, '999'],
    ['X', 1, 7n, 'X7'],
  ] as const)('%s + %d digits for %s → %s', (prefix, width, n, code) => {
    expect(formatCounter(prefix, width, n, 'test')).toBe(code);
  });

  it('an exhausted counter is refused rather than widened or truncated', () => {
    expect(errorOf(() => formatCounter('A', 3, 1000n, 'item class X')).code).toBe('coding.sequence_exhausted');
    expect(errorOf(() => formatCounter('P'.repeat(45), 6, 1n, 'x')).code).toBe('coding.sequence_exhausted');
  });
});

describe('generated barcodes', () => {
  it('EAN-13 from company prefix + counter with check digit', () => {
    // 400638133393 + check digit 1 is a known valid EAN-13.
    expect(makeBarcode('ean13', '4006381', 33393n)).toBe('4006381333931');
    const e = makeBarcode('ean13', '80123456', 42n);
    expect(e).toMatch(/^801234560042\d$/);
    expect(isValidGtin(e)).toBe(true);
  });

  it('EAN-8 from a short prefix', () => {
    const e = makeBarcode('ean8', '20', 1n);
    expect(e).toMatch(/^2000001\d$/);
    expect(isValidGtin(e)).toBe(true);
  });

  it('refuses prefixes that leave no room and counters that overflow', () => {
    expect(errorOf(() => checkCompanyPrefix('ean8', '1234567')).field).toBe('companyPrefix');
    expect(errorOf(() => checkCompanyPrefix('ean13', '12a')).field).toBe('companyPrefix');
    expect(checkCompanyPrefix('ean13', '8012345').width).toBe(5);
    expect(errorOf(() => makeBarcode('ean8', '20', 100000n)).code).toBe('coding.sequence_exhausted');
  });

  it.each([
    ['4006381333931', 'ean13', true],
    ['4006381333932', 'ean13', false],
    ['96385074', 'ean8', true],
    ['9638507', 'ean8', false],
    ['036000291452', 'upca', true],
    ['ABC-123', 'code39', true],
    ['abc', 'code39', false],
    ['abc 1/2', 'code128', true],
    ['caffè', 'code128', false],
  ] as const)('item code %s as %s barcode: %s', (code, type, ok) => {
    if (ok) expect(() => checkCodeAsBarcode(code, type)).not.toThrow();
    else
      expect(errorOf(() => checkCodeAsBarcode(code, type, 'item.code'))).toMatchObject({
        code: 'coding.barcode_invalid',
        field: 'item.code',
      });
  });
});

describe('lot codes', () => {
  it.each([
    ['none', ''],
    ['YYYY', '2026'],
    ['YYMM', '2603'],
    ['YYYYMM', '202603'],
    ['YYMMDD', '260315'],
    ['YYYYMMDD', '20260315'],
    ['YYDDD', '26074'],
  ] as const)('date pattern %s on 2026-03-15 → %s', (pattern, text) => {
    expect(formatLotDate(pattern, '2026-03-15')).toBe(text);
  });

  it('prefix + date + counter', () => {
    expect(makeLotCode({ prefix: 'L', datePattern: 'YYMMDD', width: 3 }, '2026-12-31', 7n)).toBe('L261231007');
    expect(formatLotDate('YYDDD', '2024-12-31')).toBe('24366');
  });
});
