// Row types of migration 0001 (Kysely, camelCase through CamelCasePlugin). numeric/int8 are strings.
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { AbcClass } from '../../domain/items/planning.js';

type Id = GeneratedAlways<string>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Num = ColumnType<string, string | number, string | number>;
type NumDefault = ColumnType<string, string | number | undefined, string | number>;

export interface SitesTable {
  id: Id;
  code: string;
  name: string;
  createdAt: Stamp;
}
export interface OwnersTable {
  id: Id;
  code: string;
  name: string;
  createdAt: Stamp;
}
export interface UsersTable {
  id: Id;
  username: string;
  displayName: Generated<string>;
  passwordHash: string;
  role: 'admin' | 'manager' | 'counter';
  siteId: string | null;
  active: Generated<boolean>;
  createdAt: Stamp;
}
export interface SessionsTable {
  tokenHash: string;
  userId: string;
  createdAt: Date | string;
  expiresAt: Date | string;
  lastSeenAt: Stamp;
}
export interface NumberSequencesTable {
  code: string;
  prefix: Generated<string>;
  width: Generated<number>;
  nextValue: ColumnType<string, string | number | undefined, string | number>;
  maxItemsPerList: number | null;
}

export interface WarehousesTable {
  id: Id;
  siteId: string;
  code: string;
  name: string;
  kind: 'unstructured' | 'structured' | 'virtual';
  physical: Generated<'internal' | 'external'>;
  responsibleUserId: string | null;
  allowNegative: Generated<boolean>;
  costCentre: string | null;
  createdAt: Stamp;
}
export interface ZonesTable {
  id: Id;
  siteId: string;
  warehouseId: string;
  code: string;
  name: string;
  organisation: 'high_bay' | 'block' | 'places_only';
  structured: boolean;
  usage: Generated<'normal' | 'inventory_differences'>;
  createdAt: Stamp;
}
export interface BinsTable {
  id: Id;
  siteId: string;
  warehouseId: string;
  zoneId: string;
  code: string;
  aisle: string | null;
  rowNo: string | null;
  levelNo: string | null;
  place: string;
  barcode: string | null;
  blocked: Generated<boolean>;
  createdAt: Stamp;
}

export interface UnitsTable {
  code: string;
  description: Generated<string>;
  decimals: Generated<number>;
}
export interface ClassificationCodesTable {
  kind: string;
  code: string;
  description: Generated<string>;
}
export interface ItemsTable {
  id: Id;
  code: string;
  description: string;
  supplementaryDescription: Generated<string>;
  printSupplementaryDescription: Generated<boolean>;
  primaryUnit: string;
  secondaryUnit: string | null;
  secondaryConversionOp: 'x' | '\\' | null;
  secondaryConversionFactor: string | null;
  lotManagement: Generated<'no' | 'yes' | 'auto'>;
  serialManagement: Generated<boolean>;
  productGroup: string | null;
  brand: string | null;
  family: string | null;
  homogeneousCategory: string | null;
  stockAccountClassification: string | null;
  classification1: string | null;
  classification2: string | null;
  classification3: string | null;
  classification4: string | null;
  classification5: string | null;
  countCycleDays: Generated<number>;
  thresholdQuantity: NumDefault;
  movementCountThreshold: Generated<number>;
  abcClass: AbcClass | null;
  settlementPrice1: NumDefault;
  settlementPrice2: NumDefault;
  settlementPrice3: NumDefault;
  settlementPrice4: NumDefault;
  settlementPrice5: NumDefault;
  inventoryPrice: NumDefault;
  standardCost: NumDefault;
  movingAveragePrice: NumDefault;
  includeInInventory: Generated<boolean>;
  hasLedgerEntries: Generated<boolean>;
  validFrom: string | null;
  validTo: string | null;
  createdAt: Stamp;
  updatedAt: Stamp;
}
export interface ItemSearchCodesTable {
  id: Id;
  itemId: string;
  code: string;
  unit: string;
  conversionOp: Generated<'x' | '\\'>;
  conversionFactor: NumDefault;
  isMain: Generated<boolean>;
  description: Generated<string>;
}
export interface LotsTable {
  id: Id;
  itemId: string;
  code: string;
  expiryDate: string | null;
  productionDate: string | null;
  createdAt: Stamp;
}

export type KeyKind = 'receipt' | 'issue' | 'transfer' | 'revaluation' | 'adjustment';
export interface TransactionKeysTable {
  code: string;
  description: Generated<string>;
  kind: KeyKind;
  isMain: Generated<boolean>;
}
export interface AccountingPeriodsTable {
  id: Id;
  fiscalYear: number;
  code: string;
  startDate: string;
  endDate: string;
  status: Generated<'open' | 'closed'>;
  closedAt: Date | null;
}
export interface StockLedgerTable {
  id: Id;
  siteId: string;
  keyCode: string;
  itemId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: Generated<string>;
  serial: Generated<string>;
  ownerId: string;
  quantity: Num;
  value: Num;
  unitPrice: Num;
  postingDate: string;
  originType: string;
  originId: string | null;
  transferGroup: string | null;
  costCentre: string | null;
  userId: string | null;
  createdAt: Date | string;
  /** Migration 0104: the reason code of the count difference a closing posted. */
  reasonCode: Generated<string | null>;
}
export interface StockBalancesTable {
  id: Id;
  siteId: string;
  itemId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: Generated<string>;
  serial: Generated<string>;
  ownerId: string;
  quantity: NumDefault;
  everNonzero: Generated<boolean>;
  lastCountedDate: string | null;
  lastCountedQuantity: string | null;
  movementsSinceCount: Generated<number>;
  updatedAt: Date | string;
}
export interface StockValuationsTable {
  itemId: string;
  warehouseId: string | null;
  siteId: string | null;
  quantity: NumDefault;
  averagePrice: NumDefault;
  updatedAt: Date | string;
}
export interface ReservationsTable {
  id: Id;
  siteId: string;
  itemId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: Generated<string>;
  serial: Generated<string>;
  ownerId: string;
  quantity: Num;
  status: Generated<'open' | 'fulfilled' | 'cancelled' | 'not_available'>;
  reference: Generated<string>;
  createdAt: Date | string;
  updatedAt: Date | string;
}
export interface StockLocksTable {
  id: Id;
  siteId: string;
  countListId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  itemId: string | null;
  createdAt: Date | string;
}
export interface PostingErrorsTable {
  id: Id;
  siteId: string;
  posting: ColumnType<unknown, string, string>;
  reasonCode: string;
  reasonMessage: string;
  countListId: string | null;
  status: Generated<'pending' | 'posted' | 'discarded'>;
  attempts: Generated<number>;
  createdAt: Date | string;
  resolvedAt: Date | string | null;
  userId: string | null;
}

export interface CoreTables {
  sites: SitesTable;
  owners: OwnersTable;
  users: UsersTable;
  sessions: SessionsTable;
  numberSequences: NumberSequencesTable;
  warehouses: WarehousesTable;
  zones: ZonesTable;
  bins: BinsTable;
  units: UnitsTable;
  classificationCodes: ClassificationCodesTable;
  items: ItemsTable;
  itemSearchCodes: ItemSearchCodesTable;
  lots: LotsTable;
  transactionKeys: TransactionKeysTable;
  accountingPeriods: AccountingPeriodsTable;
  stockLedger: StockLedgerTable;
  stockBalances: StockBalancesTable;
  stockValuations: StockValuationsTable;
  reservations: ReservationsTable;
  stockLocks: StockLocksTable;
  postingErrors: PostingErrorsTable;
}
