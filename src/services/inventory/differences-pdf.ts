// The differences report as PDF (pdfkit, DejaVu Sans as the count sheets): A4 landscape; a header naming the
// inventory, its method and valuation and the selection; the lines in the order asked (table header repeated
// on every page); then the totals overall and per warehouse, zone and product group. Numbers in the reader's
// language. Pages are buffered so "page x of y" is written once the page count is known.
import PDFDocument from 'pdfkit';
import type { DocumentLanguage } from '../../domain/inventory/printing.js';
import { loadFonts } from './count-list-pdf.js';
import { selection, type ExportData } from './differences-export.js';
import { documentTexts, type DiffLabel, type DocumentTexts } from './differences-labels.js';
import type { DifferenceLine } from './differences-types.js';

type Doc = InstanceType<typeof PDFDocument>;

const PAGE = { w: 841.89, h: 595.28, margin: 28 };
const ROW_H = 13;
const HEAD_H = 20;
const BOTTOM = PAGE.h - PAGE.margin - 14;
const RED = '#b00020';
const GREEN = '#1b6e3a';

interface Col {
  label: DiffLabel;
  width: number;
  align?: 'right';
  get: (l: DifferenceLine, T: DocumentTexts) => string;
  tone?: (l: DifferenceLine) => string | null;
  code?: boolean;
}

const sign = (v: string | null) => (v === null || /^-?0(\.0*)?$/.test(v) ? null : v.startsWith('-') ? RED : GREEN);

const COLS: Col[] = [
  { label: 'col.countList', width: 46, get: (l) => l.countListNumber, code: true },
  { label: 'col.itemCode', width: 70, get: (l) => l.itemCode, code: true },
  { label: 'col.itemDescription', width: 0, get: (l) => l.itemDescription },
  {
    label: 'col.place',
    width: 96,
    get: (l) => [l.warehouseCode, l.zoneCode, l.binCode].filter(Boolean).join(' / '),
    code: true,
  },
  { label: 'col.lotSerial', width: 62, get: (l) => [l.lot, l.serial].filter(Boolean).join(' / '), code: true },
  { label: 'col.target', width: 52, align: 'right', get: (l, T) => T.quantity(l.target) },
  { label: 'col.counted', width: 52, align: 'right', get: (l, T) => (l.counted === null ? '' : T.quantity(l.counted)) },
  {
    label: 'col.difference',
    width: 56,
    align: 'right',
    get: (l, T) => T.quantity(l.difference),
    tone: (l) => sign(l.difference),
  },
  { label: 'col.unit', width: 28, get: (l) => l.unit },
  { label: 'col.unitPrice', width: 52, align: 'right', get: (l, T) => T.money(l.unitPrice) },
  { label: 'col.value', width: 62, align: 'right', get: (l, T) => T.money(l.value), tone: (l) => sign(l.value) },
  { label: 'col.percent', width: 44, align: 'right', get: (l, T) => T.quantity(l.percent) },
  // The page has no width left for a column of its own: the reason code follows the status.
  {
    label: 'col.statusReason',
    width: 84,
    get: (l, T) => T.status(l.status, l.countListStatus) + (l.reasonCode ? ` · ${l.reasonCode}` : ''),
    code: true,
  },
];

function columns(): Col[] {
  const rest = PAGE.w - 2 * PAGE.margin - COLS.reduce((s, c) => s + c.width, 0);
  return COLS.map((c) => (c.width === 0 ? { ...c, width: rest } : c));
}

function text(
  doc: Doc,
  s: string,
  x: number,
  y: number,
  width: number,
  o: { size?: number; bold?: boolean; align?: 'left' | 'right'; color?: string } = {},
): void {
  doc
    .font(o.bold ? 'bold' : 'regular')
    .fontSize(o.size ?? 7)
    .fillColor(o.color ?? '#000000')
    .text(s, x, y, { width, height: (o.size ?? 7) + 3, ellipsis: true, lineBreak: false, align: o.align ?? 'left' });
}

/** A code is never cut: set smaller (down to 5 pt) until it fits its column. */
function codeSize(doc: Doc, s: string, width: number): number {
  for (let size = 7; size > 5; size -= 0.5)
    if (doc.font('regular').fontSize(size).widthOfString(s) <= width) return size;
  return 5;
}

