// Reservations: open demand holding quantity in a warehouse, narrowed by zone, bin, lot or serial when set.
// Available = on hand − open reservations over the same scope. After stock drops (an inventory close),
// checkReservations marks open reservations that on-hand no longer covers as not_available.
import { sql } from 'kysely';
import { Dec, decText, parseDecimal } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';

export type ReservationStatus = 'open' | 'fulfilled' | 'cancelled' | 'not_available';
export interface Scope {
  itemId: string; warehouseId: string; zoneId?: string | null | undefined; binId?: string | null | undefined;
  lot?: string | undefined; serial?: string | undefined; ownerId: string;
}
export interface NewReservation extends Scope { siteId: string; quantity: string; reference?: string | undefined }
export interface ReservationView {
  id: string; siteId: string; itemId: string; warehouseId: string; zoneId: string | null; binId: string | null; lot: string; serial: string;
  ownerId: string; quantity: string; status: ReservationStatus; reference: string;
}
export interface Availability { onHand: string; reserved: string; available: string }

const COLUMNS = ['id', 'siteId', 'itemId', 'warehouseId', 'zoneId', 'binId', 'lot', 'serial', 'ownerId', 'quantity', 'status', 'reference'] as const;
const view = (r: ReservationView): ReservationView => ({ ...r, quantity: decText(new Dec(r.quantity)) });

/** On hand and reserved over a scope; a missing zone/bin/lot/serial means "any". */
export async function availabilityIn(trx: Tx, s: Scope): Promise<Availability> {
  const zone = s.zoneId ?? null; const bin = s.binId ?? null; const lot = s.lot ?? ''; const serial = s.serial ?? '';
  const { rows } = await sql<{ onHand: string; reserved: string }>`
    select
      (select coalesce(sum(quantity), 0) from stock_balances where item_id = ${s.itemId} and warehouse_id = ${s.warehouseId} and owner_id = ${s.ownerId}
        and (${zone}::bigint is null or zone_id = ${zone}) and (${bin}::bigint is null or bin_id = ${bin})
        and (${lot} = '' or lot = ${lot}) and (${serial} = '' or serial = ${serial})) as on_hand,
      (select coalesce(sum(quantity), 0) from reservations where status = 'open' and item_id = ${s.itemId} and warehouse_id = ${s.warehouseId}
        and owner_id = ${s.ownerId} and (${zone}::bigint is null or zone_id is null or zone_id = ${zone})
        and (${bin}::bigint is null or bin_id is null or bin_id = ${bin})
        and (${lot} = '' or lot = '' or lot = ${lot}) and (${serial} = '' or serial = '' or serial = ${serial})) as reserved`.execute(trx);
  const onHand = new Dec(rows[0]!.onHand); const reserved = new Dec(rows[0]!.reserved);
  return { onHand: decText(onHand), reserved: decText(reserved), available: decText(onHand.minus(reserved)) };
}

export async function createReservation(ctx: ServiceContext, actor: Actor, input: NewReservation): Promise<ReservationView> {
  requireRole(actor, 'manager');
  const quantity = parseDecimal(input.quantity, 'quantity');
  if (!quantity.gt(0)) throw new DomainError('validation.failed', 'quantity must be positive', { field: 'quantity' });
  if (actor.siteId !== null && actor.siteId !== input.siteId) throw new DomainError('auth.forbidden', `you work for site ${actor.siteId}`, { field: 'siteId' });
  return inTransaction(ctx, async (trx) => {
    const wh = found(await trx.selectFrom('warehouses').select(['id', 'siteId', 'code']).where('id', '=', input.warehouseId).executeTakeFirst(), `warehouse ${input.warehouseId}`, 'warehouseId');
    if (wh.siteId !== input.siteId) throw new DomainError('validation.failed', `warehouse ${wh.code} belongs to another site`, { field: 'warehouseId' });
    // Serialise reservations of one item so two requests cannot both take the last pieces.
    await trx.selectFrom('items').select('id').where('id', '=', input.itemId).forUpdate().executeTakeFirst()
      .then((r) => found(r, `item ${input.itemId}`, 'itemId'));
    const a = await availabilityIn(trx, input);
    if (new Dec(a.available).lt(quantity)) {
      throw new DomainError('ledger.not_available', `only ${a.available} available (on hand ${a.onHand}, reserved ${a.reserved}); ${decText(quantity)} requested`, {
        field: 'quantity', params: { ...a, requested: decText(quantity) },
      });
    }
    const now = ctx.now();
    return view(await trx.insertInto('reservations').values({
      siteId: input.siteId, itemId: input.itemId, warehouseId: input.warehouseId, zoneId: input.zoneId ?? null, binId: input.binId ?? null,
      lot: input.lot ?? '', serial: input.serial ?? '', ownerId: input.ownerId, quantity: decText(quantity), reference: input.reference ?? '',
      createdAt: now, updatedAt: now,
    }).returning(COLUMNS).executeTakeFirstOrThrow());
  });
}

