// Counts of a whole inventory in one import (a file from a foreign counting system, a stocktaking service's
// export, the benchmark's million positions): every row finds its position on whichever live list of the
// inventory holds it, and the whole import is one transaction — all rows reported, or none and the first
// bad rows named. Rows arrive in batches so that a million of them never sit in memory at once.
import { sql } from 'kysely';
import { followItems, type CountListStatus } from '../../domain/inventory/count-list.js';
import { modeOf } from '../../domain/inventory/reporting.js';
import { type Actor, type ServiceContext, inTransaction, requireRole } from '../context.js';
import { NO_ITEMS, itemCountsOf, loadInventory, requireInventoryOpen, requireSite } from './count-list.service.js';
import {
  createImportTable,
  fillImport,
  type ImportOptions,
  type ImportRow,
  importJson,
  matchImport,
  takeZonesFromBins,
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
    const live = await trx
      .selectFrom('countLists')
      .select(['id', 'number', 'status'])
      .where('inventoryId', '=', inv.id)
      .where('status', 'in', COUNTING)
      .orderBy('id')
      .forUpdate()
      .execute();
    await createImportTable(trx);
    let total = 0;
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      await fillImport(trx, importJson(batch, total));
      total += batch.length;
    }
    if (total === 0) return { reported: 0, lists: [] };
    await takeZonesFromBins(trx);
    await sql`analyze count_import`.execute(trx);
    // The live lists as a plain equality set (their ids, locked above), not a subquery inside the outer
    // join's condition, which PostgreSQL can only run as a filter per candidate line.
    const matched = matchImport(
      sql`cli.inventory_id = ${inv.id} and cli.count_list_id = any(${live.map((l) => l.id)}::bigint[])`,
      inv.ownerId,
    );
    await validateImport(trx, matched, mode);
    const reported = await writeImport(trx, ctx, actor, matched, mode, opts.device);
    // Every live list follows its items, in one read and one write however many lists there are.
    const counts = await itemCountsOf(
      trx,
      live.map((l) => l.id),
    );
    const changed = live.flatMap((l) => {
      const status = followItems(l.status, counts.get(l.id) ?? NO_ITEMS, l.number);
      return status === l.status ? [] : [{ id: l.id, number: l.number, status }];
    });
    if (changed.length > 0) {
      await sql`update count_lists c set status = x.status, updated_at = ${ctx.now()}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(changed)}::jsonb) as x(id bigint, status text) where c.id = x.id`.execute(
        trx,
      );
    }
    return { reported, lists: changed.map((c) => ({ countListId: c.id, number: c.number, status: c.status })) };
  });
}
