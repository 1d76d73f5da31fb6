// Undo of a count report on a real database: the report stays (invalid), the line replays the others and is
// open again when none is left, the list status follows, a retried undo changes nothing, other counters and
// closed lists are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import { recordScan, type ScanInput } from '../../../src/services/counting/scan.service.js';
import { undoCountReport } from '../../../src/services/inventory/undo-report.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import {
  errorOf,
  makeActor,
  makeCountingWorld,
  makeOpenInventory,
  makeStructuredList,
  type Inv,
  type List,
  type World,
} from './fixtures.js';

let t: TestDb;
let w: World;
let inv: Inv;
let list: List;
let lines: Awaited<ReturnType<typeof makeStructuredList>>['lines'];
let counter: Actor;
let other: Actor;
let n = 0;

const actor = (role: Actor['role']): Promise<Actor> => makeActor(t.ctx.db, role);

const scan = (input: Partial<ScanInput>, id = `u${++n}`) =>
  recordScan(t.ctx, counter, { listId: list.id, clientReportId: id, bin: '01-01', itemCode: w.screws.code, ...input });

const line = (id: string) =>
  t.ctx.db
    .selectFrom('countListItems')
    .select(['reportedQuantity', 'status'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const listStatus = async () =>
  (await t.ctx.db.selectFrom('countLists').select('status').where('id', '=', list.id).executeTakeFirstOrThrow()).status;

beforeAll(async () => {
  t = await freshDb();
  w = await makeCountingWorld(t.ctx.db);
  counter = await actor('counter');
  other = await actor('counter');
  inv = await makeOpenInventory(t.ctx.db, w);
  ({ list, lines } = await makeStructuredList(t.ctx.db, w, inv, counter.userId));
});
afterAll(async () => {
  await t.close();
});

describe('undoCountReport', () => {
  it('undoing the only report puts the line back to open with no quantity (not a count of 0); the report is kept, invalid', async () => {
    await scan({ quantity: '12', mode: 'add' }, 'first');
    expect(await line(lines.screws.id)).toEqual({ reportedQuantity: '12', status: 'reported' });
    expect(await listStatus()).toBe('partially_reported');
    const r = await undoCountReport(t.ctx, counter, 'first');
    expect(r).toMatchObject({
      status: 'undone',
      alreadyUndone: false,
      reportedQuantity: null,
      itemStatus: 'open',
      listStatus: 'open',
    });
    expect(await line(lines.screws.id)).toEqual({ reportedQuantity: null, status: 'open' });
    expect(await listStatus()).toBe('open');
    const kept = await t.ctx.db
      .selectFrom('countReports')
      .select(['valid', 'invalidatedAt'])
      .where('clientReportId', '=', 'first')
      .executeTakeFirstOrThrow();
    expect(kept.valid).toBe(false);
    expect(kept.invalidatedAt).not.toBeNull();
  });

  it('a retried undo answers the same and changes nothing', async () => {
    const again = await undoCountReport(t.ctx, counter, 'first');
    expect(again).toMatchObject({ alreadyUndone: true, reportedQuantity: null, itemStatus: 'open' });
    expect(
      await t.ctx.db.selectFrom('countReports').select('id').where('countListItemId', '=', lines.screws.id).execute(),
    ).toHaveLength(1);
  });

  it('undoing one add of two keeps the other; undoing a replace brings back the count before it', async () => {
    await scan({ quantity: '10', mode: 'add' }, 'a1');
    await scan({ quantity: '5', mode: 'add' }, 'a2');
    expect((await undoCountReport(t.ctx, counter, 'a2')).reportedQuantity).toBe('10');
    await scan({ quantity: '40', mode: 'replace' }, 'r1');
    expect((await line(lines.screws.id)).reportedQuantity).toBe('40');
    const r = await undoCountReport(t.ctx, counter, 'r1');
    expect(r).toMatchObject({ reportedQuantity: '10', itemStatus: 'reported' });
    expect(await line(lines.screws.id)).toEqual({ reportedQuantity: '10', status: 'reported' });
  });

  it('refuses another counter, and an unknown report by its field', async () => {
    expect(await errorOf(undoCountReport(t.ctx, other, 'a1'))).toMatchObject({ code: 'not_found' });
    expect(await errorOf(undoCountReport(t.ctx, counter, 'nope'))).toMatchObject({
      code: 'not_found',
      field: 'clientReportId',
    });
    expect((await line(lines.screws.id)).reportedQuantity).toBe('10');
  });

  it('refuses a list no longer being counted, writing nothing', async () => {
    await t.ctx.db.updateTable('countLists').set({ status: 'closed' }).where('id', '=', list.id).execute();
    try {
      expect(await errorOf(undoCountReport(t.ctx, counter, 'a1'))).toMatchObject({ code: 'count.list_closed' });
      const a1 = await t.ctx.db
        .selectFrom('countReports')
        .select('valid')
        .where('clientReportId', '=', 'a1')
        .executeTakeFirstOrThrow();
      expect(a1.valid).toBe(true);
    } finally {
      await t.ctx.db
        .updateTable('countLists')
        .set({ status: 'partially_reported' })
        .where('id', '=', list.id)
        .execute();
    }
  });
});
