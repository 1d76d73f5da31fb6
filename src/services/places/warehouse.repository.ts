// Statements of warehouses: the rows themselves and the few questions the use cases ask about what hangs
// off a warehouse (zones, ledger entries) and about the rows it refers to (site, responsible user).
import type { Insertable, Updateable } from 'kysely';
import type { WarehouseKind } from '../../domain/place.js';
import type { Database } from '../../storage/schema.js';
import type { Tx } from '../context.js';
import { type PageInput, escapeLike } from './support.js';

export interface WarehouseView {
  id: string;
  siteId: string;
  code: string;
  name: string;
  kind: WarehouseKind;
  physical: 'internal' | 'external';
  responsibleUserId: string | null;
  allowNegative: boolean;
  costCentre: string | null;
}
export interface WarehouseFilter extends PageInput {
  siteId?: string | undefined;
  kind?: WarehouseKind | undefined;
  physical?: 'internal' | 'external' | undefined;
  responsibleUserId?: string | undefined;
  q?: string | undefined;
}

const COLUMNS = [
  'id',
  'siteId',
  'code',
  'name',
  'kind',
  'physical',
  'responsibleUserId',
  'allowNegative',
  'costCentre',
] as const;

export async function findWarehouse(trx: Tx, id: string): Promise<WarehouseView | undefined> {
  return trx.selectFrom('warehouses').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** A page of warehouses (one more than `limit`) by site and code; `siteId` non-null limits them to that site. */
export async function listWarehouseRows(trx: Tx, siteId: string | null, f: WarehouseFilter): Promise<WarehouseView[]> {
  let q = trx.selectFrom('warehouses').select(COLUMNS);
  if (siteId !== null) q = q.where('siteId', '=', siteId);
  if (f.siteId) q = q.where('siteId', '=', f.siteId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.physical) q = q.where('physical', '=', f.physical);
  if (f.responsibleUserId) q = q.where('responsibleUserId', '=', f.responsibleUserId);
  if (f.q) {
    const t = escapeLike(f.q.toLowerCase());
    q = q.where((eb) =>
      eb.or([eb(eb.fn('lower', ['code']), 'like', `${t}%`), eb(eb.fn('lower', ['name']), 'like', `%${t}%`)]),
    );
  }
  return q
    .orderBy('siteId')
    .orderBy('code')
    .limit(f.limit + 1)
    .offset(f.offset)
    .execute();
}

export async function siteExists(trx: Tx, siteId: string): Promise<boolean> {
  const site = await trx.selectFrom('sites').select('id').where('id', '=', siteId).executeTakeFirst();
  return site !== undefined;
}

/** Whether the user exists and is active (may be a warehouse's responsible employee). */
export async function isActiveUser(trx: Tx, userId: string): Promise<boolean> {
  const user = await trx.selectFrom('users').select(['id', 'active']).where('id', '=', userId).executeTakeFirst();
  return user !== undefined && user.active;
}

export async function insertWarehouse(trx: Tx, row: Insertable<Database['warehouses']>): Promise<WarehouseView> {
  return trx.insertInto('warehouses').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
}

export async function updateWarehouseRow(
  trx: Tx,
  id: string,
  set: Updateable<Database['warehouses']>,
): Promise<WarehouseView> {
  return trx.updateTable('warehouses').set(set).where('id', '=', id).returning(COLUMNS).executeTakeFirstOrThrow();
}

export async function deleteWarehouseRow(trx: Tx, id: string): Promise<void> {
  await trx.deleteFrom('warehouses').where('id', '=', id).execute();
}

/** Some zone of the warehouse (its code), or undefined when it has none. */
export async function findAnyZoneOfWarehouse(trx: Tx, warehouseId: string): Promise<{ code: string } | undefined> {
  return trx.selectFrom('zones').select('code').where('warehouseId', '=', warehouseId).limit(1).executeTakeFirst();
}

/** Whether any ledger entry was booked in the warehouse. */
export async function hasLedgerEntries(trx: Tx, warehouseId: string): Promise<boolean> {
  const moved = await trx
    .selectFrom('stockLedger')
    .select('id')
    .where('warehouseId', '=', warehouseId)
    .limit(1)
    .executeTakeFirst();
  return moved !== undefined;
}
