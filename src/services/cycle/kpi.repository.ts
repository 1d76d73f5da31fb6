// The SQL of the cycle-counting KPIs (docs/cycle-counting.md): count accuracy from the closed count-list
// lines, and the value of the posted differences per month from the ledger.
import { sql } from 'kysely';
import type { Tx } from '../context.js';
import { toleranceOfType, withinToleranceSql } from '../inventory/tolerance.repository.js';

export interface AccuracyRow {
  planClass: 'A' | 'B' | 'C';
  counted: string;
  noDifference: string;
  withinTolerance: string;
}

/**
 * Lines closed in [from, to] whose count was posted, by the item's ABC class (none: C): how many, how many
 * posted no difference, and how many posted a difference within their inventory type's tolerance — the
 * rule of domain/inventory/tolerance.ts `withinTolerance` (percent of the target, |difference| × the price
 * the ledger used, both inclusive; a type without a tolerance allows no difference).
 */
export async function selectAccuracy(trx: Tx, siteId: string, from: string, to: string): Promise<AccuracyRow[]> {
  const { rows } = await sql<AccuracyRow>`
    select coalesce(i.abc_class, 'C') as plan_class, count(*)::text as counted,
      count(*) filter (where ci.posted_quantity = 0)::text as no_difference,
      count(*) filter (where ${withinToleranceSql({
        difference: sql`ci.posted_quantity`,
        target: sql`ci.target_quantity`,
        price: sql`ci.unit_price`,
        ...toleranceOfType('ty'),
      })})::text as within_tolerance
    from count_list_items ci join items i on i.id = ci.item_id
      join inventories inv on inv.id = ci.inventory_id join inventory_types ty on ty.id = inv.type_id
    where ci.site_id = ${siteId} and ci.closed_at >= ${from}::date and ci.closed_at < ${to}::date + 1
      and not ci.informational and ci.posted_quantity is not null
    group by 1`.execute(trx);
  return rows;
}

export interface DifferenceMonthRow {
  month: string;
  planClass: 'A' | 'B' | 'C';
  gains: string;
  losses: string;
  net: string;
}

/** Inventory differences in the ledger (closing a count list or an inventory) per month and class. */
export async function selectDifferenceValues(
  trx: Tx,
  siteId: string,
  from: string,
  to: string,
): Promise<DifferenceMonthRow[]> {
  const { rows } = await sql<DifferenceMonthRow>`
    select to_char(l.posting_date, 'YYYY-MM') as month, coalesce(i.abc_class, 'C') as plan_class,
      coalesce(sum(l.value) filter (where l.value > 0), 0)::text as gains,
      coalesce(-sum(l.value) filter (where l.value < 0), 0)::text as losses, sum(l.value)::text as net
    from stock_ledger l join items i on i.id = l.item_id
    where l.site_id = ${siteId} and l.origin_type in ('count_list', 'inventory')
      and l.posting_date between ${from}::date and ${to}::date
    group by 1, 2 order by 1, 2`.execute(trx);
  return rows;
}
