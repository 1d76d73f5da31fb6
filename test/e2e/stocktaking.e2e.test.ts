// A blind stock-taking-day inventory with bin lists, empty bins included, from generation to a closed inventory,
// driven only through the browser: the test makes no API call. Master data and opening stock are written
// in-process (the places, items and receipts are the set-up story's subject, not this one's); every check reads
// the database directly.
//
// Warehouse W: zone A (bins 01-01 screws, 01-02 nuts, 01-03 and 01-04 empty) counted by Anna and Bruno on two
// phones; zone B (bins 02-01 screws, 02-02 empty) keyed in from its printed sheet in the back-office grid;
// zone C (bin 03-01 glue lot L1, nuts) filled in as an XLSX file and imported; zone FLOOR (no bins: stock on the
// zone) reported on the phone at the zone; the differences zone DIFF. The manager verifies one line (recount),
// checks the differences report against the ledger and closes.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import readXlsxSheet from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeCountingWorld, type World } from '../medium/counting/fixtures.js';
import { makeBin, makeKey, makeZone } from '../helpers/factories.js';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { createUser } from '../../src/services/user.service.js';
import { postReceipt } from '../../src/services/ledger/postings.service.js';
import { createInventoryType } from '../../src/services/inventory/inventory-type.service.js';
import { keyInCounts } from './setup/countentry.steps.js';
import { ADMIN_PASSWORD, COUNTER_PASSWORD, startServer } from './server.js';
import { ARTIFACTS, launch, pick, shot, wedgeScan } from './browser.js';

const SCREWS_CT = '4006381333931'; // EAN-13 of a carton of 12 screws
const NUTS_EAN8 = '96385074';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let w: World;
let desk: Page;
const phones: Record<'anna' | 'bruno', { ctx: BrowserContext; page: Page }> = {} as never;
let brunoId: string;
let inventoryId: string;
const lists: Record<'A' | 'B' | 'C' | 'FLOOR' | 'DIFF', { id: string; number: string }> = {} as never;
const zones: Record<'A' | 'B' | 'C' | 'FLOOR' | 'DIFF', string> = {} as never;

const db = () => server.runtime.ctx.db;

async function signIn(page: Page, user: string, password: string) {
  await page.goto(`${server.url}/`);
  await page.getByLabel(/user name/i).fill(user);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
}

/** The valid count reports of a list, with who made them and from where. */
async function reports(listId: string) {
  return db()
    .selectFrom('countReports')
    .select(['clientReportId', 'quantity', 'mode', 'resultingQuantity', 'countListItemId', 'valid', 'userId', 'device'])
    .where('countListId', '=', listId)
    .orderBy('id')
    .execute();
}

/** The lines of a list with their bin and item codes. */
async function lines(listId: string) {
  return db()
    .selectFrom('countListItems as li')
    .leftJoin('bins as b', 'b.id', 'li.binId')
    .leftJoin('items as i', 'i.id', 'li.itemId')
    .select([
      'li.id',
      'li.status',
      'li.reportedQuantity',
      'li.targetQuantity',
      'b.code as bin',
      'i.code as item',
      'li.lot',
    ])
    .where('li.countListId', '=', listId)
    .orderBy('li.lineNo')
    .execute();
}

async function jobSucceeded() {
  const job = desk.getByTestId('job-progress').first();
  await desk.locator('[data-testid="job-progress"][data-status="succeeded"]').first().waitFor({ timeout: 30_000 });
  expect(await job.getAttribute('data-failed-lists'), (await job.textContent()) ?? '').toBe('0');
}

async function confirmQuantity(page: Page, quantity: string, lot?: string) {
  await page.getByTestId('qty-input').waitFor();
  if (lot) await page.getByTestId('lot-input').fill(lot);
  await page.getByTestId('qty-input').fill(quantity);
  await page.getByTestId('confirm').click();
}

