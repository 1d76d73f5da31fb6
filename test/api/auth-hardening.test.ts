// Sign-in hardening over HTTP: throttling per account and per address (429 + Retry-After, doubling
// lockouts, reset by a right password), the same key derivation for unknown users, the password rules,
// the current password to change one's own, idle and absolute session expiry with the injected clock,
// sign-out, and the security headers on pages, docs and API. The throttle counts on the wall clock (the
// package's), so its tests move Date with fake timers; sessions follow the context clock.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { buildApp } from '../../src/api/app.js';
import { openRuntime } from '../../src/services/runtime.js';
import { kdf } from '../../src/services/auth/password-hash.js';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { createUser } from '../../src/services/user.service.js';
import { ADMIN_PASSWORD, testApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.close();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});
// Each test signs in from its own address, so one test's failures do not throttle the next.
let address = '';
let tests = 0;
beforeEach(() => {
  address = `10.0.${++tests}.1`;
});

const PW = 'counter-pass-2026';
const signIn = (username: string, password: string, remoteAddress = address) =>
  api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
let seq = 0;
async function newUser(role: 'counter' | 'manager' | 'admin' = 'counter', password = PW) {
  const u = await createUser(api.db.ctx, SYSTEM_ACTOR, { username: `hard${++seq}`, password, role });
  return u;
}
async function tokenOf(username: string): Promise<string> {
  const res = await signIn(username, PW);
  expect(res.statusCode).toBe(200);
  return res.json().token as string;
}
/** Wall clock moved by `ms` (fake Date only; timers stay real so the database keeps working). */
function moveWallClock(ms: number) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + ms);
}

describe('sign-in throttling', () => {
  it('locks an account out after 5 wrong passwords with 429 and Retry-After; the right password works after the lockout', async () => {
    const u = await newUser();
    for (let i = 0; i < 5; i++) expect((await signIn(u.username, 'wrong-password-x')).statusCode).toBe(401);
    const locked = await signIn(u.username, PW);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('60');
    expect(locked.json().error).toMatchObject({ code: 'auth.too_many_attempts', params: { retryAfterSeconds: 60 } });
    moveWallClock(30_000);
    const still = await signIn(u.username, PW);
    expect(still.statusCode).toBe(429);
    expect(Number(still.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(still.headers['retry-after'])).toBeLessThanOrEqual(30);
    moveWallClock(31_000);
    expect((await signIn(u.username, PW)).statusCode).toBe(200);
  });

  it('doubles the lockout when it repeats, and a right password resets the account', async () => {
    const u = await newUser();
    const fail5 = async () => {
      for (let i = 0; i < 5; i++) expect((await signIn(u.username, 'wrong-password-x')).statusCode).toBe(401);
    };
    await fail5();
    expect((await signIn(u.username, 'wrong-password-x')).headers['retry-after']).toBe('60');
    moveWallClock(61_000);
    await fail5();
    expect((await signIn(u.username, 'wrong-password-x')).headers['retry-after']).toBe('120');
    moveWallClock(121_000);
    expect((await signIn(u.username, PW)).statusCode).toBe(200);
    // Reset: five wrong answers are allowed again, and the next lockout is the first one's length.
    await fail5();
    expect((await signIn(u.username, PW)).headers['retry-after']).toBe('60');
  });

  it('throttles one address trying many user names, and only that address', async () => {
    const u = await newUser();
    for (let i = 0; i < 30; i++)
      expect((await signIn(`nobody${i}`, 'wrong-password-x', '10.9.9.9')).statusCode).toBe(401);
    const locked = await signIn(u.username, PW, '10.9.9.9');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('60');
    expect((await signIn(u.username, PW, '10.9.9.10')).statusCode).toBe(200);
  });

  it.skipIf(!process.env.DATABASE_URL)('shares the counts between two app instances on one PostgreSQL', async () => {
    const u = await newUser();
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(api.db.ctx.db);
    const second = await openRuntime({ url: process.env.DATABASE_URL, schema: rows[0]!.s, poolSize: 2 });
    const other = await buildApp(second.ctx, { webRoot: '/nonexistent' });
    try {
      const viaOther = (password: string) =>
        other.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: u.username, password },
          remoteAddress: address,
        });
      for (let i = 0; i < 3; i++) expect((await signIn(u.username, 'wrong-password-x')).statusCode).toBe(401);
      for (let i = 0; i < 2; i++) expect((await viaOther('wrong-password-x')).statusCode).toBe(401);
      expect((await viaOther(PW)).statusCode).toBe(429);
      expect((await signIn(u.username, PW)).statusCode).toBe(429);
    } finally {
      await other.close();
      await second.close();
    }
  });

  it('counts concurrent guesses: of 12 sent at once at most 5 are checked', async () => {
    const u = await newUser();
    const spy = vi.spyOn(kdf, 'derive');
    const answers = await Promise.all(Array.from({ length: 12 }, () => signIn(u.username, 'wrong-password-x')));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(7);
    expect(spy).toHaveBeenCalledTimes(5);
  });
});

