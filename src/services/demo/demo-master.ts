// Master data of the demo: units, transaction keys, the accounting period, number sequences, inventory
// types, classification codes and the place structure (warehouses, zones, bins). Global code tables are
// shared with whatever exists already (insert or keep); site-owned rows are new (the database is checked
// empty of sites and items first). Bins are created set-based: a 1,000,000-position demo has 400,000 bins.
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { BLOCK_PLACES_PER_ROW, type DemoPlan, HIGH_BAY } from './demo-plan.js';

type Trx = Transaction<Database>;

export interface DemoIds {
  siteId: string;
  ownerId: string;
  consignmentOwnerId: string;
  managerId: string;
  counterIds: string[];
}

export const DEMO_UNITS = [
  { code: 'PZ', description: 'Piece', decimals: 0 },
  { code: 'S10', description: 'Pack of 10 pieces', decimals: 0 },
  { code: 'KG', description: 'Kilogram', decimals: 3 },
] as const;

export const DEMO_KEYS = [
  { code: 'RCP', description: 'Receipt', kind: 'receipt' },
  { code: 'ISS', description: 'Issue', kind: 'issue' },
  { code: 'TRF', description: 'Transfer', kind: 'transfer' },
  { code: 'ADJ', description: 'Inventory adjustment', kind: 'adjustment' },
  { code: 'VAL', description: 'Revaluation (inventory value adjustment)', kind: 'revaluation' },
] as const;

export const PRODUCT_GROUPS = ['FAST', 'TOOLS', 'ELEC', 'PLUMB', 'PAINT', 'SAFETY', 'CHEM', 'PACK'] as const;
export const BRANDS = ['ACME', 'NORDA', 'VERTEX', 'KRAFT', 'OMNIA'] as const;

