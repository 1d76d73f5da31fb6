// Statements of count-list generation, set-based: the selection of domain/inventory/generation.ts
// (`selectPositions`) and the split of domain/inventory/structure.ts (`splitIntoLists`) as SQL into temporary
// tables (gen_existing, gen_bins, gen_sel, gen_pos), so that 10^5–10^6 positions are listed by a few statements
// and never travel through Node one row at a time; then the lists, their items and counters written from
// gen_pos by INSERT … SELECT. Tests (test/medium/inventory/generation.repository.test.ts) run the SQL and the
// domain on the same random data and compare. Temporary tables have no statistics until analysed; without
// them the planner picks nested loops, so each is analysed once it is filled.
//
// Identifiers in the generated SQL come only from the fixed maps below and are written raw (sql.ref would
// pass them through the CamelCasePlugin, which renames `c0` to `c_0`); every value is a bound parameter.
import { type RawBuilder, sql } from 'kysely';
import { CLASSIFICATION_FILTERS, type GenerationParams } from '../../domain/inventory/generation.js';
import {
  CRITERION_FIELDS,
  type SortFields,
  type StructureLevel,
  TIEBREAK_FIELDS,
} from '../../domain/inventory/structure.js';
import type { CountType } from '../../domain/inventory/vocabulary.js';
import type { Tx } from '../context.js';
import { FINAL_LIST_STATUSES_SQL } from '../../storage/vocabulary-sql.js';

export interface SelectionScope {
  inventoryId: string;
  siteId: string;
  ownerId: string;
  fiscalYearStart: string;
  today: string;
  /** "Count cycle reached" also under the site's count plan: cycle_plan_due is filled (cycle/due-list.repository.ts). */
  cyclePlan?: boolean;
}

const COLUMN: Record<keyof SortFields, string> = {
  whCode: 'wh_code',
  wzZoneCode: 'wz_zone_code',
  zoneCode: 'zone_code',
  itemCode: 'item_code',
  aisle: 'aisle',
  rowNo: 'row_no',
  levelNo: 'level_no',
  place: 'place',
  binCode: 'bin_code',
  lot: 'lot',
  serial: 'serial',
};
const CLASS_COLUMN = {
  stockAccountClassifications: 'stock_account_classification',
  classification1: 'classification_1',
  classification2: 'classification_2',
  classification3: 'classification_3',
  classification4: 'classification_4',
  classification5: 'classification_5',
} as const;

const none = sql``;
const inList = (column: string, values: readonly string[]) =>
  values.length === 0 ? none : sql` and ${sql.raw(column)} in (${sql.join(values)})`;

/** Count plan (cycle counting by ABC class): due when last counted before its item × warehouse's cut-off. */
const planDue = (s: SelectionScope, row: string, wh: string) =>
  s.cyclePlan
    ? sql` or exists (select 1 from cycle_plan_due d where d.item_id = ${sql.raw(row)}.item_id and d.warehouse_id = ${sql.raw(wh)}.warehouse_id
        and (${sql.raw(row)}.last_counted_date is null or ${sql.raw(row)}.last_counted_date < d.due_before))`
    : none;

