// Count files: the count sheet of a list or an inventory as a CSV/XLSX table by codes, filled in
// and read back. Pure: which columns a file has (matched by header name, case-insensitive, with the aliases
// ERP users write), what one row says (parsed and checked without the database), and which count-list
// position a row means given the facts the service loaded (lists, lines, codes, places). The report itself
// then goes through the one reporting path (report.service recordReport), so its rules are not repeated here.
import { Dec, decText, parseDecimal } from '../decimal.js';
import { DomainError, type ErrorCode } from '../errors.js';
import type { RowProblem } from '../items/import.js';
import { convertToPrimary, type Conversion, IDENTITY, parseQuantity } from '../items/unit.js';

/** The columns of a count file, in export order. `description` and `target` are read-only: ignored on import. */
export const COUNT_FILE_COLUMNS = [
  'list',
  'warehouse',
  'zone',
  'bin',
  'item',
  'description',
  'lot',
  'serial',
  'unit',
  'counted',
  'target',
] as const;
export type CountFileColumn = (typeof COUNT_FILE_COLUMNS)[number];

/** Rows one count file may carry (every row is one report: bulk transfers use the JSON import). */
export const MAX_COUNT_FILE_ROWS = 100_000;

/** Header names accepted for each column, compared without case, spaces, dots, dashes and underscores. */
const ALIASES: Record<CountFileColumn, string[]> = {
  list: ['list', 'listnumber', 'countlist', 'countlistnumber', 'listno', 'countlistno'],
  warehouse: ['warehouse', 'warehousecode', 'location', 'locationcode', 'wh'],
  zone: ['zone', 'zonecode'],
  bin: ['bin', 'bincode', 'storagebin', 'place'],
  item: [
    'item',
    'itemcode',
    'itemno',
    'itemnumber',
    'article',
    'material',
    'product',
    'barcode',
    'searchcode',
    'ean',
    'gtin',
    'sku',
  ],
  description: ['description', 'itemdescription', 'name'],
  lot: ['lot', 'lotnumber', 'lotno', 'batch', 'batchnumber'],
  serial: ['serial', 'serialnumber', 'serialno', 'sn'],
  unit: ['unit', 'unitcode', 'uom', 'unitofmeasure', 'unitofentry'],
  counted: ['counted', 'countedquantity', 'quantity', 'qty', 'count', 'countedqty'],
  target: ['target', 'targetquantity', 'systemquantity', 'expected', 'bookquantity'],
};

const norm = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s._-]+/g, '');
const BY_ALIAS = new Map(
  Object.entries(ALIASES).flatMap(([col, names]) => names.map((n) => [n, col as CountFileColumn] as const)),
);

export interface CountFileHeader {
  /** Canonical column → the header text as written in the file. */
  columns: Map<CountFileColumn, string>;
  /** Header cells that name no column of a count file (kept in the report, not read). */
  ignored: string[];
}

/** Matches the header row; refuses a column given twice and a file without `counted` or without `item`/`bin`. */
export function mapCountHeader(header: readonly string[]): CountFileHeader {
  const columns = new Map<CountFileColumn, string>();
  const ignored: string[] = [];
  for (const h of header) {
    if (h.trim() === '') continue;
    const col = BY_ALIAS.get(norm(h));
    if (col === undefined) {
      ignored.push(h);
      continue;
    }
    if (columns.has(col)) {
      throw new DomainError('import.header_invalid', `columns "${columns.get(col)!}" and "${h}" both give the ${col}`, {
        field: col,
        params: { column: h },
      });
    }
    columns.set(col, h);
  }
  if (!columns.has('counted'))
    throw new DomainError('import.header_invalid', 'required column "counted" (the counted quantity) is missing', {
      field: 'counted',
    });
  if (!columns.has('item') && !columns.has('bin'))
    throw new DomainError('import.header_invalid', 'required column "item" is missing', { field: 'item' });
  return { columns, ignored };
}

/** One data row as the file says it, codes trimmed; quantity canonical. */
export interface CountFileRow {
  line: number;
  list: string;
  warehouse: string;
  zone: string;
  bin: string;
  /** Item code or search code (barcode); '' confirms an empty bin. */
  item: string;
  lot: string;
  serial: string;
  /** '' = the unit of the code in `item` (the item code's: the primary unit). */
  unit: string;
  /** The counted quantity as entered (in `unit`), canonical decimal text. */
  quantity: string;
}

