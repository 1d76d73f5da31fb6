// Statements of the two small code tables, sites and stock owners: the same columns (id, code, name) and the
// same queries, so one set of functions serves both. Who may read or write which table is the service's.
import type { Tx } from '../context.js';
import { type PageInput, escapeLike } from './support.js';

export type CodeTable = 'sites' | 'owners';
export interface CodeNameView {
  id: string;
  code: string;
  name: string;
}
export interface CodeNameFilter extends PageInput {
  q?: string | undefined;
}
type CodeName = { code: string; name: string };

const COLUMNS = ['id', 'code', 'name'] as const;

/**
 * A page of rows (one more than `limit`) by code; `onlyId` limits the rows to that one id (a site-bound
 * user's own site). `q` matches the start of the code or any part of the name, case-insensitive.
 */
export async function listCodeNames(
  trx: Tx,
  table: CodeTable,
  onlyId: string | null,
  f: CodeNameFilter,
): Promise<CodeNameView[]> {
  let q = trx.selectFrom(table).select(COLUMNS);
  if (onlyId !== null) q = q.where('id', '=', onlyId);
  if (f.q) {
    const t = escapeLike(f.q.toLowerCase());
    q = q.where((eb) =>
      eb.or([eb(eb.fn('lower', ['code']), 'like', `${t}%`), eb(eb.fn('lower', ['name']), 'like', `%${t}%`)]),
    );
  }
  return q
    .orderBy('code')
    .limit(f.limit + 1)
    .offset(f.offset)
    .execute();
}

export async function findCodeName(trx: Tx, table: CodeTable, id: string): Promise<CodeNameView | undefined> {
  return trx.selectFrom(table).select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function insertCodeName(trx: Tx, table: CodeTable, input: CodeName): Promise<CodeNameView> {
  return trx
    .insertInto(table)
    .values({ code: input.code, name: input.name })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

/** The changed row, or undefined when there is no row with this id. */
export async function updateCodeName(
  trx: Tx,
  table: CodeTable,
  id: string,
  set: Partial<CodeName>,
): Promise<CodeNameView | undefined> {
  return trx.updateTable(table).set(set).where('id', '=', id).returning(COLUMNS).executeTakeFirst();
}

/** The deleted row's id, or undefined when there is no row with this id. */
export async function deleteCodeName(trx: Tx, table: CodeTable, id: string): Promise<{ id: string } | undefined> {
  return trx.deleteFrom(table).where('id', '=', id).returning('id').executeTakeFirst();
}
