import { describe, expect, it } from 'vitest';
import { Dec } from '../../../../src/domain/decimal.js';
import {
  type KeyKind,
  type PlaceFacts,
  type PostingLineInput,
  checkKeyKind,
  checkLine,
  firstLock,
  lineTouchesLock,
  parsePosting,
  planPosting,
  positionKey,
} from '../../../../src/domain/ledger/index.js';

const facts: PlaceFacts = {
  items: new Map([
    ['1', { id: '1', code: 'PLAIN', lotManagement: 'no', serialManagement: false }],
    ['2', { id: '2', code: 'LOTTED', lotManagement: 'yes', serialManagement: false }],
    ['3', { id: '3', code: 'SERIAL', lotManagement: 'no', serialManagement: true }],
  ]),
  warehouses: new Map([
    ['10', { id: '10', code: 'FLAT', siteId: '1', kind: 'unstructured', allowNegative: false }],
    ['11', { id: '11', code: 'WMS', siteId: '1', kind: 'structured', allowNegative: false }],
    ['12', { id: '12', code: 'VIRT', siteId: '1', kind: 'virtual', allowNegative: true }],
    ['13', { id: '13', code: 'OTHER', siteId: '2', kind: 'unstructured', allowNegative: false }],
  ]),
  zones: new Map([
    ['20', { id: '20', code: 'BINS', warehouseId: '11', structured: true }],
    ['21', { id: '21', code: 'FLOOR', warehouseId: '11', structured: false }],
    ['22', { id: '22', code: 'DIFF', warehouseId: '11', structured: false, usage: 'inventory_differences' }],
  ]),
  bins: new Map([
    ['30', { id: '30', code: '01-01', warehouseId: '11', zoneId: '20' }],
    ['31', { id: '31', code: '09', warehouseId: '11', zoneId: '21' }],
  ]),
};

const parse = (lines: Partial<PostingLineInput>[]) =>
  parsePosting({
    siteId: '1',
    keyCode: 'K',
    postingDate: '2026-03-01',
    originType: 'test',
    lines: lines.map((l) => ({ itemId: '1', warehouseId: '10', ownerId: '1', quantity: '1', ...l })),
  }).lines;

describe('checkLine', () => {
  const cases: Array<[string, Partial<PostingLineInput>, string | null]> = [
    ['plain item in an unstructured warehouse', {}, null],
    ['virtual warehouses hold stock', { warehouseId: '12' }, null],
    ['zone in an unstructured warehouse', { zoneId: '20' }, 'place.zone_not_allowed'],
    ['bin in an unstructured warehouse', { binId: '30' }, 'place.bin_not_allowed'],
    ['structured warehouse without zone', { warehouseId: '11' }, 'place.bin_required'],
    ['structured zone without bin', { warehouseId: '11', zoneId: '20' }, 'place.bin_required'],
    ['structured zone with bin', { warehouseId: '11', zoneId: '20', binId: '30' }, null],
    ['unstructured zone without bin', { warehouseId: '11', zoneId: '21' }, null],
    ['unstructured zone with bin', { warehouseId: '11', zoneId: '21', binId: '31' }, 'place.bin_not_allowed'],
    ['bin of another zone', { warehouseId: '11', zoneId: '20', binId: '31' }, 'validation.failed'],
    ['warehouse of another site', { warehouseId: '13' }, 'validation.failed'],
    ['unknown item', { itemId: '99' }, 'reference.unknown'],
    ['lot item without lot', { itemId: '2' }, 'item.lot_required'],
    ['lot item with lot', { itemId: '2', lot: 'L1' }, null],
    ['plain item with lot', { lot: 'L1' }, 'item.lot_not_allowed'],
    ['serial item without serial', { itemId: '3' }, 'item.serial_required'],
    ['serial item quantity 2', { itemId: '3', serial: 'S', quantity: '2' }, 'ledger.serial_quantity'],
    ['serial item quantity -1', { itemId: '3', serial: 'S', quantity: '-1' }, null],
    ['plain item with serial', { serial: 'S' }, 'item.serial_not_allowed'],
    ['expiry without lot', { expiryDate: '2027-01-01' }, 'validation.failed'],
  ];
  it.each(cases)('%s', (_name, input, code) => {
    const [line] = parse([input]);
    const run = () => checkLine(line!, '1', facts);
    if (code === null) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code }));
  });
});

describe('parsePosting', () => {
  const cases: Array<[string, Partial<PostingLineInput>, string]> = [
    ['binary float quantity', { quantity: 1.5 as unknown as string }, 'lines.0.quantity'],
    ['zero quantity without value', { quantity: '0' }, 'lines.0.quantity'],
    ['price on an outgoing line', { quantity: '-1', unitPrice: '2' }, 'lines.0.unitPrice'],
    ['negative price', { unitPrice: '-2' }, 'lines.0.unitPrice'],
    ['price and value together', { unitPrice: '2', value: '4' }, 'lines.0.value'],
    ['bad id', { itemId: 'x' }, 'lines.0.itemId'],
  ];
  it.each(cases)('refuses %s naming the field', (_n, input, field) => {
    expect(() => parse([input])).toThrow(expect.objectContaining({ field }));
  });
});