export async function createCodeTables(trx: Trx, year: number): Promise<void> {
  await trx
    .insertInto('units')
    .values(DEMO_UNITS.map((u) => ({ ...u })))
    .onConflict((c) => c.column('code').doNothing())
    .execute();
  await trx
    .insertInto('transactionKeys')
    .values(DEMO_KEYS.map((k) => ({ ...k, isMain: true })))
    .onConflict((c) => c.column('code').doNothing())
    .execute();
  const period = await trx
    .selectFrom('accountingPeriods')
    .select('id')
    .where('startDate', '<=', `${year}-12-31`)
    .where('endDate', '>=', `${year}-01-01`)
    .executeTakeFirst();
  if (!period) {
    await trx
      .insertInto('accountingPeriods')
      .values({
        fiscalYear: year,
        code: `FY${year}`,
        startDate: `${year}-01-01`,
        endDate: `${year}-12-31`,
        closedAt: null,
      })
      .execute();
  }
  await trx
    .insertInto('numberSequences')
    .values([
      { code: 'inventory.STD', prefix: 'STD', width: 6, nextValue: 1, maxItemsPerList: null },
      { code: 'inventory.CYC', prefix: 'CYC', width: 6, nextValue: 1, maxItemsPerList: null },
      { code: 'count_list.DEFAULT', prefix: 'CL', width: 7, nextValue: 1, maxItemsPerList: 200 },
    ])
    .onConflict((c) => c.column('code').doNothing())
    .execute();
  await trx
    .insertInto('inventoryTypes')
    .values([
      {
        code: 'STD',
        description: 'Annual stock-taking day',
        method: 'stock_taking_day',
        inventorySequenceCode: 'inventory.STD',
        countListSequenceCode: 'count_list.DEFAULT',
        valuationPrice: 'average',
        adjustmentKey: 'ADJ',
        transferKey: 'TRF',
        valueAdjustmentKey: 'VAL',
        reportType: 'single',
        singleReportingRequired: false,
        showSystemQuantities: false,
        keepLocation: true,
      },
      {
        code: 'CYC',
        description: 'Continuous (cycle) counting',
        method: 'continuous',
        inventorySequenceCode: 'inventory.CYC',
        countListSequenceCode: 'count_list.DEFAULT',
        valuationPrice: 'average',
        adjustmentKey: 'ADJ',
        transferKey: 'TRF',
        valueAdjustmentKey: 'VAL',
        reportType: 'cumulative',
        singleReportingRequired: false,
        showSystemQuantities: false,
        keepLocation: true,
      },
    ])
    .onConflict((c) => c.column('code').doNothing())
    .execute();
  await trx
    .insertInto('classificationCodes')
    .values([
      ...PRODUCT_GROUPS.map((code) => ({
        kind: 'product_group',
        code,
        description: `Product group ${code.toLowerCase()}`,
      })),
      ...BRANDS.map((code) => ({ kind: 'brand', code, description: `${code[0]}${code.slice(1).toLowerCase()}` })),
    ])
    .onConflict((c) => c.columns(['kind', 'code']).doNothing())
    .execute();
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const digits = (n: number) => String(n).length;

/** SQL zero-padding of an integer expression to a fixed width chosen from the largest value. */
const lpad = (expr: string, width: number) => sql.raw(`lpad((${expr})::text, ${width}, '0')`);

/**
 * Warehouses, zones and bins, then the temp table `demo_places` (idx 0…places−1 → warehouse/zone/bin) that
 * the stock load spreads positions over. Counted warehouses get a counter as responsible employee, so
 * "responsible from warehouse" gives each counter their own lists.
 */
export async function createPlaces(trx: Trx, plan: DemoPlan, ids: DemoIds, now: Date): Promise<void> {
  const responsible = (i: number) => ids.counterIds[i % ids.counterIds.length] ?? ids.managerId;
  for (let w = 1; w <= plan.structuredWarehouses; w++) {
    const wh = await trx
      .insertInto('warehouses')
      .values({
        siteId: ids.siteId,
        code: `W${pad(w, 2)}`,
        name: `Distribution centre ${w}`,
        kind: 'structured',
        responsibleUserId: responsible(w - 1),
        costCentre: `CC${pad(w, 2)}`,
        createdAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const zone = async (
      code: string,
      name: string,
      organisation: 'high_bay' | 'block' | 'places_only',
      structured: boolean,
      usage: 'normal' | 'inventory_differences' = 'normal',
    ) =>
      (
        await trx
          .insertInto('zones')
          .values({
            siteId: ids.siteId,
            warehouseId: wh.id,
            code,
            name,
            organisation,
            structured,
            usage,
            createdAt: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const hb = await zone('HB', 'High-bay racking', 'high_bay', true);
    const bl = await zone('BLK', 'Block storage', 'block', true);
    const po = await zone('PCK', 'Picking places', 'places_only', true);
    await zone('FLOOR', 'Floor storage (unstructured)', 'places_only', false);
    await zone('DIFF', 'Inventory differences', 'places_only', false, 'inventory_differences');
    const { places, levels, rows } = HIGH_BAY;
    const perAisle = places * levels * rows;
    const aw = Math.max(2, digits(Math.ceil(plan.bins.highBay / perAisle)));
    await insertBins(trx, ids.siteId, wh.id, hb, plan.bins.highBay, now, {
      aisle: lpad(`i / ${perAisle} + 1`, aw),
      rowNo: lpad(`i / ${places * levels} % ${rows} + 1`, 2),
      levelNo: sql.raw(`(i / ${places} % ${levels} + 1)::text`),
      place: lpad(`i % ${places} + 1`, 3),
    });
    const rw = Math.max(2, digits(Math.ceil(plan.bins.block / BLOCK_PLACES_PER_ROW)));
    await insertBins(trx, ids.siteId, wh.id, bl, plan.bins.block, now, {
      aisle: null,
      rowNo: lpad(`i / ${BLOCK_PLACES_PER_ROW} + 1`, rw),
      levelNo: null,
      place: lpad(`i % ${BLOCK_PLACES_PER_ROW} + 1`, 3),
    });
    await insertBins(trx, ids.siteId, wh.id, po, plan.bins.placesOnly, now, {
      aisle: null,
      rowNo: null,
      levelNo: null,
      place: sql.raw(`'P' || lpad((i + 1)::text, ${Math.max(4, digits(plan.bins.placesOnly))}, '0')`),
    });
  }
  for (let w = 1; w <= plan.unstructuredWarehouses; w++) {
    await trx
      .insertInto('warehouses')
      .values({
        siteId: ids.siteId,
        code: `U${pad(w, 2)}`,
        name: `Outdoor yard ${w}`,
        kind: 'unstructured',
        physical: w % 2 === 0 ? 'external' : 'internal',
        responsibleUserId: responsible(plan.structuredWarehouses + w - 1),
        costCentre: `CC9${pad(w, 1)}`,
        createdAt: now,
      })
      .execute();
  }
  await trx
    .insertInto('warehouses')
    .values({
      siteId: ids.siteId,
      code: 'TRANSIT',
      name: 'Goods in transit',
      kind: 'virtual',
      responsibleUserId: ids.managerId,
      createdAt: now,
    })
    .execute();
  await buildPlaceIndex(trx, ids.siteId);
}

type Part = ReturnType<typeof sql.raw> | null;

async function insertBins(
  trx: Trx,
  siteId: string,
  warehouseId: string,
  zoneId: string,
  count: number,
  now: Date,
  e: { aisle: Part; rowNo: Part; levelNo: Part; place: Part },
): Promise<void> {
  const parts = [e.aisle, e.rowNo, e.levelNo, e.place].filter((p): p is NonNullable<Part> => p !== null);
  const code = sql.join(parts, sql`|| '-' ||`);
  await sql`
    insert into bins (site_id, warehouse_id, zone_id, code, aisle, row_no, level_no, place, created_at)
    select ${siteId}::bigint, ${warehouseId}::bigint, ${zoneId}::bigint, ${code}, ${e.aisle ?? sql`null`}, ${e.rowNo ?? sql`null`},
      ${e.levelNo ?? sql`null`}, ${e.place}, ${now}::timestamptz
    from generate_series(0, ${count - 1}::int) as i order by i`.execute(trx);
}

/** Every place that holds stock, numbered in a stable order (warehouse, zone, bin code). */
async function buildPlaceIndex(trx: Trx, siteId: string): Promise<void> {
  await sql`create temp table demo_places (idx int primary key, warehouse_id bigint not null, zone_id bigint, bin_id bigint) on commit drop`.execute(
    trx,
  );
  await sql`
    insert into demo_places (idx, warehouse_id, zone_id, bin_id)
    select (row_number() over (order by w.code, z.code nulls first, b.code nulls first) - 1)::int, w.id, z.id, b.id
    from warehouses w
    left join zones z on z.warehouse_id = w.id and z.usage = 'normal'
    left join bins b on b.zone_id = z.id and z.structured
    where w.site_id = ${siteId}::bigint and w.kind <> 'virtual' and (z.id is null or z.structured = (b.id is not null))`.execute(
    trx,
  );
  await sql`analyze demo_places`.execute(trx);
}
