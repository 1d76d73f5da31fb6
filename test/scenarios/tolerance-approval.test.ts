// Tolerances, recount and manager approval (docs/tolerances.md) as stories: "100 screws expected at 2 €,
// Anna counts 80: outside 5 %, so Bruno recounts; 82 is still outside, so the manager approves it as
// damaged goods, and the ledger's issue of 18 says so."
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/context.js';
import { decideApproval, listApprovals } from '../../src/services/inventory/approval.service.js';
import { closeCountList, closeCountLists } from '../../src/services/inventory/close.service.js';
import { listCountItems } from '../../src/services/inventory/count-list.service.js';
import { differenceReport, differenceReportFile } from '../../src/services/inventory/differences.service.js';
import { updateInventoryType } from '../../src/services/inventory/inventory-type.service.js';
import { openCountLists } from '../../src/services/inventory/open.service.js';
import { reportCount } from '../../src/services/inventory/report.service.js';
import { verifyCountItems } from '../../src/services/inventory/verify.service.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { pdfText } from '../helpers/pdf-text.js';
import {
  type Base,
  makeActor,
  makeBase,
  makeCountItem,
  makeCountList,
  makeInventory,
  makeItem,
  makePlaces,
  receive,
} from '../helpers/inventory-factories.js';

let t: TestDb;
let base: Base;
let places: Awaited<ReturnType<typeof makePlaces>>;
let admin: Actor;
let manager: Actor;
let anna: Actor;
let bruno: Actor;
beforeAll(async () => {
  t = await freshDb();
  base = await makeBase(t.ctx.db);
  places = await makePlaces(t.ctx.db, base);
  admin = await makeActor(t.ctx.db, 'admin');
  manager = await makeActor(t.ctx.db, 'manager');
  anna = await makeActor(t.ctx.db, 'counter');
  bruno = await makeActor(t.ctx.db, 'counter');
});
afterAll(async () => {
  await t.close();
});
const db = () => t.ctx.db;

/**
 * "100 screws were received at 2 € each. The inventory type allows 5 % or 50 € per line. Anna is
 * responsible for the list, Bruno is assigned to it too."
 */
async function screwsOnAnnasAndBrunosList(tolerance = { tolerancePercent: '5', toleranceValue: '50' }) {
  const item = await makeItem(db());
  await receive(db(), t.ctx, base, { itemId: item.id, warehouseId: places.plain.id, quantity: '100', unitPrice: '2' });
  const inv = await makeInventory(db(), base, { showSystemQuantities: true });
  await updateInventoryType(t.ctx, admin, inv.typeId, tolerance);
  const list = await makeCountList(db(), inv, { responsibleUserId: anna.userId });
  await db()
    .insertInto('countListCounters')
    .values({ countListId: list.id, userId: bruno.userId, siteId: list.siteId, createdAt: new Date() })
    .execute();
  await makeCountItem(db(), list, inv, { itemId: item.id, warehouseId: places.plain.id });
  await openCountLists(t.ctx, manager, [list.id]);
  const count = (who: Actor, quantity: string, extra: { reasonCode?: string } = {}) =>
    reportCount(t.ctx, who, {
      countListId: list.id,
      itemId: item.id,
      warehouseId: places.plain.id,
      quantity,
      mode: 'replace',
      ...extra,
    });
  const line = async () => (await listCountItems(t.ctx, manager, list.id, { limit: 5, offset: 0 })).items[0]!;
  return { item, inv, list, count, line };
}

