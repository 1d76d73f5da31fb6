// Opening stock from CSV through the ledger's postMovements: rejected rows with line and column, the good
// rows posted as one receipt (balances and lots maintained by the ledger), dry run and all-or-nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import { SYSTEM_ACTOR } from '../../../src/services/context.js';
import { importOpeningStockCsv } from '../../../src/services/items/opening-stock.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import {
  makeBin,
  makeItem,
  makeKey,
  makeOwner,
  makeSite,
  makeUnit,
  makeWarehouse,
  makeZone,
} from '../../helpers/factories.js';

let db: TestDb;
const admin = SYSTEM_ACTOR;
let siteId = '';

async function rejects(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

beforeAll(async () => {
  db = await freshDb();
  const d = db.ctx.db;
  await makeUnit(d, 'PZ', 0);
  await makeUnit(d, 'KG', 3);
  siteId = (await makeSite(d)).id;
  await makeOwner(d, { code: 'OWN' });
  await makeWarehouse(d, siteId, { code: 'FLAT' });
  const hb = await makeWarehouse(d, siteId, { code: 'HB', kind: 'structured' });
  const zone = await makeZone(d, siteId, hb.id, { code: 'Z1', structured: true });
  await makeBin(d, siteId, hb.id, zone.id, { code: '01-01', place: '01' });
  await makeItem(d, { code: 'BOLT', primaryUnit: 'PZ' });
  await makeItem(d, { code: 'MILK', primaryUnit: 'PZ', lotManagement: 'yes' });
  await makeItem(d, { code: 'SUGAR', primaryUnit: 'KG' });
  await makeKey(d, 'OPEN', 'receipt');
  await makeKey(d, 'ISS', 'issue');
});
afterAll(async () => {
  await db.close();
});

const CSV = [
  'itemCode,warehouseCode,zoneCode,binCode,lot,expiryDate,ownerCode,quantity,unitPrice',
  'BOLT,FLAT,,,,,OWN,100,0.10',
  'MILK,HB,Z1,01-01,L1,2026-06-30,OWN,12,0.80',
  'SUGAR,FLAT,,,,,OWN,"2,5",1.20',
  'NOPE,FLAT,,,,,OWN,1,1',
  'BOLT,HB,Z1,,,,OWN,1,1',
  'MILK,FLAT,,,,,OWN,1,1',
  'BOLT,FLAT,,,,,OWN,0,1',
  'BOLT,FLAT,,,,,OWN,1.5,1',
  'BOLT,FLAT,,,,,NOBODY,1,1',
].join('\n');

describe('opening stock import', () => {
  it('dry run reports every bad row with its column', async () => {
    const r = await importOpeningStockCsv(db.ctx, admin, CSV, {
      siteId,
      keyCode: 'OPEN',
      postingDate: '2026-01-01',
      dryRun: true,
    });
    expect(r.status).toBe('validated');
    expect(r.rejected.map((x) => [x.line, x.field, x.code])).toEqual([
      [5, 'itemCode', 'reference.unknown'],
      [6, 'binCode', 'place.bin_required'],
      [7, 'lot', 'item.lot_required'],
      [8, 'quantity', 'validation.failed'],
      [9, 'quantity', 'quantity.too_many_decimals'],
      [10, 'ownerCode', 'reference.unknown'],
    ]);
    expect(await db.ctx.db.selectFrom('stockLedger').select('id').execute()).toEqual([]);
  });

  it('posts the good rows as one receipt through the ledger', async () => {
    const r = await importOpeningStockCsv(db.ctx, admin, CSV, { siteId, keyCode: 'OPEN', postingDate: '2026-01-01' });
    expect([r.status, r.posted, r.rejected.length]).toEqual(['posted', 3, 6]);
    const bal = await db.ctx.db
      .selectFrom('stockBalances')
      .innerJoin('items', 'items.id', 'stockBalances.itemId')
      .select(['items.code', 'stockBalances.lot', 'stockBalances.quantity'])
      .orderBy('items.code')
      .execute();
    expect(bal.map((b) => [b.code, b.lot, Number(b.quantity)])).toEqual([
      ['BOLT', '', 100],
      ['MILK', 'L1', 12],
      ['SUGAR', '', 2.5],
    ]);
    const lot = await db.ctx.db.selectFrom('lots').select(['code', 'expiryDate']).execute();
    expect(lot).toEqual([{ code: 'L1', expiryDate: '2026-06-30' }]);
    const entries = await db.ctx.db.selectFrom('stockLedger').select(['originType', 'keyCode']).execute();
    expect(entries.every((e) => e.originType === 'opening_stock' && e.keyCode === 'OPEN')).toBe(true);
  });

  it('all-or-nothing posts nothing when a row is rejected; a non-receipt key is refused', async () => {
    const before = (await db.ctx.db.selectFrom('stockLedger').select('id').execute()).length;
    expect(
      (await importOpeningStockCsv(db.ctx, admin, CSV, { siteId, keyCode: 'OPEN', allOrNothing: true })).status,
    ).toBe('rejected');
    expect((await db.ctx.db.selectFrom('stockLedger').select('id').execute()).length).toBe(before);
    expect(await rejects(importOpeningStockCsv(db.ctx, admin, CSV, { siteId, keyCode: 'ISS' }))).toMatchObject({
      code: 'ledger.key_kind_mismatch',
      field: 'keyCode',
    });
    expect(
      (await rejects(importOpeningStockCsv(db.ctx, admin, 'itemCode,quantity\nBOLT,1', { siteId, keyCode: 'OPEN' })))
        .code,
    ).toBe('import.header_invalid');
  });
});
