// Row types of migration 0002 (physical inventory); the word lists come from the domain's vocabulary.
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type {
  CountItemStatus,
  CountListStatus,
  CountType,
  InventoryMethod,
  InventoryStatus,
  MaterialType,
  ReportMode,
  ReportType,
  ValuationPrice,
} from '../../domain/inventory/vocabulary.js';
import type { ReviewState } from '../../domain/inventory/tolerance.js';

type Id = GeneratedAlways<string>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export type {
  CountItemStatus,
  CountListStatus,
  CountType,
  InventoryMethod,
  InventoryStatus,
  MaterialType,
  ReportMode,
  ReportType,
  ValuationPrice,
};
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface InventoryTypesTable {
  id: Id;
  code: string;
  description: Generated<string>;
  method: InventoryMethod;
  materialType: Generated<MaterialType>;
  inventorySequenceCode: string;
  countListSequenceCode: string;
  valuationPrice: Generated<ValuationPrice>;
  adjustmentKey: string | null;
  transferKey: string | null;
  valueAdjustmentKey: string | null;
  reportType: Generated<ReportType>;
  singleReportingRequired: Generated<boolean>;
  showSystemQuantities: Generated<boolean>;
  keepLocation: Generated<boolean>;
  createdAt: Stamp;
  /** Migration 0104: allowed difference per line (null: no limit on that side). */
  tolerancePercent: string | null;
  toleranceValue: string | null;
}
export interface InventoriesTable {
  id: Id;
  siteId: string;
  typeId: string;
  number: string;
  status: Generated<InventoryStatus>;
  description: Generated<string>;
  ownerId: string;
  fiscalYear: number;
  countListSequenceCode: string;
  stockTakingDate: string | null;
  openedAt: Date | null;
  closedAt: Date | null;
  valuationPrice: ValuationPrice;
  adjustmentKey: string | null;
  transferKey: string | null;
  valueAdjustmentKey: string | null;
  reportType: ReportType;
  singleReportingRequired: boolean;
  showSystemQuantities: boolean;
  costCentre: string | null;
  responsibleUserId: string | null;
  createdBy: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  /** The parameters of the last generation (0106), taken along by a duplicate. */
  generationParams: ColumnType<unknown, string | null | undefined, string | null> | null;
}
export interface CountListsTable {
  id: Id;
  siteId: string;
  inventoryId: string;
  number: string;
  name: Generated<string>;
  countType: CountType;
  status: Generated<CountListStatus>;
  statusReason: string | null;
  registrationDate: string;
  countDate: string | null;
  openedAt: Date | null;
  closedAt: Date | null;
  responsibleUserId: string | null;
  warehouseId: string | null;
  generationNo: Generated<number>;
  createdAt: Date | string;
  updatedAt: Date | string;
}
export interface CountListItemsTable {
  id: Id;
  siteId: string;
  inventoryId: string;
  countListId: string;
  lineNo: number;
  itemId: string | null;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: Generated<string>;
  serial: Generated<string>;
  ownerId: string;
  targetQuantity: string | null;
  reportedQuantity: string | null;
  status: Generated<CountItemStatus>;
  verificationMark: Generated<boolean>;
  informational: Generated<boolean>;
  addedByCount: Generated<boolean>;
  postedQuantity: string | null;
  unitPrice: string | null;
  closedAt: Date | null;
  /** Migration 0104: the tolerance review (src/domain/inventory/tolerance.ts). */
  reviewState: Generated<ReviewState>;
  firstCounterId: string | null;
  firstCountQuantity: string | null;
  reasonCode: string | null;
}
export interface CountReportsTable {
  id: Id;
  siteId: string;
  countListId: string;
  countListItemId: string;
  userId: string | null;
  reportedAt: Date | string;
  device: string | null;
  rawBarcode: string | null;
  quantity: string;
  enteredQuantity: string | null;
  enteredUnit: string | null;
  mode: ReportMode;
  clientReportId: string | null;
  resultingQuantity: string;
  previousQuantity: string | null;
  valid: Generated<boolean>;
  invalidatedAt: Date | null;
}
export interface JobsTable {
  id: string;
  siteId: string | null;
  kind: string;
  status: Generated<JobStatus>;
  params: Json;
  progress: Generated<number>;
  total: Generated<number>;
  result: Json | null;
  error: Json | null;
  attempts: Generated<number>;
  createdBy: string | null;
  createdAt: Date | string;
  startedAt: Date | null;
  finishedAt: Date | null;
  heartbeatAt: Date | null;
}

export interface InventoryTables {
  inventoryTypes: InventoryTypesTable;
  inventories: InventoriesTable;
  countLists: CountListsTable;
  countListItems: CountListItemsTable;
  countReports: CountReportsTable;
  jobs: JobsTable;
}
