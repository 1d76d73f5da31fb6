// Reporting counted quantities (SPEC §4.5, §5): ONE service for the back office and the handheld API.
// Every report is its own count_reports row; a retried report (same clientReportId) returns the first
// result and counts once. Items found that are not on the list are added to it, unless another live list of
// the inventory counts them — then the counter is told which list.
import { DomainError } from '../../domain/errors.js';
import { followItems, foundPlaceRefusal, requireCounting } from '../../domain/inventory/count-list.js';
import { type LotManagement, requireTracking } from '../../domain/items/item.js';
import { applyReport, decideMode, type ReportMode, showsTargets } from '../../domain/inventory/reporting.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction } from '../context.js';
import { onceByClientReportId } from './report-replay.js';
import {
  type CountItemView,
  type ReportView,
  itemView,
  loadItemView,
  refreshListStatus,
  reportView,
  requireInventoryOpen,
  requireListCounter,
} from './count-list.service.js';
import { type InventoryRow, type ItemRow, type ListRow, loadInventory, loadList } from './count-list.repository.js';
import { setListStatus } from './count-list.repository.js';
import { loadReportHead, type ReportHead, selectPlaceAndItem } from './report-head.repository.js';
import {
  binOnList,
  deleteEmptyBinPlaceholder,
  findPositionForUpdate,
  findReportByClientReportId,
  insertFoundItem,
  insertStockLock,
  markAllLinesReported,
  maxLineNo,
  otherListCounting,
  type Position,
  stockOfPosition,
  writeReport,
  zoneWarehouse,
} from './report.repository.js';
import { reviewOfReport, requireReasonCode } from './tolerance-review.js';

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

/** The position a report is about, with the lot and serial as stored ('' when none). */
function positionOf(input: ReportInput, p: Place): Position {
  return { itemId: input.itemId, ...p, lot: input.lot ?? '', serial: input.serial ?? '' };
}

interface PlaceAndRules {
  place: Place;
  rules: { decimals: number; serial: boolean };
  item: { code: string; description: string; unit: string } | null;
  binCode: string | null;
  /** The item's price as closing would value a difference (only when asked for: a tolerance has a value side). */
  price: string | null;
}

/**
 * Warehouse, bin and item (with its unit's decimals) read by primary key in one query; the checks and their
 * order are those of the place first, then the item's lot/serial rules.
 */
async function loadPlaceAndRules(
  trx: Tx,
  list: Pick<ListRow, 'siteId' | 'warehouseId' | 'number' | 'countType'>,
  input: ReportInput,
  /** Read the item's valuation price too (the report is judged against a value tolerance). */
  valuation?: { method: string; valuationPrice: string },
): Promise<PlaceAndRules> {
  const binId = input.binId ?? null;
  const x = await selectPlaceAndItem(trx, { itemId: input.itemId, warehouseId: input.warehouseId, binId }, valuation);
  // The place (as resolvePlace checked it).
  if (x.whId === null) found(undefined, `warehouse ${input.warehouseId}`, 'warehouseId');
  if (x.whSite !== list.siteId)
    throw new DomainError('count.place_not_on_list', 'the warehouse belongs to another site', { field: 'warehouseId' });
  if (x.whKind === 'virtual')
    throw new DomainError('place.warehouse_virtual', 'virtual warehouses are never counted', { field: 'warehouseId' });
  if (list.warehouseId !== null && list.warehouseId !== x.whId) {
    throw new DomainError('count.place_not_on_list', `count list ${list.number} counts another warehouse`, {
      field: 'warehouseId',
    });
  }
  let zoneId = input.zoneId ?? null;
  if (binId !== null) {
    if (x.binWh === null) found(undefined, `bin ${binId}`, 'binId');
    if (x.binWh !== x.whId)
      throw new DomainError('validation.failed', 'the bin is not in this warehouse', { field: 'binId' });
    if (zoneId !== null && zoneId !== x.binZone)
      throw new DomainError('validation.failed', 'the bin is not in this zone', { field: 'zoneId' });
    zoneId = x.binZone;
  }
  if (list.countType === 'bin' && binId === null)
    throw new DomainError('count.bin_required', 'a bin list is counted per bin: scan or enter the bin', {
      field: 'binId',
    });
  const place = { warehouseId: x.whId!, zoneId, binId };
  // The item's rules (as itemRules checked them).
  if (input.itemId === null)
    return { place, rules: { decimals: 0, serial: false }, item: null, binCode: x.binCode, price: null };
  if (x.itemFound === null || x.decimals === null) found(undefined, `item ${input.itemId}`, 'itemId');
  const lot = input.lot ?? '';
  const serial = input.serial ?? '';
  requireTracking(
    {
      code: x.itemCode ?? undefined,
      // The column's CHECK allows only the three values.
      lotManagement: (x.lotManagement ?? 'no') as LotManagement,
      serialManagement: x.serialManagement === true,
    },
    { lot, serial },
  );
  return {
    place,
    rules: { decimals: x.decimals!, serial: x.serialManagement === true },
    item: { code: x.itemCode!, description: x.itemDescription!, unit: x.itemUnit! },
    binCode: x.binCode,
    price: x.price,
  };
}

