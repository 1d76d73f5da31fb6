// Inventory headers (SPEC §4.2): create with a number from the type's scheme, edit under the locking rules,
// start, delete. The status moves only through the domain's state machine (domain/inventory/inventory.ts).
import { DomainError } from '../../domain/errors.js';
import {
  applyCommand,
  checkHeader,
  checkHeaderChanges,
  checkKeyKinds,
  formatNumber,
  type HeaderChanges,
  type HeaderState,
  type InventoryMethod,
  type MaterialType,
  type ReportType,
  type ValuationPrice,
} from '../../domain/inventory/inventory.js';
import { requireInScope, scopeOf } from '../site-scope.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { firstFinalList, inventoryHasLists, listIdsOfInventory } from './count-list.repository.js';
import { removeCountLists } from './delete-count-list.service.js';
import {
  deleteInventoryRow,
  findInventoryHeader,
  type InventoryHeaderFilter,
  type InventoryHeaderRow,
  insertInventory,
  listInventoryHeaders,
  ownerKey,
  setInventoryStarted,
  siteKey,
  updateInventoryHeader,
  userKey,
} from './inventory.repository.js';
import {
  allocateNumbers,
  findType,
  keyKinds,
  sequenceKey,
  typeInventorySequence,
} from './inventory-type.repository.js';

export interface InventoryView extends HeaderState {
  id: string;
  siteId: string;
  typeCode: string;
  number: string;
  keepLocation: boolean;
  openedAt: string | null;
  closedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** The last generation's parameters (normalised), taken along by a duplicate. */
  generationParams: Record<string, unknown> | null;
}

