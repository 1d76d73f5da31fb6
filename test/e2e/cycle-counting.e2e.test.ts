// Cycle counting in the browser: the manager saves the site's count plan (A 12, B 4, C 1) in the plan editor,
// reads the due list (an A item counted 100 days ago overdue, a position never counted, a B item counted
// yesterday not listed) with its status chips, and opens the KPI dashboard with its charts. Every check reads
// the database or the screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/inventory/generation.js';
import { makeItem, makeKey, makeOwner, makeSite, makeUnit, makeWarehouse } from '../helpers/factories.js';
import { addBalance } from '../medium/inventory/generation-fixture.js';
import { launch, shot } from './browser.js';
import { ADMIN_PASSWORD, startServer } from './server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let desk: Page;
let siteId: string;
const db = () => server.runtime.ctx.db;

beforeAll(async () => {
  server = await startServer();
  const site = await makeSite(db(), { code: 'CYC' });
  siteId = site.id;
  const owner = await makeOwner(db());
  await makeKey(db(), 'ADJ', 'adjustment');
  const wh = (await makeWarehouse(db(), site.id, { code: 'WC' })).id;
  const unit = await makeUnit(db());
  const today = new Date().toISOString().slice(0, 10);
  const items: [string, 'A' | 'B' | 'C', string | null][] = [
    ['CYC-A1', 'A', addDays(today, -100)],
    ['CYC-N1', 'C', null],
    ['CYC-B1', 'B', addDays(today, -1)],
  ];
  for (const [code, abcClass, lastCountedDate] of items) {
    const item = await makeItem(db(), { code, primaryUnit: unit });
    await db().updateTable('items').set({ abcClass }).where('id', '=', item.id).execute();
    await addBalance(db(), site.id, {
      itemId: item.id,
      warehouseId: wh,
      ownerId: owner.id,
      quantity: '4',
      lastCountedDate,
    });
    // A difference posted by a count list this month, for the dashboard's values chart.
    if (code === 'CYC-A1')
      await db()
        .insertInto('stockLedger')
        .values({
          siteId: site.id,
          keyCode: 'ADJ',
          itemId: item.id,
          warehouseId: wh,
          ownerId: owner.id,
          quantity: '-1',
          value: '-12.50',
          unitPrice: '12.50',
          postingDate: today,
          originType: 'count_list',
          originId: '0',
          createdAt: new Date(),
        })
        .execute();
  }
  browser = await launch();
  desk = await (
    await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB', reducedMotion: 'reduce' })
  ).newPage();
});

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  await shot(desk, `cycle-fail-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('cycle counting in the back office', () => {
  it('the manager saves the count plan of the site', async () => {
    await desk.goto(`${server.url}/`);
    await desk.getByLabel(/user name/i).fill('admin');
    await desk.getByLabel(/password/i).fill(ADMIN_PASSWORD);
    await desk.getByRole('button', { name: /sign in/i }).click();
    await desk.getByTestId('current-user').waitFor();
    await desk.getByRole('link', { name: 'Cycle counting' }).click();
    await desk.getByTestId('cycle-tab-plan').click();
    await desk.getByTestId('plan-capacity').fill('25');
    await desk.getByTestId('plan-save').click();
    await desk.getByTestId('plan-intervals').waitFor();
    await shot(desk, 'cycle-01-plan');
    const plan = await db().selectFrom('countPlans').selectAll().where('siteId', '=', siteId).executeTakeFirstOrThrow();
    expect(plan).toMatchObject({ warehouseId: null, countsA: 12, countsB: 4, countsC: 1, dailyCapacity: 25 });
    expect(await desk.getByTestId('plan-intervals').textContent()).toContain('every 21 working days');
  });

  it('the due list shows the overdue A item and the position never counted, not the B item', async () => {
    await desk.getByTestId('cycle-tab-due').click();
    const table = desk.getByTestId('due-list');
    await table.getByTestId('due-status-CYC-A1').waitFor();
    expect(await table.getByTestId('due-status-CYC-A1').textContent()).toBe('Overdue');
    expect(await table.getByTestId('due-status-CYC-N1').textContent()).toBe('Never counted');
    expect(await table.getByTestId('due-status-CYC-B1').count()).toBe(0);
    expect(await desk.getByTestId('due-chip-not_due').textContent()).toContain('(1)');
    await shot(desk, 'cycle-02-due-list');
  });

  it('the KPI dashboard shows the on-time share per class and the difference values', async () => {
    await desk.getByTestId('cycle-tab-kpi').click();
    const rowA = desk.getByTestId('kpi-row-A');
    await rowA.waitFor();
    expect(await rowA.textContent()).toContain('0 % (0)');
    expect(await desk.getByTestId('kpi-row-B').textContent()).toContain('100 % (1)');
    expect(await desk.getByTestId('kpi-totals').textContent()).toContain('12.50');
    await desk.locator('.recharts-surface').first().waitFor();
    expect(await desk.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await shot(desk, 'cycle-03-kpis');
  });
  it('the administrator runs the ABC analysis; the history shows what it changed', async () => {
    await desk.getByTestId('cycle-tab-abc').click();
    await desk.getByLabel('From').fill('2026-01-01');
    await desk.getByLabel('To').fill('2026-01-31');
    await desk.getByTestId('abc-run').click();
    const runs = desk.getByTestId('abc-runs');
    await runs.getByText('CYC-A1 A→C', { exact: false }).waitFor();
    const run = await db().selectFrom('abcAnalysisRuns').selectAll().executeTakeFirstOrThrow();
    expect(run).toMatchObject({ trigger: 'manual', changesCount: 2, countC: 3 });
    await shot(desk, 'cycle-04-abc');
  });
});
