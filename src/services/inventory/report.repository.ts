// The statements of recording a report (docs/counting.md): the position by its unique key, a found
// position added to the list, the replay of a clientReportId, and the one statement that writes the report
// with its item and probes for another open line (count_list_items_open_idx, migration 0080). "Mark all as
// reported" is one set-based statement. No rules here: report.service.ts decides.
import { sql } from 'kysely';
import type { ReviewState } from '../../domain/inventory/tolerance.js';
import type { Tx } from '../context.js';
import { FINAL_LIST_STATUSES_SQL } from '../../storage/vocabulary-sql.js';
import type { InventoryRow, ItemRow, ListRow } from './count-list.repository.js';

/** A position of a list: what count_list_items_position_key identifies within the owner. */
export interface Position {
  itemId: string | null;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: string;
  serial: string;
}

/**
 * An empty bin on a bin list: no line of the list expects an item of the owner there. Probed through
 * count_list_items_bin_idx (inventory, bin), not by walking the list.
 */
export const binEmptySql = sql<boolean>`(cli.bin_id is not null and not exists (select 1 from count_list_items o
  where o.inventory_id = cli.inventory_id and o.bin_id = cli.bin_id and o.count_list_id = cli.count_list_id
    and o.item_id is not null and coalesce(o.target_quantity, 0) <> 0))`;

export interface WriteReport {
  siteId: string;
  countListId: string;
  itemId: string;
  userId: string | null;
  reportedAt: Date;
  device: string | null;
  rawBarcode: string | null;
  quantity: string;
  enteredQuantity: string | null;
  enteredUnit: string | null;
  mode: 'add' | 'replace';
  clientReportId: string | null;
  resultingQuantity: string;
  previousQuantity: string | null;
  /** The line's review after this report (docs/tolerances.md); absent: unchanged. */
  review?: ReviewWrite | undefined;
}

export interface ReviewWrite {
  state: ReviewState;
  /** true sets, false clears the verification mark; undefined leaves it. */
  mark?: boolean | undefined;
  firstCounterId?: string | null | undefined;
  firstCountQuantity?: string | undefined;
  reasonCode?: string | undefined;
}

export interface ReportRow {
  id: string;
  siteId: string;
  countListId: string;
  countListItemId: string;
  userId: string | null;
  reportedAt: Date | string;
  device: string | null;
  rawBarcode: string | null;
  quantity: string;
  enteredQuantity: string | null;
  enteredUnit: string | null;
  mode: 'add' | 'replace' | 'mark_all';
  clientReportId: string | null;
  resultingQuantity: string;
  previousQuantity: string | null;
  valid: boolean;
  invalidatedAt: Date | null;
}

/**
 * Inserts the report and sets the item's confirmed quantity in one statement, and says whether another
 * relevant line of the list is still open (the list status follows from that alone once something is
 * reported). The probe reads the statement's snapshot, i.e. before this item's update: hence `id <>`.
 */
export async function writeReport(trx: Tx, w: WriteReport): Promise<{ report: ReportRow; otherOpen: boolean }> {
  const r = await sql<ReportRow & { otherOpen: boolean }>`
    with upd as (
      update count_list_items set reported_quantity = ${w.resultingQuantity}::numeric, status = 'reported'${reviewSet(w.review)}
      where id = ${w.itemId}::bigint
      returning id),
    ins as (
      insert into count_reports (site_id, count_list_id, count_list_item_id, user_id, reported_at, device, raw_barcode, quantity,
        entered_quantity, entered_unit, mode, client_report_id, resulting_quantity, previous_quantity)
      select ${w.siteId}::bigint, ${w.countListId}::bigint, upd.id, ${w.userId}::bigint, ${w.reportedAt}::timestamptz, ${w.device}, ${w.rawBarcode},
        ${w.quantity}::numeric, ${w.enteredQuantity}::numeric, ${w.enteredUnit}, ${w.mode}, ${w.clientReportId}, ${w.resultingQuantity}::numeric,
        ${w.previousQuantity}::numeric
      from upd
      returning *)
    select ins.*, exists (select 1 from count_list_items o where o.count_list_id = ${w.countListId}::bigint and o.status = 'open'
      and not o.informational and o.id <> ${w.itemId}::bigint) as other_open
    from ins`.execute(trx);
  const { otherOpen, ...report } = r.rows[0]!;
  return { report, otherOpen };
}

