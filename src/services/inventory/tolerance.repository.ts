// Every SQL statement of the tolerance review: reason codes, the lines under review, managers' decisions
// (docs/tolerances.md). No rules here: the domain (tolerance.ts) decides, the services call these.
import { type RawBuilder, sql } from 'kysely';
import type { ApprovalDecision, ReviewState } from '../../domain/inventory/tolerance.js';
import type { Tx } from '../context.js';
import { siteIs } from '../site-scope.repository.js';
import type { SiteScope } from '../site-scope.js';
import { priceSql } from './report-head.repository.js';

/** SQL expressions the tolerance rule is evaluated on (columns, or parameters in a test). */
export interface ToleranceSqlInput {
  /** Counted minus target. */
  difference: RawBuilder<unknown>;
  target: RawBuilder<unknown>;
  /** The price the difference is valued at (null counts as 0). */
  price: RawBuilder<unknown>;
  /** The inventory type's limits (null: that side sets none). */
  percent: RawBuilder<unknown>;
  value: RawBuilder<unknown>;
}

/** The tolerance limits of an inventory type, by the alias of inventory_types in the statement. */
export function toleranceOfType(alias: string): Pick<ToleranceSqlInput, 'percent' | 'value'> {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return { percent: sql.raw(`${alias}.tolerance_percent`), value: sql.raw(`${alias}.tolerance_value`) };
}

/**
 * withinTolerance of src/domain/inventory/tolerance.ts written once in SQL, for set-based statements (the
 * bulk import's review, the count-accuracy KPI): |difference| ≤ percent % of |target| and |difference| × price
 * ≤ value, both inclusive, each side only where set; a type without either limit allows no difference.
 * test/medium/inventory/tolerance-sql.test.ts holds it against the domain rule.
 */
export function withinToleranceSql(t: ToleranceSqlInput): RawBuilder<boolean> {
  const [d, target, price, percent, value] = [t.difference, t.target, t.price, t.percent, t.value];
  return sql<boolean>`(case when (${percent}) is null and (${value}) is null then (${d}) = 0
    else ((${percent}) is null or abs(${d}) <= abs(coalesce(${target}, 0)) * (${percent}) / 100)
      and ((${value}) is null or abs(${d}) * coalesce(${price}, 0) <= (${value})) end)`;
}

export interface ReasonCodeRow {
  code: string;
  description: string;
  active: boolean;
}

export async function selectReasonCodes(trx: Tx, includeInactive: boolean): Promise<ReasonCodeRow[]> {
  let q = trx.selectFrom('reasonCodes').select(['code', 'description', 'active']).orderBy('code');
  if (!includeInactive) q = q.where('active', '=', true);
  return q.execute();
}

