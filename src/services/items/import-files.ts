// Import/export files of the item master: CSV and XLSX are only two readers/writers of the same
// table — a header row of column names, then data rows. Both readers give the same `ParsedFile` (each row with
// its line number in the file), so every import runs one validator and one rejected-row report whatever the
// format. XLSX is read with read-excel-file and written with write-excel-file (maintained, no native code).
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import readXlsxSheet from 'read-excel-file/node';
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import { Dec } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';

export const MAX_IMPORT_ROWS = 500_000;
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** CSV text, or the bytes of an .xlsx workbook (its first sheet is read). */
export type ImportFile = string | Uint8Array;
export interface ParsedFile {
  header: string[];
  rows: { line: number; values: Record<string, string> }[];
}

/** A cell exported to CSV with a leading ' to defuse spreadsheet formulas is read back without it. */
const unguard = (v: string) => (/^'[=+\-@]/.test(v) ? v.slice(1) : v);

function tooMany(rows: number): void {
  if (rows > MAX_IMPORT_ROWS)
    throw new DomainError('import.header_invalid', `at most ${MAX_IMPORT_ROWS} rows per file`, { field: 'file' });
}

/** Parses CSV text (comma or semicolon, detected from the header line; UTF-8 BOM allowed). */
export function parseCsv(text: string): ParsedFile {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      skip_empty_lines: true,
      info: true,
      relax_column_count: false,
    }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new DomainError(
      'import.header_invalid',
      `the file is not valid CSV${line ? ` (line ${line})` : ''}: ${(e as Error).message}`,
      { field: 'csv', params: { line } },
    );
  }
  if (records.length === 0)
    throw new DomainError('import.header_invalid', 'the file is empty: a header line is required', { field: 'csv' });
  tooMany(records.length - 1);
  const header = records[0]!.record.map((h) => h.trim());
  const rows = records.slice(1).map((r) => ({
    line: r.info.lines,
    values: Object.fromEntries(header.map((h, i) => [h, unguard(r.record[i] ?? '')])),
  }));
  return { header, rows };
}

/** One XLSX cell as the text the CSV reader would give: numbers exact as stored, dates as ISO dates. */
function xlsxText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = String(v);
  // Numbers are kept as the sheet stores them (parseNumber below); a float artefact in exponent form is
  // written out so the decimal rules see plain digits.
  return /^-?\d+(\.\d+)?[eE][-+]?\d+$/.test(s) ? new Dec(s).toFixed() : s;
}

/**
 * Reads the first sheet of an .xlsx workbook. Line numbers are spreadsheet row numbers (the header is row 1),
 * so the report points at the row the user sees; empty rows are skipped like empty CSV lines.
 */
export async function parseXlsx(bytes: Uint8Array): Promise<ParsedFile> {
  let data: unknown[][];
  try {
    // parseNumber keeps the stored digits: decimals stay exact (no float round trip).
    data = (await readXlsxSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      parseNumber: (s: string) => s,
    }).then((sheets) => sheets[0]?.data ?? [])) as unknown[][];
  } catch (e) {
    throw new DomainError('import.header_invalid', `the file is not a valid XLSX workbook: ${(e as Error).message}`, {
      field: 'xlsx',
    });
  }
  const isEmpty = (r: unknown[] | undefined) => !r || r.every((c) => xlsxText(c).trim() === '');
  const first = data.findIndex((r) => !isEmpty(r));
  if (first < 0)
    throw new DomainError('import.header_invalid', 'the sheet is empty: a header row is required', { field: 'xlsx' });
  tooMany(data.length - first - 1);
  const header = data[first]!.map((h) => xlsxText(h).trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const rows: ParsedFile['rows'] = [];
  for (let i = first + 1; i < data.length; i++) {
    const r = data[i]!;
    if (isEmpty(r)) continue;
    rows.push({ line: i + 1, values: Object.fromEntries(header.map((h, c) => [h, xlsxText(r[c])])) });
  }
  return { header, rows };
}

/** CSV text or XLSX bytes → the same parsed table. */
export async function readImportFile(file: ImportFile): Promise<ParsedFile> {
  return typeof file === 'string' ? parseCsv(file) : parseXlsx(file);
}

/** The spreadsheet column letter of a zero-based index (0 → A, 26 → AA), for reports that name a cell. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Names the spreadsheet column (A, B, …) of each problem whose field is a column of the file. */
export function locateColumns<P extends { field: string; column?: string | undefined }>(
  header: readonly string[],
  problems: P[],
): P[] {
  for (const p of problems) {
    const i = header.indexOf(p.field);
    if (i >= 0) p.column = columnLetter(i);
  }
  return problems;
}

/** A CSV cell: quoted when needed; a leading = + - @ is guarded with ' so spreadsheets do not run it as a formula. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (/^[=+\-@]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * An XLSX cell of an export value. Decimal text becomes a number cell when a double holds it exactly in 15
 * significant digits (what Excel keeps), else a text cell so nothing is rounded. Text cells are never
 * formulas in XLSX, so no guard is needed.
 */
function xlsxCell(v: unknown): Cell {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean') return { type: Boolean, value: v };
  if (typeof v === 'number') return { type: Number, value: v };
  const s = String(v);
  if (/^-?\d+(\.\d+)?$/.test(s) && new Dec(s).sd(true) <= 15 && !/^-?0\d/.test(s))
    return { type: Number, value: Number(s) };
  return { type: String, value: s };
}

/**
 * Writes a header and rows as a one-sheet workbook and returns it as a stream (the HTTP reply pipes it).
 * `numericColumns` are written as numbers where exact; other columns always as text, so codes like 00123
 * keep their zeros.
 */
export async function writeXlsx(
  sheet: string,
  header: readonly string[],
  rows: Iterable<readonly unknown[]>,
  numericColumns: ReadonlySet<string>,
): Promise<Readable> {
  const data: SheetData = [header.map((h) => ({ value: h, fontWeight: 'bold' as const }))];
  const numeric = header.map((h) => numericColumns.has(h));
  for (const r of rows) {
    data.push(
      r.map((v, i) =>
        numeric[i] || typeof v === 'boolean'
          ? xlsxCell(v)
          : v === null || v === undefined || v === ''
            ? null
            : { type: String, value: String(v) },
      ),
    );
  }
  return (writeXlsxFile(data, { sheet, stickyRowsCount: 1 }).toStream as () => Promise<Readable>)();
}
