// Deleting count lists (SPEC §4.5: "only generated, unopened lists here; open lists elsewhere; closed lists
// never"). One use case for both places: a generated, unopened list goes at once; an open list goes too, but
// first its stock locks are released and the postings they parked are re-processed in the same transaction;
// a closed list (its postings exist) and a list being closed never go. When the inventory's last list goes,
// the inventory moves back through the state machine (`listsRemoved`: has_count_lists → created).
import { applyCommand, ensureNotClosed, type InventoryStatus } from '../../domain/inventory/inventory.js';
import { requireDeletable } from '../../domain/inventory/count-list.js';
import { type Actor, type ServiceContext, type Tx, inTransaction, requireRole } from '../context.js';
import { reprocessParkedPostings } from './parked-postings.js';
import { deleteListsWithChildren, inventoryHasLists } from './count-list.repository.js';
import { requireSite } from './count-list.service.js';
import { loadInventory, loadList } from './count-list.repository.js';
import { setInventoryStatus } from './inventory.repository.js';

/**
 * Removes lists with their items, reports and locks inside the caller's transaction, then re-processes the
 * postings their locks had parked (now that nothing blocks them). Shared with deleting a whole inventory.
 */
export async function removeCountLists(
  trx: Tx,
  ctx: ServiceContext,
  listIds: readonly string[],
): Promise<{ reprocessed: number }> {
  if (listIds.length === 0) return { reprocessed: 0 };
  await deleteListsWithChildren(trx, listIds);
  let reprocessed = 0;
  // Parked postings name the list whose lock stopped them; re-processed postings may still meet another
  // list's lock and then stay pending, naming that one.
  for (const countListId of listIds) {
    const r = await reprocessParkedPostings(trx, ctx, { countListId });
    reprocessed += r.posted.length + r.pending.length;
  }
  return { reprocessed };
}

export async function deleteCountList(
  ctx: ServiceContext,
  actor: Actor,
  countListId: string,
): Promise<{ deleted: true }> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const list = await loadList(trx, countListId, true);
    requireSite(actor, list.siteId, `count list ${countListId}`);
    // The inventory is locked before anything is deleted: a concurrent generation cannot add a list between
    // "is this the last list?" and the status change.
    const inv = await loadInventory(trx, list.inventoryId, true);
    requireDeletable(list.status, list.number);
    ensureNotClosed(inv.status);
    await removeCountLists(trx, ctx, [list.id]);
    if (!(await inventoryHasLists(trx, inv.id))) {
      const status: InventoryStatus = applyCommand(inv.status, 'listsRemoved');
      if (status !== inv.status) await setInventoryStatus(trx, inv.id, status, ctx.now());
    }
    return { deleted: true };
  });
}
