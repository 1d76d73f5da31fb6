// `inventur demo`: a deterministic demo data set — site, owners, users, units, keys, period, inventory
// types, structured/unstructured/virtual warehouses with zones and bins, items with EAN-13 and pack codes,
// lots and serials, and opening stock in the ledger — large enough to benchmark (10^6 positions).
//
// [decision] The demo needs a database without sites and items and refuses any other: demo rows mixed into
// real master data could be counted and posted by mistake, and a second run cannot reuse item codes.
// Use a fresh INVENTUR_DATA_DIR or schema per data set. Users are created through the user service (their
// own transactions, before the rest); everything else is one transaction, so a failed load leaves only the
// site, owners and users behind — and a fresh database is needed again.
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, type Tx, inTransaction, requireRole, today } from '../context.js';
import { createUser } from '../user.service.js';
import { createItemFactsTable } from './demo-items.repository.js';
import { insertItems, makeDemoItems } from './demo-items.js';
import { type DemoIds, createCodeTables, createPlaces } from './demo-master.js';
import { type DemoInput, type DemoPlan, planDemo } from './demo-plan.js';
import { insertValuationsFromBalances } from './demo-stock.repository.js';
import { loadPositions } from './demo-stock.js';
import {
  analyzeTables,
  countDemoRows,
  countSitesAndItems,
  createIndexes,
  dropSecondaryIndexes,
  insertCodeNameRow,
  skipReferenceTriggers,
} from './demo.repository.js';

export type { DemoInput, DemoPlan } from './demo-plan.js';

export const DEMO_SITE = 'DEMO';
export const DEMO_PASSWORDS = { manager: 'demo-manager', counter: 'demo-counter' } as const;
const ITEM_BATCH = 20_000;
export const POSITION_BATCH = 100_000;

export interface DemoProgress {
  step: string;
  done: number;
  total: number;
}

export interface DemoResult {
  plan: DemoPlan;
  siteId: string;
  users: Array<{ username: string; password: string; role: 'manager' | 'counter' }>;
  counts: { warehouses: number; bins: number; items: number; lots: number; positions: number; ledgerEntries: number };
}

export async function loadDemoData(
  ctx: ServiceContext,
  actor: Actor,
  input: DemoInput,
  onProgress: (p: DemoProgress) => void = () => {},
): Promise<DemoResult> {
  requireRole(actor, 'admin');
  const plan = planDemo(input);
  const now = ctx.now();
  const day = today(ctx);
  const year = Number(day.slice(0, 4));
  const periodStart = `${year}-01-01`;
  const days = Math.round((Date.parse(day) - Date.parse(periodStart)) / 86_400_000);

  const base = await inTransaction(ctx, async (trx) => {
    const { sites, items } = await countSitesAndItems(trx);
    if (sites > 0 || items > 0) {
      throw new DomainError(
        'demo.database_not_empty',
        `demo data needs an empty database; this one has ${sites} site(s) and ${items} item(s) — use a fresh INVENTUR_DATA_DIR or schema`,
        {
          params: { sites, items },
        },
      );
    }
    const siteId = await insertCodeNameRow(trx, 'sites', { code: DEMO_SITE, name: 'Demo site', createdAt: now });
    const ownerId = await insertCodeNameRow(trx, 'owners', { code: 'OWN', name: 'Demo company', createdAt: now });
    const consignmentOwnerId = await insertCodeNameRow(trx, 'owners', {
      code: 'CONS',
      name: 'Consignment supplier',
      createdAt: now,
    });
    return { siteId, ownerId, consignmentOwnerId };
  });
  onProgress({ step: 'users', done: 0, total: 1 });
  const users: DemoResult['users'] = [{ username: 'demo.manager', password: DEMO_PASSWORDS.manager, role: 'manager' }];
  const counters = Math.min(10, Math.max(2, plan.structuredWarehouses + plan.unstructuredWarehouses));
  for (let i = 1; i <= counters; i++)
    users.push({ username: `demo.counter${i}`, password: DEMO_PASSWORDS.counter, role: 'counter' });
  const userIds: string[] = [];
  for (const u of users) {
    const created = await createUser(ctx, actor, {
      ...u,
      displayName: u.role === 'manager' ? 'Demo manager' : `Demo counter ${u.username.slice(12)}`,
      siteId: base.siteId,
    });
    userIds.push(created.id);
  }
  const ids: DemoIds = { ...base, managerId: userIds[0]!, counterIds: userIds.slice(1) };

  const counts = await inTransaction(ctx, async (trx) => {
    await skipReferenceTriggers(trx);
    onProgress({ step: 'master data', done: 0, total: 1 });
    await createCodeTables(trx, year);
    await createPlaces(trx, plan, ids, now);
    await createItemFactsTable(trx);
    for (let from = 0; from < plan.items; from += ITEM_BATCH) {
      const to = Math.min(plan.items, from + ITEM_BATCH);
      await insertItems(trx, makeDemoItems(plan, from, to, year), plan.positions, now);
      onProgress({ step: 'items', done: to, total: plan.items });
    }
    await analyzeTables(trx, ['demo_item_facts', 'items']);
    const stock = { plan, ids, now, periodStart, days };
    await withoutSecondaryIndexes(trx, ['stock_ledger', 'stock_balances'], async () => {
      for (let from = 0; from < plan.positions; from += POSITION_BATCH) {
        const to = Math.min(plan.positions, from + POSITION_BATCH);
        await loadPositions(trx, stock, from, to);
        onProgress({ step: 'positions', done: to, total: plan.positions });
      }
    });
    await analyzeTables(trx, ['stock_balances', 'stock_ledger']);
    await insertValuationsFromBalances(trx, ids.siteId, now);
    // The rest of what the load wrote, as pg_restore users are told to do: count-list generation joins
    // bins, zones and warehouses, and without statistics the planner nested-loops over their rows.
    await analyzeTables(trx, [
      'warehouses',
      'zones',
      'bins',
      'lots',
      'item_search_codes',
      'item_search_terms',
      'stock_valuations',
    ]);
    onProgress({ step: 'valuations', done: 1, total: 1 });
    const c = await countDemoRows(trx, ids.siteId);
    return {
      warehouses: c.warehouses,
      bins: c.bins,
      items: plan.items,
      lots: c.lots,
      positions: c.positions,
      ledgerEntries: c.ledgerEntries,
    };
  });
  return { plan, siteId: ids.siteId, users, counts };
}

/**
 * The ledger and balance tables are empty here (the database must be), so their secondary indexes are
 * dropped for the bulk insert and built again from the loaded rows, as a restore does: one sorted build
 * per index instead of a million scattered insertions into each.
 */
async function withoutSecondaryIndexes(trx: Tx, tables: readonly string[], load: () => Promise<void>): Promise<void> {
  const definitions = await dropSecondaryIndexes(trx, tables);
  await load();
  await createIndexes(trx, definitions);
}