export interface NewInventory {
  typeId: string;
  siteId?: string | undefined;
  description?: string | undefined;
  ownerId: string;
  fiscalYear?: number | undefined;
  countListSequenceCode?: string | undefined;
  stockTakingDate?: string | null | undefined;
  valuationPrice?: ValuationPrice | undefined;
  adjustmentKey?: string | null | undefined;
  transferKey?: string | null | undefined;
  valueAdjustmentKey?: string | null | undefined;
  reportType?: ReportType | undefined;
  singleReportingRequired?: boolean | undefined;
  showSystemQuantities?: boolean | undefined;
  costCentre?: string | null | undefined;
  responsibleUserId?: string | null | undefined;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toView(r: InventoryHeaderRow): InventoryView {
  return {
    id: r.id,
    siteId: r.siteId,
    typeId: r.typeId,
    typeCode: r.typeCode,
    method: r.method as InventoryMethod,
    materialType: r.materialType as MaterialType,
    number: r.number,
    status: r.status,
    description: r.description,
    ownerId: r.ownerId,
    fiscalYear: r.fiscalYear,
    countListSequenceCode: r.countListSequenceCode,
    stockTakingDate: r.stockTakingDate,
    valuationPrice: r.valuationPrice,
    adjustmentKey: r.adjustmentKey,
    transferKey: r.transferKey,
    valueAdjustmentKey: r.valueAdjustmentKey,
    reportType: r.reportType,
    singleReportingRequired: r.singleReportingRequired,
    showSystemQuantities: r.showSystemQuantities,
    keepLocation: r.keepLocation,
    costCentre: r.costCentre,
    responsibleUserId: r.responsibleUserId,
    openedAt: iso(r.openedAt),
    closedAt: iso(r.closedAt),
    createdBy: r.createdBy,
    createdAt: iso(r.createdAt)!,
    updatedAt: iso(r.updatedAt)!,
    generationParams: (r.generationParams ?? null) as Record<string, unknown> | null,
  };
}

/** Reads an inventory the actor may see (own site; admins and site-less users see all), optionally locked. */
export async function loadInventory(trx: Tx, actor: Actor, id: string, lock = false): Promise<InventoryView> {
  return toView(found(await findInventoryHeader(trx, scopeOf(actor), id, lock), `inventory ${id}`));
}

async function checkReferences(
  trx: Tx,
  h: {
    ownerId?: string | undefined;
    responsibleUserId?: string | null | undefined;
    countListSequenceCode?: string | undefined;
  },
) {
  if (h.ownerId !== undefined) found(await ownerKey(trx, h.ownerId), `stock owner ${h.ownerId}`, 'ownerId');
  if (h.responsibleUserId)
    found(await userKey(trx, h.responsibleUserId), `employee ${h.responsibleUserId}`, 'responsibleUserId');
  if (h.countListSequenceCode !== undefined) {
    found(
      await sequenceKey(trx, h.countListSequenceCode),
      `numbering scheme ${h.countListSequenceCode}`,
      'countListSequenceCode',
    );
  }
}

export async function createInventory(ctx: ServiceContext, actor: Actor, input: NewInventory): Promise<InventoryView> {
  requireRole(actor, 'manager');
  // Site from the user's organisation; only a user without a site (admin) names one explicitly.
  if (input.siteId !== undefined) requireInScope(scopeOf(actor), input.siteId, `site ${input.siteId}`, 'siteId');
  const siteId = actor.siteId ?? input.siteId;
  if (!siteId)
    throw new DomainError('inventory.site_required', 'you belong to no site: name the site of the inventory', {
      field: 'siteId',
    });
  return inTransaction(ctx, async (trx) => {
    found(await siteKey(trx, siteId), `site ${siteId}`, 'siteId');
    const type = found(await findType(trx, input.typeId), `inventory type ${input.typeId}`, 'typeId');
    const h = {
      method: type.method,
      materialType: type.materialType,
      stockTakingDate: input.stockTakingDate ?? null,
      adjustmentKey: input.adjustmentKey !== undefined ? input.adjustmentKey : type.adjustmentKey,
      transferKey: input.transferKey !== undefined ? input.transferKey : type.transferKey,
      valueAdjustmentKey:
        input.valueAdjustmentKey !== undefined
          ? input.valueAdjustmentKey
          : type.materialType === 'production_resources'
            ? null
            : type.valueAdjustmentKey,
    };
    checkHeader(h);
    checkKeyKinds(h, await keyKinds(trx, [h.adjustmentKey, h.transferKey, h.valueAdjustmentKey]));
    const countListSequenceCode = input.countListSequenceCode ?? type.countListSequenceCode;
    await checkReferences(trx, {
      ownerId: input.ownerId,
      responsibleUserId: input.responsibleUserId,
      countListSequenceCode,
    });
    const n = await allocateNumbers(trx, type.inventorySequenceCode);
    const now = ctx.now();
    const newId = await insertInventory(trx, {
      siteId,
      typeId: type.id,
      number: formatNumber(n.prefix, n.width, n.first),
      description: input.description ?? '',
      ownerId: input.ownerId,
      countListSequenceCode,
      stockTakingDate: h.stockTakingDate,
      fiscalYear: input.fiscalYear ?? Number((h.stockTakingDate ?? now.toISOString()).slice(0, 4)),
      valuationPrice: input.valuationPrice ?? type.valuationPrice,
      adjustmentKey: h.adjustmentKey,
      transferKey: h.transferKey,
      valueAdjustmentKey: h.valueAdjustmentKey,
      reportType: input.reportType ?? type.reportType,
      singleReportingRequired: input.singleReportingRequired ?? type.singleReportingRequired,
      showSystemQuantities: input.showSystemQuantities ?? type.showSystemQuantities,
      costCentre: input.costCentre ?? null,
      responsibleUserId: input.responsibleUserId ?? null,
      createdBy: actor.userId === '0' ? null : actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    return loadInventory(trx, actor, newId);
  });
}

/**
 * Action Duplicate (SPEC §4.2): a new inventory of the same type with the header and the last generation's
 * parameters of `id`, a new number from the type's scheme and status created. The site is the source's,
 * whichever site the user works in; dates set by actions (opened, closed) and lists are not copied.
 */
export async function duplicateInventory(ctx: ServiceContext, actor: Actor, id: string): Promise<InventoryView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const src = await loadInventory(trx, actor, id);
    const type = found(await typeInventorySequence(trx, src.typeId), `inventory type ${src.typeId}`);
    const n = await allocateNumbers(trx, type.inventorySequenceCode);
    const now = ctx.now();
    const newId = await insertInventory(trx, {
      siteId: src.siteId,
      typeId: src.typeId,
      number: formatNumber(n.prefix, n.width, n.first),
      description: src.description,
      ownerId: src.ownerId,
      fiscalYear: src.fiscalYear,
      countListSequenceCode: src.countListSequenceCode,
      stockTakingDate: src.stockTakingDate,
      valuationPrice: src.valuationPrice,
      adjustmentKey: src.adjustmentKey,
      transferKey: src.transferKey,
      valueAdjustmentKey: src.valueAdjustmentKey,
      reportType: src.reportType,
      singleReportingRequired: src.singleReportingRequired,
      showSystemQuantities: src.showSystemQuantities,
      costCentre: src.costCentre,
      responsibleUserId: src.responsibleUserId,
      generationParams: src.generationParams === null ? null : JSON.stringify(src.generationParams),
      createdBy: actor.userId === '0' ? null : actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    return loadInventory(trx, actor, newId);
  });
}

export type InventoryFilter = InventoryHeaderFilter;

export async function listInventories(
  ctx: ServiceContext,
  actor: Actor,
  f: InventoryFilter,
): Promise<{ items: InventoryView[]; nextOffset: number | null }> {
  requireRole(actor, 'counter');
  const rows = await listInventoryHeaders(ctx.db, scopeOf(actor), f);
  const more = rows.length > f.limit;
  return { items: rows.slice(0, f.limit).map(toView), nextOffset: more ? f.offset + f.limit : null };
}

export async function getInventory(ctx: ServiceContext, actor: Actor, id: string): Promise<InventoryView> {
  requireRole(actor, 'counter');
  return loadInventory(ctx.db, actor, id);
}

export async function updateInventory(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: HeaderChanges,
): Promise<InventoryView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const cur = await loadInventory(trx, actor, id, true);
    const changed = checkHeaderChanges(cur, changes, await inventoryHasLists(trx, id));
    if (Object.keys(changed).length === 0) return cur;
    const next = { ...cur, ...changed };
    checkKeyKinds(
      {
        adjustmentKey: changed.adjustmentKey,
        transferKey: changed.transferKey,
        valueAdjustmentKey: changed.valueAdjustmentKey,
      },
      await keyKinds(trx, [changed.adjustmentKey, changed.transferKey, changed.valueAdjustmentKey]),
    );
    await checkReferences(trx, changed);
    await updateInventoryHeader(trx, id, { ...changed, updatedAt: ctx.now() });
    return { ...next, updatedAt: ctx.now().toISOString() };
  });
}

