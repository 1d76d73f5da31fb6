// Import of items and search codes from CSV or XLSX with a report of every rejected row, and export of items
// to CSV or XLSX (SPEC §2). The file format is only the reader/writer (import-files.ts). Set-based: rows are checked in memory and against the database with one query
// per reference kind, then written in chunks of INSERT … SELECT FROM jsonb_to_recordset. Everything is one
// transaction: a fatal error (bad header, malformed CSV, a database failure) leaves nothing half-imported.
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
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
} from '../../domain/item-master/import.js';
import { CLASSIFICATION_FIELDS, type ClassificationField, searchTerms } from '../../domain/item.js';
import { type Actor, type ServiceContext, type Tx, inTransaction, requireRole } from '../context.js';
import { type ImportFile, type ParsedFile, csvCell, locateColumns, readImportFile, writeXlsx } from './import-files.js';

const CHUNK = 5000;
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

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

/** Codes among `codes` already used as item or search codes (one query). */
async function codesInUse(trx: Tx, codes: string[]): Promise<Set<string>> {
  const used = new Set<string>();
  for (let i = 0; i < codes.length; i += 50_000) {
    const { rows } = await sql<{ code: string }>`select s.code from item_search_codes s
      where s.code in (select jsonb_array_elements_text(${json(codes.slice(i, i + 50_000))}))`.execute(trx);
    for (const r of rows) used.add(r.code);
  }
  return used;
}

/** Writes word-search terms for new items and codes (the same terms the item service keeps). */
async function insertTerms(trx: Tx, entries: { itemId: string; texts: string[] }[]): Promise<void> {
  let batch: { item_id: string; term: string }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await sql`insert into item_search_terms (item_id, term) select x.item_id, x.term
      from jsonb_to_recordset(${json(batch)}) as x(item_id bigint, term text) on conflict do nothing`.execute(trx);
    batch = [];
  };
  for (const e of entries) {
    for (const term of searchTerms(e.texts)) batch.push({ item_id: e.itemId, term });
    if (batch.length >= CHUNK * 4) await flush();
  }
  await flush();
}

