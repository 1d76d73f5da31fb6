// Opening stock of the demo, written set-based exactly as the ledger module would have posted it: per stock
// position one receipt (key RCP) at the item's price, for some positions a later issue (key ISS), the balance
// row = sum of its entries, and the moving-average valuations per item and per item × warehouse (one receipt
// price per item, so the average is that price; issues leave it unchanged). The posting core (locks, periods,
// valuation per posting) wrote about 800 receipt lines a second on PGlite where these statements wrote
// about 16,000 positions, so the demo's 10^6 positions are loaded here rather than posted.
//
// Position p (0 … positions−1) is slot s of item j (item-major); its place is (offset_j + s·step) mod places
// with step coprime to places, so one item never repeats a place and every position key is unique by
// construction.
import type { Tx } from '../context.js';
import type { DemoIds } from './demo-master.js';
import type { DemoPlan } from './demo-plan.js';
import { type PositionSlots, insertOpeningPositions } from './demo-stock.repository.js';

export const ORIGIN_TYPE = 'demo';

export interface StockContext {
  plan: DemoPlan;
  ids: DemoIds;
  now: Date;
  /** First day of the period the postings fall into, and how many days after it are allowed (up to today). */
  periodStart: string;
  days: number;
}

/**
 * Item-major slots: the first `positions mod items` items get one position more than the others.
 * Consecutive positions of one item keep the inserts into the item-keyed indexes (ledger, balances) nearly
 * sequential, which matters once those indexes outgrow the buffer cache (PGlite's especially).
 */
export function positionSlots(plan: DemoPlan): PositionSlots {
  const k = Math.floor(plan.positions / plan.items);
  const rem = plan.positions % plan.items;
  return { head: rem * (k + 1), longItems: rem, longRun: k + 1, run: Math.max(k, 1) };
}

/** Loads positions [from, to): ledger entries and balances. */
export async function loadPositions(trx: Tx, c: StockContext, from: number, to: number): Promise<void> {
  const { plan, ids } = c;
  await insertOpeningPositions(
    trx,
    {
      seed: plan.seed,
      places: plan.places,
      placeStep: plan.placeStep,
      slots: positionSlots(plan),
      siteId: ids.siteId,
      ownerId: ids.ownerId,
      consignmentOwnerId: ids.consignmentOwnerId,
      userId: ids.managerId,
      now: c.now,
      periodStart: c.periodStart,
      days: c.days,
      // One origin for the whole load (the demo run), as one document would be; it also keeps the origin index cheap.
      origin: { type: ORIGIN_TYPE, id: `seed:${plan.seed}` },
    },
    from,
    to,
  );
}
