// The story of a stock-taking day in Chromium, every step through the real screens and the real API:
// master data (site, structured warehouse with bins, items with EAN-13 search codes, stock received through
// the ledger, an inventory type, a counter) is set up first; then the manager creates the inventory in the
// UI, generates bin count lists with a structure table (preview first), starts the inventory and opens the
// lists (job progress); Anna counts on a phone-sized /scan page with keyboard-wedge scans — a repeat scan
// answered Replace, then Add, an offline stretch whose reports reach the server exactly once, an undo, an
// empty bin, a bin not on the list (warned at once and refused on the bin list); then on a second list (an
// article list of the unstructured zone FLOOR of the same warehouse) she reports at the zone itself, is told
// that bin 01-01 belongs to the bin list, counts in bin 01-04 that no list has and hears that the bolts there
// were added as a found item; the manager closes the lists and the inventory in the UI and sees the differences.
// Waits are on explicit UI states (data-ready/data-busy of the counting screen, job data-status) and every
// server-side check polls until the report arrives — never a fixed sleep as a synchronisation.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addSearchCode, makeCountingWorld, type World } from '../medium/counting/fixtures.js';
import { makeBin, makeItem, makeKey, makeZone } from '../helpers/factories.js';
import { launch, pick, shot, wedgeScan } from './browser.js';
import { ADMIN_PASSWORD, COUNTER_PASSWORD, startServer } from './server.js';

const SCREWS_CT = '4006381333931'; // EAN-13 of a carton of 12 screws
const NUTS_EAN8 = '96385074';
const GLUE_EAN = '9506000134352';
const BOLTS_EAN = '4006381000017'; // bolts: on no list, found in bin 01-04

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let w: World;
let token: string;
let desk: Page;
let phoneCtx: BrowserContext;
let phone: Page;
let inventoryId: string;
let listId: string;
let listNumber: string;
let floorId: string;
let boltsId: string;
let zoneListId: string;
let zoneListNumber: string;

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), authorization: `Bearer ${token}` },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function signIn(page: Page, user: string, password: string) {
  await page.goto(`${server.url}/`);
  await page.getByLabel(/user name/i).fill(user);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
}

/** The count reports of the list as the server stored them, in order. */
async function reports() {
  return server.runtime.ctx.db
    .selectFrom('countReports')
    .select(['clientReportId', 'quantity', 'mode', 'resultingQuantity', 'countListItemId', 'valid'])
    .where('countListId', '=', listId)
    .orderBy('id')
    .execute();
}

/** Waits for the background job shown on the inventory screen to end, and for every list to have made it. */
async function jobSucceeded() {
  const job = desk.getByTestId('job-progress').first();
  await desk.locator('[data-testid="job-progress"][data-status="succeeded"]').first().waitFor({ timeout: 30_000 });
  expect(await job.getAttribute('data-failed-lists'), (await job.textContent()) ?? '').toBe('0');
}

async function confirmQuantity(quantity: string, lot?: string) {
  await phone.getByTestId('qty-input').waitFor();
  if (lot) await phone.getByTestId('lot-input').fill(lot);
  await phone.getByTestId('qty-input').fill(quantity);
  await phone.getByTestId('confirm').click();
}