/** Database checks of item rows: units, classification codes, codes in use. Rejects rows in place. */
async function checkItemReferences(
  trx: Tx,
  items: { line: number; item: ImportedItem }[],
  rejected: RowProblem[],
): Promise<{ line: number; item: ImportedItem }[]> {
  const units = new Set((await trx.selectFrom('units').select('code').execute()).map((u) => u.code));
  const classes = new Set(
    (await trx.selectFrom('classificationCodes').select(['kind', 'code']).execute()).map((c) => `${c.kind}|${c.code}`),
  );
  const serialClasses = new Set((await trx.selectFrom('serialClasses').select('code').execute()).map((c) => c.code));
  const used = await codesInUse(
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

const ITEM_SQL_COLUMNS: [keyof ImportedItem & string, string, string][] = [
  ['code', 'code', 'text'],
  ['description', 'description', 'text'],
  ['primaryUnit', 'primary_unit', 'text'],
  ['secondaryUnit', 'secondary_unit', 'text'],
  ['secondaryConversionOp', 'secondary_conversion_op', 'text'],
  ['secondaryConversionFactor', 'secondary_conversion_factor', 'numeric'],
  ['lotManagement', 'lot_management', 'text'],
  ['serialManagement', 'serial_management', 'boolean'],
  ['serialClass', 'serial_class', 'text'],
  ['lotAvailabilityCheck', 'lot_availability_check', 'text'],
  ['availabilityCheck', 'availability_check', 'text'],
  ['includeInInventory', 'include_in_inventory', 'boolean'],
  ['countCycleDays', 'count_cycle_days', 'int'],
  ...(Object.entries(CLASSIFICATION_FIELDS).map(([k, v]) => [k, v, 'text']) as [string, string, string][]),
  ['standardCost', 'standard_cost', 'numeric'],
  ['inventoryPrice', 'inventory_price', 'numeric'],
  ['thresholdQuantity', 'threshold_quantity', 'numeric'],
  ['minStock', 'min_stock', 'numeric'],
  ['maxStock', 'max_stock', 'numeric'],
  ['reorderPoint', 'reorder_point', 'numeric'],
  ['netWeight', 'net_weight', 'numeric'],
  ['grossWeight', 'gross_weight', 'numeric'],
  ['vatCode', 'vat_code', 'text'],
  ['accountingCategory', 'accounting_category', 'text'],
  ['packageType', 'package_type', 'text'],
  ['supplementaryDescription', 'supplementary_description', 'text'],
];

/** Columns exported as numbers in XLSX (numeric and int columns of the import). */
const NUMERIC_EXPORT_COLUMNS = new Set(
  ITEM_SQL_COLUMNS.filter(([, , t]) => t === 'numeric' || t === 'int').map(([k]) => k as string),
);

async function insertItems(ctx: ServiceContext, trx: Tx, items: ImportedItem[]): Promise<void> {
  // Keys in the JSON are the snake_case column names, so the record definition and the insert list match.
  const cols = sql.raw(ITEM_SQL_COLUMNS.map(([, c]) => c).join(', '));
  const defs = sql.raw(ITEM_SQL_COLUMNS.map(([, c, t]) => `${c} ${t}`).join(', '));
  const now = ctx.now();
  for (let i = 0; i < items.length; i += CHUNK) {
    const part = items
      .slice(i, i + CHUNK)
      .map((it) => Object.fromEntries(ITEM_SQL_COLUMNS.map(([k, c]) => [c, it[k] ?? null])));
    // The CamelCasePlugin camelCases result keys: itemId, code, description.
    const { rows } = await sql<{ itemId: string; code: string; description: string }>`
      with ins as (
        insert into items (${cols}, created_at, updated_at)
        select ${cols}, ${now}, ${now} from jsonb_to_recordset(${json(part)}) as x(${defs})
        returning id, code, primary_unit, description
      )
      insert into item_search_codes (item_id, code, unit, conversion_op, conversion_factor, is_main, description)
      select id, code, primary_unit, 'x', 1, true, description from ins
      returning item_id::text, code, description`.execute(trx);
    await insertTerms(
      trx,
      rows.map((r) => ({ itemId: r.itemId, texts: [r.code, r.description] })),
    );
  }
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
      await insertItems(
        ctx,
        trx,
        good.map((g) => g.item),
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
    const units = new Set((await trx.selectFrom('units').select('code').execute()).map((u) => u.code));
    const used = await codesInUse(
      trx,
      rows.map((r) => r.item.code),
    );
    const ids = new Map<string, { id: string; description: string }>();
    const itemCodes = [...new Set(rows.map((r) => r.item.itemCode))];
    for (let i = 0; i < itemCodes.length; i += 50_000) {
      const { rows: found } = await sql<{
        id: string;
        code: string;
        description: string;
      }>`select id::text, code, description from items
        where code in (select jsonb_array_elements_text(${json(itemCodes.slice(i, i + 50_000))}))`.execute(trx);
      for (const f of found) ids.set(f.code, f);
    }
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
      for (let i = 0; i < good.length; i += CHUNK) {
        const part = good.slice(i, i + CHUNK).map(({ item }) => ({
          item_id: ids.get(item.itemCode)!.id,
          code: item.code,
          unit: item.unit,
          conversion_op: item.conversionOp,
          conversion_factor: item.conversionFactor,
          description: item.description ?? ids.get(item.itemCode)!.description,
        }));
        await sql`insert into item_search_codes (item_id, code, unit, conversion_op, conversion_factor, is_main, description)
          select x.item_id, x.code, x.unit, x.conversion_op, x.conversion_factor, false, x.description
          from jsonb_to_recordset(${json(part)}) as x(item_id bigint, code text, unit text, conversion_op text, conversion_factor numeric, description text)`.execute(
          trx,
        );
        await insertTerms(
          trx,
          part.map((p) => ({ itemId: p.item_id, texts: [p.code] })),
        );
      }
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
    const rows = await ctx.db
      .selectFrom('items')
      .selectAll()
      .where('code', '>', after)
      .orderBy('code')
      .limit(CHUNK)
      .execute();
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
  return writeXlsx('items', ITEM_COLUMNS, rows, NUMERIC_EXPORT_COLUMNS);
}

/** Kept for callers of the CSV-only API (bench): the same use cases. */
export const importItemsCsv = importItems;
export const importSearchCodesCsv = importSearchCodes;
