// Item services on a real database: main search code, references, primary-unit lock, search codes with
// conversions, searching by code / search code / description, resolveSearchCode for the handheld.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '../../../src/domain/decimal.js';
import { convertToPrimary } from '../../../src/domain/items/unit.js';
import { type Actor, SYSTEM_ACTOR } from '../../../src/services/context.js';
import { listItems } from '../../../src/services/items/item-search.service.js';
import { createItem, deleteItem, updateItem } from '../../../src/services/items/item.service.js';
import {
  addSearchCode,
  deleteSearchCode,
  listSearchCodes,
  resolveSearchCode,
  updateSearchCode,
} from '../../../src/services/items/search-code.service.js';
import {
  createClassification,
  createUnit,
  deleteClassification,
  deleteUnit,
  updateUnit,
} from '../../../src/services/items/unit.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';

let db: TestDb;
const admin = SYSTEM_ACTOR;
const counter: Actor = { userId: '0', username: 'c', role: 'counter', siteId: null };
const all = { limit: 100, offset: 0 };

beforeAll(async () => {
  db = await freshDb();
  await createUnit(db.ctx, admin, { code: 'PZ', description: 'Pieces', decimals: 0 });
  await createUnit(db.ctx, admin, { code: 'S10', description: 'Pack of 10', decimals: 0 });
  await createUnit(db.ctx, admin, { code: 'g', description: 'Gram', decimals: 0 });
  await createUnit(db.ctx, admin, { code: 'kg', description: 'Kilogram', decimals: 3 });
  await createClassification(db.ctx, admin, { kind: 'product_group', code: 'FAST', description: 'Fasteners' });
  await createClassification(db.ctx, admin, { kind: 'brand', code: 'ACME', description: 'Acme Corp' });
});
afterAll(async () => {
  await db.close();
});

