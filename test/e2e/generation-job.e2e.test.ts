// Count-list generation as a job, and Duplicate, in Chromium. The manager generates article lists in the
// background; the server's job writes them chunk by chunk and its second chunk fails once (a job kind wired
// to fail there, as a full disk would): the page shows the job failed, the generation stopped with the
// reason and the list written so far as partially generated. Generating again from the dialog — filled in
// with the same parameters — continues the plan and ends with every list created; Duplicate opens a copy
// with a new number that offers the same parameters. Waits are on explicit UI states, never sleeps.
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../src/api/app.js';
import { startBackground } from '../../src/services/background.js';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { GENERATE_JOB, runGeneration } from '../../src/services/inventory/generation-job.service.js';
import { createInventory } from '../../src/services/inventory/inventory.service.js';
import { createInventoryType } from '../../src/services/inventory/inventory-type.service.js';
import { JOB_DEFINITIONS } from '../../src/services/jobs/catalogue.js';
import { defineJob, jobRegistry, type JobDefinition } from '../../src/services/jobs/queue.js';
import { openRuntime } from '../../src/services/runtime.js';
import { createUser, ensureAdmin } from '../../src/services/user.service.js';
import { makeItem, makeKey, makeOwner, makeSite, makeWarehouse } from '../helpers/factories.js';
import { addBalance } from '../medium/inventory/generation-fixture.js';
import { launch, shot } from './browser.js';
import { ADMIN_PASSWORD } from './server.js';

let runtime: Awaited<ReturnType<typeof openRuntime>>;
let app: Awaited<ReturnType<typeof buildApp>>;
let background: Awaited<ReturnType<typeof startBackground>>;
let url = '';
let browser: Browser;
let desk: Page;
let inventoryId = '';
let failures = 0;
const db = () => runtime.ctx.db;

// The generation job as the server has it, except that its second chunk fails the first time it is written.
const failingOnce = defineJob(GENERATE_JOB, z.object({ inventoryId: z.string() }), async (ctx, job, progress) =>
  runGeneration(ctx, job.actor, job.params.inventoryId, progress, {
    afterChunkWrites: (n) => {
      if (n === 1 && failures++ === 0) throw new Error('the disk is full');
    },
  }),
);
const jobs = jobRegistry([
  ...JOB_DEFINITIONS.filter((d) => d.kind !== GENERATE_JOB),
  failingOnce,
] as unknown as ReadonlyArray<JobDefinition<never>>);

const lists = () =>
  db()
    .selectFrom('countLists')
    .select(['number', 'status', 'statusReason'])
    .where('inventoryId', '=', inventoryId)
    .orderBy('number')
    .execute();

