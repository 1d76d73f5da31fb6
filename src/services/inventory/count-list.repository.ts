// Statements on the count-list aggregate (SPEC §4.3–§4.5): a list, its items, its reports and the stock
// locks it holds go together. The loaders and row types the counting, verifying and closing use cases share
// live here; the rules they apply (mayCount, followItems, the blind rule) live in the domain.
import { sql, type Selectable } from 'kysely';
import { FINAL_STATUSES, type ItemCounts } from '../../domain/inventory/count-list.js';
import type { CountListItemsTable, CountListsTable, InventoriesTable } from '../../storage/tables/inventory.tables.js';
import { type Actor, type Tx, found } from '../context.js';

export type ListRow = Selectable<CountListsTable>;
/** A list row with its assigned counters (count_list_counters), as the counting rule needs it. */
export type CountableList = ListRow & { counterUserIds: string[] };
export type ItemRow = Selectable<CountListItemsTable>;
export type InventoryRow = Selectable<InventoriesTable>;

// Loaders -------------------------------------------------------------------------------------------------

/** The assigned counters' user ids of the list `listRef` (a column reference such as `cl.id`), in id order. */
export function counterIdsOf(listRef: string) {
  return sql<
    string[]
  >`array(select c.user_id::text from count_list_counters c where c.count_list_id = ${sql.ref(listRef)} order by c.user_id)`;
}

export async function loadList(trx: Tx, id: string, lock = false): Promise<CountableList> {
  const q = trx
    .selectFrom('countLists')
    .selectAll()
    .select(counterIdsOf('count_lists.id').as('counterUserIds'))
    .where('id', '=', id);
  const row = found(await (lock ? q.forUpdate() : q).executeTakeFirst(), `count list ${id}`, 'countListId');
  return { ...row, counterUserIds: (row.counterUserIds ?? []).map(String) };
}

export async function loadInventory(trx: Tx, id: string, lock = false): Promise<InventoryRow> {
  const q = trx.selectFrom('inventories').selectAll().where('id', '=', id);
  return found(await (lock ? q.forUpdate() : q).executeTakeFirst(), `inventory ${id}`, 'inventoryId');
}

export interface CounterView {
  userId: string;
  name: string;
}

/** The assigned counters of each list with their names (display name, else user name), in id order. */
export async function countersOf(trx: Tx, listIds: readonly string[]): Promise<Map<string, CounterView[]>> {
  const out = new Map<string, CounterView[]>(listIds.map((id) => [id, []]));
  if (listIds.length === 0) return out;
  const rows = await trx
    .selectFrom('countListCounters as c')
    .innerJoin('users as u', 'u.id', 'c.userId')
    .select(['c.countListId', 'c.userId', sql<string>`coalesce(nullif(u.display_name, ''), u.username)`.as('name')])
    .where('c.countListId', 'in', [...listIds])
    .orderBy('c.countListId')
    .orderBy('c.userId')
    .execute();
  for (const r of rows) out.get(String(r.countListId))?.push({ userId: String(r.userId), name: r.name });
  return out;
}

/** Display names (else user names) of the given users. */
export async function userNames(trx: Tx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await trx
    .selectFrom('users')
    .select(['id', sql<string>`coalesce(nullif(display_name, ''), username)`.as('name')])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [String(r.id), r.name]));
}

/**
 * The SQL form of "lists this user may see" for a list reference (`cl.id`): a counter sees the lists they are
 * responsible for or assigned to (mayCount); managers and admins see every list (the site is scoped apart).
 */
export function listVisibleTo(actor: Pick<Actor, 'role' | 'userId'>, listRef: string) {
  if (actor.role !== 'counter') return sql<boolean>`true`;
  const list = sql.ref(listRef);
  return sql<boolean>`(exists (select 1 from count_lists v where v.id = ${list} and v.responsible_user_id = ${actor.userId})
    or exists (select 1 from count_list_counters c where c.count_list_id = ${list} and c.user_id = ${actor.userId}))`;
}

// Item counts and status ----------------------------------------------------------------------------------

export const NO_ITEMS: ItemCounts = { open: 0, reported: 0, marked: 0 };

export async function itemCounts(trx: Tx, listId: string): Promise<ItemCounts> {
  return (await itemCountsOf(trx, [listId])).get(listId) ?? NO_ITEMS;
}

