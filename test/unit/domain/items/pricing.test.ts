import { describe, expect, it } from 'vitest';
import { Dec } from '../../../../src/domain/decimal.js';
import { DomainError } from '../../../../src/domain/errors.js';
import {
  type PriceRow,
  applyDiscounts,
  checkTiers,
  overlaps,
  pickTier,
  priceFor,
} from '../../../../src/domain/items/pricing.js';
import type { Conversion } from '../../../../src/domain/items/unit.js';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

// PZ primary; S10 = PZ x 10 (pack of ten); a search code in box of 12; g = kg-style division unit.
const conv = new Map<string, Conversion>([
  ['PZ', { op: 'x', factor: '1' }],
  ['S10', { op: 'x', factor: '10' }],
  ['BOX12', { op: 'x', factor: '12' }],
  ['HALF', { op: '\\', factor: '2' }],
]);
const row = (o: Partial<PriceRow> & { tiers: PriceRow['tiers'] }): PriceRow => ({
  id: '1',
  validFrom: null,
  validTo: null,
  unit: 'PZ',
  currency: 'EUR',
  ...o,
});

describe('tiers', () => {
  it.each([
    [
      [
        { upTo: '10', price: '5' },
        { upTo: null, price: '4' },
      ],
      true,
      undefined,
    ],
    [
      [
        { upTo: null, price: '4' },
        { upTo: '10', price: '5' },
      ],
      true,
      'tiers.0.upTo',
    ],
    [
      [
        { upTo: '10', price: '5' },
        { upTo: '10', price: '4' },
      ],
      true,
      'tiers.1.upTo',
    ],
    [[{ upTo: '0', price: '5' }], true, 'tiers.0.upTo'],
    [[{ upTo: null, price: '-1' }], true, 'tiers.0.price'],
    [[{ upTo: null, price: '1', discounts: ['10', '5', '2', '1', '1'] }], true, 'tiers.0.discounts'],
    [[{ upTo: null, price: '1', discounts: ['101'] }], true, 'tiers.0.discounts.0'],
    [[{ upTo: null, price: '1', discounts: ['10'] }], false, 'tiers.0.discounts'],
    [[], true, 'tiers'],
  ])('%j (discounts allowed %s) → error field %s', (tiers, allowed, field) => {
    if (field === undefined) expect(checkTiers(tiers, allowed)).toHaveLength(tiers.length);
    else {
      const e = errorOf(() => checkTiers(tiers, allowed));
      expect(e.code).toBe('price.tiers_invalid');
      expect(e.field).toBe(field);
    }
  });

  it('picks the first tier whose "up to" covers the quantity, else the open-ended one', () => {
    const tiers = checkTiers(
      [
        { upTo: '10', price: '5' },
        { upTo: '100', price: '4' },
        { upTo: null, price: '3' },
      ],
      false,
    );
    expect(pickTier(tiers, new Dec('10'))!.price.toFixed()).toBe('5');
    expect(pickTier(tiers, new Dec('10.001'))!.price.toFixed()).toBe('4');
    expect(pickTier(tiers, new Dec('1000'))!.price.toFixed()).toBe('3');
    expect(pickTier(checkTiers([{ upTo: '10', price: '5' }], false), new Dec(11))).toBeUndefined();
  });

  it('applies up to four discounts in cascade, exactly', () => {
    expect(applyDiscounts(new Dec(100), [new Dec(10), new Dec(5)]).toFixed()).toBe('85.5');
    expect(applyDiscounts(new Dec('19.99'), [new Dec(50), new Dec(10), new Dec(3), new Dec('2.5')]).toFixed()).toBe(
      '8.507494125',
    );
    expect(applyDiscounts(new Dec(7), []).toFixed()).toBe('7');
  });

  it('validity overlaps, open ends included', () => {
    expect(
      overlaps({ validFrom: '2026-01-01', validTo: '2026-06-30' }, { validFrom: '2026-06-30', validTo: null }),
    ).toBe(true);
    expect(
      overlaps({ validFrom: '2026-01-01', validTo: '2026-06-30' }, { validFrom: '2026-07-01', validTo: null }),
    ).toBe(false);
    expect(overlaps({ validFrom: null, validTo: null }, { validFrom: '2030-01-01', validTo: '2030-01-01' })).toBe(true);
  });
});

