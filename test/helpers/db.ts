// A fresh, migrated database per test file: in-memory PGlite by default, a throw-away schema on the
// PostgreSQL server when DATABASE_URL is set. The clock is fixed unless a test moves it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openRuntime, type Runtime } from '../../src/services/runtime.js';
import type { ServiceContext } from '../../src/services/context.js';
import type { DatabaseOptions } from '../../src/storage/database.js';

export interface TestClock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start = '2026-03-15T10:00:00.000Z'): TestClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (iso) => {
      t = new Date(iso).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export interface TestDb extends Runtime {
  clock: TestClock;
}

export async function freshDb(overrides: Partial<ServiceContext> = {}): Promise<TestDb> {
  const clock = testClock();
  let counter = 0;
  const base = { now: clock.now, newToken: () => `tok-${++counter}-${randomBytes(6).toString('hex')}`, ...overrides };
  const url = process.env.DATABASE_URL;
  if (!url) {
    const runtime = await openRuntime({ dataDir: 'memory://', overrides: base });
    return { ...runtime, clock };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const runtime = await openRuntime({ url, schema, poolSize: 4, overrides: base });
  return {
    ...runtime,
    clock,
    close: async () => {
      await runtime.close();
      await dropSchema(url, schema);
    },
  };
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
}

/**
 * An empty, unmigrated database for tests of the storage layer itself: a schema of its own (one connection)
 * on PostgreSQL, in memory on PGlite. `drop` removes the schema once the caller has closed its handle.
 */
export function scratchDatabase(prefix: string): { options: DatabaseOptions; drop(): Promise<void> } {
  const url = process.env.DATABASE_URL;
  if (!url) return { options: { dataDir: 'memory://' }, drop: async () => {} };
  const schema = `${prefix}_${randomBytes(5).toString('hex')}`;
  return { options: { url, schema, poolSize: 1 }, drop: () => dropSchema(url, schema) };
}
