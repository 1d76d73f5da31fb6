// A small counting world written with direct inserts: a structured warehouse with bins, an unstructured
// one, items with EAN search codes in packing units, an open inventory and open count lists. The handheld
// tests depend on the schema only, not on the inventory-header or generation services.
import type { Db } from '../../../src/services/context.js';
import { makeBin, makeItem, makeOwner, makeSite, makeUnit, makeWarehouse, makeZone } from '../../helpers/factories.js';

let seq = 0;
const now = new Date('2026-03-15T10:00:00Z');

export async function addSearchCode(
  db: Db,
  itemId: string,
  code: string,
  unit: string,
  op: 'x' | '\\' = 'x',
  factor = '1',
) {
  await makeUnit(db, unit);
  await db
    .insertInto('itemSearchCodes')
    .values({ itemId, code, unit, conversionOp: op, conversionFactor: factor })
    .execute();
}

/** Places and items shared by every inventory of a test file. */
export async function makeCountingWorld(db: Db) {
  const site = await makeSite(db);
  const owner = await makeOwner(db);
  await makeUnit(db, 'PZ', 0);
  await makeUnit(db, 'CT', 0);
  await makeUnit(db, 'KG', 3);
  const structured = await makeWarehouse(db, site.id, { kind: 'structured' });
  const zone = await makeZone(db, site.id, structured.id, { structured: true });
  const bin1 = await makeBin(db, site.id, structured.id, zone.id, {
    code: '01-01',
    place: '01',
    rowNo: '01',
    barcode: 'BIN0101',
  });
  const bin2 = await makeBin(db, site.id, structured.id, zone.id, {
    code: '01-02',
    place: '02',
    rowNo: '01',
    barcode: 'BIN0102',
  });
  const unstructured = await makeWarehouse(db, site.id, { kind: 'unstructured' });
  // Screws: counted in pieces, sold in cartons of 12 whose EAN-13 is on the box; a secondary unit KG (1 KG = 100 PZ).
  const screws = await makeItem(db, { primaryUnit: 'PZ', description: 'Screws M4' });
  await addSearchCode(db, screws.id, '4006381333931', 'CT', 'x', '12');
  await db
    .updateTable('items')
    .set({ secondaryUnit: 'KG', secondaryConversionOp: 'x', secondaryConversionFactor: '100' })
    .where('id', '=', screws.id)
    .execute();
  // Glue: lot-managed, its GTIN 09506000134352 stored as EAN-13 (leading zero dropped).
  const glue = await makeItem(db, { primaryUnit: 'PZ', description: 'Glue 50 ml', lotManagement: 'yes' });
  await addSearchCode(db, glue.id, '9506000134352', 'PZ');
  // Nuts: an EAN-8 and a UPC-A on file.
  const nuts = await makeItem(db, { primaryUnit: 'PZ', description: 'Nuts M4' });
  await addSearchCode(db, nuts.id, '96385074', 'PZ');
  await addSearchCode(db, nuts.id, '036000291452', 'PZ');
  const meter = await makeItem(db, { primaryUnit: 'PZ', description: 'Meter', serialManagement: true });
  const seqCode = `HH${++seq}`;
  await db.insertInto('numberSequences').values({ code: seqCode, prefix: 'L', width: 4 }).execute();
  return { site, owner, structured, zone, bin1, bin2, unstructured, screws, glue, nuts, meter, seqCode };
}

export type World = Awaited<ReturnType<typeof makeCountingWorld>>;

export interface InventoryOptions {
  showSystemQuantities: boolean;
  reportType: 'cumulative' | 'single';
  keepLocation: boolean;
  description: string;
  status: 'created' | 'has_count_lists' | 'open' | 'closed';
}

