// Planning data (seed 002 "Pianificazione"): per-warehouse overrides of the global values, the
// stock-control report (below minimum / above maximum; 0 means "not managed") and the ABC analysis by
// consumption value.
import { Dec, decText, parseDecimal } from '../decimal.js';
import { DomainError } from '../errors.js';

/** The ABC classes by consumption value: A the few items that make most of it, C the many that make little. */
export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];

/** What started an ABC analysis run: a person (API, CLI) or the schedule's job. */
export const ABC_RUN_TRIGGERS = ['manual', 'schedule'] as const;
export type AbcRunTrigger = (typeof ABC_RUN_TRIGGERS)[number];

export const PLANNING_QTY_FIELDS = [
  'minStock',
  'maxStock',
  'reorderPoint',
  'reorderLot',
  'minReorderQuantity',
] as const;
export type PlanningQtyField = (typeof PLANNING_QTY_FIELDS)[number];

export interface Planning {
  minStock: Dec;
  maxStock: Dec;
  reorderPoint: Dec;
  reorderLot: Dec;
  minReorderQuantity: Dec;
  supplyLeadDays: number;
}
export type PlanningOverride = Partial<Record<PlanningQtyField, Dec | null>> & { supplyLeadDays?: number | null };

/** Maximum stock, when managed, must not be below the minimum or the reorder point. */
export function checkPlanning(p: Planning, field = ''): void {
  const f = (n: string) => (field ? `${field}.${n}` : n);
  if (!p.maxStock.isZero() && p.maxStock.lt(p.minStock)) {
    throw new DomainError(
      'validation.failed',
      `maxStock ${decText(p.maxStock)} is below minStock ${decText(p.minStock)}`,
      { field: f('maxStock') },
    );
  }
  if (!p.maxStock.isZero() && p.maxStock.lt(p.reorderPoint)) {
    throw new DomainError(
      'validation.failed',
      `maxStock ${decText(p.maxStock)} is below reorderPoint ${decText(p.reorderPoint)}`,
      { field: f('maxStock') },
    );
  }
}

/** The values in force for a warehouse: each override column that is set replaces the global one. */
export function effectivePlanning(global: Planning, override: PlanningOverride | undefined): Planning {
  if (!override) return global;
  const out = { ...global };
  for (const k of PLANNING_QTY_FIELDS) {
    const v = override[k];
    if (v !== undefined && v !== null) out[k] = v;
  }
  if (override.supplyLeadDays !== undefined && override.supplyLeadDays !== null)
    out.supplyLeadDays = override.supplyLeadDays;
  return out;
}

export type StockStatus = 'below_minimum' | 'above_maximum' | 'below_reorder_point' | 'ok';

export interface StockControl {
  status: StockStatus;
  shortage: string;
  excess: string;
  suggestedOrder: string;
}

/**
 * Judges the stock of a warehouse. Below minimum wins over below reorder point. The suggested order brings
 * stock back to the reorder point or minimum with at least the minimum reorder quantity, in multiples of the
 * reorder lot when one is set, and never past the maximum when that leaves a positive order.
 */
export function stockControl(p: Planning, onHand: Dec): StockControl {
  const below = !p.minStock.isZero() && onHand.lt(p.minStock);
  const above = !p.maxStock.isZero() && onHand.gt(p.maxStock);
  const reorder = !p.reorderPoint.isZero() && onHand.lte(p.reorderPoint);
  const status: StockStatus = below
    ? 'below_minimum'
    : above
      ? 'above_maximum'
      : reorder
        ? 'below_reorder_point'
        : 'ok';
  let order = new Dec(0);
  if (below || reorder) {
    const target = Dec.max(p.minStock, p.reorderPoint, p.maxStock);
    order = Dec.max(target.minus(onHand), p.minReorderQuantity);
    if (p.reorderLot.gt(0)) order = order.dividedBy(p.reorderLot).ceil().times(p.reorderLot);
  }
  return {
    status,
    shortage: decText(below ? p.minStock.minus(onHand) : new Dec(0)),
    excess: decText(above ? onHand.minus(p.maxStock) : new Dec(0)),
    suggestedOrder: decText(order),
  };
}

export interface AbcThresholds {
  a: Dec;
  b: Dec;
}

export function checkThresholds(a: string, b: string): AbcThresholds {
  const ta = parseDecimal(a, 'thresholdA'),
    tb = parseDecimal(b, 'thresholdB');
  if (!ta.gt(0) || ta.gt(100))
    throw new DomainError('validation.failed', 'thresholdA must be a percentage above 0 and at most 100', {
      field: 'thresholdA',
    });
  if (tb.lt(ta) || tb.gt(100))
    throw new DomainError('validation.failed', 'thresholdB must be between thresholdA and 100', {
      field: 'thresholdB',
    });
  return { a: ta, b: tb };
}

/** A calendar date yyyy-mm-dd that exists (2026-02-30 does not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The period of an analysis: two real dates, `to` not before `from`. */
export function checkPeriod(from: string, to: string): void {
  for (const [field, v] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isCalendarDate(v))
      throw new DomainError('validation.failed', `${field} must be a date yyyy-mm-dd, got "${v}"`, { field });
  }
  if (to < from) throw new DomainError('validation.failed', `to ${to} is before from ${from}`, { field: 'to' });
}

export interface AbcLine {
  itemId: string;
  value: Dec;
}
export interface AbcResult {
  itemId: string;
  value: string;
  share: string;
  cumulativeShare: string;
  abcClass: 'A' | 'B' | 'C';
}

/**
 * Sorts items by consumption value (descending, ties by id) and cuts at the cumulative shares: an item is A
 * while the share of the items before it is below thresholdA (so the item crossing 80 % is still A), B while
 * below thresholdB, else C. Items with no consumption are C.
 */
export function classifyAbc(lines: AbcLine[], t: AbcThresholds): AbcResult[] {
  const total = lines.reduce((s, l) => s.plus(l.value.gt(0) ? l.value : 0), new Dec(0));
  const sorted = [...lines].sort(
    (x, y) => y.value.comparedTo(x.value) || (BigInt(x.itemId) < BigInt(y.itemId) ? -1 : 1),
  );
  let before = new Dec(0);
  return sorted.map((l) => {
    const value = l.value.gt(0) ? l.value : new Dec(0);
    const share = total.isZero() ? new Dec(0) : value.times(100).dividedBy(total);
    const cls = value.isZero() ? 'C' : before.lt(t.a) ? 'A' : before.lt(t.b) ? 'B' : 'C';
    before = before.plus(share);
    return {
      itemId: l.itemId,
      value: decText(value),
      share: share.toDecimalPlaces(4).toFixed(),
      cumulativeShare: before.toDecimalPlaces(4).toFixed(),
      abcClass: cls,
    };
  });
}
