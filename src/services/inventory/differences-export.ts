// The differences report as a file in the reader's language: CSV (the language's separators), XLSX (numbers as
// numbers, a sheet of totals) and PDF (differences-pdf.ts). The rows are the service's lines, filtered and
// sorted as on the screen; only managers get here (targets are in every file).
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import { Dec } from '../../domain/decimal.js';
import { csvField } from '../../domain/inventory/differences.js';
import type { DocumentLanguage } from '../../domain/inventory/printing.js';
import { documentTexts, type DiffLabel, type DocumentTexts } from './differences-labels.js';
import type { DifferenceHeader, DifferenceLine, DifferenceQuery, DifferenceReport } from './differences-types.js';

export interface ExportData {
  header: DifferenceHeader;
  query: DifferenceQuery;
  lines: DifferenceLine[];
  totals: DifferenceReport['totals'];
  /** Codes of what the filter names, for the document's header. */
  names: { warehouse: string | null; zone: string | null; countList: string | null; countListName: string | null };
}

type Kind = 'text' | 'quantity' | 'money' | 'percent';
interface Column {
  label: DiffLabel;
  kind: Kind;
  get: (l: DifferenceLine, T: DocumentTexts) => string | null;
  width: number;
}

/** The columns of CSV and XLSX (the PDF has a narrower set of its own). */
const COLUMNS: Column[] = [
  { label: 'col.countList', kind: 'text', get: (l) => l.countListNumber, width: 12 },
  { label: 'col.itemCode', kind: 'text', get: (l) => l.itemCode, width: 16 },
  { label: 'col.itemDescription', kind: 'text', get: (l) => l.itemDescription, width: 34 },
  { label: 'col.itemGroup', kind: 'text', get: (l) => l.itemGroup, width: 14 },
  { label: 'col.warehouse', kind: 'text', get: (l) => l.warehouseCode, width: 10 },
  { label: 'col.zone', kind: 'text', get: (l) => l.zoneCode, width: 10 },
  { label: 'col.bin', kind: 'text', get: (l) => l.binCode, width: 12 },
  { label: 'col.lot', kind: 'text', get: (l) => l.lot || null, width: 12 },
  { label: 'col.serial', kind: 'text', get: (l) => l.serial || null, width: 14 },
  { label: 'col.unit', kind: 'text', get: (l) => l.unit, width: 6 },
  { label: 'col.target', kind: 'quantity', get: (l) => l.target, width: 11 },
  { label: 'col.counted', kind: 'quantity', get: (l) => l.counted, width: 11 },
  { label: 'col.difference', kind: 'quantity', get: (l) => l.difference, width: 11 },
  { label: 'col.unitPrice', kind: 'money', get: (l) => l.unitPrice, width: 11 },
  { label: 'col.value', kind: 'money', get: (l) => l.value, width: 12 },
  { label: 'col.percent', kind: 'percent', get: (l) => l.percent, width: 10 },
  { label: 'col.status', kind: 'text', get: (l, T) => T.status(l.status, l.countListStatus), width: 16 },
  {
    label: 'col.valueSource',
    kind: 'text',
    get: (l, T) => T.label(l.valueSource === 'ledger' ? 'src.ledger' : 'src.planned'),
    width: 14,
  },
  {
    label: 'col.ledgerEntryIds',
    kind: 'text',
    get: (l) => (l.ledgerEntryIds.length ? l.ledgerEntryIds.join(' ') : null),
    width: 14,
  },
  { label: 'col.reasonCode', kind: 'text', get: (l) => l.reasonCode, width: 16 },
];

/**
 * CSV in a language: a semicolon between fields where the decimal separator is a comma (it, pl, de — what
 * their spreadsheets expect), a comma otherwise; numbers with the language's decimal separator and no
 * grouping; a byte-order mark so spreadsheets read UTF-8.
 */
export function differencesCsvLocal(d: ExportData, language: DocumentLanguage): string {
  const T = documentTexts(language);
  const sep = T.decimalComma ? ';' : ',';
  const field = (v: string | null, text: boolean) => csvField(v, text, sep);
  const out = [COLUMNS.map((c) => field(T.label(c.label), true)).join(sep)];
  for (const l of d.lines) {
    out.push(
      COLUMNS.map((c) => {
        const v = c.get(l, T);
        return c.kind === 'text' ? field(v, true) : field(T.plain(v), false);
      }).join(sep),
    );
  }
  return `\uFEFF${out.join('\r\n')}\r\n`;
}

/** Number formats of the XLSX cells; Excel shows them with the reader's own separators. */
const XLSX_FORMAT: Record<Exclude<Kind, 'text'>, string> = {
  quantity: '#,##0.######',
  money: '#,##0.00',
  percent: '0.00',
};

/**
 * A number cell where a double holds the decimal exactly in 15 significant digits (what Excel keeps), else
 * text, so nothing is silently rounded.
 */
function numberCell(v: string | null, kind: Exclude<Kind, 'text'>): Cell {
  if (v === null) return null;
  if (new Dec(v).sd(true) <= 15) return { type: Number, value: Number(v), format: XLSX_FORMAT[kind] };
  return { type: String, value: v, align: 'right' };
}

