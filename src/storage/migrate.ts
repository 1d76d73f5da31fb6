// Forward-only numbered SQL migrations, recorded in schema_migrations. The applied list must be a prefix
// of the known list; anything else means this code and the database diverged, and we refuse to start.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { DomainError } from '../domain/errors.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const NAME = /^\d{4}_[a-z0-9_]+\.sql$/;

export interface Migration {
  name: string;
  sql: string;
}

export function knownMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name), 'utf8') }));
}

export function checkPrefix(applied: string[], known: string[]): void {
  applied.forEach((name, i) => {
    if (known[i] !== name) {
      throw new DomainError(
        'storage.migrations_diverged',
        `database migrations diverge from this version at position ${i + 1}: database has ${name}, code has ${known[i] ?? 'nothing'}`,
        { params: { applied, known } },
      );
    }
  });
}

/** Applies pending migrations, each in its own transaction, under an advisory lock (many app instances). */
export async function migrate(pool: pg.Pool, migrations = knownMigrations()): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(74201)');
    await client.query(
      'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
    );
    const { rows } = await client.query<{ name: string }>('select name from schema_migrations order by name');
    const applied = rows.map((r) => r.name);
    checkPrefix(
      applied,
      migrations.map((m) => m.name),
    );
    const pending = migrations.slice(applied.length);
    for (const m of pending) {
      await client.query('begin');
      try {
        await client.query(m.sql);
        await client.query('insert into schema_migrations (name) values ($1)', [m.name]);
        await client.query('commit');
      } catch (e) {
        await client.query('rollback');
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`, { cause: e });
      }
    }
    return pending.map((m) => m.name);
  } finally {
    await client.query('select pg_advisory_unlock(74201)').catch(() => undefined);
    client.release();
  }
}