/** The positions of an article or difference list, one row per stock balance (lots/serials each). */
function articleSelection(p: GenerationParams, s: SelectionScope): RawBuilder<unknown> {
  const place =
    p.countType === 'differences'
      ? sql`z.usage = 'inventory_differences'`
      : sql`(w.kind = 'unstructured' or (w.kind = 'structured' and z.id is not null and not z.structured${inList('z.id', p.zoneIds)}))`;
  const classes = sql.join(
    CLASSIFICATION_FILTERS.map((f) => inList(`i.${CLASS_COLUMN[f]}`, p[f])),
    sql``,
  );
  const stock =
    {
      all: sql`true`,
      negative: sql`quantity < 0`,
      positive: sql`quantity > 0`,
      zero: sql`quantity = 0 and ever_nonzero`,
      below_threshold: sql`quantity > 0 and quantity < threshold_quantity`,
    }[p.stockConsideration as 'all'] ?? sql`false`;
  const fy = sql`${s.fiscalYearStart}::date`;
  const count = {
    ignore: sql`true`,
    not_counted: p.excludeCountedSpecifications
      ? sql`case when lot <> '' or serial <> '' then (eff is null or eff < ${fy}) else item_uncounted end`
      : sql`item_uncounted`,
    count_cycle: sql`((count_cycle_days > 0 and (last_counted_date is null or last_counted_date + count_cycle_days <= ${s.today}::date))${planDue(s, 'flagged', 'flagged')})`,
    movement_threshold: sql`movement_count_threshold > 0 and movements_since_count >= movement_count_threshold`,
  }[p.countSetting];
  return sql`
    with base as (
      select sb.item_id, sb.warehouse_id, sb.zone_id, sb.bin_id, sb.lot, sb.serial, sb.quantity, sb.ever_nonzero,
        sb.last_counted_date, sb.movements_since_count, w.code as wh_code, w.responsible_user_id as wh_responsible,
        case when w.kind = 'structured' then z.code end as wz_zone_code, z.code as zone_code, i.code as item_code,
        i.count_cycle_days, i.threshold_quantity, i.movement_count_threshold,
        b.code as bin_code, b.aisle, b.row_no, b.level_no, b.place
      from stock_balances sb
      join warehouses w on w.id = sb.warehouse_id
      join items i on i.id = sb.item_id
      left join zones z on z.id = sb.zone_id
      left join bins b on b.id = sb.bin_id
      where sb.owner_id = ${s.ownerId} and w.site_id = ${s.siteId} and w.kind <> 'virtual' and i.include_in_inventory
        and ${place}${inList('sb.warehouse_id', p.warehouseIds)}${inList('sb.item_id', p.itemIds)}${classes}
    ),
    dated as (
      select base.*, coalesce(last_counted_date, max(last_counted_date) over (partition by item_id, warehouse_id)) as eff from base
    ),
    flagged as (
      select dated.*, bool_or(eff is null or eff < ${fy}) over (partition by item_id, warehouse_id) as item_uncounted from dated
    )
    select item_id, warehouse_id, zone_id, bin_id, lot, serial, wh_code, wh_responsible, wz_zone_code, zone_code, item_code,
      aisle, row_no, level_no, place, bin_code
    from flagged where (${stock}) and (${count})`;
}

/**
 * `create temp table gen_bins`: the bins a bin list may cover. A table of its own (analysed) so that the
 * planner knows how many bins it joins; as a CTE it guessed 2 for 4,000 and nested-looped.
 */
export async function createBinsTable(trx: Tx, p: GenerationParams, s: SelectionScope): Promise<void> {
  await sql`
    create temp table gen_bins on commit drop as
    select b.id as bin_id, b.warehouse_id, b.zone_id, b.code as bin_code, b.aisle, b.row_no, b.level_no, b.place,
      w.code as wh_code, w.responsible_user_id as wh_responsible, z.code as zone_code
    from bins b join warehouses w on w.id = b.warehouse_id join zones z on z.id = b.zone_id
    where w.site_id = ${s.siteId} and w.kind = 'structured' and z.structured
      ${inList('b.warehouse_id', p.warehouseIds)}${inList('b.zone_id', p.zoneIds)}${inList('b.code', p.binCodes)}`.execute(
    trx,
  );
  await sql`analyze gen_bins`.execute(trx);
}

