// The due list (cycle counting, docs/cycle-counting.md): what is due this week or month, overdue or never
// counted under the site's count plans, and the continuous method's lists of today's capacity from it.
import { DomainError } from '../../domain/errors.js';
import {
  capacityLeft,
  DUE_STATUSES,
  type DueStatus,
  nextDue,
  type PlanClass,
} from '../../domain/inventory/count-plan.js';
import type { GenerationInput } from '../../domain/inventory/generation.js';
import { type Actor, type ServiceContext, type Tx, inTransaction, requireRole, today } from '../context.js';
import { type GenerationSummary, generateInTx } from '../inventory/generation.service.js';
import { loadInventory } from '../inventory/inventory.service.js';
import { requireInScope, requireWarehouseInScope, scopeOf } from '../site-scope.js';
import { sitePlans } from './count-plan.service.js';
import { dueQuery } from './due-list-query.js';
import {
  countListedToday,
  type DueRow,
  keepMostUrgent,
  selectDueCounts,
  selectDuePage,
} from './due-list.repository.js';

export type { DueRow };

/** The due statuses the list shows unless asked otherwise. */
export const LISTED_STATUSES: readonly DueStatus[] = DUE_STATUSES.filter((s) => s !== 'not_due');

export interface DueListInput {
  siteId?: string | undefined;
  warehouseId?: string | undefined;
  statuses?: DueStatus[] | undefined;
  planClass?: PlanClass | undefined;
  limit: number;
  offset: number;
}
export interface DueItem extends Omit<DueRow, 'countCycleDays' | 'planId'> {
  /** Null: never counted (due now). */
  nextDue: string | null;
  /** The item's own cycle in calendar days (overrides the plan), 0: the plan's interval. */
  countCycleDays: number;
}
export interface DueList {
  asOf: string;
  items: DueItem[];
  nextOffset: number | null;
  /** Positions per status (whatever the status filter), for the list's chips. */
  counts: Record<DueStatus, number>;
}

async function siteOf(
  trx: Tx,
  actor: Actor,
  siteId: string | undefined,
  warehouseId: string | undefined,
): Promise<string> {
  const scope = scopeOf(actor);
  const site = siteId ?? actor.siteId;
  if (site === null)
    throw new DomainError('validation.failed', 'siteId: name the site whose due list to show', { field: 'siteId' });
  requireInScope(scope, site, 'site', 'siteId');
  if (warehouseId !== undefined) {
    const wh = await requireWarehouseInScope(trx, scope, warehouseId);
    if (String(wh.siteId) !== site) throw new DomainError('not_found', 'warehouse not found', { field: 'warehouseId' });
  }
  return site;
}

export async function getDueList(ctx: ServiceContext, actor: Actor, input: DueListInput): Promise<DueList> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const siteId = await siteOf(trx, actor, input.siteId, input.warehouseId);
    const day = today(ctx);
    const { q, plans } = await dueQuery(trx, siteId, day, { warehouseId: input.warehouseId, withStock: true });
    const rows = await selectDuePage(trx, q, {
      statuses: input.statuses?.length ? input.statuses : LISTED_STATUSES,
      planClass: input.planClass,
      limit: input.limit,
      offset: input.offset,
    });
    const counts = Object.fromEntries(DUE_STATUSES.map((s) => [s, 0])) as Record<DueStatus, number>;
    for (const c of await selectDueCounts(trx, q)) counts[c.dueStatus] += Number(c.positions);
    const planById = new Map([...plans.values()].map((p) => [p.id, p.plan]));
    const more = rows.length > input.limit;
    return {
      asOf: day,
      counts,
      nextOffset: more ? input.offset + input.limit : null,
      items: rows.slice(0, input.limit).map(({ planId, ...r }) => ({
        ...r,
        id: String(r.id),
        itemId: String(r.itemId),
        warehouseId: String(r.warehouseId),
        nextDue: nextDue(r.lastCountedDate, planById.get(String(planId)) ?? null, r.planClass, r.countCycleDays),
      })),
    };
  });
}

export interface DueGenerationResult extends GenerationSummary {
  /** Today's capacity under the plan, what lists made earlier today used of it, and what was left. */
  capacity: number;
  listedEarlierToday: number;
  capacityLeft: number;
}

/**
 * The continuous method's lists for today: article lists of the positions whose count cycle is reached,
 * at most the capacity the site's plan leaves for today (the site plan's, else the warehouse plans' sum).
 */
export async function generateDueLists(
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
  input: Omit<GenerationInput, 'countType' | 'countSetting' | 'stockConsideration'>,
): Promise<DueGenerationResult> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const inv = await loadInventory(trx, actor, inventoryId, true);
    if (inv.method !== 'continuous')
      throw new DomainError(
        'generation.method_not_allowed',
        'lists from the due list are for the continuous method only',
        {
          field: 'inventoryId',
          params: { method: inv.method },
        },
      );
    const plans = await sitePlans(trx, inv.siteId);
    const site = plans.get('');
    const capacity = site ? site.plan.dailyCapacity : [...plans.values()].reduce((a, p) => a + p.plan.dailyCapacity, 0);
    const reference = site?.plan ?? [...plans.values()][0]?.plan;
    if (!reference) throw new DomainError('not_found', `site ${inv.siteId} has no count plan`, { field: 'countPlan' });
    const day = today(ctx);
    const listedEarlierToday = await countListedToday(trx, inv.id, day);
    const left = capacityLeft({ ...reference, dailyCapacity: capacity }, day, listedEarlierToday);
    const base = { capacity, listedEarlierToday, capacityLeft: left };
    if (left === 0)
      return {
        ...base,
        lists: [],
        positions: 0,
        informational: 0,
        skipped: 0,
        skippedOnOtherList: 0,
        skippedOverMaxLists: 0,
      };
    const summary = await generateInTx(
      ctx,
      trx,
      actor,
      inventoryId,
      { ...input, countType: 'article', countSetting: 'count_cycle', stockConsideration: 'all' },
      (t, c) => keepMostUrgent(t, c.inv.ownerId, left),
    );
    return { ...base, ...summary };
  });
}
