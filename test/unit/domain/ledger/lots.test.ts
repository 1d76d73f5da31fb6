import { describe, expect, it } from 'vitest';
import { Dec } from '../../../../src/domain/decimal.js';
import { type LotConsumption, allocateLots } from '../../../../src/domain/ledger/index.js';

const stock = [
  { lot: 'OLD', quantity: new Dec(3), expiryDate: '2026-12-31', seq: 1 },
  { lot: 'MID', quantity: new Dec(3), expiryDate: '2026-05-01', seq: 2 },
  { lot: 'EXPIRED', quantity: new Dec(3), expiryDate: '2026-02-01', seq: 3 },
  { lot: 'NOEXP', quantity: new Dec(3), expiryDate: null, seq: 4 },
];

describe('allocateLots', () => {
  const cases: Array<[LotConsumption, string, Array<[string, string]>, string]> = [
    ['fifo', '4', [['OLD', '3'], ['MID', '1']], '0'],
    ['fifo', '12', [['OLD', '3'], ['MID', '3'], ['EXPIRED', '3'], ['NOEXP', '3']], '0'],
    ['fefo', '4', [['MID', '3'], ['OLD', '1']], '0'],
    ['fefo', '10', [['MID', '3'], ['OLD', '3'], ['NOEXP', '3']], '1'],
    ['lefo', '4', [['OLD', '3'], ['MID', '1']], '0'],
  ];
  it.each(cases)('%s takes %s', (order, need, expected, shortfall) => {
    const r = allocateLots(new Dec(need), stock, order, '2026-03-10');
    expect(r.allocations.map((a) => [a.lot, a.quantity.toFixed()])).toEqual(expected);
    expect(r.shortfall.toFixed()).toBe(shortfall);
  });
});
