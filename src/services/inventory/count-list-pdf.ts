// Count-list sheets as PDF (pdfkit). A4 portrait; per list: a header (inventory, list, count type,
// warehouse, stock owner, count date, responsible, page x of y), a table repeated on every page (line, bin,
// item, description, lot/serial, unit, target — never on blind inventories —, a wide blank "counted" column,
// a "checked" box) and signature lines. DejaVu Sans is embedded from node_modules because pdfkit's
// standard Helvetica is WinAnsi only and cannot write ą ę ł ń ś ź ż. Rows have a fixed height, so the page
// count of every list is known before drawing ("page x of y" without buffering the whole document).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { type DocumentLanguage, documentDate, documentTimestamp } from '../../domain/inventory/printing.js';

export type PrintLanguage = DocumentLanguage;

export interface SheetLine {
  lineNo: number;
  bin: string;
  itemCode: string;
  description: string;
  lotSerial: string;
  unit: string;
  /** Printed only when the sheet shows targets. */
  target: string | null;
}

export interface Sheet {
  inventoryNumber: string;
  inventoryDescription: string;
  listNumber: string;
  listName: string;
  countType: 'article' | 'bin' | 'differences';
  warehouse: string;
  owner: string;
  countDate: string | null;
  responsible: string;
  usage: 'count' | 'verification' | 'blank' | 'none';
  showTargets: boolean;
  /** Blank pages (header and an empty grid only); 0 when lines print. */
  blankPages: number;
  lines: SheetLine[];
}

export interface RenderOptions {
  language: PrintLanguage;
  printedAt: Date;
}

type Label =
  | 'countList'
  | 'inventory'
  | 'countType'
  | 'warehouse'
  | 'owner'
  | 'countDate'
  | 'responsible'
  | 'usage'
  | 'printed'
  | 'page'
  | 'colLine'
  | 'colBin'
  | 'colItem'
  | 'colDescription'
  | 'colLotSerial'
  | 'colUnit'
  | 'colTarget'
  | 'colCounted'
  | 'colChecked'
  | 'countedBy'
  | 'checkedBy'
  | 'date'
  | 'type.article'
  | 'type.bin'
  | 'type.differences'
  | 'usage.count'
  | 'usage.verification'
  | 'usage.blank'
  | 'usage.none';

