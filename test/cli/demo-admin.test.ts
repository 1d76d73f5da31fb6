// `inventur demo` run before the first `serve` leaves an admin, made as serve makes it: with
// INVENTUR_ADMIN_PASSWORD when set (refused when it breaks the password rules), else with a generated
// password printed once. In-process through runCli (output captured) on PGlite data directories.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRuntime } from '../../src/services/runtime.js';
import { bootstrapAdmin, login } from '../../src/services/user.service.js';
import { runInventur } from '../helpers/cli.js';
import { freshDb } from '../helpers/db.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
// The command runs on a PGlite data directory whatever DATABASE_URL says; the PostgreSQL pass would only repeat it.
const describeCli = describe.skipIf(Boolean(process.env.DATABASE_URL));

async function demo(env: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'inventur-demo-admin-'));
  dirs.push(dir);
  const r = await runInventur(['demo', '--items', '3', '--warehouses', '2'], {
    ...process.env,
    DATABASE_URL: '',
    INVENTUR_DATA_DIR: dir,
    INVENTUR_ADMIN_PASSWORD: '',
    ...env,
  });
  return { dir, ...r };
}

async function withDb<T>(dir: string, fn: (rt: Awaited<ReturnType<typeof openRuntime>>) => Promise<T>): Promise<T> {
  const rt = await openRuntime({ dataDir: dir });
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

describeCli('inventur demo before the first start', () => {
  it('creates admin with INVENTUR_ADMIN_PASSWORD', async () => {
    const r = await demo({ INVENTUR_ADMIN_PASSWORD: 'demo-admin-pass-2026' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('First start: user "admin" created with INVENTUR_ADMIN_PASSWORD');
    await withDb(r.dir, async (rt) => {
      const session = await login(rt.ctx, 'admin', 'demo-admin-pass-2026');
      expect(session.user.role).toBe('admin');
      expect((await login(rt.ctx, 'demo.manager', 'demo-manager')).user.role).toBe('manager');
    });
  });

  it('creates admin with a generated password, printed once', async () => {
    const r = await demo({});
    expect(r.code, r.stderr).toBe(0);
    const m = /sign in as "admin" with password (\S+)/.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    await withDb(r.dir, async (rt) => {
      expect((await login(rt.ctx, 'admin', m![1]!)).user.role).toBe('admin');
    });
  });
});

describe('the first-start admin', () => {
  it('a password that breaks the rules is refused naming INVENTUR_ADMIN_PASSWORD (serve and demo share this)', async () => {
    const db = await freshDb();
    try {
      await expect(bootstrapAdmin(db.ctx, { INVENTUR_ADMIN_PASSWORD: 'short' })).rejects.toMatchObject({
        field: 'INVENTUR_ADMIN_PASSWORD',
        params: { rule: 'too_small' },
      });
      await expect(bootstrapAdmin(db.ctx, { INVENTUR_ADMIN_PASSWORD: 'password1234' })).rejects.toMatchObject({
        params: { rule: 'common_password' },
      });
      expect(await bootstrapAdmin(db.ctx, { INVENTUR_ADMIN_PASSWORD: 'a-good-admin-pass' })).toContain(
        'created with INVENTUR_ADMIN_PASSWORD',
      );
      expect(await bootstrapAdmin(db.ctx, { INVENTUR_ADMIN_PASSWORD: 'a-good-admin-pass' })).toBeUndefined();
    } finally {
      await db.close();
    }
  });
});
