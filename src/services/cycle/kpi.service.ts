// Cycle-counting KPIs per class (docs/cycle-counting.md): the share of positions counted on time (today,
// against the plan), count accuracy over a period, and the value of the posted differences per month.
// Accuracy is "posted no difference"; counts within an inventory type's tolerance are not told apart yet.
import { Dec } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import { isDate, PLAN_CLASSES, type PlanClass } from '../../domain/inventory/count-plan.js';
import { addDays } from '../../domain/inventory/generation.js';
import { type Actor, type ServiceContext, inTransaction, requireRole, today } from '../context.js';
import { requireInScope, scopeOf } from '../site-scope.js';
import { dueQuery } from './due-list-query.js';
import { selectDueCounts } from './due-list.repository.js';
import { selectAccuracy, selectDifferenceValues } from './kpi.repository.js';

export interface ClassKpi {
  planClass: PlanClass;
  /** Positions with stock under a plan or an own cycle, and those neither overdue nor never counted today. */
  positions: number;
  onTime: number;
  /** Percent with one decimal; null without positions. */
  onTimePercent: string | null;
  /** Count-list lines closed in the period, and those that posted no difference. */
  counted: number;
  noDifference: number;
  /** Of them, posted a difference within the type's tolerance (no difference where the type has none). */
  withinTolerance: number;
  /** withinTolerance of counted, in percent. */
  accuracyPercent: string | null;
}
export interface MonthDifference {
  month: string;
  planClass: 'A' | 'B' | 'C';
  gains: string;
  losses: string;
  net: string;
}
export interface CountKpis {
  siteId: string;
  from: string;
  to: string;
  asOf: string;
  classes: ClassKpi[];
  months: MonthDifference[];
  totals: { gains: string; losses: string; net: string };
}

const percent = (part: number, whole: number) =>
  whole === 0 ? null : new Dec(part).times(100).div(whole).toDecimalPlaces(1).toFixed(1);

function period(input: { from?: string | undefined; to?: string | undefined }, day: string) {
  const to = input.to ?? day;
  const from = input.from ?? `${addDays(`${to.slice(0, 7)}-01`, -334).slice(0, 7)}-01`;
  for (const [field, v] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (!isDate(v)) throw new DomainError('validation.failed', `${field} must be a date (yyyy-mm-dd)`, { field });
  if (from > to) throw new DomainError('validation.failed', 'from must not be after to', { field: 'from' });
  return { from, to };
}

export async function getCountKpis(
  ctx: ServiceContext,
  actor: Actor,
  input: { siteId?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<CountKpis> {
  requireRole(actor, 'manager');
  const siteId = input.siteId ?? actor.siteId;
  if (siteId === null)
    throw new DomainError('validation.failed', 'siteId: name the site whose KPIs to show', { field: 'siteId' });
  requireInScope(scopeOf(actor), siteId, 'site', 'siteId');
  const day = today(ctx);
  const { from, to } = period(input, day);
  return inTransaction(ctx, async (trx) => {
    const { q } = await dueQuery(trx, siteId, day, { withStock: true });
    const counts = await selectDueCounts(trx, q);
    const accuracy = await selectAccuracy(trx, siteId, from, to);
    const norm = (v: string) => new Dec(v).toFixed();
    const months = (await selectDifferenceValues(trx, siteId, from, to)).map((m) => ({
      ...m,
      gains: norm(m.gains),
      losses: norm(m.losses),
      net: norm(m.net),
    }));
    const classes = PLAN_CLASSES.map((cls): ClassKpi => {
      const mine = counts.filter((c) => c.planClass === cls);
      const positions = mine.reduce((a, c) => a + Number(c.positions), 0);
      const late = mine
        .filter((c) => c.dueStatus === 'overdue' || c.dueStatus === 'never_counted')
        .reduce((a, c) => a + Number(c.positions), 0);
      const acc = accuracy.find((a) => a.planClass === cls);
      const counted = Number(acc?.counted ?? 0);
      const noDifference = Number(acc?.noDifference ?? 0);
      const withinTolerance = Number(acc?.withinTolerance ?? 0);
      return {
        planClass: cls,
        positions,
        onTime: positions - late,
        onTimePercent: percent(positions - late, positions),
        counted,
        noDifference,
        withinTolerance,
        accuracyPercent: percent(withinTolerance, counted),
      };
    });
    const sum = (k: 'gains' | 'losses' | 'net') => months.reduce((a, m) => a.plus(m[k]), new Dec(0)).toFixed();
    return {
      siteId,
      from,
      to,
      asOf: day,
      classes,
      months,
      totals: { gains: sum('gains'), losses: sum('losses'), net: sum('net') },
    };
  });
}
