// Count lists as the counting, verifying and closing use cases see them: access rules (site, responsible
// employee), the status that follows from the items, and the read models (the blind rule: a counter never
// receives target quantities of a blind inventory from any endpoint). Loaders and statements:
// count-list.repository.ts.
import {
  type CountingList,
  type CountingPlace,
  followItems,
  isReassignable,
  mayCount,
} from '../../domain/inventory/count-list.js';
import { targetView } from '../../domain/inventory/reporting.js';
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, type Tx, found, requireRole } from '../context.js';
import { inScope, requireInScope, scopeOf } from '../site-scope.js';
import {
  type CountableList,
  type CounterView,
  countersOf,
  findJoinedItem,
  type InventoryRow,
  type ItemFilter,
  type ItemJoined,
  itemCounts,
  itemListKey,
  type ItemRow,
  listJoinedItems,
  type ListRow,
  loadInventory,
  loadList,
  reportsOfItem,
  setListStatus,
  userNames,
} from './count-list.repository.js';

/** Rows of another site are invisible to a site-bound user (not_found, not forbidden: no probing; site-scope.ts). */
export function requireSite(actor: Actor, siteId: string, what: string): void {
  requireInScope(scopeOf(actor), siteId, what);
}

/**
 * Refuses a user who may not count the list (mayCount) at `where`. Whoever may not even see the list — another
 * site's user, a counter neither responsible for it nor assigned to it — is told what a list that does not
 * exist answers (not_found, naming only the id that was sent); a manager of the site, who sees the list in
 * the back office but is not one of its counters on the handheld, is told auth.forbidden.
 */
export function refuseUnlessCounting(
  actor: Actor,
  list: CountingList & { id: string; number: string },
  counterUserIds: readonly string[],
  where: CountingPlace = 'back_office',
  what = `count list ${list.id}`,
  field = 'countListId',
): void {
  if (mayCount(list, counterUserIds, actor, where)) return;
  if (!inScope(scopeOf(actor), list.siteId) || actor.role === 'counter')
    throw new DomainError('not_found', `${what} not found`, { field });
  throw new DomainError('auth.forbidden', `count list ${list.number} is assigned to other employees`, {
    params: { countListNumber: list.number },
  });
}

/** Counting on, or reading, a list in the back office: its responsible employee, an assigned counter, or a manager of its site. */
export function requireListCounter(actor: Actor, list: CountableList, what?: string, field?: string): void {
  requireRole(actor, 'counter');
  refuseUnlessCounting(actor, list, list.counterUserIds, 'back_office', what, field);
}

export function requireInventoryOpen(inv: InventoryRow): void {
  if (inv.status === 'closed')
    throw new DomainError('count.inventory_closed', `inventory ${inv.number} is closed`, {
      params: { inventoryId: inv.id },
    });
  if (inv.status !== 'open') {
    throw new DomainError(
      'count.inventory_not_open',
      `inventory ${inv.number} is ${inv.status.replace(/_/g, ' ')}; start it first`,
      { params: { inventoryId: inv.id } },
    );
  }
}

/** Moves a counted list to the status its items imply (open / partially / completely reported). */
export async function refreshListStatus(trx: Tx, ctx: ServiceContext, list: ListRow): Promise<ListRow['status']> {
  const status = followItems(list.status, await itemCounts(trx, list.id), list.number);
  if (status !== list.status) {
    await setListStatus(trx, list.id, status, ctx.now());
  }
  return status;
}

// Read models ---------------------------------------------------------------------------------------------

