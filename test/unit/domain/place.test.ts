import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import {
  checkBinAllowed,
  checkZoneAllowed,
  expandBinRanges,
  expandRange,
  makeBin,
  parseBinCode,
  type ZoneOrganisation,
} from '../../../src/domain/place.js';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('bin codes from elements', () => {
  it.each([
    ['places_only', { place: '101' }, '101'],
    ['block', { row: '08', place: '001' }, '08-001'],
    ['high_bay', { row: '007', level: '10', place: '021' }, '007-10-021'],
    ['high_bay', { row: '12', level: 'b', place: '03a' }, '12-B-03A'],
    ['high_bay', { aisle: 'A1', row: '12', level: 'B', place: '03A' }, 'A1-12-B-03A'],
    ['block', { aisle: '2', row: '08', place: '001' }, '2-08-001'],
  ] as const)('%s %o → %s', (org, elements, code) => {
    const bin = makeBin(org as ZoneOrganisation, elements);
    expect(bin.code).toBe(code);
    // and back again
    expect(parseBinCode(org as ZoneOrganisation, code)).toEqual({
      aisle: bin.aisle,
      row: bin.row,
      level: bin.level,
      place: bin.place,
    });
  });

  it.each([
    ['high_bay', { row: '1', place: '1' }, 'level'],
    ['high_bay', { level: '1', place: '1' }, 'row'],
    ['block', { row: '1', level: '2', place: '1' }, 'level'],
    ['places_only', { row: '1', place: '1' }, 'row'],
    ['places_only', { aisle: '1', place: '1' }, 'aisle'],
    ['places_only', {}, 'place'],
    ['block', { row: '1-2', place: '1' }, 'row'],
    ['block', { row: 'ABCDEFGHIJK', place: '1' }, 'row'],
  ] as const)('%s %o is refused naming %s', (org, elements, field) => {
    const e = errorOf(() => makeBin(org as ZoneOrganisation, elements));
    expect(e.code).toBe('place.bin_elements_invalid');
    expect(e.field).toBe(field);
  });

  it.each([
    ['high_bay', '12-03'],
    ['high_bay', '1-2-3-4-5'],
    ['block', '101'],
    ['places_only', '08-001'],
    ['block', '08--001'],
    ['block', '08-0_1'],
  ] as const)('%s cannot parse %s', (org, code) => {
    expect(errorOf(() => parseBinCode(org, code)).code).toBe('place.bin_code_invalid');
  });

  it('parses lower-case input to upper-case elements', () => {
    expect(parseBinCode('block', 'a-08-x1')).toEqual({ aisle: 'A', row: '08', level: null, place: 'X1' });
  });
});

describe('bin ranges', () => {
  it('pads numbers to the width of from', () => {
    expect(expandRange({ from: '01', to: '10' }, 'row')).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
    ]);
    expect(expandRange({ from: '8', to: '11' }, 'row')).toEqual(['8', '9', '10', '11']);
    expect(expandRange({ from: 'a', to: 'c' }, 'level')).toEqual(['A', 'B', 'C']);
    expect(expandRange({ values: ['x', 'Y', 'x'] }, 'place')).toEqual(['X', 'Y']);
  });

  it('expands rows × levels × places in walking order', () => {
    const bins = expandBinRanges('high_bay', {
      row: { from: '01', to: '10' },
      level: { from: '1', to: '5' },
      place: { from: '001', to: '020' },
    });
    expect(bins).toHaveLength(1000);
    expect(bins[0]!.code).toBe('01-1-001');
    expect(bins[1]!.code).toBe('01-1-002');
    expect(bins[999]!.code).toBe('10-5-020');
    expect(new Set(bins.map((b) => b.code)).size).toBe(1000);
  });

  it.each([
    [{ row: { from: '10', to: '01' }, place: { from: '1', to: '2' } }, 'row.to'],
    [{ row: { from: '1', to: 'B' }, place: { from: '1', to: '2' } }, 'row'],
    [{ place: { from: '1', to: '2' } }, 'row'],
    [{ row: { from: '1', to: '1000' }, place: { from: '1', to: '1000' } }, 'place'],
  ] as const)('refuses %o naming %s', (ranges, field) => {
    const e = errorOf(() => expandBinRanges('block', ranges));
    expect(e.code).toBe('place.bin_elements_invalid');
    expect(e.field).toBe(field);
  });
});

describe('where zones and bins may exist', () => {
  it.each([
    ['structured', true],
    ['unstructured', false],
    ['virtual', false],
  ] as const)('zone in a %s warehouse: %s', (kind, ok) => {
    const f = () => checkZoneAllowed({ code: 'W1', kind });
    if (ok) expect(f).not.toThrow();
    else expect(errorOf(f).code).toBe('place.zone_not_allowed');
  });

  it('bins only in structured zones', () => {
    expect(() => checkBinAllowed({ code: 'Z', structured: true })).not.toThrow();
    expect(errorOf(() => checkBinAllowed({ code: 'Z', structured: false })).code).toBe('place.bin_not_allowed');
  });
});
