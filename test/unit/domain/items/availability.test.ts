// The lot proposal and the ledger's automatic consumption are one rule; the availability needs of a posting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../../src/domain/decimal.js';
import { availabilityNeeds, type NeedLine } from '../../../../src/domain/items/availability.js';
import { type LotStock, proposeLots } from '../../../../src/domain/items/lots.js';
import { allocateLots } from '../../../../src/domain/ledger/lots.js';

describe('lot proposal = automatic consumption', () => {
  it('a lot expiring on the posting date is skipped by both; one expiring the day after is used by both', () => {
    const stock: LotStock[] = [
      { lot: 'TODAY', available: new Dec(5), expiryDate: '2026-03-15', firstReceipt: '2026-01-01' },
      { lot: 'TOMORROW', available: new Dec(5), expiryDate: '2026-03-16', firstReceipt: '2026-01-02' },
    ];
    for (const order of ['fefo', 'lefo'] as const) {
      const p = proposeLots(stock, new Dec(3), order, '2026-03-15');
      const a = allocateLots(
        new Dec(3),
        stock.map((s) => ({ ...s, quantity: s.available })),
        order,
        '2026-03-15',
      );
      expect(p.lines.map((l) => l.lot)).toEqual(['TOMORROW']);
      expect(a.allocations.map((l) => l.lot)).toEqual(['TOMORROW']);
      expect(p.skippedExpired).toEqual(['TODAY']);
    }
  });

  it('propose and allocate agree on any stock, order and date', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
    const lotArb = fc.record({
      available: fc.integer({ min: 0, max: 9 }),
      expiryDate: fc.option(day),
      firstReceipt: fc.option(day),
    });
    fc.assert(
      fc.property(
        fc.array(lotArb, { maxLength: 8 }),
        fc.constantFrom('fifo', 'fefo', 'lefo' as const),
        day,
        fc.integer({ min: 1, max: 40 }),
        (lots, order, date, need) => {
          const stock: LotStock[] = lots.map((l, i) => ({
            lot: `L${i}`,
            available: new Dec(l.available),
            expiryDate: l.expiryDate,
            firstReceipt: l.firstReceipt,
          }));
          const p = proposeLots(stock, new Dec(need), order, date);
          const a = allocateLots(
            new Dec(need),
            stock.map((s) => ({ ...s, quantity: s.available })),
            order,
            date,
          );
          expect(p.lines.map((l) => [l.lot, l.quantity])).toEqual(
            a.allocations.map((x) => [x.lot, x.quantity.toFixed()]),
          );
          expect(p.shortfall).toBe(a.shortfall.toFixed());
          // Nothing proposed is expired under an expiry-based order.
          if (order !== 'fifo')
            for (const l of p.lines) expect(l.expiryDate === null || l.expiryDate > date).toBe(true);
        },
      ),
    );
  });
});

describe('availability needs of a posting', () => {
  const line = (index: number, itemId: string, warehouseId: string, quantity: string, lot = ''): NeedLine => ({
    index,
    itemId,
    warehouseId,
    ownerId: '1',
    lot,
    quantity: new Dec(quantity),
  });
  const shown = (lines: NeedLine[]) =>
    availabilityNeeds(lines).map((n) => [n.scope, n.itemId, n.warehouseId, n.lot, n.requested.toFixed(), n.lineIndex]);

  it('sums what leaves per item and warehouse, and per lot where a lot is named', () => {
    expect(
      shown([
        line(0, '7', '1', '-2', 'A'),
        line(1, '7', '1', '-3', 'B'),
        line(2, '8', '1', '-1'),
        line(3, '7', '1', '-1', 'A'),
      ]),
    ).toEqual([
      ['item', '7', '1', null, '6', 0],
      ['lot', '7', '1', 'A', '3', 0],
      ['lot', '7', '1', 'B', '3', 1],
      ['item', '8', '1', null, '1', 2],
    ]);
  });

  it('a transfer is checked at its source only; a move inside one warehouse takes nothing out of it', () => {
    expect(shown([line(0, '7', '1', '-4', 'A'), line(1, '7', '2', '4', 'A')])).toEqual([
      ['item', '7', '1', null, '4', 0],
      ['lot', '7', '1', 'A', '4', 0],
    ]);
    expect(shown([line(0, '7', '1', '-4', 'A'), line(1, '7', '1', '4', 'A')])).toEqual([]);
  });

  it('receipts need nothing', () => {
    expect(shown([line(0, '7', '1', '5')])).toEqual([]);
  });
});