/** A quantity as files write it: "1,5" or "1.5"; a negative number is an add-mode correction. No thousands separators. */
export function fileQuantity(text: string, field: string = 'counted'): string {
  const t = text.trim().replace(/\s/g, '');
  if (t.includes(',') && t.includes('.')) {
    throw new DomainError(
      'quantity.invalid',
      `${field} "${text}": write the quantity without thousands separators, e.g. 1234.5 or 1234,5`,
      { field },
    );
  }
  if ((t.match(/,/g)?.length ?? 0) > 1)
    throw new DomainError('quantity.invalid', `${field} "${text}" is not a number`, { field });
  const d = parseDecimal(t.replace(',', '.'), field);
  return decText(d);
}

/**
 * Reads one data row by canonical column; null when its quantity is empty (a line not counted is skipped).
 * Throws the row's first problem as a DomainError whose field is the canonical column.
 */
export function parseCountRow(
  line: number,
  values: Record<string, string>,
  header: CountFileHeader,
): CountFileRow | null {
  const get = (c: CountFileColumn) => {
    const h = header.columns.get(c);
    return h === undefined ? '' : (values[h] ?? '').trim();
  };
  if (get('counted') === '') return null;
  const row: CountFileRow = {
    line,
    list: get('list'),
    warehouse: get('warehouse'),
    zone: get('zone'),
    bin: get('bin'),
    item: get('item'),
    lot: get('lot'),
    serial: get('serial'),
    unit: get('unit'),
    quantity: fileQuantity(get('counted')),
  };
  for (const c of ['list', 'warehouse', 'zone', 'bin', 'item', 'lot', 'serial', 'unit'] as const) {
    const max = c === 'item' || c === 'lot' || c === 'serial' ? 60 : 40;
    if (row[c].length > max)
      throw new DomainError('validation.failed', `${c} has more than ${max} characters`, { field: c });
  }
  if (row.item === '' && row.bin === '')
    throw new DomainError('validation.failed', 'item is required (or a bin, to confirm it empty)', { field: 'item' });
  if (row.item === '' && (row.lot !== '' || row.serial !== '')) {
    throw new DomainError('validation.failed', 'a lot or serial needs the item it belongs to', { field: 'item' });
  }
  return row;
}

// Resolution -------------------------------------------------------------------------------------------------

/**
 * The codes an item cell may mean, first as written: a GTIN (8–14 digits) also in its other stored forms
 * (GTIN-14, EAN-13, UPC-A, EAN-8), as the handheld looks a scan up — and a spreadsheet that dropped the
 * leading zeros of a number cell still finds the item.
 */
export function codeForms(code: string): string[] {
  if (!/^\d{8,14}$/.test(code)) return [code];
  const g = code.padStart(14, '0');
  const forms = [code, g, g.slice(1)];
  if (g.startsWith('00')) forms.push(g.slice(2));
  if (g.startsWith('000000')) forms.push(g.slice(6));
  return [...new Set(forms)];
}

/** A code the item column may hold: an item code or a search code (barcode), with the unit it counts in. */
export interface CodeFact {
  itemId: string;
  itemCode: string;
  primaryUnit: string;
  /** The code's own unit and its conversion to the primary unit (an item code: the primary unit, identity). */
  unit: string;
  conversion: Conversion;
}

/** Units an item may be counted in besides the code's: its primary, secondary and search-code units. */
export interface ItemUnits {
  itemId: string;
  units: Map<string, Conversion>;
}

export interface ListFact {
  id: string;
  number: string;
  warehouseId: string | null;
  countType: 'article' | 'bin' | 'differences';
}
export interface LineFact {
  countListId: string;
  itemId: string | null;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: string;
  serial: string;
  informational: boolean;
  /** Confirmed counted quantity (null while open) — what the export wrote in `counted`. */
  reportedQuantity: string | null;
}
export interface PlaceFacts {
  warehouses: Map<string, string>;
  /** `warehouseId|ZONECODE` → zone id. */
  zones: Map<string, string>;
  /** Bin code (upper case) → the bins of the site with it (one per warehouse at most). */
  bins: Map<string, Array<{ id: string; warehouseId: string; zoneId: string }>>;
}