beforeAll(async () => {
  runtime = await openRuntime({ dataDir: 'memory://', overrides: { jobs } });
  await ensureAdmin(runtime.ctx, ADMIN_PASSWORD);
  const counter = await createUser(runtime.ctx, SYSTEM_ACTOR, {
    username: 'gina',
    password: 'e2e-counter-password',
    role: 'counter',
    displayName: 'Gina',
  });
  const site = await makeSite(db());
  const owner = await makeOwner(db());
  await makeKey(db(), 'ADJ', 'adjustment');
  await makeKey(db(), 'TRF', 'transfer');
  const w = (await makeWarehouse(db(), site.id, { code: 'GW' })).id;
  for (let i = 0; i < 6; i++) {
    const item = (await makeItem(db(), { code: `GEN${i}` })).id;
    await addBalance(db(), site.id, { itemId: item, warehouseId: w, ownerId: owner.id, quantity: String(i + 1) });
  }
  const type = await createInventoryType(runtime.ctx, SYSTEM_ACTOR, {
    code: 'YEAR',
    method: 'stock_taking_day',
    adjustmentKey: 'ADJ',
    transferKey: 'TRF',
    inventoryNumbering: { prefix: 'GI-', width: 4 },
    countListNumbering: { prefix: 'GL-', width: 4 },
  } as never);
  inventoryId = (
    await createInventory(runtime.ctx, SYSTEM_ACTOR, {
      typeId: type.id,
      siteId: site.id,
      ownerId: owner.id,
      stockTakingDate: '2026-12-31',
      description: 'Year end',
      responsibleUserId: counter.id,
    })
  ).id;
  app = await buildApp(runtime.ctx);
  background = await startBackground(runtime.ctx, app.log);
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await launch();
  desk = await (
    await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB', reducedMotion: 'reduce' })
  ).newPage();
  desk.on('dialog', (d) => void d.accept());
});

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  await shot(desk, `genjob-fail-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await background?.stop();
  await runtime?.close();
});

async function openArticleDialog() {
  await desk.getByTestId('generate-menu').click();
  await desk.getByTestId('gen-article').click();
  await desk.getByTestId('generate-dialog').waitFor();
}

describe('generation as a job, and Duplicate, in the back office', () => {
  it('generates in the background; a failing chunk leaves a partial generation with its reason', async () => {
    await desk.goto(`${url}/`);
    await desk.getByLabel(/user name/i).fill('admin');
    await desk.getByLabel(/password/i).fill(ADMIN_PASSWORD);
    await desk.getByRole('button', { name: /sign in/i }).click();
    await desk.getByTestId('current-user').waitFor();
    await desk.goto(`${url}/inventories/${inventoryId}`);
    await openArticleDialog();
    await desk.getByTestId('gen-max-items').fill('2');
    await desk.getByTestId('gen-as-job').check();
    await desk.getByTestId('gen-run').click();
    // 6 positions, 2 per list: 3 lists, one chunk each; the second chunk fails.
    await desk.locator('[data-testid="job-progress"][data-status="failed"]').waitFor({ timeout: 30_000 });
    const alert = desk.getByTestId('generation-unfinished');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('stopped after 2 of 6 lines: the disk is full');
    await desk.getByText('Partially generated').first().waitFor();
    await shot(desk, 'genjob-01-partial');
    expect(await lists()).toEqual([
      { number: 'GL-0001', status: 'partially_generated', statusReason: 'the disk is full' },
    ]);
  });

  it('generating again with the same parameters continues the plan as a job', async () => {
    await openArticleDialog();
    // The dialog offers the stopped generation's parameters.
    await desk.getByTestId('gen-last-params').waitFor();
    expect(await desk.getByTestId('gen-max-items').inputValue()).toBe('2');
    await desk.getByTestId('gen-run').click();
    await desk.locator('[data-testid="job-progress"][data-status="succeeded"]').waitFor({ timeout: 30_000 });
    await desk.getByTestId('generation-unfinished').waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await lists()).map((l) => `${l.number} ${l.status} ${l.statusReason ?? ''}`.trim()))
      .toEqual(['GL-0001 created', 'GL-0002 created', 'GL-0003 created']);
    const lines = await db()
      .selectFrom('countListItems')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('inventoryId', '=', inventoryId)
      .executeTakeFirstOrThrow();
    expect(Number(lines.n)).toBe(6);
    await shot(desk, 'genjob-02-continued');
  });

  it('Duplicate opens a copy with a new number that offers the same parameters', async () => {
    const before = await desk.getByTestId('inventory-number').textContent();
    await desk.getByTestId('inv-duplicate').click();
    await desk.waitForURL(
      (u) => !u.pathname.endsWith(`/inventories/${inventoryId}`) && /\/inventories\/\d+$/.test(u.pathname),
    );
    await expect.poll(() => desk.getByTestId('inventory-number').textContent()).not.toBe(before);
    expect(await desk.getByTestId('inventory-status').textContent()).toBe('Created');
    const copyId = desk.url().split('/').at(-1)!;
    const copy = await db()
      .selectFrom('inventories')
      .select(['siteId', 'description', 'status', 'generationParams'])
      .where('id', '=', copyId)
      .executeTakeFirstOrThrow();
    expect(copy).toMatchObject({
      description: 'Year end',
      status: 'created',
      generationParams: { maxItemsPerList: 2 },
    });
    await openArticleDialog();
    expect(await desk.getByTestId('gen-max-items').inputValue()).toBe('2');
    await shot(desk, 'genjob-03-duplicate');
  });
});
