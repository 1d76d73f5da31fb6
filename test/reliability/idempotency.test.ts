// The Idempotency-Key header: a write retried, or sent several times at once, is done once and every copy
// gets the first answer; a key reused for another request is refused; a claim left behind by a stopped
// process is run again when it committed nothing and reported when it did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';
import { makeItem, makeOwner, makeSite, makeWarehouse } from '../helpers/factories.js';
import { claimKey, finishKey } from '../../src/services/idempotency/idempotency.service.js';

let api: TestApi;
let site: string;
let owner: string;
let wh: string;
let item: string;

beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  site = (await makeSite(db)).id;
  owner = (await makeOwner(db)).id;
  wh = (await makeWarehouse(db, site)).id;
  item = (await makeItem(db)).id;
  expect(
    (await api.call('POST', '/api/transaction-keys', { code: 'REC', kind: 'receipt', description: 'Receipt' }))
      .statusCode,
  ).toBe(201);
  expect(
    (await api.call('POST', '/api/transaction-keys', { code: 'ISS', kind: 'issue', description: 'Issue' })).statusCode,
  ).toBe(201);
});
afterAll(async () => {
  await api.close();
});

const receipt = (quantity: string) => ({
  siteId: site,
  keyCode: 'REC',
  lines: [{ itemId: item, warehouseId: wh, ownerId: owner, quantity, unitPrice: '2.50' }],
});
const post = (url: string, body: object, key?: string, token = api.token) =>
  api.app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: { authorization: `Bearer ${token}`, ...(key !== undefined ? { 'idempotency-key': key } : {}) },
  });
const stock = async () =>
  (await api.call('GET', `/api/stock/balances?itemId=${item}`)).json().items[0]?.quantity as string | undefined;

