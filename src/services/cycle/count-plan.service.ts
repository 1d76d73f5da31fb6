// Count plans (cycle counting by ABC class, SPEC §4.1 continuous method): one per site and optionally one
// per warehouse, which then wins for that warehouse's positions. Managers of the site keep them.
import { DomainError } from '../../domain/errors.js';
import {
  type CountPlan,
  type CountPlanInput,
  intervalOf,
  parseCountPlan,
  PLAN_CLASSES,
  type PlanClass,
} from '../../domain/inventory/count-plan.js';
import { type Actor, type ServiceContext, type Tx, inTransaction, requireRole } from '../context.js';
import { filterSite, requireInScope, requireWarehouseInScope, scopeOf } from '../site-scope.js';
import { deletePlanRow, findSite, type PlanRow, selectPlan, selectPlans, upsertPlan } from './count-plan.repository.js';

export type { PlanRow };

export interface PlanView {
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
  workingDays: number[];
  holidays: string[];
  /** Working days between two counts per class; null: the class is not counted by the plan. */
  intervals: Record<PlanClass, number | null>;
  updatedAt: string;
}

export interface PlanKey {
  siteId: string;
  warehouseId?: string | null | undefined;
}

export function planOf(row: PlanRow): CountPlan {
  return parseCountPlan({
    countsA: row.countsA,
    countsB: row.countsB,
    countsC: row.countsC,
    slowMoverDays: row.slowMoverDays,
    slowMoverCounts: row.slowMoverCounts,
    dailyCapacity: row.dailyCapacity,
    workingDays: [...row.workingDays].map(Number),
    holidays: row.holidays as string[],
  });
}

function view(row: PlanRow): PlanView {
  const plan = planOf(row);
  return {
    id: String(row.id),
    siteId: String(row.siteId),
    warehouseId: row.warehouseId === null ? null : String(row.warehouseId),
    warehouseCode: row.warehouseCode,
    countsA: row.countsA,
    countsB: row.countsB,
    countsC: row.countsC,
    slowMoverDays: row.slowMoverDays,
    slowMoverCounts: row.slowMoverCounts,
    dailyCapacity: row.dailyCapacity,
    workingDays: plan.workingDays,
    holidays: plan.holidays,
    intervals: Object.fromEntries(PLAN_CLASSES.map((c) => [c, intervalOf(plan, c)])) as Record<
      PlanClass,
      number | null
    >,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** The site named by a request, inside the actor's scope (not_found otherwise), and the warehouse of it. */
export async function checkPlanKey(
  trx: Tx,
  actor: Actor,
  key: PlanKey,
): Promise<{ siteId: string; warehouseId: string | null }> {
  const scope = scopeOf(actor);
  requireInScope(scope, key.siteId, 'site', 'siteId');
  if (!(await findSite(trx, key.siteId))) throw new DomainError('not_found', 'site not found', { field: 'siteId' });
  const warehouseId = key.warehouseId ?? null;
  if (warehouseId !== null) {
    const wh = await requireWarehouseInScope(trx, scope, warehouseId);
    if (String(wh.siteId) !== key.siteId)
      throw new DomainError('reference.unknown', `warehouseId: warehouse ${wh.code} is not of site ${key.siteId}`, {
        field: 'warehouseId',
      });
  }
  return { siteId: key.siteId, warehouseId };
}

export async function listCountPlans(
  ctx: ServiceContext,
  actor: Actor,
  filter: { siteId?: string | undefined },
): Promise<PlanView[]> {
  requireRole(actor, 'manager');
  const site = filterSite(scopeOf(actor), filter.siteId);
  if (site.empty) return [];
  return (await selectPlans(ctx.db, scopeOf(actor), site.siteId)).map(view);
}

/** Creates or replaces the plan of a site (warehouse null) or of one of its warehouses. */
export async function putCountPlan(
  ctx: ServiceContext,
  actor: Actor,
  input: PlanKey & CountPlanInput,
): Promise<{ plan: PlanView; created: boolean }> {
  requireRole(actor, 'manager');
  const plan = parseCountPlan(input);
  return inTransaction(ctx, async (trx) => {
    const key = await checkPlanKey(trx, actor, input);
    const created = await upsertPlan(
      trx,
      {
        ...key,
        countsA: plan.countsPerYear.A,
        countsB: plan.countsPerYear.B,
        countsC: plan.countsPerYear.C,
        slowMoverDays: plan.slowMover?.days ?? null,
        slowMoverCounts: plan.slowMover?.countsPerYear ?? null,
        dailyCapacity: plan.dailyCapacity,
        workingDays: plan.workingDays.join(''),
        holidays: plan.holidays,
      },
      actor.userId === '0' ? null : actor.userId,
      ctx.now(),
    );
    return { plan: view((await selectPlan(trx, key.siteId, key.warehouseId))!), created };
  });
}

export async function deleteCountPlan(
  ctx: ServiceContext,
  actor: Actor,
  input: PlanKey,
): Promise<{ deleted: boolean }> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const key = await checkPlanKey(trx, actor, input);
    return { deleted: await deletePlanRow(trx, key.siteId, key.warehouseId) };
  });
}

/** The plans of a site by warehouse id ('' for the site's own plan). */
export async function sitePlans(trx: Tx, siteId: string): Promise<Map<string, { id: string; plan: CountPlan }>> {
  const rows = await selectPlans(trx, { siteId: null }, siteId);
  return new Map(
    rows.map((r) => [r.warehouseId === null ? '' : String(r.warehouseId), { id: String(r.id), plan: planOf(r) }]),
  );
}
