// The valued differences report of an inventory (issue 11 item 5), before and after closing. Managers only:
// the report shows targets, which a counter of a blind inventory must never see (SPEC §4.2).
import { Dec, decText } from '../../domain/decimal.js';
import { csvField, differenceValues, type DifferenceSort, type DifferenceTotals } from '../../domain/inventory/differences.js';
import { type Actor, type ServiceContext, requireRole } from '../context.js';
import { inventoryMethod } from './close.service.js';
import { loadInventory, requireSite } from './count-list.service.js';
import {
  type DifferenceFilter, type DifferenceRow, type TotalsRow, selectDifferenceLines, selectDifferenceTotals, selectValueAdjustments,
} from './differences.repository.js';

export interface DifferenceQuery extends DifferenceFilter {
  sort: DifferenceSort;
  dir: 'asc' | 'desc';
}

export interface DifferenceLine {
  id: string; countListId: string; countListNumber: string; countListStatus: string; lineNo: number;
  itemId: string; itemCode: string; itemDescription: string; itemGroup: string | null; unit: string;
  warehouseId: string; warehouseCode: string; zoneId: string | null; zoneCode: string | null; binId: string | null; binCode: string | null;
  lot: string; serial: string; target: string | null; counted: string | null;
  difference: string | null; unitPrice: string; value: string | null; percent: string | null;
  status: 'open' | 'reported' | 'closed';
  /** Where the value comes from: the planned posting price, or the ledger's closing posting. */
  valueSource: 'planned' | 'ledger';
  ledgerEntryIds: string[];
}

export interface DifferenceHeader {
  inventoryId: string; inventoryNumber: string; status: string; method: string; valuationPrice: string;
}

const norm = (v: string | null) => (v === null ? null : decText(new Dec(v)));

function lineOf(r: DifferenceRow): DifferenceLine {
  const ledger = r.ledgerValue !== null && r.ledgerPrice !== null ? { value: r.ledgerValue, unitPrice: r.ledgerPrice } : null;
  const v = differenceValues({ target: r.target, counted: r.counted, plannedPrice: r.plannedPrice, ledger });
  const { plannedPrice: _p, ledgerValue: _v, ledgerPrice: _lp, ledgerEntryIds, ...rest } = r;
  return {
    ...rest, ...v, target: norm(r.target), counted: norm(r.counted), lineNo: Number(r.lineNo), valueSource: ledger ? 'ledger' : 'planned',
    ledgerEntryIds: ledgerEntryIds ? ledgerEntryIds.split(',').sort((a, b) => Number(a) - Number(b)) : [],
  };
}

const totals = (t: TotalsRow): DifferenceTotals => ({
  lines: Number(t.lines), differenceLines: Number(t.differenceLines), positiveValue: norm(t.positiveValue)!, negativeValue: norm(t.negativeValue)!, netValue: norm(t.netValue)!,
});

export interface DifferenceReport {
  inventory: DifferenceHeader;
  items: DifferenceLine[];
  nextOffset: number | null;
  totals: DifferenceTotals & {
    valueAdjustment: string;
    valueAdjustmentEntryIds: string[];
    byWarehouse: Array<DifferenceTotals & { warehouseId: string; warehouseCode: string }>;
    byZone: Array<DifferenceTotals & { warehouseId: string; warehouseCode: string; zoneId: string | null; zoneCode: string | null }>;
    byItemGroup: Array<DifferenceTotals & { itemGroup: string | null }>;
  };
}

async function load(ctx: ServiceContext, actor: Actor, inventoryId: string) {
  requireRole(actor, 'manager');
  const inv = await loadInventory(ctx.db, inventoryId);
  requireSite(actor, inv.siteId, `inventory ${inventoryId}`);
  const { method } = await inventoryMethod(ctx.db, inv);
  const header: DifferenceHeader = { inventoryId: inv.id, inventoryNumber: inv.number, status: inv.status, method, valuationPrice: inv.valuationPrice };
  return { inv, method, header };
}

/** One page of the report with the totals of everything the filter selects. One read transaction. */
export async function differenceReport(ctx: ServiceContext, actor: Actor, inventoryId: string, q: DifferenceQuery & { limit: number; offset: number }): Promise<DifferenceReport> {
  const { inv, method, header } = await load(ctx, actor, inventoryId);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await selectDifferenceLines(trx, inv, method, q, q.sort, q.dir, { limit: q.limit, offset: q.offset });
    const t = await selectDifferenceTotals(trx, inv, method, q);
    const adj = await selectValueAdjustments(trx, inv.id);
    const more = rows.length > q.limit;
    const all = t.find((x) => x.g === 7);
    const empty: DifferenceTotals = { lines: 0, differenceLines: 0, positiveValue: '0', negativeValue: '0', netValue: '0' };
    return {
      inventory: header,
      items: (more ? rows.slice(0, q.limit) : rows).map(lineOf),
      nextOffset: more ? q.offset + q.limit : null,
      totals: {
        ...(all ? totals(all) : empty), valueAdjustment: norm(adj.value)!, valueAdjustmentEntryIds: adj.ids,
        byWarehouse: t.filter((x) => x.g === 3).map((x) => ({ ...totals(x), warehouseId: x.warehouseId!, warehouseCode: x.warehouseCode! })),
        byZone: t.filter((x) => x.g === 1).map((x) => ({ ...totals(x), warehouseId: x.warehouseId!, warehouseCode: x.warehouseCode!, zoneId: x.zoneId, zoneCode: x.zoneCode })),
        byItemGroup: t.filter((x) => x.g === 6).map((x) => ({ ...totals(x), itemGroup: x.itemGroup })),
      },
    };
  });
}

export const CSV_COLUMNS = [
  'countList', 'itemCode', 'itemDescription', 'itemGroup', 'warehouse', 'zone', 'bin', 'lot', 'serial', 'unit', 'target', 'counted',
  'difference', 'unitPrice', 'value', 'percent', 'status', 'valueSource', 'ledgerEntryIds',
] as const;

/** The whole filtered report as CSV (comma separated, dot decimals, header row), sorted as asked. */
export async function differenceReportCsv(ctx: ServiceContext, actor: Actor, inventoryId: string, q: DifferenceQuery): Promise<{ filename: string; csv: string }> {
  const { inv, method } = await load(ctx, actor, inventoryId);
  const rows = await selectDifferenceLines(ctx.db, inv, method, q, q.sort, q.dir, null);
  const out = [CSV_COLUMNS.join(',')];
  for (const l of rows.map(lineOf)) {
    out.push([
      csvField(l.countListNumber, true), csvField(l.itemCode, true), csvField(l.itemDescription, true), csvField(l.itemGroup, true),
      csvField(l.warehouseCode, true), csvField(l.zoneCode, true), csvField(l.binCode, true), csvField(l.lot, true), csvField(l.serial, true),
      csvField(l.unit, true), csvField(l.target), csvField(l.counted), csvField(l.difference), csvField(l.unitPrice), csvField(l.value),
      csvField(l.percent), l.status, l.valueSource, l.ledgerEntryIds.join(' '),
    ].join(','));
  }
  const safe = inv.number.replace(/[^A-Za-z0-9_.-]/g, '_');
  return { filename: `differences-${safe}.csv`, csv: `${out.join('\r\n')}\r\n` };
}
