// Lots and serials (seed 002 "Lotti/matricole"): lot classes that generate lot codes (prefix + date part +
// counter), serial classes, and — for the ledger at issue time — lot proposals in the item's consumption
// order and availability checks. proposeLots / checkAvailability take the caller's transaction and do no
// authorisation: the ledger calls them inside its own use case.
import { Dec, parseDecimal } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import { type LotDatePattern, formatCounter, makeLotCode } from '../../domain/items/coding.js';
import {
  type Availability,
  type LotProposal,
  type LotStock,
  judgeAvailability,
  proposeLots as planLots,
} from '../../domain/items/lots.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole, today } from '../context.js';
import { mapDbErrors } from '../places/support.js';
import { loadLotStock } from '../ledger/lot-stock.js';
import { requireWarehouseInScope, scopeOf } from '../site-scope.js';
import { findItem } from './item.repository.js';
import {
  insertLotClass,
  insertLotIfNew,
  insertSerialClass,
  selectLotClasses,
  selectSerialClasses,
  sumOnHandAndReserved,
  takeLotClassNumber,
  takeSerialClassNumbers,
} from './lot.repository.js';

export interface LotClassInput {
  code: string;
  description?: string | undefined;
  prefix?: string | undefined;
  datePattern?: LotDatePattern | undefined;
  width?: number | undefined;
}
export interface LotClassView {
  code: string;
  description: string;
  prefix: string;
  datePattern: LotDatePattern;
  width: number;
  nextValue: string;
}
export interface SerialClassInput {
  code: string;
  description?: string | undefined;
  prefix?: string | undefined;
  width?: number | undefined;
}
export interface SerialClassView {
  code: string;
  description: string;
  prefix: string;
  width: number;
  nextValue: string;
}

export async function listLotClasses(ctx: ServiceContext, actor: Actor): Promise<LotClassView[]> {
  requireRole(actor, 'counter');
  return (await selectLotClasses(ctx.db)).map((r) => ({
    ...r,
    nextValue: String(r.nextValue),
  }));
}

export async function createLotClass(ctx: ServiceContext, actor: Actor, input: LotClassInput): Promise<LotClassView> {
  requireRole(actor, 'manager');
  const c = { prefix: input.prefix ?? '', datePattern: input.datePattern ?? 'none', width: input.width ?? 4 };
  // A lot code must fit lots.code: try the longest date part with the largest counter.
  makeLotCode(c, '2099-12-31', 10n ** BigInt(c.width) - 1n);
  return mapDbErrors(
    { unique: { lot_classes_pkey: { field: 'code', message: `lot class ${input.code} already exists` } } },
    () =>
      inTransaction(ctx, async (trx) => {
        const r = await insertLotClass(trx, { code: input.code, description: input.description ?? '', ...c });
        return { ...r, nextValue: String(r.nextValue) };
      }),
  );
}

export async function listSerialClasses(ctx: ServiceContext, actor: Actor): Promise<SerialClassView[]> {
  requireRole(actor, 'counter');
  return (await selectSerialClasses(ctx.db)).map((r) => ({
    ...r,
    nextValue: String(r.nextValue),
  }));
}

export async function createSerialClass(
  ctx: ServiceContext,
  actor: Actor,
  input: SerialClassInput,
): Promise<SerialClassView> {
  requireRole(actor, 'manager');
  const c = { prefix: input.prefix ?? '', width: input.width ?? 8 };
  formatCounter(c.prefix, c.width, 1n, 'serial class', 40);
  if (c.prefix.length + c.width > 40)
    throw new DomainError('validation.failed', 'prefix and width exceed the 40 characters of a serial number', {
      field: 'width',
    });
  return mapDbErrors(
    { unique: { serial_classes_pkey: { field: 'code', message: `serial class ${input.code} already exists` } } },
    () =>
      inTransaction(ctx, async (trx) => {
        const r = await insertSerialClass(trx, { code: input.code, description: input.description ?? '', ...c });
        return { ...r, nextValue: String(r.nextValue) };
      }),
  );
}

