// Statements on the count-list aggregate (SPEC §4.3–§4.5): a list, its items, its reports and the stock
// locks it holds go together.
import type { Tx } from '../context.js';

/** Removes lists with their items, reports and stock locks (children first: the foreign keys restrict). */
export async function deleteListsWithChildren(trx: Tx, listIds: readonly string[]): Promise<void> {
  if (listIds.length === 0) return;
  const ids = [...listIds];
  await trx.deleteFrom('stockLocks').where('countListId', 'in', ids).execute();
  await trx.deleteFrom('countReports').where('countListId', 'in', ids).execute();
  await trx.deleteFrom('countListItems').where('countListId', 'in', ids).execute();
  await trx.deleteFrom('countLists').where('id', 'in', ids).execute();
}

/** Whether the inventory still has any count list. */
export async function inventoryHasLists(trx: Tx, inventoryId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('countLists')
    .select('id')
    .where('inventoryId', '=', inventoryId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
