import { describe, expect, it } from 'vitest';
import { Dec } from '../../../../src/domain/decimal.js';
import { DomainError } from '../../../../src/domain/errors.js';
import {
  checkConversion,
  checkDecimals,
  convertFromPrimary,
  convertToPrimary,
  formatConversion,
  parseConversionFormula,
  parseQuantity,
} from '../../../../src/domain/items/unit.js';

const PZ = { code: 'PZ', decimals: 0 };
const KG = { code: 'kg', decimals: 3 };

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('quantity decimals per unit', () => {
  it.each([
    ['3', PZ, true],
    ['3.0', PZ, true],
    ['3.5', PZ, false],
    ['1.234', KG, true],
    ['1.2345', KG, false],
    ['-2', PZ, true],
  ] as const)('%s in %o allowed: %s', (text, unit, ok) => {
    if (ok) expect(parseQuantity(text, unit).toFixed()).toBe(new Dec(text).toFixed());
    else {
      const e = errorOf(() => parseQuantity(text, unit, 'lines.0.quantity'));
      expect(e.code).toBe('quantity.too_many_decimals');
      expect(e.field).toBe('lines.0.quantity');
      expect(e.params).toMatchObject({ unit: unit.code, decimals: unit.decimals });
    }
  });

  it('names the field for a malformed quantity', () => {
    expect(errorOf(() => parseQuantity('1e3', PZ, 'qty')).field).toBe('qty');
    expect(errorOf(() => checkDecimals(new Dec('0.5'), PZ, 'counted')).message).toContain('counted');
  });
});

describe('conversion to the primary unit', () => {
  it('converting 3 packs of S10 = PZ x 10 gives 30 PZ exactly', () => {
    const { unit, primaryUnit, conversion } = parseConversionFormula('S10 = PZ x 10');
    expect([unit, primaryUnit]).toEqual(['S10', 'PZ']);
    expect(convertToPrimary(new Dec(3), conversion, PZ).toFixed()).toBe('30');
  });

  it.each([
    // [qty, op, factor, primary result]
    ['2', 'x', '1000', '2000'], // kg = g x 1000: 2 kg → 2000 g
    ['0.001', 'x', '1000', '1'],
    ['250', '\\', '1000', '0.25'], // g = kg \ 1000: 250 g → 0.25 kg
    ['1', '\\', '8', '0.125'],
    ['0.1', 'x', '3', '0.3'], // binary floating point would give 0.30000000000000004
    ['7', 'x', '1', '7'],
    ['1.5', 'x', '2.5', '3.75'],
  ] as const)('%s with %s %s = %s', (qty, op, factor, result) => {
    expect(convertToPrimary(new Dec(qty), { op, factor }).toFixed()).toBe(result);
  });

  it('refuses a division that is not an exact decimal instead of rounding', () => {
    const e = errorOf(() => convertToPrimary(new Dec(1), { op: '\\', factor: '3' }, undefined, 'quantity'));
    expect(e.code).toBe('unit.not_convertible');
    expect(e.field).toBe('quantity');
  });

  it('refuses a result with more decimals than the primary unit allows', () => {
    const e = errorOf(() => convertToPrimary(new Dec(3), { op: '\\', factor: '2' }, PZ));
    expect(e.code).toBe('unit.not_convertible');
    expect(e.params).toMatchObject({ result: '1.5', unit: 'PZ' });
    expect(convertToPrimary(new Dec(4), { op: '\\', factor: '2' }, PZ).toFixed()).toBe('2');
  });

  it('converts back from the primary unit', () => {
    expect(convertFromPrimary(new Dec(30), { op: 'x', factor: '10' }).toFixed()).toBe('3');
    expect(convertFromPrimary(new Dec('0.25'), { op: '\\', factor: '1000' }).toFixed()).toBe('250');
  });

  it.each([
    ['y', '10', 'conversionOp'],
    ['x', '0', 'conversionFactor'],
    ['x', '-1', 'conversionFactor'],
    ['x', 'ten', 'conversionFactor'],
  ])('rejects op %s factor %s naming %s', (op, factor, field) => {
    const e = errorOf(() => checkConversion(op, factor));
    expect(['unit.conversion_invalid', 'quantity.invalid']).toContain(e.code);
    expect(e.field).toBe(field);
  });

  it('formats and parses the seed notation', () => {
    expect(formatConversion('kg', 'g', { op: 'x', factor: '1000' })).toBe('kg = g x 1000');
    expect(parseConversionFormula('g = kg \\ 1000').conversion.op).toBe('\\');
    expect(errorOf(() => parseConversionFormula('PZ = PZ x 2')).code).toBe('unit.conversion_invalid');
    expect(errorOf(() => parseConversionFormula('S10 is 10 PZ')).code).toBe('unit.conversion_invalid');
  });
});
