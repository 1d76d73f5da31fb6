// Statements of verification (SPEC §4.5): the marks on count-list items, the candidates a verification run
// looks at, invalidating earlier reports (they are kept, never deleted), reopening items, and the recount
// lists that take over the marked items of closed lists.
import { sql } from 'kysely';
import type { VerifyCandidate } from '../../domain/inventory/verification.js';
import type { CountListsTable, CountType } from '../../storage/tables/inventory.tables.js';
import type { Tx } from '../context.js';

/** A count-list item as far as setting its mark needs it. */
export interface MarkableItem {
  id: string;
  countListId: string;
  informational: boolean;
}

/** Locks one item for setting its mark; undefined when there is none. */
export async function lockItemForMark(trx: Tx, countListItemId: string): Promise<MarkableItem | undefined> {
  return trx
    .selectFrom('countListItems')
    .select(['id', 'countListId', 'informational'])
    .where('id', '=', countListItemId)
    .forUpdate()
    .executeTakeFirst();
}

export async function writeVerificationMark(trx: Tx, countListItemId: string, mark: boolean): Promise<void> {
  await trx.updateTable('countListItems').set({ verificationMark: mark }).where('id', '=', countListItemId).execute();
}

/** Removes the marks of these items. */
export async function clearVerificationMarks(trx: Tx, itemIds: readonly string[]): Promise<void> {
  if (itemIds.length === 0) return;
  await trx
    .updateTable('countListItems')
    .set({ verificationMark: false })
    .where('id', 'in', [...itemIds])
    .execute();
}

/**
 * Locks the inventory's verification candidates (optionally only on the given lists): marked items, and on
 * bin lists the other items of a marked bin.
 */
export async function lockVerifyCandidates(
  trx: Tx,
  inventoryId: string,
  scope: readonly string[] | undefined,
): Promise<VerifyCandidate[]> {
  const rows = await sql<VerifyCandidate>`
      select cli.id::text as id, cli.count_list_id::text as "countListId", cl.count_type as "countType", cli.bin_id::text as "binId",
        cli.status, cli.verification_mark as "verificationMark", cli.informational
      from count_list_items cli join count_lists cl on cl.id = cli.count_list_id
      where cli.inventory_id = ${inventoryId} ${scope ? sql`and cli.count_list_id in (${sql.join(scope)})` : sql``}
        and (cli.verification_mark or (cl.count_type = 'bin' and cli.bin_id in (
          select m.bin_id from count_list_items m where m.count_list_id = cli.count_list_id and m.verification_mark)))
      for update of cli`.execute(trx);
  return rows.rows;
}

/** Invalidates the still valid reports of these items (kept, stamped `now`); returns how many. */
export async function invalidateReportsOf(trx: Tx, itemIds: readonly string[], now: Date): Promise<number> {
  if (itemIds.length === 0) return 0;
  const r = await trx
    .updateTable('countReports')
    .set({ valid: false, invalidatedAt: now })
    .where('countListItemId', 'in', [...itemIds])
    .where('valid', '=', true)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Reopens these items with no reported quantity. */
export async function reopenItems(trx: Tx, itemIds: readonly string[]): Promise<void> {
  if (itemIds.length === 0) return;
  await trx
    .updateTable('countListItems')
    .set({ status: 'open', reportedQuantity: null })
    .where('id', 'in', [...itemIds])
    .execute();
}

/** The lists these items are on (each once). */
export async function listsOfItems(trx: Tx, itemIds: readonly string[]): Promise<string[]> {
  if (itemIds.length === 0) return [];
  const rows = await trx
    .selectFrom('countListItems')
    .select('countListId')
    .distinct()
    .where('id', 'in', [...itemIds])
    .execute();
  return rows.map((r) => r.countListId);
}

/** A new recount list's header. */
export type NewRecountList = Pick<
  CountListsTable,
  | 'siteId'
  | 'inventoryId'
  | 'number'
  | 'countType'
  | 'registrationDate'
  | 'countDate'
  | 'responsibleUserId'
  | 'warehouseId'
> & { name: string; now: Date };

/** Inserts a recount list; returns its id. */
export async function insertRecountList(trx: Tx, l: NewRecountList): Promise<string> {
  const list = await trx
    .insertInto('countLists')
    .values({
      siteId: l.siteId,
      inventoryId: l.inventoryId,
      number: l.number,
      name: l.name,
      countType: l.countType,
      registrationDate: l.registrationDate,
      countDate: l.countDate,
      responsibleUserId: l.responsibleUserId,
      warehouseId: l.warehouseId,
      createdAt: l.now,
      updatedAt: l.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return list.id;
}

/** Gives the new list the counters assigned to the old one. */
export async function copyCounters(trx: Tx, fromListId: string, toListId: string, now: Date): Promise<void> {
  await sql`insert into count_list_counters (count_list_id, user_id, site_id, created_at)
      select ${toListId}, user_id, site_id, ${now}::timestamptz from count_list_counters where count_list_id = ${fromListId}`.execute(
    trx,
  );
}

/**
 * Copies the old list's marked items (on a bin list every item of a marked bin) to the new list, numbered
 * in their old order.
 */
export async function insertRecountItems(
  trx: Tx,
  fromListId: string,
  toListId: string,
  countType: CountType,
): Promise<void> {
  await sql`
      insert into count_list_items (site_id, inventory_id, count_list_id, line_no, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id)
      select site_id, inventory_id, ${toListId}, row_number() over (order by line_no, id), item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id
      from count_list_items s
      where s.count_list_id = ${fromListId} and not s.informational
        and (s.verification_mark or (${countType} = 'bin' and s.bin_id in (
          select bin_id from count_list_items m where m.count_list_id = ${fromListId} and m.verification_mark)))`.execute(
    trx,
  );
}
