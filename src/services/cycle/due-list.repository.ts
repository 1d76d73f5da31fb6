// The due list's SQL (cycle counting, docs/cycle-counting.md): every stock position of a site that a count
// plan or its item's own cycle covers, with its plan class and its due status on a day. The calendar rules
// are the domain's (count-plan.ts); they arrive here as per plan and class "due if last counted before"
// dates, so the statement compares dates and never walks a calendar per row.
import { type RawBuilder, sql } from 'kysely';
import type { DueStatus, PlanClass } from '../../domain/inventory/count-plan.js';
import type { Tx } from '../context.js';

/** One plan class's cut-offs (status → "due if last counted before"). */
export interface CutRow {
  plan_id: string;
  cls: PlanClass;
  od: string;
  wk: string;
  mo: string;
  td: string;
}
export interface SlowRow {
  plan_id: string;
  since: string;
}
export interface DueQuery {
  siteId: string;
  cuts: CutRow[];
  slow: SlowRow[];
  /** The status days of items with their own cycle (calendar days): overdue ≤ od, this week ≤ wk, … */
  days: { overdue: string; week: string; month: string; today: string };
  warehouseId?: string | undefined;
  /** Only positions with stock (the due list); the generation takes every balance. */
  withStock: boolean;
}

const none = sql``;

/**
 * `due`: positions with plan_id, plan_class and due_status. Slow movers: no ledger movement of the item in
 * the warehouse since the plan's slow-mover date, inventory differences not counted as movements.
 */
function dueCte(q: DueQuery): RawBuilder<unknown> {
  const cycle = (d: string) => sql`last_counted_date + count_cycle_days <= ${d}::date`;
  return sql`
    cut as (select * from jsonb_to_recordset(${JSON.stringify(q.cuts)}::jsonb) as c(plan_id bigint, cls text, od date, wk date, mo date, td date)),
    slow as (select * from jsonb_to_recordset(${JSON.stringify(q.slow)}::jsonb) as s(plan_id bigint, since date)),
    pos as (
      select sb.id, sb.item_id, sb.warehouse_id, sb.zone_id, sb.bin_id, sb.lot, sb.serial, sb.quantity, sb.last_counted_date,
        i.code as item_code, i.description as item_description, i.count_cycle_days, i.abc_class,
        w.code as warehouse_code, z.code as zone_code, b.code as bin_code, coalesce(pw.id, ps.id) as plan_id
      from stock_balances sb
      join warehouses w on w.id = sb.warehouse_id
      join items i on i.id = sb.item_id
      left join zones z on z.id = sb.zone_id
      left join bins b on b.id = sb.bin_id
      left join count_plans pw on pw.site_id = w.site_id and pw.warehouse_id = sb.warehouse_id
      left join count_plans ps on ps.site_id = w.site_id and ps.warehouse_id is null
      where w.site_id = ${q.siteId} and w.kind <> 'virtual' and i.include_in_inventory
        ${q.withStock ? sql`and sb.quantity <> 0` : none}
        ${q.warehouseId !== undefined ? sql`and sb.warehouse_id = ${q.warehouseId}` : none}
    ),
    classed as (
      select pos.*, case when s.since is not null and not exists (
          select 1 from stock_ledger l where l.item_id = pos.item_id and l.warehouse_id = pos.warehouse_id
            and l.posting_date >= s.since and l.origin_type not in ('count_list', 'inventory'))
        then 'S' else coalesce(pos.abc_class, 'C') end as plan_class
      from pos left join slow s on s.plan_id = pos.plan_id
    ),
    due as (
      select classed.*, c.td as due_before, case
        when last_counted_date is null then 'never_counted'
        when count_cycle_days > 0 then case
          when ${cycle(q.days.overdue)} then 'overdue' when ${cycle(q.days.week)} then 'due_this_week'
          when ${cycle(q.days.month)} then 'due_this_month' else 'not_due' end
        when last_counted_date < c.od then 'overdue'
        when last_counted_date < c.wk then 'due_this_week'
        when last_counted_date < c.mo then 'due_this_month'
        else 'not_due' end as due_status
      from classed left join cut c on c.plan_id = classed.plan_id and c.cls = classed.plan_class
      where classed.count_cycle_days > 0 or c.cls is not null
    )`;
}

