// Two servers on one PGlite data directory would corrupt it for good: the second `inventur serve` must
// exit with a clear "data directory in use" error while the first keeps answering.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDirectoryLock } from '../../src/storage/lock-file.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'inventur-lock-'));
  dirs.push(d);
  return d;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function serveEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: '',
    INVENTUR_DATA_DIR: dataDir,
    PORT: String(port),
    INVENTUR_ADMIN_PASSWORD: 'lock-test-pw',
    LOG_LEVEL: 'warn',
  };
}

async function waitForHealth(port: number, child: ChildProcess, ms = 90_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`first server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('first server did not become healthy');
}

describe('data directory lock', () => {
  it('refuses a second opener in the same process and lets it in after release', () => {
    const file = path.join(tempDir(), 'inventur.lock');
    const first = acquireDirectoryLock(file);
    expect(() => acquireDirectoryLock(file)).toThrow(/data directory in use: .* is held by process \d+/);
    first.release();
    // The file stays (deleting a lock file races a late opener onto another inode); it no longer names a holder.
    expect(readFileSync(file, 'utf8')).toBe('');
    acquireDirectoryLock(file).release();
  });

  it('takes over a lock file left by a process that no longer runs', () => {
    const file = path.join(tempDir(), 'inventur.lock');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(file, dead.stdout);
    const lock = acquireDirectoryLock(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it.skipIf(Boolean(process.env.DATABASE_URL))(
    'a second `inventur serve` on the same data dir exits with a clear error; the first keeps working',
    async () => {
      const dataDir = path.join(tempDir(), 'data');
      const port1 = await freePort();
      // node itself (not npx, whose child would outlive a kill of npx) so the server dies with the test.
      const first = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
        cwd: process.cwd(),
        env: serveEnv(dataDir, port1),
        stdio: 'ignore',
      });
      children.push(first);
      await waitForHealth(port1, first);

      const port2 = await freePort();
      const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
        cwd: process.cwd(),
        env: serveEnv(dataDir, port2),
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(second.status).toBe(2);
      expect(second.stderr).toMatch(/data directory in use: .* is held by process \d+/);
      expect(second.stderr).toContain('[storage.data_dir_in_use]');

      // The first server still reads and writes its database: sign in (a write: a session row).
      const health = await fetch(`http://127.0.0.1:${port1}/health`);
      expect(health.status).toBe(200);
      const login = await fetch(`http://127.0.0.1:${port1}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'lock-test-pw' }),
      });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { token?: string }).token).toBeTruthy();
      first.kill('SIGTERM');
      await new Promise((resolve) => first.once('exit', resolve));
    },
    180_000,
  );
});
