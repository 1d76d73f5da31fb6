// `npx tsx bench/item-search.ts [--db pglite|postgres] [--items N] [--queries Q] [--json FILE] [--keep]`
// Item search on a realistic catalogue: N items loaded through the CSV import (the path users take, search
// terms included) plus one EAN-13 search code per item, then Q queries per kind through the API's service
// (listItems, first page of 50, as a counter) with varied texts. Reports ms per query (p50/p95/max) and the
// average hits on the first page. PGlite: a temp directory; postgres: a throw-away schema on DATABASE_URL.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { gtinCheckDigit } from '../src/domain/barcode/gtin.js';
import type { Actor } from '../src/services/context.js';
import { SYSTEM_ACTOR } from '../src/services/context.js';
import { importItemsCsv, importSearchCodesCsv } from '../src/services/items/item-import.service.js';
import { type ItemFilter, listItems } from '../src/services/items/item-search.service.js';
import { openRuntime } from '../src/services/runtime.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    items: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '200' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const n = Number(args.items);
const perKind = Number(args.queries);
const url = process.env.DATABASE_URL;
if (args.db === 'postgres' && !url) throw new Error('--db postgres needs DATABASE_URL');
const log = (m: string) => process.stderr.write(`${m}\n`);

// Deterministic catalogue: the same items on both engines.
let seed = 42;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const MATERIAL = [
  'steel',
  'stainless',
  'galvanized',
  'brass',
  'copper',
  'aluminium',
  'nylon',
  'zinc-plated',
  'carbon',
  'titanium',
];
const KIND = [
  'bolt',
  'nut',
  'washer',
  'screw',
  'rivet',
  'anchor',
  'bracket',
  'hinge',
  'spring',
  'gasket',
  'bearing',
  'flange',
  'valve',
  'coupling',
  'clamp',
  'pin',
  'bushing',
  'seal',
  'fitting',
  'hose',
];
const SHAPE = ['hex', 'round', 'flat', 'countersunk', 'pan', 'socket', 'square', 'flanged', 'slotted', 'threaded'];
const code = (i: number) => `ART-${String(i).padStart(7, '0')}`;
const ean = (i: number) => {
  const body = `80${String(100_000_000 + i * 7).padStart(10, '0')}`;
  return `${body}${gtinCheckDigit(body)}`;
};
const descriptions: string[] = [];

const schema = `bench_${randomBytes(5).toString('hex')}`;
const dir = args.db === 'pglite' ? mkdtempSync(path.join(os.tmpdir(), 'inventur-search-')) : '';
const rt =
  args.db === 'postgres' ? await openRuntime({ url: url!, schema, poolSize: 2 }) : await openRuntime({ dataDir: dir });
const counter: Actor = { userId: '0', username: 'bench', role: 'counter', siteId: null };

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return { p50: +at(0.5).toFixed(2), p95: +at(0.95).toFixed(2), max: +s[s.length - 1]!.toFixed(2) };
}

async function measure(name: string, texts: () => string, filter: Omit<ItemFilter, 'q' | 'limit' | 'offset'>) {
  for (let i = 0; i < 5; i++) await listItems(rt.ctx, counter, { ...filter, q: texts(), limit: 50, offset: 0 }); // warm-up
  const ms: number[] = [];
  let hits = 0;
  for (let i = 0; i < perKind; i++) {
    const q = texts();
    const t = performance.now();
    const page = await listItems(rt.ctx, counter, { ...filter, q, limit: 50, offset: 0 });
    ms.push(performance.now() - t);
    hits += page.items.length;
  }
  const r = { kind: name, ...filter, ...stats(ms), avgHitsOnFirstPage: +(hits / perKind).toFixed(1) };
  log(
    `${name.padEnd(30)} p50 ${String(r.p50).padStart(7)} ms  p95 ${String(r.p95).padStart(7)} ms  hits ${r.avgHitsOnFirstPage}`,
  );
  return r;
}