export interface CountFileFacts extends PlaceFacts {
  /** The list the file is imported into (list scope), or null (inventory scope: the row's list column or its position decides). */
  scopeList: ListFact | null;
  inventoryNumber: string;
  /** The inventory's lists by number. */
  lists: Map<string, ListFact>;
  /** Item codes first, then search codes. */
  codes: Map<string, CodeFact>;
  itemUnits: Map<string, ItemUnits>;
  unitDecimals: Map<string, number>;
  /** Lines of the lists in scope, by item id ('' = an empty-bin line). */
  lines: Map<string, LineFact[]>;
  /** Bin id → the bin lists in scope counting that bin (where a found item on it belongs). */
  binLists: Map<string, string[]>;
}

/** What a row reports, in the terms of report.service's ReportInput. */
export interface ResolvedCountRow {
  line: number;
  countListId: string;
  itemId: string | null;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: string;
  serial: string;
  /** In the primary unit. */
  quantity: string;
  enteredQuantity: string;
  enteredUnit: string | null;
  /**
   * The row repeats its line's confirmed quantity, as exported: nothing was counted anew, so it is not reported
   * (re-importing a filled-in template neither adds confirmed quantities again nor trips over closed lists).
   */
  unchanged: boolean;
}

const fail = (code: ErrorCode, field: CountFileColumn, message: string, params?: Record<string, unknown>): never => {
  throw new DomainError(code, message, { field, ...(params && Object.keys(params).length > 0 ? { params } : {}) });
};

function conversionOf(facts: CountFileFacts, code: CodeFact, unit: string): { unit: string; conversion: Conversion } {
  if (unit === '' || unit === code.unit) return { unit: code.unit, conversion: code.conversion };
  if (unit === code.primaryUnit) return { unit, conversion: IDENTITY };
  const other = facts.itemUnits.get(code.itemId)?.units.get(unit);
  if (other) return { unit, conversion: other };
  const allowed = [
    ...new Set([code.unit, code.primaryUnit, ...(facts.itemUnits.get(code.itemId)?.units.keys() ?? [])]),
  ];
  return fail(
    'unit.not_convertible',
    'unit',
    `item ${code.itemCode} cannot be counted in ${unit}; use ${allowed.join(', ')}`,
    { unit, allowed },
  );
}

function placeOf(
  facts: CountFileFacts,
  row: CountFileRow,
  list: ListFact | null,
): { warehouseId: string | null; zoneId: string | null; binId: string | null } {
  let warehouseId: string | null = null;
  if (row.warehouse !== '') {
    warehouseId =
      facts.warehouses.get(row.warehouse) ??
      facts.warehouses.get(row.warehouse.toUpperCase()) ??
      fail('reference.unknown', 'warehouse', `unknown warehouse code ${row.warehouse}`, { code: row.warehouse });
  }
  let binId: string | null = null;
  let zoneId: string | null = null;
  if (row.bin !== '') {
    const named = (facts.bins.get(row.bin.toUpperCase()) ?? []).filter(
      (b) => warehouseId === null || b.warehouseId === warehouseId,
    );
    const candidates = named.filter(
      (b) => warehouseId !== null || list?.warehouseId == null || b.warehouseId === list.warehouseId,
    );
    if (candidates.length === 0 && named.length > 0) {
      fail('count.place_not_on_list', 'bin', `bin ${row.bin} is not in the warehouse of count list ${list!.number}`, {
        code: row.bin,
        countListNumber: list!.number,
      });
    }
    if (candidates.length === 0) {
      fail(
        'reference.unknown',
        'bin',
        `unknown bin code ${row.bin}${row.warehouse ? ` in warehouse ${row.warehouse}` : ''}`,
        { code: row.bin },
      );
    }
    if (candidates.length > 1)
      fail('validation.failed', 'bin', `bin ${row.bin} exists in several warehouses: give the warehouse`, {
        code: row.bin,
      });
    binId = candidates[0]!.id;
    warehouseId = candidates[0]!.warehouseId;
    zoneId = candidates[0]!.zoneId;
  }
  if (row.zone !== '') {
    const wh = warehouseId ?? list?.warehouseId ?? null;
    const z =
      wh === null
        ? undefined
        : (facts.zones.get(`${wh}|${row.zone.toUpperCase()}`) ?? facts.zones.get(`${wh}|${row.zone}`));
    if (z === undefined)
      fail('reference.unknown', 'zone', `unknown zone code ${row.zone}${wh === null ? ': give the warehouse' : ''}`, {
        code: row.zone,
      });
    if (zoneId !== null && zoneId !== z)
      fail('validation.failed', 'zone', `bin ${row.bin} is not in zone ${row.zone}`, { code: row.zone });
    zoneId = z!;
    warehouseId = wh;
  }
  return { warehouseId, zoneId, binId };
}

