import { describe, expect, it } from 'vitest';
import {
  planValueAdjustments,
  valuationPriceOf,
  type PostedDifference,
} from '../../../../src/domain/inventory/valuation.js';

const place = (b: string) => ({ warehouseId: 'W', zoneId: 'Z', binId: b, ownerId: 'O', lot: '', serial: '' });
const d = (itemId: string, q: string, price: string, bin = 'P1'): PostedDifference => ({
  itemId,
  postedQuantity: q,
  unitPrice: price,
  place: place(bin),
});

describe('value adjustments on closing a stock-taking-day inventory', () => {
  it('seed example: 10 expected in P1, 0 in P2, counted 8 and 3 → one adjustment for the net 1 pc', () => {
    const plan = planValueAdjustments([d('A', '-2', '5', 'P1'), d('A', '3', '5', 'P2')], () => '6');
    expect(plan).toEqual([
      { itemId: 'A', place: place('P2'), netQuantity: '1', averagePrice: '5', valuationPrice: '6', value: '1' },
    ]);
  });

  it.each([
    ['net issue', [d('A', '-2', '5'), d('A', '1', '5')], []],
    ['net zero', [d('A', '-2', '5'), d('A', '2', '5')], []],
    ['same price', [d('A', '2', '6')], []],
  ] as const)('%s → no adjustment', (_, diffs, expected) => {
    expect(planValueAdjustments(diffs, () => '6')).toEqual(expected);
  });

  it('values below the average give a negative adjustment, rounded to cents', () => {
    expect(planValueAdjustments([d('A', '3', '2.333')], () => '2')[0]!.value).toBe('-1');
  });

  it('picks the configured valuation price', () => {
    const p = {
      settlementPrice1: '1',
      settlementPrice2: '2',
      settlementPrice3: '3',
      settlementPrice4: '4',
      settlementPrice5: '5',
      inventoryPrice: '9',
      movingAveragePrice: '7',
    };
    expect(valuationPriceOf('settlement_3', p)).toBe('3');
    expect(valuationPriceOf('inventory', p)).toBe('9');
    expect(valuationPriceOf('average', p)).toBe('7');
  });
});
