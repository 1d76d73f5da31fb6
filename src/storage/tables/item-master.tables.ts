// Row types of migration 0060 (item master extensions). numeric/int8 are strings. The columns added to
// `items` are declared here as a partial interface that schema.ts merges into ItemsTable's table entry.
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

type Id = GeneratedAlways<string>;
type NumDefault = ColumnType<string, string | number | undefined, string | number>;
type NumNull = ColumnType<string | null, string | number | null | undefined, string | number | null>;

export type CheckMode = 'none' | 'warning' | 'blocking';
export type LotConsumption = 'fifo' | 'fefo' | 'lefo';

export interface ItemClassesTable {
  code: string;
  description: Generated<string>;
  sequenceCode: string;
  isDefault: Generated<boolean>;
}
export interface ItemTemplatesTable {
  id: Id;
  code: string;
  description: Generated<string>;
  referenceItemId: string;
}
export interface LotClassesTable {
  code: string;
  description: Generated<string>;
  prefix: Generated<string>;
  datePattern: Generated<'none' | 'YYYY' | 'YYMM' | 'YYYYMM' | 'YYMMDD' | 'YYYYMMDD' | 'YYDDD'>;
  width: Generated<number>;
  nextValue: NumDefault;
}
export interface SerialClassesTable {
  code: string;
  description: Generated<string>;
  prefix: Generated<string>;
  width: Generated<number>;
  nextValue: NumDefault;
}

/** The item columns added by 0060 (same table as core ItemsTable). */
export interface ItemMasterColumns {
  itemClass: ColumnType<string | null, string | null | undefined, string | null>;
  lotConsumption: Generated<LotConsumption>;
  lotClass: ColumnType<string | null, string | null | undefined, string | null>;
  lotAvailabilityCheck: Generated<CheckMode>;
  serialClass: ColumnType<string | null, string | null | undefined, string | null>;
  minStock: NumDefault;
  maxStock: NumDefault;
  reorderPoint: NumDefault;
  reorderLot: NumDefault;
  minReorderQuantity: NumDefault;
  supplyLeadDays: Generated<number>;
  accountingCategory: ColumnType<string | null, string | null | undefined, string | null>;
  vatCode: ColumnType<string | null, string | null | undefined, string | null>;
  analyticCostItem: ColumnType<string | null, string | null | undefined, string | null>;
  analyticRevenueItem: ColumnType<string | null, string | null | undefined, string | null>;
  costCentre: ColumnType<string | null, string | null | undefined, string | null>;
  availabilityCheck: Generated<CheckMode>;
  preferredWarehouseId: ColumnType<string | null, string | null | undefined, string | null>;
  netWeight: NumNull;
  grossWeight: NumNull;
  packageType: ColumnType<string | null, string | null | undefined, string | null>;
  notes: Generated<string>;
}

export interface ItemWarehousePlanningTable {
  itemId: string;
  warehouseId: string;
  siteId: string;
  minStock: NumNull;
  maxStock: NumNull;
  reorderPoint: NumNull;
  reorderLot: NumNull;
  minReorderQuantity: NumNull;
  supplyLeadDays: number | null;
  standardCost: NumNull;
}
export interface ItemAlternativesTable {
  itemId: string;
  alternativeItemId: string;
  position: Generated<number>;
}
export interface PriceListsTable {
  id: Id;
  code: string;
  description: Generated<string>;
  currency: string;
  discountsAllowed: Generated<boolean>;
  createdAt: Date | string;
}
export interface ItemPricesTable {
  id: Id;
  priceListId: string;
  itemId: string;
  validFrom: string | null;
  validTo: string | null;
  unit: string;
  currency: string;
  createdAt: Date | string;
}
/** discount_N columns: write through digitSafe (services/places/support.ts); reads come back as discountN. */
export interface ItemPriceTiersTable {
  itemPriceId: string;
  position: number;
  upTo: NumNull;
  price: ColumnType<string, string | number, string | number>;
  discount1: NumNull;
  discount2: NumNull;
  discount3: NumNull;
  discount4: NumNull;
}

export interface ItemMasterTables {
  itemClasses: ItemClassesTable;
  itemTemplates: ItemTemplatesTable;
  lotClasses: LotClassesTable;
  serialClasses: SerialClassesTable;
  itemWarehousePlanning: ItemWarehousePlanningTable;
  itemAlternatives: ItemAlternativesTable;
  priceLists: PriceListsTable;
  itemPrices: ItemPricesTable;
  itemPriceTiers: ItemPriceTiersTable;
}

// The 0060 columns of `items` join the core row type by declaration merging, so every module reading items
// sees them without core.tables.ts changing.
declare module './core.tables.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ItemsTable extends ItemMasterColumns {}
}
