// Statements of bins. A range of bins travels as one jsonb document read with jsonb_to_recordset, so
// checking and creating thousands of bins costs one statement each, not one per bin.
import { type Insertable, type Updateable, sql } from 'kysely';
import type { BinElements } from '../../domain/place.js';
import type { Database } from '../../storage/schema.js';
import type { Tx } from '../context.js';
import { type PageInput, escapeLike } from './support.js';

export interface BinView {
  id: string;
  siteId: string;
  warehouseId: string;
  zoneId: string;
  code: string;
  aisle: string | null;
  row: string | null;
  level: string | null;
  place: string;
  barcode: string | null;
  blocked: boolean;
}
export interface BinFilter extends PageInput {
  warehouseId?: string | undefined;
  zoneId?: string | undefined;
  aisle?: string | undefined;
  row?: string | undefined;
  level?: string | undefined;
  codePrefix?: string | undefined;
  blocked?: boolean | undefined;
}

const SELECT = [
  'id',
  'siteId',
  'warehouseId',
  'zoneId',
  'code',
  'aisle',
  'rowNo as row',
  'levelNo as level',
  'place',
  'barcode',
  'blocked',
] as const;

/** Bins of a range as the jsonb document the range statements read (built once per request). */
export type BinRangeDocument = string & { readonly __binRangeDocument: unique symbol };

export function binRangeDocument(bins: ReadonlyArray<BinElements & { code: string }>): BinRangeDocument {
  return JSON.stringify(
    bins.map((b) => ({ code: b.code, aisle: b.aisle, row_no: b.row, level_no: b.level, place: b.place })),
  ) as BinRangeDocument;
}

export async function findBin(trx: Tx, id: string): Promise<BinView | undefined> {
  return trx.selectFrom('bins').select(SELECT).where('id', '=', id).executeTakeFirst();
}

/**
 * A page of bins (one more than `limit`) in the walking order of the warehouse: zone, aisle, row, level,
 * place (bins_zone_sort_idx). `siteId` non-null limits them to that site; elements are upper case.
 */
export async function listBinRows(trx: Tx, siteId: string | null, f: BinFilter): Promise<BinView[]> {
  let q = trx.selectFrom('bins').select(SELECT);
  if (siteId !== null) q = q.where('siteId', '=', siteId);
  if (f.warehouseId) q = q.where('warehouseId', '=', f.warehouseId);
  if (f.zoneId) q = q.where('zoneId', '=', f.zoneId);
  if (f.aisle) q = q.where('aisle', '=', f.aisle.toUpperCase());
  if (f.row) q = q.where('rowNo', '=', f.row.toUpperCase());
  if (f.level) q = q.where('levelNo', '=', f.level.toUpperCase());
  if (f.codePrefix) q = q.where('code', 'like', `${escapeLike(f.codePrefix.toUpperCase())}%`);
  if (f.blocked !== undefined) q = q.where('blocked', '=', f.blocked);
  return q
    .orderBy('warehouseId')
    .orderBy('zoneId')
    .orderBy('aisle')
    .orderBy('rowNo')
    .orderBy('levelNo')
    .orderBy('place')
    .limit(f.limit + 1)
    .offset(f.offset)
    .execute();
}

export async function insertBin(trx: Tx, row: Insertable<Database['bins']>): Promise<BinView> {
  return trx.insertInto('bins').values(row).returning(SELECT).executeTakeFirstOrThrow();
}

/** Up to `limit` codes of the document that already exist in the warehouse, in code order. */
export async function findExistingBinCodes(
  trx: Tx,
  warehouseId: string,
  doc: BinRangeDocument,
  limit: number,
): Promise<string[]> {
  const clash = await sql<{ code: string }>`
    select b.code from bins b join jsonb_to_recordset(${doc}::jsonb) as x(code text) on b.code = x.code
    where b.warehouse_id = ${warehouseId} order by b.code limit ${limit}`.execute(trx);
  return clash.rows.map((r) => r.code);
}

/** How many codes of the document already exist in the warehouse. */
export async function countExistingBinCodes(trx: Tx, warehouseId: string, doc: BinRangeDocument): Promise<number> {
  const existing = await sql<{ n: string }>`
    select count(*)::text as n from bins b join jsonb_to_recordset(${doc}::jsonb) as x(code text) on b.code = x.code
    where b.warehouse_id = ${warehouseId}`.execute(trx);
  return Number(existing.rows[0]?.n ?? 0);
}

/** Inserts the document's bins into the zone in one statement, leaving existing codes alone; returns how many were created. */
export async function insertBinRange(
  trx: Tx,
  zone: { siteId: string; warehouseId: string; zoneId: string },
  doc: BinRangeDocument,
  now: Date,
): Promise<number> {
  const inserted = await sql<{ n: string }>`
    with ins as (
      insert into bins (site_id, warehouse_id, zone_id, code, aisle, row_no, level_no, place, created_at)
      select ${zone.siteId}, ${zone.warehouseId}, ${zone.zoneId}, x.code, x.aisle, x.row_no, x.level_no, x.place, ${now}
      from jsonb_to_recordset(${doc}::jsonb) as x(code text, aisle text, row_no text, level_no text, place text)
      on conflict (warehouse_id, code) do nothing
      returning 1)
    select count(*)::text as n from ins`.execute(trx);
  return Number(inserted.rows[0]?.n ?? 0);
}

export async function updateBinRow(trx: Tx, id: string, set: Updateable<Database['bins']>): Promise<BinView> {
  return trx.updateTable('bins').set(set).where('id', '=', id).returning(SELECT).executeTakeFirstOrThrow();
}

/** The bins' ids and sites, locked for update; missing ids are simply absent. */
export async function lockBins(trx: Tx, ids: readonly string[]): Promise<Array<{ id: string; siteId: string }>> {
  return trx
    .selectFrom('bins')
    .select(['id', 'siteId'])
    .where('id', 'in', [...ids])
    .forUpdate()
    .execute();
}

/** Sets the blocked flag of those bins that do not have it yet; returns how many changed. */
export async function setBlocked(trx: Tx, ids: readonly string[], blocked: boolean): Promise<number> {
  const res = await trx
    .updateTable('bins')
    .set({ blocked })
    .where('id', 'in', [...ids])
    .where('blocked', '<>', blocked)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function deleteBinRow(trx: Tx, id: string): Promise<void> {
  await trx.deleteFrom('bins').where('id', '=', id).execute();
}

/** At most two bins of the warehouse whose code is `code` or whose barcode is `barcode` (both unique indexes). */
export async function findBinsByCodeOrBarcode(
  trx: Tx,
  warehouseId: string,
  code: string,
  barcode: string,
): Promise<BinView[]> {
  return trx
    .selectFrom('bins')
    .select(SELECT)
    .where('warehouseId', '=', warehouseId)
    .where((eb) => eb.or([eb('code', '=', code), eb('barcode', '=', barcode)]))
    .limit(2)
    .execute();
}