/** The positions of a bin list (bins from gen_bins): every stocked position of a bin, or one empty-bin line. */
function binSelection(p: GenerationParams, s: SelectionScope): RawBuilder<unknown> {
  const fy = sql`${s.fiscalYearStart}::date`;
  const due = {
    ignore: sql`true`,
    not_counted: sql`(st.last_counted is null or st.last_counted < ${fy})`,
    count_cycle: sql`st.cycle_due`,
    movement_threshold: sql`st.movement_due`,
  }[p.countSetting];
  const wantOccupied = p.stockConsideration !== 'empty_bins';
  const wantEmpty = p.stockConsideration !== 'occupied_bins';
  return sql`
    with bins_sel as (select * from gen_bins),
    brows as (
      select sb.item_id, sb.bin_id, sb.lot, sb.serial, sb.quantity, sb.last_counted_date, sb.movements_since_count,
        i.code as item_code, i.include_in_inventory, i.count_cycle_days, i.movement_count_threshold
      from stock_balances sb join items i on i.id = sb.item_id
      where sb.owner_id = ${s.ownerId} and sb.bin_id in (select bin_id from bins_sel)
    ),
    st as (
      select bs.bin_id, coalesce(bool_or(r.quantity <> 0), false) as occupied, max(r.last_counted_date) as last_counted,
        coalesce(bool_or(r.quantity <> 0 and ((r.count_cycle_days > 0
          and (r.last_counted_date is null or r.last_counted_date + r.count_cycle_days <= ${s.today}::date))${planDue(s, 'r', 'bs')})), false) as cycle_due,
        coalesce(bool_or(r.quantity <> 0 and r.movement_count_threshold > 0 and r.movements_since_count >= r.movement_count_threshold), false) as movement_due
      from bins_sel bs left join brows r on r.bin_id = bs.bin_id group by bs.bin_id
    )
    select r.item_id, bs.warehouse_id, bs.zone_id, bs.bin_id, r.lot, r.serial, bs.wh_code, bs.wh_responsible,
      bs.zone_code as wz_zone_code, bs.zone_code, r.item_code, bs.aisle, bs.row_no, bs.level_no, bs.place, bs.bin_code
    from bins_sel bs join st on st.bin_id = bs.bin_id
    join brows r on r.bin_id = bs.bin_id and r.quantity <> 0 and r.include_in_inventory
    where ${wantOccupied ? sql`st.occupied` : sql`false`} and ${due}
    union all
    select null, bs.warehouse_id, bs.zone_id, bs.bin_id, '', '', bs.wh_code, bs.wh_responsible,
      bs.zone_code, bs.zone_code, null, bs.aisle, bs.row_no, bs.level_no, bs.place, bs.bin_code
    from bins_sel bs join st on st.bin_id = bs.bin_id
    where ${wantEmpty ? sql`not st.occupied` : sql`false`} and ${due}`;
}

/**
 * `create temp table gen_existing`: the position keys already on a not-closed list of the inventory
 * (ids are ≥ 1, so 0 stands for null and the match is a plain equi-join).
 */
export async function createExistingTable(trx: Tx, s: SelectionScope): Promise<void> {
  await sql`
    create temp table gen_existing on commit drop as
    select distinct coalesce(ci.item_id, 0) as item_k, ci.warehouse_id, coalesce(ci.zone_id, 0) as zone_k,
      coalesce(ci.bin_id, 0) as bin_k, ci.lot, ci.serial
    from count_list_items ci join count_lists cl on cl.id = ci.count_list_id
    where ci.inventory_id = ${s.inventoryId} and cl.status not in (${FINAL_LIST_STATUSES_SQL})`.execute(trx);
  await sql`analyze gen_existing`.execute(trx);
}

/** `create temp table gen_sel`: the selected positions, each marked when it is already on another list. */
export async function createSelectionTable(trx: Tx, p: GenerationParams, s: SelectionScope): Promise<void> {
  const selection = p.countType === 'bin' ? binSelection(p, s) : articleSelection(p, s);
  await sql`
    create temp table gen_sel on commit drop as
    with sel as (${selection})
    select sel.*, (e.warehouse_id is not null) as on_other
    from sel left join gen_existing e on e.item_k = coalesce(sel.item_id, 0) and e.warehouse_id = sel.warehouse_id
      and e.zone_k = coalesce(sel.zone_id, 0) and e.bin_k = coalesce(sel.bin_id, 0) and e.lot = sel.lot and e.serial = sel.serial`.execute(
    trx,
  );
  await analyzeSelection(trx);
}

/** Statistics of gen_sel again, after a restriction (a sample draw) narrowed it. */
export async function analyzeSelection(trx: Tx): Promise<void> {
  await sql`analyze gen_sel`.execute(trx);
}

const orderBy = (fields: readonly (keyof SortFields)[]) =>
  sql.join(fields.map((f) => sql`${sql.raw(COLUMN[f])} collate "C" nulls first`));
const partitionBy = (parts: string[]) =>
  parts.length === 0 ? none : sql`partition by ${sql.join(parts.map((c) => sql.raw(c)))}`;

/**
 * `create temp table gen_pos`: gen_sel's kept positions with list_no and line_no — splitIntoLists as
 * window functions. Each level adds partition columns (the criterion's values for "new list", a chunk of
 * ⌊(dense_rank − 1) / N⌋ for a group change); maxItems chunks by row_number (bin lists: dense_rank of bins).
 */
