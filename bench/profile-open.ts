// Profiling aid for the counting phases (not part of `npm run bench`): loads the demo data into a fresh
// PostgreSQL schema, generates the lists, then opens and imports them with every statement timed, and prints
// the statements that took the most time in total (normalised text, calls, total ms); `--profile generate,open`
// picks the phases. Use it before
// EXPLAIN ANALYZE-ing a statement by hand.
//
//   DATABASE_URL=… npx tsx bench/profile-open.ts [--positions 100000] [--profile open,report] [--until report] [--keep]
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../src/services/context.js';
import { openRuntime } from '../src/services/runtime.js';
import { preparingPool } from '../src/storage/prepared.js';
import type { Database } from '../src/storage/schema.js';
import { type BenchEnv, closeLists, generate, load, open, report } from './phases.js';

const { values: args } = parseArgs({
  options: {
    positions: { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
    profile: { type: 'string', default: 'open,report' }, // the phases to time statement by statement
    until: { type: 'string', default: 'closeLists' }, // the last phase to run (with --keep: the state it leaves)
  },
});
const profiled = new Set(args.profile.split(','));
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const positions = Number(args.positions);
const schema = `prof_${randomBytes(4).toString('hex')}`;
const runtime = await openRuntime({ url, schema, poolSize: 4 });
const stats = new Map<string, { calls: number; ms: number }>();
let recording = false;
const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: preparingPool(pool) }),
  plugins: [new CamelCasePlugin({ underscoreBeforeDigits: true })],
  log(e) {
    if (!recording) return;
    const key = e.query.sql.replace(/\s+/g, ' ').slice(0, 220);
    const s = stats.get(key) ?? { calls: 0, ms: 0 };
    s.calls++;
    s.ms += e.queryDurationMillis;
    stats.set(key, s);
  },
});
const ctx = { ...runtime.ctx, db };
const env: BenchEnv = {
  ctx,
  admin: SYSTEM_ACTOR,
  items: Math.round(positions / 10),
  positions,
  seed: 1,
  listSize: 500,
  log: (l) => process.stderr.write(`${l}\n`),
  state: {},
};
try {
  for (const phase of [load, generate, open, report, closeLists]) {
    recording = profiled.has(phase.name);
    stats.clear();
    const t = performance.now();
    await phase.run(env);
    const total = performance.now() - t;
    if (!recording) {
      if (phase.name === args.until) break;
      continue;
    }
    console.log(`\n== ${phase.name}: ${(total / 1000).toFixed(2)} s`);
    for (const [k, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8))
      console.log(`${s.ms.toFixed(0).padStart(7)} ms ${String(s.calls).padStart(5)}× ${k}`);
    if (phase.name === args.until) break;
  }
} finally {
  await db.destroy();
  await runtime.close();
  if (!args.keep) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  } else console.log(`kept schema ${schema}`);
}
