// The audit log over HTTP: sign-ins right and wrong (with the name typed and the address), user creation,
// role and activation changes, and manual postings are recorded with their time; admins read them newest
// first with filters and pages; nobody else reads them, and rows cannot be changed.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/domain/audit.js';
import { testApi, type TestApi } from '../helpers/api.js';
import { makeItem, makeKey, makeOwner, makeSite, makeWarehouse } from '../helpers/factories.js';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.close();
});

const PW = 'audit-pass-2026';
const signIn = (username: string, password: string, remoteAddress: string) =>
  api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
const log = (query = '') => api.call('GET', `/api/audit-log${query}`);
interface Entry {
  id: string;
  at: string;
  action: string;
  actorUserId: string | null;
  username: string | null;
  address: string | null;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
}
const items = async (query = ''): Promise<Entry[]> => {
  const res = await log(query);
  expect(res.statusCode).toBe(200);
  return res.json().items;
};

describe('audit log', () => {
  it('records failed and successful sign-ins with the name, the address and the time', async () => {
    api.db.clock.set('2026-03-15T10:10:00.000Z');
    expect((await signIn('ghost', 'some-password-1', '10.1.1.1')).statusCode).toBe(401);
    expect((await signIn('admin', 'wrong-password-1', '10.1.1.2')).statusCode).toBe(401);
    api.db.clock.set('2026-03-15T10:15:00.000Z');
    expect((await signIn('admin', 'admin-password-1', '10.1.1.2')).statusCode).toBe(200);
    const failed = await items('?action=auth.login_failed');
    expect(failed.map((e) => [e.username, e.address, e.details.reason, e.at])).toEqual([
      ['admin', '10.1.1.2', 'wrong_password', '2026-03-15T10:10:00.000Z'],
      ['ghost', '10.1.1.1', 'unknown_user', '2026-03-15T10:10:00.000Z'],
    ]);
    expect(failed[1]!.actorUserId).toBeNull();
    const ok = await items('?action=auth.login_succeeded&from=2026-03-15T10:11:00Z');
    expect(ok).toHaveLength(1);
    expect(ok[0]).toMatchObject({
      username: 'admin',
      address: '10.1.1.2',
      at: '2026-03-15T10:15:00.000Z',
      actorUserId: expect.any(String),
    });
  });

  it('records user creation, role and site changes, deactivation and password resets by whom', async () => {
    const admin = (await api.call('GET', '/api/auth/me')).json();
    const site = (await makeSite(api.db.ctx.db)).id;
    const created = await api.call('POST', '/api/users', { username: 'audited', password: PW, role: 'counter' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await api.call('PATCH', `/api/users/${id}`, { role: 'manager', siteId: site })).statusCode).toBe(200);
    expect((await api.call('PATCH', `/api/users/${id}`, { active: false })).statusCode).toBe(200);
    expect((await api.call('PATCH', `/api/users/${id}`, { password: 'audit-pass-2027' })).statusCode).toBe(200);
    expect((await api.call('PATCH', `/api/users/${id}`, { displayName: 'Only a name' })).statusCode).toBe(200);
    const about = await items(`?subjectType=user&subjectId=${id}`);
    expect(about.map((e) => e.action)).toEqual([
      'auth.password_changed',
      'user.deactivated',
      'user.site_changed',
      'user.role_changed',
      'user.created',
    ]);
    expect(about.every((e) => e.actorUserId === admin.id && e.username === 'admin')).toBe(true);
    expect(about.find((e) => e.action === 'user.role_changed')!.details).toMatchObject({
      from: 'counter',
      to: 'manager',
      username: 'audited',
    });
    expect(about.find((e) => e.action === 'user.site_changed')!.details).toMatchObject({ from: null, to: site });
    expect(JSON.stringify(about)).not.toContain('audit-pass');
  });

  it('records manual postings with the key, the site and the entries', async () => {
    const db = api.db.ctx.db;
    const site = (await makeSite(db)).id;
    const owner = (await makeOwner(db)).id;
    const wh = (await makeWarehouse(db, site)).id;
    const item = (await makeItem(db)).id;
    await makeKey(db, 'AREC', 'receipt');
    const posted = await api.call('POST', '/api/postings/receipt', {
      siteId: site,
      keyCode: 'AREC',
      lines: [{ itemId: item, warehouseId: wh, ownerId: owner, quantity: '4', unitPrice: '2.00' }],
    });
    expect(posted.statusCode).toBe(201);
    const refused = await api.call('POST', '/api/postings/receipt', {
      siteId: site,
      keyCode: 'NOKEY',
      lines: [{ itemId: item, warehouseId: wh, ownerId: owner, quantity: '4' }],
    });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    const postings = await items('?action=ledger.manual_posting');
    expect(postings).toHaveLength(1);
    expect(postings[0]).toMatchObject({
      username: 'admin',
      subjectType: 'posting',
      details: { keyCode: 'AREC', siteId: site, lines: 1, status: 'posted', entryIds: posted.json().entryIds },
    });
  });

  it('pages newest first and filters by user name and time', async () => {
    const all = await items('?limit=1000');
    const first = await log('?limit=2');
    expect(first.json().items.map((e: Entry) => e.id)).toEqual(all.slice(0, 2).map((e) => e.id));
    expect(first.json().nextOffset).toBe(2);
    const second = await log('?limit=2&offset=2');
    expect(second.json().items.map((e: Entry) => e.id)).toEqual(all.slice(2, 4).map((e) => e.id));
    const ts = all.map((e) => e.at);
    expect([...ts].sort().reverse()).toEqual(ts);
    expect((await items('?username=ghost')).map((e) => e.action)).toEqual(['auth.login_failed']);
    expect(await items('?to=2026-03-15T10:10:00Z')).toEqual(all.filter((e) => e.at < '2026-03-15T10:10:00.000Z'));
    const bad = await log('?action=auth.nothing');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('action');
  });

  it('is for admins only', async () => {
    const manager = await api.userToken('audit.manager', 'manager');
    const res = await api.call('GET', '/api/audit-log', undefined, manager.token);
    expect(res.statusCode).toBe(403);
    expect((await api.app.inject({ method: 'GET', url: '/api/audit-log' })).statusCode).toBe(401);
  });

  it("the SQL CHECK of audit_log.action takes exactly the domain's list", async () => {
    const db = api.db.ctx.db;
    const tryInsert = (action: string) =>
      db.transaction().execute(async (trx) => {
        await sql`insert into audit_log (at, action) values (now(), ${action})`.execute(trx);
        throw new Error('rolled back');
      });
    for (const action of AUDIT_ACTIONS) await expect(tryInsert(action)).rejects.toThrow('rolled back');
    await expect(tryInsert('auth.bogus')).rejects.toThrow(/check constraint|violates/);
  });

  it('keeps its rows: the database refuses changing or deleting them', async () => {
    const db = api.db.ctx.db;
    await expect(sql`update audit_log set username = 'x'`.execute(db)).rejects.toThrow(/cannot be changed/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/cannot be changed/);
    expect((await items('?limit=1000')).length).toBeGreaterThan(5);
  });
});
