// Lot/serial management on every path (core create/PATCH, item-master create): the same couplings
// (lot item → blocking lot availability check, serial item → serial class) and no switch while there is stock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import { SYSTEM_ACTOR } from '../../../src/services/context.js';
import { createMasterItem } from '../../../src/services/items/item-create.service.js';
import { getMasterItem } from '../../../src/services/items/master-fields.service.js';
import { createItem, updateItem } from '../../../src/services/items/item.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeOwner, makeSite, makeUnit, makeWarehouse } from '../../helpers/factories.js';

let db: TestDb;
const admin = SYSTEM_ACTOR;
const rejects = async (p: Promise<unknown>): Promise<DomainError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
};
const master = async (id: string) => (await getMasterItem(db.ctx, admin, id)).master;

beforeAll(async () => {
  db = await freshDb();
  await makeUnit(db.ctx.db, 'PZ');
  await db.ctx.db.insertInto('serialClasses').values({ code: 'SN', description: 'Serials' }).execute();
});
afterAll(async () => {
  await db.close();
});

describe('lot/serial couplings', () => {
  it('a lot item created through the core path gets the blocking lot availability check', async () => {
    const item = await createItem(db.ctx, admin, {
      code: 'LOT1',
      description: 'Lot item',
      primaryUnit: 'PZ',
      lotManagement: 'yes',
    });
    expect(await master(item.id)).toMatchObject({ lotAvailabilityCheck: 'blocking', availabilityCheck: 'blocking' });
  });

  it('PATCH switching lot management on applies the same default as item-master', async () => {
    const item = await createItem(db.ctx, admin, { code: 'PLAIN1', description: 'Plain', primaryUnit: 'PZ' });
    expect(await master(item.id)).toMatchObject({ lotAvailabilityCheck: 'none', availabilityCheck: 'none' });
    await updateItem(db.ctx, admin, item.id, { lotManagement: 'auto' });
    expect(await master(item.id)).toMatchObject({ lotAvailabilityCheck: 'blocking', availabilityCheck: 'blocking' });
    const viaMaster = await createMasterItem(db.ctx, admin, {
      item: { code: 'LOT2', description: 'Lot', primaryUnit: 'PZ', lotManagement: 'yes' },
    });
    expect(viaMaster.item).toMatchObject({ lotAvailabilityCheck: 'blocking', availabilityCheck: 'blocking' });
  });

  it('serial management needs a serial class on create and on PATCH', async () => {
    expect(
      await rejects(
        createItem(db.ctx, admin, { code: 'SER0', description: 'S', primaryUnit: 'PZ', serialManagement: true }),
      ),
    ).toMatchObject({ code: 'lot.class_required', field: 'serialClass' });
    expect(
      await rejects(
        createItem(db.ctx, admin, {
          code: 'SER0',
          description: 'S',
          primaryUnit: 'PZ',
          serialManagement: true,
          serialClass: 'NOPE',
        }),
      ),
    ).toMatchObject({ code: 'reference.unknown', field: 'serialClass' });
    const s = await createItem(db.ctx, admin, {
      code: 'SER1',
      description: 'S',
      primaryUnit: 'PZ',
      serialManagement: true,
      serialClass: 'SN',
    });
    expect(s.serialClass).toBe('SN');
    const plain = await createItem(db.ctx, admin, { code: 'PLAIN2', description: 'Plain', primaryUnit: 'PZ' });
    expect(await rejects(updateItem(db.ctx, admin, plain.id, { serialManagement: true }))).toMatchObject({
      code: 'lot.class_required',
      field: 'serialClass',
    });
    expect(await updateItem(db.ctx, admin, plain.id, { serialManagement: true, serialClass: 'SN' })).toMatchObject({
      serialManagement: true,
      serialClass: 'SN',
    });
    expect(await rejects(updateItem(db.ctx, admin, plain.id, { serialClass: null }))).toMatchObject({
      code: 'lot.class_required',
      field: 'serialClass',
    });
    // Unrelated changes do not re-judge the lot/serial fields.
    expect((await updateItem(db.ctx, admin, plain.id, { description: 'Plain 2' })).description).toBe('Plain 2');
  });

  it('refuses switching lot/serial management while the item has stock, allows it at zero', async () => {
    const item = await createItem(db.ctx, admin, { code: 'STOCKED', description: 'Stocked', primaryUnit: 'PZ' });
    const site = await makeSite(db.ctx.db);
    const wh = await makeWarehouse(db.ctx.db, site.id);
    const owner = await makeOwner(db.ctx.db);
    const balance = await db.ctx.db
      .insertInto('stockBalances')
      .values({
        siteId: site.id,
        itemId: item.id,
        warehouseId: wh.id,
        ownerId: owner.id,
        quantity: '5',
        everNonzero: true,
        updatedAt: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await rejects(updateItem(db.ctx, admin, item.id, { lotManagement: 'yes' }))).toMatchObject({
      code: 'item.tracking_locked',
      field: 'lotManagement',
    });
    expect(
      await rejects(updateItem(db.ctx, admin, item.id, { serialManagement: true, serialClass: 'SN' })),
    ).toMatchObject({ code: 'item.tracking_locked', field: 'serialManagement' });
    expect((await updateItem(db.ctx, admin, item.id, { description: 'Still fine' })).description).toBe('Still fine');
    await db.ctx.db.updateTable('stockBalances').set({ quantity: '0' }).where('id', '=', balance.id).execute();
    expect((await updateItem(db.ctx, admin, item.id, { lotManagement: 'yes' })).lotManagement).toBe('yes');
    // yes ↔ auto only changes how lots are picked: allowed with stock.
    await db.ctx.db
      .updateTable('stockBalances')
      .set({ quantity: '3', lot: 'L1' })
      .where('id', '=', balance.id)
      .execute();
    expect((await updateItem(db.ctx, admin, item.id, { lotManagement: 'auto' })).lotManagement).toBe('auto');
    expect(await rejects(updateItem(db.ctx, admin, item.id, { lotManagement: 'no' }))).toMatchObject({
      code: 'item.tracking_locked',
      field: 'lotManagement',
    });
  });
});
