// Count files, the pure part: header matching, row parsing, resolving a row to a list position, export rows.
import { describe, expect, it } from 'vitest';
import {
  type CountFileFacts,
  type CountFileRow,
  type LineFact,
  type ListFact,
  codeForms,
  countRowProblem,
  exportHeader,
  exportValues,
  fileQuantity,
  importStatus,
  mapCountHeader,
  parseCountRow,
  resolveCountRow,
} from '../../../../src/domain/inventory/count-file.js';
import { DomainError } from '../../../../src/domain/errors.js';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? { code: e.code, field: e.field } : e;
  }
  return null;
};

describe('mapCountHeader', () => {
  it('matches the export headers and ERP aliases without case, spaces or underscores', () => {
    const h = mapCountHeader([
      'List Number',
      'WAREHOUSE',
      'bin_code',
      'Item Code',
      'Batch',
      'Serial No.',
      'UoM',
      'Counted Quantity',
      'Target',
      'Remark',
    ]);
    expect(Object.fromEntries(h.columns)).toEqual({
      list: 'List Number',
      warehouse: 'WAREHOUSE',
      bin: 'bin_code',
      item: 'Item Code',
      lot: 'Batch',
      serial: 'Serial No.',
      unit: 'UoM',
      counted: 'Counted Quantity',
      target: 'Target',
    });
    expect(h.ignored).toEqual(['Remark']);
    expect(mapCountHeader(['barcode', 'qty']).columns.get('item')).toBe('barcode');
  });

  it.each([
    [['item', 'description'], 'counted'],
    [['lot', 'counted'], 'item'],
    [['item', 'quantity', 'qty'], 'counted'],
  ])('refuses %j (field %s)', (header, field) => {
    expect(codeOf(() => mapCountHeader(header))).toEqual({ code: 'import.header_invalid', field });
  });
});

describe('fileQuantity', () => {
  it.each([
    ['1,5', '1.5'],
    ['1.50', '1.5'],
    [' 12 ', '12'],
    ['-2', '-2'],
    ['0', '0'],
    ['1 000', '1000'],
  ])('%s → %s', (text, want) => {
    expect(fileQuantity(text)).toBe(want);
  });
  it.each(['1.000,5', '1,000,5', 'abc', '1e3', '--1'])('refuses %s naming the counted column', (text) => {
    expect(codeOf(() => fileQuantity(text))).toEqual({ code: 'quantity.invalid', field: 'counted' });
  });
});

describe('parseCountRow', () => {
  const header = mapCountHeader(['Item', 'Lot', 'Bin', 'Counted']);
  it('reads the row by column, trims codes; an empty quantity skips the row', () => {
    expect(parseCountRow(7, { Item: ' A1 ', Lot: 'L1', Bin: '', Counted: '2,5' }, header)).toEqual({
      line: 7,
      list: '',
      warehouse: '',
      zone: '',
      bin: '',
      item: 'A1',
      lot: 'L1',
      serial: '',
      unit: '',
      quantity: '2.5',
    });
    expect(parseCountRow(8, { Item: 'A1', Counted: ' ' }, header)).toBeNull();
  });
  it('an empty item confirms a bin; without a bin, or with a lot, it names the item column', () => {
    expect(parseCountRow(2, { Item: '', Bin: 'P1', Counted: '0' }, header)).toMatchObject({ item: '', bin: 'P1' });
    expect(codeOf(() => parseCountRow(2, { Item: '', Counted: '1' }, header))).toEqual({
      code: 'validation.failed',
      field: 'item',
    });
    expect(codeOf(() => parseCountRow(2, { Item: '', Lot: 'L', Bin: 'P1', Counted: '1' }, header))).toEqual({
      code: 'validation.failed',
      field: 'item',
    });
    expect(codeOf(() => parseCountRow(2, { Item: 'X'.repeat(61), Counted: '1' }, header))).toEqual({
      code: 'validation.failed',
      field: 'item',
    });
  });
});

