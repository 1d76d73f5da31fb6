// Closing an inventory (SPEC §4.5, §4.6): closes every remaining list — all or nothing, the list that
// cannot be closed is named — then, for the stock-taking-day method, revalues the net actual receipts per
// item from the weighted average they were posted at to the valuation price. The receipts are the posted
// quantities of the items, which record only what the ledger holds (close-record.ts): while a closing
// posting still waits in the posting error file the net receipts are unknown, so the inventory stays open.
import { sql } from 'kysely';
import { z } from 'zod';
import { DomainError, isDomainError } from '../../domain/errors.js';
import { FINAL_STATUSES } from '../../domain/inventory/count-list.js';
import { applyCommand } from '../../domain/inventory/inventory.js';
import {
  planValueAdjustments,
  valuationPriceOf,
  type PostedDifference,
  type ValueAdjustment,
} from '../../domain/inventory/valuation.js';
import { type Actor, type ServiceContext, type Tx, inTransaction, requireRole } from '../context.js';
import { postMovements } from '../ledger/index.js';
import { defineJob, enqueueJob } from '../jobs/queue.js';
import { parkedClosingPostings, recordAppliedClosings } from './closing.repository.js';
import { type CloseOutcome, closeCountListInTx, inventoryMethod, postingDateOf } from './close.service.js';
import { type InventoryRow, loadInventory, requireInventoryOpen, requireSite } from './count-list.service.js';

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
  const diffs = await sql<
    PostedDifference & {
      warehouseId: string;
      zoneId: string | null;
      binId: string | null;
      ownerId: string;
      lot: string;
      serial: string;
    }
  >`
    select item_id::text as "itemId", posted_quantity::text as "postedQuantity", unit_price::text as "unitPrice",
      warehouse_id::text as "warehouseId", zone_id::text as "zoneId", bin_id::text as "binId", owner_id::text as "ownerId",
      lot, serial
    from count_list_items where inventory_id = ${inv.id} and item_id is not null and posted_quantity is not null and posted_quantity <> 0
    order by id`.execute(trx);
  if (diffs.rows.length === 0) return { plan: [], parked: false };
  const itemIds = [...new Set(diffs.rows.map((d) => d.itemId))];
  const prices = new Map(
    (
      await trx
        .selectFrom('items')
        .select([
          'id',
          'settlementPrice1',
          'settlementPrice2',
          'settlementPrice3',
          'settlementPrice4',
          'settlementPrice5',
          'inventoryPrice',
          'movingAveragePrice',
        ])
        .where('id', 'in', itemIds)
        .execute()
    ).map((p) => [p.id, p]),
  );
  const plan = planValueAdjustments(
    diffs.rows.map((d) => ({
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
  const remaining = await trx
    .selectFrom('countLists')
    .select(['id', 'number'])
    .where('inventoryId', '=', inv.id)
    .where('status', 'not in', [...FINAL_STATUSES])
    .orderBy('number')
    .execute();
  const lists: CloseOutcome[] = [];
  for (const l of remaining) {
    try {
      lists.push(await closeCountListInTx(trx, ctx, actor, l.id));
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
  const withErrors = await trx
    .selectFrom('countLists')
    .select('id')
    .where('inventoryId', '=', inv.id)
    .where('status', '=', 'closed_with_errors')
    .execute();
  await recordAppliedClosings(
    trx,
    withErrors.map((l) => l.id),
  );
  // Production resources get quantity adjustments only, never value adjustments.
  const revalue = method === 'stock_taking_day' && materialType === 'stock_items';
  if (revalue) await requireNoParkedClosings(trx, inv);
  const value = revalue ? await valueAdjust(trx, ctx, actor, inv, method) : { plan: [], parked: false };
  const now = ctx.now();
  // The header's state machine decides (open → closed); anything else is its DomainError, never a silent write.
  const status = applyCommand(inv.status, 'close') as 'closed';
  await trx
    .updateTable('inventories')
    .set({ status, closedAt: now, updatedAt: now })
    .where('id', '=', inv.id)
    .execute();
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
  const { n } = await ctx.db
    .selectFrom('countListItems as i')
    .innerJoin('countLists as l', 'l.id', 'i.countListId')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('l.inventoryId', '=', inventoryId)
    .where('l.status', 'not in', [...FINAL_STATUSES])
    .executeTakeFirstOrThrow();
  if (Number(n) <= SYNC_CLOSE_LIMIT) return { result: await closeInventory(ctx, actor, inventoryId) };
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
