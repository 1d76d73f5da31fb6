// Master data of the demo: units, transaction keys, the accounting period, number sequences, inventory
// types, classification codes and the place structure (warehouses, zones, bins). Global code tables are
// shared with whatever exists already (insert or keep); site-owned rows are new (the database is checked
// empty of sites and items first). Warehouses and zones are few and go through the places' repositories;
// bins are a generated series per zone, as a structured warehouse labels them (aisle-row-level-place).
import { findOverlappingPeriod, insertPeriod } from '../ledger/periods.repository.js';
import { insertWarehouse } from '../places/warehouse.repository.js';
import { insertZone } from '../places/zone.repository.js';
import type { Tx } from '../context.js';
import {
  type BinSeriesLayout,
  createPlaceIndex,
  insertBinSeries,
  insertMissingCodeRows,
} from './demo-master.repository.js';
import { BLOCK_PLACES_PER_ROW, type DemoPlan, HIGH_BAY } from './demo-plan.js';

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

/** Both demo inventory types count at the average price and post with the demo keys ADJ, TRF and VAL. */
const inventoryType = (code: string, description: string, method: 'stock_taking_day' | 'continuous') => ({
  code,
  description,
  method,
  inventorySequenceCode: `inventory.${code}`,
  countListSequenceCode: 'count_list.DEFAULT',
  valuationPrice: 'average' as const,
  adjustmentKey: 'ADJ',
  transferKey: 'TRF',
  valueAdjustmentKey: 'VAL',
  reportType: method === 'continuous' ? ('cumulative' as const) : ('single' as const),
  singleReportingRequired: false,
  showSystemQuantities: false,
  keepLocation: true,
});

export async function createCodeTables(trx: Tx, year: number): Promise<void> {
  await insertMissingCodeRows(trx, {
    units: DEMO_UNITS.map((u) => ({ ...u })),
    transactionKeys: DEMO_KEYS.map((k) => ({ ...k, isMain: true })),
    numberSequences: [
      { code: 'inventory.STD', prefix: 'STD', width: 6, nextValue: 1, maxItemsPerList: null },
      { code: 'inventory.CYC', prefix: 'CYC', width: 6, nextValue: 1, maxItemsPerList: null },
      { code: 'count_list.DEFAULT', prefix: 'CL', width: 7, nextValue: 1, maxItemsPerList: 200 },
    ],
    inventoryTypes: [
      inventoryType('STD', 'Annual stock-taking day', 'stock_taking_day'),
      inventoryType('CYC', 'Continuous (cycle) counting', 'continuous'),
    ],
    classificationCodes: [
      ...PRODUCT_GROUPS.map((code) => ({
        kind: 'product_group',
        code,
        description: `Product group ${code.toLowerCase()}`,
      })),
      ...BRANDS.map((code) => ({ kind: 'brand', code, description: `${code[0]}${code.slice(1).toLowerCase()}` })),
    ],
  });
  // The opening stock is posted into this year; an existing period covering any of it is used as it is.
  const [start, end] = [`${year}-01-01`, `${year}-12-31`];
  if (!(await findOverlappingPeriod(trx, start, end))) {
    await insertPeriod(trx, { fiscalYear: year, code: `FY${year}`, startDate: start, endDate: end });
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const digits = (n: number) => String(n).length;

/**
 * Bin codes of the three organisations of a structured warehouse, zero-padded to the width of the largest
 * number so codes sort as they are walked: high-bay aisle-row-level-place, block row-place, picking places
 * P0001….
 */
function binLayouts(plan: DemoPlan): { highBay: BinSeriesLayout; block: BinSeriesLayout; placesOnly: BinSeriesLayout } {
  const { places, levels, rows } = HIGH_BAY;
  const perAisle = places * levels * rows;
  return {
    highBay: {
      aisle: { every: perAisle, width: Math.max(2, digits(Math.ceil(plan.bins.highBay / perAisle))) },
      rowNo: { every: places * levels, wrap: rows, width: 2 },
      levelNo: { every: places, wrap: levels },
      place: { every: 1, wrap: places, width: 3 },
    },
    block: {
      aisle: null,
      rowNo: {
        every: BLOCK_PLACES_PER_ROW,
        width: Math.max(2, digits(Math.ceil(plan.bins.block / BLOCK_PLACES_PER_ROW))),
      },
      levelNo: null,
      place: { every: 1, wrap: BLOCK_PLACES_PER_ROW, width: 3 },
    },
    placesOnly: {
      aisle: null,
      rowNo: null,
      levelNo: null,
      place: { every: 1, width: Math.max(4, digits(plan.bins.placesOnly)), prefix: 'P' },
    },
  };
}

/**
 * Warehouses, zones and bins, then the place index the stock load spreads positions over. Counted
 * warehouses get a counter as responsible employee, so "responsible from warehouse" gives each counter
 * their own lists.
 */
export async function createPlaces(trx: Tx, plan: DemoPlan, ids: DemoIds, now: Date): Promise<void> {
  const responsible = (i: number) => ids.counterIds[i % ids.counterIds.length] ?? ids.managerId;
  const layouts = binLayouts(plan);
  for (let w = 1; w <= plan.structuredWarehouses; w++) {
    const wh = await insertWarehouse(trx, {
      siteId: ids.siteId,
      code: `W${pad(w, 2)}`,
      name: `Distribution centre ${w}`,
      kind: 'structured',
      responsibleUserId: responsible(w - 1),
      costCentre: `CC${pad(w, 2)}`,
      createdAt: now,
    });
    const zone = async (
      code: string,
      name: string,
      organisation: 'high_bay' | 'block' | 'places_only',
      structured: boolean,
      usage: 'normal' | 'inventory_differences' = 'normal',
    ) =>
      (
        await insertZone(trx, {
          siteId: ids.siteId,
          warehouseId: wh.id,
          code,
          name,
          organisation,
          structured,
          usage,
          createdAt: now,
        })
      ).id;
    const hb = await zone('HB', 'High-bay racking', 'high_bay', true);
    const bl = await zone('BLK', 'Block storage', 'block', true);
    const po = await zone('PCK', 'Picking places', 'places_only', true);
    await zone('FLOOR', 'Floor storage (unstructured)', 'places_only', false);
    await zone('DIFF', 'Inventory differences', 'places_only', false, 'inventory_differences');
    const at = (zoneId: string) => ({ siteId: ids.siteId, warehouseId: wh.id, zoneId, now });
    await insertBinSeries(trx, at(hb), plan.bins.highBay, layouts.highBay);
    await insertBinSeries(trx, at(bl), plan.bins.block, layouts.block);
    await insertBinSeries(trx, at(po), plan.bins.placesOnly, layouts.placesOnly);
  }
  for (let w = 1; w <= plan.unstructuredWarehouses; w++) {
    await insertWarehouse(trx, {
      siteId: ids.siteId,
      code: `U${pad(w, 2)}`,
      name: `Outdoor yard ${w}`,
      kind: 'unstructured',
      physical: w % 2 === 0 ? 'external' : 'internal',
      responsibleUserId: responsible(plan.structuredWarehouses + w - 1),
      costCentre: `CC9${pad(w, 1)}`,
      createdAt: now,
    });
  }
  await insertWarehouse(trx, {
    siteId: ids.siteId,
    code: 'TRANSIT',
    name: 'Goods in transit',
    kind: 'virtual',
    responsibleUserId: ids.managerId,
    createdAt: now,
  });
  await createPlaceIndex(trx, ids.siteId);
}
