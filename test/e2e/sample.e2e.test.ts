// A statistical sample inventory in the browser: the administrator sets the sampling configuration on a
// sample-method inventory type, creates an inventory of it and generates its article lists (which draws the
// sample), starts it; the counts are reported in-process (counting is the counting story's subject); the
// manager estimates in the sample panel, reads the result and prints it. Every check reads the database or the
// printed document.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { createInventoryType } from '../../src/services/inventory/inventory-type.service.js';
import { openCountLists } from '../../src/services/inventory/open.service.js';
import { reportCount } from '../../src/services/inventory/report.service.js';
import { makeItem, makeKey, makeOwner, makeSite, makeUnit, makeWarehouse } from '../helpers/factories.js';
import { pdfText } from '../helpers/pdf-text.js';
import { addBalance } from '../medium/inventory/generation-fixture.js';
import { launch, pick, shot } from './browser.js';
import { ADMIN_PASSWORD, startServer } from './server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let desk: Page;
let typeId: string;
let inventoryId: string;
let warehouseId: string;
let ownerCode: string;
const booked = new Map<string, number>();
const db = () => server.runtime.ctx.db;

beforeAll(async () => {
  server = await startServer();
  const site = await makeSite(db());
  const owner = await makeOwner(db());
  ownerCode = owner.code;
  await makeKey(db(), 'ADJ', 'adjustment');
  await makeKey(db(), 'TRF', 'transfer');
  warehouseId = (await makeWarehouse(db(), site.id, { code: 'WS' })).id;
  const unit = await makeUnit(db());
  // 60 positions with skewed values (1 … 90 a piece, 1 … 9 pieces): enough for three strata and a complete layer.
  for (let i = 0; i < 60; i++) {
    const item = await makeItem(db(), {
      code: `SMP${String(i).padStart(2, '0')}`,
      primaryUnit: unit,
      inventoryPrice: String(1 + ((i * 37) % 90)),
    });
    booked.set(item.id, 1 + (i % 9));
    await addBalance(db(), site.id, { itemId: item.id, warehouseId, ownerId: owner.id, quantity: String(1 + (i % 9)) });
  }
  typeId = (
    await createInventoryType(server.runtime.ctx, SYSTEM_ACTOR, {
      code: 'SAMPLE',
      method: 'sample',
      description: 'Sample counting',
      valuationPrice: 'inventory',
      adjustmentKey: 'ADJ',
      transferKey: 'TRF',
      inventoryNumbering: { prefix: 'SI-', width: 4 },
      countListNumbering: { prefix: 'SL-', width: 4 },
    } as never)
  ).id;
  browser = await launch();
  desk = await (
    await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB', reducedMotion: 'reduce' })
  ).newPage();
  desk.on('dialog', (d) => void d.accept());
});

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  await shot(desk, `sample-fail-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const money = (v: string) =>
  new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v as never);

describe('a sample inventory in the back office', () => {
  it('the administrator configures sampling on the type, a refused value shown on its field', async () => {
    await desk.goto(`${server.url}/`);
    await desk.getByLabel(/user name/i).fill('admin');
    await desk.getByLabel(/password/i).fill(ADMIN_PASSWORD);
    await desk.getByRole('button', { name: /sign in/i }).click();
    await desk.getByTestId('current-user').waitFor();
    await desk.goto(`${server.url}/settings/inventory-types`);
    await desk.getByTestId('types-table').getByText('SAMPLE', { exact: true }).click();
    await desk.getByTestId('type-sampling').click();
    const form = desk.getByTestId('sampling-form');
    await form.waitFor();
    await desk.getByTestId('sampling-precisionPct').fill('10');
    await desk.getByTestId('sampling-layer').getByText('Value threshold').click();
    await desk.getByTestId('sampling-minValue').fill('500');
    await desk.getByTestId('sampling-strata').fill('3');
    await desk.getByTestId('sampling-minPerStratum').fill('3');
    await desk.getByTestId('sampling-seed').fill('7');
    await pick(desk, 'sampling-estimator', 'Difference');
    await pick(desk, 'sampling-acceptance', 'Difference within a tolerance');
    // A tolerance of 100 % or more is refused before it is sent.
    await desk.getByTestId('sampling-tolerancePct').fill('150');
    await desk.getByTestId('sampling-save').click();
    await expect.poll(() => form.getByText('Must be below 100').count()).toBe(1);
    await desk.getByTestId('sampling-tolerancePct').fill('5');
    await shot(desk, 'sample-01-config');
    await desk.getByTestId('sampling-save').click();
    await form.waitFor({ state: 'detached' });
    const row = await db()
      .selectFrom('inventoryTypeSampling')
      .select('config')
      .where('typeId', '=', typeId)
      .executeTakeFirstOrThrow();
    expect(row.config).toMatchObject({
      confidence: 0.95,
      targetRelativePrecision: 0.1,
      completeLayer: { minValue: '500' },
      strata: 3,
      minPerStratum: 3,
      seed: 7,
      estimator: 'difference',
      acceptance: { kind: 'relative_difference', tolerance: '0.05' },
    });
  });

  it('creates a sample inventory and generates its lists: the panel shows the drawn strata', async () => {
    await desk.goto(`${server.url}/inventories`);
    await desk.getByTestId('new-inventory').click();
    await pick(desk, 'inv-type', /^SAMPLE/);
    await pick(desk, 'inv-owner', new RegExp(`^${ownerCode} `));
    await desk.getByTestId('inv-fy').fill('2026');
    await desk.getByTestId('inv-save').click();
    await desk.waitForURL(/\/inventories\/\d+$/);
    inventoryId = desk.url().split('/').pop()!;
    await expect.poll(() => desk.getByTestId('sample-outcome').textContent()).toBe('Not drawn');
    await desk.getByTestId('generate-menu').click();
    await desk.getByTestId('gen-article').click();
    const dialog = desk.getByTestId('generate-dialog');
    await dialog.waitFor();
    await pick(desk, 'gen-responsible', 'Manual');
    await pick(desk, 'gen-employee', 'Anna Rossi');
    await dialog.getByTestId('gen-run').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => desk.getByTestId('sample-outcome').textContent()).toBe('Drawn – to be estimated');
    const sample = await db()
      .selectFrom('inventorySamples')
      .select('design')
      .where('inventoryId', '=', inventoryId)
      .executeTakeFirstOrThrow();
    const design = sample.design as { strata: { index: number; populationCount: number; sampleSize: number }[] };
    expect(design.strata.length).toBeGreaterThan(1);
    for (const s of design.strata) {
      const cells = desk.getByTestId(`sample-stratum-${s.index}`).locator('td');
      expect(await cells.nth(2).textContent()).toBe(String(s.populationCount));
      expect(await cells.nth(4).textContent()).toBe(String(s.sampleSize));
    }
    expect(await desk.getByTestId('sample-book').textContent()).toBe(
      money((sample.design as { population: { bookTotal: string } }).population.bookTotal),
    );
    await desk.getByTestId('sample-estimate').click();
    // Nothing is counted yet: the refusal says how many positions are missing.
    await expect.poll(() => desk.getByTestId('sample-error').textContent()).toMatch(/\d+/);
    await shot(desk, 'sample-02-drawn');
  });

  it('after counting, the manager estimates: estimate, interval, precision and verdict as stored', async () => {
    await desk.getByTestId('inv-start').click();
    await expect.poll(() => desk.getByTestId('inventory-status').textContent()).toBe('Open');
    const ctx = server.runtime.ctx;
    const lines = await db()
      .selectFrom('countListItems')
      .select(['countListId', 'itemId'])
      .where('inventoryId', '=', inventoryId)
      .execute();
    await openCountLists(ctx, SYSTEM_ACTOR, [...new Set(lines.map((l) => l.countListId))]);
    // Every counted as booked but every fifth line one piece short.
    for (const [n, l] of lines.entries())
      await reportCount(ctx, SYSTEM_ACTOR, {
        countListId: l.countListId,
        itemId: l.itemId!,
        warehouseId,
        quantity: String(booked.get(l.itemId!)! - (n % 5 === 0 ? 1 : 0)),
      });
    await desk.getByTestId('sample-error').getByRole('button').click();
    await desk.getByTestId('sample-estimate').click();
    await expect.poll(() => desk.getByTestId('sample-estimate-value').textContent()).not.toBe('—');
    const s = await db()
      .selectFrom('inventorySamples')
      .select(['result', 'outcome'])
      .where('inventoryId', '=', inventoryId)
      .executeTakeFirstOrThrow();
    const r = s.result as {
      estimate: string;
      interval: { lower: string; upper: string };
      verdict: { passes: boolean; reasons: unknown[] };
    };
    expect(await desk.getByTestId('sample-estimate-value').textContent()).toBe(money(r.estimate));
    expect(await desk.getByTestId('sample-interval').textContent()).toBe(
      `${money(r.interval.lower)} – ${money(r.interval.upper)}`,
    );
    const word = { passed: 'Passed', extend: 'Not passed – extend', full_count: 'Not passed – full count' }[
      s.outcome as 'passed' | 'extend' | 'full_count'
    ];
    expect(await desk.getByTestId('sample-outcome').textContent()).toBe(word);
    if (!r.verdict.passes)
      expect(await desk.getByTestId('sample-reasons').locator('li').count()).toBe(r.verdict.reasons.length);
    await desk.getByTestId('sample-panel').scrollIntoViewIfNeeded();
    await shot(desk, 'sample-03-estimated');
  });

  it('prints the result: the PDF carries the estimate, the interval and the verdict', async () => {
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.getByTestId('sample-print').click()]);
    expect(download.suggestedFilename()).toMatch(/^sample-SI-\d{4}\.pdf$/);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    const s = await db()
      .selectFrom('inventorySamples')
      .select('result')
      .where('inventoryId', '=', inventoryId)
      .executeTakeFirstOrThrow();
    const r = s.result as {
      estimate: string;
      interval: { lower: string; upper: string };
      verdict: { passes: boolean };
    };
    expect(text).toContain('Sample inventory result');
    expect(text).toContain(money(r.estimate));
    expect(text).toContain(`${money(r.interval.lower)} – ${money(r.interval.upper)}`);
    expect(text).toContain(r.verdict.passes ? 'PASSED' : 'NOT PASSED');
  });
});
