// The benchmark phases, in order. Each is a function over the shared state: it reads what earlier phases
// left (the demo data, the inventory, its lists) and returns the rows it processed and which floors (see
// floor.ts) its work corresponds to. Only the service calls are timed where a phase must first read its
// input (reporting reads the lists it then imports counts for). A phase whose service does not exist or
// whose predecessor failed is reported as skipped with the reason — never with a made-up number.
import { sql } from 'kysely';
import { type Actor, type ServiceContext, today } from '../src/services/context.js';
import { type DemoResult, loadDemoData } from '../src/services/demo/demo.service.js';
import { closeCountLists } from '../src/services/inventory/close.service.js';
import { closeInventory } from '../src/services/inventory/close-inventory.service.js';
import type { StructureLevel } from '../src/domain/inventory/structure.js';
import { generateCountLists } from '../src/services/inventory/generation.service.js';
import { createInventory, startInventory } from '../src/services/inventory/inventory.service.js';
import { openCountLists } from '../src/services/inventory/open.service.js';
import { type ImportRow, importCounts } from '../src/services/inventory/report-import.service.js';
import type { Floors } from './floor.js';

export type FloorName = Exclude<keyof Floors, 'rows'>;

export interface BenchEnv {
  ctx: ServiceContext;
  admin: Actor;
  items: number;
  positions: number;
  seed: number;
  /** Items per count list (the handheld-sized unit of work). */
  listSize: number;
  log: (line: string) => void;
  state: BenchState;
}

export interface BenchState {
  demo?: DemoResult;
  manager?: Actor;
  inventoryId?: string;
  listIds?: string[];
  reported?: boolean;
  listsClosed?: boolean;
}

export interface PhaseDone {
  rows: number;
  /** Timed seconds when only part of the phase is the measured work; otherwise the whole run is timed. */
  seconds?: number;
  floors?: FloorName[];
  detail?: Record<string, unknown>;
}

export interface Phase {
  name: string;
  /** A reason the phase cannot run now, or null. */
  blockedBy(state: BenchState): string | null;
  run(env: BenchEnv): Promise<PhaseDone>;
}

const need = (ok: unknown, what: string) => (ok ? null : `needs ${what}`);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const r = await fn();
  return [r, Number(process.hrtime.bigint() - t) / 1e9];
}

async function countItems(ctx: ServiceContext, inventoryId: string): Promise<number> {
  const r = await sql<{
    n: string;
  }>`select count(*) as n from count_list_items where inventory_id = ${inventoryId}::bigint and not informational`.execute(
    ctx.db,
  );
  return Number(r.rows[0]!.n);
}

export const load: Phase = {
  name: 'load',
  blockedBy: () => null,
  async run(env) {
    let last = 0;
    const demo = await loadDemoData(
      env.ctx,
      env.admin,
      { items: env.items, positions: env.positions, seed: env.seed },
      (p) => {
        if (p.step === 'positions' && p.done - last >= Math.max(100_000, p.total / 10)) {
          last = p.done;
          env.log(`  load: ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')} positions`);
        }
      },
    );
    env.state.demo = demo;
    const m = await env.ctx.db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', '=', 'demo.manager')
      .executeTakeFirstOrThrow();
    env.state.manager = { userId: m.id, username: m.username, role: 'manager', siteId: demo.siteId };
    return { rows: demo.counts.positions, detail: { ...demo.counts } };
  },
};

// Bin lists: warehouse → zone → aisle, a new list per warehouse — a walk through the racks. Article lists
// (unstructured places) know no aisles: warehouse/zone → article.
const ARTICLE_STRUCTURE: StructureLevel[] = [
  { criterion: 'warehouse_zone', newList: true, groupChange: 0 },
  { criterion: 'article', newList: false, groupChange: 0 },
];
const STRUCTURE: StructureLevel[] = [
  { criterion: 'warehouse', newList: true, groupChange: 0 },
  { criterion: 'zone', newList: false, groupChange: 0 },
  { criterion: 'aisle', newList: false, groupChange: 0 },
];

/** A stock-taking-day inventory over the whole site: bin lists for structured zones, article lists for the rest. */
export const generate: Phase = {
  name: 'generate',
  blockedBy: (s) => need(s.demo && s.manager, 'the demo data'),
  async run(env) {
    const { ctx } = env;
    const manager = env.state.manager!;
    const type = await ctx.db
      .selectFrom('inventoryTypes')
      .select('id')
      .where('code', '=', 'STD')
      .executeTakeFirstOrThrow();
    const owner = await ctx.db.selectFrom('owners').select('id').where('code', '=', 'OWN').executeTakeFirstOrThrow();
    const inv = await createInventory(ctx, manager, {
      typeId: type.id,
      ownerId: owner.id,
      stockTakingDate: today(ctx),
      description: 'Benchmark',
      // Valued at the inventory price (≠ the moving average), so closing posts real value adjustments.
      valuationPrice: 'inventory',
    });
    const [[bins, articles], seconds] = await timed(
      async () =>
        [
          await generateCountLists(ctx, manager, inv.id, {
            countType: 'bin',
            stockConsideration: 'occupied_bins',
            maxItemsPerList: env.listSize,
            responsibleOrigin: 'warehouse',
            structure: STRUCTURE,
          }),
          await generateCountLists(ctx, manager, inv.id, {
            countType: 'article',
            stockConsideration: 'all',
            maxItemsPerList: env.listSize,
            responsibleOrigin: 'warehouse',
            structure: ARTICLE_STRUCTURE,
          }),
        ] as const,
    );
    await startInventory(ctx, manager, inv.id);
    env.state.inventoryId = inv.id;
    env.state.listIds = [...bins.lists, ...articles.lists].map((l) => l.id).filter((id): id is string => id !== null);
    return {
      rows: bins.positions + articles.positions,
      seconds,
      floors: ['insertSorted'],
      detail: { lists: env.state.listIds.length },
    };
  },
};

