// `inventur barcode decode` as a user runs it (in-process through runCli, output captured): text as argument
// or raw bytes on stdin (test/cli/smoke.test.ts feeds them to the real binary).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBarcodeRule } from '../../src/services/barcode/barcode-rules.service.js';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { openRuntime } from '../../src/services/runtime.js';
import { runInventur } from '../helpers/cli.js';

// Pure decoding must not need a database; point it nowhere to prove it.
const run = (args: string[], input?: Buffer, dataDir = '/nonexistent/inventur') =>
  runInventur(['barcode', 'decode', ...args], { ...process.env, DATABASE_URL: '', INVENTUR_DATA_DIR: dataDir }, input);

describe('inventur barcode decode', () => {
  it('prints the API JSON shape with --json and exits 0', async () => {
    const r = await run(['--json', ']E04006381333931']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: true,
      symbology: 'ean-13',
      type: 'gtin',
      gtin14: '04006381333931',
      elements: [],
      fields: { gtin: '04006381333931' },
    });
  });

  it('reads raw bytes from --stdin so the GS separator survives', async () => {
    const bytes = Buffer.concat([
      Buffer.from(']C10109506000134352172612311012AB'),
      Buffer.from([0x1d]),
      Buffer.from('21XYZ\n'),
    ]);
    const r = await run(['--stdin', '--json'], bytes);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fields).toEqual({
      gtin: '09506000134352',
      expiry: '2026-12-31',
      lot: '12AB',
      serial: 'XYZ',
    });
    const readable = await run(['--stdin'], bytes);
    expect(readable.stdout).toMatch(/\(10\) BATCH\/LOT\s+12AB/);
    expect(readable.stdout).toMatch(/\(21\) SERIAL\s+XYZ/);
  });

  it('exits 1 on a decode error and points at the position', async () => {
    const r = await run(['--assume', 'gtin', '4006381333932']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error barcode.bad_check_digit at position 12');
    expect(r.stdout.split('\n')[2]).toBe(`  ${' '.repeat(12)}^`);
    const json = await run(['--json', '--assume', 'gtin', '4006381333932']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      error: { code: 'barcode.bad_check_digit', position: 12 },
    });
  });

  it("applies a site's barcode rules with --site", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'inventur-cli-'));
    try {
      const rt = await openRuntime({ dataDir: dir });
      const site = await rt.ctx.db
        .insertInto('sites')
        .values({ code: 'MI', name: 'Milano' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await createBarcodeRule(rt.ctx, SYSTEM_ACTOR, {
        siteId: site.id,
        name: 'shelf label',
        rule: { kind: 'separator', prefix: 'S:', separator: '/', fields: ['itemCode', 'bin'] },
      });
      await rt.close();
      const r = await run(['--site', 'MI', '--json', 'S:ABC-1/01-02'], undefined, dir);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({
        ok: true,
        type: 'rule',
        rule: 'shelf label',
        fields: { itemCode: 'ABC-1', bin: '01-02' },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
