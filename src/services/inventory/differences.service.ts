// The valued differences report of an inventory, before and after closing. Managers only:
// the report shows targets, which a counter of a blind inventory must never see (SPEC §4.2).
import { Dec, decText } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import { csvField, differenceValues, type DifferenceTotals } from '../../domain/inventory/differences.js';
import type { DocumentLanguage } from '../../domain/inventory/printing.js';
import { type Actor, type ServiceContext, type Tx, requireRole } from '../context.js';
import { inventoryMethod } from './close.service.js';
import { requireSite } from './count-list.service.js';
import { type InventoryRow, loadInventory } from './count-list.repository.js';
import {
  type DifferenceFilter,
  type DifferenceRow,
  type TotalsRow,
  findCountListHead,
  placeCode,
  selectDifferenceLines,
  selectDifferenceTotals,
  selectValueAdjustments,
} from './differences.repository.js';
import { differencesCsvLocal, differencesXlsx, type ExportData } from './differences-export.js';
import type { DifferenceHeader, DifferenceLine, DifferenceQuery, DifferenceReport } from './differences-types.js';
import { differencesPdf } from './differences-pdf.js';

export type { DifferenceHeader, DifferenceLine, DifferenceQuery, DifferenceReport };

const norm = (v: string | null) => (v === null ? null : decText(new Dec(v)));

function lineOf(r: DifferenceRow): DifferenceLine {
  const ledger =
    r.ledgerValue !== null && r.ledgerPrice !== null ? { value: r.ledgerValue, unitPrice: r.ledgerPrice } : null;
  const v = differenceValues({ target: r.target, counted: r.counted, plannedPrice: r.plannedPrice, ledger });
  const { plannedPrice: _p, ledgerValue: _v, ledgerPrice: _lp, ledgerEntryIds, ...rest } = r;
  return {
    ...rest,
    ...v,
    target: norm(r.target),
    counted: norm(r.counted),
    lineNo: Number(r.lineNo),
    valueSource: ledger ? 'ledger' : 'planned',
    ledgerEntryIds: ledgerEntryIds ? ledgerEntryIds.split(',').sort((a, b) => Number(a) - Number(b)) : [],
  };
}

const totals = (t: TotalsRow): DifferenceTotals => ({
  lines: Number(t.lines),
  differenceLines: Number(t.differenceLines),
  positiveValue: norm(t.positiveValue)!,
  negativeValue: norm(t.negativeValue)!,
  netValue: norm(t.netValue)!,
});

async function load(ctx: ServiceContext, actor: Actor, inventoryId: string) {
  requireRole(actor, 'manager');
  const inv = await loadInventory(ctx.db, inventoryId);
  requireSite(actor, inv.siteId, `inventory ${inventoryId}`);
  const { method } = await inventoryMethod(ctx.db, inv);
  const header: DifferenceHeader = {
    inventoryId: inv.id,
    inventoryNumber: inv.number,
    status: inv.status,
    method,
    valuationPrice: inv.valuationPrice,
  };
  return { inv, method, header };
}

async function reportTotals(
  trx: Tx,
  inv: InventoryRow,
  method: string,
  q: DifferenceFilter,
): Promise<DifferenceReport['totals']> {
  const t = await selectDifferenceTotals(trx, inv, method, q);
  const adj = await selectValueAdjustments(trx, inv.id);
  const all = t.find((x) => x.g === 7);
  const empty: DifferenceTotals = {
    lines: 0,
    differenceLines: 0,
    positiveValue: '0',
    negativeValue: '0',
    netValue: '0',
  };
  return {
    ...(all ? totals(all) : empty),
    valueAdjustment: norm(adj.value)!,
    valueAdjustmentEntryIds: adj.ids,
    byWarehouse: t
      .filter((x) => x.g === 3)
      .map((x) => ({ ...totals(x), warehouseId: x.warehouseId!, warehouseCode: x.warehouseCode! })),
    byZone: t
      .filter((x) => x.g === 1)
      .map((x) => ({
        ...totals(x),
        warehouseId: x.warehouseId!,
        warehouseCode: x.warehouseCode!,
        zoneId: x.zoneId,
        zoneCode: x.zoneCode,
      })),
    byItemGroup: t.filter((x) => x.g === 6).map((x) => ({ ...totals(x), itemGroup: x.itemGroup })),
  };
}

/** One page of the report with the totals of everything the filter selects. One read transaction. */
export async function differenceReport(
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
  q: DifferenceQuery & { limit: number; offset: number },
): Promise<DifferenceReport> {
  const { inv, method, header } = await load(ctx, actor, inventoryId);
  if (q.countListId) await requireListOf(ctx.db, inv.id, q.countListId);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await selectDifferenceLines(trx, inv, method, q, q.sort, q.dir, { limit: q.limit, offset: q.offset });
    const more = rows.length > q.limit;
    return {
      inventory: header,
      items: (more ? rows.slice(0, q.limit) : rows).map(lineOf),
      nextOffset: more ? q.offset + q.limit : null,
      totals: await reportTotals(trx, inv, method, q),
    };
  });
}

/** The inventory a count list belongs to (the report per list is the inventory's, filtered to the list). */
export async function inventoryOfList(ctx: ServiceContext, actor: Actor, countListId: string): Promise<string> {
  requireRole(actor, 'manager');
  const l = await findCountListHead(ctx.db, countListId);
  if (!l)
    throw new DomainError('not_found', `count list ${countListId} not found`, {
      field: 'countListId',
      params: { countListId },
    });
  requireSite(actor, l.siteId, `count list ${countListId}`);
  return l.inventoryId;
}

