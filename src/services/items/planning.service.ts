// Planning (seed 002 "Pianificazione"): the ABC analysis classifying items by consumption value (issues
// in the stock ledger over a period) into items.abc_class, and the stock-control report (below minimum /
// above maximum / at reorder point) per item × warehouse with per-warehouse overrides.
import { sql } from 'kysely';
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
    const { rows } = await sql<{ itemId: string; code: string; value: string; previous: 'A' | 'B' | 'C' | null }>`
      select i.id::text as item_id, i.code, coalesce(c.value, 0)::text as value, i.abc_class as previous
      from items i left join (
        select l.item_id, -sum(l.value) as value from stock_ledger l join transaction_keys k on k.code = l.key_code
        where k.kind = 'issue' and l.posting_date between ${input.from} and ${input.to} and (${site}::bigint is null or l.site_id = ${site})
        group by l.item_id
      ) c on c.item_id = i.id`.execute(trx);
    const codes = new Map(rows.map((r) => [r.itemId, r.code]));
    const result = classifyAbc(
      rows.map((r) => ({ itemId: r.itemId, value: new Dec(r.value) })),
      t,
    );
    const payload = JSON.stringify(result.map((r) => ({ id: r.itemId, c: r.abcClass })));
    // One set-based update for all items.
    await sql`update items i set abc_class = x.c, updated_at = ${ctx.now()}
      from jsonb_to_recordset(${payload}::jsonb) as x(id bigint, c text) where i.id = x.id and i.abc_class is distinct from x.c`.execute(
      trx,
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
  const { rows } = await sql<{
    itemId: string;
    code: string;
    description: string;
    warehouseId: string;
    warehouseCode: string;
    onHand: string;
    minStock: string;
    maxStock: string;
    reorderPoint: string;
    reorderLot: string;
    minReorderQuantity: string;
    supplyLeadDays: number;
    oMin: string | null;
    oMax: string | null;
    oRp: string | null;
    oLot: string | null;
    oMrq: string | null;
    oLead: number | null;
  }>`
    with wh as (
      select id, code from warehouses where kind <> 'virtual' and (${scope}::bigint is null or site_id = ${scope}) and (${wh}::bigint is null or id = ${wh})
    ), stock as (
      select b.item_id, b.warehouse_id, sum(b.quantity) as on_hand from stock_balances b join wh on wh.id = b.warehouse_id
      group by b.item_id, b.warehouse_id
    ), pairs as (
      -- Only pairs worth judging: with stock, with an override, or of an item with global planning values.
      select item_id, warehouse_id from stock where on_hand <> 0
      union select p.item_id, p.warehouse_id from item_warehouse_planning p join wh on wh.id = p.warehouse_id
      union select i.id, wh.id from items i cross join wh where i.min_stock > 0 or i.max_stock > 0 or i.reorder_point > 0
    )
    select i.id::text as item_id, i.code, i.description, wh.id::text as warehouse_id, wh.code as warehouse_code,
      coalesce(s.on_hand, 0)::text as on_hand,
      i.min_stock::text, i.max_stock::text, i.reorder_point::text, i.reorder_lot::text, i.min_reorder_quantity::text, i.supply_lead_days,
      p.min_stock::text as o_min, p.max_stock::text as o_max, p.reorder_point::text as o_rp, p.reorder_lot::text as o_lot,
      p.min_reorder_quantity::text as o_mrq, p.supply_lead_days as o_lead
    from pairs x join items i on i.id = x.item_id join wh on wh.id = x.warehouse_id
    left join stock s on s.item_id = x.item_id and s.warehouse_id = x.warehouse_id
    left join item_warehouse_planning p on p.item_id = x.item_id and p.warehouse_id = x.warehouse_id
    order by wh.code, i.code`.execute(ctx.db);
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
