// Reservations: open demand holding quantity in a warehouse, narrowed by zone, bin, lot or serial when set.
// Available = on hand − open reservations over the same scope. After stock drops (an inventory close),
// checkReservations marks open reservations that on-hand no longer covers as not_available.
import { Dec, decText, parseDecimal } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { ALL_SITES, type SiteScope, requireInScope, requireWarehouseInScope, scopeOf } from '../site-scope.js';
import {
  type ReservationRow,
  type ReservationStatus,
  type Scope,
  insertReservation,
  lockItem,
  lockReservation,
  markUncoveredReservations,
  selectReservations,
  setReservationStatus,
  sumOnHandAndReserved,
} from './reservations.repository.js';

export type { ReservationStatus, Scope } from './reservations.repository.js';
export interface NewReservation extends Scope {
  siteId: string;
  quantity: string;
  reference?: string | undefined;
}
export type ReservationView = ReservationRow;
export interface Availability {
  onHand: string;
  reserved: string;
  available: string;
}

const view = (r: ReservationView): ReservationView => ({ ...r, quantity: decText(new Dec(r.quantity)) });

/** On hand and reserved over a scope; a missing zone/bin/lot/serial means "any". */
export async function availabilityIn(trx: Tx, s: Scope): Promise<Availability> {
  const sums = await sumOnHandAndReserved(trx, s);
  const onHand = new Dec(sums.onHand);
  const reserved = new Dec(sums.reserved);
  return { onHand: decText(onHand), reserved: decText(reserved), available: decText(onHand.minus(reserved)) };
}

export async function createReservation(
  ctx: ServiceContext,
  actor: Actor,
  input: NewReservation,
): Promise<ReservationView> {
  requireRole(actor, 'manager');
  const quantity = parseDecimal(input.quantity, 'quantity');
  if (!quantity.gt(0)) throw new DomainError('validation.failed', 'quantity must be positive', { field: 'quantity' });
  const scope = scopeOf(actor);
  requireInScope(scope, input.siteId, `site ${input.siteId}`, 'siteId');
  return inTransaction(ctx, async (trx) => {
    const wh = await requireWarehouseInScope(trx, scope, input.warehouseId);
    if (wh.siteId !== input.siteId)
      throw new DomainError('validation.failed', `warehouse ${wh.code} belongs to another site`, {
        field: 'warehouseId',
      });
    // Serialise reservations of one item so two requests cannot both take the last pieces.
    found(await lockItem(trx, input.itemId), `item ${input.itemId}`, 'itemId');
    const a = await availabilityIn(trx, input);
    if (new Dec(a.available).lt(quantity)) {
      throw new DomainError(
        'ledger.not_available',
        `only ${a.available} available (on hand ${a.onHand}, reserved ${a.reserved}); ${decText(quantity)} requested`,
        {
          field: 'quantity',
          params: { ...a, requested: decText(quantity) },
        },
      );
    }
    return view(
      await insertReservation(trx, {
        siteId: input.siteId,
        itemId: input.itemId,
        warehouseId: input.warehouseId,
        zoneId: input.zoneId ?? null,
        binId: input.binId ?? null,
        lot: input.lot ?? '',
        serial: input.serial ?? '',
        ownerId: input.ownerId,
        quantity: decText(quantity),
        reference: input.reference ?? '',
        now: ctx.now(),
      }),
    );
  });
}

async function setStatus(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  to: 'fulfilled' | 'cancelled',
): Promise<ReservationView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const r = found(await lockReservation(trx, scopeOf(actor), id), `reservation ${id}`, 'id');
    // Cancelling is allowed from not_available too (the demand is dropped); fulfilling needs the quantity.
    const from: ReservationStatus[] = to === 'cancelled' ? ['open', 'not_available'] : ['open'];
    if (!from.includes(r.status)) {
      throw new DomainError('conflict.concurrent_update', `reservation ${id} is ${r.status} and cannot become ${to}`, {
        field: 'id',
        params: { status: r.status },
      });
    }
    return view(await setReservationStatus(trx, id, to, ctx.now()));
  });
}

export const cancelReservation = (ctx: ServiceContext, actor: Actor, id: string) =>
  setStatus(ctx, actor, id, 'cancelled');
export const fulfilReservation = (ctx: ServiceContext, actor: Actor, id: string) =>
  setStatus(ctx, actor, id, 'fulfilled');

export interface ReservationFilter {
  siteId?: string | undefined;
  itemId?: string | undefined;
  warehouseId?: string | undefined;
  status?: ReservationStatus | undefined;
  limit: number;
  offset: number;
}

export async function listReservations(
  ctx: ServiceContext,
  actor: Actor,
  f: ReservationFilter,
): Promise<ReservationView[]> {
  requireRole(actor, 'counter');
  const rows = await selectReservations(ctx.db, scopeOf(actor), {
    siteId: f.siteId,
    itemId: f.itemId,
    warehouseId: f.warehouseId,
    status: f.status,
    limit: f.limit + 1,
    offset: f.offset,
  });
  return rows.map(view);
}

/**
 * Marks open reservations that on-hand stock no longer covers as not_available, oldest served first within
 * each scope. Set-based; runs inside the caller's transaction (the inventory close). Returns the ids marked.
 */
export async function checkReservations(
  trx: Tx,
  ctx: ServiceContext,
  filter: { itemIds?: string[] | undefined; warehouseIds?: string[] | undefined } = {},
  scope: SiteScope = ALL_SITES,
): Promise<string[]> {
  return markUncoveredReservations(trx, ctx.now(), scope, filter);
}

/** The manager's check (POST /api/reservations/check): the reservations of their own site only. */
export async function checkReservationsFor(
  ctx: ServiceContext,
  actor: Actor,
  filter: { itemIds?: string[] | undefined; warehouseIds?: string[] | undefined } = {},
): Promise<string[]> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, (trx) => checkReservations(trx, ctx, filter, scopeOf(actor)));
}