try {
  await rt.ctx.db
    .insertInto('units')
    .values([{ code: 'PZ', decimals: 0 }])
    .execute();
  const items = ['code,description,primaryUnit'];
  const codes = ['itemCode,code,unit'];
  for (let i = 1; i <= n; i++) {
    const d =
      `${pick(MATERIAL)} ${pick(SHAPE)} ${pick(KIND)} M${4 + Math.floor(rnd() * 20)} type ${1 + Math.floor(rnd() * 99_999)}`.slice(
        0,
        40,
      );
    descriptions.push(d);
    items.push(`${code(i)},${d},PZ`);
    codes.push(`${code(i)},${ean(i)},PZ`);
  }
  let t = performance.now();
  const imported = await importItemsCsv(rt.ctx, SYSTEM_ACTOR, `${items.join('\n')}\n`);
  const sc = await importSearchCodesCsv(rt.ctx, SYSTEM_ACTOR, `${codes.join('\n')}\n`);
  if (imported.imported !== n || sc.imported !== n)
    throw new Error(`load failed: ${imported.rejected.length + sc.rejected.length} rows rejected`);
  await sql`analyze`.execute(rt.ctx.db);
  const loadSeconds = +((performance.now() - t) / 1000).toFixed(1);
  log(`${args.db}: ${n} items + ${n} search codes loaded in ${loadSeconds} s; ${perKind} queries per kind`);
  t = performance.now();
  const item = () => 1 + Math.floor(rnd() * n);
  const word = () => {
    const w = pick(descriptions).split(' ');
    return w[Math.floor(rnd() * w.length)]!;
  };
  const infix = () => {
    const w = word().replace(/[^a-z]/g, '') || 'bolt';
    const len = Math.min(w.length, 3 + Math.floor(rnd() * 3));
    const at = Math.floor(rnd() * (w.length - len + 1));
    return w.slice(at, at + len);
  };
  const results = [
    await measure('code prefix', () => code(item()).slice(0, 7 + Math.floor(rnd() * 5)), {
      match: 'prefix',
      field: 'code',
    }),
    await measure('code exact', () => code(item()), { match: 'prefix', field: 'code' }),
    await measure('search code prefix (EAN)', () => ean(item()).slice(0, 8 + Math.floor(rnd() * 5)), {
      match: 'prefix',
      field: 'searchCode',
    }),
    await measure('search code exact (EAN)', () => ean(item()), { match: 'prefix', field: 'searchCode' }),
    await measure('any field prefix', () => (rnd() < 0.5 ? code(item()).slice(0, 9) : ean(item()).slice(0, 10)), {
      match: 'prefix',
      field: 'any',
    }),
    await measure('description word (contains)', () => word().slice(0, 3 + Math.floor(rnd() * 4)), {
      match: 'contains',
      field: 'description',
    }),
    await measure('description rare word (contains)', () => String(1 + Math.floor(rnd() * 99_999)), {
      match: 'contains',
      field: 'description',
    }),
    await measure('any field word (contains)', () => word().slice(0, 4), { match: 'contains', field: 'any' }),
    await measure('description substring', infix, { match: 'substring', field: 'description' }),
    await measure('description rare substring', () => `pe ${1 + Math.floor(rnd() * 99_999)}`, {
      match: 'substring',
      field: 'description',
    }),
    await measure('any field substring', infix, { match: 'substring', field: 'any' }),
  ];
  const report = {
    db: args.db,
    items: n,
    searchCodes: n,
    queriesPerKind: perKind,
    pageSize: 50,
    loadSeconds,
    querySeconds: +((performance.now() - t) / 1000).toFixed(1),
    results,
  };
  if (args.json) writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
  else console.log(JSON.stringify(report, null, 2));
} finally {
  await rt.close();
  if (args.keep) log(`kept: ${dir || `schema ${schema}`}`);
  else if (dir) rmSync(dir, { recursive: true, force: true });
  if (args.db === 'postgres' && !args.keep) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  }
}
