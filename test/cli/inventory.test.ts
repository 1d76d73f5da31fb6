// `inventur inventory …` as a user runs it (in-process through runCli, output captured) on a PGlite data
// directory prepared through the factories; the services behind them are tested on both databases
// (test/medium, test/api). Not a terminal here, so no progress bar: --json output stays machine-readable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime } from '../../src/services/runtime.js';
import { runInventur } from '../helpers/cli.js';
import type { TestDb } from '../helpers/db.js';
import { makeItem, makeWarehouse } from '../helpers/factories.js';
import { addBalance, makeOrg } from '../medium/inventory/generation-fixture.js';

let dir = '';
const describeCli = describe.skipIf(Boolean(process.env.DATABASE_URL));
let typeCode = '';
let ownerCode = '';

const run = (args: string[]) =>
  runInventur(['inventory', ...args], { ...process.env, DATABASE_URL: '', INVENTUR_DATA_DIR: dir });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'inventur-inventory-cli-'));
  const rt = await openRuntime({ dataDir: dir });
  try {
    const org = await makeOrg(rt as unknown as TestDb);
    const db = rt.ctx.db;
    const w = (await makeWarehouse(db, org.siteId, { code: 'CLI1' })).id;
    for (let i = 0; i < 5; i++) {
      const item = (await makeItem(db, { code: `CLI-${i}` })).id;
      await addBalance(db, org.siteId, { itemId: item, warehouseId: w, ownerId: org.ownerId, quantity: '4' });
    }
    typeCode = (
      await db
        .selectFrom('inventoryTypes')
        .select('code')
        .where('id', '=', org.types.stock_taking_day)
        .executeTakeFirstOrThrow()
    ).code;
    ownerCode = (await db.selectFrom('owners').select('code').where('id', '=', org.ownerId).executeTakeFirstOrThrow())
      .code;
    // The inventory's responsible employee, so that the generated lists have somebody to count them.
    await db.updateTable('users').set({ username: 'cli.counter' }).where('id', '=', org.counterId).execute();
  } finally {
    await rt.close();
  }
}, 120_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describeCli('inventur inventory', () => {
  let number = '';

  it('creates an inventory (--json prints the API shape) and lists it', async () => {
    const r = await run([
      'create',
      '--type',
      typeCode,
      '--owner',
      ownerCode,
      '--date',
      '2026-03-31',
      '--responsible',
      'cli.counter',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const inv = JSON.parse(r.stdout);
    expect(inv).toMatchObject({ status: 'created', typeCode, stockTakingDate: '2026-03-31' });
    number = inv.number;
    const list = await run(['list', '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).items.map((i: { number: string }) => i.number)).toContain(number);
  });

  it('generates as a job; --json prints the summary with the job id and no bar', async () => {
    const r = await run(['generate', number, '--count-type', 'article', '--max-items', '2', '--mode', 'job', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ positions: 5, jobId: expect.stringMatching(/^job_/) });
    expect(s.lists).toHaveLength(3);
  });

  it('duplicates it, and the copy generates again from the parameters it took along', async () => {
    const d = await run(['duplicate', number, '--json']);
    expect(d.code).toBe(0);
    const copy = JSON.parse(d.stdout);
    expect(copy.number).not.toBe(number);
    expect(copy).toMatchObject({ status: 'created', generationParams: { countType: 'article', maxItemsPerList: 2 } });
    const g = await run(['generate', copy.number]);
    expect(g.code).toBe(0);
    expect(g.stdout).toContain('3 lists with 5 items generated');
  });

  it('opens the lists (starting the inventory) and reports its totals', async () => {
    const o = await run(['open', number, '--json']);
    expect(o.code).toBe(0);
    const lists = JSON.parse(o.stdout).lists as Array<{ status: string }>;
    expect(lists.map((l) => l.status)).toEqual(['open', 'open', 'open']);
    const r = await run(['report', number]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('lists: 3 open');
    expect(r.stdout).toContain('lines: 5');
  });

  it('refuses an unknown inventory with exit 2 and names it', async () => {
    const r = await run(['report', 'NOPE-1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NOPE-1');
  });

  it('refuses a wrong option value', async () => {
    const r = await run(['generate', number, '--mode', 'later']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--mode must be one of auto, job, sync');
  });
});
