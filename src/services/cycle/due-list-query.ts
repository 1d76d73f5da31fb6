// The due list's query on a day: the site's plans turned into per plan and class cut-off dates (the
// domain's calendar rules) for due-list.repository.ts. Also what "count cycle reached" in the generation
// asks for, so this module imports nothing of the generation.
import { cutoffsOf, slowMoverSince, statusDays } from '../../domain/inventory/count-plan.js';
import type { Tx } from '../context.js';
import { sitePlans } from './count-plan.service.js';
import { createCyclePlanDueTable, type CutRow, type DueQuery, type SlowRow } from './due-list.repository.js';

/** The query of a site's positions against its plans on `day`. */
export async function dueQuery(
  trx: Tx,
  siteId: string,
  day: string,
  opts: { warehouseId?: string | undefined; withStock: boolean },
): Promise<{ q: DueQuery; plans: Awaited<ReturnType<typeof sitePlans>> }> {
  const plans = await sitePlans(trx, siteId);
  const cuts: CutRow[] = [];
  const slow: SlowRow[] = [];
  for (const { id, plan } of plans.values()) {
    for (const c of cutoffsOf(plan, day))
      cuts.push({ plan_id: id, cls: c.cls, od: c.overdue, wk: c.week, mo: c.month, td: c.today });
    const since = slowMoverSince(plan, day);
    if (since !== null) slow.push({ plan_id: id, since });
  }
  return {
    q: { siteId, cuts, slow, days: statusDays(day), warehouseId: opts.warehouseId, withStock: opts.withStock },
    plans,
  };
}

/**
 * "Count cycle reached" under the site's plans: fills cycle_plan_due for the generation's selection when
 * the site has a plan (false: items' own cycle days only, as without cycle counting).
 */
export async function prepareCyclePlanDue(trx: Tx, siteId: string, day: string): Promise<boolean> {
  const { q, plans } = await dueQuery(trx, siteId, day, { withStock: false });
  if (plans.size === 0) return false;
  await createCyclePlanDueTable(trx, q);
  return true;
}