describe('unknown users', () => {
  it('cost the same key derivation as a known user with a wrong password, and get the same answer', async () => {
    const u = await newUser();
    const off = await newUser();
    await api.call('PATCH', `/api/users/${off.id}`, { active: false });
    await signIn('warm-up-unknown', 'whatever-password'); // the dummy hash is made once per process
    const spy = vi.spyOn(kdf, 'derive');
    const unknown = await signIn('no-such-user', 'whatever-password');
    const unknownCalls = spy.mock.calls.length;
    const wrong = await signIn(u.username, 'whatever-password');
    const wrongCalls = spy.mock.calls.length - unknownCalls;
    const inactive = await signIn(off.username, PW);
    const inactiveCalls = spy.mock.calls.length - unknownCalls - wrongCalls;
    expect([unknownCalls, wrongCalls, inactiveCalls]).toEqual([1, 1, 1]);
    // The same scrypt parameters in each derivation.
    expect(new Set(spy.mock.calls.map((c) => JSON.stringify(c[3]))).size).toBe(1);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error).toEqual(wrong.json().error);
    expect(inactive.json().error).toEqual(wrong.json().error);
  });
});

describe('password rules and storage', () => {
  const create = (password: string) =>
    api.call('POST', '/api/users', { username: `rule${++seq}`, password, role: 'counter' });

  it('refuses short and common passwords naming the field and the rule; takes long Unicode passphrases', async () => {
    const short = await create('elevenchars');
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ field: 'password', params: { rule: 'too_small', minimum: 12 } });
    const common = await create('password1234');
    expect(common.statusCode).toBe(400);
    expect(common.json().error).toMatchObject({
      code: 'validation.failed',
      field: 'password',
      params: { rule: 'common_password' },
    });
    expect((await create('QWERTYUIOP123')).json().error.params.rule).toBe('common_password');
    // Six emoji are 12 UTF-16 units but 6 characters: still too short.
    const emoji = await create('🔒🔒🔒🔒🔒🔒');
    expect(emoji.json().error).toMatchObject({ field: 'password', params: { rule: 'too_small' } });
    const phrase = 'Zählung im Lager Süd 🔦 dauert bis Mitternacht, dann Kaffee für alle — 2026';
    expect([...phrase].length).toBeGreaterThan(64);
    const ok = await create(phrase);
    expect(ok.statusCode).toBe(201);
    expect((await signIn(ok.json().username, phrase)).statusCode).toBe(200);
  });

  it("changing one's own password needs the current one; an admin resets another user's without it", async () => {
    const u = await newUser();
    const token = await tokenOf(u.username);
    const change = (body: object) => api.call('PATCH', `/api/users/${u.id}`, body, token);
    const missing = await change({ password: 'next-counter-pass-1' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ field: 'currentPassword', params: { rule: 'required' } });
    const wrong = await change({ password: 'next-counter-pass-1', currentPassword: 'not-my-password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'auth.current_password_wrong', field: 'currentPassword' });
    expect((await change({ password: 'next-counter-pass-1', currentPassword: PW })).statusCode).toBe(200);
    expect((await signIn(u.username, 'next-counter-pass-1')).statusCode).toBe(200);
    expect((await api.call('PATCH', `/api/users/${u.id}`, { password: 'admin-set-pass-77' })).statusCode).toBe(200);
    expect((await signIn(u.username, 'admin-set-pass-77')).statusCode).toBe(200);
  });

  it('verifies a hash with older parameters and stores a new one at the next sign-in', async () => {
    const u = await newUser();
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.from('0123456789abcdef');
    const legacy = `scrypt$${salt.toString('base64')}$${scryptSync(PW, salt, 32).toString('base64')}`; // node defaults: N=16384, r=8, p=1
    await api.db.ctx.db.updateTable('users').set({ passwordHash: legacy }).where('id', '=', u.id).execute();
    expect((await signIn(u.username, PW)).statusCode).toBe(200);
    const stored = (
      await api.db.ctx.db.selectFrom('users').select('passwordHash').where('id', '=', u.id).executeTakeFirstOrThrow()
    ).passwordHash;
    expect(stored).toMatch(/^scrypt\$N=16384,r=8,p=5\$/);
    expect((await signIn(u.username, PW)).statusCode).toBe(200);
    expect((await signIn(u.username, 'wrong-password-x')).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  const me = (token: string) => api.call('GET', '/api/auth/me', undefined, token);

  it('end after 30 minutes without use, and not while in use', async () => {
    const u = await newUser();
    const token = await tokenOf(u.username);
    api.db.clock.advance(29 * 60_000);
    expect((await me(token)).statusCode).toBe(200);
    api.db.clock.advance(29 * 60_000);
    expect((await me(token)).statusCode).toBe(200);
    api.db.clock.advance(30 * 60_000 + 1);
    const gone = await me(token);
    expect(gone.statusCode).toBe(401);
    expect(gone.json().error.code).toBe('auth.token_invalid');
    // The next sign-in clears the ended session away.
    await tokenOf(u.username);
    const rows = await api.db.ctx.db.selectFrom('sessions').select('tokenHash').where('userId', '=', u.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('end 12 hours after sign-in however much they are used', async () => {
    const u = await newUser();
    const token = await tokenOf(u.username);
    for (let i = 0; i < 28; i++) {
      api.db.clock.advance(25 * 60_000);
      expect((await me(token)).statusCode).toBe(200);
    }
    // 11 h 40 min in and used 25 min ago; 21 more minutes are within the idle limit but past 12 h.
    api.db.clock.advance(21 * 60_000);
    expect((await me(token)).statusCode).toBe(401);
  });

  it('sign-out revokes the token', async () => {
    const u = await newUser();
    const token = await tokenOf(u.username);
    expect((await me(token)).statusCode).toBe(200);
    expect((await api.call('POST', '/api/auth/logout', undefined, token)).statusCode).toBe(204);
    expect((await me(token)).statusCode).toBe(401);
  });
});

describe('security headers', () => {
  it('are on the pages, the API docs and the API; API answers are not cached', async () => {
    const webRoot = mkdtempSync(path.join(tmpdir(), 'inventur-web-'));
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Inventur</title>');
    const app = await buildApp(api.db.ctx, { webRoot });
    try {
      for (const url of ['/', '/scan', '/docs', '/api/auth/me', '/api/no-such-route']) {
        const res = await app.inject({
          method: 'GET',
          url,
          headers: url.startsWith('/api') ? { authorization: `Bearer ${api.token}` } : {},
        });
        expect(res.statusCode, url).toBeLessThan(500);
        const csp = String(res.headers['content-security-policy']);
        expect(csp, url).toContain("frame-ancestors 'none'");
        expect(csp, url).toContain("script-src 'self'");
        expect(csp, url).toContain("object-src 'none'");
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(res.headers['referrer-policy'], url).toBe('no-referrer');
        expect(res.headers['x-frame-options'], url).toBe('DENY');
        if (url.startsWith('/api')) expect(res.headers['cache-control'], url).toBe('no-store');
        else expect(res.headers['cache-control'] ?? '', url).not.toBe('no-store');
      }
      const page = await app.inject({ method: 'GET', url: '/scan' });
      expect(page.body).toContain('<title>Inventur</title>');
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: ADMIN_PASSWORD },
      });
      expect(login.headers['cache-control']).toBe('no-store');
    } finally {
      await app.close();
      rmSync(webRoot, { recursive: true, force: true });
    }
  });
});