export interface NewLotInput {
  date?: string | undefined;
  expiryDate?: string | null | undefined;
  productionDate?: string | null | undefined;
}
export interface LotView {
  id: string;
  itemId: string;
  code: string;
  expiryDate: string | null;
  productionDate: string | null;
}

/** Generates the next lot code of the item's lot class (date part from `date`, default today) and records the lot. */
export async function generateLot(
  ctx: ServiceContext,
  actor: Actor,
  itemId: string,
  input: NewLotInput,
): Promise<LotView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const item = found(await findItem(trx, itemId), `item ${itemId}`);
    if (item.lotManagement === 'no')
      throw new DomainError('item.lot_not_allowed', `item ${item.code} is not managed by lots`, { field: 'itemId' });
    const lotClass = item.lotClass;
    if (lotClass === null)
      throw new DomainError('lot.class_required', `item ${item.code} has no lot class to generate lot codes`, {
        field: 'lotClass',
      });
    if (input.expiryDate && input.productionDate && input.expiryDate < input.productionDate) {
      throw new DomainError('validation.failed', 'expiryDate is before productionDate', { field: 'expiryDate' });
    }
    const date = input.date ?? input.productionDate ?? today(ctx);
    for (let attempt = 0; attempt < 1000; attempt++) {
      const c = (await takeLotClassNumber(trx, lotClass))!;
      const code = makeLotCode(c, date, c.first);
      // A lot received by hand under the same code is skipped, not reused.
      const inserted = await insertLotIfNew(trx, {
        itemId,
        code,
        expiryDate: input.expiryDate ?? null,
        productionDate: input.productionDate ?? null,
        createdAt: ctx.now(),
      });
      if (inserted) return inserted;
    }
    throw new DomainError(
      'coding.sequence_exhausted',
      `lot class ${lotClass} produced 1000 lot codes in a row that exist`,
      { field: 'lotClass' },
    );
  });
}

/** Reserves `count` serial numbers of the item's serial class; they become stock when received. */
export async function generateSerials(
  ctx: ServiceContext,
  actor: Actor,
  itemId: string,
  count: number,
): Promise<string[]> {
  requireRole(actor, 'manager');
  if (!Number.isInteger(count) || count < 1 || count > 10_000)
    throw new DomainError('validation.failed', 'count must be 1–10000', { field: 'count' });
  return inTransaction(ctx, async (trx) => {
    const item = found(await findItem(trx, itemId), `item ${itemId}`);
    if (!item.serialManagement)
      throw new DomainError('item.serial_not_allowed', `item ${item.code} is not managed by serial numbers`, {
        field: 'itemId',
      });
    const serialClass = item.serialClass;
    if (serialClass === null)
      throw new DomainError('lot.class_required', `item ${item.code} has no serial class`, { field: 'serialClass' });
    const c = (await takeSerialClassNumbers(trx, serialClass, count))!;
    return Array.from({ length: count }, (_, i) =>
      formatCounter(c.prefix, c.width, c.first + BigInt(i), `serial class ${serialClass}`, 40),
    );
  });
}

/**
 * Stock per lot of an item in a warehouse (all zones, bins and owners), less open reservations of the lot,
 * read by the ledger's own loader so "first receipt" and "reserved" mean what automatic consumption reads.
 */
export async function lotStock(trx: Tx, itemId: string, warehouseId: string): Promise<LotStock[]> {
  const { positions, reserved } = await loadLotStock(trx, [itemId], [warehouseId]);
  const byLot = new Map<string, LotStock>();
  for (const p of positions) {
    const cur = byLot.get(p.lot);
    if (cur) cur.available = cur.available.plus(p.quantity);
    else
      byLot.set(p.lot, { lot: p.lot, available: p.quantity, expiryDate: p.expiryDate, firstReceipt: p.firstReceipt });
  }
  for (const r of reserved) {
    const lot = byLot.get(r.lot);
    if (lot) lot.available = lot.available.minus(r.quantity);
  }
  return [...byLot.values()];
}

