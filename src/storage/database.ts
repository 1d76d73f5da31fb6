// The database adapter: one PostgreSQL dialect, two engines. With DATABASE_URL a PostgreSQL server through
// `pg`; without it, embedded PGlite in a data directory, reached through the same `pg` driver via PGlite's
// node-postgres adapter, so every query, migration and COPY takes one code path.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.js';
import { acquireDirectoryLock, type DirectoryLock } from './lock-file.js';
import { preparingPool } from './prepared.js';

// numeric and int8 stay strings (exact); dates stay 'yyyy-mm-dd' strings (no time-zone drift).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type EngineKind = 'pglite' | 'postgres';

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; `memory://` for a throw-away in-memory database. */
  dataDir?: string | undefined;
  /** PostgreSQL schema to use (created if missing); lets tests run side by side in one database. */
  schema?: string | undefined;
  /** Pool size for PostgreSQL (PGlite is always one connection). */
  poolSize?: number | undefined;
  /**
   * Send repeated statements as named prepared statements (prepared.ts); on unless false. Off for
   * a pooler that hands one session's statements to several server connections (PgBouncer in transaction
   * mode without `max_prepared_statements`).
   */
  preparedStatements?: boolean | undefined;
}

export interface DatabaseHandle {
  kind: EngineKind;
  db: Kysely<Database>;
  pool: pg.Pool;
  /** Human-readable location for logs (never includes a password). */
  describe: string;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url, options) : openPglite(options.dataDir ?? './data', options);
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: options.preparedStatements === false ? pool : preparingPool(pool) }),
    plugins: [new CamelCasePlugin({ underscoreBeforeDigits: true })],
  });
  const u = new URL(url);
  return {
    kind: 'postgres',
    db,
    pool,
    describe: `postgresql://${u.host}${u.pathname}${schema ? ` (schema ${schema})` : ''}`,
    close: async () => {
      await db.destroy();
    },
  };
}

async function openPglite(dataDir: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const inMemory = dataDir.startsWith('memory://');
  let lock: DirectoryLock | undefined;
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    // Two processes on one PGlite directory corrupt it for good: refuse the second opener.
    lock = acquireDirectoryLock(path.join(dataDir, 'inventur.lock'));
  }
  try {
    const pglite = new PGlite({
      dataDir: inMemory ? undefined : path.join(dataDir, 'pgdata'),
      // The default WAL grows to ~640 MB on disk; an embedded database should stay small.
      postgresqlconf: ['max_wal_size = 64MB', 'min_wal_size = 32MB'],
      // Trigram indexes serve "contains" searches of items (migration 0096), as on a PostgreSQL server.
      extensions: { pg_trgm },
    });
    await pglite.waitReady;
    const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 } as pg.PoolConfig);
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: options.preparedStatements === false ? pool : preparingPool(pool) }),
      plugins: [new CamelCasePlugin({ underscoreBeforeDigits: true })],
    });
    return {
      kind: 'pglite',
      db,
      pool,
      describe: inMemory ? 'PGlite (in memory)' : `PGlite ${path.resolve(dataDir)}`,
      close: async () => {
        await db.destroy();
        await pglite.close();
        lock?.release();
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}
