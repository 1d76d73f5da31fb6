// Row types of migration 0105 (cycle counting: count plans, recorded ABC analysis runs and their
// changes, the ABC analysis schedule). numeric/int8 are strings; jsonb is read parsed, written as text.
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { AbcClass, AbcRunTrigger } from '../../domain/items/planning.js';

type JsonArray = ColumnType<unknown, string | undefined, string>;

export interface CountPlansTable {
  siteId: string;
  id: GeneratedAlways<string>;
  warehouseId: string | null;
  countsA: number;
  countsB: number;
  countsC: number;
  slowMoverDays: number | null;
  slowMoverCounts: number | null;
  dailyCapacity: number;
  workingDays: Generated<string>;
  holidays: JsonArray;
  updatedBy: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
}
export interface AbcAnalysisRunsTable {
  id: GeneratedAlways<string>;
  ranAt: Date | string;
  trigger: AbcRunTrigger;
  userId: string | null;
  jobId: string | null;
  siteId: string | null;
  periodFrom: string;
  periodTo: string;
  thresholdA: string;
  thresholdB: string;
  itemsTotal: number;
  changesCount: number;
  countA: number;
  countB: number;
  countC: number;
}
export interface AbcAnalysisChangesTable {
  runId: string;
  itemId: string;
  previousClass: AbcClass | null;
  newClass: AbcClass;
}
export interface AbcAnalysisScheduleTable {
  id: Generated<number>;
  enabled: Generated<boolean>;
  everyDays: Generated<number>;
  periodDays: Generated<number>;
  thresholdA: Generated<string>;
  thresholdB: Generated<string>;
  nextRunOn: string | null;
  updatedAt: Date | string;
}

export interface CountPlanTables {
  countPlans: CountPlansTable;
  abcAnalysisRuns: AbcAnalysisRunsTable;
  abcAnalysisChanges: AbcAnalysisChangesTable;
  abcAnalysisSchedule: AbcAnalysisScheduleTable;
}