/** itemCounts of several lists in one read (a list without items counts zeros: absent from the map). */
export async function itemCountsOf(trx: Tx, listIds: readonly string[]): Promise<Map<string, ItemCounts>> {
  if (listIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('countListItems')
    .where('countListId', 'in', listIds)
    .groupBy('countListId')
    .select([
      'countListId',
      sql<string>`count(*) filter (where not informational and status = 'open')`.as('open'),
      sql<string>`count(*) filter (where not informational and status = 'reported')`.as('reported'),
      sql<string>`count(*) filter (where verification_mark)`.as('marked'),
    ])
    .execute();
  return new Map(
    rows.map((r) => [
      String(r.countListId),
      { open: Number(r.open), reported: Number(r.reported), marked: Number(r.marked) },
    ]),
  );
}

/** Writes the list status the state machine decided. */
export async function setListStatus(trx: Tx, id: string, status: ListRow['status'], now: Date): Promise<void> {
  await trx.updateTable('countLists').set({ status, updatedAt: now }).where('id', '=', id).execute();
}

// Items and reports as the read models show them ----------------------------------------------------------

/** An item with its article's code, description and unit, its bin's code, and whether that bin is empty. */
export type ItemJoined = ItemRow & {
  itemCode: string | null;
  itemDescription: string | null;
  unit: string | null;
  binCode: string | null;
  binEmpty: boolean;
};

function joinedItems(trx: Tx) {
  return trx
    .selectFrom('countListItems as cli')
    .leftJoin('items as it', 'it.id', 'cli.itemId')
    .leftJoin('bins as b', 'b.id', 'cli.binId')
    .selectAll('cli')
    .select([
      'it.code as itemCode',
      'it.description as itemDescription',
      'it.primaryUnit as unit',
      'b.code as binCode',
      // An empty bin on a bin list: no item of the inventory's owner expected there.
      sql<boolean>`cli.bin_id is not null and not exists (select 1 from count_list_items o where o.count_list_id = cli.count_list_id
        and o.bin_id = cli.bin_id and o.item_id is not null and coalesce(o.target_quantity, 0) <> 0)`.as('binEmpty'),
    ]);
}

export async function findJoinedItem(trx: Tx, id: string): Promise<ItemJoined | undefined> {
  return joinedItems(trx).where('cli.id', '=', id).executeTakeFirst();
}

export interface ItemFilter {
  status?: ItemRow['status'] | undefined;
  limit: number;
  offset: number;
}

/** A page of a list's items in line order; one row more than `limit` tells that a next page exists. */
export async function listJoinedItems(trx: Tx, listId: string, f: ItemFilter): Promise<ItemJoined[]> {
  return joinedItems(trx)
    .where('cli.countListId', '=', listId)
    .$if(f.status !== undefined, (q) => q.where('cli.status', '=', f.status!))
    .orderBy('cli.lineNo')
    .orderBy('cli.id')
    .limit(f.limit + 1)
    .offset(f.offset)
    .execute();
}

/** The list an item belongs to. */
export async function itemListKey(trx: Tx, itemId: string): Promise<{ countListId: string } | undefined> {
  return trx.selectFrom('countListItems').select(['countListId']).where('id', '=', itemId).executeTakeFirst();
}

/** Every report of an item, valid and invalidated, oldest first. */
export async function reportsOfItem(trx: Tx, itemId: string) {
  return trx
    .selectFrom('countReports')
    .selectAll()
    .where('countListItemId', '=', itemId)
    .orderBy('reportedAt')
    .orderBy('id')
    .execute();
}

// An inventory's lists ------------------------------------------------------------------------------------

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

/** A list of the inventory in a final status, if any (its postings exist). */
export async function firstFinalList(trx: Tx, inventoryId: string): Promise<{ number: string } | undefined> {
  return trx
    .selectFrom('countLists')
    .select('number')
    .where('inventoryId', '=', inventoryId)
    .where('status', 'in', [...FINAL_STATUSES])
    .limit(1)
    .executeTakeFirst();
}

/** The ids of the inventory's lists, in id order. */
export async function listIdsOfInventory(trx: Tx, inventoryId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('countLists')
    .select('id')
    .where('inventoryId', '=', inventoryId)
    .orderBy('id')
    .execute();
  return rows.map((l) => l.id);
}

/** Removes lists with their items, reports and stock locks (children first: the foreign keys restrict). */
export async function deleteListsWithChildren(trx: Tx, listIds: readonly string[]): Promise<void> {
  if (listIds.length === 0) return;
  const ids = [...listIds];
  await trx.deleteFrom('stockLocks').where('countListId', 'in', ids).execute();
  await trx.deleteFrom('countReports').where('countListId', 'in', ids).execute();
  await trx.deleteFrom('countListItems').where('countListId', 'in', ids).execute();
  await trx.deleteFrom('countLists').where('id', 'in', ids).execute();
}