const LIST: ListFact = { id: '1', number: 'L0001', warehouseId: 'W1', countType: 'article' };
const BIN_LIST: ListFact = { id: '2', number: 'L0002', warehouseId: 'W2', countType: 'bin' };
const line = (o: Partial<LineFact>): LineFact => ({
  countListId: '1',
  itemId: 'I1',
  warehouseId: 'W1',
  zoneId: null,
  binId: null,
  lot: '',
  serial: '',
  informational: false,
  reportedQuantity: null,
  ...o,
});
function facts(o: Partial<CountFileFacts> = {}): CountFileFacts {
  return {
    scopeList: LIST,
    inventoryNumber: 'INV1',
    lists: new Map([
      ['L0001', LIST],
      ['L0002', BIN_LIST],
    ]),
    codes: new Map([
      ['A1', { itemId: 'I1', itemCode: 'A1', primaryUnit: 'PZ', unit: 'PZ', conversion: { op: 'x', factor: '1' } }],
      [
        '4000001',
        { itemId: 'I1', itemCode: 'A1', primaryUnit: 'PZ', unit: 'CT', conversion: { op: 'x', factor: '12' } },
      ],
      ['K1', { itemId: 'I2', itemCode: 'K1', primaryUnit: 'KG', unit: 'KG', conversion: { op: 'x', factor: '1' } }],
    ]),
    itemUnits: new Map([['I2', { itemId: 'I2', units: new Map([['G', { op: '\\', factor: '1000' }]]) }]]),
    unitDecimals: new Map([
      ['PZ', 0],
      ['CT', 0],
      ['KG', 3],
      ['G', 0],
    ]),
    lines: new Map([
      [
        'I1',
        [
          line({}),
          line({ countListId: '2', warehouseId: 'W2', zoneId: 'Z1', binId: 'B1' }),
          line({ countListId: '2', warehouseId: 'W2', zoneId: 'Z1', binId: 'B2' }),
        ],
      ],
      ['I2', [line({ itemId: 'I2', lot: 'L1' })]],
    ]),
    binLists: new Map([
      ['B1', ['2']],
      ['B3', ['2']],
    ]),
    warehouses: new Map([
      ['W-PLAIN', 'W1'],
      ['W-WMS', 'W2'],
    ]),
    zones: new Map([['W2|Z-A', 'Z1']]),
    bins: new Map([
      ['P1', [{ id: 'B1', warehouseId: 'W2', zoneId: 'Z1' }]],
      ['P2', [{ id: 'B2', warehouseId: 'W2', zoneId: 'Z1' }]],
      ['P3', [{ id: 'B3', warehouseId: 'W2', zoneId: 'Z1' }]],
      [
        'X',
        [
          { id: 'B8', warehouseId: 'W1', zoneId: 'Z8' },
          { id: 'B9', warehouseId: 'W2', zoneId: 'Z1' },
        ],
      ],
    ]),
    ...o,
  };
}
const row = (o: Partial<CountFileRow>): CountFileRow => ({
  line: 5,
  list: '',
  warehouse: '',
  zone: '',
  bin: '',
  item: 'A1',
  lot: '',
  serial: '',
  unit: '',
  quantity: '3',
  ...o,
});

