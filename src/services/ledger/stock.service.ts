// Reading stock: balances by item, place, lot; ledger entries; lots; availability. And rebuilding the balance
// table from the ledger, which is the truth (convention 1): rebuild must give exactly what postings maintained.
// Every read here returns system quantities, so it needs the manager role: blind counting (SPEC §4.2) means a
// counter never receives a target quantity from any endpoint, and a balance IS the target of the position.
// Counters work through the count-list and handheld endpoints, which hide targets on blind inventories.
import { Dec, decText } from '../../domain/decimal.js';
import { type Actor, type ServiceContext, type Tx, inTransaction, requireRole } from '../context.js';
import { requireWarehouseInScope, scopeOf } from '../site-scope.js';
import { type Availability, type Scope, availabilityIn } from './reservations.service.js';
import {
  type BalanceFilter,
  type BalanceView,
  type LedgerEntryView,
  type LedgerFilter,
  type LotView,
  lockBalanceTable,
  rebuildBalancesFromLedger,
  selectBalances,
  selectLedgerEntries,
  selectLots,
} from './stock.repository.js';

export { LEDGER_SORTS } from './stock.repository.js';
export type {
  BalanceFilter,
  BalanceView,
  LedgerEntryView,
  LedgerFilter,
  LedgerSort,
  LotView,
} from './stock.repository.js';

const num = (s: string) => decText(new Dec(s));

export async function listBalances(ctx: ServiceContext, actor: Actor, f: BalanceFilter): Promise<BalanceView[]> {
  requireRole(actor, 'manager');
  const rows = await selectBalances(ctx.db, scopeOf(actor), { ...f, limit: f.limit + 1 });
  return rows.map((r) => ({ ...r, quantity: num(r.quantity) }));
}

export async function listLedgerEntries(
  ctx: ServiceContext,
  actor: Actor,
  f: LedgerFilter,
): Promise<LedgerEntryView[]> {
  // Entries sum up to the balances: as much a system quantity as the balance itself.
  requireRole(actor, 'manager');
  const rows = await selectLedgerEntries(ctx.db, scopeOf(actor), { ...f, limit: f.limit + 1 });
  return rows.map((r) => ({
    ...r,
    quantity: num(r.quantity),
    value: num(r.value),
    unitPrice: num(r.unitPrice),
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}

export async function listLots(
  ctx: ServiceContext,
  actor: Actor,
  f: { itemId?: string | undefined; expiringBy?: string | undefined; limit: number; offset: number },
): Promise<LotView[]> {
  // onHand per lot is a system quantity.
  requireRole(actor, 'manager');
  return (await selectLots(ctx.db, scopeOf(actor), { ...f, limit: f.limit + 1 })).map((r) => ({
    ...r,
    onHand: num(r.onHand),
  }));
}

/** On hand, reserved and available over a place (manager: on hand is a system quantity). */
export async function stockAvailability(ctx: ServiceContext, actor: Actor, scope: Scope): Promise<Availability> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    await requireWarehouseInScope(trx, scopeOf(actor), scope.warehouseId);
    return availabilityIn(trx, scope);
  });
}

/**
 * Recomputes stock_balances.quantity and ever_nonzero from the ledger (all items, or some). Rows the ledger
 * no longer explains drop to 0; positions missing a row get one. Count data (last counted) is kept.
 * Returns the number of rows whose quantity was wrong.
 */
export async function rebuildBalancesIn(trx: Tx, ctx: ServiceContext, itemIds?: string[]): Promise<number> {
  const now = ctx.now();
  // The table lock waits for running postings and holds new ones off, so the ledger cannot move while it is summed.
  await lockBalanceTable(trx);
  return rebuildBalancesFromLedger(trx, now, itemIds ?? null);
}

export async function rebuildBalances(
  ctx: ServiceContext,
  actor: Actor,
  input: { itemIds?: string[] | undefined } = {},
): Promise<{ fixed: number }> {
  requireRole(actor, 'admin');
  return inTransaction(ctx, async (trx) => ({ fixed: await rebuildBalancesIn(trx, ctx, input.itemIds) }));
}