async function scanBin(page: Page, barcode: string, code: string) {
  await page.getByTestId('current-bin').waitFor();
  const shown = await page.getByTestId('current-bin').textContent();
  if (shown === code) return;
  if (shown !== 'Scan bin') await page.getByRole('button', { name: 'Change' }).click();
  await wedgeScan(page, barcode);
  await expect.poll(() => page.getByTestId('current-bin').textContent()).toBe(code);
}

beforeAll(async () => {
  server = await startServer();
  const ctx = server.runtime.ctx;
  w = await makeCountingWorld(db());
  const site = w.site.id;
  const wh = w.structured.id;
  zones.A = w.zone.id;
  await makeBin(db(), site, wh, zones.A, { code: '01-03', place: '03', rowNo: '01', barcode: 'BIN0103' });
  await makeBin(db(), site, wh, zones.A, { code: '01-04', place: '04', rowNo: '01', barcode: 'BIN0104' });
  zones.B = (await makeZone(db(), site, wh, { code: 'B', structured: true })).id;
  const b1 = await makeBin(db(), site, wh, zones.B, { code: '02-01', place: '01', rowNo: '02', barcode: 'BIN0201' });
  await makeBin(db(), site, wh, zones.B, { code: '02-02', place: '02', rowNo: '02', barcode: 'BIN0202' });
  zones.C = (await makeZone(db(), site, wh, { code: 'C', structured: true })).id;
  const c1 = await makeBin(db(), site, wh, zones.C, { code: '03-01', place: '01', rowNo: '03', barcode: 'BIN0301' });
  zones.FLOOR = (await makeZone(db(), site, wh, { code: 'FLOOR', structured: false })).id;
  zones.DIFF = (await makeZone(db(), site, wh, { code: 'DIFF', structured: false, usage: 'inventory_differences' })).id;
  await db().updateTable('warehouses').set({ allowNegative: true }).where('id', '=', wh).execute();
  for (const [code, kind] of [
    ['REC', 'receipt'],
    ['ADJ', 'adjustment'],
    ['TRF', 'transfer'],
    ['REV', 'revaluation'],
  ] as const)
    await makeKey(db(), code, kind);
  brunoId = (
    await createUser(ctx, SYSTEM_ACTOR, {
      username: 'bruno',
      password: COUNTER_PASSWORD,
      role: 'counter',
      displayName: 'Bruno Nowak',
    })
  ).id;
  const line = { warehouseId: wh, ownerId: w.owner.id };
  await postReceipt(ctx, SYSTEM_ACTOR, {
    siteId: site,
    keyCode: 'REC',
    postingDate: '2026-03-01',
    lines: [
      { ...line, zoneId: zones.A, itemId: w.screws.id, binId: w.bin1.id, quantity: '30', unitPrice: '0.10' },
      { ...line, zoneId: zones.A, itemId: w.nuts.id, binId: w.bin2.id, quantity: '10', unitPrice: '0.05' },
      { ...line, zoneId: zones.B, itemId: w.screws.id, binId: b1.id, quantity: '50', unitPrice: '0.10' },
      { ...line, zoneId: zones.C, itemId: w.glue.id, binId: c1.id, lot: 'L1', quantity: '8', unitPrice: '2.50' },
      { ...line, zoneId: zones.C, itemId: w.nuts.id, binId: c1.id, quantity: '20', unitPrice: '0.05' },
      { ...line, zoneId: zones.FLOOR, itemId: w.nuts.id, quantity: '40', unitPrice: '0.05' },
    ],
  } as never);
  await createInventoryType(ctx, SYSTEM_ACTOR, {
    code: 'YEAR',
    method: 'stock_taking_day',
    description: 'Year-end stock-taking',
    valuationPrice: 'average',
    adjustmentKey: 'ADJ',
    transferKey: 'TRF',
    valueAdjustmentKey: 'REV',
    reportType: 'cumulative',
    showSystemQuantities: false,
    keepLocation: true,
    inventoryNumbering: { prefix: 'INV-', width: 4 },
    countListNumbering: { prefix: 'CL-', width: 4 },
  } as never);
  browser = await launch();
  desk = await (
    await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB', reducedMotion: 'reduce' })
  ).newPage();
  desk.on('dialog', (d) => void d.accept());
  for (const who of ['anna', 'bruno'] as const) {
    const ctxB = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
      reducedMotion: 'reduce',
    });
    phones[who] = { ctx: ctxB, page: await ctxB.newPage() };
  }
});

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40);
  await shot(desk, `st-fail-desk-${name}`).catch(() => undefined);
  for (const [who, p] of Object.entries(phones)) await shot(p.page, `st-fail-${who}-${name}`).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the manager plans the count', () => {
  it('creates a blind inventory and generates one bin list per zone, empty bins included', async () => {
    await signIn(desk, 'admin', ADMIN_PASSWORD);
    await desk.getByTestId('current-user').waitFor();
    await desk.goto(`${server.url}/inventories`);
    await desk.getByTestId('new-inventory').click();
    await pick(desk, 'inv-type', /^YEAR/);
    await pick(desk, 'inv-owner', new RegExp(`^${w.owner.code} `));
    await desk.getByTestId('inv-fy').fill('2026');
    await desk.getByTestId('inv-date').fill('2026-03-31');
    await desk.getByTestId('inv-desc').fill('Year-end count 2026');
    await desk.getByTestId('inv-save').click();
    await desk.waitForURL(/\/inventories\/\d+$/);
    inventoryId = desk.url().split('/').pop()!;
    await desk.getByTestId('generate-menu').click();
    await desk.getByTestId('gen-bin').click();
    const dialog = desk.getByTestId('generate-dialog');
    await dialog.waitFor();
    await pick(desk, 'gen-responsible', 'Manual');
    await pick(desk, 'gen-employee', 'Anna Rossi');
    await dialog.getByRole('checkbox', { name: 'New list zone' }).check();
    await dialog.getByTestId('gen-run').click();
    await dialog.waitFor({ state: 'detached' });
    await desk.getByTestId('count-lists').locator('.vt-row').first().waitFor();
    // Bin lists skip the unstructured zone FLOOR: an article list counts it.
    await desk.getByTestId('generate-menu').click();
    await desk.getByTestId('gen-article').click();
    await dialog.waitFor();
    await pick(desk, 'gen-responsible', 'Manual');
    // The dialog remembers the last generation's choices.
    if ((await desk.getByTestId('gen-employee').inputValue()) !== 'Anna Rossi')
      await pick(desk, 'gen-employee', 'Anna Rossi');
    await expect.poll(() => desk.getByTestId('gen-employee').inputValue()).toBe('Anna Rossi');
    await dialog.getByTestId('gen-run').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => desk.getByTestId('count-lists').locator('.vt-row').count()).toBe(4);
    const made = await db()
      .selectFrom('countLists as cl')
      .innerJoin('countListItems as li', 'li.countListId', 'cl.id')
      .select(['cl.id', 'cl.number', 'li.zoneId'])
      .where('cl.inventoryId', '=', inventoryId)
      .groupBy(['cl.id', 'cl.number', 'li.zoneId'])
      .execute();
    for (const [name, zoneId] of Object.entries(zones)) {
      const l = made.find((m) => m.zoneId === zoneId);
      if (l) lists[name as keyof typeof lists] = { id: l.id, number: l.number };
    }
    expect(Object.keys(lists).sort()).toEqual(expect.arrayContaining(['A', 'B', 'C', 'FLOOR']));
    const a = await lines(lists.A.id);
    expect(
      a
        .filter((l) => l.item === null)
        .map((l) => l.bin)
        .sort(),
    ).toEqual(['01-03', '01-04']); // the empty bins
    await shot(desk, 'st-01-generated');
  });

  it('assigns Bruno to zone A beside Anna: two counters on one list', async () => {
    await desk.goto(`${server.url}/count-lists/${lists.A.id}`);
    await desk.getByTestId('list-counters-edit').click();
    await desk.getByTestId('counters-dialog').waitFor();
    await desk.getByTestId('counters-users').click();
    await desk.getByRole('option', { name: /Bruno Nowak/ }).click();
    await desk.keyboard.press('Tab'); // leaves the picker: its dropdown closes
    await desk.getByTestId('counters-save').click();
    await desk.getByTestId('counters-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => desk.getByTestId('list-counters').textContent()).toBe('Bruno Nowak');
    expect(await desk.getByTestId('list-responsible').textContent()).toBe('Anna Rossi');
    const counters = await db()
      .selectFrom('countListCounters')
      .select('userId')
      .where('countListId', '=', lists.A.id)
      .execute();
    expect(counters.map((c) => c.userId)).toEqual([brunoId]);
    await shot(desk, 'st-01b-counters');
    await desk.goto(`${server.url}/inventories/${inventoryId}`);
  });

  it('starts the inventory and opens every list', async () => {
    await desk.getByTestId('inv-start').click();
    await expect.poll(() => desk.getByTestId('inventory-status').textContent()).toMatch(/^open$/i);
    for (const l of Object.values(lists)) await desk.getByLabel(l.id, { exact: true }).check();
    await desk.getByTestId('lists-open').click();
    await jobSucceeded();
    await shot(desk, 'st-02-open');
  });
});

