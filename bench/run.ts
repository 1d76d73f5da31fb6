// `npm run bench -- [--db pglite|postgres] [--positions N] [--items N] [--list-size N] [--seed S] [--scan-seconds S] [--json FILE] [--keep]`
// Creates a fresh database (a PGlite temp directory, or a throw-away schema on DATABASE_URL), loads the
// demo data with N stock positions, measures the bare-SQL floors, then times each phase of phases.ts
// through the services, with its peak RSS. Prints a table and optionally writes the JSON report.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../src/services/context.js';
import { openRuntime, type Runtime } from '../src/services/runtime.js';
import { type Floors, measureFloors } from './floor.js';
import { machineFacts } from './machine.js';
import { measurePgbench } from './pgbench.js';
import { type BenchEnv, PHASES } from './phases.js';
import { compareWithReference } from './reference.js';
import { RssSampler } from './rss.js';
import { runScans } from './scans.js';

export interface PhaseReport {
  name: string;
  seconds: number | null;
  rows: number | null;
  rowsPerSecond: number | null;
  floorSeconds?: number;
  ratioToFloor?: number;
  peakRssMb: number | null;
  skipped?: string;
  error?: string;
  detail?: Record<string, unknown>;
}

function positiveInt(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^[0-9]+$/.test(v) || Number(v) < 1) throw new Error(`--${name} must be a positive whole number, got "${v}"`);
  return Number(v);
}

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    positions: { type: 'string' },
    items: { type: 'string' },
    seed: { type: 'string' },
    'list-size': { type: 'string' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'scan-seconds': { type: 'string' },
    'no-pgbench': { type: 'boolean', default: false },
  },
});
if (args.db !== 'pglite' && args.db !== 'postgres') throw new Error('--db must be pglite or postgres');
const positions = positiveInt(args.positions, 'positions', 100_000);
const items = positiveInt(args.items, 'items', Math.max(1, Math.round(positions / 10)));
const seed = positiveInt(args.seed, 'seed', 1);
const listSize = positiveInt(args['list-size'], 'list-size', 500);
const scanSeconds = positiveInt(args['scan-seconds'], 'scan-seconds', 20);
const log = (line: string) => process.stderr.write(`${line}\n`);

