// The lock rules as SQL equal the domain on random locks of every shape: opening a list finds another
// list's overlapping lock exactly when locksOverlap says so, and a posting line runs into a lock exactly
// when lineTouchesLock says so. Shapes: item at a bin, item zone-wide, item warehouse-wide, whole bin,
// whole zone, whole warehouse — in two warehouses, two zones with bins and one without.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StockLock, lineTouchesLock, locksOverlap } from '../../../src/domain/ledger/index.js';
import { findLock } from '../../../src/services/ledger/posting.repository.js';
import { conflictingLock } from '../../../src/services/inventory/opening.repository.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeBin, makeItem, makeSite, makeWarehouse, makeZone } from '../../helpers/factories.js';

let t: TestDb;
let site: string;
interface Place {
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
}
let places: Place[] = [];
let items: string[] = [];

// A small deterministic generator (mulberry32): the same cases on every run and database.
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  t = await freshDb();
  const db = t.ctx.db;
  site = (await makeSite(db)).id;
  const w1 = (await makeWarehouse(db, site, { kind: 'structured' })).id;
  const w2 = (await makeWarehouse(db, site)).id;
  const z1 = (await makeZone(db, site, w1, { structured: true })).id;
  const z2 = (await makeZone(db, site, w1, { structured: true })).id;
  const z3 = (await makeZone(db, site, w1, { structured: false })).id;
  const b1 = (await makeBin(db, site, w1, z1)).id;
  const b2 = (await makeBin(db, site, w1, z1)).id;
  const b3 = (await makeBin(db, site, w1, z2)).id;
  places = [
    { warehouseId: w1, zoneId: z1, binId: b1 },
    { warehouseId: w1, zoneId: z1, binId: b2 },
    { warehouseId: w1, zoneId: z2, binId: b3 },
    { warehouseId: w1, zoneId: z1, binId: null },
    { warehouseId: w1, zoneId: z3, binId: null },
    { warehouseId: w1, zoneId: null, binId: null },
    { warehouseId: w2, zoneId: null, binId: null },
  ];
  items = [(await makeItem(db)).id, (await makeItem(db)).id];
});
afterAll(async () => {
  await t.close();
});

function randomLock(r: () => number, countListId: string): StockLock {
  const p = places[Math.floor(r() * places.length)]!;
  const itemId = r() < 0.4 ? null : items[Math.floor(r() * items.length)]!;
  return { countListId, ...p, itemId };
}

describe('lock rules: SQL equals the domain', () => {
  it("a list opening finds another list's lock exactly when the locks overlap", async () => {
    const r = rng(7);
    for (let round = 0; round < 40; round++) {
      await t.ctx.db.deleteFrom('stockLocks').execute();
      const lists = ['9001', '9002', '9003'];
      const locks = lists.flatMap((id) => Array.from({ length: 1 + Math.floor(r() * 3) }, () => randomLock(r, id)));
      for (const l of locks)
        await t.ctx.db
          .insertInto('stockLocks')
          .values({ siteId: site, ...l, createdAt: t.clock.now() })
          .execute();
      for (const id of lists) {
        const mine = locks.filter((l) => l.countListId === id);
        const others = locks.filter((l) => l.countListId !== id);
        const expected = mine.some((a) => others.some((b) => locksOverlap(a, b)));
        const hit = await t.ctx.db.transaction().execute((trx) => conflictingLock(trx, id));
        expect(hit !== undefined, `round ${round}, list ${id}: ${JSON.stringify(locks)}`).toBe(expected);
        if (hit)
          expect(mine.some((a) => others.some((b) => b.countListId === hit.countListId && locksOverlap(a, b)))).toBe(
            true,
          );
      }
    }
  });

  it('a posting line runs into a lock exactly when it touches one (own list ignored)', async () => {
    const r = rng(11);
    for (let round = 0; round < 25; round++) {
      await t.ctx.db.deleteFrom('stockLocks').execute();
      const locks = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, k) =>
        randomLock(r, k % 2 === 0 ? '9101' : '9102'),
      );
      for (const l of locks)
        await t.ctx.db
          .insertInto('stockLocks')
          .values({ siteId: site, ...l, createdAt: t.clock.now() })
          .execute();
      for (const p of places) {
        for (const itemId of items) {
          const line = { index: 0, itemId, ...p, lot: '', serial: '', ownerId: '1', quantity: '-1' };
          const hit = await t.ctx.db.transaction().execute((trx) => findLock(trx, [line as never]));
          expect(
            hit !== undefined,
            `round ${round}, line ${JSON.stringify(p)} ${itemId}: ${JSON.stringify(locks)}`,
          ).toBe(locks.some((l) => lineTouchesLock(line, l)));
          const ignoring = await t.ctx.db.transaction().execute((trx) => findLock(trx, [line as never], '9101'));
          expect(ignoring !== undefined).toBe(locks.some((l) => l.countListId !== '9101' && lineTouchesLock(line, l)));
        }
      }
    }
  });
});
