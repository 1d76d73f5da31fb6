// `inventur item …` as a user runs it (in-process through runCli, stdout/stderr captured) on a PGlite data
// directory prepared through the services.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseXlsx } from '../../src/services/items/import-files.js';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { updateMasterFields } from '../../src/services/items/master-fields.service.js';
import { addItemPrice, createPriceList } from '../../src/services/items/price-list.service.js';
import { findItemByCode } from '../../src/services/items/item.service.js';
import { postIssue, postReceipt } from '../../src/services/ledger/postings.service.js';
import { openRuntime } from '../../src/services/runtime.js';
import { runInventur } from '../helpers/cli.js';
import { makeKey, makeOwner, makeSite, makeUnit, makeWarehouse } from '../helpers/factories.js';

let dir = '';
// The commands run on a PGlite data directory whatever DATABASE_URL says, so the PostgreSQL pass of the suite
// would only repeat them; the services they call are tested on both databases.
const describeCli = describe.skipIf(Boolean(process.env.DATABASE_URL));
const admin = SYSTEM_ACTOR;

const run = (args: string[]) =>
  runInventur(['item', ...args], { ...process.env, DATABASE_URL: '', INVENTUR_DATA_DIR: dir });

/** The data directory is one process's at a time: open, work, close before the next command runs. */
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
  dir = mkdtempSync(path.join(tmpdir(), 'inventur-item-cli-'));
  await withDb(async (rt) => {
    await makeUnit(rt.ctx.db, 'PZ', 0);
  });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describeCli('inventur item import / export', () => {
  it('a dry run prints every rejected row and writes nothing; the import writes the good rows', async () => {
    writeFileSync(
      file('items.csv'),
      'code,description,primaryUnit,minStock\nCLI-1,Bolt,PZ,20\nCLI-2,Nut,NOPE,0\nCLI-3,,PZ,0\n',
    );
    const dry = await run(['import', file('items.csv'), '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('dry run: 1 of 3 rows valid, nothing written');
    expect(dry.stdout).toMatch(/line 3 column C \(primaryUnit\): reference\.unknown — unit NOPE/);
    expect(dry.stdout).toMatch(/line 4 column B \(description\): validation\.failed/);
    await withDb(async (rt) => expect((await rt.ctx.db.selectFrom('items').select('code').execute()).length).toBe(0));
    const real = await run(['import', file('items.csv'), '--json']);
    expect(real.code).toBe(1);
    expect(JSON.parse(real.stdout)).toMatchObject({
      status: 'imported',
      total: 3,
      imported: 1,
      rejected: [{ line: 3 }, { line: 4 }],
    });
    writeFileSync(file('more.csv'), 'code,description,primaryUnit\nCLI-4,Washer,PZ\n');
    expect(await run(['import', file('more.csv')])).toMatchObject({ code: 0, stdout: 'imported 1 items of 1 rows\n' });
  });

  it('exports CSV and XLSX by extension or --format', async () => {
    expect((await run(['export', file('out.csv')])).code).toBe(0);
    expect(
      readFileSync(file('out.csv'), 'utf8')
        .split('\r\n')
        .some((l) => l.startsWith('CLI-1,Bolt,PZ')),
    ).toBe(true);
    const x = await run(['export', file('out.bin'), '--format', 'xlsx']);
    expect([x.code, x.stdout]).toEqual([0, `items exported to ${file('out.bin')} (xlsx)\n`]);
    const sheet = await parseXlsx(new Uint8Array(readFileSync(file('out.bin'))));
    expect(sheet.rows.map((r) => r.values.code)).toEqual(['CLI-1', 'CLI-4']);
  });
});

describeCli('inventur item copy / price', () => {
  it('copies an item with its prices and prices the copy per list', async () => {
    await withDb(async (rt) => {
      const list = await createPriceList(rt.ctx, admin, { code: 'RETAIL', currency: 'EUR', discountsAllowed: true });
      const item = await findItemByCode(rt.ctx, admin, 'CLI-1');
      await addItemPrice(rt.ctx, admin, item.id, {
        priceListId: list.id,
        unit: 'PZ',
        validFrom: '2026-01-01',
        tiers: [
          { upTo: '10', price: '2.00' },
          { upTo: null, price: '1.50', discounts: ['10'] },
        ],
      });
    });
    const copy = await run(['copy', 'CLI-1', '--code', 'CLI-1-COPY']);
    expect([copy.code, copy.stdout]).toEqual([0, expect.stringMatching(/^copied CLI-1 to CLI-1-COPY \(id \d+\)\n$/)]);
    const price = await run(['price', 'CLI-1-COPY', '--qty', '20', '--date', '2026-03-15', '--json']);
    expect(price.code).toBe(0);
    expect(JSON.parse(price.stdout)).toEqual([
      expect.objectContaining({
        priceList: 'RETAIL',
        tierUpTo: null,
        listPrice: '1.5',
        netPrice: '1.35',
        amount: '27.00',
      }),
    ]);
    const table = await run([
      'price',
      'CLI-1-COPY',
      '--qty',
      '3',
      '--unit',
      'PZ',
      '--date',
      '2026-03-15',
      '--list',
      'RETAIL',
    ]);
    expect(table.stdout).toMatch(/RETAIL\s+3 PZ\s+10\s+2(\.00)? EUR/);
    expect(await run(['price', 'CLI-1-COPY', '--qty', '3', '--date', '2025-06-01'])).toMatchObject({
      code: 1,
      stdout: 'no price for CLI-1-COPY on 2025-06-01\n',
    });
    const unknown = await run(['copy', 'NOPE']);
    expect([unknown.code, unknown.stderr]).toEqual([2, 'inventur: no item has the code NOPE [not_found]\n']);
  });
});

describeCli('inventur item abc / stock-control', () => {
  it('classifies by issue value and reports items below minimum', async () => {
    await withDb(async (rt) => {
      const db = rt.ctx.db;
      const site = (await makeSite(db)).id;
      const owner = (await makeOwner(db)).id;
      const wh = (await makeWarehouse(db, site, { code: 'CLI-WH' })).id;
      await makeKey(db, 'REC', 'receipt');
      await makeKey(db, 'ISS', 'issue');
      const [a, b] = [await findItemByCode(rt.ctx, admin, 'CLI-1'), await findItemByCode(rt.ctx, admin, 'CLI-4')];
      await updateMasterFields(rt.ctx, admin, b.id, { minStock: '1' });
      const line = (itemId: string, quantity: string) => ({ itemId, warehouseId: wh, ownerId: owner, quantity });
      await postReceipt(rt.ctx, admin, {
        siteId: site,
        keyCode: 'REC',
        postingDate: '2026-02-01',
        lines: [a, b].map((i) => ({ ...line(i.id, '10'), unitPrice: '1' })),
      });
      await postIssue(rt.ctx, admin, {
        siteId: site,
        keyCode: 'ISS',
        postingDate: '2026-02-10',
        lines: [line(a.id, '-9'), line(b.id, '-1')],
      });
    });
    const abc = await run(['abc', '--from', '2026-01-01', '--to', '2026-12-31', '--a', '80', '--b', '95']);
    expect(abc.code).toBe(0);
    expect(abc.stdout).toContain('consumption value 10');
    expect(abc.stdout).toMatch(/A 1 {2}B 1 {2}C 1 items/);
    const json = JSON.parse((await run(['abc', '--from', '2026-01-01', '--to', '2026-12-31', '--json'])).stdout);
    expect(json.items.map((i: { code: string; abcClass: string }) => [i.code, i.abcClass])).toEqual([
      ['CLI-1', 'A'],
      ['CLI-4', 'B'],
      ['CLI-1-COPY', 'C'],
    ]);
    const sc = await run(['stock-control', '--warehouse', 'CLI-WH']);
    expect(sc.code).toBe(0);
    expect(sc.stdout).toMatch(/CLI-WH\s+CLI-1\s+below_minimum\s+1\s+20/);
    expect(sc.stdout).not.toContain('CLI-4');
    expect(
      JSON.parse((await run(['stock-control', '--status', 'all', '--json'])).stdout).map(
        (l: { itemCode: string }) => l.itemCode,
      ),
    ).toContain('CLI-4');
  });
});
