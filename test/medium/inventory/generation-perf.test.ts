// Generation at scale (opt-in: INVENTUR_PERF=1; PERF_ITEMS × 10 warehouses positions, default 100,000).
// Prints the durations; asserts only the result, never the time (speed belongs to benchmarks).
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { generateCountLists, previewGeneration } from '../../../src/services/inventory/generation.service.js';
import { freshDb } from '../../helpers/db.js';
import { admin, makeInventory, makeOrg } from './generation-fixture.js';

it.skipIf(!process.env.INVENTUR_PERF)(
  'generates 100,000 positions set-based',
  async () => {
    const items = Number(process.env.PERF_ITEMS ?? 10000);
    const t = await freshDb();
    const org = await makeOrg(t);
    const db = t.ctx.db;
    await sql`insert into units (code) values ('PZ') on conflict do nothing`.execute(db);
    await sql`insert into warehouses (site_id, code, name, kind) select ${org.siteId}, 'W' || g, 'W', 'unstructured' from generate_series(1, 10) g`.execute(
      db,
    );
    await sql`insert into items (code, description, primary_unit) select 'IT' || lpad(g::text, 6, '0'), 'x', 'PZ' from generate_series(1, ${items}::int) g`.execute(
      db,
    );
    await sql`insert into stock_balances (site_id, item_id, warehouse_id, owner_id, quantity, ever_nonzero, updated_at)
    select ${org.siteId}, i.id, w.id, ${org.ownerId}, 5, true, now() from items i cross join warehouses w where w.site_id = ${org.siteId}`.execute(
      db,
    );
    const inv = await makeInventory(t, org);
    const structure = [
      { criterion: 'warehouse_zone' as const, newList: true, groupChange: 0 },
      { criterion: 'article' as const, newList: false, groupChange: 0 },
    ];
    const time = async <T>(label: string, f: () => Promise<T>) => {
      const s = Date.now();
      const r = await f();
      console.log(`${t.ctx.engine} ${label}: ${Date.now() - s} ms`);
      return r;
    };
    const p = await time('preview', () =>
      previewGeneration(t.ctx, admin, inv.id, { countType: 'article', maxItemsPerList: 100, structure }),
    );
    expect([p.lists.length, p.positions]).toEqual([items / 10, items * 10]);
    const g = await time('generate', () =>
      generateCountLists(t.ctx, admin, inv.id, { countType: 'article', maxItemsPerList: 100, structure }),
    );
    expect([g.lists.length, g.positions]).toEqual([items / 10, items * 10]);
    const again = await time('generate again, all informational', () =>
      generateCountLists(t.ctx, admin, inv.id, {
        countType: 'article',
        maxItemsPerList: 100,
        informationalItems: true,
      }),
    );
    expect(again.informational).toBe(items * 10);
    await t.close();
  },
  900_000,
);