async function setStatus(ctx: ServiceContext, actor: Actor, id: string, to: 'fulfilled' | 'cancelled'): Promise<ReservationView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const r = found(await trx.selectFrom('reservations').select(COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst(), `reservation ${id}`, 'id');
    if (actor.siteId !== null && r.siteId !== actor.siteId) throw new DomainError('not_found', `reservation ${id} not found`, { field: 'id' });
    // Cancelling is allowed from not_available too (the demand is dropped); fulfilling needs the quantity.
    const from: ReservationStatus[] = to === 'cancelled' ? ['open', 'not_available'] : ['open'];
    if (!from.includes(r.status)) {
      throw new DomainError('conflict.concurrent_update', `reservation ${id} is ${r.status} and cannot become ${to}`, { field: 'id', params: { status: r.status } });
    }
    return view(await trx.updateTable('reservations').set({ status: to, updatedAt: ctx.now() }).where('id', '=', id).returning(COLUMNS).executeTakeFirstOrThrow());
  });
}

export const cancelReservation = (ctx: ServiceContext, actor: Actor, id: string) => setStatus(ctx, actor, id, 'cancelled');
export const fulfilReservation = (ctx: ServiceContext, actor: Actor, id: string) => setStatus(ctx, actor, id, 'fulfilled');

export interface ReservationFilter {
  siteId?: string | undefined; itemId?: string | undefined; warehouseId?: string | undefined; status?: ReservationStatus | undefined;
  limit: number; offset: number;
}

export async function listReservations(ctx: ServiceContext, actor: Actor, f: ReservationFilter): Promise<ReservationView[]> {
  requireRole(actor, 'counter');
  let q = ctx.db.selectFrom('reservations').select(COLUMNS).orderBy('id').limit(f.limit + 1).offset(f.offset);
  const site = actor.siteId ?? f.siteId;
  if (site) q = q.where('siteId', '=', site);
  if (f.itemId) q = q.where('itemId', '=', f.itemId);
  if (f.warehouseId) q = q.where('warehouseId', '=', f.warehouseId);
  if (f.status) q = q.where('status', '=', f.status);
  return (await q.execute()).map(view);
}

/**
 * Marks open reservations that on-hand stock no longer covers as not_available, oldest served first within
 * each scope. Set-based; runs inside the caller's transaction (the inventory close). Returns the ids marked.
 */
export async function checkReservations(trx: Tx, ctx: ServiceContext, filter: { itemIds?: string[] | undefined; warehouseIds?: string[] | undefined } = {}): Promise<string[]> {
  const items = filter.itemIds ?? null; const whs = filter.warehouseIds ?? null;
  const { rows } = await sql<{ id: string }>`
    with r as (
      select id, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id,
        sum(quantity) over (partition by item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id order by id) as needed
      from reservations
      where status = 'open' and (${items}::bigint[] is null or item_id = any(${items}::bigint[]))
        and (${whs}::bigint[] is null or warehouse_id = any(${whs}::bigint[]))
    ), short as (
      select r.id from r
      where r.needed > (select coalesce(sum(b.quantity), 0) from stock_balances b
        where b.item_id = r.item_id and b.warehouse_id = r.warehouse_id and b.owner_id = r.owner_id
          and (r.zone_id is null or b.zone_id = r.zone_id) and (r.bin_id is null or b.bin_id = r.bin_id)
          and (r.lot = '' or b.lot = r.lot) and (r.serial = '' or b.serial = r.serial))
    )
    update reservations set status = 'not_available', updated_at = ${ctx.now()}
    where id in (select id from short)
    returning id`.execute(trx);
  return rows.map((r) => String(r.id));
}
