// The printed result of a statistical sample inventory (docs/sampling.md, "Printed result"): pdfkit with DejaVu
// Sans as the count sheets, A4 portrait. A header naming the inventory, its type and valuation, the outcome;
// the result (book value, estimate, standard error, interval, precision, verdict with its reasons and offer);
// the recorded design (configuration, population, complete layer, sample); the strata table; signatures.
// Before an estimate it prints the drawn design only. Numbers in the reader's language; pages are buffered so
// "page x of y" is written once the page count is known.
import PDFDocument from 'pdfkit';
import { Dec } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import { type DocumentLanguage, documentDate, documentTimestamp } from '../../domain/inventory/printing.js';
import type { SampleDesign, SampleEstimate } from '../../domain/inventory/sampling/index.js';
import { type Actor, type ServiceContext, inTransaction, requireRole } from '../context.js';
import { loadFonts } from './count-list-pdf.js';
import { documentTexts } from './differences-labels.js';
import { type InventoryView, loadInventory } from './inventory.service.js';
import { type SampleLabel, sampleText } from './sample-pdf-labels.js';
import { type SampleView, sampleViewOf } from './sample.service.js';

type Doc = InstanceType<typeof PDFDocument>;

const PAGE = { w: 595.28, h: 841.89, margin: 36 };
const WIDTH = PAGE.w - 2 * PAGE.margin;
const BOTTOM = PAGE.h - PAGE.margin - 16;
const ROW_H = 14;
const GREY = '#555555';
const RED = '#b00020';
const GREEN = '#1b6e3a';

export interface SampleDocument {
  filename: string;
  body: Buffer;
}

/** The sample result of one inventory as PDF (managers of its site). */
export async function sampleResultPdf(
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
  language: DocumentLanguage,
): Promise<SampleDocument> {
  requireRole(actor, 'manager');
  const { inv, sample } = await inTransaction(ctx, async (trx) => {
    const inv = await loadInventory(trx, actor, inventoryId);
    if (inv.method !== 'sample')
      throw new DomainError(
        'sample.not_sample_method',
        `inventory ${inv.number} uses method ${inv.method}, not sample`,
        { params: { method: inv.method } },
      );
    return { inv, sample: await sampleViewOf(trx, inv.id) };
  });
  if (!sample.drawn || !sample.design)
    throw new DomainError(
      'sample.not_drawn',
      `no sample has been drawn for inventory ${inv.number}; generate its count lists first`,
    );
  const body = await renderSamplePdf(inv, sample, language, ctx.now());
  return { filename: `sample-${inv.number.replace(/[^\w.-]+/g, '_')}.pdf`, body };
}

function formats(language: DocumentLanguage) {
  const T = documentTexts(language);
  const L = (k: SampleLabel, v?: Record<string, string | number>) => sampleText(language, k, v);
  const pct = new Intl.NumberFormat(T.locale, { style: 'percent', maximumFractionDigits: 3 });
  const int = new Intl.NumberFormat(T.locale, { maximumFractionDigits: 0 });
  return {
    T,
    L,
    money: (v: string) => T.money(v),
    /** A statistic (a double) shown as an amount: to cents. */
    stat: (n: number) => T.money(n.toFixed(2)),
    percent: (v: number | string) => (pct.format as unknown as (x: number | string) => string)(v),
    int: (n: number) => int.format(n),
  };
}
type F = ReturnType<typeof formats>;

function text(
  doc: Doc,
  s: string,
  x: number,
  y: number,
  width: number,
  o: { size?: number; bold?: boolean; align?: 'left' | 'right'; color?: string; wrap?: boolean } = {},
): number {
  const size = o.size ?? 8;
  doc
    .font(o.bold ? 'bold' : 'regular')
    .fontSize(size)
    .fillColor(o.color ?? '#000000');
  if (o.wrap) {
    const h = doc.heightOfString(s, { width });
    doc.text(s, x, y, { width, align: o.align ?? 'left' });
    return h;
  }
  doc.text(s, x, y, { width, height: size + 3, ellipsis: true, lineBreak: false, align: o.align ?? 'left' });
  return size + 3;
}