/** The review columns a report sets, in the same statement (no extra round trip on a scan). */
function reviewSet(r: ReviewWrite | undefined) {
  if (r === undefined) return sql``;
  const parts = [sql`review_state = ${r.state}`];
  if (r.mark !== undefined) parts.push(sql`verification_mark = ${r.mark}`);
  if (r.firstCounterId !== undefined) parts.push(sql`first_counter_id = ${r.firstCounterId}::bigint`);
  if (r.firstCountQuantity !== undefined) parts.push(sql`first_count_quantity = ${r.firstCountQuantity}::numeric`);
  if (r.reasonCode !== undefined) parts.push(sql`reason_code = ${r.reasonCode}`);
  return sql`, ${sql.join(parts)}`;
}

/**
 * The position by its unique key (count_list_items_position_key), locked; on bin lists with the "empty bin"
 * flag of the item view, so the view needs no query of its own.
 */
export async function findPositionForUpdate(
  trx: Tx,
  list: Pick<ListRow, 'id' | 'countType'>,
  ownerId: InventoryRow['ownerId'],
  p: Position,
): Promise<(ItemRow & { binEmpty: boolean }) | undefined> {
  return trx
    .selectFrom('countListItems as cli')
    .selectAll('cli')
    .where('cli.countListId', '=', list.id)
    .where('cli.itemId', p.itemId === null ? 'is' : '=', p.itemId)
    .where('cli.warehouseId', '=', p.warehouseId)
    .where('cli.zoneId', p.zoneId === null ? 'is' : '=', p.zoneId)
    .where('cli.binId', p.binId === null ? 'is' : '=', p.binId)
    .where('cli.lot', '=', p.lot)
    .where('cli.serial', '=', p.serial)
    .where('cli.ownerId', '=', ownerId)
    .select(list.countType === 'bin' ? binEmptySql.as('binEmpty') : sql<boolean>`false`.as('binEmpty'))
    .forUpdate()
    .executeTakeFirst();
}

/** The live list (other than `listId`) of the inventory that counts this position, if any: its number. */
export async function otherListCounting(
  trx: Tx,
  listId: string,
  inventoryId: string,
  p: Position,
): Promise<string | undefined> {
  const r = await sql<{ number: string }>`
    select ol.number from count_list_items o join count_lists ol on ol.id = o.count_list_id
    where o.inventory_id = ${inventoryId} and o.count_list_id <> ${listId} and not o.informational
      and ol.status not in (${FINAL_LIST_STATUSES_SQL})
      and ((o.item_id = ${p.itemId} and o.warehouse_id = ${p.warehouseId} and o.zone_id is not distinct from ${p.zoneId}::bigint
            and o.bin_id is not distinct from ${p.binId}::bigint and o.lot = ${p.lot} and o.serial = ${p.serial})
        or (ol.count_type = 'bin' and o.bin_id = ${p.binId}::bigint))
    order by ol.number limit 1`.execute(trx);
  return r.rows[0]?.number;
}

/** Whether the bin is counted on the list (a non-informational line there). */
export async function binOnList(trx: Tx, listId: string, binId: string | null): Promise<boolean> {
  const counted = await trx
    .selectFrom('countListItems')
    .select('id')
    .where('countListId', '=', listId)
    .where('binId', '=', binId)
    .where('informational', '=', false)
    .executeTakeFirst();
  return counted !== undefined;
}

/** The warehouse of a zone, by primary key. */
export async function zoneWarehouse(trx: Tx, zoneId: string): Promise<{ warehouseId: string } | undefined> {
  return trx.selectFrom('zones').select('warehouseId').where('id', '=', zoneId).executeTakeFirst();
}

