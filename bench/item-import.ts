// `npx tsx bench/item-import.ts [--db pglite|postgres] [--items N]`
// Times the CSV item import (src/services/item-master/item-import.service.ts) of N generated items into a
// fresh database (PGlite temp dir, or a throw-away schema on DATABASE_URL), then the CSV export. Prints JSON.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../src/services/context.js';
import { exportItemsCsv, importItemsCsv } from '../src/services/items/item-import.service.js';
import { openRuntime } from '../src/services/runtime.js';

const { values: args } = parseArgs({
  options: { db: { type: 'string', default: 'pglite' }, items: { type: 'string', default: '100000' } },
});
const n = Number(args.items);
const url = process.env.DATABASE_URL;
if (args.db === 'postgres' && !url) throw new Error('--db postgres needs DATABASE_URL');
const schema = `bench_${randomBytes(5).toString('hex')}`;
const dir = args.db === 'pglite' ? mkdtempSync(path.join(os.tmpdir(), 'inventur-import-')) : '';
const rt =
  args.db === 'postgres' ? await openRuntime({ url: url!, schema, poolSize: 2 }) : await openRuntime({ dataDir: dir });
try {
  await rt.ctx.db
    .insertInto('units')
    .values([
      { code: 'PZ', decimals: 0 },
      { code: 'S10', decimals: 0 },
    ])
    .execute();
  await rt.ctx.db
    .insertInto('classificationCodes')
    .values({ kind: 'product_group', code: 'G1', description: 'Group' })
    .execute();
  const lines = [
    'code,description,primaryUnit,secondaryUnit,secondaryConversionOp,secondaryConversionFactor,productGroup,standardCost,netWeight,grossWeight',
  ];
  for (let i = 1; i <= n; i++) {
    lines.push(
      `ART-${String(i).padStart(7, '0')},Article ${i} steel bolt M${i % 30},PZ,${i % 3 === 0 ? 'S10,x,10' : ',,'},${i % 2 ? 'G1' : ''},${(i % 997) / 100},0.5,0.6`,
    );
  }
  const csv = `${lines.join('\n')}\n`;
  let t = performance.now();
  const report = await importItemsCsv(rt.ctx, SYSTEM_ACTOR, csv);
  const importSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const exported = await exportItemsCsv(rt.ctx, SYSTEM_ACTOR);
  const exportSeconds = (performance.now() - t) / 1000;
  console.log(
    JSON.stringify({
      db: args.db,
      items: n,
      csvMb: +(csv.length / 1e6).toFixed(1),
      imported: report.imported,
      rejected: report.rejected.length,
      importSeconds: +importSeconds.toFixed(1),
      itemsPerSecond: Math.round(n / importSeconds),
      exportSeconds: +exportSeconds.toFixed(1),
      exportMb: +(exported.length / 1e6).toFixed(1),
    }),
  );
} finally {
  await rt.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (args.db === 'postgres') {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  }
}
