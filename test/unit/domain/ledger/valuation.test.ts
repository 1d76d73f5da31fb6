import { describe, expect, it } from 'vitest';
import { Dec } from '../../../../src/domain/decimal.js';
import { valueMovement } from '../../../../src/domain/ledger/index.js';

const d = (s: string) => new Dec(s);
const v = (quantity: string, average: string) => ({ quantity: d(quantity), average: d(average) });

describe('valueMovement (moving average)', () => {
  const cases: Array<{
    name: string;
    before: [string, string];
    q: string;
    price?: string;
    value?: string;
    avg: string;
    lineValue: string;
    qty: string;
  }> = [
    {
      name: 'first receipt takes its price',
      before: ['0', '0'],
      q: '10',
      price: '7',
      avg: '7',
      lineValue: '70',
      qty: '10',
    },
    {
      name: 'second receipt averages (issue acceptance)',
      before: ['10', '7'],
      q: '10',
      price: '9',
      avg: '8',
      lineValue: '90',
      qty: '20',
    },
    {
      name: 'issue keeps the average and is valued at it',
      before: ['20', '8'],
      q: '-5',
      avg: '8',
      lineValue: '-40',
      qty: '15',
    },
    {
      name: 'receipt without price is value-neutral',
      before: ['4', '2.5'],
      q: '6',
      avg: '2.5',
      lineValue: '15',
      qty: '10',
    },
    {
      name: 'receipt into negative stock that stays ≤ 0 keeps the receipt price',
      before: ['-10', '5'],
      q: '4',
      price: '6',
      avg: '6',
      lineValue: '24',
      qty: '-6',
    },
    {
      name: 'receipt that ends exactly at 0 keeps the receipt price',
      before: ['-4', '5'],
      q: '4',
      price: '6',
      avg: '6',
      lineValue: '24',
      qty: '0',
    },
    {
      name: 'receipt out of negative stock follows the formula',
      before: ['-5', '10'],
      q: '10',
      price: '12',
      avg: '14',
      lineValue: '120',
      qty: '5',
    },
    {
      name: 'formula below zero falls back to the receipt price',
      before: ['-10', '10'],
      q: '11',
      price: '1',
      avg: '1',
      lineValue: '11',
      qty: '1',
    },
    {
      name: 'value adjustment spreads over stock on hand',
      before: ['10', '5'],
      q: '0',
      value: '10',
      avg: '6',
      lineValue: '10',
      qty: '10',
    },
    {
      name: 'value adjustment with nothing on hand leaves the average',
      before: ['0', '5'],
      q: '0',
      value: '10',
      avg: '5',
      lineValue: '10',
      qty: '0',
    },
    {
      name: 'receipt with an explicit total value',
      before: ['0', '0'],
      q: '3',
      value: '10',
      avg: '3.333333',
      lineValue: '10',
      qty: '3',
    },
    {
      name: 'average keeps 6 decimals, values 2',
      before: ['3', '1'],
      q: '1',
      price: '2',
      avg: '1.25',
      lineValue: '2',
      qty: '4',
    },
    {
      name: 'issue value rounds half up to cents',
      before: ['3', '3.333333'],
      q: '-1',
      avg: '3.333333',
      lineValue: '-3.33',
      qty: '2',
    },
  ];
  it.each(cases)('$name', (c) => {
    const r = valueMovement(v(...c.before), d(c.q), c.price ? d(c.price) : null, c.value ? d(c.value) : null);
    expect(r.after.average.toFixed()).toBe(d(c.avg).toFixed());
    expect(r.value.toFixed()).toBe(d(c.lineValue).toFixed());
    expect(r.after.quantity.toFixed()).toBe(d(c.qty).toFixed());
  });

  it('refuses a value adjustment that would make the average negative', () => {
    expect(() => valueMovement(v('10', '1'), d('0'), null, d('-11'))).toThrow(
      expect.objectContaining({ code: 'validation.failed' }),
    );
  });
});
