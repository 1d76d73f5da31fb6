// Closing an inventory (SPEC §4.5, §4.6): closes every remaining list — all or nothing, the list that
// cannot be closed is named — then, for the stock-taking-day method, revalues the net actual receipts per
// item from the weighted average they were posted at to the valuation price. The receipts are the posted
// quantities of the items, which record only what the ledger holds (closing.repository.ts): while a closing
// posting still waits in the posting error file the net receipts are unknown, so the inventory stays open.
import { z } from 'zod';
import { DomainError, isDomainError } from '../../domain/errors.js';
import { applyCommand } from '../../domain/inventory/inventory.js';
import { planValueAdjustments, valuationPriceOf, type ValueAdjustment } from '../../domain/inventory/valuation.js';
import { type Actor, type ServiceContext, type Tx, inTransaction, requireRole } from '../context.js';
import { postMovements } from '../ledger/index.js';
import { defineJob, enqueueJob } from '../jobs/queue.js';
import {
  countItemsToClose,
  parkedClosingPostings,
  recordAppliedClosings,
  selectItemPrices,
  selectListsClosedWithErrors,
  selectListsToClose,
  selectPostedDifferences,
  setInventoryClosed,
} from './closing.repository.js';
import { type CloseOutcome, closeCountListInTx, inventoryMethod, postingDateOf } from './close.service.js';
import { requireInventoryOpen, requireSite } from './count-list.service.js';
import { type InventoryRow, loadInventory } from './count-list.repository.js';
import { heldBackOf } from './tolerance-review.js';

export const CLOSE_INVENTORY_JOB = 'inventory.close';
/** Above this many items in lists still to close, the API runs the closing as a background job. */
export const SYNC_CLOSE_LIMIT = 5000;

export interface CloseInventoryResult {
  inventoryId: string;
  status: 'closed';
  lists: CloseOutcome[];
  valueAdjustments: ValueAdjustment[];
  valueAdjustmentParked: boolean;
}

async function valueAdjust(
  trx: Tx,
  ctx: ServiceContext,
  actor: Actor,
  inv: InventoryRow,
  method: string,
): Promise<{ plan: ValueAdjustment[]; parked: boolean }> {
  const diffs = await selectPostedDifferences(trx, inv.id);
  if (diffs.length === 0) return { plan: [], parked: false };
  const itemIds = [...new Set(diffs.map((d) => d.itemId))];
  const prices = new Map((await selectItemPrices(trx, itemIds)).map((p) => [p.id, p]));
  const plan = planValueAdjustments(
    diffs.map((d) => ({
      ...d,
      place: {
        warehouseId: d.warehouseId,
        zoneId: d.zoneId,
        binId: d.binId,
        ownerId: d.ownerId,
        lot: d.lot,
        serial: d.serial,
      },
    })),
    (itemId) => valuationPriceOf(inv.valuationPrice, prices.get(itemId)!),
  );
  if (plan.length === 0) return { plan, parked: false };
  if (!inv.valueAdjustmentKey)
    throw new DomainError(
      'count.value_key_missing',
      `inventory ${inv.number} has no value-adjustment transaction key`,
      { params: { key: 'value_adjustment' } },
    );
  const res = await postMovements(
    trx,
    ctx,
    actor,
    {
      siteId: inv.siteId,
      keyCode: inv.valueAdjustmentKey,
      postingDate: postingDateOf(ctx, inv, method),
      originType: 'inventory',
      originId: inv.id,
      ...(inv.costCentre ? { costCentre: inv.costCentre } : {}),
      lines: plan.map((a) => ({
        itemId: a.itemId,
        warehouseId: a.place.warehouseId,
        ...(a.place.zoneId ? { zoneId: a.place.zoneId } : {}),
        ...(a.place.binId ? { binId: a.place.binId } : {}),
        ownerId: a.place.ownerId,
        quantity: '0',
        value: a.value,
        ...(a.place.lot ? { lot: a.place.lot } : {}),
        ...(a.place.serial ? { serial: a.place.serial } : {}),
      })),
    },
    {},
  );
  return { plan, parked: res.status === 'parked' };
}