describe('priceFor', () => {
  const tiers = checkTiers(
    [
      { upTo: '10', price: '2.50' },
      { upTo: '100', price: '2.20', discounts: ['10'] },
      { upTo: null, price: '2', discounts: ['10', '5'] },
    ],
    true,
  );

  it('uses the tier of the quantity in the price unit and computes the amount exactly', () => {
    const p = priceFor([row({ tiers })], conv, { quantity: new Dec(50), unit: 'PZ', date: '2026-03-01' });
    expect(p).toMatchObject({
      priceUnit: 'PZ',
      quantityInPriceUnit: '50',
      tierUpTo: '100',
      listPrice: '2.2',
      discounts: ['10'],
      netPrice: '1.98',
      unitPrice: '1.98',
      amountExact: '99',
      amount: '99.00',
    });
  });

  it('converts the asked unit to the price unit: 3 S10 = 30 PZ falls in the second tier, unit price per pack', () => {
    const p = priceFor([row({ tiers })], conv, { quantity: new Dec(3), unit: 'S10', date: '2026-03-01' });
    expect(p).toMatchObject({ quantityInPriceUnit: '30', netPrice: '1.98', unitPrice: '19.8', amount: '59.40' });
    // 200 PZ (20 S10) reach the open-ended tier: 2 × 0.9 × 0.95 = 1.71
    expect(priceFor([row({ tiers })], conv, { quantity: new Dec(20), unit: 'S10', date: '2026-03-01' })).toMatchObject({
      tierUpTo: null,
      netPrice: '1.71',
      amount: '342.00',
    });
  });

  it('a row in the asked unit wins over one needing conversion', () => {
    const rows = [
      row({ id: 'pz', tiers: checkTiers([{ upTo: null, price: '1' }], false) }),
      row({ id: 'box', unit: 'BOX12', tiers: checkTiers([{ upTo: null, price: '10' }], false) }),
    ];
    expect(priceFor(rows, conv, { quantity: new Dec(2), unit: 'BOX12', date: '2026-01-01' })).toMatchObject({
      priceRowId: 'box',
      amount: '20.00',
    });
    expect(priceFor(rows, conv, { quantity: new Dec(2), unit: 'PZ', date: '2026-01-01' })).toMatchObject({
      priceRowId: 'pz',
      amount: '2.00',
    });
    // Asked in S10, neither row is in S10: the first valid (PZ) converts 2 S10 = 20 PZ.
    expect(priceFor(rows, conv, { quantity: new Dec(2), unit: 'S10', date: '2026-01-01' })).toMatchObject({
      quantityInPriceUnit: '20',
      unitPrice: '10',
    });
  });

  it('a price per box of 12 asked per piece: non-terminating unit price is rounded, amount exact', () => {
    const rows = [row({ unit: 'BOX12', tiers: checkTiers([{ upTo: null, price: '10' }], false) })];
    const p = priceFor(rows, conv, { quantity: new Dec(24), unit: 'PZ', date: '2026-01-01' });
    expect(p.quantityInPriceUnit).toBe('2');
    expect(p.unitPrice).toBe('0.8333333333');
    expect(p.amount).toBe('20.00');
  });

  it('a division unit (HALF = PZ \\ 2) converts exactly', () => {
    const p = priceFor([row({ tiers })], conv, { quantity: new Dec(7), unit: 'HALF', date: '2026-01-01' });
    expect(p).toMatchObject({ quantityInPriceUnit: '3.5', unitPrice: '1.25', amount: '8.75' });
  });

  it('honours validity dates, latest start first, and currency', () => {
    const rows = [
      row({
        id: 'old',
        validFrom: '2025-01-01',
        validTo: '2025-12-31',
        tiers: checkTiers([{ upTo: null, price: '1' }], false),
      }),
      row({ id: 'new', validFrom: '2026-01-01', tiers: checkTiers([{ upTo: null, price: '2' }], false) }),
      row({ id: 'usd', currency: 'USD', tiers: checkTiers([{ upTo: null, price: '3' }], false) }),
    ];
    expect(
      priceFor(rows, conv, { quantity: new Dec(1), unit: 'PZ', date: '2025-12-31', currency: 'EUR' }).priceRowId,
    ).toBe('old');
    expect(
      priceFor(rows, conv, { quantity: new Dec(1), unit: 'PZ', date: '2026-01-01', currency: 'EUR' }).priceRowId,
    ).toBe('new');
    expect(
      priceFor(rows, conv, { quantity: new Dec(1), unit: 'PZ', date: '2026-01-01', currency: 'USD' }).priceRowId,
    ).toBe('usd');
    expect(
      errorOf(() => priceFor(rows, conv, { quantity: new Dec(1), unit: 'PZ', date: '2024-06-01', currency: 'EUR' }))
        .code,
    ).toBe('price.not_found');
  });

  it('refuses units the item does not know, quantities above a closed last tier and non-positive quantities', () => {
    expect(
      errorOf(() => priceFor([row({ tiers })], conv, { quantity: new Dec(1), unit: 'KG', date: '2026-01-01' })).field,
    ).toBe('unit');
    const closed = [row({ tiers: checkTiers([{ upTo: '10', price: '1' }], false) })];
    const e = errorOf(() => priceFor(closed, conv, { quantity: new Dec(11), unit: 'PZ', date: '2026-01-01' }));
    expect([e.code, e.field]).toEqual(['price.not_found', 'quantity']);
    expect(errorOf(() => priceFor(closed, conv, { quantity: new Dec(0), unit: 'PZ', date: '2026-01-01' })).field).toBe(
      'quantity',
    );
  });
});
