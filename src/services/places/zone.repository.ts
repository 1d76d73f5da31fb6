// Statements of zones: the rows themselves, the warehouse's inventory-differences zone, and what hangs off a
// zone (bins, count-list items) that the use cases ask about before changing or deleting it.
import type { Insertable, Updateable } from 'kysely';
import type { ZoneOrganisation, ZoneUsage } from '../../domain/place.js';
import type { Database } from '../../storage/schema.js';
import type { Tx } from '../context.js';
import { type PageInput, escapeLike } from './support.js';

export interface ZoneView {
  id: string;
  siteId: string;
  warehouseId: string;
  code: string;
  name: string;
  organisation: ZoneOrganisation;
  structured: boolean;
  usage: ZoneUsage;
}
export interface ZoneFilter extends PageInput {
  warehouseId?: string | undefined;
  siteId?: string | undefined;
  organisation?: ZoneOrganisation | undefined;
  structured?: boolean | undefined;
  usage?: ZoneUsage | undefined;
  q?: string | undefined;
}

const COLUMNS = ['id', 'siteId', 'warehouseId', 'code', 'name', 'organisation', 'structured', 'usage'] as const;

export async function findZone(trx: Tx, id: string): Promise<ZoneView | undefined> {
  return trx.selectFrom('zones').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The warehouse's inventory-differences zone other than `exceptId`, if there is one. */
export async function findDifferencesZone(
  trx: Tx,
  warehouseId: string,
  exceptId: string | null,
): Promise<{ code: string } | undefined> {
  let q = trx
    .selectFrom('zones')
    .select('code')
    .where('warehouseId', '=', warehouseId)
    .where('usage', '=', 'inventory_differences');
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

/** A page of zones (one more than `limit`) by warehouse and code; `siteId` non-null limits them to that site. */
export async function listZoneRows(trx: Tx, siteId: string | null, f: ZoneFilter): Promise<ZoneView[]> {
  let q = trx.selectFrom('zones').select(COLUMNS);
  if (siteId !== null) q = q.where('siteId', '=', siteId);
  if (f.warehouseId) q = q.where('warehouseId', '=', f.warehouseId);
  if (f.siteId) q = q.where('siteId', '=', f.siteId);
  if (f.organisation) q = q.where('organisation', '=', f.organisation);
  if (f.structured !== undefined) q = q.where('structured', '=', f.structured);
  if (f.usage) q = q.where('usage', '=', f.usage);
  if (f.q) {
    const t = escapeLike(f.q.toLowerCase());
    q = q.where((eb) =>
      eb.or([eb(eb.fn('lower', ['code']), 'like', `${t}%`), eb(eb.fn('lower', ['name']), 'like', `%${t}%`)]),
    );
  }
  return q
    .orderBy('warehouseId')
    .orderBy('code')
    .limit(f.limit + 1)
    .offset(f.offset)
    .execute();
}

export async function insertZone(trx: Tx, row: Insertable<Database['zones']>): Promise<ZoneView> {
  return trx.insertInto('zones').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
}

export async function updateZoneRow(trx: Tx, id: string, set: Updateable<Database['zones']>): Promise<ZoneView> {
  return trx.updateTable('zones').set(set).where('id', '=', id).returning(COLUMNS).executeTakeFirstOrThrow();
}

export async function deleteZoneRow(trx: Tx, id: string): Promise<void> {
  await trx.deleteFrom('zones').where('id', '=', id).execute();
}

/** Some bin of the zone (its code), or undefined when it has none. */
export async function findAnyBinOfZone(trx: Tx, zoneId: string): Promise<{ code: string } | undefined> {
  return trx.selectFrom('bins').select('code').where('zoneId', '=', zoneId).limit(1).executeTakeFirst();
}

/** Some count list with an item in the zone, or undefined. count_list_items has no foreign key to zones. */
export async function findAnyCountListOfZone(trx: Tx, zoneId: string): Promise<{ countListId: string } | undefined> {
  return trx
    .selectFrom('countListItems')
    .select('countListId')
    .where('zoneId', '=', zoneId)
    .limit(1)
    .executeTakeFirst();
}