beforeAll(async () => {
  server = await startServer();
  const db = server.runtime.ctx.db;
  w = await makeCountingWorld(db);
  // Structured warehouses take differences through their inventory-differences zone (counted on its own list).
  // That zone goes negative for found stock until its own list is counted, as SAP WM's difference interim area.
  await makeZone(db, w.site.id, w.structured.id, { code: 'DIFF', structured: false, usage: 'inventory_differences' });
  // An empty bin: the bin list gets its "(empty bin)" line, which the counter confirms as empty on the phone.
  await makeBin(db, w.site.id, w.structured.id, w.zone.id, {
    code: '01-03',
    place: '03',
    rowNo: '01',
    barcode: 'BIN0103',
  });
  // An unstructured zone of the same warehouse: stock sits on the zone, no bins (an article list counts it).
  floorId = (await makeZone(db, w.site.id, w.structured.id, { code: 'FLOOR', structured: false })).id;
  const bolts = await makeItem(db, { primaryUnit: 'PZ', description: 'Bolts M6' });
  boltsId = bolts.id;
  await addSearchCode(db, bolts.id, BOLTS_EAN, 'PZ');
  await db.updateTable('warehouses').set({ allowNegative: true }).where('id', '=', w.structured.id).execute();
  for (const [code, kind] of [
    ['REC', 'receipt'],
    ['ADJ', 'adjustment'],
    ['TRF', 'transfer'],
    ['REV', 'revaluation'],
  ] as const)
    await makeKey(db, code, kind);
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  token = ((await login.json()) as { token: string }).token;
  // Stock as the ledger knows it: 30 screws in bin 01-01, 10 nuts in bin 01-02, 7 nuts on the zone FLOOR.
  const line = { warehouseId: w.structured.id, zoneId: w.zone.id, ownerId: w.owner.id };
  await call('POST', '/api/postings/receipt', {
    siteId: w.site.id,
    keyCode: 'REC',
    postingDate: '2026-03-01',
    lines: [
      { ...line, itemId: w.screws.id, binId: w.bin1.id, quantity: '30', unitPrice: '0.10' },
      { ...line, itemId: w.nuts.id, binId: w.bin2.id, quantity: '10', unitPrice: '0.05' },
      { ...line, zoneId: floorId, itemId: w.nuts.id, quantity: '7', unitPrice: '0.05' },
    ],
  });
  await call('POST', '/api/inventory-types', {
    code: 'YEAR',
    method: 'stock_taking_day',
    description: 'Year-end stock-taking',
    valuationPrice: 'average',
    adjustmentKey: 'ADJ',
    transferKey: 'TRF',
    valueAdjustmentKey: 'REV',
    reportType: 'single',
    showSystemQuantities: false,
    keepLocation: true,
    inventoryNumbering: { prefix: 'INV-', width: 4 },
    countListNumbering: { prefix: 'CL-', width: 4 },
  });
  browser = await launch();
  desk = await (
    await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB', reducedMotion: 'reduce' })
  ).newPage();
  desk.on('dialog', (d) => void d.accept()); // "close the inventory?" confirmations
  phoneCtx = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    reducedMotion: 'reduce',
  });
  phone = await phoneCtx.newPage();
  if (process.env.E2E_CONSOLE) phone.on('console', (m) => console.log('[phone]', m.text()));
});

