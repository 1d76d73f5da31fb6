// Row types of migration 0103 (statistical sample inventory: the type's configuration, the recorded design
// and result, and the frame with each position's role).
import type { ColumnType, Generated } from 'kysely';
import type { SampleOutcome, SamplePositionRole } from '../../domain/inventory/sample-vocabulary.js';

/** jsonb: read as parsed JSON, written as JSON text (the same on PGlite and pg). */
export type JsonColumn = ColumnType<unknown, string, string>;

export type { SampleOutcome, SamplePositionRole };

export interface InventoryTypeSamplingTable {
  typeId: string;
  config: JsonColumn;
  updatedAt: Date | string;
}
export interface InventorySamplesTable {
  siteId: string;
  inventoryId: string;
  design: JsonColumn;
  generation: JsonColumn;
  result: ColumnType<unknown, string | null, string | null> | null;
  outcome: Generated<SampleOutcome>;
  fullCount: Generated<boolean>;
  createdAt: Date | string;
  updatedAt: Date | string;
  estimatedAt: Date | string | null;
}
export interface InventorySamplePositionsTable {
  siteId: string;
  inventoryId: string;
  stockBalanceId: string;
  itemId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: string;
  serial: string;
  bookQuantity: string;
  unitPrice: string;
  bookValue: string;
  role: SamplePositionRole;
  draw: number | null;
}

export interface SampleInventoryTables {
  inventoryTypeSampling: InventoryTypeSamplingTable;
  inventorySamples: InventorySamplesTable;
  inventorySamplePositions: InventorySamplePositionsTable;
}
