// The differences report's formulas with hand-computed values.
import { describe, expect, it } from 'vitest';
import {
  csvField,
  differenceOf,
  differenceValue,
  differenceValues,
  passesThresholds,
  percentOf,
  totalsOf,
} from '../../../../src/domain/inventory/differences.js';

describe('differenceOf', () => {
  it.each([
    ['10', '7', '-3'],
    ['5', '8', '3'],
    ['4', '4', '0'],
    [null, '2', '2'],
    ['0.125', '0.1', '-0.025'],
    ['3', null, null],
  ] as const)('target %s counted %s → %s', (t, c, d) => expect(differenceOf(t, c)).toBe(d));
});

describe('differenceValue', () => {
  it.each([
    ['-3', '2', '-6'],
    ['3', '4.125', '12.38'],
    ['-3', '4.125', '-12.38'],
    ['0.333', '3', '1'],
    ['1', '0.005', '0.01'],
    ['1', '0.0049', '0'],
  ] as const)('%s × %s = %s (2 decimals, half away from zero)', (d, p, v) => expect(differenceValue(d, p)).toBe(v));
});

describe('percentOf', () => {
  it.each([
    ['-3', '10', '-30'],
    ['3', '5', '60'],
    ['1', '3', '33.33'],
    ['2', '3', '66.67'],
    ['-2', '3', '-66.67'],
    ['5', '0', null],
    ['5', null, null],
    [null, '5', null],
  ] as const)('%s of %s → %s %%', (d, t, p) => expect(percentOf(d, t)).toBe(p));
});

describe('differenceValues', () => {
  it('values at the planned price before the ledger has the posting', () => {
    expect(differenceValues({ target: '10', counted: '7', plannedPrice: '2.50', ledger: null })).toEqual({
      difference: '-3',
      unitPrice: '2.5',
      value: '-7.5',
      percent: '-30',
    });
  });
  it('takes the value and price the ledger posted once it has them', () => {
    expect(
      differenceValues({
        target: '10',
        counted: '7',
        plannedPrice: '2.50',
        ledger: { value: '-6.90', unitPrice: '2.300000' },
      }),
    ).toEqual({ difference: '-3', unitPrice: '2.3', value: '-6.9', percent: '-30' });
  });
  it('has no difference, value or percent while not reported', () => {
    expect(differenceValues({ target: '4', counted: null, plannedPrice: '1', ledger: null })).toEqual({
      difference: null,
      unitPrice: '1',
      value: null,
      percent: null,
    });
  });
});

describe('totalsOf', () => {
  it('sums surpluses and shortages apart, counts lines and differences', () => {
    expect(
      totalsOf([
        { difference: '3', value: '12' },
        { difference: '-3', value: '-6' },
        { difference: '-2', value: '-10.05' },
        { difference: '0', value: '0' },
        { difference: null, value: null },
      ]),
    ).toEqual({ lines: 5, differenceLines: 3, positiveValue: '12', negativeValue: '-16.05', netValue: '-4.05' });
  });
  it('is all zero for no lines', () => {
    expect(totalsOf([])).toEqual({
      lines: 0,
      differenceLines: 0,
      positiveValue: '0',
      negativeValue: '0',
      netValue: '0',
    });
  });
});

describe('csvField', () => {
  it.each([
    ['plain', false, 'plain'],
    ['a,b', true, '"a,b"'],
    ['say "hi"', true, '"say ""hi"""'],
    ['=SUM(A1)', true, "'=SUM(A1)"],
    ['-3', false, '-3'],
    [null, false, ''],
  ] as const)('%s → %s', (v, text, out) => expect(csvField(v, text)).toBe(out));
});

describe('csvField with a semicolon separator', () => {
  it.each([
    ['2,5', false, '2,5'],
    ['a;b', true, '"a;b"'],
    ['say "x"', true, '"say ""x"""'],
    ['=SUM(A1)', true, "'=SUM(A1)"],
    ['-7,5', false, '-7,5'],
  ] as const)('%s → %s', (v, text, out) => expect(csvField(v, text, ';')).toBe(out));
});

describe('passesThresholds', () => {
  const line = (difference: string | null, value: string | null, percent: string | null) => ({
    difference,
    value,
    percent,
  });
  it.each([
    ['value at the threshold passes, either way', line('-3', '-7.5', '-30'), { minValue: '7.5' }, true],
    ['value below the threshold fails', line('-1', '-5', '-0.5'), { minValue: '5.01' }, false],
    ['an unreported line has no value', line(null, null, null), { minValue: '0' }, false],
    ['percent at the threshold passes, either way', line('-3', '-7.5', '-30'), { minPercent: '30' }, true],
    ['percent below the threshold fails', line('-1', '-5', '-0.5'), { minPercent: '0.6' }, false],
    ['a found item (no percentage) passes any percent threshold', line('2', '1', null), { minPercent: '1000' }, true],
    ['no difference never passes a percent threshold', line('0', '0', '0'), { minPercent: '0' }, false],
    ['both thresholds must hold', line('3', '12', '60'), { minPercent: '61', minValue: '1' }, false],
    ['no thresholds: everything passes', line(null, null, null), {}, true],
  ] as const)('%s', (_n, l, t, out) => expect(passesThresholds(l, t)).toBe(out));
});
