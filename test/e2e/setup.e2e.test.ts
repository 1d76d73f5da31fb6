// A fresh install set up in the browser, as a new user would: the server starts on an EMPTY database (only the
// admin exists) and everything below is done through the screens — no API call and no database write from
// the test; the database is only read to check what the screens wrote. The admin is led to the first set-up
// (site, stock owner, a structured warehouse with zones and a differences zone, the default units, transaction
// keys, inventory types with numbering schemes, a counter), then creates 500 bins in bulk, an accounting
// period, a classification, the GS1 prefix, a lot-managed item and an item with a carton search code, posts
// opening stock, and creates an inventory whose Type list offers the configured types. Then the screens a
// counter sees, on a 390-px phone. Screenshots of each screen go to test-artifacts/.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, pick, shot } from './browser.js';
import { ADMIN_PASSWORD, startServer } from './server.js';
import { runFirstStartWizard, type WizardResult } from './setup/wizard.steps.js';
import { createBinsInBulk, screenshotPlaces } from './setup/places.steps.js';
import { createClassification, createPeriod, shootSettings } from './setup/settings.steps.js';
import { createItemWithCartonCode, createLotManagedItem, setGs1Prefix } from './setup/items.steps.js';
import { importOpeningStock, postReceipt } from './setup/postings.steps.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let desk: Page;
let setup: WizardResult;

const db = () => server.runtime.ctx.db;
const year = new Date().getUTCFullYear();

async function signIn(page: Page, user: string, password: string) {
  await page.goto(`${server.url}/`);
  await page.getByLabel(/user name/i).fill(user);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
}

