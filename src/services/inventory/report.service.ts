// Reporting counted quantities (SPEC §4.5, §5): ONE service for the back office and the handheld API.
// Every report is its own count_reports row; a retried report (same clientReportId) returns the first
// result and counts once. Items found that are not on the list are added to it, unless another live list of
// the inventory counts them — then the counter is told which list.
import { sql } from 'kysely';
import { DomainError } from '../../domain/errors.js';
import { followItems, foundPlaceRefusal, requireCounting } from '../../domain/inventory/count-list.js';
import { applyReport, decideMode, type ReportMode, showsTargets } from '../../domain/inventory/reporting.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction } from '../context.js';
import { onceByClientReportId } from './report-replay.js';
import {
  type CountItemView,
  type InventoryRow,
  type ItemRow,
  type ListRow,
  type ReportView,
  itemView,
  loadInventory,
  loadItemView,
  loadList,
  refreshListStatus,
  reportView,
  requireInventoryOpen,
  requireListCounter,
} from './count-list.service.js';
import { type ReportHead, binEmptySql, loadPlaceAndRules, loadReportHead, writeReport } from './perf-report.js';
import { reviewOfReport, requireReasonCode } from './tolerance-review.js';
import { FINAL_LIST_STATUSES_SQL } from './status-sql.js';

export interface ReportInput {
  countListId: string;
  /** The item counted; null confirms an empty bin on a bin list (quantity 0). */
  itemId: string | null;
  warehouseId: string;
  zoneId?: string | null | undefined;
  binId?: string | null | undefined;
  lot?: string | undefined;
  serial?: string | undefined;
  /** Counted quantity in the item's primary unit (decimal string). */
  quantity: string;
  mode?: ReportMode | undefined;
  device?: string | undefined;
  rawBarcode?: string | undefined;
  /** Unique per report, from the client: a retry with the same id is recorded once. */
  clientReportId?: string | undefined;
  enteredQuantity?: string | undefined;
  enteredUnit?: string | undefined;
  /** Why the count differs (a code of reason_codes); kept on the line and carried onto its ledger entries. */
  reasonCode?: string | undefined;
}

export type ReportResult =
  | { status: 'recorded'; report: ReportView; item: CountItemView; added: boolean; duplicate: boolean }
  | { status: 'decision_needed'; countListItemId: string; previousQuantity: string; suggestedMode: ReportMode };

export interface ReportOptions {
  /** What a missing mode means on a repeat report: ask (handheld) or the inventory's report type (back office). */
  missingMode?: 'ask' | 'report_type';
  /**
   * The list, inventory and replay flag already read in this transaction (queryReportHead, with this
   * input's countListId and clientReportId): the handheld scan reads them once for both layers.
   */
  head?: ReportHead | undefined;
}

const userIdOf = (actor: Actor) => (actor.userId === '0' ? null : actor.userId);

interface Place {
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
}

function positionQuery(trx: Tx, listId: string, inv: InventoryRow, input: ReportInput, p: Place) {
  return trx
    .selectFrom('countListItems as cli')
    .selectAll('cli')
    .where('cli.countListId', '=', listId)
    .where('cli.itemId', input.itemId === null ? 'is' : '=', input.itemId)
    .where('cli.warehouseId', '=', p.warehouseId)
    .where('cli.zoneId', p.zoneId === null ? 'is' : '=', p.zoneId)
    .where('cli.binId', p.binId === null ? 'is' : '=', p.binId)
    .where('cli.lot', '=', input.lot ?? '')
    .where('cli.serial', '=', input.serial ?? '')
    .where('cli.ownerId', '=', inv.ownerId);
}

/** The live list (other than `listId`) of the inventory that counts this position, if any. */
async function otherListCounting(
  trx: Tx,
  list: ListRow,
  inv: InventoryRow,
  input: ReportInput,
  p: Place,
): Promise<string | undefined> {
  const r = await sql<{ number: string }>`
    select ol.number from count_list_items o join count_lists ol on ol.id = o.count_list_id
    where o.inventory_id = ${inv.id} and o.count_list_id <> ${list.id} and not o.informational
      and ol.status not in (${FINAL_LIST_STATUSES_SQL})
      and ((o.item_id = ${input.itemId} and o.warehouse_id = ${p.warehouseId} and o.zone_id is not distinct from ${p.zoneId}::bigint
            and o.bin_id is not distinct from ${p.binId}::bigint and o.lot = ${input.lot ?? ''} and o.serial = ${input.serial ?? ''})
        or (ol.count_type = 'bin' and o.bin_id = ${p.binId}::bigint))
    order by ol.number limit 1`.execute(trx);
  return r.rows[0]?.number;
}

