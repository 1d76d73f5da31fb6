// The statements of the handheld's lists (docs/counting.md): a list with its inventory as the handheld shows
// it, the signed-in user's open lists (responsible for or assigned to), their item counts and places, and a
// page of a list's items. Who may see what is decided in handheld-list.service.ts.
import { sql } from 'kysely';
import { likeEscape } from '../../domain/items/item.js';
import type { CountListStatus } from '../../storage/tables/inventory.tables.js';
import type { Tx } from '../context.js';
import { counterIdsOf } from '../inventory/count-list.repository.js';
import type { SiteScope } from '../site-scope.js';
import { siteIs } from '../site-scope.repository.js';

function listQuery(trx: Tx) {
  return trx
    .selectFrom('countLists as cl')
    .innerJoin('inventories as inv', 'inv.id', 'cl.inventoryId')
    .innerJoin('inventoryTypes as it', 'it.id', 'inv.typeId')
    .leftJoin('warehouses as w', 'w.id', 'cl.warehouseId')
    .select([
      'cl.id',
      'cl.siteId',
      'cl.number',
      'cl.name',
      'cl.countType',
      'cl.status',
      'cl.countDate',
      'cl.warehouseId',
      'w.code as warehouseCode',
      'cl.responsibleUserId',
      'inv.id as inventoryId',
      'inv.number as inventoryNumber',
      'inv.description as inventoryDescription',
      'inv.stockTakingDate',
      'it.keepLocation',
      'inv.reportType',
      'inv.showSystemQuantities',
      'inv.singleReportingRequired',
    ]);
}

/** A list with its inventory and type, as the handheld shows it. */
export type HandheldListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['executeTakeFirstOrThrow']>>;

/** The list by primary key, with its assigned counters (who may count on it is decided on them). */
export async function findHandheldList(
  trx: Tx,
  listId: string,
): Promise<(HandheldListRow & { counterUserIds: string[] }) | undefined> {
  return listQuery(trx)
    .select(counterIdsOf('cl.id').as('counterUserIds'))
    .where('cl.id', '=', listId)
    .executeTakeFirst();
}

function likePattern(q: string): string {
  return `%${likeEscape(q)}%`;
}

/**
 * The user's lists in the given statuses — responsible for (count_lists_responsible_idx) or assigned to
 * (count_list_counters_user_idx) — newest first, searchable by inventory and list (number, description, name).
 * Up to limit + 1 rows, so the caller can tell whether there is a next page.
 */
export async function selectHandheldLists(
  trx: Tx,
  userId: string,
  scope: SiteScope,
  f: { statuses: readonly CountListStatus[]; q: string | undefined; limit: number; offset: number },
): Promise<HandheldListRow[]> {
  let query = listQuery(trx)
    .where('cl.status', 'in', [...f.statuses])
    .where('cl.id', 'in', (eb) =>
      eb
        .selectFrom('countLists as r')
        .select('r.id')
        .where('r.responsibleUserId', '=', userId)
        .unionAll(eb.selectFrom('countListCounters as c').select('c.countListId as id').where('c.userId', '=', userId)),
    );
  query = query.where(siteIs('cl.siteId', scope));
  if (f.q) {
    const p = likePattern(f.q.toLowerCase());
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['inv.number']), 'like', p),
        eb(eb.fn('lower', ['inv.description']), 'like', p),
        eb(eb.fn('lower', ['cl.number']), 'like', p),
        eb(eb.fn('lower', ['cl.name']), 'like', p),
      ]),
    );
  }
  return query
    .orderBy('cl.openedAt', 'desc')
    .orderBy('cl.id', 'desc')
    .limit(f.limit + 1)
    .offset(f.offset)
    .execute();
}

export interface ListCountsRow {
  countListId: string;
  items: string;
  reported: string;
  firstBin: string | null;
  lastBin: string | null;
  zones: string[] | null;
}

/** Per list: its non-informational lines, those reported, its zones (up to 5) and first and last bin code. */
export async function selectListCounts(trx: Tx, listIds: readonly string[]): Promise<ListCountsRow[]> {
  if (listIds.length === 0) return [];
  return trx
    .selectFrom('countListItems as li')
    .leftJoin('bins as b', 'b.id', 'li.binId')
    .leftJoin('zones as z', 'z.id', 'li.zoneId')
    .select((eb) => [
      'li.countListId',
      eb.fn.countAll<string>().as('items'),
      eb.fn.countAll<string>().filterWhere('li.status', '<>', 'open').as('reported'),
      sql<string | null>`min(b.code)`.as('firstBin'),
      sql<string | null>`max(b.code)`.as('lastBin'),
      sql<string[] | null>`(array_agg(distinct z.code) filter (where z.code is not null))[1:5]`.as('zones'),
    ])
    .where('li.countListId', 'in', [...listIds])
    .where('li.informational', '=', false)
    .groupBy('li.countListId')
    .execute();
}

/**
 * A page of the list's non-informational items in line order (count_list_items_list_line_idx), with the
 * article, warehouse, zone and bin codes; optionally only open ones, only in these bins. Up to limit + 1 rows.
 */
export async function selectHandheldItems(
  trx: Tx,
  listId: string,
  f: { binIds?: readonly string[] | undefined; onlyOpen?: boolean | undefined; limit: number; offset: number },
) {
  let query = trx
    .selectFrom('countListItems as li')
    .leftJoin('items as i', 'i.id', 'li.itemId')
    .innerJoin('warehouses as w', 'w.id', 'li.warehouseId')
    .leftJoin('zones as z', 'z.id', 'li.zoneId')
    .leftJoin('bins as b', 'b.id', 'li.binId')
    .select([
      'li.id',
      'li.lineNo',
      'li.itemId',
      'i.code as itemCode',
      'i.description',
      'i.primaryUnit as unit',
      'i.lotManagement',
      'i.serialManagement',
      'w.code as warehouseCode',
      'z.code as zoneCode',
      'li.binId',
      'b.code as binCode',
      'li.lot',
      'li.serial',
      'li.status',
      'li.reportedQuantity',
      'li.addedByCount',
      'li.targetQuantity',
    ])
    .where('li.countListId', '=', listId)
    .where('li.informational', '=', false);
  if (f.onlyOpen) query = query.where('li.status', '=', 'open');
  if (f.binIds !== undefined) query = query.where('li.binId', 'in', [...f.binIds]);
  return query
    .orderBy('li.lineNo')
    .orderBy('li.id')
    .limit(f.limit + 1)
    .offset(f.offset)
    .execute();
}
