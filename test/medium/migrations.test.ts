import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPrefix, knownMigrations, migrate } from '../../src/storage/migrate.js';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { postMovements } from '../../src/services/ledger/index.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { makeItem, makeKey, makeOwner, makeSite, makeWarehouse } from '../helpers/factories.js';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => {
  await t.close();
});

describe('migrations', () => {
  it('applies every known migration once and then nothing', async () => {
    expect(t.applied).toEqual(knownMigrations().map((m) => m.name));
    expect(await migrate(t.handle.pool)).toEqual([]);
  });

  it('refuses a database whose applied list is not a prefix of the known list', () => {
    expect(() => checkPrefix(['0001_core.sql', '0002_other.sql'], ['0001_core.sql', '0002_inventory.sql'])).toThrow(
      /diverge/,
    );
    expect(() => checkPrefix(['0001_core.sql'], ['0001_core.sql', '0002_inventory.sql'])).not.toThrow();
  });

  it('refuses to start on a database with an unknown migration applied', async () => {
    await t.handle.pool.query("insert into schema_migrations (name) values ('9999_future.sql')");
    await expect(migrate(t.handle.pool)).rejects.toThrow(/diverge/);
    await t.handle.pool.query("delete from schema_migrations where name = '9999_future.sql'");
  });

  it('makes the stock ledger append-only in the database itself', async () => {
    const db = t.ctx.db;
    const site = await makeSite(db);
    const owner = await makeOwner(db);
    const wh = await makeWarehouse(db, site.id);
    const item = await makeItem(db);
    await makeKey(db, 'RCPT', 'receipt');
    await t.ctx.db.transaction().execute((trx) =>
      postMovements(trx, t.ctx, SYSTEM_ACTOR, {
        siteId: site.id,
        keyCode: 'RCPT',
        postingDate: '2026-03-10',
        originType: 'test',
        lines: [{ itemId: item.id, warehouseId: wh.id, ownerId: owner.id, quantity: '5', unitPrice: '2.00' }],
      }),
    );
    await expect(t.handle.pool.query('update stock_ledger set quantity = 6')).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(t.handle.pool.query('delete from stock_ledger')).rejects.toThrow(/append-only: DELETE refused/);
    await expect(t.handle.pool.query('truncate stock_ledger cascade')).rejects.toThrow(/append-only: TRUNCATE refused/);
    const rows = await t.handle.pool.query('select quantity from stock_ledger');
    expect(rows.rows.map((r: { quantity: string }) => r.quantity)).toEqual(['5']);
    // Valuations per warehouse belong to the warehouse's site (the sharding key); the item's own row to none.
    const vals = await t.ctx.db
      .selectFrom('stockValuations')
      .select(['warehouseId', 'siteId'])
      .where('itemId', '=', item.id)
      .orderBy('warehouseId')
      .execute();
    expect(vals).toEqual([
      { warehouseId: wh.id, siteId: site.id },
      { warehouseId: null, siteId: null },
    ]);
  });
});
