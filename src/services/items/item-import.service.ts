// Import of items and search codes from CSV or XLSX with a report of every rejected row, and export of items
// to CSV or XLSX (SPEC §2). The file format is only the reader/writer (import-files.ts). Set-based: rows are
// checked in memory and against the database with one query per reference kind, then written in chunks
// (item-import.repository.ts). Everything is one transaction: a fatal error (bad header, malformed CSV, a
// database failure) leaves nothing half-imported.
import type { Readable } from 'node:stream';
import {
  ITEM_COLUMNS,
  type ImportedItem,
  type ImportedSearchCode,
  REQUIRED_ITEM_COLUMNS,
  type RowProblem,
  SEARCH_CODE_COLUMNS,
  checkHeader,
  parseItemRow,
  parseSearchCodeRow,
  rowProblem,
} from '../../domain/items/import.js';
import { CLASSIFICATION_FIELDS, type ClassificationField } from '../../domain/items/item.js';
import { type Actor, type ServiceContext, type Tx, inTransaction, requireRole } from '../context.js';
import { selectAllClassificationKeys } from './classification.repository.js';
import { selectAllUnitCodes } from './unit.repository.js';
import { type ImportFile, type ParsedFile, csvCell, locateColumns, readImportFile, writeXlsx } from './import-files.js';
import {
  CHUNK,
  NUMERIC_ITEM_COLUMNS,
  insertImportedItems,
  insertImportedSearchCodes,
  selectCodesInUse,
  selectItemsAfterCode,
  selectItemsByCodes,
} from './item-import.repository.js';
import { selectAllSerialClassCodes } from './lot.repository.js';

export { MAX_IMPORT_ROWS } from './import-files.js';

export interface ImportOptions {
  /** Check everything (database references included) and write nothing. */
  dryRun?: boolean | undefined;
  /** Write nothing when any row is rejected (default: import the good rows, report the others). */
  allOrNothing?: boolean | undefined;
}
export interface ImportReport {
  status: 'imported' | 'validated' | 'rejected';
  total: number;
  imported: number;
  rejected: RowProblem[];
}

/** Database checks of item rows: units, classification codes, codes in use. Rejects rows in place. */
async function checkItemReferences(
  trx: Tx,
  items: { line: number; item: ImportedItem }[],
  rejected: RowProblem[],
): Promise<{ line: number; item: ImportedItem }[]> {
  const units = await selectAllUnitCodes(trx);
  const classes = await selectAllClassificationKeys(trx);
  const serialClasses = await selectAllSerialClassCodes(trx);
  const used = await selectCodesInUse(
    trx,
    items.map((i) => i.item.code as string),
  );
  return items.filter(({ line, item }) => {
    const reject = (field: string, code: string, message: string) => {
      rejected.push({ line, field, code, message });
      return false;
    };
    if (used.has(item.code as string))
      return reject('code', 'conflict.duplicate', `code ${item.code as string} already identifies an item`);
    for (const f of ['primaryUnit', 'secondaryUnit'] as const) {
      if (item[f] !== null && !units.has(item[f] as string))
        return reject(f, 'reference.unknown', `unit ${item[f] as string} does not exist`);
    }
    if (item.serialClass && !serialClasses.has(item.serialClass as string))
      return reject('serialClass', 'reference.unknown', `serial class ${item.serialClass as string} does not exist`);
    for (const f of Object.keys(CLASSIFICATION_FIELDS) as ClassificationField[]) {
      if (item[f] !== null && !classes.has(`${CLASSIFICATION_FIELDS[f]}|${item[f] as string}`)) {
        return reject(
          f,
          'reference.unknown',
          `${CLASSIFICATION_FIELDS[f]} ${item[f] as string} does not exist in its code table`,
        );
      }
    }
    return true;
  });
}

function collect<T>(
  parsed: ParsedFile,
  parseRow: (v: Record<string, string>) => T,
  key: (t: T) => string,
  rejected: RowProblem[],
) {
  const good: { line: number; item: T }[] = [];
  const seen = new Map<string, number>();
  for (const r of parsed.rows) {
    const res = rowProblem(r.line, () => parseRow(r.values));
    if ('line' in (res as object) && 'message' in (res as object)) {
      rejected.push(res as RowProblem);
      continue;
    }
    const k = key(res as T);
    const first = seen.get(k);
    if (first !== undefined) {
      rejected.push({
        line: r.line,
        field: 'code',
        code: 'conflict.duplicate',
        message: `code ${k} already appears on line ${first}`,
      });
      continue;
    }
    seen.set(k, r.line);
    good.push({ line: r.line, item: res as T });
  }
  return good;
}

/** The report of an import; each problem also names its spreadsheet column (A, B, …) when the field is one. */
function report(parsed: ParsedFile, written: number, rejected: RowProblem[], opts: ImportOptions): ImportReport {
  locateColumns(
    parsed.header,
    rejected.sort((a, b) => a.line - b.line),
  );
  const status = opts.dryRun ? 'validated' : opts.allOrNothing && rejected.length > 0 ? 'rejected' : 'imported';
  return { status, total: parsed.rows.length, imported: status === 'imported' ? written : 0, rejected };
}