/** Value adjustments need every closing posting in the ledger: refused (naming lists and postings) otherwise. */
async function requireNoParkedClosings(trx: Tx, inv: InventoryRow): Promise<void> {
  const parked = await parkedClosingPostings(trx, inv.id);
  if (parked.length === 0) return;
  const lists = [...new Set(parked.map((p) => p.countListNumber))];
  throw new DomainError(
    'count.postings_parked',
    `inventory ${inv.number} cannot be closed: closing postings of count list(s) ${lists.join(', ')} still wait in the posting error file ` +
      '(post or discard them first; the value adjustments need them)',
    {
      params: { countListNumbers: lists, postingErrorIds: parked.map((p) => p.postingErrorId) },
    },
  );
}

export async function closeInventoryInTx(
  trx: Tx,
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
): Promise<CloseInventoryResult> {
  const inv = await loadInventory(trx, inventoryId, true);
  requireSite(actor, inv.siteId, `inventory ${inventoryId}`);
  requireInventoryOpen(inv);
  const remaining = await selectListsToClose(trx, inv.id);
  // The review's hold on every list read at once; each list still checks it at its own turn.
  const heldBack = await heldBackOf(
    trx,
    remaining.map((l) => l.id),
  );
  const lists: CloseOutcome[] = [];
  for (const l of remaining) {
    try {
      lists.push(await closeCountListInTx(trx, ctx, actor, l.id, heldBack));
    } catch (e) {
      // One list that cannot be closed cancels the whole action (the transaction rolls back), naming it.
      if (!isDomainError(e)) throw e;
      throw new DomainError(
        e.code,
        `count list ${l.number} cannot be closed, so the inventory stays open: ${e.message}`,
        {
          params: { ...(e.params ?? {}), countListId: l.id, countListNumber: l.number },
        },
      );
    }
  }
  const { method, materialType } = await inventoryMethod(trx, inv);
  // Parked closing postings applied by hand from the posting error file meanwhile: record them now.
  await recordAppliedClosings(trx, await selectListsClosedWithErrors(trx, inv.id));
  // Production resources get quantity adjustments only, never value adjustments.
  const revalue = method === 'stock_taking_day' && materialType === 'stock_items';
  if (revalue) await requireNoParkedClosings(trx, inv);
  const value = revalue ? await valueAdjust(trx, ctx, actor, inv, method) : { plan: [], parked: false };
  const now = ctx.now();
  // The header's state machine decides (open → closed); anything else is its DomainError, never a silent write.
  const status = applyCommand(inv.status, 'close') as 'closed';
  await setInventoryClosed(trx, inv.id, status, now);
  return { inventoryId: inv.id, status, lists, valueAdjustments: value.plan, valueAdjustmentParked: value.parked };
}

/** Use case: close the inventory in one transaction. */
export function closeInventory(ctx: ServiceContext, actor: Actor, inventoryId: string): Promise<CloseInventoryResult> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, (trx) => closeInventoryInTx(trx, ctx, actor, inventoryId));
}

/** The API entry: small inventories close at once, large ones as a job. */
export async function closeInventoryOrEnqueue(
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
): Promise<{ result: CloseInventoryResult } | { jobId: string }> {
  requireRole(actor, 'manager');
  const inv = await loadInventory(ctx.db, inventoryId);
  requireSite(actor, inv.siteId, `inventory ${inventoryId}`);
  const n = await countItemsToClose(ctx.db, inventoryId);
  if (n <= SYNC_CLOSE_LIMIT) return { result: await closeInventory(ctx, actor, inventoryId) };
  const jobId = await inTransaction(ctx, (trx) =>
    enqueueJob(trx, ctx, {
      kind: CLOSE_INVENTORY_JOB,
      params: { inventoryId },
      siteId: inv.siteId,
      createdBy: actor.userId,
      total: 1,
    }),
  );
  return { jobId };
}

/** Closing a large inventory in the background (SPEC §4.7). */
export const closeInventoryJob = defineJob(
  CLOSE_INVENTORY_JOB,
  z.object({ inventoryId: z.string() }),
  async (ctx, job) => {
    const { inventoryId } = job.params;
    return closeInventory(ctx, job.actor, inventoryId);
  },
);
