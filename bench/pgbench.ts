// The database's own limit for a scan-shaped transaction, measured in the same run as the scans: pgbench
// (PostgreSQL's client tools) with 50 clients, each transaction one UPDATE by key and one INSERT — what a
// scan writes at the least. Scans per second are reported against it. Skipped where pgbench is not
// installed (`apt-get install postgresql-client`) or the run is on PGlite.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PgbenchFloor {
  clients: number;
  seconds: number;
  /** Transactions per second, prepared statements (the protocol the server's pool uses). */
  tpsPrepared: number;
  /** The same with simple (unprepared) statements. */
  tpsSimple: number;
  loadAverage: number;
}

const SCRIPT = `\\set id random(1, 100000)
UPDATE bench_pgb_lines SET qty = qty + 1 WHERE id = :id;
INSERT INTO bench_pgb_reports (line_id, qty) VALUES (:id, 1);
`;

async function available(): Promise<boolean> {
  try {
    await run('pgbench', ['--version']);
    return true;
  } catch {
    return false;
  }
}

function tpsOf(out: string): number {
  const m = /tps = ([0-9.]+)/.exec(out);
  if (!m) throw new Error(`pgbench printed no tps:\n${out.slice(-400)}`);
  return Math.round(Number(m[1]));
}

/** Runs pgbench in a throw-away schema of `url`; null when pgbench is not installed. */
export async function measurePgbench(url: string, clients = 50, seconds = 10): Promise<PgbenchFloor | null> {
  if (!(await available())) return null;
  const schema = `bench_pgb_${process.pid}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'inventur-pgbench-'));
  try {
    await client.query(`create schema ${schema}`);
    await client.query(
      `create table ${schema}.bench_pgb_lines (id bigint primary key, qty numeric not null default 0)`,
    );
    await client.query(`insert into ${schema}.bench_pgb_lines select g, 0 from generate_series(1, 100000) g`);
    await client.query(
      `create table ${schema}.bench_pgb_reports (id bigserial primary key, line_id bigint not null, qty numeric not null, at timestamptz not null default now())`,
    );
    await client.query(`analyze ${schema}.bench_pgb_lines`);
    const script = path.join(dir, 'scan.sql');
    writeFileSync(script, SCRIPT);
    const env = { ...process.env, PGOPTIONS: `-c search_path=${schema}` };
    const args = (mode: string) => [
      '-n',
      '-c',
      String(clients),
      '-j',
      '2',
      '-T',
      String(seconds),
      '-M',
      mode,
      '-f',
      script,
      url,
    ];
    const prepared = await run('pgbench', args('prepared'), { env });
    const simple = await run('pgbench', args('simple'), { env });
    return {
      clients,
      seconds,
      tpsPrepared: tpsOf(prepared.stdout),
      tpsSimple: tpsOf(simple.stdout),
      loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
    };
  } finally {
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
