// Statements of the classification code tables (table classification_codes: one table, a kind per
// classification — product group, brand, family, …).
import type { ClassificationKind } from '../../domain/items/item.js';
import type { Tx } from '../context.js';
import { type PageInput, escapeLike } from '../places/support.js';

export interface ClassificationView {
  kind: ClassificationKind;
  code: string;
  description: string;
}
export interface ClassificationFilter extends PageInput {
  kind?: ClassificationKind | undefined;
  /** Words of the description, matched anywhere (lower-cased). */
  q?: string | undefined;
  codePrefix?: string | undefined;
}

const COLUMNS = ['kind', 'code', 'description'] as const;

/** A page of codes by kind and code (one more than `limit`). */
export async function selectClassifications(db: Tx, f: ClassificationFilter): Promise<ClassificationView[]> {
  let q = db.selectFrom('classificationCodes').select(COLUMNS);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.codePrefix) q = q.where('code', 'like', `${escapeLike(f.codePrefix)}%`);
  if (f.q) q = q.where((eb) => eb(eb.fn('lower', ['description']), 'like', `%${escapeLike(f.q!.toLowerCase())}%`));
  const rows = await q
    .orderBy('kind')
    .orderBy('code')
    .limit(f.limit + 1)
    .offset(f.offset)
    .execute();
  return rows as ClassificationView[];
}

/** Which of the (kind, code) pairs exist, as `kind|code` keys. */
export async function selectExistingClassifications(
  trx: Tx,
  pairs: { kind: ClassificationKind; code: string }[],
): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await trx
    .selectFrom('classificationCodes')
    .select(['kind', 'code'])
    .where((eb) => eb.or(pairs.map((p) => eb.and([eb('kind', '=', p.kind), eb('code', '=', p.code)]))))
    .execute();
  return new Set(rows.map((r) => `${r.kind}|${r.code}`));
}

/** Every code of every kind as `kind|code` keys (an import checks a whole file against them). */
export async function selectAllClassificationKeys(trx: Tx): Promise<Set<string>> {
  const rows = await trx.selectFrom('classificationCodes').select(['kind', 'code']).execute();
  return new Set(rows.map((c) => `${c.kind}|${c.code}`));
}

export async function insertClassification(trx: Tx, row: ClassificationView): Promise<ClassificationView> {
  return (await trx
    .insertInto('classificationCodes')
    .values(row)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow()) as ClassificationView;
}

/** The changed code, or undefined when there is none. */
export async function updateClassificationDescription(
  trx: Tx,
  kind: ClassificationKind,
  code: string,
  description: string,
): Promise<ClassificationView | undefined> {
  return (await trx
    .updateTable('classificationCodes')
    .set({ description })
    .where('kind', '=', kind)
    .where('code', '=', code)
    .returning(COLUMNS)
    .executeTakeFirst()) as ClassificationView | undefined;
}

/** Deletes the code; false when there was none. */
export async function deleteClassificationRow(trx: Tx, kind: ClassificationKind, code: string): Promise<boolean> {
  const row = await trx
    .deleteFrom('classificationCodes')
    .where('kind', '=', kind)
    .where('code', '=', code)
    .returning('code')
    .executeTakeFirst();
  return row !== undefined;
}
