// Statements of automatic coding: item classes (table item_classes) with their counter in number_sequences,
// the number sequences themselves (item codes per class, generated EAN-8/EAN-13) and item templates.
import { type Insertable, type Selectable, type Updateable, sql } from 'kysely';
import type { NumberSequencesTable } from '../../storage/tables/core.tables.js';
import type { ItemClassesTable, ItemTemplatesTable } from '../../storage/tables/item-master.tables.js';
import type { Tx } from '../context.js';

export interface ItemClassView {
  code: string;
  description: string;
  prefix: string;
  width: number;
  nextValue: string;
  isDefault: boolean;
}

export interface TemplateView {
  id: string;
  code: string;
  description: string;
  referenceItemId: string;
  referenceItemCode: string;
}

export type ItemClassRow = Selectable<ItemClassesTable>;
export type NumberSequenceRow = Selectable<NumberSequencesTable>;

/** The item class with the prefix, width and next value of its number sequence. */
export async function findItemClassView(trx: Tx, code: string): Promise<ItemClassView | undefined> {
  const r = await trx
    .selectFrom('itemClasses')
    .innerJoin('numberSequences', 'numberSequences.code', 'itemClasses.sequenceCode')
    .select([
      'itemClasses.code',
      'itemClasses.description',
      'numberSequences.prefix',
      'numberSequences.width',
      'numberSequences.nextValue',
      'itemClasses.isDefault',
    ])
    .where('itemClasses.code', '=', code)
    .executeTakeFirst();
  return r && { ...r, nextValue: String(r.nextValue) };
}

export async function selectItemClassCodes(db: Tx): Promise<string[]> {
  return (await db.selectFrom('itemClasses').select('code').orderBy('code').execute()).map((c) => c.code);
}

export async function findItemClass(trx: Tx, code: string): Promise<ItemClassRow | undefined> {
  return trx.selectFrom('itemClasses').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findDefaultItemClass(trx: Tx): Promise<ItemClassRow | undefined> {
  return trx.selectFrom('itemClasses').selectAll().where('isDefault', '=', true).executeTakeFirst();
}

export async function insertItemClass(trx: Tx, row: Insertable<ItemClassesTable>): Promise<void> {
  await trx.insertInto('itemClasses').values(row).execute();
}

export async function updateItemClassRow(
  trx: Tx,
  code: string,
  set: Pick<Updateable<ItemClassesTable>, 'description' | 'isDefault'>,
): Promise<void> {
  await trx.updateTable('itemClasses').set(set).where('code', '=', code).execute();
}

/** Makes `code` the one default class: the old default loses the mark in the same transaction. */
export async function setDefaultItemClass(trx: Tx, code: string): Promise<void> {
  await trx
    .updateTable('itemClasses')
    .set({ isDefault: false })
    .where('isDefault', '=', true)
    .where('code', '<>', code)
    .execute();
  await trx.updateTable('itemClasses').set({ isDefault: true }).where('code', '=', code).execute();
}

export async function findNumberSequence(trx: Tx, code: string): Promise<NumberSequenceRow | undefined> {
  return trx.selectFrom('numberSequences').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function selectNumberSequences(db: Tx, codes: string[]): Promise<NumberSequenceRow[]> {
  return db.selectFrom('numberSequences').selectAll().where('code', 'in', codes).orderBy('code').execute();
}

export async function insertNumberSequence(trx: Tx, row: Insertable<NumberSequencesTable>): Promise<void> {
  await trx.insertInto('numberSequences').values(row).execute();
}

export async function updateNumberSequence(
  trx: Tx,
  code: string,
  set: Pick<Updateable<NumberSequencesTable>, 'prefix' | 'width' | 'nextValue'>,
): Promise<void> {
  await trx.updateTable('numberSequences').set(set).where('code', '=', code).execute();
}

/** Creates the sequence or replaces its prefix, width and next value. */
export async function upsertNumberSequence(
  trx: Tx,
  row: { code: string; prefix: string; width: number; nextValue: string },
): Promise<void> {
  const { prefix, width, nextValue } = row;
  await trx
    .insertInto('numberSequences')
    .values(row)
    .onConflict((oc) => oc.column('code').doUpdateSet({ prefix, width, nextValue }))
    .execute();
}

/**
 * Takes `count` numbers from a sequence atomically (the UPDATE locks the row until commit, so two creations
 * never get the same number): the first one with the sequence's prefix and width; undefined without it.
 */
export async function takeSequenceNumbers(
  trx: Tx,
  code: string,
  count: number,
): Promise<{ first: bigint; prefix: string; width: number } | undefined> {
  const { rows } = await sql<{ first: string; prefix: string; width: number }>`
    update number_sequences set next_value = next_value + ${count} where code = ${code}
    returning next_value - ${count} as first, prefix, width`.execute(trx);
  const r = rows[0];
  return r && { first: BigInt(r.first), prefix: r.prefix, width: Number(r.width) };
}

export async function selectTemplates(db: Tx): Promise<TemplateView[]> {
  return db
    .selectFrom('itemTemplates')
    .innerJoin('items', 'items.id', 'itemTemplates.referenceItemId')
    .select([
      'itemTemplates.id',
      'itemTemplates.code',
      'itemTemplates.description',
      'itemTemplates.referenceItemId',
      'items.code as referenceItemCode',
    ])
    .orderBy('itemTemplates.code')
    .execute();
}

export async function findTemplateByCode(trx: Tx, code: string): Promise<Selectable<ItemTemplatesTable> | undefined> {
  return trx.selectFrom('itemTemplates').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertTemplate(
  trx: Tx,
  row: Insertable<ItemTemplatesTable>,
): Promise<Omit<TemplateView, 'referenceItemCode'>> {
  return trx
    .insertInto('itemTemplates')
    .values(row)
    .returning(['id', 'code', 'description', 'referenceItemId'])
    .executeTakeFirstOrThrow();
}

/** Deletes the template; false when there was none. */
export async function deleteTemplateRow(trx: Tx, id: string): Promise<boolean> {
  return (await trx.deleteFrom('itemTemplates').where('id', '=', id).returning('id').executeTakeFirst()) !== undefined;
}
