// The SQL of the recorded ABC analysis runs and their schedule (docs/cycle-counting.md).
import { type Selectable, sql } from 'kysely';
import type { AbcRunTrigger } from '../../domain/items/planning.js';
import type { AbcAnalysisRunsTable } from '../../storage/tables/count-plan.tables.js';
import type { Tx } from '../context.js';

export interface RunRecord {
  ranAt: Date;
  trigger: AbcRunTrigger;
  userId: string | null;
  jobId: string | null;
  siteId: string | null;
  periodFrom: string;
  periodTo: string;
  thresholdA: string;
  thresholdB: string;
  itemsTotal: number;
  counts: Record<'A' | 'B' | 'C', number>;
}
export interface ClassChange {
  itemId: string;
  previousClass: 'A' | 'B' | 'C' | null;
  newClass: 'A' | 'B' | 'C';
}

/** Records a run and every item whose class it changed; returns the run's id. */
export async function insertRun(trx: Tx, r: RunRecord, changes: readonly ClassChange[]): Promise<string> {
  const { counts, ...rest } = r;
  const row = await trx
    .insertInto('abcAnalysisRuns')
    .values({ ...rest, changesCount: changes.length, countA: counts.A, countB: counts.B, countC: counts.C })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (changes.length > 0) {
    await sql`
      insert into abc_analysis_changes (run_id, item_id, previous_class, new_class)
      select ${row.id}::bigint, x.item_id, x.previous_class, x.new_class
      from jsonb_to_recordset(${JSON.stringify(changes.map((c) => ({ item_id: c.itemId, previous_class: c.previousClass, new_class: c.newClass })))}::jsonb)
        as x(item_id bigint, previous_class text, new_class text)`.execute(trx);
  }
  return String(row.id);
}

/** A recorded run as the API lists it: the run's row and the name of the user who started it. */
export type RunRow = Selectable<AbcAnalysisRunsTable> & { username: string | null };

export async function selectRuns(trx: Tx, limit: number, offset: number): Promise<RunRow[]> {
  return trx
    .selectFrom('abcAnalysisRuns as r')
    .leftJoin('users as u', 'u.id', 'r.userId')
    .select([
      'r.id',
      'r.ranAt',
      'r.trigger',
      'r.userId',
      'u.username',
      'r.jobId',
      'r.siteId',
      'r.periodFrom',
      'r.periodTo',
      'r.thresholdA',
      'r.thresholdB',
      'r.itemsTotal',
      'r.changesCount',
      'r.countA',
      'r.countB',
      'r.countC',
    ])
    .orderBy('r.ranAt', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit + 1)
    .offset(offset)
    .execute();
}

export interface ChangeRow {
  itemId: string;
  itemCode: string;
  previousClass: 'A' | 'B' | 'C' | null;
  newClass: 'A' | 'B' | 'C';
}

export async function selectChanges(trx: Tx, runId: string, limit: number): Promise<ChangeRow[]> {
  return trx
    .selectFrom('abcAnalysisChanges as c')
    .innerJoin('items as i', 'i.id', 'c.itemId')
    .select(['c.itemId', 'i.code as itemCode', 'c.previousClass', 'c.newClass'])
    .where('c.runId', '=', runId)
    .orderBy('i.code')
    .limit(limit)
    .execute();
}

export interface ScheduleRow {
  enabled: boolean;
  everyDays: number;
  periodDays: number;
  thresholdA: string;
  thresholdB: string;
  nextRunOn: string | null;
}

export async function selectSchedule(trx: Tx, lock = false): Promise<ScheduleRow | undefined> {
  let q = trx
    .selectFrom('abcAnalysisSchedule')
    .select(['enabled', 'everyDays', 'periodDays', 'thresholdA', 'thresholdB', 'nextRunOn'])
    .where('id', '=', 1);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function saveSchedule(trx: Tx, s: ScheduleRow, now: Date): Promise<void> {
  await trx
    .insertInto('abcAnalysisSchedule')
    .values({ id: 1, ...s, updatedAt: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...s, updatedAt: now }))
    .execute();
}
