// Test data factories writing rows directly (Partial overrides). Service tests of one module use these to
// set up what other modules own, so a test depends on the schema, not on another module's service.
import type { Db } from '../../src/services/context.js';

let seq = 0;
const next = (p: string) => `${p}${++seq}`;
const now = new Date('2026-03-15T10:00:00Z');

export async function makeSite(db: Db, o: Partial<{ code: string; name: string }> = {}) {
  return db
    .insertInto('sites')
    .values({ code: o.code ?? next('S'), name: o.name ?? 'Site' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeOwner(db: Db, o: Partial<{ code: string; name: string }> = {}) {
  return db
    .insertInto('owners')
    .values({ code: o.code ?? next('O'), name: o.name ?? 'Owner' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeUnit(db: Db, code = 'PZ', decimals = 0) {
  await db
    .insertInto('units')
    .values({ code, decimals, description: code })
    .onConflict((c) => c.column('code').doNothing())
    .execute();
  return code;
}

export async function makeWarehouse(
  db: Db,
  siteId: string,
  o: Partial<{
    code: string;
    kind: 'unstructured' | 'structured' | 'virtual';
    allowNegative: boolean;
    responsibleUserId: string | null;
  }> = {},
) {
  return db
    .insertInto('warehouses')
    .values({
      siteId,
      code: o.code ?? next('W'),
      name: 'Warehouse',
      kind: o.kind ?? 'unstructured',
      allowNegative: o.allowNegative ?? false,
      responsibleUserId: o.responsibleUserId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeZone(
  db: Db,
  siteId: string,
  warehouseId: string,
  o: Partial<{
    code: string;
    structured: boolean;
    organisation: 'high_bay' | 'block' | 'places_only';
    usage: 'normal' | 'inventory_differences';
  }> = {},
) {
  return db
    .insertInto('zones')
    .values({
      siteId,
      warehouseId,
      code: o.code ?? next('Z'),
      name: 'Zone',
      organisation: o.organisation ?? 'places_only',
      structured: o.structured ?? true,
      usage: o.usage ?? 'normal',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeBin(
  db: Db,
  siteId: string,
  warehouseId: string,
  zoneId: string,
  o: Partial<{
    code: string;
    aisle: string | null;
    rowNo: string | null;
    levelNo: string | null;
    place: string;
    barcode: string | null;
  }> = {},
) {
  const place = o.place ?? next('');
  return db
    .insertInto('bins')
    .values({
      siteId,
      warehouseId,
      zoneId,
      code: o.code ?? place,
      place,
      aisle: o.aisle ?? null,
      rowNo: o.rowNo ?? null,
      levelNo: o.levelNo ?? null,
      barcode: o.barcode ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeItem(
  db: Db,
  o: Partial<{
    code: string;
    description: string;
    primaryUnit: string;
    lotManagement: 'no' | 'yes' | 'auto';
    serialManagement: boolean;
    inventoryPrice: string;
  }> = {},
) {
  const primaryUnit = o.primaryUnit ?? (await makeUnit(db));
  const code = o.code ?? next('ITEM');
  const item = await db
    .insertInto('items')
    .values({
      code,
      description: o.description ?? `Item ${code}`,
      primaryUnit,
      lotManagement: o.lotManagement ?? 'no',
      serialManagement: o.serialManagement ?? false,
      inventoryPrice: o.inventoryPrice ?? '0',
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db.insertInto('itemSearchCodes').values({ itemId: item.id, code, unit: primaryUnit, isMain: true }).execute();
  return item;
}

export async function makeKey(
  db: Db,
  code: string,
  kind: 'receipt' | 'issue' | 'transfer' | 'revaluation' | 'adjustment',
) {
  await db
    .insertInto('transactionKeys')
    .values({ code, kind, description: code })
    .onConflict((c) => c.column('code').doNothing())
    .execute();
  return code;
}
