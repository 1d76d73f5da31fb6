// Shapes the screens rely on for endpoints whose routes are still landing; field names follow the schema
// (0002_inventory.sql, camelCased). Optional where a route may leave a field out.
export type InventoryStatus = 'created' | 'has_count_lists' | 'open' | 'closed';
export type ValuationPrice = 'settlement_1' | 'settlement_2' | 'settlement_3' | 'settlement_4' | 'settlement_5' | 'inventory' | 'average';
export type ReportType = 'cumulative' | 'single';

export interface InventoryType {
  id: string;
  code: string;
  description: string;
  method: 'stock_taking_day' | 'continuous' | 'sample' | 'stock_comparison';
  materialType?: 'stock_items' | 'production_resources';
  valuationPrice?: ValuationPrice;
  adjustmentKey?: string | null;
  transferKey?: string | null;
  valueAdjustmentKey?: string | null;
  reportType?: ReportType;
  singleReportingRequired?: boolean;
  showSystemQuantities?: boolean;
  keepLocation?: boolean;
}

export interface Inventory {
  id: string;
  siteId?: string;
  typeId: string;
  typeCode?: string;
  number: string;
  status: InventoryStatus;
  description: string;
  ownerId: string;
  ownerCode?: string;
  fiscalYear: number;
  stockTakingDate: string | null;
  openedAt?: string | null;
  closedAt?: string | null;
  valuationPrice: ValuationPrice;
  adjustmentKey?: string | null;
  transferKey?: string | null;
  valueAdjustmentKey?: string | null;
  reportType: ReportType;
  singleReportingRequired: boolean;
  showSystemQuantities: boolean;
  costCentre?: string | null;
  responsibleUserId?: string | null;
  listCount?: number;
}

export type CountListStatus = 'created' | 'partially_generated' | 'opening_failed' | 'open' | 'partially_reported'
  | 'completely_reported' | 'closing' | 'closed' | 'closed_with_errors' | 'manually_closed';

export interface CountList {
  id: string;
  inventoryId: string;
  number: string;
  name: string;
  countType: 'article' | 'bin' | 'differences';
  status: CountListStatus;
  statusReason?: string | null;
  registrationDate?: string;
  countDate?: string | null;
  openedAt?: string | null;
  closedAt?: string | null;
  responsibleUserId?: string | null;
  responsibleName?: string | null;
  warehouseId?: string | null;
  warehouseCode?: string | null;
  itemCount?: number;
  reportedCount?: number;
}

export interface CountListItem {
  id: string;
  lineNo: number;
  itemId: string | null;
  itemCode?: string | null;
  itemDescription?: string | null;
  unit?: string | null;
  warehouseId: string;
  warehouseCode?: string | null;
  zoneCode?: string | null;
  binId?: string | null;
  binCode?: string | null;
  lot: string;
  serial: string;
  targetQuantity?: string | null;
  reportedQuantity: string | null;
  difference?: string | null;
  status: 'open' | 'reported' | 'closed';
  verificationMark: boolean;
  informational: boolean;
  addedByCount?: boolean;
  postedQuantity?: string | null;
}

export interface CountReport {
  id: string;
  countListItemId?: string;
  userId?: string | null;
  userName?: string | null;
  reportedAt: string;
  device?: string | null;
  rawBarcode?: string | null;
  quantity: string;
  enteredQuantity?: string | null;
  enteredUnit?: string | null;
  mode: 'add' | 'replace' | 'mark_all';
  resultingQuantity: string;
  previousQuantity?: string | null;
  valid: boolean;
  clientReportId?: string | null;
}

export interface Job {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number;
  total: number;
  result?: unknown;
  error?: { code?: string; message?: string } | null;
}

export interface Owner { id: string; code: string; name: string }
export interface Site { id: string; code: string; name: string }
export interface Warehouse { id: string; siteId?: string; code: string; name: string; kind?: string; structure?: string; responsibleUserId?: string | null }
export interface Zone { id: string; warehouseId: string; code: string; name: string; organisation?: string; structured?: boolean; usage?: string }
export interface Bin { id: string; warehouseId?: string; zoneId: string; code: string; aisle?: string | null; row?: string | null; level?: string | null; place?: string | null; barcode?: string | null; blocked?: boolean }
export interface TransactionKey { code: string; description?: string; kind?: string }
