import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../../src/services/user.service.js';
import { ADMIN_PASSWORD, testApi, type TestApi } from '../helpers/api.js';
import { freshDb } from '../helpers/db.js';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.close();
});

describe('authentication', () => {
  it('serves /health without a token', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ok');
  });

  it('refuses an API call without a token with the error shape', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/users' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'auth.token_missing', message: expect.any(String) } });
  });

  it('checks the token on the matched route, so an encoded path cannot skip it', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/%61pi/users' });
    expect(res.statusCode).not.toBe(200);
    if (res.statusCode !== 404) expect(res.json().error.code).toBe('auth.token_missing');
  });

  it('serves the API documentation at /docs without a token', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths['/api/postings/transfer']).toBeDefined();
  });

  it('creates admin once even when two instances start together on an empty database', async () => {
    const db = await freshDb();
    try {
      const results = await Promise.all([ensureAdmin(db.ctx), ensureAdmin(db.ctx)]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const admins = await db.ctx.db.selectFrom('users').select('username').execute();
      expect(admins).toEqual([{ username: 'admin' }]);
      expect(await ensureAdmin(db.ctx)).toEqual({ created: false });
    } finally {
      await db.close();
    }
  });

  it('refuses a wrong password and accepts the right one', async () => {
    const bad = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'wrong-password-1' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('auth.invalid_credentials');
    const ok = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    const me = await api.call('GET', '/api/auth/me', undefined, ok.json().token);
    expect(me.json().username).toBe('admin');
  });

  it('rejects unknown fields naming the field', async () => {
    const res = await api.call('POST', '/api/users', {
      username: 'x1',
      password: 'counter-pass-2026',
      role: 'counter',
      colour: 'red',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation.unknown_field', field: 'colour' });
  });

  it('names the invalid field', async () => {
    const res = await api.call('POST', '/api/users', { username: 'x1', password: 'short', role: 'counter' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation.failed', field: 'password' });
  });

  it('lets only admins create users', async () => {
    const counter = await api.userToken('counter1', 'counter');
    const res = await api.call(
      'POST',
      '/api/users',
      { username: 'x2', password: 'counter-pass-2026', role: 'counter' },
      counter.token,
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
    const dup = await api.call('POST', '/api/users', {
      username: 'counter1',
      password: 'counter-pass-2026',
      role: 'counter',
    });
    expect(dup.statusCode).toBe(409);
  });

  it('lists users by name page by page, filtered, and reads one', async () => {
    for (const n of ['pg.anna', 'pg.bruno', 'pg.carla']) await api.userToken(n, 'counter');
    const first = await api.call('GET', '/api/users?q=PG.&limit=2');
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((u: { username: string }) => u.username)).toEqual(['pg.anna', 'pg.bruno']);
    expect(first.json().nextOffset).toBe(2);
    const second = await api.call('GET', '/api/users?q=pg.&limit=2&offset=2');
    expect(second.json()).toMatchObject({ items: [{ username: 'pg.carla' }], nextOffset: null });
    const admins = await api.call('GET', '/api/users?role=admin');
    expect(admins.json().items.map((u: { username: string }) => u.username)).toEqual(['admin']);
    const one = await api.call('GET', `/api/users/${first.json().items[0].id}`);
    expect(one.json()).toMatchObject({ username: 'pg.anna', role: 'counter', active: true });
    const literal = await api.call('GET', '/api/users?q=pg_');
    expect(literal.json().items).toEqual([]);
  });

  it('ends sessions on logout', async () => {
    const u = await api.userToken('leaver', 'counter');
    expect((await api.call('POST', '/api/auth/logout', undefined, u.token)).statusCode).toBe(204);
    expect((await api.call('GET', '/api/auth/me', undefined, u.token)).statusCode).toBe(401);
  });
});
