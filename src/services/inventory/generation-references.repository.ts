// Statements of count-list generation that look up what its parameters and its inventory refer to: the
// accounting period of the stock-taking date, the fiscal year's start, the warehouses, zones and employees
// named, the numbering scheme's list size, and the warehouses a list's responsible employee comes from.
import type { Tx } from '../context.js';

/** A closed accounting period containing the date, if any. */
export async function findClosedPeriodOn(trx: Tx, date: string): Promise<{ code: string } | undefined> {
  return trx
    .selectFrom('accountingPeriods')
    .select('code')
    .where('status', '=', 'closed')
    .where('startDate', '<=', date)
    .where('endDate', '>=', date)
    .executeTakeFirst();
}

/** The first day of the fiscal year's accounting periods; null when it has none. */
export async function firstPeriodStart(trx: Tx, fiscalYear: number): Promise<string | null> {
  const r = await trx
    .selectFrom('accountingPeriods')
    .select((eb) => eb.fn.min('startDate').as('start'))
    .where('fiscalYear', '=', fiscalYear)
    .executeTakeFirst();
  return (r?.start as string | null | undefined) ?? null;
}

/** Which of the ids are rows of the table on the site. */
export async function idsOnSite(
  trx: Tx,
  table: 'warehouses' | 'zones',
  ids: readonly string[],
  siteId: string,
): Promise<{ id: string }[]> {
  return trx
    .selectFrom(table)
    .select('id')
    .where('id', 'in', [...ids])
    .where('siteId', '=', siteId)
    .execute();
}

export async function findActiveUser(trx: Tx, id: string): Promise<{ id: string } | undefined> {
  return trx.selectFrom('users').select('id').where('id', '=', id).where('active', '=', true).executeTakeFirst();
}

export async function findUsers(
  trx: Tx,
  ids: readonly string[],
): Promise<{ id: string; siteId: string | null; active: boolean }[]> {
  return trx
    .selectFrom('users')
    .select(['id', 'siteId', 'active'])
    .where('id', 'in', [...ids])
    .execute();
}

/** The numbering scheme's default number of items per list. */
export async function findSequenceMaxItems(
  trx: Tx,
  code: string,
): Promise<{ maxItemsPerList: number | null } | undefined> {
  return trx.selectFrom('numberSequences').select('maxItemsPerList').where('code', '=', code).executeTakeFirst();
}

/** The warehouses' codes, sorted. */
export async function warehouseCodes(trx: Tx, ids: readonly string[]): Promise<string[]> {
  const rows = await trx
    .selectFrom('warehouses')
    .select('code')
    .where('id', 'in', [...ids])
    .orderBy('code')
    .execute();
  return rows.map((c) => c.code);
}

export async function findWarehouseResponsible(
  trx: Tx,
  id: string,
): Promise<{ code: string; responsibleUserId: string | null } | undefined> {
  return trx.selectFrom('warehouses').select(['code', 'responsibleUserId']).where('id', '=', id).executeTakeFirst();
}
