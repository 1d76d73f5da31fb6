// Retries under concurrency: the same scan (same clientReportId) sent at once from several connections —
// an offline queue flushing on two tabs, a retry after a timeout — is recorded once, and every copy gets
// the first one's answer (never a 500). On PostgreSQL the copies really race (a pool of 4 connections);
// PGlite serialises them, and the answers must be the same there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';
import {
  makeCountingWorld,
  makeOpenInventory,
  makeStructuredList,
  type List,
  type World,
} from '../medium/counting/fixtures.js';

const ROUNDS = 20;
const COPIES = 8;

let api: TestApi;
let me: { token: string; userId: string };
let list: List;
let w: World;

beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  w = await makeCountingWorld(db);
  me = await api.userToken('replayer', 'counter');
  const inv = await makeOpenInventory(db, w, { reportType: 'cumulative' });
  ({ list } = await makeStructuredList(db, w, inv, me.userId));
});
afterAll(async () => {
  await api.close();
});

const sameAnswer = (body: Record<string, unknown>) => {
  const { duplicate: _d, ...rest } = body;
  return rest;
};

describe('concurrent replays of one scan', () => {
  it("records each scan once and answers every copy with the first one's report", async () => {
    const statuses = new Map<number, number>();
    let duplicates = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const body = {
        clientReportId: `race-${round}`,
        bin: '01-01',
        barcode: '4006381333931',
        quantity: '1',
        mode: 'add',
      };
      const answers = await Promise.all(
        Array.from({ length: COPIES }, () => api.call('POST', `/api/handheld/lists/${list.id}/scans`, body, me.token)),
      );
      for (const a of answers) statuses.set(a.statusCode, (statuses.get(a.statusCode) ?? 0) + 1);
      expect(
        answers.map((a) => a.statusCode),
        `round ${round}: ${answers.map((a) => a.body).join(' | ')}`,
      ).toEqual(Array(COPIES).fill(200));
      const bodies = answers.map((a) => a.json() as Record<string, unknown>);
      expect(bodies.filter((b) => b.duplicate === false)).toHaveLength(1);
      duplicates += bodies.filter((b) => b.duplicate === true).length;
      const first = sameAnswer(bodies.find((b) => b.duplicate === false)!);
      for (const b of bodies) expect(sameAnswer(b)).toEqual(first);
    }
    expect([...statuses.keys()]).toEqual([200]);
    expect(duplicates).toBe(ROUNDS * (COPIES - 1));
    // Nothing counted twice: one report row per clientReportId, and the line holds ROUNDS scans of 1 box (12 pieces).
    const reports = await api.db.ctx.db
      .selectFrom('countReports')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .where('countListId', '=', list.id)
      .where('clientReportId', 'like', 'race-%')
      .executeTakeFirstOrThrow();
    expect(Number(reports.n)).toBe(ROUNDS);
    const line = await api.call('GET', `/api/handheld/lists/${list.id}/items?bin=01-01`, undefined, me.token);
    expect(line.json().items[0].reportedQuantity).toBe(String(ROUNDS * 12));
  });

  it('answers two offline batches flushed at once with the same outcomes, counting each scan once', async () => {
    const scans = Array.from({ length: 10 }, (_, i) => ({
      listId: list.id,
      clientReportId: `batch-${i}`,
      bin: '01-01',
      barcode: '4006381333931',
      quantity: '1',
      mode: 'add',
    }));
    const before = (await api.call('GET', `/api/handheld/lists/${list.id}/items?bin=01-01`, undefined, me.token)).json()
      .items[0].reportedQuantity as string;
    const [a, b, c] = await Promise.all(
      [0, 1, 2].map(() => api.call('POST', '/api/handheld/scans/batch', { scans }, me.token)),
    );
    for (const r of [a!, b!, c!]) expect(r.statusCode, r.body).toBe(200);
    const outcomes = [a!, b!, c!].map(
      (r) => r.json().results as Array<{ ok: boolean; result: Record<string, unknown> }>,
    );
    for (const o of outcomes) expect(o.every((x) => x.ok)).toBe(true);
    for (let i = 0; i < scans.length; i++) {
      const copies = outcomes.map((o) => o[i]!.result);
      expect(copies.filter((x) => x.duplicate === false)).toHaveLength(1);
      // The report is the first one's; the line beside it shows the line as it is now (later scans of the
      // batch may have added to it since), as a sequential replay does.
      for (const x of copies)
        expect({ report: x.report, item: x.item }).toEqual({ report: copies[0]!.report, item: copies[0]!.item });
    }
    const after = (await api.call('GET', `/api/handheld/lists/${list.id}/items?bin=01-01`, undefined, me.token)).json()
      .items[0].reportedQuantity as string;
    expect(Number(after) - Number(before)).toBe(10 * 12);
  });

  it('records a back-office report sent twice at once once, with the same answer', async () => {
    for (let round = 0; round < 5; round++) {
      const body = {
        itemId: w.screws.id,
        warehouseId: w.structured.id,
        zoneId: w.zone.id,
        binId: w.bin1.id,
        quantity: '2',
        mode: 'add',
        clientReportId: `office-${round}`,
      };
      const answers = await Promise.all(
        Array.from({ length: COPIES }, () => api.call('POST', `/api/count-lists/${list.id}/reports`, body)),
      );
      expect(
        answers.map((a) => a.statusCode),
        answers.map((a) => a.body).join(' | '),
      ).toEqual(Array(COPIES).fill(200));
      const reports = answers.map((a) => (a.json() as { report: { id: string; resultingQuantity: string } }).report);
      expect(new Set(reports.map((r) => r.id)).size).toBe(1);
      expect(new Set(reports.map((r) => r.resultingQuantity)).size).toBe(1);
    }
    const n = await api.db.ctx.db
      .selectFrom('countReports')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .where('clientReportId', 'like', 'office-%')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(5);
  });
});
