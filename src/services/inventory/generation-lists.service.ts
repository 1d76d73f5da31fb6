// The count lists of an inventory as the generation dialog shows them. Deleting a list is one use case for
// every list state: delete-count-list.service.ts.
import type { CountListStatus, CountType } from '../../storage/tables/inventory.tables.js';
import { type Actor, type ServiceContext, inTransaction, requireRole } from '../context.js';
import { type CounterView, countersOf, listVisibleTo, userNames } from './count-list.repository.js';
import { generationRunOf, type GenerationRunView } from './generation-job.service.js';
import { countListsByStatus, findListPage } from './generation-lists.repository.js';
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
    const rows = await findListPage(trx, inventoryId, listVisibleTo(actor, 'cl.id'), page);
    const statusRows = await countListsByStatus(trx, inventoryId, listVisibleTo(actor, 'cl.id'));
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
