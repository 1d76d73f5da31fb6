// Handheld scan latency: the app on loopback, N counters each on their own open list firing scans
// (EAN-13 carton code + bin + quantity, mode add) over HTTP as fast as they get answers, for S seconds.
// Prints p50/p95/p99 latency and scans per second.
//
//   npx tsx bench/scan-latency.ts [--db pglite|postgres] [--clients 50] [--seconds 10] [--lines 200] [--think-ms 0] [--json FILE]
//
// pglite: an in-memory PGlite; postgres: a throw-away schema on DATABASE_URL. `npm run bench` also calls
// measureScans(env) on its own database after the inventory cycle.
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/api/app.js';
import { makeEan13 } from '../src/domain/barcode/index.js';
import type { ServiceContext } from '../src/services/context.js';
import { openRuntime } from '../src/services/runtime.js';
import type { BenchEnv } from './phases.js';

export interface ScanBenchOptions {
  clients: number;
  seconds: number;
  /** Lines per list (items × bins the counter walks through). */
  lines: number;
  /**
   * A counter's pause between an answer and the next scan. 0 = closed loop at saturation: the figure is
   * then throughput, and latency is mostly queueing (Little's law: 50 clients at X scans/s wait 50/X s).
   * A counter with a handheld needs a second or more per scan, so a paced run shows the latency one sees.
   */
  thinkMs: number;
  log: (line: string) => void;
}

interface Prepared {
  lists: Array<{ listId: string; token: string; scans: Array<{ bin: string; barcode: string }> }>;
}

const now = () => new Date();

