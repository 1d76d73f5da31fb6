// The sign-in limiter's store (login-throttle.ts): rate-limiter-flexible writes its own statements against its
// table `login_throttle` (made by our migrations, in the package's layout); this client runs them through our
// Kysely adapter, so they go to PGlite or the PostgreSQL server like every other statement.
import { CompiledQuery } from 'kysely';
import type { Db } from '../context.js';

/** The package's store client: `query({ text, values })` → `{ rows, rowCount }`, over our adapter. */
export function throttleStoreClient(db: Db) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const result = await db.executeQuery(CompiledQuery.raw(q.text, q.values ?? []));
      return { rows: result.rows, rowCount: result.rows.length || Number(result.numAffectedRows ?? 0) };
    },
  };
}
