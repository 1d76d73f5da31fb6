import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import {
  checkDescription, checkItemCode, checkLotManagement, checkPrimaryUnitChange, checkSecondaryUnit, checkSupplementary, searchTerms,
} from '../../../src/domain/item.js';

function errorOf(fn: () => unknown): DomainError {
  try { fn(); } catch (e) { if (e instanceof DomainError) return e; throw e; }
  throw new Error('expected a DomainError');
}

describe('item fields', () => {
  it.each([
    ['A-100', true], ['x'.repeat(50), true], ['x'.repeat(51), false], ['', false], ['A 100', false], ['A\t1', false], ['ÄÖ/12.5', true],
  ])('code %j valid: %s', (code, ok) => {
    if (ok) expect(checkItemCode(code)).toBe(code);
    else expect(errorOf(() => checkItemCode(code))).toMatchObject({ code: 'item.code_invalid', field: 'code' });
  });

  it.each([['Screw', true], ['x'.repeat(40), true], ['x'.repeat(41), false], ['', false], ['   ', false]])('description %j valid: %s', (d, ok) => {
    if (ok) expect(checkDescription(d)).toBe(d);
    else expect(errorOf(() => checkDescription(d)).field).toBe('description');
  });

  it('supplementary description holds up to 65,536 characters', () => {
    expect(checkSupplementary('x'.repeat(65_536))).toHaveLength(65_536);
    expect(errorOf(() => checkSupplementary('x'.repeat(65_537))).field).toBe('supplementaryDescription');
  });

  it('lot management is no, yes or auto', () => {
    expect(checkLotManagement('auto')).toBe('auto');
    expect(errorOf(() => checkLotManagement('fifo')).field).toBe('lotManagement');
  });
});

describe('secondary unit', () => {
  const none = { secondaryUnit: null, secondaryConversionOp: null, secondaryConversionFactor: null };
  it('is all or nothing', () => {
    expect(checkSecondaryUnit('PZ', none)).toEqual(none);
    expect(checkSecondaryUnit('g', { secondaryUnit: 'kg', secondaryConversionOp: 'x', secondaryConversionFactor: '1000.0' }))
      .toEqual({ secondaryUnit: 'kg', secondaryConversionOp: 'x', secondaryConversionFactor: '1000' });
  });

  it.each([
    [{ secondaryUnit: 'S10', secondaryConversionOp: null, secondaryConversionFactor: null }, 'secondaryConversionOp'],
    [{ secondaryUnit: null, secondaryConversionOp: 'x', secondaryConversionFactor: '10' }, 'secondaryUnit'],
    [{ secondaryUnit: 'S10', secondaryConversionOp: 'x', secondaryConversionFactor: null }, 'secondaryConversionFactor'],
    [{ secondaryUnit: 'PZ', secondaryConversionOp: 'x', secondaryConversionFactor: '10' }, 'secondaryUnit'],
    [{ secondaryUnit: 'S10', secondaryConversionOp: 'x', secondaryConversionFactor: '0' }, 'secondaryConversionFactor'],
  ] as const)('%o is refused naming %s', (s, field) => {
    const e = errorOf(() => checkSecondaryUnit('PZ', s));
    expect(e.code).toBe('unit.conversion_invalid');
    expect(e.field).toBe(field);
  });
});

describe('primary unit lock', () => {
  it('allows a change before stock moved and refuses it after', () => {
    expect(() => checkPrimaryUnitChange({ code: 'A', primaryUnit: 'PZ', hasLedgerEntries: false }, 'kg')).not.toThrow();
    expect(() => checkPrimaryUnitChange({ code: 'A', primaryUnit: 'PZ', hasLedgerEntries: true }, 'PZ')).not.toThrow();
    expect(errorOf(() => checkPrimaryUnitChange({ code: 'A', primaryUnit: 'PZ', hasLedgerEntries: true }, 'kg')))
      .toMatchObject({ code: 'item.primary_unit_locked', field: 'primaryUnit' });
  });
});

describe('search terms', () => {
  it('starts a term at every word and letter/digit boundary', () => {
    expect(searchTerms(['Hex bolt M8'])).toEqual(['hex bolt m8', 'bolt m8', 'm8', '8']);
    expect(searchTerms(['AB-123'])).toEqual(['ab-123', '123']);
    expect(searchTerms(['  '])).toEqual([]);
  });
});
