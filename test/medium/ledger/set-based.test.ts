// The set-based paths: a posting of many thousand lines (crossing insert batches), concurrent postings on the
// same items, and the SQL lock rule checked against the pure domain rule on the same data.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '../../../src/domain/decimal.js';
import { type PostingLine, lineTouchesLock, parsePosting } from '../../../src/domain/ledger/index.js';
import { SYSTEM_ACTOR } from '../../../src/services/context.js';
import { postMovements, rebuildBalancesIn } from '../../../src/services/ledger/index.js';
import { BATCH, findLock } from '../../../src/services/ledger/posting.repository.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeKey, makeOwner, makeSite, makeUnit, makeWarehouse, makeZone } from '../../helpers/factories.js';

let t: TestDb;
let site: string;
let owner: string;
let wms: string;
let zone: string;
let items: string[];
let bins: string[];

beforeAll(async () => {
  t = await freshDb();
  const db = t.ctx.db;
  site = (await makeSite(db)).id;
  owner = (await makeOwner(db)).id;
  wms = (await makeWarehouse(db, site, { kind: 'structured' })).id;
  zone = (await makeZone(db, site, wms)).id;
  await makeUnit(db);
  await makeKey(db, 'REC', 'receipt');
  await makeKey(db, 'ISS', 'issue');
  // Rows in bulk: 150 items × 80 bins = 12,000 positions.
  items = (
    await sql<{ id: string }>`insert into items (code, description, primary_unit, created_at, updated_at)
    select 'BULK' || g, 'Bulk ' || g, 'PZ', now(), now() from generate_series(1, 150) g returning id`.execute(db)
  ).rows.map((r) => String(r.id));
  bins = (
    await sql<{ id: string }>`insert into bins (site_id, warehouse_id, zone_id, code, place)
    select ${site}::bigint, ${wms}::bigint, ${zone}::bigint, 'B' || g, 'B' || g from generate_series(1, 80) g returning id`.execute(
      db,
    )
  ).rows.map((r) => String(r.id));
});
afterAll(async () => {
  await t.close();
});

const lines = (sign: '' | '-', price?: string) =>
  items.flatMap((itemId, i) =>
    bins.map((binId, j) => ({
      itemId,
      warehouseId: wms,
      zoneId: zone,
      binId,
      ownerId: owner,
      quantity: `${sign}${1 + ((i + j) % 5)}`,
      ...(price ? { unitPrice: price } : {}),
    })),
  );

describe('large postings', () => {
  it(`posts 12,000 lines in one call (more than ${BATCH} per batch) and balances, valuations and rebuild agree`, async () => {
    const receipt = lines('', '2.5');
    expect(receipt.length).toBeGreaterThan(2 * BATCH);
    const res = await t.ctx.db.transaction().execute((trx) =>
      postMovements(trx, t.ctx, SYSTEM_ACTOR, {
        siteId: site,
        keyCode: 'REC',
        postingDate: '2026-03-01',
        originType: 'bulk',
        lines: receipt,
      }),
    );
    expect(res.status === 'posted' && res.entryIds.length).toBe(receipt.length);
    const total = receipt.reduce((s, l) => s.plus(l.quantity), new Dec(0));
    const sums = await sql<{
      q: string;
      n: string;
    }>`select sum(quantity) as q, count(*) as n from stock_balances`.execute(t.ctx.db);
    expect(new Dec(sums.rows[0]!.q).eq(total)).toBe(true);
    expect(Number(sums.rows[0]!.n)).toBe(receipt.length);
    const v = await t.ctx.db
      .selectFrom('stockValuations')
      .selectAll()
      .where('itemId', '=', items[0]!)
      .where('warehouseId', 'is', null)
      .executeTakeFirstOrThrow();
    expect(new Dec(v.averagePrice).eq('2.5')).toBe(true);

    const issue = lines('-');
    await t.ctx.db.transaction().execute((trx) =>
      postMovements(trx, t.ctx, SYSTEM_ACTOR, {
        siteId: site,
        keyCode: 'ISS',
        postingDate: '2026-03-02',
        originType: 'bulk',
        lines: issue,
      }),
    );
    const after = await sql<{ q: string; nonzero: string; ever: string }>`
      select sum(quantity) as q, count(*) filter (where quantity <> 0) as nonzero, count(*) filter (where ever_nonzero) as ever from stock_balances`.execute(
      t.ctx.db,
    );
    expect(after.rows[0]).toMatchObject({ nonzero: '0', ever: String(receipt.length) });
    expect(await t.ctx.db.transaction().execute((trx) => rebuildBalancesIn(trx, t.ctx))).toBe(0);
  });
});

describe('concurrent postings', () => {
  it('two postings on the same items in opposite order both go through, and the average is exact', async () => {
    const pair = items.slice(0, 2);
    const mk = (order: string[], price: string) =>
      order.map((itemId) => ({
        itemId,
        warehouseId: wms,
        zoneId: zone,
        binId: bins[0]!,
        ownerId: owner,
        quantity: '10',
        unitPrice: price,
      }));
    const run = (ls: ReturnType<typeof mk>) =>
      t.ctx.db.transaction().execute((trx) =>
        postMovements(trx, t.ctx, SYSTEM_ACTOR, {
          siteId: site,
          keyCode: 'REC',
          postingDate: '2026-03-03',
          originType: 'race',
          lines: ls,
        }),
      );
    const results = await Promise.all([run(mk(pair, '7')), run(mk([...pair].reverse(), '9')), run(mk(pair, '8'))]);
    expect(results.map((r) => r.status)).toEqual(['posted', 'posted', 'posted']);
    for (const itemId of pair) {
      const v = await t.ctx.db
        .selectFrom('stockValuations')
        .selectAll()
        .where('itemId', '=', itemId)
        .where('warehouseId', 'is', null)
        .executeTakeFirstOrThrow();
      expect(new Dec(v.quantity).eq(30)).toBe(true);
      expect(new Dec(v.averagePrice).eq(8)).toBe(true);
    }
  });
});

describe('lock rule: SQL equals the domain', () => {
  it('findLock hits exactly the lines lineTouchesLock says are touched', async () => {
    const [b1, b2] = bins;
    const [i1, i2] = items;
    const locks = [
      { countListId: '901', warehouseId: wms, zoneId: null, binId: b1!, itemId: null },
      { countListId: '902', warehouseId: wms, zoneId: zone, binId: null, itemId: i2! },
    ];
    for (const l of locks)
      await t.ctx.db
        .insertInto('stockLocks')
        .values({ siteId: site, ...l, createdAt: t.clock.now() })
        .execute();
    const candidates: PostingLine[] = parsePosting({
      siteId: site,
      keyCode: 'ISS',
      postingDate: '2026-03-01',
      originType: 'x',
      lines: [i1!, i2!, items[2]!].flatMap((itemId) =>
        [b1!, b2!].map((binId) => ({ itemId, warehouseId: wms, zoneId: zone, binId, ownerId: owner, quantity: '-1' })),
      ),
    }).lines;
    for (const line of candidates) {
      const expected = locks.some((l) => lineTouchesLock(line, l));
      const hit = await t.ctx.db.transaction().execute((trx) => findLock(trx, [line]));
      expect(hit !== undefined, `line ${line.itemId}@${line.binId}`).toBe(expected);
      const ignoring = await t.ctx.db.transaction().execute((trx) => findLock(trx, [line], '901'));
      expect(ignoring !== undefined).toBe(locks.some((l) => l.countListId !== '901' && lineTouchesLock(line, l)));
    }
    await t.ctx.db.deleteFrom('stockLocks').execute();
  });
});