export function findReasonCode(trx: Tx, code: string): Promise<ReasonCodeRow | undefined> {
  return trx
    .selectFrom('reasonCodes')
    .select(['code', 'description', 'active'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function insertReasonCode(trx: Tx, row: ReasonCodeRow, now: Date): Promise<void> {
  await trx
    .insertInto('reasonCodes')
    .values({ ...row, createdAt: now })
    .execute();
}

export async function updateReasonCode(
  trx: Tx,
  code: string,
  set: Partial<Pick<ReasonCodeRow, 'description' | 'active'>>,
): Promise<void> {
  if (Object.keys(set).length > 0) await trx.updateTable('reasonCodes').set(set).where('code', '=', code).execute();
}

/** Lines of a list that a recount or a decision still holds back from closing, in line order. */
export async function selectLinesHeldBack(trx: Tx, countListId: string): Promise<number[]> {
  const r = await trx
    .selectFrom('countListItems')
    .select('lineNo')
    .where('countListId', '=', countListId)
    .where('reviewState', 'in', ['recount_requested', 'needs_approval'])
    .where('informational', '=', false)
    .orderBy('lineNo')
    .execute();
  return r.map((x) => x.lineNo);
}

/** The same for many lists in one statement (one array parameter however many lists), by list and line. */
export async function selectLinesHeldBackOf(
  trx: Tx,
  countListIds: readonly string[],
): Promise<Array<{ countListId: string; lineNo: number }>> {
  const r = await sql<{ countListId: string; lineNo: number }>`
    select count_list_id::text as "countListId", line_no as "lineNo" from count_list_items
    where count_list_id = any(${[...countListIds]}::bigint[]) and review_state in ('recount_requested', 'needs_approval')
      and not informational
    order by count_list_id, line_no`.execute(trx);
  return r.rows;
}

export interface ReviewLineRow {
  id: string;
  siteId: string;
  inventoryId: string;
  countListId: string;
  countListNumber: string;
  countListStatus: string;
  lineNo: number;
  itemId: string | null;
  itemCode: string | null;
  itemDescription: string | null;
  unit: string | null;
  warehouseCode: string;
  zoneCode: string | null;
  binCode: string | null;
  lot: string;
  serial: string;
  status: 'open' | 'reported' | 'closed';
  informational: boolean;
  targetQuantity: string | null;
  firstCountQuantity: string | null;
  reportedQuantity: string | null;
  reviewState: ReviewState;
  reasonCode: string | null;
  firstCounterId: string | null;
  firstCounterName: string | null;
  /** Price closing would value the difference at. */
  unitPrice: string | null;
}

function reviewLines(trx: Tx, inv: { valuationPrice: string }, method: string) {
  return sql`
    select cli.id::text as id, cli.site_id::text as "siteId", cli.inventory_id::text as "inventoryId", cli.count_list_id::text as "countListId",
      cl.number as "countListNumber", cl.status as "countListStatus", cli.line_no as "lineNo", cli.item_id::text as "itemId",
      it.code as "itemCode", it.description as "itemDescription", it.primary_unit as unit, w.code as "warehouseCode", z.code as "zoneCode",
      b.code as "binCode", cli.lot, cli.serial, cli.status, cli.informational, cli.target_quantity::text as "targetQuantity",
      cli.first_count_quantity::text as "firstCountQuantity", cli.reported_quantity::text as "reportedQuantity",
      cli.review_state as "reviewState", cli.reason_code as "reasonCode", cli.first_counter_id::text as "firstCounterId",
      coalesce(nullif(u.display_name, ''), u.username) as "firstCounterName",
      (${priceSql({ method, valuationPrice: inv.valuationPrice })})::text as "unitPrice"
    from count_list_items cli
    join count_lists cl on cl.id = cli.count_list_id
    join warehouses w on w.id = cli.warehouse_id
    left join items it on it.id = cli.item_id
    left join zones z on z.id = cli.zone_id
    left join bins b on b.id = cli.bin_id
    left join users u on u.id = cli.first_counter_id`;
}

/** The lines of an inventory under review (count_list_items_review_idx), by list and line. */
export async function selectReviewLines(
  trx: Tx,
  inv: { id: string; valuationPrice: string },
  method: string,
): Promise<ReviewLineRow[]> {
  const r = await sql<ReviewLineRow>`${reviewLines(trx, inv, method)}
    where cli.inventory_id = ${inv.id} and cli.review_state in ('recount_requested', 'needs_approval', 'rejected')
    order by cl.number, cli.line_no`.execute(trx);
  return r.rows;
}

/** One line with what a decision needs, row-locked. */
export async function selectReviewLineForUpdate(
  trx: Tx,
  id: string,
  inv: { valuationPrice: string },
  method: string,
): Promise<ReviewLineRow | undefined> {
  const r =
    await sql<ReviewLineRow>`${reviewLines(trx, inv, method)} where cli.id = ${id}::bigint for update of cli`.execute(
      trx,
    );
  return r.rows[0];
}

/** The inventory a line belongs to (to read its valuation before locking the line). */
export async function findLineInventory(
  trx: Tx,
  id: string,
): Promise<{ inventoryId: string; countListId: string; siteId: string; method: string } | undefined> {
  return trx
    .selectFrom('countListItems as cli')
    .innerJoin('inventories as inv', 'inv.id', 'cli.inventoryId')
    .innerJoin('inventoryTypes as ty', 'ty.id', 'inv.typeId')
    .select(['cli.inventoryId', 'cli.countListId', 'cli.siteId', 'ty.method'])
    .where('cli.id', '=', id)
    .executeTakeFirst();
}

export async function setLineDecision(
  trx: Tx,
  id: string,
  state: ReviewState,
  reasonCode: string | null,
): Promise<void> {
  await trx.updateTable('countListItems').set({ reviewState: state, reasonCode }).where('id', '=', id).execute();
}

/** A rejected count is counted again: its reports become invalid (kept, never deleted) and the line reopens. */
export async function reopenLine(trx: Tx, id: string, now: Date): Promise<void> {
  await trx
    .updateTable('countReports')
    .set({ valid: false, invalidatedAt: now })
    .where('countListItemId', '=', id)
    .where('valid', '=', true)
    .execute();
  await trx
    .updateTable('countListItems')
    .set({ status: 'open', reportedQuantity: null })
    .where('id', '=', id)
    .execute();
}

export interface ApprovalInsert {
  siteId: string;
  inventoryId: string;
  countListId: string;
  countListItemId: string;
  decision: ApprovalDecision;
  reasonCode: string | null;
  comment: string;
  userId: string | null;
  decidedAt: Date;
  targetQuantity: string | null;
  countedQuantity: string;
  differenceValue: string | null;
}

export async function insertApproval(trx: Tx, a: ApprovalInsert): Promise<string> {
  const r = await trx.insertInto('countListApprovals').values(a).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export interface ApprovalRow {
  id: string;
  countListItemId: string;
  countListId: string;
  countListNumber: string;
  lineNo: number;
  itemCode: string | null;
  itemDescription: string | null;
  decision: ApprovalDecision;
  reasonCode: string | null;
  comment: string;
  userId: string | null;
  userName: string | null;
  decidedAt: Date | string;
  targetQuantity: string | null;
  countedQuantity: string;
  differenceValue: string | null;
}

export async function selectApprovals(
  trx: Tx,
  scope: SiteScope,
  filter: { inventoryId?: string; countListItemId?: string; id?: string },
): Promise<ApprovalRow[]> {
  const conds = [siteIs('a.site_id', scope)];
  if (filter.inventoryId) conds.push(sql`a.inventory_id = ${filter.inventoryId}::bigint`);
  if (filter.countListItemId) conds.push(sql`a.count_list_item_id = ${filter.countListItemId}::bigint`);
  if (filter.id) conds.push(sql`a.id = ${filter.id}::bigint`);
  const r = await sql<ApprovalRow>`
    select a.id::text as id, a.count_list_item_id::text as "countListItemId", a.count_list_id::text as "countListId",
      cl.number as "countListNumber", cli.line_no as "lineNo", it.code as "itemCode", it.description as "itemDescription",
      a.decision, a.reason_code as "reasonCode", a.comment, a.user_id::text as "userId",
      coalesce(nullif(u.display_name, ''), u.username) as "userName", a.decided_at as "decidedAt",
      a.target_quantity::text as "targetQuantity", a.counted_quantity::text as "countedQuantity", a.difference_value::text as "differenceValue"
    from count_list_approvals a
    join count_lists cl on cl.id = a.count_list_id
    left join count_list_items cli on cli.id = a.count_list_item_id
    left join items it on it.id = cli.item_id
    left join users u on u.id = a.user_id
    where ${sql.join(conds, sql` and `)}
    order by a.decided_at desc, a.id desc`.execute(trx);
  return r.rows;
}

/** The price closing values a line's difference at, per row (the inventory's valuation and the type's method). */
const ROW_PRICE = sql`case when ty.method = 'stock_taking_day' or inv.valuation_price = 'average' then
    coalesce((select sv.average_price from stock_valuations sv where sv.item_id = it.id and sv.warehouse_id is null), it.moving_average_price)
  when inv.valuation_price = 'inventory' then it.inventory_price
  when inv.valuation_price = 'settlement_1' then it.settlement_price_1
  when inv.valuation_price = 'settlement_2' then it.settlement_price_2
  when inv.valuation_price = 'settlement_3' then it.settlement_price_3
  when inv.valuation_price = 'settlement_4' then it.settlement_price_4
  when inv.valuation_price = 'settlement_5' then it.settlement_price_5 end`;

/**
 * The lines a bulk import reported (its rows in the temporary table count_import), with whether each is outside its
 * type's tolerance: withinTolerance of src/domain/inventory/tolerance.ts written in SQL, so an import of
 * 10⁵ lines is judged in one statement. Lines of types without a tolerance are not listed.
 */
function importedLines(scope: { countListIds: readonly string[] }) {
  return sql`
    select cli.id, cli.line_no, cli.review_state as s, cli.first_counter_id, cli.count_list_id,
      not ${withinToleranceSql({
        difference: sql`(cli.reported_quantity - coalesce(cli.target_quantity, 0))`,
        target: sql`cli.target_quantity`,
        price: ROW_PRICE,
        ...toleranceOfType('ty'),
      })} as outside
    from count_list_items cli
    join inventories inv on inv.id = cli.inventory_id
    join inventory_types ty on ty.id = inv.type_id
    left join items it on it.id = cli.item_id
    where cli.count_list_id = any(${[...scope.countListIds]}::bigint[]) and cli.status = 'reported'
      and (ty.tolerance_percent is not null or ty.tolerance_value is not null)
      and not cli.informational
      and exists (select 1 from count_import x where x.item_id = cli.item_id and x.warehouse_id = cli.warehouse_id
        and x.zone_id is not distinct from cli.zone_id and x.bin_id is not distinct from cli.bin_id and x.lot = cli.lot and x.serial = cli.serial)`;
}

/** Whether any of the lists' inventory types sets a tolerance (a bulk import without one skips the review). */
export async function anyTolerance(trx: Tx, countListIds: readonly string[]): Promise<boolean> {
  const r = await sql<{ x: number }>`select 1 as x from count_lists cl join inventories inv on inv.id = cl.inventory_id
    join inventory_types ty on ty.id = inv.type_id
    where cl.id = any(${[...countListIds]}::bigint[]) and (ty.tolerance_percent is not null or ty.tolerance_value is not null)
    limit 1`.execute(trx);
  return r.rows.length > 0;
}

/** Lines just imported whose recount was asked of someone else: the importer counted them first (recountRefusal). */
export async function selectSameCounterRecounts(
  trx: Tx,
  scope: { countListIds: readonly string[] },
  userId: string,
): Promise<Array<{ lineNo: number; countListId: string }>> {
  const r = await sql<{ lineNo: number; countListId: string }>`
    select t.line_no as "lineNo", t.count_list_id::text as "countListId" from (${importedLines(scope)}) t
    join count_lists cl on cl.id = t.count_list_id
    where t.s = 'recount_requested' and t.first_counter_id = ${userId}::bigint
      and (cl.responsible_user_id is distinct from ${userId}::bigint and cl.responsible_user_id is not null
        or exists (select 1 from count_list_counters c where c.count_list_id = cl.id and c.user_id <> ${userId}::bigint))
    order by t.count_list_id, t.line_no limit 20`.execute(trx);
  return r.rows;
}

/**
 * Moves every line just imported along the review table (REVIEW_TRANSITIONS, reviewAfterReport): a first
 * count outside asks for a recount and sets the mark; a recount or a later report goes to approval when
 * outside and back to none when within. Returns how many lines changed.
 */
export async function reviewImportedLines(
  trx: Tx,
  scope: { countListIds: readonly string[] },
  userId: string | null,
): Promise<number> {
  const r = await sql`
    with t as (${importedLines(scope)})
    update count_list_items c set
      review_state = case when t.s = 'none' then 'recount_requested' when t.outside then 'needs_approval' else 'none' end,
      verification_mark = case when t.s = 'none' then true when t.s = 'recount_requested' then false else c.verification_mark end,
      first_counter_id = case when t.s = 'none' then ${userId}::bigint else c.first_counter_id end,
      first_count_quantity = case when t.s = 'none' then c.reported_quantity else c.first_count_quantity end
    from t
    where c.id = t.id and (t.outside or t.s <> 'none') and not (t.s = 'needs_approval' and t.outside)`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}