describe('checkKeyKind', () => {
  const cases: Array<[KeyKind, string[], boolean]> = [
    ['receipt', ['1', '2'], true],
    ['receipt', ['1', '-1'], false],
    ['issue', ['-1'], true],
    ['issue', ['1'], false],
    ['transfer', ['-3', '3'], true],
    ['transfer', ['-3', '2'], false],
    ['adjustment', ['-3', '2'], true],
  ];
  it.each(cases)('%s with %j → ok=%s', (kind, qs, ok) => {
    const lines = parse(qs.map((quantity) => ({ quantity })));
    const run = () => checkKeyKind(kind, 'K', lines);
    if (ok) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code: 'ledger.key_kind_mismatch' }));
  });
  it('revaluation needs quantity 0 lines', () => {
    expect(() => checkKeyKind('revaluation', 'K', parse([{ quantity: '0', value: '5' }]))).not.toThrow();
    expect(() => checkKeyKind('revaluation', 'K', parse([{ quantity: '1' }]))).toThrow(
      expect.objectContaining({ code: 'ledger.key_kind_mismatch' }),
    );
  });
});

describe('planPosting', () => {
  const plan = (
    kind: KeyKind,
    lines: Partial<PostingLineInput>[],
    balances: Array<[Partial<PostingLineInput>, string]> = [],
  ) => {
    const parsed = parse(lines);
    const bal = new Map(balances.map(([l, q]) => [positionKey(parse([l])[0]!), new Dec(q)]));
    return planPosting({
      kind,
      lines: parsed,
      items: facts.items,
      warehouses: facts.warehouses,
      zones: facts.zones,
      balances: bal,
      valuations: new Map([['1|', { quantity: new Dec(10), average: new Dec(4) }]]),
    });
  };
  // The differences zone is a clearing account: closing a surplus takes stock out of it before any shortage
  // was transferred in. Every other place of the same structured warehouse keeps the rule.
  const negativeCases: Array<[string, Partial<PostingLineInput>, boolean]> = [
    ['differences zone of a warehouse without negative stock', { warehouseId: '11', zoneId: '22' }, true],
    ['normal zone without bins, same warehouse', { warehouseId: '11', zoneId: '21' }, false],
    ['bin of the same warehouse', { warehouseId: '11', zoneId: '20', binId: '30' }, false],
    ['unstructured warehouse without negative stock', { warehouseId: '10' }, false],
  ];
  it.each(negativeCases)('negative stock at %s allowed: %s', (_name, place, allowed) => {
    const run = () => plan('adjustment', [{ ...place, quantity: '-3' }]);
    if (allowed) expect(run().balances[0]!.after.toFixed()).toBe('-3');
    else expect(run).toThrow(expect.objectContaining({ code: 'ledger.negative_stock' }));
  });
  it('refuses negative stock with the available quantity', () => {
    expect(() => plan('issue', [{ quantity: '-3' }], [[{}, '2']])).toThrow(
      expect.objectContaining({
        code: 'ledger.negative_stock',
        params: expect.objectContaining({ available: '2', requested: '3' }),
      }),
    );
  });
  it('allows negative stock in a warehouse that allows it', () => {
    expect(plan('issue', [{ quantity: '-3', warehouseId: '12' }]).balances[0]!.after.toFixed()).toBe('-3');
  });
  it('judges the net effect per position: in and out in one posting', () => {
    const p = plan('adjustment', [{ quantity: '2' }, { quantity: '-3' }], [[{}, '1']]);
    expect(p.balances).toHaveLength(1);
    expect(p.balances[0]).toMatchObject({ movements: 2, everNonzero: true });
    expect(p.balances[0]!.after.isZero()).toBe(true);
  });
  it("a value adjustment larger than one warehouse's stock value moves the item average only", () => {
    const lines = parse([{ quantity: '0', value: '-20' }]);
    const p = planPosting({
      kind: 'revaluation',
      lines,
      items: facts.items,
      warehouses: facts.warehouses,
      balances: new Map(),
      valuations: new Map([
        ['1|', { quantity: new Dec(10), average: new Dec(4) }],
        ['1|10', { quantity: new Dec(1), average: new Dec(4) }],
      ]),
    });
    expect(p.valuations.map((v) => [v.warehouseId, v.after.average.toFixed()])).toEqual([
      [null, '2'],
      ['10', '4'],
    ]);
    expect(p.balances).toEqual([]);
  });
  it('values a transfer at the average on both sides', () => {
    const p = plan('transfer', [{ quantity: '-2' }, { quantity: '2', warehouseId: '12' }], [[{}, '10']]);
    expect(p.entries.map((e) => e.value.toFixed())).toEqual(['-8', '8']);
  });
});

describe('locks', () => {
  const place = { itemId: '1', warehouseId: '10', zoneId: '20', binId: '30' };
  const cases: Array<
    [string, { warehouseId: string; zoneId: string | null; binId: string | null; itemId: string | null }, boolean]
  > = [
    ['whole warehouse', { warehouseId: '10', zoneId: null, binId: null, itemId: null }, true],
    ['other warehouse', { warehouseId: '11', zoneId: null, binId: null, itemId: null }, false],
    ['same item', { warehouseId: '10', zoneId: null, binId: null, itemId: '1' }, true],
    ['other item', { warehouseId: '10', zoneId: null, binId: null, itemId: '2' }, false],
    ['same bin', { warehouseId: '10', zoneId: '20', binId: '30', itemId: null }, true],
    ['other bin', { warehouseId: '10', zoneId: '20', binId: '31', itemId: null }, false],
    ['other zone', { warehouseId: '10', zoneId: '21', binId: null, itemId: null }, false],
  ];
  it.each(cases)('%s → %s', (_n, lock, touches) => {
    expect(lineTouchesLock(place, { countListId: '1', ...lock })).toBe(touches);
  });
  it('ignores the locks of the posting count list', () => {
    const lock = { countListId: '7', warehouseId: '10', zoneId: null, binId: null, itemId: null };
    expect(firstLock([place], [lock], '7')).toBeUndefined();
    expect(firstLock([place], [lock])).toMatchObject({ lineIndex: 0 });
  });
});