/** The sheet's own words (printed documents do not go through the web UI's i18n). `{x}`/`{y}` are page numbers. */
export const LABELS: Record<PrintLanguage, Record<Label, string>> = {
  en: {
    countList: 'Count list',
    inventory: 'Inventory',
    countType: 'Count type',
    warehouse: 'Warehouse',
    owner: 'Stock owner',
    countDate: 'Count date',
    responsible: 'Responsible',
    usage: 'Usage',
    printed: 'Printed',
    page: 'Page {x} of {y}',
    colLine: 'Line',
    colBin: 'Bin',
    colItem: 'Item',
    colDescription: 'Description',
    colLotSerial: 'Lot / serial',
    colUnit: 'Unit',
    colTarget: 'Target',
    colCounted: 'Counted',
    colChecked: 'Checked',
    countedBy: 'Counted by (name, signature)',
    checkedBy: 'Checked by (name, signature)',
    date: 'Date',
    'type.article': 'Article list',
    'type.bin': 'Bin list',
    'type.differences': 'Inventory differences',
    'usage.count': 'Count',
    'usage.verification': 'Verification',
    'usage.blank': 'Blank pages',
    'usage.none': 'All items',
  },
  it: {
    countList: 'Lista di conteggio',
    inventory: 'Inventario',
    countType: 'Tipo di conteggio',
    warehouse: 'Magazzino',
    owner: 'Proprietario dello stock',
    countDate: 'Data conteggio',
    responsible: 'Responsabile',
    usage: 'Utilizzo',
    printed: 'Stampato il',
    page: 'Pagina {x} di {y}',
    colLine: 'Riga',
    colBin: 'Ubicazione',
    colItem: 'Articolo',
    colDescription: 'Descrizione',
    colLotSerial: 'Lotto / matricola',
    colUnit: 'UM',
    colTarget: 'Teorica',
    colCounted: 'Contata',
    colChecked: 'Controllo',
    countedBy: 'Contato da (nome, firma)',
    checkedBy: 'Controllato da (nome, firma)',
    date: 'Data',
    'type.article': 'Lista per articolo',
    'type.bin': 'Lista per ubicazione',
    'type.differences': 'Differenze inventariali',
    'usage.count': 'Conteggio',
    'usage.verification': 'Verifica',
    'usage.blank': 'Pagine vuote',
    'usage.none': 'Tutte le righe',
  },
  pl: {
    countList: 'Arkusz spisowy',
    inventory: 'Inwentaryzacja',
    countType: 'Rodzaj spisu',
    warehouse: 'Magazyn',
    owner: 'Właściciel zapasu',
    countDate: 'Data spisu',
    responsible: 'Pracownik odpowiedzialny',
    usage: 'Zastosowanie',
    printed: 'Wydrukowano',
    page: 'Strona {x} z {y}',
    colLine: 'Lp.',
    colBin: 'Miejsce',
    colItem: 'Artykuł',
    colDescription: 'Opis',
    colLotSerial: 'Partia / nr seryjny',
    colUnit: 'J.m.',
    colTarget: 'Ilość systemowa',
    colCounted: 'Policzono',
    colChecked: 'Kontrola',
    countedBy: 'Spisał (imię i nazwisko, podpis)',
    checkedBy: 'Sprawdził (imię i nazwisko, podpis)',
    date: 'Data',
    'type.article': 'Arkusz artykułów',
    'type.bin': 'Arkusz miejsc składowania',
    'type.differences': 'Lista różnic inwentaryzacyjnych',
    'usage.count': 'Spis z natury',
    'usage.verification': 'Weryfikacja',
    'usage.blank': 'Puste strony',
    'usage.none': 'Wszystkie pozycje',
  },
  de: {
    countList: 'Zählliste',
    inventory: 'Inventur',
    countType: 'Zählart',
    warehouse: 'Lager',
    owner: 'Bestandseigentümer',
    countDate: 'Zähldatum',
    responsible: 'Verantwortlich',
    usage: 'Verwendung',
    printed: 'Gedruckt',
    page: 'Seite {x} von {y}',
    colLine: 'Pos.',
    colBin: 'Lagerplatz',
    colItem: 'Artikel',
    colDescription: 'Bezeichnung',
    colLotSerial: 'Charge / Seriennr.',
    colUnit: 'ME',
    colTarget: 'Sollmenge',
    colCounted: 'Gezählt',
    colChecked: 'Geprüft',
    countedBy: 'Gezählt von (Name, Unterschrift)',
    checkedBy: 'Geprüft von (Name, Unterschrift)',
    date: 'Datum',
    'type.article': 'Artikelliste',
    'type.bin': 'Lagerplatzliste',
    'type.differences': 'Inventurdifferenzen',
    'usage.count': 'Zählung',
    'usage.verification': 'Nachzählung',
    'usage.blank': 'Leerseiten',
    'usage.none': 'Alle Positionen',
  },
};

// Geometry (points; A4 = 595.28 × 841.89).
const PAGE = { w: 595.28, h: 841.89, margin: 28 };
const TABLE_TOP = 134;
const HEAD_H = 22;
const ROW_H = 24;
const FOOTER_H = 40;
const FOOTER_TOP = PAGE.h - PAGE.margin - FOOTER_H;
/** Item rows per page; every page of a list has the same capacity. */
export const ROWS_PER_PAGE = Math.floor((FOOTER_TOP - 8 - TABLE_TOP - HEAD_H) / ROW_H);

/** fit: set smaller until whole — `line` on one line (numbers), `lines` on up to two (codes, lots). */
type Col = {
  key: keyof SheetLine | 'counted' | 'checked';
  label: Label;
  width: number;
  align?: 'right' | 'center';
  fit?: 'line' | 'lines';
};

function columns(showTargets: boolean): Col[] {
  const fixed: Col[] = [
    { key: 'lineNo', label: 'colLine', width: 26, align: 'right', fit: 'line' },
    { key: 'bin', label: 'colBin', width: 62, fit: 'lines' },
    { key: 'itemCode', label: 'colItem', width: 70, fit: 'lines' },
    { key: 'description', label: 'colDescription', width: 0 },
    { key: 'lotSerial', label: 'colLotSerial', width: 66, fit: 'lines' },
    { key: 'unit', label: 'colUnit', width: 30, fit: 'line' },
    ...(showTargets ? [{ key: 'target', label: 'colTarget', width: 54, align: 'right', fit: 'line' } as Col] : []),
    { key: 'counted', label: 'colCounted', width: 70 },
    { key: 'checked', label: 'colChecked', width: 54, align: 'center' },
  ];
  const rest = PAGE.w - 2 * PAGE.margin - fixed.reduce((s, c) => s + c.width, 0);
  return fixed.map((c) => (c.key === 'description' ? { ...c, width: rest } : c));
}