/**
 * The list and position a row reports. A row that names a line of the list(s) in scope (item, lot, serial,
 * and the place as far as the row gives it) reports that line; otherwise it is a found item for the row's
 * list (its own column, the list imported into, or the one bin list counting its bin), which the reporting
 * path adds or refuses by its rules. Throws a DomainError whose field is the column to fix.
 */
export function resolveCountRow(row: CountFileRow, facts: CountFileFacts): ResolvedCountRow {
  let list: ListFact | null = facts.scopeList;
  if (row.list !== '') {
    const named =
      facts.lists.get(row.list) ??
      fail('reference.unknown', 'list', `count list ${row.list} is not a list of inventory ${facts.inventoryNumber}`, {
        code: row.list,
      });
    if (list !== null && named.id !== list.id) {
      fail(
        'count.place_not_on_list',
        'list',
        `this row belongs to count list ${row.list}; the file is imported into count list ${list.number}`,
        { countListNumber: row.list },
      );
    }
    list = named;
  }
  let code: CodeFact | null = null;
  if (row.item !== '') {
    const hit = codeForms(row.item)
      .map((c) => facts.codes.get(c))
      .find((c) => c !== undefined);
    code = hit ?? fail('reference.unknown', 'item', `unknown item code ${row.item}`, { code: row.item });
  }
  const unit = code === null ? { unit: null, conversion: IDENTITY } : conversionOf(facts, code, row.unit);
  if (code === null && row.unit !== '')
    fail('validation.failed', 'unit', 'an empty bin is confirmed without a unit', {});
  const place = placeOf(facts, row, list);
  let quantity: Dec;
  const entered = new Dec(row.quantity);
  if (code === null) {
    quantity = entered;
  } else {
    const decimals = (u: string) => facts.unitDecimals.get(u) ?? 6;
    const rowField = { field: 'counted' };
    try {
      parseQuantity(row.quantity, { code: unit.unit!, decimals: decimals(unit.unit!) }, 'counted');
      quantity = convertToPrimary(
        entered,
        unit.conversion,
        { code: code.primaryUnit, decimals: decimals(code.primaryUnit) },
        'counted',
      );
    } catch (e) {
      if (e instanceof DomainError)
        throw new DomainError(e.code, e.message, { ...rowField, ...(e.params ? { params: e.params } : {}) });
      throw e;
    }
  }
  // Lines of the scope with this item, lot and serial, at the place as far as the row gives it.
  const lines = (facts.lines.get(code?.itemId ?? '') ?? []).filter(
    (l) =>
      l.lot === row.lot &&
      l.serial === row.serial &&
      (list === null || l.countListId === list.id) &&
      (place.warehouseId === null || l.warehouseId === place.warehouseId) &&
      (place.binId === null || l.binId === place.binId) &&
      (row.zone === '' || l.zoneId === place.zoneId),
  );
  const counted = lines.filter((l) => !l.informational);
  const hits = counted.length > 0 ? counted : lines;
  const base = {
    line: row.line,
    itemId: code?.itemId ?? null,
    lot: row.lot,
    serial: row.serial,
    quantity: decText(quantity),
    enteredQuantity: row.quantity,
    enteredUnit: unit.unit,
  };
  if (hits.length === 1) {
    const l = hits[0]!;
    const unchanged = l.reportedQuantity !== null && new Dec(l.reportedQuantity).eq(quantity);
    return {
      ...base,
      countListId: l.countListId,
      warehouseId: l.warehouseId,
      zoneId: l.zoneId,
      binId: l.binId,
      unchanged,
    };
  }
  if (hits.length > 1) {
    const where = place.binId === null && row.bin === '' ? 'bin' : 'warehouse';
    return fail(
      'validation.failed',
      where,
      `${row.item || 'this bin'} is on ${hits.length} lines${list ? ` of count list ${list.number}` : ''}: give the ${where === 'bin' ? 'bin (or zone/warehouse)' : 'warehouse'} to say which`,
      { lines: hits.length },
    );
  }
  // A found item (or nothing to confirm): its list and place come from the row.
  if (list === null && place.binId !== null) {
    const byBin = [...new Set(facts.binLists.get(place.binId) ?? [])];
    if (byBin.length === 1) list = [...facts.lists.values()].find((l) => l.id === byBin[0]) ?? null;
  }
  if (list === null) {
    return fail(
      'count.place_not_on_list',
      'list',
      `no count list of inventory ${facts.inventoryNumber} counts this position: give the list number`,
      {},
    );
  }
  const warehouseId = place.warehouseId ?? list.warehouseId;
  if (warehouseId === null) {
    return fail(
      'validation.failed',
      'warehouse',
      `count list ${list.number} spans several warehouses: give the warehouse (or bin)`,
      { countListNumber: list.number },
    );
  }
  return { ...base, countListId: list.id, warehouseId, zoneId: place.zoneId, binId: place.binId, unchanged: false };
}

