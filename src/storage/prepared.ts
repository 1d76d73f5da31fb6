// Server-side prepared statements for the PostgreSQL pool. Kysely hands `pg` unnamed statements, so the
// server parses, analyses and plans every statement on every call; on the hot paths (a scan is a handful of
// short statements) that work is most of the SQL time. Naming a statement (per connection, by its text) makes
// `pg` parse it once per connection and then only bind and execute it; the server re-plans it by its own rules
// (plan_cache_mode) and re-validates it when a table it reads changes. Only a change of its result columns
// (a column's type altered under a running instance) makes the server refuse it: see PreparingClient.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { PostgresPool, PostgresPoolClient } from 'kysely';

/**
 * Statements prepared per connection at most. A statement's text varies with its shape (an `in` list of n
 * values is its own text), so the set is open-ended; past the cap a connection sends the rest unnamed.
 */
export const MAX_PREPARED_PER_CONNECTION = 2000;

/** Statements with parameters only: the ones a program repeats (DDL and one-off scripts carry none). */
function preparable(sql: string, parameters: ReadonlyArray<unknown>): boolean {
  return parameters.length > 0 && sql.length <= 20_000;
}

/** The server refuses a prepared statement whose result columns changed under it (a column's type altered). */
function isStalePlan(e: unknown): boolean {
  return (e as { code?: string }).code === '0A000' && /cached plan must not change result type/.test(String(e));
}

/**
 * A statement's name is a hash of its text (plus a generation once it went stale), never a counter: PGlite's
 * pool hands one database session to each new client it makes after an error, so a name stays bound to its
 * text for as long as the session lives, whichever client prepared it.
 */
function nameOf(text: string, generation: number): string {
  const hash = createHash('sha1').update(text).digest('base64url');
  return generation === 0 ? `k${hash}` : `k${hash}_${generation}`;
}

/**
 * One connection's statements: text → name. A statement refused as stale gets the next generation's name, so
 * its next call parses it again; outside a transaction that call is made at once (inside one, the transaction
 * has failed and the caller's retry gets the new name).
 */
class PreparingClient {
  #names = new Map<string, { name: string; generation: number }>();
  #inTransaction = false;

  constructor(private readonly client: pg.PoolClient) {}

  query(sqlOrCursor: unknown, parameters?: ReadonlyArray<unknown>): unknown {
    if (typeof sqlOrCursor !== 'string') return this.client.query(sqlOrCursor as pg.Submittable);
    const values = [...(parameters ?? [])];
    if (!preparable(sqlOrCursor, values)) {
      this.#track(sqlOrCursor);
      return this.client.query(sqlOrCursor, values);
    }
    return this.#named(sqlOrCursor, values, !this.#inTransaction);
  }

  release(): void {
    this.client.release();
  }

  async #named(text: string, values: unknown[], mayRetry: boolean): Promise<pg.QueryResult> {
    let known = this.#names.get(text);
    if (known === undefined) {
      if (this.#names.size >= MAX_PREPARED_PER_CONNECTION) return this.client.query(text, values);
      known = { name: nameOf(text, 0), generation: 0 };
      this.#names.set(text, known);
    }
    try {
      return await this.client.query({ name: known.name, text, values });
    } catch (e) {
      if (!isStalePlan(e)) throw e;
      const generation = known.generation + 1;
      this.#names.set(text, { name: nameOf(text, generation), generation });
      if (!mayRetry) throw e;
      return this.#named(text, values, false);
    }
  }

  /** Kysely opens and ends transactions with plain statements on the connection. */
  #track(text: string): void {
    if (/^\s*(begin|start transaction)\b/i.test(text)) this.#inTransaction = true;
    else if (/^\s*(commit|rollback)\s*$/i.test(text)) this.#inTransaction = false;
  }
}

/** The pool Kysely sees: the same connections, with repeated statements sent as named prepared statements. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PreparingClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) {
        w = new PreparingClient(client);
        wrapped.set(client, w);
      }
      return w as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