function configPairs(design: SampleDesign, f: F): Array<[string, string]> {
  const c = design.config;
  const layer =
    c.completeLayer === null
      ? f.L('c.none')
      : 'minValue' in c.completeLayer
        ? f.L('c.minValue', { v: f.money(c.completeLayer.minValue) })
        : f.L('c.topValueShare', { p: f.percent(c.completeLayer.topValueShare) });
  const acceptance =
    c.acceptance.kind === 'book_in_interval'
      ? f.L('acc.book_in_interval')
      : f.L('acc.relative_difference', { p: f.percent(c.acceptance.tolerance) });
  return [
    [f.L('confidence'), f.percent(c.confidence)],
    [f.L('targetPrecision'), `± ${f.percent(c.targetRelativePrecision)}`],
    [f.L('estimator'), f.L(`e.${c.estimator}`)],
    [f.L('allocation'), f.L(`a.${c.allocation}`)],
    [f.L('strataWanted'), `${design.strata.length} / ${c.strata}`],
    [f.L('minPerStratum'), f.int(c.minPerStratum)],
    [f.L('seed'), String(c.seed)],
    [f.L('draws'), `${design.draws} / ${c.maxDraws}`],
    [f.L('completeRule'), layer],
    [f.L('acceptance'), acceptance],
    [
      f.L('population'),
      `${f.L('positions', { n: f.int(design.population.count) })} · ${f.money(design.population.bookTotal)}`,
    ],
    [
      f.L('completeLayer'),
      `${f.L('positions', { n: f.int(design.completeLayer.count) })} · ${f.money(design.completeLayer.bookTotal)}`,
    ],
    [f.L('sampled'), `${f.L('positions', { n: f.int(design.sampled.count) })} · ${f.money(design.sampled.bookTotal)}`],
    [f.L('sample'), f.L('positions', { n: f.int(design.sampleSize) })],
  ];
}

function resultPairs(r: SampleEstimate, f: F): Array<[string, string, string?]> {
  const diff = new Dec(r.estimate).minus(r.bookTotal).toFixed(2);
  const signed = diff.startsWith('-') ? f.money(diff) : `+${f.money(diff)}`;
  const precision =
    r.achievedRelativePrecision === null || r.achievedRelativePrecision === undefined
      ? '—'
      : `± ${f.percent(r.achievedRelativePrecision)} (${f.L('targetPrecision')} ± ${f.percent(r.targetRelativePrecision)})`;
  const out: Array<[string, string, string?]> = [
    [f.L('bookValue'), f.money(r.bookTotal)],
    [f.L('estimate'), f.money(r.estimate)],
    [f.L('difference'), signed, diff.startsWith('-') ? RED : /^0(\.0*)?$/.test(diff) ? undefined : GREEN],
    [f.L('standardError'), f.stat(r.standardError)],
    [`${f.L('interval')} (z = ${r.z.toFixed(3)})`, `${f.money(r.interval.lower)} – ${f.money(r.interval.upper)}`],
    [f.L('achievedPrecision'), precision, r.verdict.precisionMet ? GREEN : RED],
  ];
  if (r.ratio !== null) out.push([f.L('ratio'), f.T.quantity(new Dec(r.ratio).toDecimalPlaces(6).toFixed())]);
  out.push([
    f.L('completeCounted'),
    `${f.L('positions', { n: f.int(r.completeLayer.count) })} · ${f.money(r.completeLayer.bookTotal)} → ${f.money(r.completeLayer.countedTotal)}`,
  ]);
  return out;
}

/** A reason's figures as the reader writes them (amounts, percentages). */
function reasonText(code: string, p: Record<string, unknown>, f: F): string {
  const m = (k: string) => (typeof p[k] === 'string' ? f.money(p[k]) : String(p[k] ?? ''));
  // A precision of a non-positive estimate is infinite and is stored as null.
  const pc = (k: string) => (typeof p[k] === 'number' || typeof p[k] === 'string' ? f.percent(p[k]) : '∞');
  const values: Record<string, string> = {
    achieved: pc('achieved'),
    target: pc('target'),
    book: m('book'),
    lower: m('lower'),
    upper: m('upper'),
    difference: m('difference'),
    tolerance: pc('tolerance'),
  };
  return f.L(`r.${code}` as SampleLabel, values);
}