describe('resolveCountRow', () => {
  it('a row naming a line of the list reports that line, in the primary unit', () => {
    expect(resolveCountRow(row({}), facts())).toEqual({
      line: 5,
      countListId: '1',
      itemId: 'I1',
      warehouseId: 'W1',
      zoneId: null,
      binId: null,
      lot: '',
      serial: '',
      quantity: '3',
      enteredQuantity: '3',
      enteredUnit: 'PZ',
      unchanged: false,
    });
  });
  it("a row repeating its line's confirmed quantity (as exported, in any unit) is unchanged; another quantity or an open line is not", () => {
    const f = facts({ lines: new Map([['I1', [line({ reportedQuantity: '24' })]]]) });
    expect(resolveCountRow(row({ quantity: '24.0' }), f).unchanged).toBe(true);
    expect(resolveCountRow(row({ item: '4000001', quantity: '2' }), f).unchanged).toBe(true);
    expect(resolveCountRow(row({ quantity: '25' }), f).unchanged).toBe(false);
    expect(resolveCountRow(row({ quantity: '24' }), facts()).unchanged).toBe(false);
  });
  it('a search code counts in its unit; the unit column converts through the item units, exactly', () => {
    expect(resolveCountRow(row({ item: '4000001', quantity: '2' }), facts())).toMatchObject({
      quantity: '24',
      enteredUnit: 'CT',
    });
    expect(resolveCountRow(row({ item: '4000001', unit: 'PZ', quantity: '2' }), facts())).toMatchObject({
      quantity: '2',
      enteredUnit: 'PZ',
    });
    expect(resolveCountRow(row({ item: 'K1', lot: 'L1', unit: 'G', quantity: '1500' }), facts())).toMatchObject({
      quantity: '1.5',
      enteredUnit: 'G',
    });
    expect(codeOf(() => resolveCountRow(row({ item: 'K1', lot: 'L1', unit: 'G', quantity: '0.5' }), facts()))).toEqual({
      code: 'quantity.too_many_decimals',
      field: 'counted',
    });
    expect(codeOf(() => resolveCountRow(row({ unit: 'KG' }), facts()))).toEqual({
      code: 'unit.not_convertible',
      field: 'unit',
    });
    expect(codeOf(() => resolveCountRow(row({ quantity: '1.5' }), facts()))).toEqual({
      code: 'quantity.too_many_decimals',
      field: 'counted',
    });
  });
  it('finds a GTIN in its other forms (a spreadsheet dropped the leading zero of an EAN)', () => {
    const f = facts({
      codes: new Map([
        [
          '04000001000019',
          { itemId: 'I1', itemCode: 'A1', primaryUnit: 'PZ', unit: 'PZ', conversion: { op: 'x', factor: '1' } },
        ],
      ]),
    });
    expect(resolveCountRow(row({ item: '4000001000019' }), f)).toMatchObject({ itemId: 'I1' });
    expect(codeForms('4000001000019')).toEqual(['4000001000019', '04000001000019']);
    expect(codeForms('12345670')).toEqual(['12345670', '00000012345670', '0000012345670', '000012345670']);
    expect(codeForms('A-1')).toEqual(['A-1']);
  });
  it('names the column of an unknown code', () => {
    expect(codeOf(() => resolveCountRow(row({ item: 'NOPE' }), facts()))).toEqual({
      code: 'reference.unknown',
      field: 'item',
    });
    expect(codeOf(() => resolveCountRow(row({ warehouse: 'NOPE' }), facts()))).toEqual({
      code: 'reference.unknown',
      field: 'warehouse',
    });
    expect(codeOf(() => resolveCountRow(row({ bin: 'NOPE' }), facts()))).toEqual({
      code: 'reference.unknown',
      field: 'bin',
    });
    expect(codeOf(() => resolveCountRow(row({ bin: 'P1' }), facts()))).toEqual({
      code: 'count.place_not_on_list',
      field: 'bin',
    });
    expect(codeOf(() => resolveCountRow(row({ list: 'L9' }), facts()))).toEqual({
      code: 'reference.unknown',
      field: 'list',
    });
    expect(codeOf(() => resolveCountRow(row({ list: 'L0002' }), facts()))).toEqual({
      code: 'count.place_not_on_list',
      field: 'list',
    });
  });
  it('inventory scope: the position decides the list; several lines need the bin; a bin code in two warehouses needs the warehouse', () => {
    const inv = facts({ scopeList: null });
    expect(resolveCountRow(row({ bin: 'p2' }), inv)).toMatchObject({
      countListId: '2',
      warehouseId: 'W2',
      zoneId: 'Z1',
      binId: 'B2',
    });
    expect(codeOf(() => resolveCountRow(row({}), inv))).toEqual({ code: 'validation.failed', field: 'bin' });
    expect(resolveCountRow(row({ warehouse: 'W-PLAIN' }), inv)).toMatchObject({ countListId: '1', warehouseId: 'W1' });
    expect(codeOf(() => resolveCountRow(row({ bin: 'X' }), inv))).toEqual({ code: 'validation.failed', field: 'bin' });
    expect(resolveCountRow(row({ bin: 'X', warehouse: 'W-WMS', list: 'L0002' }), inv)).toMatchObject({
      countListId: '2',
      binId: 'B9',
    });
  });
  it("a found item goes to the row's list, or to the bin list counting its bin; else the list column is named", () => {
    expect(resolveCountRow(row({ item: 'K1', lot: 'L2' }), facts())).toMatchObject({
      countListId: '1',
      warehouseId: 'W1',
      lot: 'L2',
    });
    const inv = facts({ scopeList: null });
    expect(resolveCountRow(row({ item: 'K1', lot: 'L2', bin: 'P3' }), inv)).toMatchObject({
      countListId: '2',
      binId: 'B3',
      zoneId: 'Z1',
    });
    expect(codeOf(() => resolveCountRow(row({ item: 'K1', lot: 'L2' }), inv))).toEqual({
      code: 'count.place_not_on_list',
      field: 'list',
    });
    const spanning = facts({ scopeList: { ...LIST, warehouseId: null } });
    expect(codeOf(() => resolveCountRow(row({ item: 'K1', lot: 'L2' }), spanning))).toEqual({
      code: 'validation.failed',
      field: 'warehouse',
    });
  });
  it('an empty item confirms the empty-bin line of a bin', () => {
    const f = facts({
      scopeList: BIN_LIST,
      lines: new Map([['', [line({ countListId: '2', itemId: null, warehouseId: 'W2', zoneId: 'Z1', binId: 'B3' })]]]),
    });
    expect(resolveCountRow(row({ item: '', bin: 'P3', quantity: '0' }), f)).toMatchObject({
      itemId: null,
      binId: 'B3',
      quantity: '0',
      enteredUnit: null,
    });
  });
});