// A failed step leaves both screens behind for the report.
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40);
  await shot(desk, `fail-desk-${name}`).catch(() => undefined);
  await shot(phone, `fail-phone-${name}`).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('back office: inventory, generation, opening', () => {
  it('signs in as admin; a wrong password shows the API message', async () => {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await signIn(p, 'admin', 'wrong-password');
    await expect.poll(() => p.getByTestId('login-error').textContent()).toBeTruthy();
    await ctx.close();
    await signIn(desk, 'admin', ADMIN_PASSWORD);
    await desk.getByTestId('current-user').waitFor();
    await desk.waitForURL(/\/inventories$/);
  });

  it('finds items by code and lists the bins of the structured warehouse', async () => {
    await desk.goto(`${server.url}/items`);
    await desk.getByTestId('item-search').fill(w.screws.code);
    await desk.getByTestId('items-table').getByText(w.screws.code, { exact: true }).first().waitFor();
    await shot(desk, '02-items');
    // The item editor: its tabs read the item-master API; the search codes tab lists the carton EAN.
    await desk.getByTestId('items-table').getByText(w.screws.code, { exact: true }).first().click();
    const editor = desk.getByTestId('item-editor');
    await editor.waitFor();
    await editor.getByRole('tab', { name: 'Search codes' }).click();
    await editor.getByTestId('search-codes').getByText(SCREWS_CT).waitFor();
    await shot(desk, '02b-item-editor');
    await desk.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    await desk.goto(`${server.url}/places`);
    await desk.getByRole('tab', { name: 'Bins' }).click();
    await desk.getByText('01-02', { exact: true }).waitFor();
    await shot(desk, '03-bins');
  });

  it('creates an inventory in the UI: site, type (defaults copied), owner, fiscal year, stock-taking date', async () => {
    await desk.goto(`${server.url}/inventories`);
    await desk.getByTestId('new-inventory').click();
    await pick(desk, 'inv-type', /^YEAR/);
    await pick(desk, 'inv-owner', new RegExp(`^${w.owner.code} `));
    await desk.getByTestId('inv-fy').fill('2026');
    await desk.getByTestId('inv-date').fill('2026-03-31');
    await desk.getByTestId('inv-desc').fill('Year-end count 2026');
    await shot(desk, '04-inventory-create');
    await desk.getByTestId('inv-save').click();
    await desk.waitForURL(/\/inventories\/\d+$/);
    inventoryId = desk.url().split('/').pop()!;
    await expect.poll(() => desk.getByTestId('inventory-number').textContent()).toMatch(/INV-0001/);
    const inv = await call<{
      fiscalYear: number;
      stockTakingDate: string;
      reportType: string;
      adjustmentKey: string;
      showSystemQuantities: boolean;
    }>('GET', `/api/inventories/${inventoryId}`);
    expect(inv).toMatchObject({
      fiscalYear: 2026,
      stockTakingDate: '2026-03-31',
      reportType: 'single',
      adjustmentKey: 'ADJ',
      showSystemQuantities: false,
    });
  });

  it('generates bin count lists with a structure table, after a preview, for Anna', async () => {
    await desk.getByTestId('generate-menu').click();
    await desk.getByTestId('gen-bin').click();
    const dialog = desk.getByTestId('generate-dialog');
    await dialog.waitFor();
    await pick(desk, 'gen-responsible', 'Manual');
    await pick(desk, 'gen-employee', 'Anna Rossi');
    // Structure: rows before aisles, and every zone starts a new list.
    await dialog.getByRole('button', { name: 'Move up row' }).click();
    await expect
      .poll(() =>
        dialog.locator('[data-criterion]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-criterion'))),
      )
      .toEqual(['warehouse', 'zone', 'row', 'aisle', 'level', 'place']);
    await dialog.getByRole('checkbox', { name: 'New list zone' }).check();
    await dialog.getByTestId('gen-preview-btn').click();
    const preview = desk.getByTestId('gen-preview');
    await preview.waitFor();
    expect(await preview.getAttribute('data-lists')).toBe('1');
    expect(Number(await preview.getAttribute('data-positions'))).toBeGreaterThanOrEqual(2);
    await shot(desk, '05-generate-preview');
    await dialog.getByTestId('gen-run').click();
    await dialog.waitFor({ state: 'detached' });
    const row = desk.getByTestId('count-lists').locator('.vt-row').first();
    await row.waitFor();
    const lists = await call<{
      items: Array<{ id: string; number: string; responsibleUserId: string; status: string }>;
    }>('GET', `/api/inventories/${inventoryId}/count-lists`);
    expect(lists.items).toHaveLength(1);
    ({ id: listId, number: listNumber } = lists.items[0]!);
    expect(lists.items[0]).toMatchObject({ responsibleUserId: server.annaId, status: 'created' });
    await expect.poll(() => desk.getByTestId('inventory-status').textContent()).toMatch(/lists/i);
  });

  it('starts the inventory and opens the list with a background job whose progress shows', async () => {
    await desk.getByTestId('inv-start').click();
    await expect.poll(() => desk.getByTestId('inventory-status').textContent()).toMatch(/^open$/i);
    await desk.getByLabel(listId, { exact: true }).check();
    await desk.getByTestId('lists-open').click();
    await jobSucceeded();
    await expect.poll(() => desk.getByTestId('count-lists').locator('.vt-row').first().textContent()).toMatch(/Open/);
    await shot(desk, '06-inventory-lists-open');
  });
});