describe('Idempotency-Key on writes', () => {
  it('posts once when the same posting is retried, and answers the retry with the first answer', async () => {
    const first = await post('/api/postings/receipt', receipt('10'), 'receipt-1');
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await post('/api/postings/receipt', receipt('10'), 'receipt-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await stock()).toBe('10');
    const row = await api.db.ctx.db
      .selectFrom('idempotencyKeys')
      .selectAll()
      .where('key', '=', 'receipt-1')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'done', statusCode: 201, effects: 1 });
  });

  it('posts once when copies are sent at the same time; every copy gets the same answer', async () => {
    const copies = await Promise.all(
      Array.from({ length: 6 }, () => post('/api/postings/receipt', receipt('5'), 'receipt-race')),
    );
    expect(copies.map((c) => c.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(copies.map((c) => c.body)).size).toBe(1);
    expect(copies.filter((c) => c.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
    expect(await stock()).toBe('15');
  });

  it('refuses the same key for a different request, naming the header', async () => {
    const res = await post('/api/postings/receipt', receipt('11'), 'receipt-1');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'idempotency.key_reused', field: 'Idempotency-Key' });
    expect(await stock()).toBe('15');
  });

  it('answers a refused write the same way again, and keeps keys per user', async () => {
    const tooMuch = {
      siteId: site,
      keyCode: 'ISS',
      lines: [{ itemId: item, warehouseId: wh, ownerId: owner, quantity: '-100' }],
    };
    const first = await post('/api/postings/issue', tooMuch, 'issue-1');
    expect(first.statusCode).toBe(422);
    const again = await post('/api/postings/issue', tooMuch, 'issue-1');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(first.body);
    const other = await api.userToken('second-manager', 'manager');
    const mine = await post('/api/postings/receipt', receipt('1'), 'receipt-1', other.token);
    expect(mine.statusCode).toBe(201);
    expect(mine.headers['idempotent-replayed']).toBeUndefined();
    expect(await stock()).toBe('16');
  });

  it('refuses a malformed key', async () => {
    for (const key of ['', 'x'.repeat(201), 'with space', 'tab\tkey']) {
      const res = await post('/api/postings/receipt', receipt('1'), key);
      expect(res.statusCode, JSON.stringify(key)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation.failed', field: 'Idempotency-Key' });
    }
    expect(await stock()).toBe('16');
  });

  it('runs again a claim a stopped process left with nothing committed, and reports one that committed', async () => {
    const db = api.db.ctx.db;
    const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const hashOf = async (key: string, body: object) => {
      // The hash the server computes for this request: take it from a probe with another key.
      await post('/api/postings/receipt', body, `${key}-probe`);
      return (
        await db
          .selectFrom('idempotencyKeys')
          .select('requestHash')
          .where('key', '=', `${key}-probe`)
          .executeTakeFirstOrThrow()
      ).requestHash;
    };
    const longAgo = new Date(api.db.clock.now().getTime() - 11 * 60 * 1000);
    const leftEmpty = receipt('3');
    await db
      .insertInto('idempotencyKeys')
      .values({
        userId: admin.id,
        key: 'left-empty',
        requestHash: await hashOf('left-empty', leftEmpty),
        claimedAt: longAgo,
      })
      .execute();
    const before = await stock();
    const rerun = await post('/api/postings/receipt', leftEmpty, 'left-empty');
    expect(rerun.statusCode).toBe(201);
    expect(Number(await stock()) - Number(before)).toBe(3);

    const leftDone = receipt('4');
    await db
      .insertInto('idempotencyKeys')
      .values({
        userId: admin.id,
        key: 'left-done',
        requestHash: await hashOf('left-done', leftDone),
        claimedAt: longAgo,
        effects: 1,
      })
      .execute();
    const mid = await stock();
    const unknown = await post('/api/postings/receipt', leftDone, 'left-done');
    expect(unknown.statusCode).toBe(409);
    expect(unknown.json().error).toMatchObject({ code: 'idempotency.outcome_unknown', field: 'Idempotency-Key' });
    expect(await stock()).toBe(mid);
  });

  it('asks a copy to retry when the first attempt is still running', async () => {
    const db = api.db.ctx.db;
    const admin = await db
      .selectFrom('users')
      .select(['id', 'username', 'role', 'siteId'])
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const actor = { userId: admin.id, username: admin.username, role: admin.role, siteId: admin.siteId };
    const first = await claimKey(api.db.ctx, actor, 'running', 'a'.repeat(64));
    expect(first.kind).toBe('run');
    // The HTTP layer waits up to 30 s; here the copy gives up after 100 ms.
    await expect(claimKey(api.db.ctx, actor, 'running', 'a'.repeat(64), { waitMs: 100 })).rejects.toMatchObject({
      code: 'idempotency.in_progress',
      field: 'Idempotency-Key',
    });
    if (first.kind !== 'run') throw new Error('unreachable');
    await finishKey(api.db.ctx, first.id, { statusCode: 200, contentType: 'application/json', body: '{"ok":true}' });
    expect(await claimKey(api.db.ctx, actor, 'running', 'a'.repeat(64), { waitMs: 100 })).toEqual({
      kind: 'replay',
      answer: { statusCode: 200, contentType: 'application/json', body: '{"ok":true}' },
    });
  });

  it('frees the key of an attempt that failed with nothing committed', async () => {
    const db = api.db.ctx.db;
    const admin = await db
      .selectFrom('users')
      .select(['id', 'username', 'role', 'siteId'])
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const actor = { userId: admin.id, username: admin.username, role: admin.role, siteId: admin.siteId };
    const first = await claimKey(api.db.ctx, actor, 'fails', 'b'.repeat(64));
    if (first.kind !== 'run') throw new Error('expected a claim');
    await finishKey(api.db.ctx, first.id, { statusCode: 500, contentType: 'application/json', body: '{}' });
    expect((await claimKey(api.db.ctx, actor, 'fails', 'b'.repeat(64))).kind).toBe('run');
  });

  it('records the effect of every kind of write in its own transaction, so a crash after commit is not re-run', async () => {
    const effects = async (key: string) =>
      (
        await api.db.ctx.db
          .selectFrom('idempotencyKeys')
          .select('effects')
          .where('key', '=', key)
          .executeTakeFirstOrThrow()
      ).effects;
    const rule = {
      kind: 'fixed',
      prefix: 'Q',
      length: 11,
      fields: [
        { field: 'itemCode', start: 1, length: 6 },
        { field: 'quantity', start: 7, length: 4 },
      ],
    };
    expect((await post('/api/barcode-rules', { siteId: site, name: 'eff', rule }, 'eff-rule')).statusCode).toBe(201);
    expect(Number(await effects('eff-rule'))).toBeGreaterThan(0);
    const user = { username: 'eff.user', password: 'counter-pass-2026', role: 'counter', displayName: 'Eff' };
    expect((await post('/api/users', user, 'eff-user')).statusCode).toBe(201);
    expect(Number(await effects('eff-user'))).toBeGreaterThan(0);
  });
});
