// Statements of the count lists of an inventory as the generation dialog shows them: a page of lists with
// their item counts by state, and the lists per status. `visible` is the caller's condition on `cl.id`
// (a counter sees only their own lists).
import type { Expression, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { CountListStatus } from '../../storage/tables/inventory.tables.js';
import type { Tx } from '../context.js';

/**
 * One more list than `limit` tells that there is a next page. `counts` is a JSON array of the list's items:
 * [all, informational, open to count, reported, closed].
 */
export async function findListPage(
  trx: Tx,
  inventoryId: string,
  visible: Expression<SqlBool>,
  page: { status?: CountListStatus | undefined; limit: number; offset: number },
) {
  let q = trx
    .selectFrom('countLists as cl')
    .selectAll('cl')
    .where('cl.inventoryId', '=', inventoryId)
    .where(visible)
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
  return q
    .orderBy('cl.number')
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
}

/** The inventory's visible lists per status. */
export async function countListsByStatus(
  trx: Tx,
  inventoryId: string,
  visible: Expression<SqlBool>,
): Promise<{ status: CountListStatus; n: string }[]> {
  return trx
    .selectFrom('countLists as cl')
    .select(['cl.status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('cl.inventoryId', '=', inventoryId)
    .where(visible)
    .groupBy('cl.status')
    .execute();
}