export async function makeOpenInventory(db: Db, w: World, o: Partial<InventoryOptions> = {}) {
  const n = ++seq;
  const type = await db
    .insertInto('inventoryTypes')
    .values({
      code: `HT${n}`,
      method: 'stock_taking_day',
      inventorySequenceCode: w.seqCode,
      countListSequenceCode: w.seqCode,
      keepLocation: o.keepLocation ?? true,
      showSystemQuantities: o.showSystemQuantities ?? false,
      reportType: o.reportType ?? 'single',
      createdAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return db
    .insertInto('inventories')
    .values({
      siteId: w.site.id,
      typeId: type.id,
      number: `INV-${n}`,
      status: o.status ?? 'open',
      description: o.description ?? `Inventory ${n}`,
      ownerId: w.owner.id,
      fiscalYear: 2026,
      countListSequenceCode: w.seqCode,
      stockTakingDate: '2026-03-15',
      valuationPrice: 'inventory',
      reportType: o.reportType ?? 'single',
      singleReportingRequired: false,
      showSystemQuantities: o.showSystemQuantities ?? false,
      openedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type Inv = Awaited<ReturnType<typeof makeOpenInventory>>;

export async function makeList(
  db: Db,
  inv: Inv,
  o: {
    responsibleUserId: string | null;
    warehouseId?: string | null;
    countType?: 'article' | 'bin' | 'differences';
    status?: 'created' | 'open' | 'partially_reported' | 'completely_reported' | 'closed';
    name?: string;
  },
) {
  return db
    .insertInto('countLists')
    .values({
      siteId: inv.siteId,
      inventoryId: inv.id,
      number: `L${String(++seq).padStart(4, '0')}`,
      name: o.name ?? '',
      countType: o.countType ?? 'article',
      status: o.status ?? 'open',
      registrationDate: '2026-03-15',
      countDate: '2026-03-15',
      openedAt: now,
      responsibleUserId: o.responsibleUserId,
      warehouseId: o.warehouseId === undefined ? null : o.warehouseId,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type List = Awaited<ReturnType<typeof makeList>>;

export async function makeLine(
  db: Db,
  list: List,
  inv: Inv,
  o: {
    itemId: string | null;
    warehouseId: string;
    zoneId?: string | null;
    binId?: string | null;
    lot?: string;
    target?: string | null;
    informational?: boolean;
  },
) {
  const { max } = await db
    .selectFrom('countListItems')
    .select((eb) => eb.fn.max('lineNo').as('max'))
    .where('countListId', '=', list.id)
    .executeTakeFirstOrThrow();
  return db
    .insertInto('countListItems')
    .values({
      siteId: list.siteId,
      inventoryId: inv.id,
      countListId: list.id,
      lineNo: (max ?? 0) + 1,
      itemId: o.itemId,
      warehouseId: o.warehouseId,
      zoneId: o.zoneId ?? null,
      binId: o.binId ?? null,
      lot: o.lot ?? '',
      ownerId: inv.ownerId,
      targetQuantity: o.target === undefined ? '10' : o.target,
      informational: o.informational ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A list of the structured warehouse: screws in bin 01-01, glue lot L1 in 01-02, nuts in the unstructured warehouse is elsewhere. */
export async function makeStructuredList(db: Db, w: World, inv: Inv, responsibleUserId: string | null, name = '') {
  const list = await makeList(db, inv, { responsibleUserId, warehouseId: w.structured.id, name });
  const screws = await makeLine(db, list, inv, {
    itemId: w.screws.id,
    warehouseId: w.structured.id,
    zoneId: w.zone.id,
    binId: w.bin1.id,
    target: '30',
  });
  const glue = await makeLine(db, list, inv, {
    itemId: w.glue.id,
    warehouseId: w.structured.id,
    zoneId: w.zone.id,
    binId: w.bin2.id,
    lot: 'L1',
    target: '5',
  });
  return { list, lines: { screws, glue } };
}

/** A signed-in user of `role` for the use cases (the row in users, and the Actor the services take). */
export async function makeActor(db: Db, role: 'admin' | 'manager' | 'counter', username = `${role}-${++seq}`) {
  const u = await db
    .insertInto('users')
    .values({ username, passwordHash: 'x', role, createdAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { userId: u.id, username, role, siteId: null as string | null };
}

/** The error a promise rejects with (the test fails when it resolves). */
export async function errorOf(
  p: Promise<unknown>,
): Promise<{ code: string; field?: string; params?: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; field?: string; params?: Record<string, unknown> };
  }
  throw new Error('expected an error');
}
