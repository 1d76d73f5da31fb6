// `inventur count export / import` as a user runs it (in-process through runCli, output captured) on a PGlite
// data directory prepared
// through the factories; the services behind them are tested on both databases (test/medium, test/api).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseXlsx } from '../../src/services/items/import-files.js';
import { openRuntime } from '../../src/services/runtime.js';
import { runInventur } from '../helpers/cli.js';
import {
  makeActor,
  makeBase,
  makeCountItem,
  makeCountList,
  makeInventory,
  makeItem,
  makePlaces,
} from '../helpers/inventory-factories.js';

let dir = '';
const describeCli = describe.skipIf(Boolean(process.env.DATABASE_URL));
let listNumber = '';
let invNumber = '';
let listId = '';
let counterName = '';

const run = (args: string[]) =>
  runInventur(['count', ...args], { ...process.env, DATABASE_URL: '', INVENTUR_DATA_DIR: dir });

async function withDb<T>(fn: (rt: Awaited<ReturnType<typeof openRuntime>>) => Promise<T>): Promise<T> {
  const rt = await openRuntime({ dataDir: dir });
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'inventur-count-cli-'));
  await withDb(async (rt) => {
    const db = rt.ctx.db;
    const base = await makeBase(db);
    const places = await makePlaces(db, base);
    const counter = await makeActor(db, 'counter');
    counterName = counter.username;
    const a = await makeItem(db, { code: 'CNT-A' });
    const b = await makeItem(db, { code: 'CNT-B' });
    const inv = await makeInventory(db, base, { status: 'open', showSystemQuantities: false });
    const list = await makeCountList(db, inv, {
      status: 'open',
      responsibleUserId: counter.userId,
      warehouseId: places.plain.id,
    });
    await makeCountItem(db, list, inv, { itemId: a.id, warehouseId: places.plain.id, target: '7331' });
    await makeCountItem(db, list, inv, { itemId: b.id, warehouseId: places.plain.id, target: '4417' });
    listNumber = list.number;
    invNumber = inv.number;
    listId = list.id;
  });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describeCli('inventur count export / import', () => {
  it('exports CSV and XLSX; as a counter of a blind inventory without the target column', async () => {
    const csv = await run(['export', '--list', listNumber, '--out', file('list.csv')]);
    expect([csv.code, csv.stdout]).toEqual([0, `2 lines exported to ${file('list.csv')} (csv)\n`]);
    expect(readFileSync(file('list.csv'), 'utf8').split('\r\n')[0]).toBe(
      'list,warehouse,zone,bin,item,description,lot,serial,unit,counted,target',
    );
    const blind = await run([
      'export',
      '--inventory',
      invNumber,
      '--format',
      'xlsx',
      '--out',
      file('inv.bin'),
      '--user',
      counterName,
    ]);
    expect(blind.code).toBe(0);
    const sheet = await parseXlsx(new Uint8Array(readFileSync(file('inv.bin'))));
    expect(sheet.header).not.toContain('target');
    expect(JSON.stringify(sheet.rows)).not.toMatch(/7331|4417/);
  });

  it('imports all or nothing, prints the rejected rows and exits 1; --partial applies the good rows; --dry-run writes nothing', async () => {
    writeFileSync(file('counts.csv'), 'item;counted\nCNT-A;5\nNOPE;1\nCNT-B;\n');
    const all = await run(['import', file('counts.csv'), '--list', listNumber, '--inventory', invNumber]);
    expect(all.code).toBe(1);
    expect(all.stdout).toContain('nothing imported: 1 of 3 rows rejected (use --partial to apply the others)');
    expect(all.stdout).toContain('line 3 column A (item): reference.unknown — unknown item code NOPE');
    const dry = await run(['import', file('counts.csv'), '--list', listNumber, '--dry-run', '--partial']);
    expect([dry.code, dry.stdout.split('\n')[0]]).toEqual([
      1,
      'dry run: 1 of 3 rows would be reported, nothing written; 1 rows without a quantity skipped',
    ]);
    await withDb(async (rt) => expect(await rt.ctx.db.selectFrom('countReports').select('id').execute()).toEqual([]));
    const partial = await run([
      'import',
      file('counts.csv'),
      '--list',
      listNumber,
      '--partial',
      '--user',
      counterName,
      '--json',
    ]);
    expect(partial.code).toBe(1);
    expect(JSON.parse(partial.stdout)).toMatchObject({
      status: 'imported',
      reported: 1,
      device: 'import:counts.csv',
      rejected: [{ line: 3, field: 'item' }],
    });
    await withDb(async (rt) => {
      const r = await rt.ctx.db
        .selectFrom('countReports')
        .innerJoin('users', 'users.id', 'countReports.userId')
        .select(['users.username', 'countReports.device', 'countReports.quantity'])
        .where('countListId', '=', listId)
        .execute();
      expect(r).toEqual([{ username: counterName, device: 'import:counts.csv', quantity: '5' }]);
    });
    writeFileSync(file('ok.csv'), 'item,counted\nCNT-B,2\n');
    expect(await run(['import', file('ok.csv'), '--inventory', invNumber])).toMatchObject({
      code: 0,
      stdout: 'reported 1 of 1 rows\n',
    });
  });

  it('refuses a missing or unknown list with exit code 2', async () => {
    expect(await run(['import', file('ok.csv')])).toMatchObject({
      code: 2,
      stderr: 'inventur: give --list <number> or --inventory <number> [validation.failed]\n',
    });
    expect(await run(['export', '--list', 'NOPE', '--out', file('x.csv')])).toMatchObject({
      code: 2,
      stderr: 'inventur: no count list has the number NOPE [not_found]\n',
    });
  });
});
