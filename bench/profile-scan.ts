// Profiling aid (not part of `npm run bench`): one counter's scans through the real HTTP route on a fresh
// PostgreSQL schema, every statement logged with its duration, to see what one scan costs statement by
// statement.   DATABASE_URL=… npx tsx bench/profile-scan.ts [--scans 200]
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/api/app.js';
import { openRuntime } from '../src/services/runtime.js';
import { preparingPool } from '../src/storage/prepared.js';
import type { Database } from '../src/storage/schema.js';
import { prepare } from './scan-latency.js';

const { values: args } = parseArgs({ options: { scans: { type: 'string', default: '200' } } });
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const schema = `profscan_${randomBytes(4).toString('hex')}`;
const runtime = await openRuntime({ url, schema, poolSize: 2 });
const stats = new Map<string, { calls: number; ms: number }>();
let recording = false;
const pool = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` });
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: preparingPool(pool) }),
  plugins: [new CamelCasePlugin({ underscoreBeforeDigits: true })],
  log(e) {
    if (!recording) return;
    const key = e.query.sql.replace(/\s+/g, ' ').slice(0, 160);
    const s = stats.get(key) ?? { calls: 0, ms: 0 };
    s.calls++;
    s.ms += e.queryDurationMillis;
    stats.set(key, s);
  },
});
const ctx = { ...runtime.ctx, db };
try {
  const p = await prepare(ctx, { clients: 1, seconds: 1, lines: 200, thinkMs: 0, log: () => {} });
  const app = await buildApp(ctx);
  const l = p.lists[0]!;
  const n = Number(args.scans);
  recording = true;
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    const s = l.scans[i % l.scans.length]!;
    const res = await app.inject({
      method: 'POST',
      url: `/api/handheld/lists/${l.listId}/scans`,
      headers: { authorization: `Bearer ${l.token}` },
      payload: { clientReportId: `p-${i}`, bin: s.bin, barcode: s.barcode, quantity: '1', mode: 'add' },
    });
    if (res.statusCode !== 200) throw new Error(res.body);
  }
  const total = performance.now() - t;
  const sqlMs = [...stats.values()].reduce((a, s) => a + s.ms, 0);
  const calls = [...stats.values()].reduce((a, s) => a + s.calls, 0);
  console.log(
    `${n} scans: ${(total / n).toFixed(2)} ms per scan, ${(calls / n).toFixed(1)} statements and ${(sqlMs / n).toFixed(2)} ms of SQL per scan`,
  );
  for (const [k, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms))
    console.log(`${(s.ms / n).toFixed(3).padStart(7)} ms ${(s.calls / n).toFixed(1).padStart(4)}× ${k}`);
  await app.close();
} finally {
  await db.destroy();
  await runtime.close();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`drop schema if exists ${schema} cascade`);
  await c.end();
}