export async function createSplitTable(
  trx: Tx,
  structure: readonly StructureLevel[],
  maxItems: number | null,
  maxLists: number,
  unit: 'position' | 'bin',
  informational: boolean,
): Promise<void> {
  const prefix: (keyof SortFields)[] = [];
  const parts: string[] = [];
  const steps: RawBuilder<unknown>[] = [];
  let prev = 's0';
  const addChunk = (name: string, rank: RawBuilder<unknown>, n: number) => {
    const step = `s${steps.length + 1}`;
    steps.push(
      sql`${sql.raw(step)} as (select ${sql.raw(prev)}.*, (${rank} over (${partitionBy(parts)} order by ${orderBy([...prefix])}) - 1) / ${sql.lit(n)} as ${sql.raw(name)} from ${sql.raw(prev)})`,
    );
    prev = step;
    parts.push(name);
  };
  structure.forEach((level, k) => {
    prefix.push(...CRITERION_FIELDS[level.criterion]);
    if (level.newList) for (const f of prefix) if (!parts.includes(COLUMN[f])) parts.push(COLUMN[f]);
    if (level.groupChange > 0) addChunk(`c${k}`, sql`dense_rank()`, level.groupChange);
  });
  const fullOrder = [...prefix, ...TIEBREAK_FIELDS];
  if (maxItems !== null) {
    if (unit === 'bin') {
      prefix.push('binCode');
      addChunk('c_items', sql`dense_rank()`, maxItems);
    } else {
      const step = `s${steps.length + 1}`;
      steps.push(
        sql`${sql.raw(step)} as (select ${sql.raw(prev)}.*, (row_number() over (${partitionBy(parts)} order by g_rn) - 1) / ${sql.lit(maxItems)} as c_items from ${sql.raw(prev)})`,
      );
      prev = step;
      parts.push('c_items');
    }
  }
  const keep = informational ? sql`true` : sql`not on_other`;
  await sql`
    create temp table gen_pos on commit drop as
    with s0 as (select gen_sel.*, on_other as informational, row_number() over (order by ${orderBy(fullOrder)}) as g_rn from gen_sel where ${keep}),
    ${sql.join([
      ...steps,
      sql`firsts as (select ${sql.raw(prev)}.*, min(g_rn) over (${partitionBy(parts)}) as list_first from ${sql.raw(prev)})`,
      sql`numbered as (select firsts.*, dense_rank() over (order by list_first) as list_no, row_number() over (partition by list_first order by g_rn) as line_no from firsts)`,
    ])}
    select item_id, warehouse_id, zone_id, bin_id, lot, serial, wh_responsible, informational, list_no, line_no, g_rn
    from numbered ${maxLists > 0 ? sql`where list_no <= ${sql.lit(maxLists)}` : none}`.execute(trx);
  await sql`analyze gen_pos`.execute(trx);
}

// Raw results pass the CamelCasePlugin too: columns come back camelCased.
/** One list of gen_pos: its lines, informational lines, warehouses, and its first line's warehouse. */
export interface ListRow {
  listNo: string;
  items: string;
  info: string;
  whs: string;
  wh: string | null;
  whResp: string | null;
  firstWh: string;
}

/** The lists of the split, in list order. */
export async function splitLists(trx: Tx): Promise<ListRow[]> {
  return (
    await sql<ListRow>`
    select list_no, count(*) as items, count(*) filter (where informational) as info, count(distinct warehouse_id) as whs,
      min(warehouse_id) as wh, (array_agg(wh_responsible order by line_no))[1] as wh_resp,
      (array_agg(warehouse_id order by line_no))[1] as first_wh
    from gen_pos group by list_no order by list_no`.execute(trx)
  ).rows;
}

/** Selected positions already on another list, and those kept for the split (with informational items: all). */
export async function selectionCounts(trx: Tx, informational: boolean): Promise<{ onOther: string; kept: string }> {
  return (
    await sql<{ onOther: string; kept: string }>`
    select count(*) filter (where on_other) as on_other, count(*) filter (where not on_other or ${informational}) as kept
    from gen_sel`.execute(trx)
  ).rows[0]!;
}