async function freshDatabase(): Promise<{ runtime: Runtime; where: string; dispose: () => Promise<void> }> {
  if (args.db === 'pglite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'inventur-bench-'));
    const runtime = await openRuntime({ dataDir: dir });
    return {
      runtime,
      where: dir,
      dispose: async () => {
        if (!args.keep) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('--db postgres needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const runtime = await openRuntime({ url, schema, poolSize: 4 });
  return {
    runtime,
    where: `schema ${schema}`,
    dispose: async () => {
      if (args.keep) return;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  const { runtime, where, dispose } = await freshDatabase();
  log(
    `bench: ${args.db} (${where}), ${positions.toLocaleString('en')} positions, ${items.toLocaleString('en')} items, lists of ${listSize}`,
  );
  const report: Record<string, unknown> = { db: args.db, positions, items, seed, listSize };
  try {
    const ctx = runtime.ctx;
    report.machine = await machineFacts(ctx);
    const env: BenchEnv = { ctx, admin: SYSTEM_ACTOR, items, positions, seed, listSize, log, state: {} };
    const phases: PhaseReport[] = [];
    let floors: Floors | undefined;
    let failed: string | null = null;
    for (const phase of PHASES) {
      const blocked = failed ? `${failed} failed` : phase.blockedBy(env.state);
      if (blocked) {
        phases.push({
          name: phase.name,
          seconds: null,
          rows: null,
          rowsPerSecond: null,
          peakRssMb: null,
          skipped: blocked,
        });
        log(`${phase.name}: skipped (${blocked})`);
        continue;
      }
      const rss = new RssSampler();
      rss.start();
      const t = process.hrtime.bigint();
      try {
        const done = await phase.run(env);
        const seconds = done.seconds ?? Number(process.hrtime.bigint() - t) / 1e9;
        const r: PhaseReport = {
          name: phase.name,
          seconds: round(seconds),
          rows: done.rows,
          rowsPerSecond: seconds > 0 ? Math.round(done.rows / seconds) : null,
          peakRssMb: rss.stop(),
        };
        if (done.floors && floors) {
          const f = floors;
          // Floors were measured on all positions; scale them to the rows this phase handled.
          const floorSeconds = done.floors.reduce((a, n) => a + f[n], 0) * (f.rows > 0 ? done.rows / f.rows : 0);
          r.floorSeconds = round(floorSeconds);
          if (floorSeconds > 0) r.ratioToFloor = round(seconds / floorSeconds, 1);
        }
        if (done.detail) r.detail = done.detail;
        phases.push(r);
        log(
          `${phase.name}: ${r.seconds} s, ${done.rows.toLocaleString('en')} rows${r.ratioToFloor !== undefined ? `, ${r.ratioToFloor}× floor` : ''}, peak RSS ${r.peakRssMb} MB`,
        );
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        phases.push({
          name: phase.name,
          seconds: null,
          rows: null,
          rowsPerSecond: null,
          peakRssMb: rss.stop(),
          error: message,
        });
        log(`${phase.name}: FAILED ${message}`);
        failed = phase.name;
      }
      if (phase.name === 'load' && !failed) {
        floors = await measureFloors(ctx);
        report.floors = Object.fromEntries(Object.entries(floors).map(([k, v]) => [k, k === 'rows' ? v : round(v)]));
        log(`floors: ${JSON.stringify(report.floors)}`);
      }
    }
    report.phases = phases;
    const scans = await runScans(env, scanSeconds);
    report.scans = scans;
    // The database's limit for a scan-shaped write, in the same run, on the same server.
    if (args.db === 'postgres' && !args['no-pgbench']) {
      try {
        const floor = await measurePgbench(process.env.DATABASE_URL!, 50, Math.min(scanSeconds, 10));
        if (floor) {
          const perSecond = typeof scans.perSecond === 'number' ? scans.perSecond : null;
          report.pgbench = {
            ...floor,
            scansToPgbench: perSecond === null ? null : round(perSecond / floor.tpsPrepared, 3),
          };
          log(
            `pgbench (50 clients, UPDATE by key + INSERT): ${floor.tpsPrepared} tps prepared, ${floor.tpsSimple} simple; scans reach ${perSecond === null ? '—' : `1/${round(floor.tpsPrepared / perSecond, 1)}`} of it`,
          );
        } else {
          report.pgbench = { skipped: 'pgbench is not installed (apt-get install postgresql-client)' };
          log('pgbench: not installed, skipped');
        }
      } catch (e) {
        report.pgbench = { error: e instanceof Error ? e.message : String(e) };
        log(`pgbench: FAILED ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const paced = (scans.paced as { p50Ms?: number } | undefined)?.p50Ms;
    const vs = compareWithReference(positions, phases, paced);
    if (vs) {
      report.vsTryton = vs;
      log(
        `vs Tryton (reference figures, 10,000 lines): create+fill ${vs.createAndFill ?? '—'}×, enter counts ${vs.enterCounts ?? '—'}×, confirm ${vs.confirm ?? '—'}×, one count ${vs.oneCount ?? '—'}× faster`,
      );
    }
  } finally {
    await runtime.close();
    await dispose();
  }
  const json = JSON.stringify(report, null, 2);
  if (args.json) {
    writeFileSync(args.json, `${json}\n`);
    log(`written ${args.json}`);
  } else {
    process.stdout.write(`${json}\n`);
  }
  const errors = (report.phases as PhaseReport[]).filter((p) => p.error);
  if (errors.length > 0) process.exitCode = 1;
}

await main();