describe('items', () => {
  it('creates the main search code with the item', async () => {
    const item = await createItem(db.ctx, admin, {
      code: 'BOLT-M8',
      description: 'Hex bolt M8x40',
      primaryUnit: 'PZ',
      productGroup: 'FAST',
      brand: 'ACME',
      secondaryUnit: 'S10',
      secondaryConversionOp: 'x',
      secondaryConversionFactor: '10.00',
      inventoryPrice: '0.120',
    });
    expect(item).toMatchObject({
      code: 'BOLT-M8',
      secondaryConversionFactor: '10',
      inventoryPrice: '0.12',
      hasLedgerEntries: false,
      lotManagement: 'no',
    });
    const copy = await createItem(db.ctx, admin, {
      code: 'TMP',
      description: 'tmp',
      primaryUnit: 'PZ',
      secondaryUnit: 'S10',
      secondaryConversionOp: 'x',
      secondaryConversionFactor: '10',
    });
    expect(await updateItem(db.ctx, admin, copy.id, { secondaryUnit: null })).toMatchObject({
      secondaryUnit: null,
      secondaryConversionOp: null,
      secondaryConversionFactor: null,
    });
    await deleteItem(db.ctx, admin, copy.id);
    const codes = await listSearchCodes(db.ctx, counter, item.id);
    expect(codes).toEqual([
      expect.objectContaining({
        code: 'BOLT-M8',
        unit: 'PZ',
        conversionOp: 'x',
        conversionFactor: '1',
        isMain: true,
        description: 'Hex bolt M8x40',
      }),
    ]);
  });

  it('refuses unknown units and classification codes naming the field', async () => {
    await expect(createItem(db.ctx, admin, { code: 'X1', description: 'x', primaryUnit: 'LT' })).rejects.toMatchObject({
      code: 'reference.unknown',
      field: 'primaryUnit',
    });
    await expect(
      createItem(db.ctx, admin, { code: 'X1', description: 'x', primaryUnit: 'PZ', brand: 'NOPE' }),
    ).rejects.toMatchObject({ code: 'reference.unknown', field: 'brand' });
    await expect(
      createItem(db.ctx, admin, { code: 'X1', description: 'x', primaryUnit: 'PZ', secondaryUnit: 'S10' }),
    ).rejects.toMatchObject({ code: 'unit.conversion_invalid', field: 'secondaryConversionOp' });
    await expect(
      createItem(db.ctx, admin, { code: 'BOLT-M8', description: 'dup', primaryUnit: 'PZ' }),
    ).rejects.toMatchObject({ code: 'conflict.duplicate', field: 'code' });
    await expect(
      createItem(db.ctx, counter, { code: 'X2', description: 'x', primaryUnit: 'PZ' }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
  });

  it('changing the primary unit of an item with entries is refused', async () => {
    const item = await createItem(db.ctx, admin, { code: 'FLOUR', description: 'Flour type 00', primaryUnit: 'g' });
    const changed = await updateItem(db.ctx, admin, item.id, { primaryUnit: 'kg' });
    expect(changed.primaryUnit).toBe('kg');
    expect((await listSearchCodes(db.ctx, admin, item.id))[0]).toMatchObject({ isMain: true, unit: 'kg' });
    await db.ctx.db.updateTable('items').set({ hasLedgerEntries: true }).where('id', '=', item.id).execute();
    await expect(updateItem(db.ctx, admin, item.id, { primaryUnit: 'g' })).rejects.toMatchObject({
      code: 'item.primary_unit_locked',
      field: 'primaryUnit',
    });
    expect((await updateItem(db.ctx, admin, item.id, { description: 'Flour 00' })).description).toBe('Flour 00');
    await expect(deleteItem(db.ctx, admin, item.id)).rejects.toMatchObject({ code: 'conflict.in_use' });
    // The primary unit with booked stock may gain decimals but not lose them.
    await expect(updateUnit(db.ctx, admin, 'kg', { decimals: 2 })).rejects.toMatchObject({
      code: 'conflict.in_use',
      field: 'decimals',
    });
  });

  it('keeps the main search code in step with the item code and description', async () => {
    const item = await createItem(db.ctx, admin, { code: 'NUT-M8', description: 'Nut M8', primaryUnit: 'PZ' });
    await updateItem(db.ctx, admin, item.id, { code: 'NUT-M8-ZN', description: 'Nut M8 zinc' });
    expect((await resolveSearchCode(db.ctx.db, 'NUT-M8-ZN'))?.itemId).toBe(item.id);
    expect(await resolveSearchCode(db.ctx.db, 'NUT-M8')).toBeUndefined();
    const main = (await listSearchCodes(db.ctx, admin, item.id))[0]!;
    expect(main.description).toBe('Nut M8 zinc');
  });

  it('stores numbered columns (classification_1, settlement_price_3) and filters by them', async () => {
    await createClassification(db.ctx, admin, { kind: 'classification_1', code: 'C1', description: 'First' });
    const item = await createItem(db.ctx, admin, {
      code: 'WASHER',
      description: 'Washer',
      primaryUnit: 'PZ',
      classification1: 'C1',
      settlementPrice3: '1.5',
    });
    expect(item).toMatchObject({ classification1: 'C1', settlementPrice3: '1.5' });
    expect((await updateItem(db.ctx, admin, item.id, { settlementPrice3: '2' })).settlementPrice3).toBe('2');
    expect((await listItems(db.ctx, counter, { ...all, classification1: 'C1' })).items.map((i) => i.code)).toEqual([
      'WASHER',
    ]);
    await expect(deleteClassification(db.ctx, admin, 'classification_1', 'C1')).rejects.toMatchObject({
      code: 'conflict.in_use',
    });
    await deleteItem(db.ctx, admin, item.id);
    await deleteClassification(db.ctx, admin, 'classification_1', 'C1');
  });

  it('refuses deleting units and classification codes in use', async () => {
    await expect(deleteUnit(db.ctx, admin, 'PZ')).rejects.toMatchObject({ code: 'conflict.in_use' });
    await expect(deleteClassification(db.ctx, admin, 'brand', 'ACME')).rejects.toMatchObject({
      code: 'conflict.in_use',
    });
  });
});

describe('search codes and conversion', () => {
  let boltId: string;
  beforeAll(async () => {
    boltId = (await listItems(db.ctx, admin, { ...all, q: 'BOLT-M8', match: 'prefix', field: 'code' })).items[0]!.id;
  });

  it('converting 3 packs of S10 = PZ x 10 gives 30 PZ exactly', async () => {
    await addSearchCode(db.ctx, admin, boltId, {
      code: '8001234567890',
      unit: 'S10',
      conversionOp: 'x',
      conversionFactor: '10',
    });
    const hit = await resolveSearchCode(db.ctx.db, '8001234567890');
    expect(hit).toEqual({
      itemId: boltId,
      itemCode: 'BOLT-M8',
      unit: 'S10',
      conversionOp: 'x',
      conversionFactor: '10',
      lotManagement: 'no',
      serialManagement: false,
      primaryUnit: 'PZ',
      description: 'Hex bolt M8x40',
    });
    const qty = convertToPrimary(
      new Dec('3'),
      { op: hit!.conversionOp, factor: hit!.conversionFactor },
      { code: 'PZ', decimals: 0 },
    );
    expect(qty.toFixed()).toBe('30');
  });

  it('keeps search codes unique across all items and protects the main one', async () => {
    const nut = (await listItems(db.ctx, admin, { ...all, q: 'NUT', match: 'prefix', field: 'code' })).items[0]!;
    await expect(addSearchCode(db.ctx, admin, nut.id, { code: '8001234567890', unit: 'PZ' })).rejects.toMatchObject({
      code: 'conflict.duplicate',
      field: 'code',
      params: { item: 'BOLT-M8' },
    });
    await expect(addSearchCode(db.ctx, admin, nut.id, { code: 'BOLT-M8', unit: 'PZ' })).rejects.toMatchObject({
      code: 'conflict.duplicate',
    });
    await expect(addSearchCode(db.ctx, admin, nut.id, { code: 'N-BOX', unit: 'BOX' })).rejects.toMatchObject({
      code: 'reference.unknown',
      field: 'unit',
    });
    const main = (await listSearchCodes(db.ctx, admin, nut.id)).find((c) => c.isMain)!;
    await expect(deleteSearchCode(db.ctx, admin, nut.id, main.id)).rejects.toMatchObject({
      code: 'item.search_code_main',
    });
    await expect(updateSearchCode(db.ctx, admin, nut.id, main.id, { unit: 'S10' })).rejects.toMatchObject({
      code: 'item.search_code_main',
      field: 'unit',
    });
    const extra = await addSearchCode(db.ctx, admin, nut.id, { code: 'SUP-4711', unit: 'S10', conversionFactor: '10' });
    const changed = await updateSearchCode(db.ctx, admin, nut.id, extra.id, { conversionFactor: '12' });
    expect(changed).toMatchObject({ conversionOp: 'x', conversionFactor: '12', unit: 'S10' });
    await deleteSearchCode(db.ctx, admin, nut.id, extra.id);
    expect(await resolveSearchCode(db.ctx.db, 'SUP-4711')).toBeUndefined();
  });
});

describe('item search', () => {
  const codes = async (f: Parameters<typeof listItems>[2]) =>
    (await listItems(db.ctx, counter, f)).items.map((i) => i.code);

  it('finds by code, search code and description prefix', async () => {
    expect(await codes({ ...all, q: 'BOLT', match: 'prefix' })).toEqual(['BOLT-M8']);
    expect(await codes({ ...all, q: '800123', match: 'prefix' })).toEqual(['BOLT-M8']);
    expect(await codes({ ...all, q: 'hex', match: 'prefix', field: 'description' })).toEqual(['BOLT-M8']);
    expect(await codes({ ...all, q: 'hex', match: 'prefix', field: 'code' })).toEqual([]);
  });

  it('finds a word anywhere (contains) and any fragment (substring)', async () => {
    expect(await codes({ ...all, q: 'm8' })).toEqual(['BOLT-M8', 'NUT-M8-ZN']);
    expect(await codes({ ...all, q: 'zinc' })).toEqual(['NUT-M8-ZN']);
    expect(await codes({ ...all, q: 'olt', match: 'contains' })).toEqual([]);
    expect(await codes({ ...all, q: 'olt', match: 'substring' })).toEqual(['BOLT-M8']);
    expect(await codes({ ...all, q: '100%', match: 'substring' })).toEqual([]);
  });

  it('filters by classification and pages', async () => {
    expect(await codes({ ...all, productGroup: 'FAST' })).toEqual(['BOLT-M8']);
    const first = await listItems(db.ctx, counter, { limit: 1, offset: 0 });
    expect(first.items).toHaveLength(1);
    expect(first.nextOffset).toBe(1);
    const last = await listItems(db.ctx, counter, { limit: 100, offset: 1 });
    expect(last.nextOffset).toBeNull();
  });
});
