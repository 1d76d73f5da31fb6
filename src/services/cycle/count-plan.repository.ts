// Every SQL statement of the count plans (cycle counting by ABC class, docs/cycle-counting.md).
import { sql } from 'kysely';
import type { Tx } from '../context.js';
import { siteIs } from '../site-scope.repository.js';
import type { SiteScope } from '../site-scope.js';

export interface PlanRow {
  id: string;
  siteId: string;
  warehouseId: string | null;
  warehouseCode: string | null;
  countsA: number;
  countsB: number;
  countsC: number;
  slowMoverDays: number | null;
  slowMoverCounts: number | null;
  dailyCapacity: number;
  workingDays: string;
  holidays: unknown;
  updatedAt: Date | string;
}
export type PlanValues = Omit<PlanRow, 'id' | 'warehouseCode' | 'updatedAt' | 'holidays'> & { holidays: string[] };

const planColumns = [
  'p.id',
  'p.siteId',
  'p.warehouseId',
  'w.code as warehouseCode',
  'p.countsA',
  'p.countsB',
  'p.countsC',
  'p.slowMoverDays',
  'p.slowMoverCounts',
  'p.dailyCapacity',
  'p.workingDays',
  'p.holidays',
  'p.updatedAt',
] as const;

/** The plans inside the scope, of one site when asked; the site plan before its warehouses'. */
export async function selectPlans(trx: Tx, scope: SiteScope, siteId: string | undefined): Promise<PlanRow[]> {
  let q = trx
    .selectFrom('countPlans as p')
    .leftJoin('warehouses as w', 'w.id', 'p.warehouseId')
    .select(planColumns)
    .where(siteIs('p.site_id', scope));
  if (siteId !== undefined) q = q.where('p.siteId', '=', siteId);
  return q
    .orderBy('p.siteId')
    .orderBy(sql`w.code nulls first`)
    .execute() as Promise<PlanRow[]>;
}

export async function selectPlan(trx: Tx, siteId: string, warehouseId: string | null): Promise<PlanRow | undefined> {
  return (await trx
    .selectFrom('countPlans as p')
    .leftJoin('warehouses as w', 'w.id', 'p.warehouseId')
    .select(planColumns)
    .where('p.siteId', '=', siteId)
    .where(warehouseId === null ? sql<boolean>`p.warehouse_id is null` : sql<boolean>`p.warehouse_id = ${warehouseId}`)
    .executeTakeFirst()) as PlanRow | undefined;
}

/** Insert or replace the plan of (site, warehouse); returns whether it was new. */
export async function upsertPlan(trx: Tx, v: PlanValues, userId: string | null, now: Date): Promise<boolean> {
  const values = { ...v, holidays: JSON.stringify(v.holidays), updatedBy: userId, updatedAt: now };
  const updated = await trx
    .updateTable('countPlans')
    .set(values)
    .where('siteId', '=', v.siteId)
    .where(v.warehouseId === null ? sql<boolean>`warehouse_id is null` : sql<boolean>`warehouse_id = ${v.warehouseId}`)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return false;
  await trx
    .insertInto('countPlans')
    .values({ ...values, createdAt: now })
    .execute();
  return true;
}

export async function deletePlanRow(trx: Tx, siteId: string, warehouseId: string | null): Promise<boolean> {
  const r = await trx
    .deleteFrom('countPlans')
    .where('siteId', '=', siteId)
    .where(warehouseId === null ? sql<boolean>`warehouse_id is null` : sql<boolean>`warehouse_id = ${warehouseId}`)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function findSite(trx: Tx, siteId: string): Promise<{ id: string } | undefined> {
  return trx.selectFrom('sites').select('id').where('id', '=', siteId).executeTakeFirst();
}