describe('rows, export and status', () => {
  it("maps the reporting path's fields to file columns", () => {
    const p = (field: string | undefined, code = 'validation.failed' as const) =>
      countRowProblem(3, new DomainError(code, 'x', field ? { field } : {})).field;
    expect([
      p('itemId'),
      p('binId'),
      p('quantity'),
      p('lot'),
      p('serial'),
      p('zoneId'),
      p('countListId'),
      p('unit'),
    ]).toEqual(['item', 'bin', 'counted', 'lot', 'serial', 'zone', 'list', 'unit']);
    expect(countRowProblem(3, new DomainError('count.list_closed', 'closed')).field).toBe('list');
    expect(countRowProblem(3, new DomainError('auth.forbidden', 'assigned to another employee')).field).toBe('list');
    expect(countRowProblem(3, new DomainError('not_found', 'item 5 not found')).field).toBe('item');
  });
  it('exports the target column only when shown; open lines have no counted quantity', () => {
    expect(exportHeader(false)).not.toContain('target');
    const l = {
      listNumber: 'L1',
      warehouseCode: 'W',
      zoneCode: null,
      binCode: 'P1',
      itemCode: 'A',
      itemDescription: 'd',
      lot: '',
      serial: '',
      unit: 'PZ',
      reportedQuantity: null,
      target: '10.000',
    };
    expect(exportValues(l, true)).toEqual(['L1', 'W', '', 'P1', 'A', 'd', '', '', 'PZ', '', '10']);
    expect(exportValues({ ...l, reportedQuantity: '2.50' }, false)).toEqual([
      'L1',
      'W',
      '',
      'P1',
      'A',
      'd',
      '',
      '',
      'PZ',
      '2.5',
    ]);
  });
  it.each([
    [
      { dryRun: true, partial: false, rejected: 0, applied: 3 },
      { status: 'validated', applied: false },
    ],
    [
      { dryRun: false, partial: false, rejected: 1, applied: 3 },
      { status: 'rejected', applied: false },
    ],
    [
      { dryRun: false, partial: true, rejected: 1, applied: 3 },
      { status: 'imported', applied: true },
    ],
    [
      { dryRun: false, partial: true, rejected: 2, applied: 0 },
      { status: 'imported', applied: false },
    ],
    [
      { dryRun: false, partial: false, rejected: 0, applied: 0 },
      { status: 'imported', applied: false },
    ],
  ])('importStatus %j', (o, want) => {
    expect(importStatus(o)).toEqual(want);
  });
});