interface Column {
  label: SampleLabel;
  width: number;
  align?: 'right';
}
const STRATA_COLS: Column[] = [
  { label: 'col.stratum', width: 36 },
  { label: 'col.range', width: 0 },
  { label: 'col.population', width: 46, align: 'right' },
  { label: 'col.book', width: 64, align: 'right' },
  { label: 'col.sample', width: 48, align: 'right' },
  { label: 'col.bookMean', width: 60, align: 'right' },
  { label: 'col.countedMean', width: 60, align: 'right' },
  { label: 'col.estimate', width: 64, align: 'right' },
  { label: 'col.sd', width: 44, align: 'right' },
];
const TABLE_HEAD_H = 30;
const strataCols = (): Column[] => {
  const rest = WIDTH - STRATA_COLS.reduce((s, c) => s + c.width, 0);
  return STRATA_COLS.map((c) => (c.width === 0 ? { ...c, width: rest } : c));
};

function strataRows(design: SampleDesign, result: SampleEstimate | null, f: F): string[][] {
  const rows = design.strata.map((s, h) => {
    const e = result?.strata[h];
    return [
      String(s.index),
      `${f.money(s.minBookValue)} – ${f.money(s.maxBookValue)}`,
      f.int(s.populationCount),
      f.money(s.bookTotal),
      f.int(s.sampleSize),
      e ? f.money(e.sampleBookMean) : '',
      e ? f.money(e.sampleCountedMean) : '',
      e ? f.money(e.estimate) : '',
      e ? f.stat(e.residualStdDev) : f.stat(s.bookStdDev),
    ];
  });
  rows.push([
    f.L('total'),
    '',
    f.int(design.sampled.count),
    f.money(design.sampled.bookTotal),
    f.int(design.sampleSize),
    '',
    '',
    result ? f.money(new Dec(result.estimate).minus(result.completeLayer.countedTotal).toFixed(2)) : '',
    '',
  ]);
  return rows;
}