export async function differencesPdf(d: ExportData, language: DocumentLanguage, printedAt: Date): Promise<Buffer> {
  const T = documentTexts(language);
  const f = loadFonts();
  const doc: Doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    info: { Title: `${T.label('title')} ${d.header.inventoryNumber}`, Creator: 'Inventur' },
  });
  doc.registerFont('regular', f.regular);
  doc.registerFont('bold', f.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { margin } = PAGE;
  const width = PAGE.w - 2 * margin;
  const cols = columns();
  const title = `${T.label('title')} – ${T.label('inventory')} ${d.header.inventoryNumber}${d.names.countList ? ` – ${T.label('countList')} ${d.names.countList}` : ''}`;
  let y = 0;

  const newPage = (first: boolean) => {
    doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
    text(doc, title, margin, margin, width - 140, { size: 11, bold: true });
    y = margin + 18;
    if (first) {
      const sel = selection(d, T);
      const per = 4;
      const colW = width / per;
      sel.forEach(([k, v], i) => {
        const x = margin + (i % per) * colW;
        const yy = y + Math.floor(i / per) * 22;
        text(doc, k, x, yy, colW - 6, { size: 6.5, color: '#555555' });
        text(doc, v, x, yy + 8, colW - 6, { size: 8, bold: true });
      });
      y += Math.ceil(sel.length / per) * 22 + 4;
      text(doc, `${T.label('printed')} ${printedAt.toISOString().slice(0, 16).replace('T', ' ')}`, margin, y, width, {
        size: 6.5,
        color: '#555555',
      });
      y += 12;
    }
  };
  const tableHead = () => {
    doc.rect(margin, y, width, HEAD_H).fillColor('#e8e8e8').fill();
    let x = margin;
    // Headings may take two lines (German and Polish ones are long); values never wrap.
    for (const c of cols) {
      doc
        .font('bold')
        .fontSize(6.5)
        .fillColor('#000000')
        .text(T.label(c.label), x + 2, y + 3, {
          width: c.width - 4,
          height: HEAD_H - 4,
          ellipsis: true,
          align: c.align ?? 'left',
          lineGap: -1,
        });
      x += c.width;
    }
    y += HEAD_H;
  };

  newPage(true);
  tableHead();
  let drawn = 0;
  for (const l of d.lines) {
    if (y + ROW_H > BOTTOM) {
      newPage(false);
      tableHead();
    }
    // A long report is CPU work on the server's event loop: let other requests through now and then.
    if (++drawn % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    if (drawn % 2 === 0) doc.rect(margin, y, width, ROW_H).fillColor('#f5f5f5').fill();
    let x = margin;
    for (const c of cols) {
      const s = c.get(l, T);
      const size = c.code ? codeSize(doc, s, c.width - 4) : 7;
      text(doc, s, x + 2, y + 3 + (7 - size) * 0.6, c.width - 4, {
        size,
        align: c.align ?? 'left',
        color: c.tone?.(l) ?? '#000000',
      });
      x += c.width;
    }
    y += ROW_H;
  }
  if (d.lines.length === 0) {
    text(doc, T.label('none'), margin + 2, y + 3, width);
    y += ROW_H;
  }

  // Totals: overall, then per warehouse, zone and product group (a group table breaks onto the next page as needed).
  const gw = [220, 60, 80, 100, 100, 100];
  const groupHead = () => {
    doc
      .rect(
        margin,
        y,
        gw.reduce((s, w) => s + w, 0),
        HEAD_H,
      )
      .fillColor('#e8e8e8')
      .fill();
    const labels: DiffLabel[] = ['t.group', 't.lines', 't.differenceLines', 't.positive', 't.negative', 't.net'];
    let x = margin;
    labels.forEach((k, i) => {
      text(doc, T.label(k), x + 2, y + 6, gw[i]! - 4, { bold: true, size: 6.5, align: i ? 'right' : 'left' });
      x += gw[i]!;
    });
    y += HEAD_H;
  };
  type G = { lines: number; differenceLines: number; positiveValue: string; negativeValue: string; netValue: string };
  const groupRow = (label: string, g: G, strong = false) => {
    const cells = [
      label,
      String(g.lines),
      String(g.differenceLines),
      T.money(g.positiveValue),
      T.money(g.negativeValue),
      T.money(g.netValue),
    ];
    let x = margin;
    cells.forEach((s, i) => {
      text(doc, s, x + 2, y + 3, gw[i]! - 4, {
        align: i ? 'right' : 'left',
        bold: strong,
        color: i >= 3 ? (sign([g.positiveValue, g.negativeValue, g.netValue][i - 3]!) ?? '#000000') : '#000000',
      });
      x += gw[i]!;
    });
    y += ROW_H;
  };
  const section = (heading: string, rows: Array<[string, G]>, strong = false, after?: () => void) => {
    if (y + 20 + HEAD_H + ROW_H * Math.min(rows.length, 2) > BOTTOM) newPage(false);
    y += 8;
    text(doc, heading, margin, y, width, { size: 9, bold: true });
    y += 14;
    groupHead();
    for (const [label, g] of rows) {
      if (y + ROW_H > BOTTOM) {
        newPage(false);
        groupHead();
      }
      groupRow(label, g, strong);
    }
    after?.();
  };
  const t = d.totals;
  section(T.label('t.totals'), [[T.label('t.totals'), t]], true, () => {
    if (t.valueAdjustment === '0') return;
    text(doc, `${T.label('t.valueAdjustment')}: ${T.money(t.valueAdjustment)}`, margin + 2, y + 3, width);
    y += ROW_H;
  });
  section(
    T.label('t.byWarehouse'),
    t.byWarehouse.map((w) => [w.warehouseCode, w]),
  );
  section(
    T.label('t.byZone'),
    t.byZone.map((z) => [`${z.warehouseCode} / ${z.zoneCode ?? T.label('t.noZone')}`, z]),
  );
  section(
    T.label('t.byItemGroup'),
    t.byItemGroup.map((g) => [g.itemGroup ?? T.label('t.noGroup'), g]),
  );

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    text(
      doc,
      T.label('page')
        .replace('{x}', String(i + 1))
        .replace('{y}', String(range.count)),
      PAGE.w - margin - 140,
      margin + 2,
      140,
      { size: 8, align: 'right' },
    );
  }
  doc.end();
  return done;
}
