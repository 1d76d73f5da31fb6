import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPrefix, knownMigrations, migrate } from '../../src/storage/migrate.js';
import { freshDb, type TestDb } from '../helpers/db.js';

let t: TestDb;
beforeAll(async () => { t = await freshDb(); });
afterAll(async () => { await t.close(); });

describe('migrations', () => {
  it('applies every known migration once and then nothing', async () => {
    expect(t.applied).toEqual(knownMigrations().map((m) => m.name));
    expect(await migrate(t.handle.pool)).toEqual([]);
  });

  it('refuses a database whose applied list is not a prefix of the known list', () => {
    expect(() => checkPrefix(['0001_core.sql', '0002_other.sql'], ['0001_core.sql', '0002_inventory.sql'])).toThrow(/diverge/);
    expect(() => checkPrefix(['0001_core.sql'], ['0001_core.sql', '0002_inventory.sql'])).not.toThrow();
  });

  it('refuses to start on a database with an unknown migration applied', async () => {
    await t.handle.pool.query("insert into schema_migrations (name) values ('9999_future.sql')");
    await expect(migrate(t.handle.pool)).rejects.toThrow(/diverge/);
    await t.handle.pool.query("delete from schema_migrations where name = '9999_future.sql'");
  });
});
