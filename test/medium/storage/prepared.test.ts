// The pool sends repeated statements as named prepared statements: parsed once per connection, then bound
// and executed. On both engines: PGlite speaks the same protocol to the same driver.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../../src/services/runtime.js';
import { type DatabaseHandle, openDatabase } from '../../../src/storage/database.js';
import { scratchDatabase } from '../../helpers/db.js';

const url = process.env.DATABASE_URL;
const scratch = scratchDatabase('prep');
let h: DatabaseHandle;

/** The statements this connection has prepared, read on the same connection (pool of one). */
async function preparedHere(): Promise<string[]> {
  const r = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(h.db);
  return r.rows.map((x) => x.statement);
}

describe('prepared statements', () => {
  beforeAll(async () => {
    h = await openDatabase(scratch.options);
    await sql`create table t (id int primary key, v text)`.execute(h.db);
  });
  afterAll(async () => {
    await h.close();
    await scratch.drop();
  });

  it('prepares a statement with parameters once and reuses it; one without parameters stays unnamed', async () => {
    const q = (id: number) => sql<{ v: string }>`select v from t where id = ${id}`;
    await sql`insert into t values (${1}, ${'a'}), (${2}, ${'b'})`.execute(h.db);
    expect((await q(1).execute(h.db)).rows).toEqual([{ v: 'a' }]);
    expect((await q(2).execute(h.db)).rows).toEqual([{ v: 'b' }]);
    const texts = await preparedHere();
    expect(texts.filter((t) => t === q(1).compile(h.db).sql)).toHaveLength(1);
    // The insert was prepared too; the unparameterised create table and the catalogue read were not.
    expect(texts).toHaveLength(2);
  });

  it('a client made after an error keeps working on the same session (PGlite hands its one session on)', async () => {
    await sql`select v from t where id = ${2}`.execute(h.db);
    // A failed pool query destroys its client; the pool makes a new one for the next statement.
    await expect(h.pool.query('select 1 / 0')).rejects.toThrow(/division by zero/);
    const other = await sql<{ id: number }>`select id from t where v = ${'b'}`.execute(h.db);
    expect(other.rows).toEqual([{ id: 2 }]);
    expect((await sql<{ v: string }>`select v from t where id = ${2}`.execute(h.db)).rows).toEqual([{ v: 'b' }]);
  });

  it('a statement that failed to parse is parsed again on its next call, not taken as prepared', async () => {
    const q = sql<{ w: number }>`select w from u where w = ${7}`;
    await expect(q.execute(h.db)).rejects.toThrow(/relation "u" does not exist/);
    await sql`create table u (w int)`.execute(h.db);
    await sql`insert into u values (${7})`.execute(h.db);
    expect((await q.execute(h.db)).rows).toEqual([{ w: 7 }]);
  });

  it('a statement whose result columns changed under it is parsed again (at once outside a transaction)', async () => {
    const q = sql<{ v: string }>`select v from t where id = ${1}`;
    expect((await q.execute(h.db)).rows).toEqual([{ v: 'a' }]);
    await sql`alter table t alter column v type varchar(10)`.execute(h.db);
    await sql`update t set v = ${'z'} where id = ${1}`.execute(h.db);
    expect((await q.execute(h.db)).rows).toEqual([{ v: 'z' }]);
    // Inside a transaction the statement fails once (the transaction is lost); the retry parses it anew.
    await sql`alter table t alter column v type varchar(20)`.execute(h.db);
    await expect(h.db.transaction().execute((trx) => q.execute(trx))).rejects.toThrow(/cached plan/);
    expect((await h.db.transaction().execute((trx) => q.execute(trx))).rows).toEqual([{ v: 'z' }]);
  });

  it('INVENTUR_DB_PREPARED_STATEMENTS=off sends every statement unnamed', async () => {
    expect(configFromEnv({}).preparedStatements).toBe(true);
    const config = configFromEnv({ INVENTUR_DB_PREPARED_STATEMENTS: 'off' });
    expect(config.preparedStatements).toBe(false);
    const plain = await openDatabase({ ...scratch.options, preparedStatements: config.preparedStatements });
    try {
      if (!url) await sql`create table t (id int primary key, v text)`.execute(plain.db);
      await sql`select v from t where id = ${1}`.execute(plain.db);
      const r = await sql<{ n: string }>`select count(*) as n from pg_prepared_statements`.execute(plain.db);
      expect(r.rows).toEqual([{ n: '0' }]);
    } finally {
      await plain.close();
    }
  });
});