/**
 * count_list_items has no foreign keys to master data (migration 0071): a found item's place is checked here.
 * Item, warehouse and bin were read by primary key (loadPlaceAndRules) and a bin brings its own zone; a zone
 * given without a bin must exist in the warehouse.
 */
async function requireZoneOfPlace(trx: Tx, p: Place): Promise<void> {
  if (p.zoneId === null || p.binId !== null) return;
  const zone = found(await zoneWarehouse(trx, p.zoneId), `zone ${p.zoneId}`, 'zoneId');
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
  const position = positionOf(input, p);
  if (list.countType === 'bin') {
    const onList = await binOnList(trx, list.id, p.binId);
    // The bin-list part of the found-place rule; the other-list part is checked per position below.
    if (
      foundPlaceRefusal({
        countType: list.countType,
        onList,
        isBin: true,
        otherListCountType: null,
      }) !== null
    ) {
      throw new DomainError('count.place_not_on_list', `this bin is not counted on count list ${list.number}`, {
        field: 'binId',
      });
    }
  }
  const other = await otherListCounting(trx, list.id, inv.id, position);
  if (other !== undefined) {
    throw new DomainError('count.on_other_list', `this item is counted on count list ${other}`, {
      params: { countListNumber: other },
    });
  }
  await requireZoneOfPlace(trx, p);
  const stock = await stockOfPosition(trx, inv.ownerId, { ...position, itemId: input.itemId! });
  const max = await maxLineNo(trx, list.id);
  const row = await insertFoundItem(trx, {
    siteId: list.siteId,
    inventoryId: inv.id,
    countListId: list.id,
    lineNo: (max ?? 0) + 1,
    ...position,
    ownerId: inv.ownerId,
    targetQuantity: stock ?? '0',
  });
  if (list.countType !== 'bin') {
    await insertStockLock(trx, {
      siteId: list.siteId,
      countListId: list.id,
      ...p,
      itemId: input.itemId,
      createdAt: ctx.now(),
    });
  } else {
    // The bin now holds a counted item: its "empty bin" placeholder goes, unless it was already reported.
    await deleteEmptyBinPlaceholder(trx, list.id, p.binId);
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
  const position = positionOf(input, p);
  // On bin lists with the "empty bin" flag of the item view, so the view needs no query of its own.
  const hit = await findPositionForUpdate(trx, list, inv.ownerId, position);
  const { binEmpty = false, ...rest } = hit ?? {};
  const row = hit ? (rest as ItemRow) : undefined;
  if (row && row.informational) {
    const other = await otherListCounting(trx, list.id, inv.id, position);
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
  const first = await findReportByClientReportId(trx, clientReportId);
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
 * index look-ups (report-head.repository.ts, report.repository.ts); found items, replays and status transitions add their own statements.
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
  if (status !== list.status) await setListStatus(trx, list.id, status, now);
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
    const reported = await markAllLinesReported(trx, {
      countListId: list.id,
      userId: userIdOf(actor),
      reportedAt: ctx.now(),
      device: device ?? null,
    });
    await refreshListStatus(trx, ctx, list);
    return { reported };
  });
}
