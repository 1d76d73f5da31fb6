// Inventory types and headers on a real database: numbering, defaults, locks, start, delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import { generateCountLists } from '../../../src/services/inventory/generation.service.js';
import {
  createInventory,
  deleteInventory,
  getInventory,
  listInventories,
  startInventory,
  updateInventory,
} from '../../../src/services/inventory/inventory.service.js';
import {
  createInventoryType,
  deleteInventoryType,
  updateInventoryType,
} from '../../../src/services/inventory/inventory-type.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeItem, makeKey, makeWarehouse } from '../../helpers/factories.js';
import { addBalance, admin, makeInventory, makeOrg, type Org } from './generation-fixture.js';

let t: TestDb;
let org: Org;
beforeAll(async () => {
  t = await freshDb();
  org = await makeOrg(t);
  const wh = await makeWarehouse(t.ctx.db, org.siteId, { code: 'M1' });
  const item = await makeItem(t.ctx.db, { code: 'MI1' });
  await addBalance(t.ctx.db, org.siteId, { itemId: item.id, warehouseId: wh.id, ownerId: org.ownerId, quantity: '1' });
});
afterAll(async () => {
  await t.close();
});

describe('numbering', () => {
  it("numbers inventories from the type's scheme, in order, never reused", async () => {
    const a = await makeInventory(t, org, 'continuous');
    const b = await makeInventory(t, org, 'continuous');
    expect([a.number, b.number]).toEqual([expect.stringMatching(/-0001$/), expect.stringMatching(/-0002$/)]);
    await deleteInventory(t.ctx, admin, b.id);
    expect((await makeInventory(t, org, 'continuous')).number).toMatch(/-0003$/);
  });

  it('hands out distinct numbers to concurrent creations', async () => {
    const made = await Promise.all(Array.from({ length: 6 }, () => makeInventory(t, org, 'sample')));
    expect(new Set(made.map((m) => m.number)).size).toBe(6);
  });

  it('refuses to move a scheme back', async () => {
    const ty = await createInventoryType(t.ctx, admin, {
      code: 'NUMB',
      method: 'sample',
      inventoryNumbering: { nextValue: 50 },
    });
    await expect(
      updateInventoryType(t.ctx, admin, ty.id, { inventoryNumbering: { nextValue: 10 } }),
    ).rejects.toMatchObject({ code: 'validation.failed' });
    expect(
      (await updateInventoryType(t.ctx, admin, ty.id, { inventoryNumbering: { prefix: 'S/' } })).inventoryNumbering,
    ).toMatchObject({ prefix: 'S/', nextValue: 50 });
  });
});

describe('types', () => {
  it('fixes method and material type once inventories use the type, and refuses deleting it', async () => {
    await expect(updateInventoryType(t.ctx, admin, org.types.continuous, { method: 'sample' })).rejects.toMatchObject({
      code: 'conflict.in_use',
      field: 'method',
    });
    await expect(deleteInventoryType(t.ctx, admin, org.types.continuous)).rejects.toMatchObject({
      code: 'conflict.in_use',
    });
    expect(
      (await updateInventoryType(t.ctx, admin, org.types.continuous, { reportType: 'cumulative' })).reportType,
    ).toBe('cumulative');
  });

  it('production resources: no value-adjustment key, inventories inherit none', async () => {
    const ty = await createInventoryType(t.ctx, admin, {
      code: 'PRES',
      method: 'continuous',
      materialType: 'production_resources',
      adjustmentKey: 'ADJ',
    });
    const inv = await createInventory(t.ctx, admin, { typeId: ty.id, siteId: org.siteId, ownerId: org.ownerId });
    expect(inv).toMatchObject({ materialType: 'production_resources', valueAdjustmentKey: null, adjustmentKey: 'ADJ' });
    await expect(updateInventory(t.ctx, admin, inv.id, { valueAdjustmentKey: 'REVAL' })).rejects.toMatchObject({
      code: 'inventory.value_key_not_allowed',
    });
  });
});