export async function renderSamplePdf(
  inv: InventoryView,
  sample: SampleView,
  language: DocumentLanguage,
  printedAt: Date,
): Promise<Buffer> {
  const f = formats(language);
  const design = sample.design!;
  const result = sample.result;
  const fonts = loadFonts();
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    info: { Title: `${f.L('title')} ${inv.number}`, Creator: 'Inventur' },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { margin } = PAGE;
  const title = `${f.L('title')} – ${f.L('inventory')} ${inv.number}`;
  let y = 0;
  const newPage = () => {
    doc.addPage({ size: 'A4', margin: 0 });
    // The inventory number must stay readable: a long title in the language is set smaller, not cut.
    let size = 12;
    while (size > 8 && doc.font('bold').fontSize(size).widthOfString(title) > WIDTH - 120) size -= 0.5;
    text(doc, title, margin, margin + (12 - size) / 2, WIDTH - 120, { size, bold: true });
    y = margin + 22;
  };
  const need = (h: number) => {
    if (y + h > BOTTOM) newPage();
  };
  const heading = (s: string) => {
    need(18 + 3 * ROW_H);
    y += 8;
    text(doc, s, margin, y, WIDTH, { size: 10, bold: true });
    y += 13;
    doc
      .moveTo(margin, y)
      .lineTo(margin + WIDTH, y)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    y += 4;
  };
  const pairs = (rows: Array<[string, string, string?]>, labelW: number) => {
    for (const [k, v, color] of rows) {
      need(ROW_H);
      text(doc, k, margin, y, labelW - 6, { color: GREY });
      text(doc, v, margin + labelW, y, WIDTH - labelW, { bold: true, ...(color ? { color } : {}) });
      y += ROW_H;
    }
  };

  newPage();
  // Header: who, what, when.
  const outcome = sample.fullCount ? 'chosen' : (sample.outcome ?? 'drawn');
  const head: Array<[string, string]> = [
    [f.L('type'), inv.typeCode],
    [f.L('valuation'), f.T.valuation(inv.valuationPrice)],
    [f.L('status'), f.T.inventoryStatus(inv.status)],
    [f.L('stockTakingDate'), inv.stockTakingDate ? documentDate(inv.stockTakingDate, language) : '—'],
    [f.L('drawnAt'), sample.drawnAt ? documentTimestamp(new Date(sample.drawnAt), language) : '—'],
    [f.L('estimatedAt'), sample.estimatedAt ? documentTimestamp(new Date(sample.estimatedAt), language) : '—'],
    [f.L('printed'), documentTimestamp(printedAt, language)],
    [f.L('outcome'), f.L(`o.${outcome}` as SampleLabel)],
  ];
  const colW = WIDTH / 4;
  head.forEach(([k, v], i) => {
    const x = margin + (i % 4) * colW;
    const yy = y + Math.floor(i / 4) * 34;
    text(doc, k, x, yy, colW - 6, { size: 7, color: GREY });
    doc
      .font('bold')
      .fontSize(9)
      .fillColor('#000000')
      .text(v, x, yy + 9, { width: colW - 6, height: 22, ellipsis: true });
  });
  y += Math.ceil(head.length / 4) * 34;

  if (result) {
    heading(f.L('result'));
    pairs(resultPairs(result, f), 190);
    heading(f.L('verdict'));
    const v = result.verdict;
    const badge = v.passes ? f.L('passed') : f.L('failed');
    const bw = doc.font('bold').fontSize(10).widthOfString(badge) + 20;
    doc
      .roundedRect(margin, y, bw, 20, 3)
      .fillColor(v.passes ? GREEN : RED)
      .fill();
    text(doc, badge, margin + 10, y + 5, bw - 10, { size: 10, bold: true, color: '#ffffff' });
    doc.fillColor('#000000');
    y += 26;
    for (const r of v.reasons) {
      need(ROW_H);
      y += text(doc, `• ${reasonText(r.code, r.params, f)}`, margin, y, WIDTH, { wrap: true }) + 2;
    }
    if (sample.fullCount) y += text(doc, f.L('fullCount'), margin, y, WIDTH, { wrap: true, bold: true }) + 2;
    else if (v.offer?.kind === 'extend')
      y += text(doc, f.L('offer.extend', { n: f.int(v.offer.n) }), margin, y, WIDTH, { wrap: true, bold: true }) + 2;
    else if (v.offer?.kind === 'full_count')
      y += text(doc, f.L('offer.full_count'), margin, y, WIDTH, { wrap: true, bold: true }) + 2;
  } else {
    y += 6;
    y += text(doc, sample.fullCount ? f.L('fullCount') : f.L('notEstimated'), margin, y, WIDTH, { wrap: true }) + 2;
  }

  heading(f.L('design'));
  pairs(configPairs(design, f), 190);

  heading(f.L('strata'));
  const cols = strataCols();
  const tableHead = () => {
    doc.rect(margin, y, WIDTH, TABLE_HEAD_H).fillColor('#e8e8e8').fill();
    let x = margin;
    for (const c of cols) {
      doc
        .font('bold')
        .fontSize(6.5)
        .fillColor('#000000')
        .text(f.L(c.label), x + 2, y + 3, {
          width: c.width - 4,
          height: 18,
          ellipsis: true,
          align: c.align ?? 'left',
          lineGap: -1,
        });
      x += c.width;
    }
    y += TABLE_HEAD_H;
  };
  tableHead();
  const rows = strataRows(design, result, f);
  rows.forEach((cells, i) => {
    if (y + ROW_H > BOTTOM) {
      newPage();
      tableHead();
    }
    const last = i === rows.length - 1;
    if (i % 2 === 1 && !last) doc.rect(margin, y, WIDTH, ROW_H).fillColor('#f5f5f5').fill();
    if (last)
      doc
        .moveTo(margin, y)
        .lineTo(margin + WIDTH, y)
        .lineWidth(0.5)
        .strokeColor('#000000')
        .stroke();
    let x = margin;
    cells.forEach((s, c) => {
      text(doc, s, x + 2, y + 3, cols[c]!.width - 4, { size: 7, align: cols[c]!.align ?? 'left', bold: last });
      x += cols[c]!.width;
    });
    y += ROW_H;
  });

  // Signatures: whoever is responsible for the inventory signs the result as recorded.
  need(60);
  y += 30;
  const sw = (WIDTH - 40) / 3;
  (['responsible', 'date', 'signature'] as const).forEach((k, i) => {
    const x = margin + i * (sw + 20);
    doc
      .moveTo(x, y)
      .lineTo(x + sw, y)
      .lineWidth(0.5)
      .strokeColor('#000000')
      .stroke();
    text(doc, f.L(k), x, y + 3, sw, { size: 7, color: GREY });
  });

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    text(doc, f.L('page', { x: i + 1, y: range.count }), PAGE.w - margin - 120, margin + 2, 120, { align: 'right' });
  }
  doc.end();
  return done;
}
