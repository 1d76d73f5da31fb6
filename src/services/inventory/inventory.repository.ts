// Statements on the inventory header (SPEC §4.1–§4.2). The header's status moves only by the state machine
// in domain/inventory/inventory.ts; this writes the status it decided.
import { sql, type Insertable, type Updateable } from 'kysely';
import { likeEscape } from '../../domain/items/item.js';
import type { InventoryStatus } from '../../domain/inventory/vocabulary.js';
import type { InventoriesTable } from '../../storage/tables/inventory.tables.js';
import type { Tx } from '../context.js';
import { siteIs } from '../site-scope.repository.js';
import type { SiteScope } from '../site-scope.js';

export async function setInventoryStatus(trx: Tx, id: string, status: InventoryStatus, now: Date): Promise<void> {
  await trx.updateTable('inventories').set({ status, updatedAt: now }).where('id', '=', id).execute();
}

/** Action Start's write: the status the state machine decided and the moment the inventory opened. */
export async function setInventoryStarted(trx: Tx, id: string, status: InventoryStatus, now: Date): Promise<void> {
  await trx.updateTable('inventories').set({ status, openedAt: now, updatedAt: now }).where('id', '=', id).execute();
}

/** The header with its type's code and the type's rules the header follows (method, material, keep location). */
function headerQuery(trx: Tx) {
  return trx
    .selectFrom('inventories as i')
    .innerJoin('inventoryTypes as t', 't.id', 'i.typeId')
    .selectAll('i')
    .select(['t.code as typeCode', 't.method', 't.materialType', 't.keepLocation']);
}
export type InventoryHeaderRow = Awaited<ReturnType<ReturnType<typeof headerQuery>['executeTakeFirstOrThrow']>>;

/** The header `id` within `scope` (another site's inventory is absent), optionally locked. */
export async function findInventoryHeader(
  trx: Tx,
  scope: SiteScope,
  id: string,
  lock = false,
): Promise<InventoryHeaderRow | undefined> {
  let q = headerQuery(trx).where('i.id', '=', id).where(siteIs('i.siteId', scope));
  if (lock) q = q.forUpdate('i');
  return q.executeTakeFirst();
}

export interface InventoryHeaderFilter {
  siteId?: string | undefined;
  status?: InventoryStatus | undefined;
  typeId?: string | undefined;
  /** Substring of the description or the number, any case. */
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** A page of headers, newest first; one row more than `limit` tells that a next page exists. */
export async function listInventoryHeaders(
  trx: Tx,
  scope: SiteScope,
  f: InventoryHeaderFilter,
): Promise<InventoryHeaderRow[]> {
  let q = headerQuery(trx).where(siteIs('i.siteId', scope));
  if (f.siteId) q = q.where('i.siteId', '=', f.siteId);
  if (f.status) q = q.where('i.status', '=', f.status);
  if (f.typeId) q = q.where('i.typeId', '=', f.typeId);
  if (f.q) {
    // Literal substring search: escape LIKE wildcards typed by the user.
    const pattern = `%${likeEscape(f.q.toLowerCase())}%`;
    q = q.where((eb) =>
      eb.or([eb(sql`lower(i.description)`, 'like', pattern), eb(sql`lower(i.number)`, 'like', pattern)]),
    );
  }
  return q
    .orderBy('i.createdAt', 'desc')
    .orderBy('i.id', 'desc')
    .limit(f.limit + 1)
    .offset(f.offset)
    .execute();
}

export async function insertInventory(trx: Tx, values: Insertable<InventoriesTable>): Promise<string> {
  return (await trx.insertInto('inventories').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateInventoryHeader(trx: Tx, id: string, set: Updateable<InventoriesTable>): Promise<void> {
  await trx.updateTable('inventories').set(set).where('id', '=', id).execute();
}

/** Removes the header row (its lists go first: count-list.repository.ts). */
export async function deleteInventoryRow(trx: Tx, id: string): Promise<void> {
  await trx.deleteFrom('inventories').where('id', '=', id).execute();
}

// Rows the header refers to (key-only reads: present or not) --------------------------------------------

export async function siteKey(trx: Tx, id: string): Promise<{ id: string } | undefined> {
  return trx.selectFrom('sites').select('id').where('id', '=', id).executeTakeFirst();
}

export async function ownerKey(trx: Tx, id: string): Promise<{ id: string } | undefined> {
  return trx.selectFrom('owners').select('id').where('id', '=', id).executeTakeFirst();
}

export async function userKey(trx: Tx, id: string): Promise<{ id: string } | undefined> {
  return trx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
}
