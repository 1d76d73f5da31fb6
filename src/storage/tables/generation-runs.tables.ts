// Row types of migration 0106 (count-list generation as a job in chunks: the kept plan of a generation).
import type { ColumnType, Generated } from 'kysely';

/** jsonb: read as parsed JSON, written as JSON text (the same on PGlite and pg). */
type Json = ColumnType<unknown, string, string>;

export type GenerationRunStatus = 'queued' | 'running' | 'failed';

export interface GenerationRunsTable {
  siteId: string;
  inventoryId: string;
  params: Json;
  status: GenerationRunStatus;
  reason: string | null;
  jobId: string | null;
  chunks: number;
  chunksDone: Generated<number>;
  positions: number;
  positionsDone: Generated<number>;
  skippedOnOtherList: Generated<number>;
  skippedOverMaxLists: Generated<number>;
  createdBy: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
}
export interface GenerationRunListsTable {
  siteId: string;
  inventoryId: string;
  listNo: number;
  chunkNo: number;
  number: string;
  items: number;
  informational: number;
}
export interface GenerationRunPositionsTable {
  siteId: string;
  inventoryId: string;
  listNo: number;
  lineNo: number;
  itemId: string | null;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: string;
  serial: string;
  whResponsible: string | null;
  informational: boolean;
}

export interface GenerationRunTables {
  generationRuns: GenerationRunsTable;
  generationRunLists: GenerationRunListsTable;
  generationRunPositions: GenerationRunPositionsTable;
}