describe('counting on the handheld page (390×844)', () => {
  it('Anna signs in on her phone and sees only her open list', async () => {
    await signIn(phone, 'anna', COUNTER_PASSWORD);
    await phone.waitForURL(/\/scan/);
    await phone.getByTestId(`list-${listNumber}`).waitFor();
    await shot(phone, '10-scan-lists');
    await phone.getByTestId(`list-${listNumber}`).click();
    await phone.locator('[data-testid="count-screen"][data-ready="true"]').waitFor();
  });

  it('wedge scans: bin 01-01, then 2 cartons of screws → 24 pieces on the server', async () => {
    await wedgeScan(phone, 'BIN0101');
    await expect.poll(() => phone.getByTestId('current-bin').textContent()).toBe('01-01');
    await wedgeScan(phone, SCREWS_CT);
    await phone.getByTestId('item-panel').waitFor();
    await shot(phone, '11-scan-item');
    await confirmQuantity('2');
    await expect.poll(async () => (await reports()).length).toBe(1);
    expect((await reports())[0]).toMatchObject({ quantity: '24', resultingQuantity: '24', mode: 'replace' });
    await expect.poll(() => phone.getByTestId('current-bin').textContent()).toBe('01-01'); // keep location
  });

  it('a repeat scan asks Add or Replace with the report type (single → Replace) preselected', async () => {
    await wedgeScan(phone, SCREWS_CT);
    await confirmQuantity('3');
    await phone.getByTestId('decision').waitFor();
    await expect.poll(() => phone.getByTestId('decide-replace').textContent()).toMatch(/default/i);
    await shot(phone, '12-scan-repeat');
    await phone.getByTestId('decide-replace').click();
    await expect.poll(async () => (await reports()).map((x) => x.resultingQuantity)).toEqual(['24', '36']);
  });

  it('offline: two reports wait on the device and reach the server exactly once when back online', async () => {
    await phoneCtx.setOffline(true);
    await phone.getByTestId('offline-badge').waitFor();
    await wedgeScan(phone, 'BIN0102');
    await expect.poll(() => phone.getByTestId('current-bin').textContent()).toBe('01-02');
    await wedgeScan(phone, NUTS_EAN8);
    await confirmQuantity('9');
    await expect.poll(() => phone.getByTestId('queue-count').textContent()).toMatch(/^1 /);
    await wedgeScan(phone, GLUE_EAN); // found in the bin, not expected there: lot-managed
    await confirmQuantity('5', 'L1');
    await expect.poll(() => phone.getByTestId('queue-count').textContent()).toMatch(/^2 /);
    await shot(phone, '13-scan-offline');
    expect(await reports()).toHaveLength(2);
    // A reload without network: the service worker serves the app shell and its built assets, the list comes
    // from the device cache, and the two reports still wait in the queue.
    await phone.reload();
    await phone.locator('[data-testid="count-screen"][data-ready="true"]').waitFor();
    expect(await phone.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect.poll(() => phone.getByTestId('queue-count').textContent()).toMatch(/^2 /);
    await phoneCtx.setOffline(false);
    await expect.poll(() => phone.getByTestId('queue-count').textContent(), { timeout: 20_000 }).toMatch(/^0 /);
    await expect.poll(async () => (await reports()).length).toBe(4);
    await expect
      .poll(() =>
        phone
          .getByTestId('last-reports')
          .getByText(/waiting/i)
          .count(),
      )
      .toBe(0); // shown as sent
    // Further flushes (the timer, another online event) must not send anything again.
    await phone.evaluate(() => window.dispatchEvent(new Event('online')));
    await phone.waitForTimeout(2500);
    const all = await reports();
    expect(all).toHaveLength(4);
    expect(new Set(all.map((x) => x.clientReportId)).size).toBe(4);
    expect(all.slice(2).map((x) => x.quantity)).toEqual(['9', '5']);
  });

  it('Add on a repeat scan, then undo: the report is kept but invalid, and the line is back to its count before it', async () => {
    await wedgeScan(phone, 'BIN0101');
    await expect.poll(() => phone.getByTestId('current-bin').textContent()).toBe('01-01');
    await wedgeScan(phone, SCREWS_CT);
    await confirmQuantity('1');
    await phone.getByTestId('decide-add').click();
    await expect.poll(async () => (await reports()).at(-1)?.resultingQuantity).toBe('48');
    await phone.locator('[data-testid="count-screen"][data-busy="false"]').waitFor();
    const added = (await reports()).at(-1)!;
    await phone.getByTestId('last-reports').getByRole('button', { name: /undo/i }).first().click();
    await expect
      .poll(async () => (await reports()).at(-1))
      .toMatchObject({ clientReportId: added.clientReportId, valid: false });
    expect(await reports()).toHaveLength(5);
    const line = await server.runtime.ctx.db
      .selectFrom('countListItems')
      .select(['reportedQuantity', 'status'])
      .where('id', '=', added.countListItemId)
      .executeTakeFirstOrThrow();
    expect(line).toEqual({ reportedQuantity: '36', status: 'reported' });
    await shot(phone, '14-scan-undo');
  });

  it('scans the empty bin 01-03 and confirms "Bin empty": its line is reported with 0', async () => {
    await phone.getByTestId('current-bin').waitFor();
    if ((await phone.getByTestId('current-bin').textContent()) !== 'Scan bin')
      await phone.getByRole('button', { name: 'Change' }).click();
    await wedgeScan(phone, 'BIN0103');
    await expect.poll(() => phone.getByTestId('current-bin').textContent()).toBe('01-03');
    await phone.getByTestId('bin-empty').click();
    const emptyLine = await server.runtime.ctx.db
      .selectFrom('countListItems as li')
      .innerJoin('bins as b', 'b.id', 'li.binId')
      .select(['li.id'])
      .where('li.countListId', '=', listId)
      .where('b.code', '=', '01-03')
      .where('li.itemId', 'is', null)
      .executeTakeFirstOrThrow();
    await expect
      .poll(async () => (await reports()).find((r) => r.countListItemId === emptyLine.id))
      .toMatchObject({ quantity: '0', valid: true });
    await phone.getByTestId('bin-empty').waitFor({ state: 'detached' });
    await shot(phone, '15-scan-bin-empty');
  });

  it('a bin that is not on the bin list is warned about at once and refused: a bin list takes only its own bins', async () => {
    // Bin 01-04 is set up after the lists were made, so no list has it and the device has not cached it:
    // at the bin step the page asks the server what the code is.
    await makeBin(server.runtime.ctx.db, w.site.id, w.structured.id, w.zone.id, {
      code: '01-04',
      place: '04',
      rowNo: '01',
      barcode: 'BIN0104',
    });
    await phone.getByRole('button', { name: 'Change' }).click();
    await expect.poll(() => phone.getByTestId('current-bin').textContent()).toBe('Scan bin');
    await wedgeScan(phone, 'BIN0104');
    await expect
      .poll(() => phone.getByTestId('scan-message').textContent())
      .toBe('Bin 01-04 is not on this list. This bin list takes only its own bins: scan a bin of the list.');
    expect(await phone.getByTestId('current-bin').textContent()).toBe('Scan bin');
    await shot(phone, '15b-scan-bin-not-on-list');
  });

  it('the manager gives Anna a second list: an article list of the unstructured zone FLOOR, opened', async () => {
    const made = await call<{ lists: Array<{ id: string; number: string }> }>(
      'POST',
      `/api/inventories/${inventoryId}/count-lists/generate`,
      {
        countType: 'article',
        warehouseIds: [w.structured.id],
        zoneIds: [floorId],
        responsibleOrigin: 'manual',
        responsibleUserId: server.annaId,
        name: 'Floor',
      },
    );
    expect(made.lists).toHaveLength(1);
    ({ id: zoneListId, number: zoneListNumber } = made.lists[0]!);
    await call('POST', '/api/count-lists/open', { countListIds: [zoneListId] });
    await expect
      .poll(
        async () =>
          (
            await call<{ items: Array<{ id: string; status: string }> }>(
              'GET',
              `/api/inventories/${inventoryId}/count-lists`,
            )
          ).items.find((l) => l.id === zoneListId)?.status,
        { timeout: 30_000 },
      )
      .toBe('open');
  });

  it('reports at the unstructured zone: the zone code is scanned, the nuts are reported on the zone (no bin)', async () => {
    await phone.getByRole('button', { name: 'Other list' }).click();
    await phone.getByTestId(`list-${zoneListNumber}`).click();
    await phone.locator('[data-testid="count-screen"][data-ready="true"]').waitFor();
    await wedgeScan(phone, 'FLOOR');
    await expect.poll(() => phone.getByTestId('current-bin').textContent()).toBe('Zone FLOOR');
    await wedgeScan(phone, NUTS_EAN8);
    await confirmQuantity('6');
    await expect.poll(() => phone.getByTestId('scan-message').textContent()).toBe('Recorded: 6 PZ · Zone FLOOR');
    const line = await server.runtime.ctx.db
      .selectFrom('countListItems')
      .select(['zoneId', 'binId', 'reportedQuantity'])
      .where('countListId', '=', zoneListId)
      .where('itemId', '=', w.nuts.id)
      .executeTakeFirstOrThrow();
    expect(line).toEqual({ zoneId: floorId, binId: null, reportedQuantity: '6' });
    await shot(phone, '15c-scan-zone');
  });

  it('a bin the bin list counts is refused naming that list; a bin on no list is warned about, counted anyway, and the bolts are said to be a found item', async () => {
    await wedgeScan(phone, 'BIN0101');
    await expect
      .poll(() => phone.getByTestId('scan-message').textContent())
      .toBe(
        `Bin 01-01 is not on this list. Count list ${listNumber} has it. This is already counted on open count list ${listNumber}: report it there.`,
      );
    expect(await phone.getByTestId('current-bin').textContent()).toBe('Zone FLOOR');
    await wedgeScan(phone, 'BIN0104');
    await expect
      .poll(() => phone.getByTestId('place-warning').textContent())
      .toMatch(/^Bin 01-04 is not on this list\. Count here anyway\?/);
    await shot(phone, '15d-scan-place-warning');
    await phone.getByTestId('place-continue').click();
    await expect.poll(() => phone.getByTestId('current-bin').textContent()).toBe('01-04');
    await wedgeScan(phone, BOLTS_EAN);
    await phone.getByTestId('item-panel').waitFor();
    await confirmQuantity('4');
    await expect
      .poll(() => phone.getByTestId('scan-message').textContent())
      .toBe('Recorded: 4 PZ · Bin 01-04 · added to the list as a found item');
    const found = await server.runtime.ctx.db
      .selectFrom('countListItems as li')
      .innerJoin('bins as b', 'b.id', 'li.binId')
      .select(['b.code', 'li.addedByCount', 'li.reportedQuantity'])
      .where('li.countListId', '=', zoneListId)
      .where('li.itemId', '=', boltsId)
      .executeTakeFirstOrThrow();
    expect(found).toEqual({ code: '01-04', addedByCount: true, reportedQuantity: '4' });
    await shot(phone, '15e-scan-found-item');
  });

  it('Anna signs out from the handheld menu, so the device can change hands', async () => {
    await phone.getByTestId('scan-user-menu').click();
    await phone.getByTestId('scan-sign-out').click();
    await phone.getByLabel(/user name/i).waitFor();
    await shot(phone, '16-scan-signed-out');
  });
});

describe('closing', () => {
  it('closes the list in the UI (job progress); the list shows counted quantities, differences and postings', async () => {
    await desk.goto(`${server.url}/inventories/${inventoryId}`);
    await desk.getByLabel(listId, { exact: true }).check();
    await desk.getByLabel(zoneListId, { exact: true }).check();
    await desk.getByTestId('lists-close').click();
    await jobSucceeded();
    await expect.poll(() => desk.getByTestId('count-lists').locator('.vt-row').first().textContent()).toMatch(/Closed/);
    await desk.goto(`${server.url}/count-lists/${listId}`);
    const items = desk.getByTestId('list-items');
    await items.getByText('+6', { exact: true }).first().waitFor(); // screws: 30 expected, 36 counted
    await items.getByText('-1', { exact: true }).first().waitFor(); // nuts: 10 expected, 9 counted
    await expect.poll(() => desk.getByTestId('list-status').textContent()).toMatch(/^closed$/i);
    await shot(desk, '20-count-list-closed');
  });

  it('closes the inventory in the UI; the stock ledger holds the difference postings', async () => {
    await desk.goto(`${server.url}/inventories/${inventoryId}`);
    await desk.getByTestId('inv-close').click();
    await expect
      .poll(() => desk.getByTestId('inventory-status').textContent(), { timeout: 30_000 })
      .toMatch(/^closed$/i);
    // The close result stays on screen: per-list outcomes, parked postings, value adjustments.
    const closed = desk.getByTestId('close-result');
    await closed.waitFor({ timeout: 30_000 });
    expect(await closed.getAttribute('data-parked')).toBe('0');
    await shot(desk, '21-inventory-closed');
    // The differences went to the bins from the warehouse's inventory-differences zone (transfers).
    const ledger = await call<{ items: Array<{ itemId: string; binId: string | null; quantity: string }> }>(
      'GET',
      `/api/stock/ledger?siteId=${w.site.id}&keyCode=TRF&limit=100`,
    );
    const inBins = Object.fromEntries(ledger.items.filter((l) => l.binId !== null).map((l) => [l.itemId, l.quantity]));
    expect(inBins).toMatchObject({ [w.screws.id]: '6', [w.nuts.id]: '-1', [w.glue.id]: '5' });
    await desk.goto(`${server.url}/stock`);
    await desk.getByTestId('stock-item').fill(w.screws.code);
    await desk.getByRole('tab', { name: /ledger/i }).click();
    const ledgerRows = desk.getByTestId('ledger').locator('.vt-row');
    // Only the screws once the filter applies: received 30 in 01-01, +6 into 01-01 and -6 out of the differences zone.
    // Cells: entry | posting date | key | item | place | lot | quantity with unit | …
    const cells = () =>
      ledgerRows.evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('.vt-cell')].map((c) => c.textContent ?? '')),
      );
    await expect
      .poll(async () =>
        (await cells()).map((c) => `${c[2]} ${c[3]} ${c[4]?.split(' / ').pop()} ${c[6]?.split(' ')[0]}`).sort(),
      )
      .toEqual([`REC ${w.screws.code} 01-01 +30`, `TRF ${w.screws.code} 01-01 +6`, `TRF ${w.screws.code} DIFF -6`]);
    await shot(desk, '22-stock-ledger');
  });

  it('the differences report shows each posted difference with its value, as the ledger has it', async () => {
    await desk.goto(`${server.url}/inventories/${inventoryId}`);
    await desk.getByTestId('inv-differences').click();
    await desk.waitForURL(/\/differences$/);
    const table = desk.getByTestId('differences');
    await table.getByText(w.screws.code, { exact: true }).first().waitFor();
    // Screws +6 and nuts -1 (and glue, found), valued from their own closing entries.
    const entries = await server.runtime.ctx.db
      .selectFrom('stockLedger')
      .select(['itemId', 'quantity', 'value'])
      .where('originType', '=', 'count_list')
      .where('binId', 'is not', null)
      .execute();
    const screws = entries.find((e) => e.itemId === w.screws.id && Number(e.quantity) > 0)!;
    const api = await call<{
      items: Array<{ id: string; itemCode: string; difference: string; value: string; valueSource: string }>;
    }>('GET', `/api/inventories/${inventoryId}/differences`);
    const row = api.items.find((r) => r.itemCode === w.screws.code)!;
    expect(row).toMatchObject({ difference: '6', valueSource: 'ledger' });
    expect(Number(row.value)).toBe(Number(screws.value));
    await expect
      .poll(() => desk.getByTestId(`diff-value-${row.id}`).textContent())
      .toBe(new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2 }).format(Number(screws.value)));
    await shot(desk, '23-differences-report');
  });
});