/** Action Start: the inventory opens and its lists may then be opened. */
export async function startInventory(ctx: ServiceContext, actor: Actor, id: string): Promise<InventoryView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const cur = await loadInventory(trx, actor, id, true);
    const status = applyCommand(cur.status, 'start');
    await setInventoryStarted(trx, id, status, ctx.now());
    return loadInventory(trx, actor, id);
  });
}

/** Deletes an inventory with its lists, items, reports and locks (re-processing what the locks parked); refused once any list is closed. */
export async function deleteInventory(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'manager');
  await inTransaction(ctx, async (trx) => {
    const cur = await loadInventory(trx, actor, id, true);
    if (cur.status === 'closed') throw new DomainError('inventory.closed', 'a closed inventory cannot be deleted');
    const closed = await firstFinalList(trx, id);
    if (closed) {
      throw new DomainError(
        'inventory.has_closed_lists',
        `count list ${closed.number} is closed; its postings exist, so the inventory stays`,
        { params: { list: closed.number } },
      );
    }
    // Open lists hold stock locks that parked postings: releasing the locks re-processes those postings here,
    // in the same transaction, so nothing stays pending behind a list that no longer exists.
    await removeCountLists(trx, ctx, await listIdsOfInventory(trx, id));
    await deleteInventoryRow(trx, id);
  });
}
