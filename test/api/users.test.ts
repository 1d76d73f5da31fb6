// Users kept by an admin over HTTP: create with a site, change role/site/display name, reset a password
// (the user's sessions end), deactivate and reactivate — and the refusals an admin screen relies on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
let siteId: string;
beforeAll(async () => {
  api = await testApi();
  siteId = (await api.call('POST', '/api/sites', { code: 'S1', name: 'Site one' })).json().id;
});
afterAll(async () => {
  await api.close();
});

const login = (username: string, password: string) =>
  api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('users (admin)', () => {
  it('creates a counter of a site, refuses an unknown site on its field', async () => {
    const bad = await api.call('POST', '/api/users', {
      username: 'c.bad',
      password: 'counter-pass-2026',
      role: 'counter',
      siteId: '999999',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'reference.unknown', field: 'siteId' });
    const res = await api.call('POST', '/api/users', {
      username: 'c.one',
      password: 'counter-pass-2026',
      role: 'counter',
      displayName: 'Counter One',
      siteId,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'c.one',
      displayName: 'Counter One',
      role: 'counter',
      siteId,
      active: true,
    });
  });

  it('changes role, site and display name; an unknown site changes nothing', async () => {
    const id = (await api.call('GET', '/api/users?q=c.one')).json().items[0].id;
    const bad = await api.call('PATCH', `/api/users/${id}`, { role: 'manager', siteId: '999999' });
    expect(bad.json().error).toMatchObject({ code: 'reference.unknown', field: 'siteId' });
    expect((await api.call('GET', `/api/users/${id}`)).json().role).toBe('counter');
    const ok = await api.call('PATCH', `/api/users/${id}`, {
      role: 'manager',
      siteId: null,
      displayName: 'Manager One',
    });
    expect(ok.json()).toMatchObject({ role: 'manager', siteId: null, displayName: 'Manager One' });
  });

  it('resets a password: the old one and the open sessions stop working', async () => {
    const id = (await api.call('GET', '/api/users?q=c.one')).json().items[0].id;
    const session = (await login('c.one', 'counter-pass-2026')).json().token;
    expect((await api.call('GET', '/api/auth/me', undefined, session)).statusCode).toBe(200);
    expect((await api.call('PATCH', `/api/users/${id}`, { password: 'new-counter-pass-2' })).statusCode).toBe(200);
    expect((await api.call('GET', '/api/auth/me', undefined, session)).statusCode).toBe(401);
    expect((await login('c.one', 'counter-pass-2026')).statusCode).toBe(401);
    expect((await login('c.one', 'new-counter-pass-2')).statusCode).toBe(200);
  });

  it('deactivates and reactivates; a deactivated user cannot sign in', async () => {
    const id = (await api.call('GET', '/api/users?q=c.one')).json().items[0].id;
    expect((await api.call('PATCH', `/api/users/${id}`, { active: false })).json().active).toBe(false);
    expect((await login('c.one', 'new-counter-pass-2')).statusCode).toBe(401);
    expect(
      (await api.call('GET', '/api/users?active=false')).json().items.map((u: { username: string }) => u.username),
    ).toEqual(['c.one']);
    expect((await api.call('PATCH', `/api/users/${id}`, { active: true })).json().active).toBe(true);
    expect((await login('c.one', 'new-counter-pass-2')).statusCode).toBe(200);
  });

  it('an admin cannot deactivate or demote themselves', async () => {
    const me = (await api.call('GET', '/api/auth/me')).json();
    const off = await api.call('PATCH', `/api/users/${me.id}`, { active: false });
    expect(off.statusCode).toBe(403);
    expect(off.json().error).toMatchObject({ code: 'auth.forbidden', field: 'active' });
    expect((await api.call('PATCH', `/api/users/${me.id}`, { role: 'manager' })).json().error).toMatchObject({
      code: 'auth.forbidden',
      field: 'role',
    });
    expect((await api.call('PATCH', `/api/users/${me.id}`, { displayName: 'The admin' })).json().displayName).toBe(
      'The admin',
    );
  });
});