const requireFromHere = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | null = null;
/** DejaVu Sans from the dejavu-fonts-ttf package (resolved in node_modules, never a system font path). */
export function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(requireFromHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(requireFromHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

export function pageCount(sheet: Sheet): number {
  return sheet.blankPages > 0 ? sheet.blankPages : Math.max(1, Math.ceil(sheet.lines.length / ROWS_PER_PAGE));
}

type Doc = InstanceType<typeof PDFDocument>;

export async function renderCountListsPdf(sheets: readonly Sheet[], o: RenderOptions): Promise<Buffer> {
  const f = loadFonts();
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { Title: sheets.map((s) => s.listNumber).join(', '), Creator: 'Inventur' },
  });
  doc.registerFont('regular', f.regular);
  doc.registerFont('bold', f.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const L = LABELS[o.language];
  let drawn = 0;
  for (const sheet of sheets) {
    const pages = pageCount(sheet);
    for (let p = 0; p < pages; p++) {
      // A long run is CPU work on the server's event loop: let other requests through every few pages.
      if (++drawn % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
      doc.addPage({ size: 'A4', margin: 0 });
      drawHeader(doc, L, sheet, p + 1, pages, o.printedAt, o.language);
      const rows = sheet.blankPages > 0 ? [] : sheet.lines.slice(p * ROWS_PER_PAGE, (p + 1) * ROWS_PER_PAGE);
      drawTable(doc, L, columns(sheet.blankPages > 0 ? false : sheet.showTargets), rows, targetText(o.language));
      drawFooter(doc, L);
    }
  }
  doc.end();
  return done;
}

/** One line of text in a box that never flows onto a new page (explicit height, ellipsis). */
function cell(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  height: number,
  opts: { font?: 'regular' | 'bold'; size?: number; align?: 'left' | 'right' | 'center'; color?: string } = {},
): void {
  doc
    .font(opts.font ?? 'regular')
    .fontSize(opts.size ?? 8)
    .fillColor(opts.color ?? '#000000')
    .text(text, x, y, { width, height, ellipsis: true, align: opts.align ?? 'left', lineGap: 0 });
}

function drawHeader(
  doc: Doc,
  L: Record<Label, string>,
  s: Sheet,
  page: number,
  pages: number,
  printedAt: Date,
  language: DocumentLanguage,
): void {
  const { margin } = PAGE;
  const width = PAGE.w - 2 * margin;
  const title = `${L.countList} ${s.listNumber}${s.listName ? ` – ${s.listName}` : ''}`;
  cell(doc, title, margin, margin, width - 120, 16, { font: 'bold', size: 12 });
  cell(
    doc,
    L.page.replace('{x}', String(page)).replace('{y}', String(pages)),
    PAGE.w - margin - 120,
    margin + 2,
    120,
    14,
    { size: 9, align: 'right' },
  );
  cell(
    doc,
    `${L.inventory} ${s.inventoryNumber}${s.inventoryDescription ? ` – ${s.inventoryDescription}` : ''}`,
    margin,
    margin + 18,
    width,
    12,
    { size: 9 },
  );
  const fields: [Label, string][] = [
    ['countType', L[`type.${s.countType}`]],
    ['warehouse', s.warehouse],
    ['owner', s.owner],
    ['usage', L[`usage.${s.usage}`]],
    ['countDate', s.countDate ? documentDate(s.countDate, language) : ''],
    ['responsible', s.responsible],
    ['printed', documentTimestamp(printedAt, language)],
  ];
  const colW = width / 4;
  fields.forEach(([label, value], i) => {
    const x = margin + (i % 4) * colW;
    const y = margin + 36 + Math.floor(i / 4) * 34;
    cell(doc, L[label], x, y, colW - 6, 10, { size: 7, color: '#555555' });
    cell(doc, value || '—', x, y + 9, colW - 6, 22, { size: 8.5, font: 'bold' });
  });
}

const LOCALES: Record<PrintLanguage, string> = { en: 'en-GB', it: 'it-IT', pl: 'pl-PL', de: 'de-DE' };

/**
 * A target with the language's decimal separator and every decimal it has, without thousands separators: a
 * German or Polish counter reads 4417,125 as intended, and 4.417 (German thousands) cannot be taken for a decimal.
 */
export function targetText(language: PrintLanguage): (v: string) => string {
  const f = new Intl.NumberFormat(LOCALES[language], { useGrouping: false, maximumFractionDigits: 20 });
  // Intl formats the decimal string itself (no binary float in between).
  return (v) => (f.format as unknown as (s: string) => string)(v);
}

function drawTable(
  doc: Doc,
  L: Record<Label, string>,
  cols: Col[],
  rows: SheetLine[],
  number: (v: string) => string,
): void {
  const left = PAGE.margin;
  const right = PAGE.w - PAGE.margin;
  doc
    .rect(left, TABLE_TOP, right - left, HEAD_H)
    .fillColor('#e8e8e8')
    .fill();
  let x = left;
  for (const c of cols) {
    cell(doc, L[c.label], x + 3, TABLE_TOP + 3, c.width - 6, HEAD_H - 4, {
      font: 'bold',
      size: 7,
      align: c.align ?? 'left',
    });
    x += c.width;
  }
  // Every page gets the full grid, so counters can add items found that are not on the sheet.
  const bottom = TABLE_TOP + HEAD_H + ROWS_PER_PAGE * ROW_H;
  doc.lineWidth(0.5).strokeColor('#000000');
  for (let r = 0; r <= ROWS_PER_PAGE; r++)
    doc
      .moveTo(left, TABLE_TOP + HEAD_H + r * ROW_H)
      .lineTo(right, TABLE_TOP + HEAD_H + r * ROW_H)
      .stroke();
  doc.rect(left, TABLE_TOP, right - left, bottom - TABLE_TOP).stroke();
  x = left;
  for (const c of cols.slice(0, -1)) {
    x += c.width;
    doc.moveTo(x, TABLE_TOP).lineTo(x, bottom).stroke();
  }
  rows.forEach((row, i) => {
    const y = TABLE_TOP + HEAD_H + i * ROW_H;
    let cx = left;
    for (const c of cols) {
      if (c.key === 'checked') {
        doc.rect(cx + c.width / 2 - 5, y + ROW_H / 2 - 5, 10, 10).stroke();
      } else if (c.key !== 'counted') {
        const v = row[c.key];
        const text = v === null ? '' : c.key === 'target' ? number(String(v)) : String(v);
        // Codes and numbers never wrap or lose characters: a long one is set smaller to fit its column.
        const size = c.fit ? fitSize(doc, text, c.width - 6, c.fit === 'lines' ? ROW_H - 4 : null) : 8;
        cell(doc, text, cx + 3, y + 3, c.width - 6, ROW_H - 4, { align: c.align ?? 'left', size });
      }
      cx += c.width;
    }
  });
}

/**
 * The size for a code or number: the largest (8 down to 6.5 pt; numbers 5 pt) that keeps it on one line; failing that, when
 * `height` allows two lines, the largest (down to 5.5 pt) that fits it wrapped; else the smallest (ellipsis).
 */
function fitSize(doc: Doc, text: string, width: number, height: number | null): number {
  const at = (size: number) => doc.font('regular').fontSize(size);
  // Numbers (no height given) stay on one line down to 5 pt: a wrapped quantity is misread.
  const minOneLine = height === null ? 5 : 6.5;
  for (let size = 8; size >= minOneLine; size -= 0.5) if (at(size).widthOfString(text) <= width) return size;
  if (height === null) return minOneLine;
  for (let size = 8; size >= 5.5; size -= 0.5)
    if (at(size).heightOfString(text, { width, lineGap: 0 }) <= height) return size;
  return 5.5;
}

function drawFooter(doc: Doc, L: Record<Label, string>): void {
  const { margin } = PAGE;
  const width = PAGE.w - 2 * margin;
  const parts: [Label, number][] = [
    ['countedBy', 0.4],
    ['checkedBy', 0.4],
    ['date', 0.2],
  ];
  let x = margin;
  const lineY = FOOTER_TOP + 24;
  doc.lineWidth(0.5).strokeColor('#000000');
  for (const [label, share] of parts) {
    const w = width * share;
    doc
      .moveTo(x, lineY)
      .lineTo(x + w - 12, lineY)
      .stroke();
    cell(doc, L[label], x, lineY + 3, w - 12, 10, { size: 7, color: '#555555' });
    x += w;
  }
}
