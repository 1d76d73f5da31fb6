// Tolerance, recount and approval in the browser (docs/tolerances.md): the administrator sets a tolerance of
// 5 % on the inventory type in its form; Anna's count of 80 screws (100 expected) is outside it and Bruno's
// recount of 82 still is (both reported in-process: counting is the counting story's subject); the manager
// finds the line in the approvals panel of the inventory, is told a reason is needed, approves it as damaged
// goods with a comment, sees the decision listed, the line's state on the count list and the reason in the
// differences report. Every check reads the database or a screen state, never a fixed sleep.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.js';
import { openCountLists } from '../../src/services/inventory/open.service.js';
import { reportCount } from '../../src/services/inventory/report.service.js';
import { createUser } from '../../src/services/user.service.js';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import {
  makeActor,
  makeBase,
  makeCountItem,
  makeCountList,
  makeInventory,
  makeItem,
  makePlaces,
  receive,
} from '../helpers/inventory-factories.js';
import { launch, pick, shot } from './browser.js';
import { ADMIN_PASSWORD, startServer } from './server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let desk: Page;
let inventoryId: string;
let listId: string;
let typeCode: string;
let lineId: string;
let report: (who: Actor, quantity: string) => Promise<unknown>;
let anna: Actor;
let bruno: Actor;
let manager: Actor;
const db = () => server.runtime.ctx.db;