export interface NewListValues {
  siteId: string;
  inventoryId: string;
  name: string;
  countType: CountType;
  registrationDate: string;
  countDate: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** An empty list (counters add whatever they find). */
export async function insertEmptyList(
  trx: Tx,
  values: NewListValues & { number: string; responsibleUserId: string | null; warehouseId: string | null },
): Promise<{ id: string; responsibleUserId: string | null; warehouseId: string | null }> {
  return trx
    .insertInto('countLists')
    .values(values)
    .returning(['id', 'responsibleUserId', 'warehouseId'])
    .executeTakeFirstOrThrow();
}

/**
 * `create temp table gen_lists`: every list's number once, in a small table, so that the item insert is a
 * plain equi-join on list_no. Numbers are the sequence's prefix and the zero-padded value from `first` on.
 */
export async function createListNumbersTable(
  trx: Tx,
  n: { prefix: string; width: number; first: number },
): Promise<void> {
  await sql`
      create temp table gen_lists on commit drop as
      select list_no, ${n.prefix}::text || lpad(v::text, greatest(${n.width}::int, length(v::text)), '0') as number
      from (select distinct list_no, ${n.first}::bigint + list_no - 1 as v from gen_pos) x`.execute(trx);
  await sql`analyze gen_lists`.execute(trx);
}

/**
 * The lists of gen_pos, numbered by gen_lists. The responsible employee is the one given, or (from the
 * warehouse) the responsible employee of each list's first line's warehouse; a list of one warehouse names it.
 */
export async function insertSplitLists(
  trx: Tx,
  values: NewListValues,
  responsible: { fromWarehouse: true } | { userId: string | null },
): Promise<{ id: string; number: string; responsibleUserId: string | null; warehouseId: string | null }[]> {
  const resp =
    'fromWarehouse' in responsible
      ? sql`(array_agg(g.wh_responsible order by g.line_no))[1]`
      : sql`${responsible.userId}::bigint`;
  return (
    await sql<{ id: string; number: string; responsibleUserId: string | null; warehouseId: string | null }>`
      insert into count_lists (site_id, inventory_id, number, name, count_type, status, registration_date, count_date,
        responsible_user_id, warehouse_id, created_at, updated_at)
      select ${values.siteId}::bigint, ${values.inventoryId}::bigint, gl.number, ${values.name}, ${values.countType}, 'created', ${values.registrationDate}::date,
        ${values.countDate}::date, ${resp}, case when count(distinct g.warehouse_id) = 1 then min(g.warehouse_id) end, ${values.createdAt}, ${values.updatedAt}
      from gen_pos g join gen_lists gl on gl.list_no = g.list_no group by gl.list_no, gl.number order by gl.list_no
      returning id, number, responsible_user_id, warehouse_id`.execute(trx)
  ).rows;
}

/** The lines of gen_pos on the lists insertSplitLists wrote (found by inventory and number). */
export async function insertSplitItems(
  trx: Tx,
  inv: { siteId: string; inventoryId: string; ownerId: string },
): Promise<void> {
  await sql`
      insert into count_list_items (site_id, inventory_id, count_list_id, line_no, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, informational)
      select ${inv.siteId}::bigint, ${inv.inventoryId}::bigint, cl.id, g.line_no, g.item_id, g.warehouse_id, g.zone_id, g.bin_id, g.lot, g.serial, ${inv.ownerId}::bigint, g.informational
      from gen_pos g join gen_lists gl on gl.list_no = g.list_no
      join count_lists cl on cl.inventory_id = ${inv.inventoryId}::bigint and cl.number = gl.number`.execute(trx);
}

/** The same counters on every list (lists × counters in one statement); nothing when either is empty. */
export async function insertListCounters(
  trx: Tx,
  listIds: readonly string[],
  userIds: readonly string[],
  now: Date,
): Promise<void> {
  if (userIds.length === 0 || listIds.length === 0) return;
  await sql`
    insert into count_list_counters (count_list_id, user_id, site_id, created_at)
    select cl.id, u.id::bigint, cl.site_id, ${now}::timestamptz
    from count_lists cl cross join unnest(string_to_array(${userIds.join(',')}::text, ',')) as u (id)
    where cl.id = any (string_to_array(${listIds.join(',')}::text, ',')::bigint[])`.execute(trx);
}
