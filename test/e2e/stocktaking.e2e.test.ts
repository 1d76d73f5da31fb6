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
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeCountingWorld, type World } from '../medium/counting/fixtures.js';
import { makeBin, makeKey, makeZone } from '../helpers/factories.js';
import { launch, pick, shot, wedgeScan } from './browser.js';
import { ADMIN_PASSWORD, COUNTER_PASSWORD, startServer } from './server.js';
import { keyInCounts } from './setup/countentry.steps.js';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { createUser } from '../../src/services/user.service.js';
import { postReceipt } from '../../src/services/ledger/postings.service.js';
import { createInventoryType } from '../../src/services/inventory/inventory-type.service.js';

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
  return db().selectFrom('countReports').select(['clientReportId', 'quantity', 'mode', 'resultingQuantity', 'countListItemId', 'valid', 'userId', 'device'])
    .where('countListId', '=', listId).orderBy('id').execute();
}

/** The lines of a list with their bin and item codes. */
async function lines(listId: string) {
  return db().selectFrom('countListItems as li').leftJoin('bins as b', 'b.id', 'li.binId').leftJoin('items as i', 'i.id', 'li.itemId')
    .select(['li.id', 'li.status', 'li.reportedQuantity', 'li.targetQuantity', 'b.code as bin', 'i.code as item', 'li.lot'])
    .where('li.countListId', '=', listId).orderBy('li.lineNo').execute();
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
  for (const [code, kind] of [['REC', 'receipt'], ['ADJ', 'adjustment'], ['TRF', 'transfer'], ['REV', 'revaluation']] as const) await makeKey(db(), code, kind);
  brunoId = (await createUser(ctx, SYSTEM_ACTOR, { username: 'bruno', password: COUNTER_PASSWORD, role: 'counter', displayName: 'Bruno Nowak' })).id;
  const line = { warehouseId: wh, ownerId: w.owner.id };
  await postReceipt(ctx, SYSTEM_ACTOR, {
    siteId: site, keyCode: 'REC', postingDate: '2026-03-01', lines: [
      { ...line, zoneId: zones.A, itemId: w.screws.id, binId: w.bin1.id, quantity: '30', unitPrice: '0.10' },
      { ...line, zoneId: zones.A, itemId: w.nuts.id, binId: w.bin2.id, quantity: '10', unitPrice: '0.05' },
      { ...line, zoneId: zones.B, itemId: w.screws.id, binId: b1.id, quantity: '50', unitPrice: '0.10' },
      { ...line, zoneId: zones.C, itemId: w.glue.id, binId: c1.id, lot: 'L1', quantity: '8', unitPrice: '2.50' },
      { ...line, zoneId: zones.C, itemId: w.nuts.id, binId: c1.id, quantity: '20', unitPrice: '0.05' },
      { ...line, zoneId: zones.FLOOR, itemId: w.nuts.id, quantity: '40', unitPrice: '0.05' },
    ],
  } as never);
  await createInventoryType(ctx, SYSTEM_ACTOR, {
    code: 'YEAR', method: 'stock_taking_day', description: 'Year-end stock-taking', valuationPrice: 'average', adjustmentKey: 'ADJ',
    transferKey: 'TRF', valueAdjustmentKey: 'REV', reportType: 'cumulative', showSystemQuantities: false, keepLocation: true,
    inventoryNumbering: { prefix: 'INV-', width: 4 }, countListNumbering: { prefix: 'CL-', width: 4 },
  } as never);
  browser = await launch();
  desk = await (await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB', reducedMotion: 'reduce' })).newPage();
  desk.on('dialog', (d) => void d.accept());
  for (const who of ['anna', 'bruno'] as const) {
    const ctxB = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-GB', reducedMotion: 'reduce' });
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
    if ((await desk.getByTestId('gen-employee').inputValue()) !== 'Anna Rossi') await pick(desk, 'gen-employee', 'Anna Rossi');
    await expect.poll(() => desk.getByTestId('gen-employee').inputValue()).toBe('Anna Rossi');
    await dialog.getByTestId('gen-run').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => desk.getByTestId('count-lists').locator('.vt-row').count()).toBe(4);
    const made = await db().selectFrom('countLists as cl').innerJoin('countListItems as li', 'li.countListId', 'cl.id')
      .select(['cl.id', 'cl.number', 'li.zoneId']).where('cl.inventoryId', '=', inventoryId).groupBy(['cl.id', 'cl.number', 'li.zoneId']).execute();
    for (const [name, zoneId] of Object.entries(zones)) {
      const l = made.find((m) => m.zoneId === zoneId);
      if (l) lists[name as keyof typeof lists] = { id: l.id, number: l.number };
    }
    expect(Object.keys(lists).sort()).toEqual(expect.arrayContaining(['A', 'B', 'C', 'FLOOR']));
    const a = await lines(lists.A.id);
    expect(a.filter((l) => l.item === null).map((l) => l.bin).sort()).toEqual(['01-03', '01-04']); // the empty bins
    await shot(desk, 'st-01-generated');
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
    await p.getByTestId('decision').waitFor({ timeout: 2000 }).then(() => p.getByTestId('decide-add').click()).catch(() => undefined);
    await expect.poll(async () => (await reports(lists.A.id)).at(-1)?.resultingQuantity).toBe('84');
    await p.locator('[data-testid="count-screen"][data-busy="false"]').waitFor();
    await p.getByTestId('last-reports').getByRole('button', { name: /undo/i }).first().click();
    await expect.poll(async () => (await reports(lists.A.id)).at(-1)?.valid).toBe(false);
    await expect.poll(async () => (await lines(lists.A.id)).find((l) => l.item === w.screws.code)?.reportedQuantity).toBe('24');
    await scanBin(p, 'BIN0103', '01-03');
    await p.getByTestId('bin-empty').click();
    await expect.poll(async () => (await lines(lists.A.id)).find((l) => l.bin === '01-03')?.status).toBe('reported');
    await shot(p, 'st-03-anna');
  });

  it('the back office keys in zone B from its printed sheet, the empty bin 02-02 confirmed in the grid', async () => {
    await keyInCounts(desk, { listId: lists.B.id, quantities: { [`${w.screws.code}@02-01`]: '48', 'EMPTY:02-02': '' } });
    const b = await lines(lists.B.id);
    expect(b.map((l) => [l.bin, l.item, l.reportedQuantity])).toEqual([['02-01', w.screws.code, '48'], ['02-02', null, '0']]);
  });
});