export const open: Phase = {
  name: 'open',
  blockedBy: (s) => need(s.inventoryId && s.listIds?.length, 'generated count lists'),
  async run(env) {
    const outcomes = await openCountLists(env.ctx, env.state.manager!, env.state.listIds!);
    const failed = outcomes.filter((o) => o.status !== 'open');
    if (failed.length > 0)
      throw new Error(
        `${failed.length} of ${outcomes.length} list(s) did not open, first: ${failed[0]!.status} ${failed[0]!.reason ?? ''}`,
      );
    return {
      rows: await countItems(env.ctx, env.state.inventoryId!),
      floors: ['updateAll'],
      detail: { lists: outcomes.length },
    };
  },
};

/**
 * Counts for every item through the bulk import, list by list: 95 % as expected, 5 % off by one (a serial
 * found missing), chosen by item id so every run differs in the same places.
 */
export const report: Phase = {
  name: 'report',
  blockedBy: (s) => need(s.listIds?.length && s.inventoryId, 'opened count lists'),
  async run(env) {
    let seconds = 0;
    let rows = 0;
    for (const listId of env.state.listIds!) {
      const items = await sql<{
        id: string;
        itemId: string;
        warehouseId: string;
        zoneId: string | null;
        binId: string | null;
        lot: string;
        serial: string;
        target: string | null;
      }>`
        select id, item_id as "itemId", warehouse_id as "warehouseId", zone_id as "zoneId", bin_id as "binId", lot, serial, target_quantity as target
        from count_list_items where count_list_id = ${listId}::bigint and not informational and item_id is not null order by line_no`.execute(
        env.ctx.db,
      );
      const counted: ImportRow[] = items.rows.map((r) => {
        const target = Number(r.target ?? 0);
        const off = BigInt(r.id) % 20n === 0n;
        // Integer steps keep the quantity valid in every unit; a serial is either there (1) or not (0).
        const q = !off
          ? (r.target ?? '0')
          : r.serial !== ''
            ? String(1 - target)
            : String(BigInt(r.id) % 40n === 0n || target < 1 ? Math.floor(target) + 1 : Math.floor(target) - 1);
        return {
          itemId: r.itemId,
          warehouseId: r.warehouseId,
          zoneId: r.zoneId,
          binId: r.binId,
          lot: r.lot,
          serial: r.serial,
          quantity: q,
        };
      });
      const [res, s] = await timed(() =>
        importCounts(env.ctx, env.state.manager!, listId, counted, { mode: 'replace', device: 'bench' }),
      );
      seconds += s;
      rows += res.reported;
    }
    env.state.reported = true;
    return { rows, seconds, floors: ['insertSorted', 'updateAll'] };
  },
};

export const closeLists: Phase = {
  name: 'closeLists',
  blockedBy: (s) => need(s.reported, 'reported count lists'),
  async run(env) {
    const outcomes = await closeCountLists(env.ctx, env.state.manager!, env.state.listIds!);
    const failed = outcomes.filter((o) => o.status === 'failed');
    // A partly closed inventory is no figure for "close lists": report why, not a time for mixed work.
    if (failed.length > 0)
      throw new Error(
        `${failed.length} of ${outcomes.length} list(s) did not close, first: ${failed[0]!.error?.code} ${failed[0]!.error?.message}`,
      );
    env.state.listsClosed = true;
    return {
      rows: await countItems(env.ctx, env.state.inventoryId!),
      floors: ['updateAll', 'update5pct', 'insertPostings5pct'],
      detail: {
        lists: outcomes.length,
        postedLines: outcomes.reduce((a, o) => a + o.postedLines, 0),
        withErrors: outcomes.filter((o) => o.status === 'closed_with_errors').length,
      },
    };
  },
};

export const closeInventoryPhase: Phase = {
  name: 'closeInventory',
  blockedBy: (s) => need(s.listsClosed, 'closed count lists'),
  async run(env) {
    const r = await closeInventory(env.ctx, env.state.manager!, env.state.inventoryId!);
    return {
      rows: r.valueAdjustments.length,
      floors: ['insertPostings5pct'],
      detail: { valueAdjustments: r.valueAdjustments.length, parked: r.valueAdjustmentParked },
    };
  },
};

export const PHASES: readonly Phase[] = [load, generate, open, report, closeLists, closeInventoryPhase];
