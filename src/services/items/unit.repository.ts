// Statements of the units of measure (table units).
import type { Tx } from '../context.js';
import { type PageInput, escapeLike } from '../places/support.js';

export interface UnitView {
  code: string;
  description: string;
  decimals: number;
}
export interface UnitFilter extends PageInput {
  q?: string | undefined;
}

const COLUMNS = ['code', 'description', 'decimals'] as const;

/** A page of units by code (one more than `limit`); `q` matches the start of the code or any part of the description. */
export async function selectUnits(db: Tx, f: UnitFilter): Promise<UnitView[]> {
  let q = db.selectFrom('units').select(COLUMNS);
  if (f.q) {
    const t = escapeLike(f.q.toLowerCase());
    q = q.where((eb) =>
      eb.or([eb(eb.fn('lower', ['code']), 'like', `${t}%`), eb(eb.fn('lower', ['description']), 'like', `%${t}%`)]),
    );
  }
  return q
    .orderBy('code')
    .limit(f.limit + 1)
    .offset(f.offset)
    .execute();
}

/** The unit `code`; `lock` takes a row lock for the rest of the transaction. */
export async function findUnit(db: Tx, code: string, lock = false): Promise<UnitView | undefined> {
  const q = db.selectFrom('units').select(COLUMNS).where('code', '=', code);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/** Which of `codes` are units. */
export async function selectExistingUnitCodes(trx: Tx, codes: string[]): Promise<Set<string>> {
  return new Set(
    (await trx.selectFrom('units').select('code').where('code', 'in', codes).execute()).map((u) => u.code),
  );
}

/** The codes of all units (an import checks a whole file against them). */
export async function selectAllUnitCodes(trx: Tx): Promise<Set<string>> {
  return new Set((await trx.selectFrom('units').select('code').execute()).map((u) => u.code));
}

export async function insertUnit(trx: Tx, row: UnitView): Promise<UnitView> {
  return trx.insertInto('units').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
}

export async function updateUnitRow(trx: Tx, code: string, set: Partial<Omit<UnitView, 'code'>>): Promise<UnitView> {
  return trx.updateTable('units').set(set).where('code', '=', code).returning(COLUMNS).executeTakeFirstOrThrow();
}

/** Deletes the unit; false when there was none. */
export async function deleteUnitRow(trx: Tx, code: string): Promise<boolean> {
  return (await trx.deleteFrom('units').where('code', '=', code).returning('code').executeTakeFirst()) !== undefined;
}