export interface ProposeInput {
  itemId: string;
  warehouseId: string;
  quantity: string;
  postingDate: string;
}

/**
 * Which lots to issue `quantity` (primary unit, positive) from, in the item's consumption order (FIFO /
 * FEFO / LEFO), skipping lots expired at the posting date under FEFO/LEFO. A shortfall is reported, not
 * thrown: the caller decides (the availability check says whether it may post anyway).
 */
export async function proposeLots(
  trx: Tx,
  _ctx: ServiceContext,
  input: ProposeInput,
): Promise<LotProposal & { consumption: string }> {
  const qty = parseDecimal(input.quantity, 'quantity');
  if (!qty.gt(0))
    throw new DomainError('validation.failed', 'quantity to issue must be positive', { field: 'quantity' });
  const item = found(await findItem(trx, input.itemId), `item ${input.itemId}`, 'itemId');
  if (item.lotManagement === 'no')
    throw new DomainError('item.lot_not_allowed', `item ${item.code} is not managed by lots`, { field: 'itemId' });
  return {
    ...planLots(await lotStock(trx, input.itemId, input.warehouseId), qty, item.lotConsumption, input.postingDate),
    consumption: item.lotConsumption,
  };
}

export interface AvailabilityInput {
  itemId: string;
  warehouseId: string;
  quantity: string;
  lot?: string | undefined;
}

/**
 * Availability = on hand − open reservations in the warehouse (per lot when `lot` is given, judged by the
 * item's lot availability check; otherwise by its availability check). Returns the outcome; the ledger
 * throws ledger.not_available on `blocked` (see requireAvailable).
 */
export async function checkAvailability(
  trx: Tx,
  _ctx: ServiceContext,
  input: AvailabilityInput,
): Promise<Availability> {
  const qty = parseDecimal(input.quantity, 'quantity');
  const item = found(await findItem(trx, input.itemId), `item ${input.itemId}`, 'itemId');
  const lot = input.lot ?? null;
  const r = await sumOnHandAndReserved(trx, input.itemId, input.warehouseId, lot);
  return judgeAvailability(
    lot === null ? item.availabilityCheck : item.lotAvailabilityCheck,
    new Dec(r.onHand),
    new Dec(r.reserved),
    qty,
  );
}

/** checkAvailability that throws on a blocking shortage; a warning is returned for the caller to show. */
export async function requireAvailable(trx: Tx, ctx: ServiceContext, input: AvailabilityInput): Promise<Availability> {
  const a = await checkAvailability(trx, ctx, input);
  if (a.outcome === 'blocked') {
    throw new DomainError(
      'ledger.not_available',
      `only ${a.available} available${input.lot ? ` in lot ${input.lot}` : ''}, ${a.requested} requested`,
      {
        field: 'quantity',
        params: { ...a, ...(input.lot ? { lot: input.lot } : {}) },
      },
    );
  }
  return a;
}

/**
 * API wrappers, read-only. Both answer with quantities on hand, which counters must not see (a blind
 * inventory hides system quantities from them everywhere, SPEC §4.2): manager role, and a warehouse of the
 * manager's own site.
 */
export async function proposeLotsFor(
  ctx: ServiceContext,
  actor: Actor,
  input: Omit<ProposeInput, 'postingDate'> & { postingDate?: string | undefined },
) {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    await requireWarehouseInScope(trx, scopeOf(actor), input.warehouseId);
    return proposeLots(trx, ctx, { ...input, postingDate: input.postingDate ?? today(ctx) });
  });
}
export async function availabilityFor(ctx: ServiceContext, actor: Actor, input: AvailabilityInput) {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    await requireWarehouseInScope(trx, scopeOf(actor), input.warehouseId);
    return checkAvailability(trx, ctx, input);
  });
}