export interface CountListView {
  id: string;
  inventoryId: string;
  number: string;
  name: string;
  countType: ListRow['countType'];
  status: ListRow['status'];
  statusReason: string | null;
  registrationDate: string;
  countDate: string | null;
  openedAt: string | null;
  closedAt: string | null;
  responsibleUserId: string | null;
  responsibleName: string | null;
  counters: CounterView[];
  warehouseId: string | null;
  openItems: number;
  reportedItems: number;
  markedItems: number;
  /** Whether its responsible employee and counters may still change (isReassignable). */
  reassignable: boolean;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function getCountList(ctx: ServiceContext, actor: Actor, id: string): Promise<CountListView> {
  requireRole(actor, 'counter');
  const list = await loadList(ctx.db, id);
  requireListCounter(actor, list);
  const c = await itemCounts(ctx.db, id);
  const counters = (await countersOf(ctx.db, [id])).get(id) ?? [];
  const names = await userNames(ctx.db, [list.responsibleUserId]);
  return {
    id: list.id,
    inventoryId: list.inventoryId,
    number: list.number,
    name: list.name,
    countType: list.countType,
    status: list.status,
    statusReason: list.statusReason,
    registrationDate: list.registrationDate,
    countDate: list.countDate,
    openedAt: iso(list.openedAt),
    closedAt: iso(list.closedAt),
    responsibleUserId: list.responsibleUserId,
    responsibleName: list.responsibleUserId === null ? null : (names.get(list.responsibleUserId) ?? null),
    counters,
    warehouseId: list.warehouseId,
    openItems: c.open,
    reportedItems: c.reported,
    markedItems: c.marked,
    reassignable: isReassignable(list.status),
  };
}

export interface CountItemView {
  id: string;
  countListId: string;
  lineNo: number;
  itemId: string | null;
  itemCode: string | null;
  itemDescription: string | null;
  unit: string | null;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  binCode: string | null;
  lot: string;
  serial: string;
  ownerId: string;
  targetQuantity: string | null;
  proposedQuantity: string | null;
  reportedQuantity: string | null;
  status: ItemRow['status'];
  verificationMark: boolean;
  informational: boolean;
  addedByCount: boolean;
  postedQuantity: string | null;
  unitPrice: string | null;
  /** The tolerance review of the line (docs/tolerances.md). */
  reviewState: ItemRow['reviewState'];
  reasonCode: string | null;
}

/** One item as `actor` may see it: targets hidden from counters on blind inventories. */
export function itemView(
  r: ItemJoined,
  inv: InventoryRow,
  countType: ListRow['countType'],
  actor: Actor,
): CountItemView {
  const t = targetView({
    target: r.targetQuantity,
    showSystemQuantities: inv.showSystemQuantities,
    reportType: inv.reportType,
    readerIsCounter: actor.role === 'counter',
    countType,
    emptyBin: countType === 'bin' && r.binEmpty,
  });
  return {
    id: r.id,
    countListId: r.countListId,
    lineNo: r.lineNo,
    itemId: r.itemId,
    itemCode: r.itemCode,
    itemDescription: r.itemDescription,
    unit: r.unit,
    warehouseId: r.warehouseId,
    zoneId: r.zoneId,
    binId: r.binId,
    binCode: r.binCode,
    lot: r.lot,
    serial: r.serial,
    ownerId: r.ownerId,
    targetQuantity: t.targetQuantity,
    proposedQuantity: r.status === 'open' ? t.proposedQuantity : null,
    reportedQuantity: r.reportedQuantity,
    status: r.status,
    verificationMark: r.verificationMark,
    informational: r.informational,
    addedByCount: r.addedByCount,
    // What was posted reveals the target (reported − posted): blind for counters as well.
    postedQuantity: t.targetQuantity === null && actor.role === 'counter' ? null : r.postedQuantity,
    unitPrice: actor.role === 'counter' ? null : r.unitPrice,
    reviewState: r.reviewState,
    reasonCode: r.reasonCode,
  };
}

export async function loadItemView(
  trx: Tx,
  id: string,
  inv: InventoryRow,
  countType: ListRow['countType'],
  actor: Actor,
): Promise<CountItemView> {
  const r = found(await findJoinedItem(trx, id), `count-list item ${id}`);
  return itemView(r, inv, countType, actor);
}

export async function listCountItems(
  ctx: ServiceContext,
  actor: Actor,
  listId: string,
  f: ItemFilter,
): Promise<{ items: CountItemView[]; nextOffset: number | null }> {
  requireRole(actor, 'counter');
  const list = await loadList(ctx.db, listId);
  requireListCounter(actor, list);
  const inv = await loadInventory(ctx.db, list.inventoryId);
  const rows = await listJoinedItems(ctx.db, listId, f);
  const more = rows.length > f.limit;
  return {
    items: rows.slice(0, f.limit).map((r) => itemView(r, inv, list.countType, actor)),
    nextOffset: more ? f.offset + f.limit : null,
  };
}

export interface ReportView {
  id: string;
  countListItemId: string;
  userId: string | null;
  reportedAt: string;
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
  invalidatedAt: string | null;
}

export function reportView(r: {
  id: string;
  countListItemId: string;
  userId: string | null;
  reportedAt: Date | string;
  device: string | null;
  rawBarcode: string | null;
  quantity: string;
  enteredQuantity: string | null;
  enteredUnit: string | null;
  mode: ReportView['mode'];
  clientReportId: string | null;
  resultingQuantity: string;
  previousQuantity: string | null;
  valid: boolean;
  invalidatedAt: Date | string | null;
}): ReportView {
  return { ...r, reportedAt: iso(r.reportedAt)!, invalidatedAt: iso(r.invalidatedAt) };
}

/** A report in the item's history: who made it by name as well. */
export type ReportHistoryView = ReportView & { userName: string | null };

/** Every report of an item, valid and invalidated, oldest first (the audit trail), with the reporter's name and device. */
export async function listItemReports(ctx: ServiceContext, actor: Actor, itemId: string): Promise<ReportHistoryView[]> {
  requireRole(actor, 'counter');
  const item = found(await itemListKey(ctx.db, itemId), `count-list item ${itemId}`);
  const list = await loadList(ctx.db, item.countListId);
  requireListCounter(actor, list, `count-list item ${itemId}`, 'id');
  const rows = await reportsOfItem(ctx.db, itemId);
  const names = await userNames(
    ctx.db,
    rows.map((r) => r.userId),
  );
  return rows.map((r) => ({ ...reportView(r), userName: r.userId === null ? null : (names.get(r.userId) ?? null) }));
}
