import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/errors.js';
import {
  checkDescription,
  checkItemCode,
  checkLotManagement,
  checkPrimaryUnitChange,
  checkSecondaryUnit,
  checkSupplementary,
  checkTracking,
  checkTrackingChange,
  searchTerms,
} from '../../../../src/domain/items/item.js';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('item fields', () => {
  it.each([
    ['A-100', true],
    ['x'.repeat(50), true],
    ['x'.repeat(51), false],
    ['', false],
    ['A 100', false],
    ['A\t1', false],
    ['ÄÖ/12.5', true],
  ])('code %j valid: %s', (code, ok) => {
    if (ok) expect(checkItemCode(code)).toBe(code);
    else expect(errorOf(() => checkItemCode(code))).toMatchObject({ code: 'item.code_invalid', field: 'code' });
  });

  it.each([
    ['Screw', true],
    ['x'.repeat(40), true],
    ['x'.repeat(41), false],
    ['', false],
    ['   ', false],
  ])('description %j valid: %s', (d, ok) => {
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
    expect(
      checkSecondaryUnit('g', { secondaryUnit: 'kg', secondaryConversionOp: 'x', secondaryConversionFactor: '1000.0' }),
    ).toEqual({ secondaryUnit: 'kg', secondaryConversionOp: 'x', secondaryConversionFactor: '1000' });
  });

  it.each([
    [{ secondaryUnit: 'S10', secondaryConversionOp: null, secondaryConversionFactor: null }, 'secondaryConversionOp'],
    [{ secondaryUnit: null, secondaryConversionOp: 'x', secondaryConversionFactor: '10' }, 'secondaryUnit'],
    [
      { secondaryUnit: 'S10', secondaryConversionOp: 'x', secondaryConversionFactor: null },
      'secondaryConversionFactor',
    ],
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
    expect(
      errorOf(() => checkPrimaryUnitChange({ code: 'A', primaryUnit: 'PZ', hasLedgerEntries: true }, 'kg')),
    ).toMatchObject({ code: 'item.primary_unit_locked', field: 'primaryUnit' });
  });
});

describe('search terms', () => {
  it('starts a term at every word and letter/digit boundary', () => {
    expect(searchTerms(['Hex bolt M8'])).toEqual(['hex bolt m8', 'bolt m8', 'm8', '8']);
    expect(searchTerms(['AB-123'])).toEqual(['ab-123', '123']);
    expect(searchTerms(['  '])).toEqual([]);
  });
});

describe('lot/serial management', () => {
  const off = { lotAvailabilityCheck: 'none', availabilityCheck: 'none', serialClass: null } as const;
  it('a lot item defaults to a blocking lot availability check, which implies the availability check', () => {
    expect(checkTracking({ lotManagement: 'yes', serialManagement: false }, off, new Set())).toEqual({
      lotAvailabilityCheck: 'blocking',
      availabilityCheck: 'blocking',
      serialClass: null,
    });
    expect(
      checkTracking(
        { lotManagement: 'auto', serialManagement: false },
        { ...off, lotAvailabilityCheck: 'warning' },
        new Set(),
      ),
    ).toEqual({ lotAvailabilityCheck: 'warning', availabilityCheck: 'warning', serialClass: null });
    expect(
      errorOf(() =>
        checkTracking({ lotManagement: 'yes', serialManagement: false }, off, new Set(['lotAvailabilityCheck'])),
      ),
    ).toMatchObject({ field: 'lotAvailabilityCheck' });
    expect(checkTracking({ lotManagement: 'no', serialManagement: false }, off, new Set())).toEqual(off);
  });
  it('a serial item needs its serial class', () => {
    expect(errorOf(() => checkTracking({ lotManagement: 'no', serialManagement: true }, off, new Set()))).toMatchObject(
      { code: 'lot.class_required', field: 'serialClass' },
    );
    expect(
      checkTracking({ lotManagement: 'no', serialManagement: true }, { ...off, serialClass: 'SN' }, new Set())
        .serialClass,
    ).toBe('SN');
  });
  it('with stock, lot tracking on/off and serial management are fixed; yes ↔ auto is not', () => {
    const item = { code: 'A', lotManagement: 'no', serialManagement: false } as const;
    expect(
      errorOf(() => checkTrackingChange(item, { lotManagement: 'yes', serialManagement: false }, true)),
    ).toMatchObject({ code: 'item.tracking_locked', field: 'lotManagement' });
    expect(
      errorOf(() => checkTrackingChange(item, { lotManagement: 'no', serialManagement: true }, true)),
    ).toMatchObject({ code: 'item.tracking_locked', field: 'serialManagement' });
    expect(() => checkTrackingChange(item, { lotManagement: 'yes', serialManagement: true }, false)).not.toThrow();
    expect(() =>
      checkTrackingChange({ ...item, lotManagement: 'yes' }, { lotManagement: 'auto', serialManagement: false }, true),
    ).not.toThrow();
  });
});
