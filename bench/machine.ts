// Facts about the machine a benchmark ran on, so figures from different runs can be compared honestly.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { ServiceContext } from '../src/services/context.js';

export interface MachineFacts {
  cores: number;
  cpuModel: string;
  memoryGb: number;
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  loadAverage: number;
  platform: string;
  node: string;
  database: string;
  pgliteVersion?: string;
}

/** The installed version of a package whose exports hide package.json: walk up from its entry point. */
function packageVersion(name: string): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? 'unknown';
    }
    const up = path.dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

export async function machineFacts(ctx: ServiceContext): Promise<MachineFacts> {
  const version = (await sql<{ v: string }>`select version() as v`.execute(ctx.db)).rows[0]!.v;
  const facts: MachineFacts = {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    database: version,
  };
  if (ctx.engine === 'pglite') {
    facts.pgliteVersion = packageVersion('@electric-sql/pglite');
  }
  return facts;
}
