// Statistics after bulk writes: a table that has more than doubled since it was last analysed is analysed
// again, a small or unchanged one is left alone. On both engines (PGlite has no autovacuum).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../../src/storage/database.js';
import { scratchDatabase } from '../../helpers/db.js';
import { analyzeIfGrown, MIN_PAGES } from '../../../src/storage/statistics.js';

const scratch = scratchDatabase('stat');
let h: DatabaseHandle;

const reltuples = async (table: string) =>
  Number(
    (await sql<{ n: number }>`select reltuples as n from pg_class where oid = to_regclass(${table})`.execute(h.db))
      .rows[0]!.n,
  );
const fill = (from: number, to: number) =>
  sql`insert into grown select g, repeat('x', 100) from generate_series(${from}::int, ${to}::int) g`.execute(h.db);

describe('analyzeIfGrown', () => {
  beforeAll(async () => {
    h = await openDatabase(scratch.options);
    await sql`create table grown (id int primary key, pad text)`.execute(h.db);
  });
  afterAll(async () => {
    await h.close();
    await scratch.drop();
  });

  it('leaves a table below the minimum size alone', async () => {
    await fill(1, 10);
    expect(await analyzeIfGrown(h.db, ['grown'])).toEqual([]);
  });

  it('analyses a table that has grown past the minimum, once, and again when it has doubled', async () => {
    // ~130 bytes a row, 8 kB pages: enough rows for several times MIN_PAGES.
    await fill(11, MIN_PAGES * 200);
    expect(await analyzeIfGrown(h.db, ['grown'])).toEqual(['grown']);
    expect(await reltuples('grown')).toBe(MIN_PAGES * 200);
    expect(await analyzeIfGrown(h.db, ['grown'])).toEqual([]);
    await fill(MIN_PAGES * 200 + 1, MIN_PAGES * 300);
    expect(await analyzeIfGrown(h.db, ['grown'])).toEqual([]); // +50 %: not doubled
    await fill(MIN_PAGES * 300 + 1, MIN_PAGES * 500);
    expect(await analyzeIfGrown(h.db, ['grown'])).toEqual(['grown']);
    expect(await reltuples('grown')).toBe(MIN_PAGES * 500);
  });

  it('ignores a table name that does not exist', async () => {
    expect(await analyzeIfGrown(h.db, ['no_such_table'])).toEqual([]);
  });
});
