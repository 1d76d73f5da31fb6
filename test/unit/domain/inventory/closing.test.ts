import { describe, expect, it } from 'vitest';
import { planClosing, type ClosingItem } from '../../../../src/domain/inventory/closing.js';

const base: ClosingItem = {
  id: '1',
  itemId: 'A',
  warehouseId: 'W',
  warehouseKind: 'unstructured',
  zoneId: null,
  binId: null,
  lot: '',
  serial: '',
  ownerId: 'O',
  target: '10',
  reported: '8',
  differencesZoneId: null,
  unitPrice: '2.5',
};

describe('closing plan', () => {
  it('posts nothing when counted equals target', () => {
    expect(planClosing([{ ...base, reported: '10' }])).toEqual({
      adjustments: [],
      transfers: [],
      posted: [{ id: '1', postedQuantity: '0', unitPrice: null, via: null }],
    });
  });

  it('adjusts directly in an unstructured warehouse', () => {
    const p = planClosing([base]);
    expect(p.adjustments).toEqual([{ itemId: 'A', warehouseId: 'W', ownerId: 'O', quantity: '-2' }]);
    expect(planClosing([{ ...base, reported: '11' }]).adjustments[0]).toMatchObject({
      quantity: '1',
      unitPrice: '2.5',
    });
    expect(p.transfers).toEqual([]);
    expect(p.posted).toEqual([{ id: '1', postedQuantity: '-2', unitPrice: '2.5', via: 'adjustment' }]);
  });

  it('transfers to/from the differences zone in a structured warehouse', () => {
    const p = planClosing([
      {
        ...base,
        warehouseKind: 'structured',
        zoneId: 'Z',
        binId: 'B',
        target: '0',
        reported: '3',
        differencesZoneId: 'D',
      },
    ]);
    expect(p.transfers.map((l) => [l.zoneId, l.binId, l.quantity])).toEqual([
      ['Z', 'B', '3'],
      ['D', undefined, '-3'],
    ]);
    expect(p.posted).toEqual([{ id: '1', postedQuantity: '3', unitPrice: '2.5', via: 'transfer' }]);
  });

  it('adjusts serials and the differences zone itself directly', () => {
    const p = planClosing([
      {
        ...base,
        warehouseKind: 'structured',
        zoneId: 'Z',
        binId: 'B',
        serial: 'S1',
        target: '1',
        reported: '0',
        differencesZoneId: 'D',
      },
      { ...base, id: '2', warehouseKind: 'structured', zoneId: 'D', differencesZoneId: 'D' },
    ]);
    expect(p.adjustments).toHaveLength(2);
    expect(p.transfers).toHaveLength(0);
  });

  it('refuses a structured warehouse without a differences zone', () => {
    expect(() => planClosing([{ ...base, warehouseKind: 'structured', zoneId: 'Z', binId: 'B' }])).toThrow(
      expect.objectContaining({ code: 'place.differences_zone_missing' }),
    );
  });

  it('an item counted where nothing was expected (target null) posts the whole count', () => {
    expect(planClosing([{ ...base, target: null, reported: '4' }]).adjustments[0]!.quantity).toBe('4');
  });
});
