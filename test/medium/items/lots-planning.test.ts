// Lots, serials, lot proposals and availability for the ledger, the ABC analysis and the stock-control
// report on a real database. Stock rows are written directly (the ledger owns postings).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import { type Actor, SYSTEM_ACTOR } from '../../../src/services/context.js';
import { createMasterItem } from '../../../src/services/items/item-create.service.js';
import {
  checkAvailability,
  createLotClass,
  createSerialClass,
  generateLot,
  generateSerials,
  proposeLots,
  requireAvailable,
} from '../../../src/services/items/lots.service.js';
import { setWarehousePlanning, updateMasterFields } from '../../../src/services/items/master-fields.service.js';
import { runAbcAnalysis, stockControlReport } from '../../../src/services/items/planning.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeKey, makeOwner, makeSite, makeUnit, makeWarehouse } from '../../helpers/factories.js';

let db: TestDb;
const admin = SYSTEM_ACTOR;
const counter: Actor = { userId: '0', username: 'c', role: 'counter', siteId: null };
let siteId = '',
  ownerId = '',
  wh = '',
  wh2 = '';

async function rejects(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

/** A ledger entry and its balance, as the ledger would write them (quantity signed, value = quantity × price). */
async function post(
  itemId: string,
  warehouseId: string,
  key: string,
  quantity: string,
  price: string,
  date: string,
  lot = '',
  expiry: string | null = null,
) {
  const d = db.ctx.db;
  await d
    .insertInto('stockLedger')
    .values({
      siteId,
      keyCode: key,
      itemId,
      warehouseId,
      lot,
      ownerId,
      quantity,
      value: String(Number(quantity) * Number(price)),
      unitPrice: price,
      postingDate: date,
      originType: 'test',
      createdAt: new Date(),
    })
    .execute();
  if (lot)
    await d
      .insertInto('lots')
      .values({ itemId, code: lot, expiryDate: expiry, productionDate: null, createdAt: new Date() })
      .onConflict((o) => o.columns(['itemId', 'code']).doNothing())
      .execute();
  const cur = await d
    .selectFrom('stockBalances')
    .select(['id', 'quantity'])
    .where('itemId', '=', itemId)
    .where('warehouseId', '=', warehouseId)
    .where('lot', '=', lot)
    .executeTakeFirst();
  if (cur)
    await d
      .updateTable('stockBalances')
      .set({ quantity: String(Number(cur.quantity) + Number(quantity)) })
      .where('id', '=', cur.id)
      .execute();
  else
    await d
      .insertInto('stockBalances')
      .values({ siteId, itemId, warehouseId, lot, ownerId, quantity, updatedAt: new Date() })
      .execute();
}

beforeAll(async () => {
  db = await freshDb();
  await makeUnit(db.ctx.db, 'PZ', 0);
  siteId = (await makeSite(db.ctx.db)).id;
  ownerId = (await makeOwner(db.ctx.db)).id;
  wh = (await makeWarehouse(db.ctx.db, siteId, { code: 'MAIN' })).id;
  wh2 = (await makeWarehouse(db.ctx.db, siteId, { code: 'SEC' })).id;
  await makeKey(db.ctx.db, 'REC', 'receipt');
  await makeKey(db.ctx.db, 'ISS', 'issue');
});
afterAll(async () => {
  await db.close();
});

describe('lots and serials', () => {
  let itemId = '';
  it('generates lot codes from the item lot class: prefix + date + counter', async () => {
    await createLotClass(db.ctx, admin, { code: 'DAILY', prefix: 'L', datePattern: 'YYMMDD', width: 3 });
    const item = await createMasterItem(db.ctx, admin, {
      item: { code: 'MILK', description: 'Milk', primaryUnit: 'PZ', lotManagement: 'auto' },
      master: { lotClass: 'DAILY', lotConsumption: 'fefo' },
    });
    itemId = item.item.id;
    expect([item.item.lotAvailabilityCheck, item.item.availabilityCheck]).toEqual(['blocking', 'blocking']);
    const a = await generateLot(db.ctx, admin, itemId, { productionDate: '2026-03-10', expiryDate: '2026-04-10' });
    const b = await generateLot(db.ctx, admin, itemId, { date: '2026-03-11' });
    expect([a.code, a.expiryDate, b.code]).toEqual(['L260310001', '2026-04-10', 'L260311002']);
    // A lot typed by hand with the next code is skipped.
    await db.ctx.db
      .insertInto('lots')
      .values({ itemId, code: 'L260315003', expiryDate: null, productionDate: null, createdAt: new Date() })
      .execute();
    expect((await generateLot(db.ctx, admin, itemId, {})).code).toBe('L260315004');
  });

  it('serial numbers need serial management and a serial class', async () => {
    await createSerialClass(db.ctx, admin, { code: 'SN', prefix: 'SN', width: 6 });
    expect(
      (
        await rejects(
          createMasterItem(db.ctx, admin, {
            item: { code: 'DRILL0', description: 'Drill', primaryUnit: 'PZ', serialManagement: true },
          }),
        )
      ).field,
    ).toBe('serialClass');
    const drill = await createMasterItem(db.ctx, admin, {
      item: { code: 'DRILL', description: 'Drill', primaryUnit: 'PZ', serialManagement: true },
      master: { serialClass: 'SN' },
    });
    expect(await generateSerials(db.ctx, admin, drill.item.id, 3)).toEqual(['SN000001', 'SN000002', 'SN000003']);
    expect((await rejects(generateSerials(db.ctx, admin, itemId, 1))).code).toBe('item.serial_not_allowed');
  });

  it('proposes lots in FEFO/LEFO/FIFO order, skipping lots expired at the posting date', async () => {
    await post(itemId, wh, 'REC', '5', '1', '2026-01-05', 'OLD', '2026-03-15');
    await post(itemId, wh, 'REC', '5', '1', '2026-02-01', 'SOON', '2026-03-20');
    await post(itemId, wh, 'REC', '5', '1', '2026-01-20', 'LATE', '2026-05-01');
    await post(itemId, wh2, 'REC', '50', '1', '2026-01-20', 'ELSEWHERE', '2026-03-16');
    await db.ctx.db
      .insertInto('reservations')
      .values({
        siteId,
        itemId,
        warehouseId: wh,
        lot: 'SOON',
        ownerId,
        quantity: '2',
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      .execute();
    const input = { itemId, warehouseId: wh, quantity: '7', postingDate: '2026-03-15' };
    const fefo = await db.ctx.db.transaction().execute((trx) => proposeLots(trx, db.ctx, input));
    expect(fefo.lines.map((l) => [l.lot, l.quantity])).toEqual([
      ['SOON', '3'],
      ['LATE', '4'],
    ]);
    expect(fefo.skippedExpired).toEqual(['OLD']);
    await updateMasterFields(db.ctx, admin, itemId, { lotConsumption: 'lefo' });
    expect(
      (await db.ctx.db.transaction().execute((trx) => proposeLots(trx, db.ctx, input))).lines.map((l) => l.lot),
    ).toEqual(['LATE', 'SOON']);
    await updateMasterFields(db.ctx, admin, itemId, { lotConsumption: 'fifo' });
    const fifo = await db.ctx.db.transaction().execute((trx) => proposeLots(trx, db.ctx, { ...input, quantity: '20' }));
    expect(fifo.lines.map((l) => [l.lot, l.quantity])).toEqual([
      ['OLD', '5'],
      ['LATE', '5'],
      ['SOON', '3'],
    ]);
    expect(fifo.shortfall).toBe('7');
  });

  it('availability is on hand minus reserved, per item or per lot, with the item mode', async () => {
    const a = await db.ctx.db
      .transaction()
      .execute((trx) => checkAvailability(trx, db.ctx, { itemId, warehouseId: wh, quantity: '13' }));
    expect(a).toMatchObject({ onHand: '15', reserved: '2', available: '13', outcome: 'ok' });
    const lot = await db.ctx.db
      .transaction()
      .execute((trx) => checkAvailability(trx, db.ctx, { itemId, warehouseId: wh, quantity: '4', lot: 'SOON' }));
    expect(lot).toMatchObject({ available: '3', outcome: 'blocked', mode: 'blocking' });
    const e = await rejects(
      db.ctx.db
        .transaction()
        .execute((trx) => requireAvailable(trx, db.ctx, { itemId, warehouseId: wh, quantity: '14' })),
    );
    expect([e.code, e.field]).toEqual(['ledger.not_available', 'quantity']);
  });
});

describe('planning', () => {
  it('ABC analysis classifies by issue value in the period and writes items.abc_class', async () => {
    const mk = async (code: string) =>
      (await createMasterItem(db.ctx, admin, { item: { code, description: code, primaryUnit: 'PZ' } })).item.id;
    const [a, b, c, d] = [await mk('ABC-A'), await mk('ABC-B'), await mk('ABC-C'), await mk('ABC-D')];
    for (const id of [a, b, c, d]) await post(id, wh, 'REC', '1000', '1', '2026-01-01');
    await post(a, wh, 'ISS', '-700', '1', '2026-02-01');
    await post(b, wh, 'ISS', '-150', '1', '2026-02-10');
    await post(c, wh, 'ISS', '-100', '1', '2026-02-15');
    await post(d, wh, 'ISS', '-500', '1', '2025-12-01'); // outside the period
    const run = await runAbcAnalysis(db.ctx, admin, {
      from: '2026-01-01',
      to: '2026-12-31',
      thresholdA: '80',
      thresholdB: '95',
    });
    expect(run.totalValue).toBe('950');
    const cls = Object.fromEntries(
      (await db.ctx.db.selectFrom('items').select(['code', 'abcClass']).where('code', 'like', 'ABC-%').execute()).map(
        (r) => [r.code, r.abcClass],
      ),
    );
    // 700/950 = 73.7 % → A; B starts below 80 % → A (the item crossing the threshold stays A); C starts at 89.5 % → B.
    expect(cls).toEqual({ 'ABC-A': 'A', 'ABC-B': 'A', 'ABC-C': 'B', 'ABC-D': 'C' });
    expect(run.counts.A).toBe(2);
    expect((await rejects(runAbcAnalysis(db.ctx, counter, { from: '2026-01-01', to: '2026-12-31' }))).code).toBe(
      'auth.forbidden',
    );
  });

  it('stock control flags below minimum / above maximum with warehouse overrides', async () => {
    const item = await createMasterItem(db.ctx, admin, {
      item: { code: 'BOLT', description: 'Bolt', primaryUnit: 'PZ' },
      master: { minStock: '20', maxStock: '100', reorderLot: '25' },
    });
    await post(item.item.id, wh, 'REC', '10', '1', '2026-01-01');
    await post(item.item.id, wh2, 'REC', '10', '1', '2026-01-01');
    await setWarehousePlanning(db.ctx, admin, item.item.id, wh2, { minStock: '5', maxStock: '8' });
    const lines = (await stockControlReport(db.ctx, admin, {})).filter((l) => l.itemCode === 'BOLT');
    expect(lines.map((l) => [l.warehouseCode, l.status, l.shortage, l.excess, l.suggestedOrder])).toEqual([
      ['MAIN', 'below_minimum', '10', '0', '100'],
      ['SEC', 'above_maximum', '0', '2', '0'],
    ]);
    const only = await stockControlReport(db.ctx, admin, { warehouseId: wh2, status: 'above_maximum' });
    await expect(stockControlReport(db.ctx, counter, {})).rejects.toMatchObject({ code: 'auth.forbidden' });
    expect(only.map((l) => l.itemCode)).toEqual(['BOLT']);
    expect(
      (await rejects(setWarehousePlanning(db.ctx, admin, item.item.id, wh2, { minStock: '50', maxStock: '8' }))).field,
    ).toBe('maxStock');
  });
});
