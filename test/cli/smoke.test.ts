// The real binary: `tsx src/cli/main.ts` as `npm run inventur` starts it. The other CLI tests run the same
// program in-process (runCli); these check what only a process shows: its exit code, stdout vs stderr, raw
// bytes on its stdin, and that a refusal ends it with 2. Pure commands, so no database is opened.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function inventur(args: string[], input?: Buffer) {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], {
    cwd: process.cwd(),
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DATABASE_URL: '', INVENTUR_DATA_DIR: '/nonexistent/inventur' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the inventur binary', () => {
  it('decodes raw bytes from its stdin, prints on stdout and exits 0', () => {
    const bytes = Buffer.concat([Buffer.from(']C10109506000134352'), Buffer.from([0x1d]), Buffer.from('21XYZ\n')]);
    const r = inventur(['barcode', 'decode', '--stdin', '--json'], bytes);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout).fields).toEqual({ gtin: '09506000134352', serial: 'XYZ' });
  });

  it('prints a refusal on stderr and exits 2', () => {
    const r = inventur(['item', 'export', 'items.pdf', '--format', 'pdf']);
    expect(r).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'inventur: --format must be csv or xlsx, got "pdf" [validation.failed]\n',
    });
  });
});
