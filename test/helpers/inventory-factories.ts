// Rows for count-list tests written directly (inventories, lists, items, balances), so opening, reporting,
// verifying and closing are tested without depending on the inventory-header and generation services.
import type { Actor, Db } from '../../src/services/context.js';
import { makeItem, makeKey, makeOwner, makeSite, makeUnit, makeWarehouse, makeZone, makeBin } from './factories.js';

let seq = 0;
const now = new Date('2026-03-15T10:00:00Z');

export async function makeActor(db: Db, role: Actor['role'], siteId: string | null = null): Promise<Actor> {
  const username = `${role}${++seq}`;
  const u = await db
    .insertInto('users')
    .values({ username, passwordHash: 'x', role, siteId, createdAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { userId: u.id, username, role, siteId };
}

export interface InventoryOptions {
  method: 'stock_taking_day' | 'continuous' | 'sample' | 'stock_comparison';
  materialType: 'stock_items' | 'production_resources';
  status: 'created' | 'has_count_lists' | 'open' | 'closed';
  reportType: 'cumulative' | 'single';
  showSystemQuantities: boolean;
  singleReportingRequired: boolean;
  valuationPrice: 'settlement_1' | 'inventory' | 'average';
  stockTakingDate: string | null;
  costCentre: string | null;
}

/** A site, an owner, keys and a numbering scheme: what every inventory hangs off. */
export async function makeBase(db: Db) {
  const site = await makeSite(db);
  const owner = await makeOwner(db);
  await makeUnit(db, 'PZ', 0);
  await makeUnit(db, 'KG', 3);
  await makeKey(db, 'ADJ', 'adjustment');
  await makeKey(db, 'TRF', 'transfer');
  await makeKey(db, 'VAL', 'revaluation');
  await makeKey(db, 'REC', 'receipt');
  const seqCode = `CL${++seq}`;
  await db.insertInto('numberSequences').values({ code: seqCode, prefix: 'L', width: 4 }).execute();
  return { site, owner, seqCode };
}

export type Base = Awaited<ReturnType<typeof makeBase>>;

export async function makeInventory(db: Db, base: Base, o: Partial<InventoryOptions> = {}) {
  const method = o.method ?? 'stock_taking_day';
  const materialType = o.materialType ?? 'stock_items';
  const type = await db
    .insertInto('inventoryTypes')
    .values({
      code: `T${++seq}`,
      method,
      materialType,
      inventorySequenceCode: base.seqCode,
      countListSequenceCode: base.seqCode,
      adjustmentKey: 'ADJ',
      transferKey: 'TRF',
      valueAdjustmentKey: materialType === 'stock_items' ? 'VAL' : null,
      createdAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return db
    .insertInto('inventories')
    .values({
      siteId: base.site.id,
      typeId: type.id,
      number: `INV${seq}`,
      status: o.status ?? 'open',
      ownerId: base.owner.id,
      fiscalYear: 2026,
      countListSequenceCode: base.seqCode,
      stockTakingDate:
        o.stockTakingDate === undefined ? (method === 'stock_taking_day' ? '2026-03-14' : null) : o.stockTakingDate,
      valuationPrice: o.valuationPrice ?? 'inventory',
      adjustmentKey: 'ADJ',
      transferKey: 'TRF',
      valueAdjustmentKey: materialType === 'stock_items' ? 'VAL' : null,
      reportType: o.reportType ?? 'single',
      singleReportingRequired: o.singleReportingRequired ?? false,
      showSystemQuantities: o.showSystemQuantities ?? false,
      costCentre: o.costCentre ?? null,
      openedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type Inv = Awaited<ReturnType<typeof makeInventory>>;

export async function makeCountList(
  db: Db,
  inv: Inv,
  o: Partial<{
    countType: 'article' | 'bin' | 'differences';
    status: string;
    responsibleUserId: string | null;
    warehouseId: string | null;
    number: string;
  }> = {},
) {
  return db
    .insertInto('countLists')
    .values({
      siteId: inv.siteId,
      inventoryId: inv.id,
      number: o.number ?? `L${String(++seq).padStart(5, '0')}`,
      countType: o.countType ?? 'article',
      status: (o.status ?? 'created') as 'created',
      registrationDate: '2026-03-14',
      countDate: inv.stockTakingDate,
      responsibleUserId: o.responsibleUserId ?? null,
      warehouseId: o.warehouseId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type List = Awaited<ReturnType<typeof makeCountList>>;

export async function makeCountItem(
  db: Db,
  list: List,
  inv: Inv,
  o: {
    itemId: string | null;
    warehouseId: string;
    zoneId?: string | null;
    binId?: string | null;
    lot?: string;
    serial?: string;
    target?: string | null;
    informational?: boolean;
    status?: 'open' | 'reported' | 'closed';
    reported?: string | null;
    mark?: boolean;
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
      siteId: inv.siteId,
      inventoryId: inv.id,
      countListId: list.id,
      lineNo: (max ?? 0) + 1,
      itemId: o.itemId,
      warehouseId: o.warehouseId,
      zoneId: o.zoneId ?? null,
      binId: o.binId ?? null,
      lot: o.lot ?? '',
      serial: o.serial ?? '',
      ownerId: inv.ownerId,
      targetQuantity: o.target ?? null,
      informational: o.informational ?? false,
      status: o.status ?? 'open',
      reportedQuantity: o.reported ?? null,
      verificationMark: o.mark ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeBalance(
  db: Db,
  o: {
    siteId: string;
    itemId: string;
    warehouseId: string;
    zoneId?: string | null;
    binId?: string | null;
    lot?: string;
    serial?: string;
    ownerId: string;
    quantity: string;
  },
) {
  return db
    .insertInto('stockBalances')
    .values({
      siteId: o.siteId,
      itemId: o.itemId,
      warehouseId: o.warehouseId,
      zoneId: o.zoneId ?? null,
      binId: o.binId ?? null,
      lot: o.lot ?? '',
      serial: o.serial ?? '',
      ownerId: o.ownerId,
      quantity: o.quantity,
      everNonzero: o.quantity !== '0',
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An unstructured warehouse, and a structured one with a normal zone (two bins) and a differences zone. */
export async function makePlaces(db: Db, base: Base) {
  const plain = await makeWarehouse(db, base.site.id, { kind: 'unstructured' });
  const wms = await makeWarehouse(db, base.site.id, { kind: 'structured' });
  const zone = await makeZone(db, base.site.id, wms.id, { structured: true });
  const diffZone = await makeZone(db, base.site.id, wms.id, { structured: false, usage: 'inventory_differences' });
  const p1 = await makeBin(db, base.site.id, wms.id, zone.id, { code: `P1X${++seq}`, place: `P1X${seq}` });
  const p2 = await makeBin(db, base.site.id, wms.id, zone.id, { code: `P2X${++seq}`, place: `P2X${seq}` });
  return { plain, wms, zone, diffZone, p1, p2 };
}

export { makeItem };

export type Places = Awaited<ReturnType<typeof makePlaces>>;

/** What most count-list tests start from: the base rows, the places, a manager and a counter. */
export async function makeCountingSetup(
  db: Db,
): Promise<{ base: Base; places: Places; manager: Actor; counter: Actor }> {
  const base = await makeBase(db);
  const places = await makePlaces(db, base);
  return { base, places, manager: await makeActor(db, 'manager'), counter: await makeActor(db, 'counter') };
}

/** Real stock through the ledger (balances and valuations consistent), e.g. a receipt of 10 at 5. */
export async function receive(
  db: Db,
  ctx: import('../../src/services/context.js').ServiceContext,
  base: Base,
  o: {
    itemId: string;
    warehouseId: string;
    zoneId?: string | null;
    binId?: string | null;
    lot?: string;
    serial?: string;
    quantity: string;
    unitPrice: string;
  },
) {
  const { postMovements } = await import('../../src/services/ledger/index.js');
  const { SYSTEM_ACTOR } = await import('../../src/services/context.js');
  return db.transaction().execute((trx) =>
    postMovements(
      trx,
      ctx,
      SYSTEM_ACTOR,
      {
        siteId: base.site.id,
        keyCode: 'REC',
        postingDate: '2026-03-01',
        originType: 'test',
        lines: [
          {
            itemId: o.itemId,
            warehouseId: o.warehouseId,
            zoneId: o.zoneId ?? null,
            binId: o.binId ?? null,
            lot: o.lot ?? '',
            serial: o.serial ?? '',
            ownerId: base.owner.id,
            quantity: o.quantity,
            unitPrice: o.unitPrice,
          },
        ],
      },
      {},
    ),
  );
}
