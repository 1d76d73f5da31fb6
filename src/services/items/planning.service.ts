// Planning (seed 002 "Pianificazione"): the ABC analysis classifying items by consumption value (issues
// in the stock ledger over a period) into items.abc_class, and the stock-control report (below minimum /
// above maximum / at reorder point) per item × warehouse with per-warehouse overrides.
import { Dec } from '../../domain/decimal.js';
import {
  type AbcResult,
  type AbcRunTrigger,
  type StockStatus,
  checkPeriod,
  checkThresholds,
  classifyAbc,
  effectivePlanning,
  stockControl,
} from '../../domain/items/planning.js';
import { planningOf } from '../../domain/items/fields.js';
import { type Actor, type ServiceContext, SYSTEM_ACTOR, inTransaction, requireRole } from '../context.js';
import { siteScope } from '../places/support.js';
import { insertRun } from './abc-run.repository.js';
import { selectConsumptionValues, selectStockControlRows, setAbcClasses } from './planning.repository.js';

export interface AbcInput {
  from: string;
  to: string;
  thresholdA?: string | undefined;
  thresholdB?: string | undefined;
  siteId?: string | undefined;
  /** Who asked: a user by hand, or the scheduled job (recorded with the run). */
  trigger?: AbcRunTrigger | undefined;
  jobId?: string | undefined;
}
export interface AbcRun {
  from: string;
  to: string;
  thresholdA: string;
  thresholdB: string;
  totalValue: string;
  counts: Record<'A' | 'B' | 'C', number>;
  items: (AbcResult & { code: string })[];
  /** The recorded run (abc_analysis_runs) and how many items it moved to another class. */
  runId: string;
  changes: number;
}

/**
 * Consumption value = the value of issue entries (keys of kind issue) posted in [from, to]. Every item gets
 * a class: items without consumption are C. The whole run is one transaction, so a report never sees half
 * the items re-classified. The item master is company-wide, so only an admin (all sites) may run it.
 */
export async function runAbcAnalysis(ctx: ServiceContext, actor: Actor, input: AbcInput): Promise<AbcRun> {
  requireRole(actor, 'admin');
  const t = checkThresholds(input.thresholdA ?? '80', input.thresholdB ?? '95');
  checkPeriod(input.from, input.to);
  return inTransaction(ctx, async (trx) => {
    const site = input.siteId ?? null;
    const rows = await selectConsumptionValues(trx, input.from, input.to, site);
    const codes = new Map(rows.map((r) => [r.itemId, r.code]));
    const result = classifyAbc(
      rows.map((r) => ({ itemId: r.itemId, value: new Dec(r.value) })),
      t,
    );
    await setAbcClasses(
      trx,
      result.map((r) => ({ itemId: r.itemId, abcClass: r.abcClass })),
      ctx.now(),
    );
    const counts = { A: 0, B: 0, C: 0 };
    for (const r of result) counts[r.abcClass]++;
    const previous = new Map(rows.map((r) => [r.itemId, r.previous]));
    const changes = result
      .filter((r) => previous.get(r.itemId) !== r.abcClass)
      .map((r) => ({ itemId: r.itemId, previousClass: previous.get(r.itemId) ?? null, newClass: r.abcClass }));
    const runId = await insertRun(
      trx,
      {
        ranAt: ctx.now(),
        trigger: input.trigger ?? 'manual',
        userId: actor.userId === SYSTEM_ACTOR.userId ? null : actor.userId,
        jobId: input.jobId ?? null,
        siteId: site,
        periodFrom: input.from,
        periodTo: input.to,
        thresholdA: t.a.toFixed(),
        thresholdB: t.b.toFixed(),
        itemsTotal: result.length,
        counts,
      },
      changes,
    );
    return {
      runId,
      changes: changes.length,
      from: input.from,
      to: input.to,
      thresholdA: t.a.toFixed(),
      thresholdB: t.b.toFixed(),
      totalValue: result.reduce((s, r) => s.plus(r.value), new Dec(0)).toFixed(),
      counts,
      items: result.map((r) => ({ ...r, code: codes.get(r.itemId)! })),
    };
  });
}

export interface StockControlLine {
  itemId: string;
  itemCode: string;
  description: string;
  warehouseId: string;
  warehouseCode: string;
  onHand: string;
  minStock: string;
  maxStock: string;
  reorderPoint: string;
  status: StockStatus;
  shortage: string;
  excess: string;
  suggestedOrder: string;
}

/**
 * Every item × warehouse that has stock or a planning value, judged with the values in force for the
 * warehouse. `status` filters (default: everything not ok). Scoped to the actor's site.
 */
export async function stockControlReport(
  ctx: ServiceContext,
  actor: Actor,
  filter: { warehouseId?: string | undefined; status?: StockStatus | 'all' | undefined },
): Promise<StockControlLine[]> {
  requireRole(actor, 'manager'); // on-hand quantities: not for counters (blind counting)
  const scope = siteScope(actor);
  const wh = filter.warehouseId ?? null;
  const rows = await selectStockControlRows(ctx.db, scope, wh);
  const d = (v: string | null) => (v === null ? null : new Dec(v));
  const wanted = filter.status ?? 'not_ok';
  return rows.flatMap((r) => {
    const p = effectivePlanning(
      planningOf({
        minStock: r.minStock,
        maxStock: r.maxStock,
        reorderPoint: r.reorderPoint,
        reorderLot: r.reorderLot,
        minReorderQuantity: r.minReorderQuantity,
        supplyLeadDays: r.supplyLeadDays,
      }),
      {
        minStock: d(r.oMin),
        maxStock: d(r.oMax),
        reorderPoint: d(r.oRp),
        reorderLot: d(r.oLot),
        minReorderQuantity: d(r.oMrq),
        supplyLeadDays: r.oLead,
      },
    );
    const c = stockControl(p, new Dec(r.onHand));
    if (wanted === 'not_ok' ? c.status === 'ok' : wanted !== 'all' && c.status !== wanted) return [];
    return [
      {
        itemId: r.itemId,
        itemCode: r.code,
        description: r.description,
        warehouseId: r.warehouseId,
        warehouseCode: r.warehouseCode,
        onHand: new Dec(r.onHand).toFixed(),
        minStock: p.minStock.toFixed(),
        maxStock: p.maxStock.toFixed(),
        reorderPoint: p.reorderPoint.toFixed(),
        ...c,
      },
    ];
  });
}