describe('tolerance and approval stories', () => {
  it('a line outside the tolerance is recounted by Bruno, then approved as damaged — and the ledger says so', async () => {
    const { inv, list, count, line } = await screwsOnAnnasAndBrunosList();

    // Anna counts 80: 20 % off (the value, 40 €, would be within 50 €) — outside, so the line is marked.
    await count(anna, '80');
    expect(await line()).toMatchObject({
      reportedQuantity: '80',
      reviewState: 'recount_requested',
      verificationMark: true,
    });

    // Anna may not recount her own count while Bruno can.
    await expect(count(anna, '81')).rejects.toMatchObject({ code: 'review.same_counter' });

    // The list cannot close: the line waits for its recount.
    await expect(closeCountList(t.ctx, manager, list.id)).rejects.toMatchObject({
      code: 'review.approval_pending',
      params: { lines: '1' },
    });

    // Bruno recounts 82: still outside, the mark is answered, the line needs a manager's approval.
    await count(bruno, '82');
    expect(await line()).toMatchObject({
      reportedQuantity: '82',
      reviewState: 'needs_approval',
      verificationMark: false,
    });
    const [closing] = await closeCountLists(t.ctx, manager, [list.id]);
    expect(closing).toMatchObject({ status: 'failed', error: { code: 'review.approval_pending' } });

    // The manager sees it waiting: 100 expected, 80 first, 82 now, 18 short, 36 € of value.
    const view = await listApprovals(t.ctx, manager, inv.id);
    expect(view.pending).toEqual([
      expect.objectContaining({
        lineNo: 1,
        targetQuantity: '100',
        firstCountQuantity: '80',
        reportedQuantity: '82',
        difference: '-18',
        value: '-36',
        firstCounterName: anna.username,
      }),
    ]);

    // Approving needs a reason; with "damaged" and a comment it is recorded with who and when.
    const lineId = view.pending[0]!.id;
    await expect(decideApproval(t.ctx, manager, lineId, { decision: 'approved' })).rejects.toMatchObject({
      code: 'review.reason_required',
    });
    await expect(
      decideApproval(t.ctx, anna, lineId, { decision: 'approved', reasonCode: 'damaged' }),
    ).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const decided = await decideApproval(t.ctx, manager, lineId, {
      decision: 'approved',
      reasonCode: 'damaged',
      comment: 'crushed box at the back of the shelf',
    });
    expect(decided.line.reviewState).toBe('approved');
    expect((await listApprovals(t.ctx, manager, inv.id)).decided).toEqual([
      expect.objectContaining({
        decision: 'approved',
        reasonCode: 'damaged',
        comment: 'crushed box at the back of the shelf',
        userId: manager.userId,
        countedQuantity: '82',
        differenceValue: '-36',
      }),
    ]);

    // Now the list closes: one issue of 18, carrying the reason; the differences report shows it.
    await closeCountList(t.ctx, manager, list.id);
    const entries = await db()
      .selectFrom('stockLedger')
      .select(['quantity', 'reasonCode'])
      .where('originType', '=', 'count_list')
      .where('originId', '=', list.id)
      .execute();
    expect(entries).toEqual([{ quantity: '-18', reasonCode: 'damaged' }]);
    const report = await differenceReport(t.ctx, manager, inv.id, {
      onlyDifferences: true,
      sort: 'item',
      dir: 'asc',
      limit: 10,
      offset: 0,
    });
    expect(report.items).toEqual([expect.objectContaining({ difference: '-18', reasonCode: 'damaged' })]);
    const q = { onlyDifferences: true, sort: 'item' as const, dir: 'asc' as const };
    const csv = await differenceReportFile(t.ctx, manager, inv.id, q, 'csv', undefined);
    expect(String(csv.body).split('\r\n')[1]).toMatch(/,damaged$/);
    const pdf = await differenceReportFile(t.ctx, manager, inv.id, q, 'pdf', 'en');
    if (process.env.TOLERANCE_PDF) writeFileSync(process.env.TOLERANCE_PDF, pdf.body as Buffer);
    expect(pdfText(pdf.body as Buffer)).toMatch(/Posted · damaged/);
  });

  it('a rejected count is counted again; a recount within the tolerance clears the review and the list closes', async () => {
    const { inv, list, count, line } = await screwsOnAnnasAndBrunosList();
    await count(anna, '70');
    await count(bruno, '75');
    const lineId = (await line()).id;
    await expect(decideApproval(t.ctx, manager, lineId, { decision: 'rejected' })).rejects.toMatchObject({
      field: 'comment',
    });
    await decideApproval(t.ctx, manager, lineId, { decision: 'rejected', comment: 'the back shelf was not counted' });
    expect(await line()).toMatchObject({ status: 'open', reportedQuantity: null, reviewState: 'rejected' });
    expect((await listApprovals(t.ctx, manager, inv.id)).recounts).toEqual([
      expect.objectContaining({ id: lineId, reviewState: 'rejected' }),
    ]);

    await count(bruno, '99');
    expect(await line()).toMatchObject({ reportedQuantity: '99', reviewState: 'none' });
    expect((await closeCountList(t.ctx, manager, list.id)).status).toBe('closed');
  });

  it('the manager verifies the marked line first: it reopens, and the recount is Bruno’s', async () => {
    const { inv, count, line } = await screwsOnAnnasAndBrunosList();
    await count(anna, '50');
    await verifyCountItems(t.ctx, manager, inv.id);
    expect(await line()).toMatchObject({ status: 'open', verificationMark: false, reviewState: 'recount_requested' });
    await expect(count(anna, '50')).rejects.toMatchObject({ code: 'review.same_counter' });
    await count(bruno, '97');
    expect((await line()).reviewState).toBe('none');
  });

  it('a count within the tolerance, or on a type without one, is accepted as it is', async () => {
    const within = await screwsOnAnnasAndBrunosList();
    await within.count(anna, '96');
    expect(await within.line()).toMatchObject({ reviewState: 'none', verificationMark: false });

    const none = await screwsOnAnnasAndBrunosList({ tolerancePercent: null, toleranceValue: null } as never);
    await none.count(anna, '3');
    expect(await none.line()).toMatchObject({ reviewState: 'none', verificationMark: false });
  });

  it('the value side alone: 3 short at 2 € is 6 €, outside a tolerance of 5 €', async () => {
    const { count, line } = await screwsOnAnnasAndBrunosList({ tolerancePercent: null, toleranceValue: '5' } as never);
    await count(anna, '97', { reasonCode: 'misplaced' });
    expect(await line()).toMatchObject({ reviewState: 'recount_requested', reasonCode: 'misplaced' });
    await expect(count(bruno, '98', { reasonCode: 'nonsense' })).rejects.toMatchObject({
      code: 'review.reason_unknown',
    });
  });
});