const bold = (value: string): Cell => ({ type: String, value, fontWeight: 'bold' });

/** XLSX: a sheet of the lines (header row kept in view) and a sheet of the totals overall and per group. */
export async function differencesXlsx(d: ExportData, language: DocumentLanguage): Promise<Buffer> {
  const T = documentTexts(language);
  const lines: SheetData = [COLUMNS.map((c) => bold(T.label(c.label)))];
  for (const l of d.lines) {
    lines.push(
      COLUMNS.map((c) => {
        const v = c.get(l, T);
        if (c.kind !== 'text') return numberCell(v, c.kind);
        return v === null ? null : { type: String, value: v };
      }),
    );
  }
  const money = (v: string) => numberCell(v, 'money');
  const count = (n: number): Cell => ({ type: Number, value: n });
  const t = d.totals;
  const groupHead = [
    bold(T.label('t.group')),
    bold(T.label('t.lines')),
    bold(T.label('t.differenceLines')),
    bold(T.label('t.positive')),
    bold(T.label('t.negative')),
    bold(T.label('t.net')),
  ];
  const group = (
    label: string,
    g: { lines: number; differenceLines: number; positiveValue: string; negativeValue: string; netValue: string },
  ) => [
    { type: String, value: label } as Cell,
    count(g.lines),
    count(g.differenceLines),
    money(g.positiveValue),
    money(g.negativeValue),
    money(g.netValue),
  ];
  const totals: SheetData = [
    [
      bold(
        `${T.label('title')} – ${T.label('inventory')} ${d.header.inventoryNumber}${d.names.countList ? ` – ${T.label('countList')} ${d.names.countList}` : ''}`,
      ),
    ],
    ...selection(d, T).map(([k, v]) => [{ type: String, value: k } as Cell, { type: String, value: v } as Cell]),
    [],
    groupHead,
    group(T.label('t.totals'), t),
    ...(t.valueAdjustment !== '0'
      ? [
          [
            { type: String, value: T.label('t.valueAdjustment') } as Cell,
            null,
            null,
            null,
            null,
            money(t.valueAdjustment),
          ],
        ]
      : []),
    [],
    [bold(T.label('t.byWarehouse'))],
    groupHead,
    ...t.byWarehouse.map((w) => group(w.warehouseCode, w)),
    [],
    [bold(T.label('t.byZone'))],
    groupHead,
    ...t.byZone.map((z) => group(`${z.warehouseCode} / ${z.zoneCode ?? T.label('t.noZone')}`, z)),
    [],
    [bold(T.label('t.byItemGroup'))],
    groupHead,
    ...t.byItemGroup.map((g) => group(g.itemGroup ?? T.label('t.noGroup'), g)),
  ];
  return writeXlsxFile([
    {
      data: lines,
      sheet: T.label('sheet.lines'),
      stickyRowsCount: 1,
      columns: COLUMNS.map((c) => ({ width: c.width })),
    },
    {
      data: totals,
      sheet: T.label('sheet.totals'),
      columns: [{ width: 34 }, { width: 10 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }],
    },
  ]).toBuffer();
}

/** What the file selects, as label/value pairs for its header (inventory, method, valuation, filters, sort). */
export function selection(d: ExportData, T: DocumentTexts): Array<[string, string]> {
  const q = d.query;
  const out: Array<[string, string]> = [
    [T.label('inventory'), d.header.inventoryNumber],
    [T.label('status'), T.inventoryStatus(d.header.status)],
    [T.label('method'), T.method(d.header.method)],
    [T.label('valuation'), T.valuation(d.header.valuationPrice)],
  ];
  if (d.names.countList)
    out.push([T.label('countList'), d.names.countList + (d.names.countListName ? ` – ${d.names.countListName}` : '')]);
  if (d.names.warehouse) out.push([T.label('f.warehouse'), d.names.warehouse]);
  if (d.names.zone) out.push([T.label('f.zone'), d.names.zone]);
  if (q.itemGroup) out.push([T.label('f.itemGroup'), q.itemGroup]);
  if (q.itemCode) out.push([T.label('f.item'), q.itemCode]);
  if (q.q) out.push([T.label('f.search'), q.q]);
  out.push([T.label('filters'), T.label(q.onlyDifferences ? 'f.onlyDifferences' : 'f.allLines')]);
  if (q.minValue !== undefined) out.push([T.label('f.minValue'), T.money(q.minValue)]);
  if (q.minPercent !== undefined) out.push([T.label('f.minPercent'), T.quantity(q.minPercent)]);
  const sortLabel: Record<string, DiffLabel> = {
    item: 'col.itemCode',
    place: 'col.place',
    difference: 'col.difference',
    value: 'col.value',
    absValue: 'col.value',
    percent: 'col.percent',
  };
  out.push([
    T.label('f.sort'),
    `${T.label(sortLabel[q.sort] ?? 'col.place')}${q.sort === 'absValue' ? ' (±)' : ''} ${q.dir === 'asc' ? '↑' : '↓'}`,
  ]);
  return out;
}