describe('counting', () => {
  it('Anna counts zone A on her phone: screws in cartons, an undo, the empty bin 01-03', async () => {
    const p = phones.anna.page;
    await signIn(p, 'anna', COUNTER_PASSWORD);
    await p.waitForURL(/\/scan/);
    await p.getByTestId(`list-${lists.A.number}`).click();
    await p.locator('[data-testid="count-screen"][data-ready="true"]').waitFor();
    await scanBin(p, 'BIN0101', '01-01');
    await wedgeScan(p, SCREWS_CT);
    await confirmQuantity(p, '2'); // 24 pieces
    await expect.poll(async () => (await reports(lists.A.id)).length).toBe(1);
    // A wrong second scan, undone: the line goes back to 24.
    await wedgeScan(p, SCREWS_CT);
    await confirmQuantity(p, '5');
    await p
      .getByTestId('decision')
      .waitFor({ timeout: 2000 })
      .then(() => p.getByTestId('decide-add').click())
      .catch(() => undefined);
    await expect.poll(async () => (await reports(lists.A.id)).at(-1)?.resultingQuantity).toBe('84');
    await p.locator('[data-testid="count-screen"][data-busy="false"]').waitFor();
    await p.getByTestId('last-reports').getByRole('button', { name: /undo/i }).first().click();
    await expect.poll(async () => (await reports(lists.A.id)).at(-1)?.valid).toBe(false);
    await expect
      .poll(async () => (await lines(lists.A.id)).find((l) => l.item === w.screws.code)?.reportedQuantity)
      .toBe('24');
    await scanBin(p, 'BIN0103', '01-03');
    await p.getByTestId('bin-empty').click();
    await expect.poll(async () => (await lines(lists.A.id)).find((l) => l.bin === '01-03')?.status).toBe('reported');
    await shot(p, 'st-03-anna');
  });

  it('prints the count sheet of zone B in German: its bins and items, and no targets (blind)', async () => {
    await desk.goto(`${server.url}/inventories/${inventoryId}`);
    await desk.getByLabel(lists.B.id, { exact: true }).check();
    await desk.getByTestId('lists-print').click();
    const dialog = desk.getByTestId('print-dialog');
    await dialog.waitFor();
    await desk.getByTestId('print-language').getByText('Deutsch').click();
    const popup = desk
      .context()
      .waitForEvent('page')
      .catch(() => null);
    await desk.getByTestId('print-run').click();
    await desk.getByTestId('print-ready').waitFor();
    await (await popup)?.close();
    const href = (await desk.getByTestId('print-ready').locator('a').getAttribute('href'))!;
    // The PDF as the browser holds it (a blob URL of the page: no request to the server).
    const bytes = await desk.evaluate(
      async (u) => Array.from(new Uint8Array(await (await fetch(u)).arrayBuffer())),
      href,
    );
    const file = `${ARTIFACTS}st-sheet-zone-b.pdf`;
    writeFileSync(file, Buffer.from(bytes));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Zählliste');
    expect(text).toContain('31.03.2026'); // the count date as German writes it
    expect(text).toContain(lists.B.number);
    const row = text.split('\n').find((l) => l.includes('02-01'))!;
    expect(row).toContain(w.screws.code);
    expect(row).not.toMatch(/\b50\b/); // the target stays off a blind sheet
    expect(text).toContain('02-02');
    await desk.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('the back office keys in zone B from its printed sheet, the empty bin 02-02 confirmed in the grid', async () => {
    await keyInCounts(desk, {
      listId: lists.B.id,
      quantities: { [`${w.screws.code}@02-01`]: '48', 'EMPTY:02-02': '' },
    });
    const b = await lines(lists.B.id);
    expect(b.map((l) => [l.bin, l.item, l.reportedQuantity])).toEqual([
      ['02-01', w.screws.code, '48'],
      ['02-02', null, '0'],
    ]);
  });

  it("Bruno counts zone A on the second phone: his screws add to Anna's (cumulative), the nuts, the empty bin 01-04", async () => {
    const p = phones.bruno.page;
    await signIn(p, 'bruno', COUNTER_PASSWORD);
    await p.waitForURL(/\/scan/);
    await p.getByTestId(`list-${lists.A.number}`).click();
    await p.locator('[data-testid="count-screen"][data-ready="true"]').waitFor();
    await scanBin(p, 'BIN0101', '01-01');
    await wedgeScan(p, SCREWS_CT);
    await confirmQuantity(p, '1'); // one more carton: 12 pieces
    // The line was already counted (by Anna): the screen asks, with the report type (cumulative → Add) first.
    await p.getByTestId('decision').waitFor();
    await expect.poll(() => p.getByTestId('decide-add').textContent()).toMatch(/default/i);
    await p.getByTestId('decide-add').click();
    await expect
      .poll(async () => (await lines(lists.A.id)).find((l) => l.item === w.screws.code)?.reportedQuantity)
      .toBe('36');
    await scanBin(p, 'BIN0102', '01-02');
    await wedgeScan(p, NUTS_EAN8);
    await confirmQuantity(p, '9');
    await expect
      .poll(async () => (await lines(lists.A.id)).find((l) => l.item === w.nuts.code)?.reportedQuantity)
      .toBe('9');
    await scanBin(p, 'BIN0104', '01-04');
    await p.getByTestId('bin-empty').click();
    await expect.poll(async () => (await lines(lists.A.id)).every((l) => l.status === 'reported')).toBe(true);
    // Each report keeps who made it.
    const byUser = (await reports(lists.A.id)).filter((r) => r.valid).map((r) => r.userId);
    expect(new Set(byUser)).toEqual(new Set([server.annaId, brunoId]));
    await shot(p, 'st-04-bruno');
  });

  it('Anna reports the nuts on the unstructured zone FLOOR at the zone itself', async () => {
    const p = phones.anna.page;
    await p.getByRole('button', { name: 'Other list' }).click();
    await p.getByTestId(`list-${lists.FLOOR.number}`).click();
    await p.locator('[data-testid="count-screen"][data-ready="true"]').waitFor();
    await wedgeScan(p, 'FLOOR');
    await expect.poll(() => p.getByTestId('current-bin').textContent()).toBe('Zone FLOOR');
    await wedgeScan(p, NUTS_EAN8);
    await confirmQuantity(p, '38');
    await expect.poll(() => p.getByTestId('scan-message').textContent()).toBe('Recorded: 38 PZ · Zone FLOOR');
    const floor = await lines(lists.FLOOR.id);
    expect(floor.map((l) => [l.item, l.bin, l.reportedQuantity])).toEqual([[w.nuts.code, null, '38']]);
    await shot(p, 'st-05-floor');
  });

  it('zone C is exported as XLSX, filled in as a spreadsheet and imported', async () => {
    await desk.goto(`${server.url}/count-lists/${lists.C.id}`);
    await desk.getByTestId('count-export').click();
    const [download] = await Promise.all([
      desk.waitForEvent('download'),
      desk.getByTestId('count-export-xlsx').click(),
    ]);
    const exported = `${ARTIFACTS}st-zone-c.xlsx`;
    await download.saveAs(exported);
    // What the person in the warehouse does in the spreadsheet: fills in the "counted" column.
    const [head, ...rows] = (await readXlsxSheet(readFileSync(exported)))[0]!.data as unknown[][];
    const col = (name: string) => head!.findIndex((h) => String(h).toLowerCase() === name);
    expect(col('counted')).toBeGreaterThanOrEqual(0);
    const counted: Record<string, number> = { [w.glue.code]: 7, [w.nuts.code]: 20 };
    const filled = rows.map((r) =>
      r.map((v, i) => (i === col('counted') ? (counted[String(r[col('item')])] ?? null) : v)),
    );
    const file = `${ARTIFACTS}st-zone-c-counted.xlsx`;
    writeFileSync(
      file,
      await writeXlsxFile(
        [head!, ...filled].map((r) =>
          r.map((v) => (v === null || v === undefined ? null : { value: v as string | number })),
        ),
      ).toBuffer(),
    );
    await desk.getByTestId('count-import-open').click();
    await desk.getByTestId('count-import').waitFor();
    await desk.locator('input[type="file"]').setInputFiles(file);
    // First a check (the dialog's default: nothing written), then the import itself.
    await desk.getByTestId('count-import-run').click();
    await expect.poll(() => desk.getByTestId('count-import-report').getAttribute('data-status')).toBe('validated');
    expect(await reports(lists.C.id)).toHaveLength(0);
    await desk.getByTestId('count-import-dry-run').uncheck();
    await desk.getByTestId('count-import-run').click();
    await expect.poll(() => desk.getByTestId('count-import-report').getAttribute('data-status')).toBe('imported');
    await shot(desk, 'st-06-import');
    const c = await lines(lists.C.id);
    expect(c.map((l) => [l.item, l.lot, l.reportedQuantity]).sort()).toEqual(
      [
        [w.glue.code, 'L1', '7'],
        [w.nuts.code, '', '20'],
      ].sort(),
    );
    expect((await reports(lists.C.id)).every((r) => r.device?.startsWith('import:'))).toBe(true);
    await desk.keyboard.press('Escape');
  });
});

describe('verification and closing', () => {
  it('the manager marks the screws of zone B for a recount, verifies, and the recount is keyed in', async () => {
    await desk.goto(`${server.url}/count-lists/${lists.B.id}`);
    const screws = (await lines(lists.B.id)).find((l) => l.item === w.screws.code)!;
    const lineNo = (
      await db().selectFrom('countListItems').select('lineNo').where('id', '=', screws.id).executeTakeFirstOrThrow()
    ).lineNo;
    await desk.getByRole('checkbox', { name: `Verify ${lineNo}`, exact: true }).click(); // checked once the server has it
    await expect
      .poll(
        async () =>
          (
            await db()
              .selectFrom('countListItems')
              .select('verificationMark')
              .where('id', '=', screws.id)
              .executeTakeFirstOrThrow()
          ).verificationMark,
      )
      .toBe(true);
    await desk.goto(`${server.url}/inventories/${inventoryId}`);
    await desk.getByTestId('inv-verify').click();
    await desk.getByTestId('verify-run').click();
    await desk.getByTestId('verify-result').waitFor();
    await expect.poll(async () => (await lines(lists.B.id)).find((l) => l.id === screws.id)?.status).toBe('open');
    await keyInCounts(desk, { listId: lists.B.id, quantities: { [`${w.screws.code}@02-01`]: '50' } });
    expect((await lines(lists.B.id)).find((l) => l.id === screws.id)?.reportedQuantity).toBe('50');
  });

  it('closes every list and the inventory in the UI', async () => {
    await desk.goto(`${server.url}/inventories/${inventoryId}`);
    for (const l of Object.values(lists)) await desk.getByLabel(l.id, { exact: true }).check();
    await desk.getByTestId('lists-close').click();
    await jobSucceeded();
    await desk.getByTestId('inv-close').click();
    await expect
      .poll(() => desk.getByTestId('inventory-status').textContent(), { timeout: 30_000 })
      .toMatch(/^closed$/i);
    await shot(desk, 'st-07-closed');
  });

  it('the differences report shows every difference as the ledger posted it, in quantity and in value', async () => {
    await desk.getByTestId('inv-differences').click();
    await desk.waitForURL(/\/differences$/);
    await desk.getByTestId('diff-total-lines').waitFor();
    const rows = desk.locator('[data-testid^="diff-row-"]');
    await rows.first().waitFor();
    const shown = await desk.locator('.vt-row').evaluateAll((els) =>
      els.map((el) => {
        const id =
          el.querySelector('[data-testid^="diff-row-"]')?.getAttribute('data-testid')?.slice('diff-row-'.length) ?? '';
        return {
          id,
          value: el.querySelector('[data-testid^="diff-value-"]')?.textContent ?? '',
          cells: [...el.querySelectorAll('.vt-cell')].map((c) => c.textContent ?? ''),
        };
      }),
    );
    const money = (n: number) =>
      new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
    const expected: Record<string, number> = {};
    for (const row of shown.filter((r) => r.id)) {
      const line = await db()
        .selectFrom('countListItems')
        .select(['countListId', 'itemId', 'binId', 'zoneId', 'lot'])
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      if (line.itemId === null) continue; // an empty bin: nothing to post
      // The entries closing posted into the line's own place (the other leg of each transfer is the differences zone).
      const entries = await db()
        .selectFrom('stockLedger')
        .select(['quantity', 'value'])
        .where('originType', '=', 'count_list')
        .where('originId', '=', line.countListId)
        .where('itemId', '=', line.itemId)
        .where('lot', '=', line.lot)
        .where('zoneId', '=', line.zoneId!)
        .$call((q) => (line.binId === null ? q.where('binId', 'is', null) : q.where('binId', '=', line.binId)))
        .execute();
      const qty = entries.reduce((a, e) => a + Number(e.quantity), 0);
      const value = entries.reduce((a, e) => a + Number(e.value), 0);
      expected[row.id] = qty;
      expect(row.value, `value of line ${row.id}`).toBe(money(value));
    }
    // Screws +6 in 01-01, nuts -1 in 01-02, nuts -2 on FLOOR, glue -1 in 03-01; the recounted screws of zone B and the nuts of zone C are even.
    const byPlace = await db()
      .selectFrom('countListItems as li')
      .innerJoin('items as i', 'i.id', 'li.itemId')
      .leftJoin('bins as b', 'b.id', 'li.binId')
      .innerJoin('zones as z', 'z.id', 'li.zoneId')
      .select(['li.id', 'i.code', 'b.code as bin', 'z.code as zone'])
      .where('li.inventoryId', '=', inventoryId)
      .execute();
    const diff = Object.fromEntries(
      Object.entries(expected)
        .filter(([, q]) => q !== 0)
        .map(([id, q]) => {
          const l = byPlace.find((x) => x.id === id)!;
          return [`${l.code}@${l.bin ?? l.zone}`, q];
        }),
    );
    expect(diff).toEqual({
      [`${w.screws.code}@01-01`]: 6,
      [`${w.nuts.code}@01-02`]: -1,
      [`${w.nuts.code}@FLOOR`]: -2,
      [`${w.glue.code}@03-01`]: -1,
    });
    await shot(desk, 'st-08-differences');
  });
});