/** Master data, an open blind inventory and one open list per counter, written set-based. */
export async function prepare(ctx: ServiceContext, o: ScanBenchOptions): Promise<Prepared> {
  const db = ctx.db;
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const items = Math.max(o.lines, 50);
  const bins = Math.max(Math.ceil(o.lines / 4), 10);
  const site = await db
    .insertInto('sites')
    .values({ code: `SCN${tag}`, name: 'Scan bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const owner = await db
    .insertInto('owners')
    .values({ code: `SCN${tag}`, name: 'Scan bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [code, decimals] of [
    ['PZ', 0],
    ['CT', 0],
  ] as const) {
    await db
      .insertInto('units')
      .values({ code, decimals })
      .onConflict((c) => c.column('code').doNothing())
      .execute();
  }
  const wh = await db
    .insertInto('warehouses')
    .values({ siteId: site.id, code: `W${tag}`, name: 'Scan bench', kind: 'structured' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const zone = await db
    .insertInto('zones')
    .values({
      siteId: site.id,
      warehouseId: wh.id,
      code: 'Z1',
      name: 'Zone',
      organisation: 'places_only',
      structured: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`insert into bins (site_id, warehouse_id, zone_id, code, place, barcode)
    select ${site.id}::bigint, ${wh.id}::bigint, ${zone.id}::bigint, 'B' || lpad(g::text, 5, '0'), lpad(g::text, 5, '0'), 'BC' || ${tag} || g
    from generate_series(1, ${bins}::int) g`.execute(db);
  await sql`insert into items (code, description, primary_unit, created_at, updated_at)
    select 'SCN' || ${tag} || '-' || g, 'Bench item ' || g, 'PZ', now(), now() from generate_series(1, ${items}::int) g`.execute(
    db,
  );
  const itemRows = await db
    .selectFrom('items')
    .select(['id', 'code'])
    .where('code', 'like', `SCN${tag}-%`)
    .orderBy('id')
    .execute();
  // Each item: its main code and an EAN-13 carton code (CT = PZ x 12), the code the counters scan.
  const prefix = String(200000000 + (Number.parseInt(tag, 16) % 99999999)).slice(0, 9);
  const eans = itemRows.map((it, i) => makeEan13(`${prefix}${String(i).padStart(3, '0')}`.slice(0, 12)));
  await db
    .insertInto('itemSearchCodes')
    .values(
      itemRows.flatMap((it, i) => [
        { itemId: it.id, code: it.code, unit: 'PZ', isMain: true },
        { itemId: it.id, code: eans[i]!, unit: 'CT', conversionOp: 'x' as const, conversionFactor: '12' },
      ]),
    )
    .execute();
  const seqCode = `SCN${tag}`;
  await db.insertInto('numberSequences').values({ code: seqCode }).execute();
  const type = await db
    .insertInto('inventoryTypes')
    .values({
      code: `SCN${tag}`,
      method: 'stock_taking_day',
      inventorySequenceCode: seqCode,
      countListSequenceCode: seqCode,
      createdAt: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const inv = await db
    .insertInto('inventories')
    .values({
      siteId: site.id,
      typeId: type.id,
      number: `SCN${tag}`,
      status: 'open',
      ownerId: owner.id,
      fiscalYear: 2026,
      countListSequenceCode: seqCode,
      stockTakingDate: '2026-03-15',
      valuationPrice: 'inventory',
      reportType: 'single',
      singleReportingRequired: false,
      showSystemQuantities: false,
      openedAt: now(),
      createdAt: now(),
      updatedAt: now(),
    })
    .returning(['id', 'ownerId'])
    .executeTakeFirstOrThrow();
  // Counters sign in with a session each; the token's hash is what the sessions table keeps.
  const lists: Prepared['lists'] = [];
  const binRows = await db
    .selectFrom('bins')
    .select(['id', 'barcode'])
    .where('warehouseId', '=', wh.id)
    .orderBy('id')
    .execute();
  for (let c = 0; c < o.clients; c++) {
    const user = await db
      .insertInto('users')
      .values({
        username: `scn${tag.toLowerCase()}-${c}`,
        passwordHash: 'bench',
        role: 'counter',
        siteId: site.id,
        createdAt: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const token = randomBytes(24).toString('base64url');
    await db
      .insertInto('sessions')
      .values({
        tokenHash: createHash('sha256').update(token).digest('hex'),
        userId: user.id,
        createdAt: now(),
        expiresAt: new Date(Date.now() + 86400_000),
      })
      .execute();
    const list = await db
      .insertInto('countLists')
      .values({
        siteId: site.id,
        inventoryId: inv.id,
        number: `L${String(c).padStart(4, '0')}`,
        countType: 'article',
        status: 'open',
        registrationDate: '2026-03-15',
        responsibleUserId: user.id,
        warehouseId: wh.id,
        openedAt: now(),
        createdAt: now(),
        updatedAt: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Counter c walks its own bins (lists do not share positions): line k = item k, bin (c·lines + k) mod bins.
    const scans: Array<{ bin: string; barcode: string }> = [];
    const values = [];
    for (let k = 0; k < o.lines; k++) {
      const item = itemRows[(c * 7 + k) % itemRows.length]!;
      const bin = binRows[(c * o.lines + k) % binRows.length]!;
      values.push({
        siteId: site.id,
        inventoryId: inv.id,
        countListId: list.id,
        lineNo: k + 1,
        itemId: item.id,
        warehouseId: wh.id,
        zoneId: zone.id,
        binId: bin.id,
        ownerId: inv.ownerId,
        targetQuantity: '12',
      });
      scans.push({ bin: bin.barcode!, barcode: eans[(c * 7 + k) % itemRows.length]! });
    }
    await db
      .insertInto('countListItems')
      .values(values)
      .onConflict((oc) => oc.doNothing())
      .execute();
    lists.push({ listId: list.id, token, scans });
  }
  // Fresh rows: let the planner see them (only the tables a scan reads; the bench database may be large).
  await sql`analyze bins, items, item_search_codes, count_lists, count_list_items`.execute(db);
  return { lists };
}

interface LoadResult {
  latencies: number[];
  statuses: Record<string, number>;
  firstError?: string;
}

// The clients run in a worker thread: sharing the server's event loop would count their own JSON and
// socket work as server latency. Plain JavaScript (eval), so the worker needs no TypeScript loader.
const CLIENTS = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, runId, seconds, lists, thinkMs } = workerData;
const latencies = []; const statuses = {}; let firstError;
const deadline = performance.now() + seconds * 1000;
Promise.all(lists.map(async (l, c) => {
  for (let i = 0; performance.now() < deadline; i++) {
    const s = l.scans[i % l.scans.length];
    const body = { clientReportId: runId + '-' + c + '-' + i, bin: s.bin, barcode: s.barcode, quantity: '1', mode: 'add', device: 'bench-' + c };
    const t0 = performance.now();
    const res = await fetch(base + '/api/handheld/lists/' + l.listId + '/scans', {
      method: 'POST', headers: { authorization: 'Bearer ' + l.token, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    const text = await res.text();
    latencies.push(performance.now() - t0);
    const key = res.status === 200 ? JSON.parse(text).status : String(res.status);
    statuses[key] = (statuses[key] || 0) + 1;
    if (res.status !== 200 && firstError === undefined) firstError = text.slice(0, 300);
    if (thinkMs > 0) await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
  }
})).then(() => parentPort.postMessage({ latencies, statuses, firstError }));
`;

function runClients(data: {
  base: string;
  runId: string;
  seconds: number;
  thinkMs: number;
  lists: Prepared['lists'];
}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENTS, { eval: true, workerData: data });
    worker.once('message', (m: LoadResult) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Prepares its own lists on `env.ctx`, serves the app on 127.0.0.1 and measures. */
export async function measureScans(
  env: BenchEnv,
  options: Partial<ScanBenchOptions> = {},
): Promise<Record<string, unknown>> {
  const o: ScanBenchOptions = { clients: 50, seconds: 10, lines: 200, thinkMs: 0, log: env.log, ...options };
  // Clients and server share the machine: a busy one shows in every figure, so the load goes in the result.
  const loadAverage = round(os.loadavg()[0] ?? 0);
  o.log(`scans: preparing ${o.clients} lists of ${o.lines} lines`);
  const prepared = await prepare(env.ctx, o);
  const app = await buildApp(env.ctx, { webRoot: '/nonexistent' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  o.log(
    `scans: ${o.clients} clients for ${o.seconds} s against ${base}${o.thinkMs > 0 ? `, ~${o.thinkMs} ms between scans` : ', no pause'}`,
  );
  const runId = randomBytes(4).toString('hex');
  const started = performance.now();
  let load: LoadResult;
  try {
    load = await runClients({ base, runId, seconds: o.seconds, thinkMs: o.thinkMs, lists: prepared.lists });
  } finally {
    await app.close();
  }
  const { latencies, statuses, firstError } = load;
  const elapsed = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const recorded = await env.ctx.db
    .selectFrom('countReports')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('clientReportId', 'like', `${runId}-%`)
    .executeTakeFirstOrThrow();
  const result: Record<string, unknown> = {
    clients: o.clients,
    thinkMs: o.thinkMs,
    seconds: round(elapsed),
    scans: latencies.length,
    scansPerSecond: round(latencies.length / elapsed),
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? Number.NaN),
    statuses,
    reportsRecorded: Number(recorded.n),
    cores: os.cpus().length,
    loadAverage,
  };
  if (firstError) result.firstError = firstError;
  o.log(`scans: ${JSON.stringify(result)}`);
  return result;
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      db: { type: 'string', default: process.env.DATABASE_URL ? 'postgres' : 'pglite' },
      clients: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '10' },
      lines: { type: 'string', default: '200' },
      'think-ms': { type: 'string', default: '0' },
      json: { type: 'string' },
    },
  });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const url = process.env.DATABASE_URL;
  if (args.db === 'postgres' && !url) throw new Error('--db postgres needs DATABASE_URL');
  const schema = args.db === 'postgres' ? `bench_${randomBytes(4).toString('hex')}` : undefined;
  const runtime =
    args.db === 'postgres'
      ? await openRuntime({ url, schema, poolSize: 10 })
      : await openRuntime({ dataDir: 'memory://' });
  try {
    const env = { ctx: runtime.ctx, log } as unknown as BenchEnv;
    const result = await measureScans(env, {
      clients: Number(args.clients),
      seconds: Number(args.seconds),
      lines: Number(args.lines),
      thinkMs: Number(args['think-ms']),
    });
    const report = { db: args.db, engine: runtime.handle.describe, ...result };
    const json = JSON.stringify(report, null, 2);
    if (args.json) writeFileSync(args.json, `${json}\n`);
    else process.stdout.write(`${json}\n`);
  } finally {
    await runtime.close();
    if (schema && url) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