beforeAll(async () => {
  server = await startServer({ empty: true });
  browser = await launch();
  desk = await (
    await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB', reducedMotion: 'reduce' })
  ).newPage();
  desk.on('dialog', (d) => void d.accept());
});

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  await shot(desk, `fail-setup-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a fresh install, set up in the browser', () => {
  it('the admin signs in on an empty database and is led to the first set-up', async () => {
    expect(await db().selectFrom('sites').select('id').execute()).toHaveLength(0);
    await signIn(desk, 'admin', ADMIN_PASSWORD);
    await desk.waitForURL(/\/setup$/);
    await shot(desk, 'setup-00-led-to-setup');
  });

  it('the wizard creates site, owner, warehouse with zones and a differences zone, units, keys, types and a counter', async () => {
    setup = await runFirstStartWizard(desk);
    const zones = await db().selectFrom('zones').select(['code', 'structured', 'usage']).orderBy('code').execute();
    expect(zones.map((z) => z.code).sort()).toEqual(
      [setup.differencesZone.code, setup.unstructuredZone.code, setup.structuredZone.code].sort(),
    );
    expect(zones.find((z) => z.code === setup.differencesZone.code)).toMatchObject({
      structured: false,
      usage: 'inventory_differences',
    });
    const types = await db().selectFrom('inventoryTypes').select('code').execute();
    expect(types.map((t) => t.code).sort()).toEqual([...setup.inventoryTypes].sort());
    const anna = await db()
      .selectFrom('users')
      .select(['role', 'siteId'])
      .where('username', '=', setup.counter.username)
      .executeTakeFirstOrThrow();
    expect(anna.role).toBe('counter');
    expect(anna.siteId).not.toBeNull();
  });

  it('creates 500 bins in bulk after a preview, and blocks one', async () => {
    const r = await createBinsInBulk(desk, {
      warehouseCode: setup.warehouse.code,
      zoneCode: setup.structuredZone.code,
    });
    expect(r.created).toBeGreaterThanOrEqual(500);
    const bins = await db().selectFrom('bins').select(['code', 'blocked']).execute();
    expect(bins.length).toBe(r.created);
    expect(bins.find((b) => b.code === r.blockedCode)?.blocked).toBe(true);
    await screenshotPlaces(desk);
  });

  it('opens the accounting period of the year and adds a product group', async () => {
    await createPeriod(desk, { fiscalYear: year });
    await createClassification(desk, { kind: 'product_group', code: 'FAST', description: 'Fasteners' });
    expect(await db().selectFrom('accountingPeriods').select('id').execute()).toHaveLength(1);
    await shootSettings(desk);
  });

  it('sets the GS1 prefix and creates a lot-managed item and an item with a carton search code', async () => {
    await setGs1Prefix(desk, '4006381');
    await createLotManagedItem(desk, { code: 'GLUE-50', description: 'Glue 50 ml', unit: 'PCS' });
    await createItemWithCartonCode(desk, {
      code: 'SCREW-M4',
      description: 'Screws M4 × 20',
      unit: 'PCS',
      cartonUnit: 'CT',
      cartonFactor: '12',
      cartonEan: '4006381333931',
    });
    const glue = await db()
      .selectFrom('items')
      .select('lotManagement')
      .where('code', '=', 'GLUE-50')
      .executeTakeFirstOrThrow();
    expect(glue.lotManagement).toBe('yes');
    const carton = await db()
      .selectFrom('itemSearchCodes')
      .select(['unit', 'conversionFactor'])
      .where('code', '=', '4006381333931')
      .executeTakeFirstOrThrow();
    expect(carton).toMatchObject({ unit: 'CT' });
    expect(Number(carton.conversionFactor)).toBe(12);
  });

  it('imports opening stock from a CSV file and posts a receipt of a lot in the browser', async () => {
    const w = setup.warehouse.code;
    const z = setup.structuredZone.code;
    await importOpeningStock(
      desk,
      [
        'itemCode,warehouseCode,zoneCode,binCode,lot,serial,expiryDate,ownerCode,quantity,unitPrice',
        `SCREW-M4,${w},${z},01-01-1-002,,,,${setup.owner.code},240,0.08`,
        `SCREW-M4,${w},${z},01-01-1-003,,,,${setup.owner.code},120,0.08`,
        `GLUE-50,${w},${setup.unstructuredZone.code},,L2026-11,,${year + 1}-06-30,${setup.owner.code},12,3.50`,
      ].join('\n') + '\n',
      'RCP',
    );
    await postReceipt(desk, {
      keyCode: 'RCP',
      warehouseCode: w,
      zoneCode: z,
      binCode: '01-01-1-004',
      itemCode: 'GLUE-50',
      quantity: '6',
      lot: 'L2026-12',
      unitPrice: '3.60',
    });
    const balances = await db()
      .selectFrom('stockBalances as sb')
      .innerJoin('items as i', 'i.id', 'sb.itemId')
      .select(['i.code', 'sb.lot', 'sb.quantity'])
      .orderBy('i.code')
      .orderBy('sb.lot')
      .execute();
    const got = balances.map((b) => `${b.code} ${b.lot} ${Number(b.quantity)}`).sort();
    expect(got).toEqual(['GLUE-50 L2026-11 12', 'GLUE-50 L2026-12 6', 'SCREW-M4  120', 'SCREW-M4  240']);
  });

  it('creates an inventory whose Type list offers the configured types', async () => {
    await desk.goto(`${server.url}/inventories`);
    await desk.getByTestId('new-inventory').click();
    await desk.getByTestId('inv-type').click();
    const options = (await desk.getByRole('option').allTextContents()).map((o) => o.split(' · ')[0]);
    expect(options.sort()).toEqual([...setup.inventoryTypes].sort());
    await shot(desk, 'setup-90-inventory-types-offered');
    await desk.getByRole('option', { name: /^STD/ }).click();
    await pick(desk, 'inv-owner', new RegExp(`^${setup.owner.code}`));
    await desk.getByTestId('inv-desc').fill(`Year-end ${year}`);
    await desk.getByTestId('inv-save').click();
    await desk.waitForURL(/\/inventories\/\d+$/);
    const inv = await db()
      .selectFrom('inventories')
      .innerJoin('inventoryTypes as t', 't.id', 'inventories.typeId')
      .select(['inventories.number', 't.code'])
      .executeTakeFirstOrThrow();
    expect(inv.code).toBe('STD');
    expect(inv.number).toMatch(/^STD-/);
    await shot(desk, 'setup-91-inventory-created');
  });
});

describe('the screens a counter sees, on a 390-px phone', () => {
  it('the counter signs in on the phone: no list yet, and Sign out is reachable', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
      reducedMotion: 'reduce',
    });
    const phone = await ctx.newPage();
    await signIn(phone, setup.counter.username, setup.counter.password);
    await phone.waitForURL(/\/scan/);
    await phone.getByText(/no open count lists/i).waitFor();
    await shot(phone, 'setup-95-phone-counter-scan');
    await phone.getByTestId('scan-user-menu').click();
    await shot(phone, 'setup-96-phone-counter-menu');
    await phone.getByTestId('scan-sign-out').click();
    await phone.getByLabel(/user name/i).waitFor();
    await ctx.close();
  });

  it('the back office on a phone: navigation, language and Sign out in the drawer, nothing cut off', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
      reducedMotion: 'reduce',
    });
    const phone = await ctx.newPage();
    await signIn(phone, 'admin', ADMIN_PASSWORD);
    await phone.waitForURL(/\/inventories/);
    await phone.getByTestId('new-inventory').waitFor();
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(phone, 'setup-97-phone-back-office');
    await phone
      .getByRole('button', { name: /navigation/i })
      .or(phone.locator('.mantine-Burger-root'))
      .first()
      .click();
    // The drawer slides in: wait until Sign out is fully on screen.
    await expect
      .poll(async () => (await phone.getByTestId('sign-out-mobile').boundingBox())?.x ?? -1)
      .toBeGreaterThanOrEqual(0);
    await shot(phone, 'setup-98-phone-drawer');
    await phone.getByTestId('sign-out-mobile').click();
    await phone.getByLabel(/user name/i).waitFor();
    await ctx.close();
  });
});
