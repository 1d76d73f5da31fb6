import { describe, expect, it } from 'vitest';
import {
  addDays,
  type GenerationInput,
  normaliseParams,
  type SelectionData,
  selectPositions,
  type StockRow,
} from '../../../../src/domain/inventory/generation.js';

const item = (id: string, o: Partial<SelectionData['items'][number]> = {}): SelectionData['items'][number] => ({
  id,
  code: `I${id}`,
  includeInInventory: true,
  countCycleDays: 0,
  thresholdQuantity: '0',
  movementCountThreshold: 0,
  stockAccountClassification: null,
  classification1: null,
  classification2: null,
  classification3: null,
  classification4: null,
  classification5: null,
  ...o,
});
const row = (itemId: string, quantity: string, o: Partial<StockRow> = {}): StockRow => ({
  itemId,
  warehouseId: 'W',
  zoneId: null,
  binId: null,
  lot: '',
  serial: '',
  ownerId: 'O',
  quantity,
  everNonzero: quantity !== '0',
  lastCountedDate: null,
  movementsSinceCount: 0,
  ...o,
});
const data = (stock: StockRow[], items = ['1', '2', '3', '4'].map((i) => item(i))): SelectionData => ({
  warehouses: [
    { id: 'W', code: 'W', kind: 'unstructured', responsibleUserId: null },
    { id: 'V', code: 'V', kind: 'virtual', responsibleUserId: null },
  ],
  zones: [],
  bins: [],
  items,
  stock,
  onOtherLists: [],
});
const ctx = { ownerId: 'O', fiscalYearStart: '2026-01-01', today: '2026-03-15' };
const select = (
  method: Parameters<typeof normaliseParams>[0],
  input: Omit<GenerationInput, 'countType'>,
  d: SelectionData,
) =>
  selectPositions(normaliseParams(method, { countType: 'article', ...input }), d, ctx)
    .positions.map((p) => `${p.itemCode}${p.lot ? `/${p.lot}` : ''}`)
    .sort();

describe('stock consideration', () => {
  const d = data(
    [row('1', '-1'), row('2', '0', { everNonzero: true }), row('3', '0', { everNonzero: false }), row('4', '4')],
    [item('1'), item('2'), item('3'), item('4', { thresholdQuantity: '5' })],
  );
  it.each([
    ['all', ['I1', 'I2', 'I3', 'I4']],
    ['negative', ['I1']],
    ['positive', ['I4']],
    ['zero', ['I2']],
    ['below_threshold', ['I4']],
    ['empty_list', []],
  ] as const)('%s', (stockConsideration, expected) => {
    expect(select('continuous', { stockConsideration }, d)).toEqual(expected);
  });
  it('skips other owners, virtual warehouses and items not in inventory', () => {
    const d2 = data(
      [row('1', '1', { ownerId: 'X' }), row('2', '1', { warehouseId: 'V' }), row('3', '1'), row('4', '1')],
      [item('1'), item('2'), item('3', { includeInInventory: false }), item('4')],
    );
    expect(select('continuous', {}, d2)).toEqual(['I4']);
  });
});

describe('count setting', () => {
  it('count cycle reached (cycle 0 excluded)', () => {
    const d = data(
      [
        row('1', '1', { lastCountedDate: '2026-01-01' }),
        row('2', '1', { lastCountedDate: '2026-03-01' }),
        row('3', '1'),
        row('4', '1'),
      ],
      [
        item('1', { countCycleDays: 30 }),
        item('2', { countCycleDays: 30 }),
        item('3', { countCycleDays: 30 }),
        item('4'),
      ],
    );
    expect(select('continuous', { countSetting: 'count_cycle' }, d)).toEqual(['I1', 'I3']);
  });
  it('movement threshold reached (threshold 0 excluded)', () => {
    const d = data(
      [
        row('1', '1', { movementsSinceCount: 3 }),
        row('2', '1', { movementsSinceCount: 2 }),
        row('3', '1', { movementsSinceCount: 9 }),
      ],
      [item('1', { movementCountThreshold: 3 }), item('2', { movementCountThreshold: 3 }), item('3')],
    );
    expect(select('continuous', { countSetting: 'movement_threshold' }, d)).toEqual(['I1']);
  });
  it('not counted in this fiscal year; lots judged with the item unless counted lots are excluded', () => {
    const d = data([
      row('1', '1', { lastCountedDate: '2025-12-31' }),
      row('2', '1', { lastCountedDate: '2026-01-01' }),
      row('3', '1', { lot: 'A', lastCountedDate: '2026-02-01' }),
      row('3', '1', { lot: 'B', lastCountedDate: '2025-05-01' }),
      row('3', '1', { lot: 'C' }),
    ]);
    expect(select('stock_taking_day', { countSetting: 'not_counted' }, d)).toEqual(['I1', 'I3/A', 'I3/B', 'I3/C']);
    // C came later: it takes the item's last count (Feb 2026) and counts as counted.
    expect(select('stock_taking_day', { countSetting: 'not_counted', excludeCountedSpecifications: true }, d)).toEqual([
      'I1',
      'I3/B',
    ]);
  });
  it('ignore lists everything', () => {
    expect(
      select('sample', { countSetting: 'ignore' }, data([row('1', '1', { lastCountedDate: '2026-03-01' })])),
    ).toEqual(['I1']);
  });
});

describe('filters and informational items', () => {
  it('filters items and classifications', () => {
    const d = data(
      [row('1', '1'), row('2', '1'), row('3', '1')],
      [item('1', { classification2: 'X' }), item('2', { classification2: 'Y' }), item('3')],
    );
    expect(select('sample', { classification2: ['X', 'Y'] }, d)).toEqual(['I1', 'I2']);
    expect(select('sample', { itemIds: ['3'] }, d)).toEqual(['I3']);
  });
  it('marks or leaves out positions already on another open list', () => {
    const d = {
      ...data([row('1', '1'), row('2', '1')]),
      onOtherLists: [{ itemId: '1', warehouseId: 'W', zoneId: null, binId: null, lot: '', serial: '' }],
    };
    const off = selectPositions(normaliseParams('sample', { countType: 'article' }), d, ctx);
    expect([off.positions.map((p) => p.itemCode), off.onOtherList]).toEqual([['I2'], 1]);
    const on = selectPositions(normaliseParams('sample', { countType: 'article', informationalItems: true }), d, ctx);
    expect(on.positions.map((p) => [p.itemCode, p.informational])).toEqual([
      ['I1', true],
      ['I2', false],
    ]);
  });
});

describe('defaults', () => {
  it('fills every parameter', () => {
    expect(normaliseParams('stock_taking_day', { countType: 'bin' })).toMatchObject({
      stockConsideration: 'occupied_and_empty_bins',
      countSetting: 'ignore',
      responsibleOrigin: 'inventory',
      maxLists: 0,
      maxItemsPerList: null,
      structure: ['warehouse', 'zone', 'aisle', 'row', 'level', 'place'].map((criterion) => ({
        criterion,
        newList: false,
        groupChange: 0,
      })),
    });
  });
  it('adds days across months', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
  });
});
