// The approvals and reason-code API (docs/tolerances.md): tolerance on the inventory type, a report with a
// reason code, the approvals view, a decision, and the reason-code settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobNow } from '../../src/services/jobs/runner.js';
import { testApi, type TestApi } from '../helpers/api.js';
import {
  type Base,
  type Inv,
  type List,
  makeBase,
  makeCountItem,
  makeCountList,
  makeInventory,
  makeItem,
  makePlaces,
  receive,
} from '../helpers/inventory-factories.js';

let api: TestApi;
let base: Base;
let places: Awaited<ReturnType<typeof makePlaces>>;
let anna: { token: string; userId: string };
let bruno: { token: string; userId: string };
let manager: { token: string; userId: string };
let inv: Inv;
let list: List;
let itemId: string;
beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  base = await makeBase(db);
  places = await makePlaces(db, base);
  anna = await api.userToken('anna', 'counter');
  bruno = await api.userToken('bruno', 'counter');
  manager = await api.userToken('boss', 'manager');
  const item = await makeItem(db);
  itemId = item.id;
  await receive(db, api.db.ctx, base, { itemId, warehouseId: places.plain.id, quantity: '10', unitPrice: '3' });
  inv = await makeInventory(db, base, { showSystemQuantities: true });
  list = await makeCountList(db, inv, { responsibleUserId: anna.userId });
  await db
    .insertInto('countListCounters')
    .values({ countListId: list.id, userId: bruno.userId, siteId: list.siteId, createdAt: new Date() })
    .execute();
  await makeCountItem(db, list, inv, { itemId, warehouseId: places.plain.id });
});
afterAll(async () => {
  await api.close();
});

const report = (token: string, quantity: string, extra: Record<string, unknown> = {}) =>
  api.call(
    'POST',
    `/api/count-lists/${list.id}/reports`,
    { itemId, warehouseId: places.plain.id, quantity, mode: 'replace', ...extra },
    token,
  );

async function closeByJob(): Promise<unknown> {
  const res = await api.call('POST', '/api/count-lists/close', { countListIds: [list.id] }, manager.token);
  expect(res.statusCode).toBe(202);
  await runJobNow(api.db.ctx, res.json().jobId);
  return (await api.call('GET', `/api/jobs/${res.json().jobId}`)).json().result;
}

describe('approvals API', () => {
  it('an admin sets the tolerance on the inventory type; a negative one names its field', async () => {
    const bad = await api.call('PATCH', `/api/inventory-types/${inv.typeId}`, { tolerancePercent: '-1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ field: 'tolerancePercent' });
    const ok = await api.call('PATCH', `/api/inventory-types/${inv.typeId}`, {
      tolerancePercent: '10',
      toleranceValue: null,
    });
    expect(ok.json()).toMatchObject({ tolerancePercent: '10', toleranceValue: null });
    const opened = await api.call('POST', '/api/count-lists/open', { countListIds: [list.id] });
    expect(opened.statusCode).toBe(202);
    await runJobNow(api.db.ctx, opened.json().jobId);
  });

  it('reports outside the tolerance: recount requested, the same counter refused (422), the recount needs approval', async () => {
    const first = await report(anna.token, '5', { reasonCode: 'misplaced' });
    expect(first.json()).toMatchObject({ item: { reviewState: 'recount_requested', reasonCode: 'misplaced' } });
    const again = await report(anna.token, '6');
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('review.same_counter');
    const unknown = await report(bruno.token, '6', { reasonCode: 'Not A Code' });
    expect(unknown.statusCode).toBe(400);
    const recount = await report(bruno.token, '6');
    expect(recount.json()).toMatchObject({ item: { reviewState: 'needs_approval', verificationMark: false } });
    // Closing reports the list as failed, naming the line (nothing is skipped silently).
    expect(await closeByJob()).toMatchObject({
      lists: [{ status: 'failed', error: { code: 'review.approval_pending', params: { lines: '1' } } }],
    });
  });

  it('the approvals view is for managers; a decision is recorded with its reason', async () => {
    expect((await api.call('GET', `/api/inventories/${inv.id}/approvals`, undefined, anna.token)).statusCode).toBe(403);
    const view = (await api.call('GET', `/api/inventories/${inv.id}/approvals`, undefined, manager.token)).json();
    expect(view.pending).toHaveLength(1);
    expect(view.pending[0]).toMatchObject({
      targetQuantity: '10',
      firstCountQuantity: '5',
      reportedQuantity: '6',
      value: '-12',
    });
    const lineId = view.pending[0].id;
    const url = `/api/count-list-items/${lineId}/approval`;
    const unknownField = await api.call('POST', url, { decision: 'approved', why: 'x' }, manager.token);
    expect(unknownField.json().error.code).toBe('validation.unknown_field');
    const decided = await api.call(
      'POST',
      url,
      { decision: 'approved', comment: 'found in the returns bay' },
      manager.token,
    );
    expect(decided.statusCode).toBe(200);
    // The counter's reason code is the default.
    expect(decided.json()).toMatchObject({
      approval: {
        decision: 'approved',
        reasonCode: 'misplaced',
        userName: 'boss',
        comment: 'found in the returns bay',
      },
      line: { reviewState: 'approved' },
    });
    const twice = await api.call('POST', url, { decision: 'rejected', comment: 'no' }, manager.token);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('review.not_pending');
    const after = (await api.call('GET', `/api/inventories/${inv.id}/approvals`, undefined, manager.token)).json();
    expect(after).toMatchObject({ pending: [], decided: [{ decision: 'approved', countedQuantity: '6' }] });
  });

  it('closing posts the difference with its reason; the differences report shows it', async () => {
    expect(await closeByJob()).toMatchObject({ lists: [{ status: 'closed' }] });
    const diff = (await api.call('GET', `/api/inventories/${inv.id}/differences?onlyDifferences=true`)).json();
    expect(diff.items).toEqual([expect.objectContaining({ difference: '-4', reasonCode: 'misplaced' })]);
  });

  it('reason codes: everyone reads the active ones, admins create and deactivate', async () => {
    const list0 = (await api.call('GET', '/api/reason-codes', undefined, anna.token)).json();
    expect(list0.items.map((c: { code: string }) => c.code)).toContain('damaged');
    expect(
      (await api.call('POST', '/api/reason-codes', { code: 'x1', description: 'X' }, manager.token)).statusCode,
    ).toBe(403);
    const created = await api.call('POST', '/api/reason-codes', {
      code: 'wrong_unit',
      description: 'Counted in the wrong unit',
    });
    expect(created.statusCode).toBe(201);
    expect((await api.call('POST', '/api/reason-codes', { code: 'wrong_unit', description: 'again' })).statusCode).toBe(
      409,
    );
    const off = await api.call('PATCH', '/api/reason-codes/wrong_unit', { active: false });
    expect(off.json()).toMatchObject({ code: 'wrong_unit', active: false });
    const active = (await api.call('GET', '/api/reason-codes')).json().items.map((c: { code: string }) => c.code);
    expect(active).not.toContain('wrong_unit');
    const all = (await api.call('GET', '/api/reason-codes?includeInactive=true'))
      .json()
      .items.map((c: { code: string }) => c.code);
    expect(all).toContain('wrong_unit');
    expect((await api.call('PATCH', '/api/reason-codes/nothing_here', { active: false })).statusCode).toBe(404);
  });
});