/** Report problems name the file's column: the reporting path's input fields → count-file columns. */
const COLUMN_OF_FIELD: Record<string, CountFileColumn> = {
  countListId: 'list',
  itemId: 'item',
  warehouseId: 'warehouse',
  zoneId: 'zone',
  binId: 'bin',
  lot: 'lot',
  serial: 'serial',
  quantity: 'counted',
  unit: 'unit',
  clientReportId: 'list',
};

/** A DomainError of one row → its problem: line, column (the canonical name), error code, reason and params. */
export function countRowProblem(
  line: number,
  e: DomainError,
): RowProblem & { params?: Record<string, unknown> | undefined } {
  const f = e.field ?? '';
  // Without a field the rule is about the list (closed, someone else's, counted elsewhere) or else the item.
  const field = (COUNT_FILE_COLUMNS as readonly string[]).includes(f)
    ? f
    : (COLUMN_OF_FIELD[f] ?? (/^(count|auth|inventory)\./.test(e.code) ? 'list' : 'item'));
  return {
    line,
    field,
    code: e.code,
    message: e.message,
    ...(e.params ? { params: e.params as Record<string, unknown> } : {}),
  };
}

// Export ---------------------------------------------------------------------------------------------------

export interface ExportLine {
  listNumber: string;
  warehouseCode: string;
  zoneCode: string | null;
  binCode: string | null;
  itemCode: string | null;
  itemDescription: string | null;
  lot: string;
  serial: string;
  unit: string | null;
  /** Confirmed counted quantity; null while the line is open. */
  reportedQuantity: string | null;
  /** The target as this reader may see it (targetView): null on blind inventories for counters and for empty bins. */
  target: string | null;
}

/** The export's header: the target column only when the reader may see targets. */
export function exportHeader(withTarget: boolean): CountFileColumn[] {
  return COUNT_FILE_COLUMNS.filter((c) => withTarget || c !== 'target');
}

const qty = (v: string | null) => (v === null ? '' : decText(new Dec(v)));

/** One line of the export in exportHeader order. */
export function exportValues(l: ExportLine, withTarget: boolean): string[] {
  const v = [
    l.listNumber,
    l.warehouseCode,
    l.zoneCode ?? '',
    l.binCode ?? '',
    l.itemCode ?? '',
    l.itemDescription ?? '',
    l.lot,
    l.serial,
    l.unit ?? '',
    qty(l.reportedQuantity),
  ];
  return withTarget ? [...v, qty(l.target)] : v;
}

/** Summary of an import as the report states it. */
export function importStatus(o: { dryRun: boolean; partial: boolean; rejected: number; applied: number }): {
  status: 'imported' | 'validated' | 'rejected';
  applied: boolean;
} {
  if (o.dryRun) return { status: 'validated', applied: false };
  if (o.rejected > 0 && !o.partial) return { status: 'rejected', applied: false };
  return { status: 'imported', applied: o.applied > 0 };
}