/**
 * count_list_items has no foreign keys to master data (migration 0071): a found item's place is checked here.
 * Item, warehouse and bin were read by primary key (loadPlaceAndRules) and a bin brings its own zone; a zone
 * given without a bin must exist in the warehouse.
 */
async function requireZoneOfPlace(trx: Tx, p: Place): Promise<void> {
  if (p.zoneId === null || p.binId !== null) return;
  const zone = found(
    await trx.selectFrom('zones').select('warehouseId').where('id', '=', p.zoneId).executeTakeFirst(),
    `zone ${p.zoneId}`,
    'zoneId',
  );
  if (zone.warehouseId !== p.warehouseId)
    throw new DomainError('validation.failed', 'the zone is not in this warehouse', { field: 'zoneId' });
}

/** Adds a found position to the list: target read from stock now, locked like the rest of the list. */
async function addFoundItem(
  trx: Tx,
  ctx: ServiceContext,
  list: ListRow,
  inv: InventoryRow,
  input: ReportInput,
  p: Place,
): Promise<ItemRow> {
  if (list.countType === 'bin') {
    const counted = await trx
      .selectFrom('countListItems')
      .select('id')
      .where('countListId', '=', list.id)
      .where('binId', '=', p.binId)
      .where('informational', '=', false)
      .executeTakeFirst();
    // The bin-list part of the found-place rule; the other-list part is checked per position below.
    if (
      foundPlaceRefusal({
        countType: list.countType,
        onList: counted !== undefined,
        isBin: true,
        otherListCountType: null,
      }) !== null
    ) {
      throw new DomainError('count.place_not_on_list', `this bin is not counted on count list ${list.number}`, {
        field: 'binId',
      });
    }
  }
  const other = await otherListCounting(trx, list, inv, input, p);
  if (other !== undefined) {
    throw new DomainError('count.on_other_list', `this item is counted on count list ${other}`, {
      params: { countListNumber: other },
    });
  }
  await requireZoneOfPlace(trx, p);
  const stock = await trx
    .selectFrom('stockBalances')
    .select('quantity')
    .where('itemId', '=', input.itemId!)
    .where('warehouseId', '=', p.warehouseId)
    .where('zoneId', p.zoneId === null ? 'is' : '=', p.zoneId)
    .where('binId', p.binId === null ? 'is' : '=', p.binId)
    .where('lot', '=', input.lot ?? '')
    .where('serial', '=', input.serial ?? '')
    .where('ownerId', '=', inv.ownerId)
    .executeTakeFirst();
  const { max } = await trx
    .selectFrom('countListItems')
    .select((eb) => eb.fn.max('lineNo').as('max'))
    .where('countListId', '=', list.id)
    .executeTakeFirstOrThrow();
  const row = await trx
    .insertInto('countListItems')
    .values({
      siteId: list.siteId,
      inventoryId: inv.id,
      countListId: list.id,
      lineNo: (max ?? 0) + 1,
      itemId: input.itemId,
      ...p,
      lot: input.lot ?? '',
      serial: input.serial ?? '',
      ownerId: inv.ownerId,
      targetQuantity: stock?.quantity ?? '0',
      addedByCount: true,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (list.countType !== 'bin') {
    await trx
      .insertInto('stockLocks')
      .values({ siteId: list.siteId, countListId: list.id, ...p, itemId: input.itemId, createdAt: ctx.now() })
      .execute();
  } else {
    // The bin now holds a counted item: its "empty bin" placeholder goes, unless it was already reported.
    await sql`delete from count_list_items p where p.count_list_id = ${list.id} and p.bin_id = ${p.binId} and p.item_id is null
      and not exists (select 1 from count_reports r where r.count_list_item_id = p.id)`.execute(trx);
  }
  return row;
}

async function findOrAdd(
  trx: Tx,
  ctx: ServiceContext,
  list: ListRow,
  inv: InventoryRow,
  input: ReportInput,
  p: Place,
): Promise<{ row: ItemRow; added: boolean; binEmpty: boolean }> {
  // The position by its unique key (count_list_items_position_key), locked; on bin lists with the
  // "empty bin" flag of the item view, so the view needs no query of its own.
  const hit = await positionQuery(trx, list.id, inv, input, p)
    .select(list.countType === 'bin' ? binEmptySql.as('binEmpty') : sql<boolean>`false`.as('binEmpty'))
    .forUpdate()
    .executeTakeFirst();
  const { binEmpty = false, ...rest } = hit ?? {};
  const row = hit ? (rest as ItemRow) : undefined;
  if (row && row.informational) {
    const other = await otherListCounting(trx, list, inv, input, p);
    throw new DomainError(
      'count.on_other_list',
      `this item is counted on count list ${other ?? '(another list)'}; here it is informational only`,
      { params: { countListNumber: other ?? null } },
    );
  }
  if (row) return { row, added: false, binEmpty };
  if (input.itemId === null)
    throw new DomainError('count.place_not_on_list', 'no empty bin to confirm here; report the items found', {
      field: 'itemId',
    });
  return { row: await addFoundItem(trx, ctx, list, inv, input, p), added: true, binEmpty: false };
}

async function replay(
  trx: Tx,
  list: ListRow,
  inv: InventoryRow,
  actor: Actor,
  clientReportId: string,
): Promise<ReportResult | undefined> {
  const first = await trx
    .selectFrom('countReports')
    .selectAll()
    .where('clientReportId', '=', clientReportId)
    .executeTakeFirst();
  if (!first) return undefined;
  if (first.countListId !== list.id) {
    throw new DomainError(
      'count.report_id_reused',
      `report id ${clientReportId} was already used on another count list`,
      { field: 'clientReportId' },
    );
  }
  return {
    status: 'recorded',
    report: reportView(first),
    item: await loadItemView(trx, first.countListItemId, inv, list.countType, actor),
    added: false,
    duplicate: true,
  };
}

/**
 * Records one report inside the caller's transaction. The handheld API calls this. The usual scan is four
 * index look-ups (perf-report.ts); found items, replays and status transitions add their own statements.
 */
export async function recordReport(
  trx: Tx,
  ctx: ServiceContext,
  actor: Actor,
  input: ReportInput,
  opts: ReportOptions = {},
): Promise<ReportResult> {
  const head = opts.head ?? (await loadReportHead(trx, input.countListId, input.clientReportId));
  const { list, inv, replayed } = head;
  requireListCounter(actor, list);
  if (replayed) {
    const again = await replay(trx, list, inv, actor, input.clientReportId!);
    if (again) return again;
  }
  requireCounting(list.status, list.number);
  requireInventoryOpen(inv);
  const valued =
    head.tolerance?.value != null ? { method: head.method, valuationPrice: inv.valuationPrice } : undefined;
  const { place, rules, item, binCode, price } = await loadPlaceAndRules(trx, list, input, valued);
  if (input.reasonCode !== undefined) await requireReasonCode(trx, input.reasonCode);
  const { row, added, binEmpty } = await findOrAdd(trx, ctx, list, inv, input, place);
  const reported = row.status === 'reported';
  const decision = decideMode(input.mode, reported, inv.reportType, opts.missingMode ?? 'ask');
  if ('decisionNeeded' in decision) {
    return {
      status: 'decision_needed',
      countListItemId: row.id,
      previousQuantity: row.reportedQuantity ?? '0',
      suggestedMode: decision.suggestedMode,
    };
  }
  const previous = reported ? row.reportedQuantity : null;
  const q = applyReport(previous, input.quantity, decision.mode, rules);
  if (input.itemId === null && q.resulting !== '0') {
    throw new DomainError(
      'quantity.invalid',
      'an empty bin is confirmed with quantity 0; report the items found instead',
      { field: 'quantity' },
    );
  }
  // The tolerance is judged once, here; its outcome is written by the same statement as the report.
  const review = reviewOfReport(row, list, actor, head.tolerance, {
    resulting: q.resulting,
    price,
    mode: decision.mode,
    reasonCode: input.reasonCode,
  });
  const now = ctx.now();
  const { report, otherOpen } = await writeReport(trx, {
    review,
    siteId: list.siteId,
    countListId: list.id,
    itemId: row.id,
    userId: userIdOf(actor),
    reportedAt: now,
    device: input.device ?? null,
    rawBarcode: input.rawBarcode ?? null,
    quantity: q.quantity,
    enteredQuantity: input.enteredQuantity ?? null,
    enteredUnit: input.enteredUnit ?? null,
    mode: decision.mode,
    clientReportId: input.clientReportId ?? null,
    resultingQuantity: q.resulting,
    previousQuantity: previous,
  });
  // Something is reported now, so the status is partially or completely reported — whichever "another
  // relevant line still open" says (what refreshListStatus would compute from counting every line).
  const status = followItems(list.status, { open: otherOpen ? 1 : 0, reported: 1, marked: 0 }, list.number);
  if (status !== list.status)
    await trx.updateTable('countLists').set({ status, updatedAt: now }).where('id', '=', list.id).execute();
  const view = added
    ? await loadItemView(trx, row.id, inv, list.countType, actor)
    : itemView(
        {
          ...row,
          reportedQuantity: q.resulting,
          status: 'reported',
          ...(review ? { reviewState: review.state } : {}),
          ...(review?.mark !== undefined ? { verificationMark: review.mark } : {}),
          ...(review?.reasonCode !== undefined ? { reasonCode: review.reasonCode } : {}),
          itemCode: item?.code ?? null,
          itemDescription: item?.description ?? null,
          unit: item?.unit ?? null,
          binCode,
          binEmpty,
        },
        inv,
        list.countType,
        actor,
      );
  return { status: 'recorded', report: reportView(report), item: view, added, duplicate: false };
}

/** Use case: one report in one transaction. */
export function reportCount(
  ctx: ServiceContext,
  actor: Actor,
  input: ReportInput,
  opts: ReportOptions = {},
): Promise<ReportResult> {
  return onceByClientReportId(() => inTransaction(ctx, (trx) => recordReport(trx, ctx, actor, input, opts)));
}

/**
 * "Mark all as reported": confirms the unchanged proposed quantity (the target) of every open,
 * non-informational item of the list — also those on pages not shown. Refused when the inventory requires
 * every item to be reported individually, and on blind lists (see below).
 */
export async function markAllReported(
  ctx: ServiceContext,
  actor: Actor,
  countListId: string,
  device?: string,
): Promise<{ reported: number }> {
  return inTransaction(ctx, async (trx) => {
    const list = await loadList(trx, countListId, true);
    requireListCounter(actor, list);
    requireCounting(list.status, list.number);
    const inv = await loadInventory(trx, list.inventoryId);
    requireInventoryOpen(inv);
    if (inv.singleReportingRequired) {
      throw new DomainError(
        'count.single_reporting_required',
        `inventory ${inv.number} requires every item to be reported individually`,
      );
    }
    // Blind lists refuse it for everyone, not only for counters. Nothing is proposed on a blind list
    // (targetView), so there is nothing unchanged to confirm; and what it would write are the targets, which
    // the list's counter then reads back as reported quantities (item lists, report history, handheld,
    // previousQuantity on the next scan) — whoever ran it, the blind rule would be broken. Hiding reported
    // quantities from counters instead would take away what they counted themselves. Difference lists always
    // show their targets, so they keep the action.
    if (!showsTargets({ showSystemQuantities: inv.showSystemQuantities, countType: list.countType })) {
      throw new DomainError(
        'count.blind_mark_all',
        `count list ${list.number} is counted blind (inventory ${inv.number} does not show system quantities): report every item`,
        {
          params: { countListNumber: list.number },
        },
      );
    }
    const r = await sql<{ n: string }>`
      with upd as (
        update count_list_items set reported_quantity = coalesce(target_quantity, 0), status = 'reported'
        where count_list_id = ${list.id} and status = 'open' and not informational
          -- A line whose recount was asked for, or whose count was rejected, is counted again one by one.
          and review_state not in ('recount_requested', 'rejected')
        returning id, site_id, count_list_id, reported_quantity),
      ins as (
        insert into count_reports (site_id, count_list_id, count_list_item_id, user_id, reported_at, device, quantity, mode, resulting_quantity)
        select site_id, count_list_id, id, ${userIdOf(actor)}::bigint, ${ctx.now()}::timestamptz, ${device ?? null}, reported_quantity, 'mark_all', reported_quantity
        from upd returning 1)
      select count(*) as n from ins`.execute(trx);
    await refreshListStatus(trx, ctx, list);
    return { reported: Number(r.rows[0]?.n ?? 0) };
  });
}