beforeAll(async () => {
  server = await startServer();
  const ctx = server.runtime.ctx;
  const base = await makeBase(db());
  const places = await makePlaces(db(), base);
  const item = await makeItem(db(), { code: 'SCREW', description: 'Screw M8' });
  await receive(db(), ctx, base, { itemId: item.id, warehouseId: places.plain.id, quantity: '100', unitPrice: '2' });
  const inv = await makeInventory(db(), base, { showSystemQuantities: true });
  inventoryId = inv.id;
  typeCode = (
    await db().selectFrom('inventoryTypes').select('code').where('id', '=', inv.typeId).executeTakeFirstOrThrow()
  ).code;
  anna = { userId: server.annaId, username: 'anna', role: 'counter', siteId: null };
  const b = await createUser(ctx, SYSTEM_ACTOR, { username: 'bruno', password: 'bruno-password-1', role: 'counter' });
  bruno = { userId: b.id, username: 'bruno', role: 'counter', siteId: null };
  manager = await makeActor(db(), 'manager');
  const list = await makeCountList(db(), inv, { responsibleUserId: anna.userId });
  listId = list.id;
  await db()
    .insertInto('countListCounters')
    .values({ countListId: list.id, userId: bruno.userId, siteId: list.siteId, createdAt: new Date() })
    .execute();
  lineId = (await makeCountItem(db(), list, inv, { itemId: item.id, warehouseId: places.plain.id })).id;
  await openCountLists(ctx, manager, [list.id]);
  report = (who, quantity) =>
    reportCount(ctx, who, {
      countListId: list.id,
      itemId: item.id,
      warehouseId: places.plain.id,
      quantity,
      mode: 'replace',
    });
  browser = await launch();
  desk = await (
    await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'en-GB', reducedMotion: 'reduce' })
  ).newPage();
});

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  await shot(desk, `approval-fail-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const line = () =>
  db()
    .selectFrom('countListItems')
    .select(['reviewState', 'reasonCode', 'verificationMark', 'reportedQuantity'])
    .where('id', '=', lineId)
    .executeTakeFirstOrThrow();

describe('a line outside the tolerance, recounted and approved', () => {
  it('the administrator sets a tolerance of 5 % on the inventory type', async () => {
    await desk.goto(`${server.url}/`);
    await desk.getByLabel(/user name/i).fill('admin');
    await desk.getByLabel(/password/i).fill(ADMIN_PASSWORD);
    await desk.getByRole('button', { name: /sign in/i }).click();
    await desk.getByTestId('current-user').waitFor();
    await desk.goto(`${server.url}/settings/inventory-types`);
    await desk.getByTestId('types-table').getByText(typeCode, { exact: true }).click();
    await desk.getByTestId('type-tolerance-percent').fill('5');
    await desk.getByTestId('type-tolerance').scrollIntoViewIfNeeded();
    await shot(desk, 'approval-01-type-tolerance');
    await desk.getByTestId('type-save').click();
    await expect
      .poll(
        async () =>
          (
            await db()
              .selectFrom('inventoryTypes')
              .select('tolerancePercent')
              .where('code', '=', typeCode)
              .executeTakeFirst()
          )?.tolerancePercent,
      )
      .toBe('5');
  });

  it('Anna counts 80: a recount is asked for; Bruno recounts 82: it needs approval', async () => {
    await report(anna, '80');
    expect(await line()).toMatchObject({ reviewState: 'recount_requested', verificationMark: true });
    await report(bruno, '82');
    expect(await line()).toMatchObject({ reviewState: 'needs_approval', verificationMark: false });
  });

  it('the manager approves it in the approvals panel with a reason and a comment', async () => {
    await desk.goto(`${server.url}/inventories/${inventoryId}`);
    const row = desk.getByTestId(`approval-line-${lineId}`);
    await row.waitFor();
    expect(await desk.getByTestId('approvals-pending-count').textContent()).toBe('1');
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(4, 9)).toEqual(['100', '80', '82', '-18', '-36.00']);
    await desk.getByTestId(`approve-${lineId}`).click();
    await row.getByText('Choose a reason to approve').waitFor();
    await pick(desk, `approval-reason-${lineId}`, /^damaged/);
    await desk.getByTestId(`approval-comment-${lineId}`).fill('crushed box at the back of the shelf');
    await shot(desk, 'approval-02-pending');
    await desk.getByTestId(`approve-${lineId}`).click();
    await desk.getByTestId('approvals-none').waitFor();
    await expect.poll(async () => (await line()).reviewState).toBe('approved');
    const decided = await db()
      .selectFrom('countListApprovals')
      .select(['decision', 'reasonCode', 'comment'])
      .where('countListItemId', '=', lineId)
      .execute();
    expect(decided).toEqual([
      { decision: 'approved', reasonCode: 'damaged', comment: 'crushed box at the back of the shelf' },
    ]);
    const decision = desk.getByTestId('approvals-decided');
    expect(await decision.textContent()).toMatch(/Approved.*damaged.*crushed box at the back of the shelf/);
    await shot(desk, 'approval-03-decided');
  });

  it('the count list shows the line approved; the differences report shows the reason', async () => {
    await desk.goto(`${server.url}/count-lists/${listId}`);
    await expect.poll(() => desk.getByTestId('review-1').textContent()).toBe('Approved');
    await desk.goto(`${server.url}/inventories/${inventoryId}/differences`);
    await expect.poll(() => desk.getByTestId(`diff-reason-${lineId}`).textContent()).toBe('damaged');
    await shot(desk, 'approval-04-differences');
  });

  it('the reason codes are kept in the settings; a deactivated one is marked', async () => {
    await desk.goto(`${server.url}/settings/reason-codes`);
    const table = desk.getByTestId('reason-codes-table');
    await table.getByText('theft_loss', { exact: true }).click();
    await desk.getByTestId('reason-code-form').getByText('Active', { exact: true }).click();
    await desk.getByTestId('reason-code-save').click();
    await desk.getByTestId('reason-code-form').waitFor({ state: 'detached' });
    await expect
      .poll(
        async () =>
          (await db().selectFrom('reasonCodes').select('active').where('code', '=', 'theft_loss').executeTakeFirst())
            ?.active,
      )
      .toBe(false);
    await table.getByText('inactive').waitFor();
    await shot(desk, 'approval-05-reason-codes');
  });
});