/** The position's stock now (its target when found), by the stock balance's key. */
export async function stockOfPosition(
  trx: Tx,
  ownerId: InventoryRow['ownerId'],
  p: Position & { itemId: string },
): Promise<string | undefined> {
  const stock = await trx
    .selectFrom('stockBalances')
    .select('quantity')
    .where('itemId', '=', p.itemId)
    .where('warehouseId', '=', p.warehouseId)
    .where('zoneId', p.zoneId === null ? 'is' : '=', p.zoneId)
    .where('binId', p.binId === null ? 'is' : '=', p.binId)
    .where('lot', '=', p.lot)
    .where('serial', '=', p.serial)
    .where('ownerId', '=', ownerId)
    .executeTakeFirst();
  return stock?.quantity;
}

/** The list's highest line number (null: no lines). */
export async function maxLineNo(trx: Tx, listId: string): Promise<number | null> {
  const { max } = await trx
    .selectFrom('countListItems')
    .select((eb) => eb.fn.max('lineNo').as('max'))
    .where('countListId', '=', listId)
    .executeTakeFirstOrThrow();
  return max;
}

/** Inserts a position found while counting (added_by_count). */
export async function insertFoundItem(
  trx: Tx,
  row: {
    siteId: string;
    inventoryId: string;
    countListId: string;
    lineNo: number;
    ownerId: InventoryRow['ownerId'];
    targetQuantity: string;
  } & Position,
): Promise<ItemRow> {
  return trx
    .insertInto('countListItems')
    .values({ ...row, addedByCount: true })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The stock lock of a found position (locked like the rest of the list). */
export async function insertStockLock(
  trx: Tx,
  lock: {
    siteId: string;
    countListId: string;
    warehouseId: string;
    zoneId: string | null;
    binId: string | null;
    itemId: string | null;
    createdAt: Date;
  },
): Promise<void> {
  await trx.insertInto('stockLocks').values(lock).execute();
}

/** Removes the bin's "empty bin" placeholder line, unless it was already reported. */
export async function deleteEmptyBinPlaceholder(trx: Tx, listId: string, binId: string | null): Promise<void> {
  await sql`delete from count_list_items p where p.count_list_id = ${listId} and p.bin_id = ${binId} and p.item_id is null
      and not exists (select 1 from count_reports r where r.count_list_item_id = p.id)`.execute(trx);
}

/** The report first recorded under this clientReportId (count_reports_client_id_key). */
export async function findReportByClientReportId(trx: Tx, clientReportId: string) {
  return trx.selectFrom('countReports').selectAll().where('clientReportId', '=', clientReportId).executeTakeFirst();
}

/**
 * "Mark all as reported" in one statement: every open, non-informational line not waiting for its recount
 * or rejected takes its target as reported quantity, each with a report of its own. Returns how many.
 */
export async function markAllLinesReported(
  trx: Tx,
  w: { countListId: string; userId: string | null; reportedAt: Date; device: string | null },
): Promise<number> {
  const r = await sql<{ n: string }>`
      with upd as (
        update count_list_items set reported_quantity = coalesce(target_quantity, 0), status = 'reported'
        where count_list_id = ${w.countListId} and status = 'open' and not informational
          -- A line whose recount was asked for, or whose count was rejected, is counted again one by one.
          and review_state not in ('recount_requested', 'rejected')
        returning id, site_id, count_list_id, reported_quantity),
      ins as (
        insert into count_reports (site_id, count_list_id, count_list_item_id, user_id, reported_at, device, quantity, mode, resulting_quantity)
        select site_id, count_list_id, id, ${w.userId}::bigint, ${w.reportedAt}::timestamptz, ${w.device}, reported_quantity, 'mark_all', reported_quantity
        from upd returning 1)
      select count(*) as n from ins`.execute(trx);
  return Number(r.rows[0]?.n ?? 0);
}
