// SQL of the reservations: the rows, and on hand against open reservations over a scope.
import { sql } from 'kysely';
import type { Tx } from '../context.js';
import { siteIs } from '../site-scope.repository.js';
import type { SiteScope } from '../site-scope.js';

export type ReservationStatus = 'open' | 'fulfilled' | 'cancelled' | 'not_available';
export interface Scope {
  itemId: string;
  warehouseId: string;
  zoneId?: string | null | undefined;
  binId?: string | null | undefined;
  lot?: string | undefined;
  serial?: string | undefined;
  ownerId: string;
}
export interface ReservationRow {
  id: string;
  siteId: string;
  itemId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: string;
  serial: string;
  ownerId: string;
  quantity: string;
  status: ReservationStatus;
  reference: string;
}

const COLUMNS = [
  'id',
  'siteId',
  'itemId',
  'warehouseId',
  'zoneId',
  'binId',
  'lot',
  'serial',
  'ownerId',
  'quantity',
  'status',
  'reference',
] as const;

/**
 * On hand and open reservations over a scope; a missing zone/bin/lot/serial means "any". A reservation
 * without zone/bin/lot/serial holds stock anywhere in the warehouse, so it counts for every narrower scope.
 */
export async function sumOnHandAndReserved(trx: Tx, s: Scope): Promise<{ onHand: string; reserved: string }> {
  const zone = s.zoneId ?? null;
  const bin = s.binId ?? null;
  const lot = s.lot ?? '';
  const serial = s.serial ?? '';
  const { rows } = await sql<{ onHand: string; reserved: string }>`
    select
      (select coalesce(sum(quantity), 0) from stock_balances where item_id = ${s.itemId} and warehouse_id = ${s.warehouseId} and owner_id = ${s.ownerId}
        and (${zone}::bigint is null or zone_id = ${zone}) and (${bin}::bigint is null or bin_id = ${bin})
        and (${lot} = '' or lot = ${lot}) and (${serial} = '' or serial = ${serial})) as on_hand,
      (select coalesce(sum(quantity), 0) from reservations where status = 'open' and item_id = ${s.itemId} and warehouse_id = ${s.warehouseId}
        and owner_id = ${s.ownerId} and (${zone}::bigint is null or zone_id is null or zone_id = ${zone})
        and (${bin}::bigint is null or bin_id is null or bin_id = ${bin})
        and (${lot} = '' or lot = '' or lot = ${lot}) and (${serial} = '' or serial = '' or serial = ${serial})) as reserved`.execute(
    trx,
  );
  return rows[0]!;
}

/** Locks the item row (reservations of one item serialise on it); undefined when the item does not exist. */
export async function lockItem(trx: Tx, itemId: string): Promise<{ id: string } | undefined> {
  return trx.selectFrom('items').select('id').where('id', '=', itemId).forUpdate().executeTakeFirst();
}

export async function insertReservation(
  trx: Tx,
  r: Omit<ReservationRow, 'id' | 'status'> & { now: Date },
): Promise<ReservationRow> {
  const { now, ...values } = r;
  return trx
    .insertInto('reservations')
    .values({ ...values, createdAt: now, updatedAt: now })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

/** A reservation of the scope, locked; undefined when there is none (or it belongs to another site). */
export async function lockReservation(trx: Tx, scope: SiteScope, id: string): Promise<ReservationRow | undefined> {
  return trx
    .selectFrom('reservations')
    .select(COLUMNS)
    .where('id', '=', id)
    .where(siteIs('siteId', scope))
    .forUpdate()
    .executeTakeFirst();
}

export async function setReservationStatus(
  trx: Tx,
  id: string,
  status: ReservationStatus,
  now: Date,
): Promise<ReservationRow> {
  return trx
    .updateTable('reservations')
    .set({ status, updatedAt: now })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function selectReservations(
  db: Tx,
  scope: SiteScope,
  f: {
    siteId?: string | null | undefined;
    itemId?: string | undefined;
    warehouseId?: string | undefined;
    status?: ReservationStatus | undefined;
    limit: number;
    offset: number;
  },
): Promise<ReservationRow[]> {
  let q = db
    .selectFrom('reservations')
    .select(COLUMNS)
    .where(siteIs('siteId', scope))
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset);
  if (f.siteId) q = q.where('siteId', '=', f.siteId);
  if (f.itemId) q = q.where('itemId', '=', f.itemId);
  if (f.warehouseId) q = q.where('warehouseId', '=', f.warehouseId);
  if (f.status) q = q.where('status', '=', f.status);
  return q.execute();
}

/**
 * Marks open reservations that on-hand stock no longer covers as not_available, oldest served first within
 * each scope (a running sum per position in id order). Set-based. Returns the ids marked.
 */
export async function markUncoveredReservations(
  trx: Tx,
  now: Date,
  scope: SiteScope,
  filter: { itemIds?: string[] | undefined; warehouseIds?: string[] | undefined },
): Promise<string[]> {
  const items = filter.itemIds ?? null;
  const whs = filter.warehouseIds ?? null;
  const { rows } = await sql<{ id: string }>`
    with r as (
      select id, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id,
        sum(quantity) over (partition by item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id order by id) as needed
      from reservations
      where status = 'open' and (${items}::bigint[] is null or item_id = any(${items}::bigint[]))
        and (${whs}::bigint[] is null or warehouse_id = any(${whs}::bigint[])) and ${siteIs('site_id', scope)}
    ), short as (
      select r.id from r
      where r.needed > (select coalesce(sum(b.quantity), 0) from stock_balances b
        where b.item_id = r.item_id and b.warehouse_id = r.warehouse_id and b.owner_id = r.owner_id
          and (r.zone_id is null or b.zone_id = r.zone_id) and (r.bin_id is null or b.bin_id = r.bin_id)
          and (r.lot = '' or b.lot = r.lot) and (r.serial = '' or b.serial = r.serial))
    )
    update reservations set status = 'not_available', updated_at = ${now}
    where id in (select id from short)
    returning id`.execute(trx);
  return rows.map((r) => String(r.id));
}
