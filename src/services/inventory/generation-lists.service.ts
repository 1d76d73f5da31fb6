// The count lists of an inventory as the generation dialog shows them. Deleting a list is one use case for
// every list state: delete-count-list.service.ts.
import { sql } from 'kysely';
import type { CountListStatus, CountType } from '../../storage/tables/inventory.tables.js';
import { type Actor, type ServiceContext, inTransaction, requireRole } from '../context.js';
import { type CounterView, countersOf, listVisibleTo, userNames } from './count-list.service.js';
import { generationRunOf, type GenerationRunView } from './generation-job.service.js';
import { loadInventory } from './inventory.service.js';

export interface CountListSummary {
  id: string;
  number: string;
  name: string;
  countType: CountType;
  status: CountListStatus;
  statusReason: string | null;
  registrationDate: string;
  countDate: string | null;
  openedAt: string | null;
  closedAt: string | null;
  responsibleUserId: string | null;
  responsibleName: string | null;
  /** Assigned counters besides the responsible employee, with their names. */
  counters: CounterView[];
  warehouseId: string | null;
  items: { total: number; informational: number; open: number; reported: number; closed: number };
}

export interface CountListPage {
  items: CountListSummary[];
  nextOffset: number | null;
  /** Lists of the inventory per status (all pages). */
  statusCounts: Partial<Record<CountListStatus, number>>;
  /** A generation running as a job, or stopped part-way (its lists are partially generated). */
  generation: GenerationRunView | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function listCountLists(
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
  page: { status?: CountListStatus | undefined; limit: number; offset: number },
): Promise<CountListPage> {
  requireRole(actor, 'counter');
  return inTransaction(ctx, async (trx) => {
    await loadInventory(trx, actor, inventoryId);
    // A counter sees only their own lists, in the page and in the status counts.
    let q = trx
      .selectFrom('countLists as cl')
      .selectAll('cl')
      .where('cl.inventoryId', '=', inventoryId)
      .where(listVisibleTo(actor, 'cl.id'))
      .select((eb) => [
        eb
          .selectFrom('countListItems as ci')
          .whereRef('ci.countListId', '=', 'cl.id')
          .select(
            sql<string>`json_build_array(count(*), count(*) filter (where ci.informational), count(*) filter (where ci.status = 'open' and not ci.informational),
            count(*) filter (where ci.status = 'reported'), count(*) filter (where ci.status = 'closed'))::text`.as(
              'c',
            ),
          )
          .as('counts'),
      ]);
    if (page.status) q = q.where('cl.status', '=', page.status);
    const rows = await q
      .orderBy('cl.number')
      .limit(page.limit + 1)
      .offset(page.offset)
      .execute();
    const statusRows = await trx
      .selectFrom('countLists as cl')
      .select(['cl.status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('cl.inventoryId', '=', inventoryId)
      .where(listVisibleTo(actor, 'cl.id'))
      .groupBy('cl.status')
      .execute();
    const shown = rows.slice(0, page.limit);
    const counters = await countersOf(
      trx,
      shown.map((r) => r.id),
    );
    const names = await userNames(
      trx,
      shown.map((r) => r.responsibleUserId),
    );
    const items = shown.map((r): CountListSummary => {
      const [total, informational, open, reported, closed] = (JSON.parse(r.counts ?? '[0,0,0,0,0]') as number[]).map(
        Number,
      );
      return {
        id: r.id,
        number: r.number,
        name: r.name,
        countType: r.countType,
        status: r.status,
        statusReason: r.statusReason,
        registrationDate: r.registrationDate,
        countDate: r.countDate,
        openedAt: iso(r.openedAt),
        closedAt: iso(r.closedAt),
        responsibleUserId: r.responsibleUserId,
        responsibleName: r.responsibleUserId === null ? null : (names.get(r.responsibleUserId) ?? null),
        counters: counters.get(r.id) ?? [],
        warehouseId: r.warehouseId,
        items: { total: total!, informational: informational!, open: open!, reported: reported!, closed: closed! },
      };
    });
    return {
      items,
      nextOffset: rows.length > page.limit ? page.offset + page.limit : null,
      statusCounts: Object.fromEntries(statusRows.map((s) => [s.status, Number(s.n)])),
      generation: await generationRunOf(trx, inventoryId),
    };
  });
}
