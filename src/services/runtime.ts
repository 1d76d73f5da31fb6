// Opens the configured database, applies migrations and makes the service context. The one place the
// outer layers (API server, CLI) reach storage, so they never import it themselves.
import { openDatabase, type DatabaseHandle, type DatabaseOptions } from '../storage/database.js';
import { migrate } from '../storage/migrate.js';
import { makeContext, type ServiceContext } from './context.js';
import { defaultJobRegistry } from './jobs/catalogue.js';

export interface Runtime {
  ctx: ServiceContext;
  handle: DatabaseHandle;
  applied: string[];
  close(): Promise<void>;
}

export interface RuntimeConfig extends DatabaseOptions {
  overrides?: Partial<ServiceContext>;
}

/** Reads DATABASE_URL / INVENTUR_DATA_DIR / INVENTUR_DB_SCHEMA / INVENTUR_DB_PREPARED_STATEMENTS. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  return {
    url: env.DATABASE_URL || undefined,
    dataDir: env.INVENTUR_DATA_DIR || './data',
    schema: env.INVENTUR_DB_SCHEMA || undefined,
    preparedStatements: env.INVENTUR_DB_PREPARED_STATEMENTS !== 'off',
  };
}

export async function openRuntime(config: RuntimeConfig): Promise<Runtime> {
  const handle = await openDatabase(config);
  try {
    const applied = await migrate(handle.pool);
    const ctx = makeContext(handle.db, handle.kind, { jobs: defaultJobRegistry(), ...config.overrides });
    return { ctx, handle, applied, close: () => handle.close() };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
