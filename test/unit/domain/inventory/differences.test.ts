// The differences report's formulas with hand-computed values.
import { describe, expect, it } from 'vitest';
import { csvField, differenceOf, differenceValue, differenceValues, percentOf, totalsOf } from '../../../../src/domain/inventory/differences.js';

describe('differenceOf', () => {
  it.each([
    ['10', '7', '-3'], ['5', '8', '3'], ['4', '4', '0'], [null, '2', '2'], ['0.125', '0.1', '-0.025'], ['3', null, null],
  ] as const)('target %s counted %s → %s', (t, c, d) => expect(differenceOf(t, c)).toBe(d));
});

describe('differenceValue', () => {
  it.each([
    ['-3', '2', '-6'], ['3', '4.125', '12.38'], ['-3', '4.125', '-12.38'], ['0.333', '3', '1'], ['1', '0.005', '0.01'], ['1', '0.0049', '0'],
  ] as const)('%s × %s = %s (2 decimals, half away from zero)', (d, p, v) => expect(differenceValue(d, p)).toBe(v));
});

describe('percentOf', () => {
  it.each([
    ['-3', '10', '-30'], ['3', '5', '60'], ['1', '3', '33.33'], ['2', '3', '66.67'], ['-2', '3', '-66.67'], ['5', '0', null], ['5', null, null], [null, '5', null],
  ] as const)('%s of %s → %s %%', (d, t, p) => expect(percentOf(d, t)).toBe(p));
});

describe('differenceValues', () => {
  it('values at the planned price before the ledger has the posting', () => {
    expect(differenceValues({ target: '10', counted: '7', plannedPrice: '2.50', ledger: null }))
      .toEqual({ difference: '-3', unitPrice: '2.5', value: '-7.5', percent: '-30' });
  });
  it('takes the value and price the ledger posted once it has them', () => {
    expect(differenceValues({ target: '10', counted: '7', plannedPrice: '2.50', ledger: { value: '-6.90', unitPrice: '2.300000' } }))
      .toEqual({ difference: '-3', unitPrice: '2.3', value: '-6.9', percent: '-30' });
  });
  it('has no difference, value or percent while not reported', () => {
    expect(differenceValues({ target: '4', counted: null, plannedPrice: '1', ledger: null }))
      .toEqual({ difference: null, unitPrice: '1', value: null, percent: null });
  });
});

describe('totalsOf', () => {
  it('sums surpluses and shortages apart, counts lines and differences', () => {
    expect(totalsOf([
      { difference: '3', value: '12' }, { difference: '-3', value: '-6' }, { difference: '-2', value: '-10.05' },
      { difference: '0', value: '0' }, { difference: null, value: null },
    ])).toEqual({ lines: 5, differenceLines: 3, positiveValue: '12', negativeValue: '-16.05', netValue: '-4.05' });
  });
  it('is all zero for no lines', () => {
    expect(totalsOf([])).toEqual({ lines: 0, differenceLines: 0, positiveValue: '0', negativeValue: '0', netValue: '0' });
  });
});

describe('csvField', () => {
  it.each([
    ['plain', false, 'plain'], ['a,b', true, '"a,b"'], ['say "hi"', true, '"say ""hi"""'], ['=SUM(A1)', true, "'=SUM(A1)"],
    ['-3', false, '-3'], [null, false, ''],
  ] as const)('%s → %s', (v, text, out) => expect(csvField(v, text)).toBe(out));
});
