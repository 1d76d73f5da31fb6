import { describe, expect, it } from 'vitest';
import { Dec } from '../../../../src/domain/decimal.js';
import { DomainError } from '../../../../src/domain/errors.js';
import { DEFAULT_MASTER_FIELDS, checkMasterFields } from '../../../../src/domain/items/fields.js';
import { type LotStock, judgeAvailability, proposeLots } from '../../../../src/domain/items/lots.js';
import {
  type Planning,
  checkPeriod,
  checkThresholds,
  classifyAbc,
  effectivePlanning,
  stockControl,
} from '../../../../src/domain/items/planning.js';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const lot = (code: string, qty: string, expiry: string | null, first: string | null): LotStock => ({
  lot: code,
  available: new Dec(qty),
  expiryDate: expiry,
  firstReceipt: first,
});
const stock = [
  lot('A', '5', '2026-06-30', '2026-01-10'),
  lot('B', '5', '2026-04-30', '2026-02-10'),
  lot('C', '5', '2026-03-15', '2025-12-01'), // expires on the posting date: expired
  lot('D', '5', null, '2026-03-01'),
  lot('E', '0', '2027-01-01', '2025-01-01'), // nothing available
];

describe('lot proposals', () => {
  it.each([
    [
      'fifo',
      '12',
      [
        ['C', '5'],
        ['A', '5'],
        ['B', '2'],
      ],
      [],
    ],
    [
      'fefo',
      '12',
      [
        ['B', '5'],
        ['A', '5'],
        ['D', '2'],
      ],
      ['C'],
    ],
    [
      'lefo',
      '12',
      [
        ['A', '5'],
        ['B', '5'],
        ['D', '2'],
      ],
      ['C'],
    ],
  ] as const)('%s for %s', (order, qty, lines, skipped) => {
    const p = proposeLots(stock, new Dec(qty), order, '2026-03-15');
    expect(p.lines.map((l) => [l.lot, l.quantity])).toEqual(lines);
    expect(p.skippedExpired).toEqual(skipped);
    expect(p.shortfall).toBe('0');
  });

  it('reports a shortfall instead of inventing stock', () => {
    const p = proposeLots(stock, new Dec('100.5'), 'fefo', '2026-03-15');
    expect([p.proposed, p.shortfall]).toEqual(['15', '85.5']);
  });

  it('availability = on hand − reserved, judged by the item mode', () => {
    expect(judgeAvailability('blocking', new Dec(10), new Dec(4), new Dec(6))).toMatchObject({
      available: '6',
      sufficient: true,
      outcome: 'ok',
    });
    expect(judgeAvailability('blocking', new Dec(10), new Dec(4), new Dec('6.5')).outcome).toBe('blocked');
    expect(judgeAvailability('warning', new Dec(10), new Dec(4), new Dec(7)).outcome).toBe('warning');
    expect(judgeAvailability('none', new Dec(0), new Dec(0), new Dec(7))).toMatchObject({
      sufficient: false,
      outcome: 'ok',
    });
  });
});

const plan = (o: Partial<Record<keyof Planning, string | number>> = {}): Planning => ({
  minStock: new Dec(o.minStock ?? 0),
  maxStock: new Dec(o.maxStock ?? 0),
  reorderPoint: new Dec(o.reorderPoint ?? 0),
  reorderLot: new Dec(o.reorderLot ?? 0),
  minReorderQuantity: new Dec(o.minReorderQuantity ?? 0),
  supplyLeadDays: Number(o.supplyLeadDays ?? 0),
});

describe('stock control', () => {
  it.each([
    [{ minStock: 10 }, '4', 'below_minimum', '6', '0', '6'],
    [{ minStock: 10, maxStock: 50 }, '60', 'above_maximum', '0', '10', '0'],
    [{ minStock: 0, maxStock: 0 }, '1000', 'ok', '0', '0', '0'],
    [{ minStock: 10, reorderPoint: 20, maxStock: 40 }, '15', 'below_reorder_point', '0', '0', '25'],
    [{ minStock: 10, maxStock: 40, reorderLot: 12 }, '4', 'below_minimum', '6', '0', '36'],
    [{ minStock: 10, minReorderQuantity: 50 }, '9', 'below_minimum', '1', '0', '50'],
  ] as const)('%j with %s on hand → %s', (p, onHand, status, shortage, excess, order) => {
    expect(stockControl(plan(p), new Dec(onHand))).toEqual({ status, shortage, excess, suggestedOrder: order });
  });

  it('per-warehouse overrides replace only what they set', () => {
    const e = effectivePlanning(plan({ minStock: 10, maxStock: 100, supplyLeadDays: 5 }), {
      minStock: new Dec(3),
      maxStock: null,
      supplyLeadDays: 2,
    });
    expect([e.minStock.toFixed(), e.maxStock.toFixed(), e.supplyLeadDays]).toEqual(['3', '100', 2]);
  });
});