/** Items from CSV text or XLSX bytes: the same row validator, reference checks and report for both. */
export async function importItems(
  ctx: ServiceContext,
  actor: Actor,
  file: ImportFile,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  requireRole(actor, 'manager');
  const parsed = await readImportFile(file);
  checkHeader(parsed.header, ITEM_COLUMNS, REQUIRED_ITEM_COLUMNS);
  const rejected: RowProblem[] = [];
  const rows = collect(parsed, parseItemRow, (i) => i.code as string, rejected);
  return inTransaction(ctx, async (trx) => {
    const good = await checkItemReferences(trx, rows, rejected);
    const write = !opts.dryRun && !(opts.allOrNothing && rejected.length > 0);
    if (write)
      await insertImportedItems(
        trx,
        good.map((g) => g.item),
        ctx.now(),
      );
    return report(parsed, good.length, rejected, opts);
  });
}

export async function importSearchCodes(
  ctx: ServiceContext,
  actor: Actor,
  file: ImportFile,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  requireRole(actor, 'manager');
  const parsed = await readImportFile(file);
  checkHeader(parsed.header, SEARCH_CODE_COLUMNS, ['itemCode', 'code', 'unit']);
  const rejected: RowProblem[] = [];
  const rows = collect<ImportedSearchCode>(parsed, parseSearchCodeRow, (c) => c.code, rejected);
  return inTransaction(ctx, async (trx) => {
    const units = await selectAllUnitCodes(trx);
    const used = await selectCodesInUse(
      trx,
      rows.map((r) => r.item.code),
    );
    const ids = await selectItemsByCodes(trx, [...new Set(rows.map((r) => r.item.itemCode))]);
    const good = rows.filter(({ line, item }) => {
      const reject = (field: string, code: string, message: string) => {
        rejected.push({ line, field, code, message });
        return false;
      };
      if (!ids.has(item.itemCode))
        return reject('itemCode', 'reference.unknown', `item ${item.itemCode} does not exist`);
      if (used.has(item.code))
        return reject('code', 'conflict.duplicate', `code ${item.code} already identifies an item`);
      if (!units.has(item.unit)) return reject('unit', 'reference.unknown', `unit ${item.unit} does not exist`);
      return true;
    });
    if (!opts.dryRun && !(opts.allOrNothing && rejected.length > 0)) {
      await insertImportedSearchCodes(
        trx,
        good.map(({ item }) => ({
          item_id: ids.get(item.itemCode)!.id,
          code: item.code,
          unit: item.unit,
          conversion_op: item.conversionOp,
          conversion_factor: item.conversionFactor,
          description: item.description ?? ids.get(item.itemCode)!.description,
        })),
      );
    }
    return report(parsed, good.length, rejected, opts);
  });
}

/** Export values of one items row in ITEM_COLUMNS order (decimals without trailing zeros). */
function exportValues(r: Record<string, unknown>): unknown[] {
  return ITEM_COLUMNS.map((c) => {
    const v = r[c];
    return typeof v === 'string' && /^-?\d+\.\d*0$/.test(v) ? v.replace(/\.?0+$/, '') : v;
  });
}

/** Every item in code order, read in keyset pages so the table is never loaded at once. */
async function* itemsInCodeOrder(ctx: ServiceContext): AsyncGenerator<unknown[]> {
  let after = '';
  for (;;) {
    const rows = await selectItemsAfterCode(ctx.db, after, CHUNK);
    for (const r of rows) yield exportValues(r as unknown as Record<string, unknown>);
    if (rows.length < CHUNK) return;
    after = rows[rows.length - 1]!.code;
  }
}

/** Every item as CSV with the import columns (re-importable into another installation), in code order. */
export async function exportItemsCsv(ctx: ServiceContext, actor: Actor): Promise<string> {
  requireRole(actor, 'counter');
  const out: string[] = [ITEM_COLUMNS.join(',')];
  for await (const values of itemsInCodeOrder(ctx)) out.push(values.map(csvCell).join(','));
  return `${out.join('\r\n')}\r\n`;
}

/** The same export as an .xlsx workbook (sheet "items"), streamed to the caller. */
export async function exportItemsXlsx(ctx: ServiceContext, actor: Actor): Promise<Readable> {
  requireRole(actor, 'counter');
  const rows: unknown[][] = [];
  for await (const values of itemsInCodeOrder(ctx)) rows.push(values);
  return writeXlsx('items', ITEM_COLUMNS, rows, NUMERIC_ITEM_COLUMNS);
}

/** The same use cases under their CSV names (the benchmarks call them so). */
export const importItemsCsv = importItems;
export const importSearchCodesCsv = importSearchCodes;
