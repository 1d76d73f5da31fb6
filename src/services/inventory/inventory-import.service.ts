// Counts of a whole inventory in one import (a file from a foreign counting system, a stocktaking service's
// export, the benchmark's million positions): every row finds its position on whichever live list of the
// inventory holds it, and the whole import is one transaction — all rows reported, or none and the first
// bad rows named. Rows arrive in batches so that a million of them never sit in memory at once.
import { followItems, type CountListStatus } from '../../domain/inventory/count-list.js';
import { modeOf } from '../../domain/inventory/reporting.js';
import { type Actor, type ServiceContext, inTransaction, requireRole } from '../context.js';
import { requireInventoryOpen, requireSite } from './count-list.service.js';
import { NO_ITEMS, itemCountsOf, loadInventory } from './count-list.repository.js';
import {
  createImportTable,
  fillImport,
  finishImportTable,
  lockListsOfInventory,
  setListStatuses,
} from './count-import.repository.js';
import {
  type ImportOptions,
  type ImportRow,
  importJson,
  validateImport,
  writeImport,
} from './report-import.service.js';

const COUNTING: CountListStatus[] = ['open', 'partially_reported', 'completely_reported'];

export interface InventoryImportResult {
  reported: number;
  /** Lists whose status followed their items (e.g. open → completely reported). */
  lists: Array<{ countListId: string; number: string; status: CountListStatus }>;
}

/**
 * Manager role: the rows may fall on lists of several counters. Lists being counted are locked for the
 * transaction, so none can close under the import.
 */
export async function importInventoryCounts(
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
  batches: Iterable<readonly ImportRow[]> | AsyncIterable<readonly ImportRow[]>,
  opts: ImportOptions = {},
): Promise<InventoryImportResult> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const inv = await loadInventory(trx, inventoryId);
    requireSite(actor, inv.siteId, `inventory ${inventoryId}`);
    requireInventoryOpen(inv);
    const mode = opts.mode ?? modeOf(inv.reportType);
    const live = await lockListsOfInventory(trx, inv.id, COUNTING);
    await createImportTable(trx);
    let total = 0;
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      await fillImport(trx, importJson(batch, total));
      total += batch.length;
    }
    if (total === 0) return { reported: 0, lists: [] };
    await finishImportTable(trx);
    const scope = { inventoryId: inv.id, listIds: live.map((l) => l.id) };
    await validateImport(trx, scope, inv.ownerId, mode);
    const reported = await writeImport(trx, ctx, actor, scope, inv.ownerId, mode, opts.device);
    // Every live list follows its items, in one read and one write however many lists there are.
    const counts = await itemCountsOf(
      trx,
      live.map((l) => l.id),
    );
    const changed = live.flatMap((l) => {
      const status = followItems(l.status, counts.get(l.id) ?? NO_ITEMS, l.number);
      return status === l.status ? [] : [{ id: l.id, number: l.number, status }];
    });
    await setListStatuses(trx, changed, ctx.now());
    return { reported, lists: changed.map((c) => ({ countListId: c.id, number: c.number, status: c.status })) };
  });
}