describe('ABC analysis', () => {
  const t = checkThresholds('80', '95');
  it('cuts at cumulative shares; the item crossing a threshold stays in the upper class; no consumption is C', () => {
    const r = classifyAbc(
      [
        { itemId: '1', value: new Dec(700) },
        { itemId: '2', value: new Dec(150) },
        { itemId: '3', value: new Dec(100) },
        { itemId: '4', value: new Dec(30) },
        { itemId: '5', value: new Dec(20) },
        { itemId: '6', value: new Dec(0) },
      ],
      t,
    );
    expect(r.map((x) => [x.itemId, x.abcClass])).toEqual([
      ['1', 'A'],
      ['2', 'A'],
      ['3', 'B'],
      ['4', 'C'],
      ['5', 'C'],
      ['6', 'C'],
    ]);
    expect(r[0]!.share).toBe('70');
    expect(r[2]!.cumulativeShare).toBe('95');
  });

  it('refuses a period with a date that does not exist or ends before it starts', () => {
    expect(errorOf(() => checkPeriod('2026-01-01', '2026-02-30')).field).toBe('to');
    expect(errorOf(() => checkPeriod('2026-1-01', '2026-02-28')).field).toBe('from');
    expect(errorOf(() => checkPeriod('2026-03-01', '2026-02-28')).message).toContain('before');
    expect(() => checkPeriod('2024-02-29', '2024-02-29')).not.toThrow();
  });

  it('refuses thresholds out of order', () => {
    expect(errorOf(() => checkThresholds('90', '80')).field).toBe('thresholdB');
    expect(errorOf(() => checkThresholds('0', '80')).field).toBe('thresholdA');
  });
});

describe('item-master field couplings', () => {
  const item = { lotManagement: 'yes' as const, serialManagement: false };
  it('lot management raises the lot availability and availability checks unless set explicitly', () => {
    const m = checkMasterFields({ ...DEFAULT_MASTER_FIELDS }, item, new Set());
    expect([m.lotAvailabilityCheck, m.availabilityCheck]).toEqual(['blocking', 'blocking']);
    expect(
      errorOf(() => checkMasterFields({ ...DEFAULT_MASTER_FIELDS }, item, new Set(['lotAvailabilityCheck']))).field,
    ).toBe('lotAvailabilityCheck');
    const w = checkMasterFields(
      { ...DEFAULT_MASTER_FIELDS, lotAvailabilityCheck: 'warning' },
      item,
      new Set(['lotAvailabilityCheck']),
    );
    expect(w.availabilityCheck).toBe('warning');
  });

  it('serial management needs a serial class; weights and planning are consistent', () => {
    expect(
      errorOf(() =>
        checkMasterFields({ ...DEFAULT_MASTER_FIELDS }, { lotManagement: 'no', serialManagement: true }, new Set()),
      ),
    ).toMatchObject({ code: 'lot.class_required', field: 'serialClass' });
    expect(
      errorOf(() =>
        checkMasterFields(
          { ...DEFAULT_MASTER_FIELDS, netWeight: '2', grossWeight: '1.5' },
          { lotManagement: 'no', serialManagement: false },
          new Set(),
        ),
      ).field,
    ).toBe('grossWeight');
    expect(
      errorOf(() =>
        checkMasterFields(
          { ...DEFAULT_MASTER_FIELDS, minStock: '10', maxStock: '5' },
          { lotManagement: 'no', serialManagement: false },
          new Set(),
        ),
      ).field,
    ).toBe('maxStock');
    expect(
      checkMasterFields(
        { ...DEFAULT_MASTER_FIELDS, netWeight: '1.500' },
        { lotManagement: 'no', serialManagement: false },
        new Set(),
      ).netWeight,
    ).toBe('1.5');
  });
});
