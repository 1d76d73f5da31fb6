// `inventur demo`: a deterministic demo data set — site, owners, users, units, keys, period, inventory
// types, structured/unstructured/virtual warehouses with zones and bins, items with EAN-13 and pack codes,
// lots and serials, and opening stock in the ledger — large enough to benchmark (10^6 positions).
//
// [decision] The demo needs a database without sites and items and refuses any other: demo rows mixed into
// real master data could be counted and posted by mistake, and a second run cannot reuse item codes.
// Use a fresh INVENTUR_DATA_DIR or schema per data set. Users are created through the user service (their
// own transactions, before the rest); everything else is one transaction, so a failed load leaves only the
// site, owners and users behind — and a fresh database is needed again.
import { type Transaction, sql } from 'kysely';
import { DomainError } from '../../domain/errors.js';
import type { Database } from '../../storage/schema.js';
import { type Actor, type ServiceContext, inTransaction, requireRole, today } from '../context.js';
import { createUser } from '../user.service.js';
import { type DemoIds, createCodeTables, createPlaces } from './demo-master.js';
import { createItemFactsTable, insertItems, makeDemoItems } from './demo-items.js';
import { type DemoInput, type DemoPlan, planDemo } from './demo-plan.js';
import { loadPositions, writeValuations } from './demo-stock.js';

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
    const [sites, items] = await Promise.all([
      trx
        .selectFrom('sites')
        .select((e) => e.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
      trx
        .selectFrom('items')
        .select((e) => e.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    if (Number(sites.n) > 0 || Number(items.n) > 0) {
      throw new DomainError(
        'demo.database_not_empty',
        `demo data needs an empty database; this one has ${sites.n} site(s) and ${items.n} item(s) — use a fresh INVENTUR_DATA_DIR or schema`,
        {
          params: { sites: Number(sites.n), items: Number(items.n) },
        },
      );
    }
    const site = await trx
      .insertInto('sites')
      .values({ code: DEMO_SITE, name: 'Demo site', createdAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const own = await trx
      .insertInto('owners')
      .values({ code: 'OWN', name: 'Demo company', createdAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cons = await trx
      .insertInto('owners')
      .values({ code: 'CONS', name: 'Consignment supplier', createdAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { siteId: site.id, ownerId: own.id, consignmentOwnerId: cons.id };
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
    // Statistics for the tables just filled in this transaction: without them the planner believes they
    // are empty and picks nested loops over 10^5–10^6 rows.
    await sql`analyze demo_item_facts`.execute(trx);
    await sql`analyze items`.execute(trx);
    const stock = { plan, ids, now, periodStart, days };
    await withoutSecondaryIndexes(trx, ['stock_ledger', 'stock_balances'], async () => {
      for (let from = 0; from < plan.positions; from += POSITION_BATCH) {
        const to = Math.min(plan.positions, from + POSITION_BATCH);
        await loadPositions(trx, stock, from, to);
        onProgress({ step: 'positions', done: to, total: plan.positions });
      }
    });
    await sql`analyze stock_balances`.execute(trx);
    await sql`analyze stock_ledger`.execute(trx);
    await writeValuations(trx, ids.siteId, now);
    // The rest of what the load wrote, as pg_restore users are told to do: count-list generation joins
    // bins, zones and warehouses, and with no statistics it nested-looped 10,000 positions for seconds.
    for (const table of [
      'warehouses',
      'zones',
      'bins',
      'lots',
      'item_search_codes',
      'item_search_terms',
      'stock_valuations',
    ] as const) {
      await sql`analyze ${sql.table(table)}`.execute(trx);
    }
    onProgress({ step: 'valuations', done: 1, total: 1 });
    const count = async (table: 'warehouses' | 'bins' | 'stock_balances' | 'stock_ledger') =>
      Number(
        (
          await sql<{
            n: string;
          }>`select count(*) as n from ${sql.table(table)} where site_id = ${ids.siteId}::bigint`.execute(trx)
        ).rows[0]!.n,
      );
    const lots = await trx
      .selectFrom('lots')
      .select((e) => e.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return {
      warehouses: await count('warehouses'),
      bins: await count('bins'),
      items: plan.items,
      lots: Number(lots.n),
      positions: await count('stock_balances'),
      ledgerEntries: await count('stock_ledger'),
    };
  });
  return { plan, siteId: ids.siteId, users, counts };
}

/**
 * Foreign keys are checked by a trigger per row and key — 8 lookups per ledger row, most of the load time.
 * Every reference the loader writes comes from a join with the rows it has just created (the test checks
 * them all), so, as pg_restore does, the bulk load runs with `session_replication_role = replica`, which
 * skips those triggers; unique and check constraints still apply. Needs a superuser (PGlite always is);
 * otherwise the triggers simply run.
 */
/**
 * The ledger and balance tables are empty here (the database must be), so their secondary indexes are
 * dropped for the bulk insert and built again from the loaded rows, as a restore does: one sorted build
 * per index instead of a million scattered insertions into each. Unique and primary-key indexes stay —
 * they are constraints. The definitions come from the catalogue, so the migrations stay their one source.
 */
async function withoutSecondaryIndexes(
  trx: Transaction<Database>,
  tables: readonly string[],
  load: () => Promise<void>,
): Promise<void> {
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    select i.indexname, i.indexdef from pg_indexes i
    join pg_class c on c.relname = i.indexname and c.relnamespace = (select oid from pg_namespace where nspname = i.schemaname)
    join pg_index x on x.indexrelid = c.oid
    where i.schemaname = current_schema() and i.tablename = any(${[...tables]}::text[]) and not x.indisunique and not x.indisprimary
    order by i.indexname`.execute(trx);
  for (const r of rows) {
    if (!/^[a-z0-9_]+$/.test(r.indexname)) throw new Error(`unexpected index name ${r.indexname}`);
    await sql.raw(`drop index "${r.indexname}"`).execute(trx);
  }
  await load();
  for (const r of rows) await sql.raw(r.indexdef).execute(trx);
}

async function skipReferenceTriggers(trx: Transaction<Database>): Promise<void> {
  const su = await sql<{ su: string }>`select current_setting('is_superuser') as su`.execute(trx);
  if (su.rows[0]?.su === 'on') await sql`set local session_replication_role = replica`.execute(trx);
}