const RANK = sql`case due_status when 'never_counted' then 0 when 'overdue' then 1 when 'due_this_week' then 2 when 'due_this_month' then 3 else 4 end`;

export interface DueRow {
  id: string;
  itemId: string;
  itemCode: string;
  itemDescription: string;
  warehouseId: string;
  warehouseCode: string;
  zoneCode: string | null;
  binCode: string | null;
  lot: string;
  serial: string;
  quantity: string;
  lastCountedDate: string | null;
  countCycleDays: number;
  planId: string | null;
  planClass: PlanClass;
  dueStatus: DueStatus;
}

export interface DueFilter {
  statuses: readonly DueStatus[];
  planClass?: PlanClass | undefined;
  limit: number;
  offset: number;
}

/** One page of the due list, the most urgent first (limit + 1 rows, for toPage). */
export async function selectDuePage(trx: Tx, q: DueQuery, f: DueFilter): Promise<DueRow[]> {
  const { rows } = await sql<DueRow>`
    with ${dueCte(q)}
    select id, item_id, item_code, item_description, warehouse_id, warehouse_code, zone_code, bin_code, lot, serial,
      quantity::text as quantity, last_counted_date, count_cycle_days, plan_id, plan_class, due_status
    from due where due_status in (${sql.join(f.statuses)}) ${f.planClass ? sql`and plan_class = ${f.planClass}` : none}
    order by ${RANK}, plan_class, item_code collate "C", warehouse_code collate "C", lot, serial, id
    limit ${f.limit + 1} offset ${f.offset}`.execute(trx);
  return rows;
}

export interface DueCountRow {
  planClass: PlanClass;
  dueStatus: DueStatus;
  positions: string;
}

/** How many positions each class has in each status (the due list's chips, the on-time KPI). */
export async function selectDueCounts(trx: Tx, q: DueQuery): Promise<DueCountRow[]> {
  const { rows } = await sql<DueCountRow>`
    with ${dueCte(q)}
    select plan_class, due_status, count(*)::text as positions from due group by plan_class, due_status`.execute(trx);
  return rows;
}

/**
 * `cycle_plan_due` for "count cycle reached" in the generation (generation.repository.ts): per item × warehouse
 * without a cycle of its own, the date before which its last count makes it due today under its plan.
 */
export async function createCyclePlanDueTable(trx: Tx, q: DueQuery): Promise<void> {
  await sql`
    create temp table cycle_plan_due on commit drop as
    with ${dueCte(q)}
    select distinct item_id, warehouse_id, due_before from due where count_cycle_days = 0`.execute(trx);
  await sql`analyze cycle_plan_due`.execute(trx);
}

/** Positions already put on lists of the inventory today (what today's capacity has used up). */
export async function countListedToday(trx: Tx, inventoryId: string, today: string): Promise<number> {
  const r = await sql<{ n: string }>`
    select count(*)::text as n from count_list_items ci join count_lists cl on cl.id = ci.count_list_id
    where ci.inventory_id = ${inventoryId} and cl.registration_date = ${today}::date and not ci.informational`.execute(
    trx,
  );
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * Keeps today's capacity of gen_sel (the generation's selection): the positions never counted first, then
 * those counted longest ago. Positions already on another list are left for the generation to skip.
 */
export async function keepMostUrgent(trx: Tx, ownerId: string, capacity: number): Promise<void> {
  await sql`
    delete from gen_sel where not on_other and ctid not in (
      select g.ctid from gen_sel g
      left join stock_balances sb on sb.item_id = g.item_id and sb.warehouse_id = g.warehouse_id
        and sb.zone_id is not distinct from g.zone_id and sb.bin_id is not distinct from g.bin_id
        and sb.lot = g.lot and sb.serial = g.serial and sb.owner_id = ${ownerId}
      where not g.on_other
      order by sb.last_counted_date nulls first, g.item_code collate "C", g.wh_code collate "C", g.lot, g.serial
      limit ${capacity})`.execute(trx);
}
