import { describe, expect, it } from 'vitest';
import { Dec } from '../../../../src/domain/decimal.js';
import {
  type LotConsumption,
  type LotStock,
  allocateLots,
  compareLots,
  usableOn,
} from '../../../../src/domain/ledger/index.js';

const lot = (
  code: string,
  qty: string,
  expiryDate: string | null,
  firstReceipt: string | null,
  reserved?: string,
): LotStock => ({
  lot: code,
  quantity: new Dec(qty),
  expiryDate,
  firstReceipt,
  ...(reserved ? { reserved: new Dec(reserved) } : {}),
});

const stock = [
  lot('OLD', '3', '2026-12-31', '2026-01-01'),
  lot('MID', '3', '2026-05-01', '2026-01-15'),
  lot('EXPIRED', '3', '2026-02-01', '2026-01-20'),
  lot('NOEXP', '3', null, '2026-02-01'),
];

describe('allocateLots', () => {
  const cases: Array<[LotConsumption, string, Array<[string, string]>, string]> = [
    [
      'fifo',
      '4',
      [
        ['OLD', '3'],
        ['MID', '1'],
      ],
      '0',
    ],
    [
      'fifo',
      '12',
      [
        ['OLD', '3'],
        ['MID', '3'],
        ['EXPIRED', '3'],
        ['NOEXP', '3'],
      ],
      '0',
    ],
    [
      'fefo',
      '4',
      [
        ['MID', '3'],
        ['OLD', '1'],
      ],
      '0',
    ],
    [
      'fefo',
      '10',
      [
        ['MID', '3'],
        ['OLD', '3'],
        ['NOEXP', '3'],
      ],
      '1',
    ],
    [
      'lefo',
      '4',
      [
        ['OLD', '3'],
        ['MID', '1'],
      ],
      '0',
    ],
  ];
  it.each(cases)('%s takes %s', (order, need, expected, shortfall) => {
    const r = allocateLots(new Dec(need), stock, order, '2026-03-10');
    expect(r.allocations.map((a) => [a.lot, a.quantity.toFixed()])).toEqual(expected);
    expect(r.shortfall.toFixed()).toBe(shortfall);
    expect(r.skippedExpired).toEqual(order === 'fifo' ? [] : ['EXPIRED']);
  });
});

describe('the expiry rule: usable only when the expiry is after the posting date', () => {
  it.each([
    ['2026-03-09', '2026-03-10', false],
    ['2026-03-10', '2026-03-10', false], // expires on the posting date: not usable
    ['2026-03-11', '2026-03-10', true],
    [null, '2026-03-10', true],
  ] as const)('expiry %s on %s → %s', (expiry, date, usable) => {
    expect(usableOn(expiry, date)).toBe(usable);
  });

  it.each(['fefo', 'lefo'] as const)(
    '%s skips a lot expiring on the posting date and takes one expiring the day after',
    (order) => {
      const s = [lot('TODAY', '5', '2026-03-10', '2026-01-01'), lot('TOMORROW', '5', '2026-03-11', '2026-01-02')];
      const r = allocateLots(new Dec(6), s, order, '2026-03-10');
      expect(r.allocations.map((a) => [a.lot, a.quantity.toFixed()])).toEqual([['TOMORROW', '5']]);
      expect([r.shortfall.toFixed(), r.skippedExpired]).toEqual(['1', ['TODAY']]);
      // One day earlier both are usable.
      expect(allocateLots(new Dec(6), s, order, '2026-03-09').shortfall.toFixed()).toBe('0');
    },
  );
});

describe('FIFO is the first receipt', () => {
  it('orders by first receipt date, then lot code; a lot never received sorts last', () => {
    const s = [
      lot('B', '1', null, '2026-01-05'),
      lot('Z', '1', null, null),
      lot('A', '1', null, '2026-01-05'),
      lot('C', '1', null, '2025-12-31'),
    ];
    expect([...s].sort(compareLots('fifo')).map((l) => l.lot)).toEqual(['C', 'A', 'B', 'Z']);
  });

  it('breaks FEFO/LEFO ties on the same expiry by first receipt', () => {
    const s = [lot('LATE', '1', '2026-06-01', '2026-02-01'), lot('EARLY', '1', '2026-06-01', '2026-01-01')];
    expect([...s].sort(compareLots('fefo')).map((l) => l.lot)).toEqual(['EARLY', 'LATE']);
    expect([...s].sort(compareLots('lefo')).map((l) => l.lot)).toEqual(['EARLY', 'LATE']);
  });
});

describe('reservations', () => {
  it('takes unreserved stock of every usable lot before reserved stock', () => {
    const s = [lot('FIRST', '5', null, '2026-01-01', '4'), lot('SECOND', '5', null, '2026-01-02')];
    const r = allocateLots(new Dec(6), s, 'fifo', '2026-03-10');
    expect(r.allocations.map((a) => [a.lot, a.quantity.toFixed()])).toEqual([
      ['FIRST', '1'],
      ['SECOND', '5'],
    ]);
    expect(r.fromReserved.toFixed()).toBe('0');
  });

  it('dips into reserved stock last and says how much', () => {
    const s = [lot('FIRST', '5', null, '2026-01-01', '4'), lot('SECOND', '5', null, '2026-01-02')];
    const r = allocateLots(new Dec(8), s, 'fifo', '2026-03-10');
    expect(r.allocations.map((a) => [a.lot, a.quantity.toFixed()])).toEqual([
      ['FIRST', '3'],
      ['SECOND', '5'],
    ]);
    expect([r.fromReserved.toFixed(), r.shortfall.toFixed()]).toEqual(['2', '0']);
  });
});