/** A list filter naming a list of another inventory is an error, not an empty report. Returns the list. */
async function requireListOf(trx: Tx, inventoryId: string, countListId: string) {
  const l = await findCountListHead(trx, countListId);
  if (!l || l.inventoryId !== inventoryId) {
    throw new DomainError('not_found', `count list ${countListId} is not a list of inventory ${inventoryId}`, {
      field: 'countListId',
      params: { countListId },
    });
  }
  return l;
}

export const CSV_COLUMNS = [
  'countList',
  'itemCode',
  'itemDescription',
  'itemGroup',
  'warehouse',
  'zone',
  'bin',
  'lot',
  'serial',
  'unit',
  'target',
  'counted',
  'difference',
  'unitPrice',
  'value',
  'percent',
  'status',
  'valueSource',
  'ledgerEntryIds',
  'reasonCode',
] as const;

/** Lines one PDF prints at most (a larger selection is refused: filter it, or export CSV/XLSX). */
export const MAX_PDF_LINES = 20_000;

function fileBase(inv: InventoryRow, listNumber: string | null): string {
  return `differences-${inv.number}${listNumber ? `-${listNumber}` : ''}`.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/** The whole filtered report with its totals and what the header names, read in one snapshot. */
async function exportData(
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
  q: DifferenceQuery,
  maxLines: number | null,
): Promise<ExportData & { inv: InventoryRow }> {
  const { inv, method, header } = await load(ctx, actor, inventoryId);
  return ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const list = q.countListId ? await requireListOf(trx, inv.id, q.countListId) : undefined;
      const t = await reportTotals(trx, inv, method, q);
      if (maxLines !== null && t.lines > maxLines) {
        throw new DomainError(
          'print.too_large',
          `the selection has ${t.lines} lines; a PDF prints at most ${maxLines}: narrow the filter or export CSV or XLSX`,
          {
            params: { lines: t.lines, maxLines },
          },
        );
      }
      const rows = await selectDifferenceLines(trx, inv, method, q, q.sort, q.dir, null);
      const code = async (table: 'warehouses' | 'zones', id: string | undefined) =>
        id ? ((await placeCode(trx, table, id)) ?? id) : null;
      return {
        inv,
        header,
        query: q,
        lines: rows.map(lineOf),
        totals: t,
        names: {
          warehouse: await code('warehouses', q.warehouseId),
          zone: await code('zones', q.zoneId),
          countList: list ? list.number : null,
          countListName: list?.name ?? null,
        },
      };
    });
}

export type DifferenceFileFormat = 'csv' | 'xlsx' | 'pdf';
export interface DifferenceFile {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

/**
 * The whole filtered report as a file, sorted as asked: CSV without a language is the exact machine format
 * (comma separated, dot decimals, column keys); with a language, and XLSX and PDF always, the headers and
 * statuses are in that language and numbers in its format.
 */
export async function differenceReportFile(
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
  q: DifferenceQuery,
  format: DifferenceFileFormat,
  language: DocumentLanguage | undefined,
): Promise<DifferenceFile> {
  if (format === 'csv' && language === undefined) {
    const r = await differenceReportCsv(ctx, actor, inventoryId, q);
    return { filename: r.filename, contentType: 'text/csv; charset=utf-8', body: r.csv };
  }
  const data = await exportData(ctx, actor, inventoryId, q, format === 'pdf' ? MAX_PDF_LINES : null);
  const base = fileBase(data.inv, data.names.countList);
  const lang = language ?? 'en';
  if (format === 'csv')
    return { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: differencesCsvLocal(data, lang) };
  if (format === 'xlsx') {
    return {
      filename: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await differencesXlsx(data, lang),
    };
  }
  return { filename: `${base}.pdf`, contentType: 'application/pdf', body: await differencesPdf(data, lang, ctx.now()) };
}

/** The whole filtered report as CSV (comma separated, dot decimals, header row), sorted as asked. */
export async function differenceReportCsv(
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
  q: DifferenceQuery,
): Promise<{ filename: string; csv: string }> {
  const { inv, method } = await load(ctx, actor, inventoryId);
  if (q.countListId) await requireListOf(ctx.db, inv.id, q.countListId);
  const rows = await selectDifferenceLines(ctx.db, inv, method, q, q.sort, q.dir, null);
  const out = [CSV_COLUMNS.join(',')];
  for (const l of rows.map(lineOf)) {
    out.push(
      [
        csvField(l.countListNumber, true),
        csvField(l.itemCode, true),
        csvField(l.itemDescription, true),
        csvField(l.itemGroup, true),
        csvField(l.warehouseCode, true),
        csvField(l.zoneCode, true),
        csvField(l.binCode, true),
        csvField(l.lot, true),
        csvField(l.serial, true),
        csvField(l.unit, true),
        csvField(l.target),
        csvField(l.counted),
        csvField(l.difference),
        csvField(l.unitPrice),
        csvField(l.value),
        csvField(l.percent),
        l.status,
        l.valueSource,
        l.ledgerEntryIds.join(' '),
        csvField(l.reasonCode, true),
      ].join(','),
    );
  }
  const safe = inv.number.replace(/[^A-Za-z0-9_.-]/g, '_');
  return { filename: `differences-${safe}.csv`, csv: `${out.join('\r\n')}\r\n` };
}