describe('header', () => {
  it('copies the type defaults and derives the fiscal year', async () => {
    const inv = await makeInventory(t, org, 'stock_taking_day', {
      fiscalYear: undefined,
      stockTakingDate: '2027-01-05',
    });
    expect(inv).toMatchObject({
      status: 'created',
      fiscalYear: 2027,
      valuationPrice: 'average',
      adjustmentKey: 'ADJ',
      transferKey: 'TRF',
      valueAdjustmentKey: 'REVAL',
    });
  });

  it('validates key kinds and references', async () => {
    await makeKey(t.ctx.db, 'IN1', 'receipt');
    await expect(makeInventory(t, org, 'continuous', { transferKey: 'IN1' })).rejects.toMatchObject({
      code: 'inventory.key_kind',
      field: 'transferKey',
    });
    await expect(makeInventory(t, org, 'continuous', { ownerId: '99999' })).rejects.toMatchObject({
      code: 'not_found',
      field: 'ownerId',
    });
    await expect(makeInventory(t, org, 'continuous', { responsibleUserId: '99999' })).rejects.toMatchObject({
      code: 'not_found',
      field: 'responsibleUserId',
    });
  });

  it('locks valuation, keys, dates and owner once a list exists; everything once closed', async () => {
    const inv = await makeInventory(t, org, 'stock_taking_day');
    expect((await updateInventory(t.ctx, admin, inv.id, { ownerId: org.otherOwnerId })).ownerId).toBe(org.otherOwnerId);
    await updateInventory(t.ctx, admin, inv.id, { ownerId: org.ownerId });
    await updateInventory(t.ctx, admin, inv.id, { valuationPrice: 'settlement_2', stockTakingDate: '2026-04-30' });
    await generateCountLists(t.ctx, admin, inv.id, { countType: 'article' });
    await expect(updateInventory(t.ctx, admin, inv.id, { valuationPrice: 'inventory' })).rejects.toMatchObject({
      code: 'inventory.valuation_locked',
    });
    await expect(updateInventory(t.ctx, admin, inv.id, { adjustmentKey: null })).rejects.toMatchObject({
      code: 'inventory.keys_locked',
    });
    await expect(updateInventory(t.ctx, admin, inv.id, { stockTakingDate: '2026-05-01' })).rejects.toMatchObject({
      code: 'inventory.stock_taking_date_locked',
    });
    await expect(updateInventory(t.ctx, admin, inv.id, { ownerId: org.otherOwnerId })).rejects.toMatchObject({
      code: 'inventory.owner_locked',
      field: 'ownerId',
    });
    const started = await startInventory(t.ctx, admin, inv.id);
    expect(started).toMatchObject({ status: 'open', openedAt: '2026-03-15T10:00:00.000Z' });
    await expect(updateInventory(t.ctx, admin, inv.id, { ownerId: org.otherOwnerId })).rejects.toMatchObject({
      code: 'inventory.owner_locked',
    });
    expect(
      (await updateInventory(t.ctx, admin, inv.id, { responsibleUserId: null, description: 'open and editable' }))
        .description,
    ).toBe('open and editable');
    await t.ctx.db.updateTable('inventories').set({ status: 'closed' }).where('id', '=', inv.id).execute();
    await expect(updateInventory(t.ctx, admin, inv.id, { description: 'x' })).rejects.toMatchObject({
      code: 'inventory.closed',
    });
    await expect(startInventory(t.ctx, admin, inv.id)).rejects.toMatchObject({ code: 'inventory.closed' });
    await expect(deleteInventory(t.ctx, admin, inv.id)).rejects.toMatchObject({ code: 'inventory.closed' });
  });

  it('counters read but do not change; other sites do not see', async () => {
    const inv = await makeInventory(t, org, 'continuous');
    const counter: Actor = { userId: '0', username: 'c', role: 'counter', siteId: org.siteId };
    expect((await getInventory(t.ctx, counter, inv.id)).id).toBe(inv.id);
    await expect(updateInventory(t.ctx, counter, inv.id, { description: 'x' })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await expect(generateCountLists(t.ctx, counter, inv.id, { countType: 'article' })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const stranger: Actor = { userId: '0', username: 's', role: 'manager', siteId: '999999' };
    await expect(getInventory(t.ctx, stranger, inv.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      createInventory(t.ctx, stranger, { typeId: org.types.sample, siteId: org.siteId, ownerId: org.ownerId }),
    ).rejects.toMatchObject({ code: 'not_found', field: 'siteId' });
  });

  it('lists with filters and pages', async () => {
    const page1 = await listInventories(t.ctx, admin, { typeId: org.types.sample, limit: 4, offset: 0 });
    expect(page1.items).toHaveLength(4);
    expect(page1.nextOffset).toBe(4);
    const rest = await listInventories(t.ctx, admin, { typeId: org.types.sample, limit: 4, offset: 4 });
    expect(rest.nextOffset).toBeNull();
    expect(
      (await listInventories(t.ctx, admin, { status: 'open', limit: 100, offset: 0 })).items.every(
        (i) => i.status === 'open',
      ),
    ).toBe(true);
    expect((await listInventories(t.ctx, admin, { q: '100%_', limit: 100, offset: 0 })).items).toEqual([]);
  });
});
