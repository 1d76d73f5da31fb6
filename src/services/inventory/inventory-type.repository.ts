// Statements on the inventory-type aggregate (SPEC §4.1): the type row, its two numbering schemes
// (number_sequences rows) and the transaction keys its rules check. No rules here: the type rules live in
// domain/inventory/inventory-type.ts, the numbering rule (never hand a number out twice) in the use case.
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { KeyKind } from '../../domain/inventory/inventory.js';
import type { NumberSequencesTable } from '../../storage/tables/core.tables.js';
import type { InventoryTypesTable } from '../../storage/tables/inventory.tables.js';
import { type Tx, found } from '../context.js';

export type InventoryTypeRow = Selectable<InventoryTypesTable>;
export type NumberSequenceRow = Selectable<NumberSequencesTable>;

/** The kind of each named transaction key that exists (codes that are null or empty are skipped). */
export async function keyKinds(trx: Tx, codes: (string | null | undefined)[]): Promise<Map<string, KeyKind>> {
  const wanted = codes.filter((c): c is string => !!c);
  if (wanted.length === 0) return new Map();
  const rows = await trx.selectFrom('transactionKeys').select(['code', 'kind']).where('code', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.code, r.kind]));
}

// Numbering schemes ---------------------------------------------------------------------------------------

export async function findSequence(trx: Tx, code: string): Promise<NumberSequenceRow | undefined> {
  return trx.selectFrom('numberSequences').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The scheme's key only, when it exists. */
export async function sequenceKey(trx: Tx, code: string): Promise<{ code: string } | undefined> {
  return trx.selectFrom('numberSequences').select('code').where('code', '=', code).executeTakeFirst();
}

export async function sequencesOf(trx: Tx, codes: readonly string[]): Promise<NumberSequenceRow[]> {
  return trx
    .selectFrom('numberSequences')
    .selectAll()
    .where('code', 'in', [...codes])
    .execute();
}

export async function insertSequence(trx: Tx, values: Insertable<NumberSequencesTable>): Promise<void> {
  await trx.insertInto('numberSequences').values(values).execute();
}

export async function updateSequence(trx: Tx, code: string, set: Updateable<NumberSequencesTable>): Promise<void> {
  await trx.updateTable('numberSequences').set(set).where('code', '=', code).execute();
}

/** Hands out the next number of a scheme atomically: concurrent callers never get the same value. */
export async function allocateNumbers(
  trx: Tx,
  code: string,
  count = 1,
): Promise<{ first: number; prefix: string; width: number }> {
  const r = await sql<{ first: string; prefix: string; width: number }>`
    update number_sequences set next_value = next_value + ${count} where code = ${code}
    returning next_value - ${count} as first, prefix, width`.execute(trx);
  const row = found(r.rows[0], `numbering scheme ${code}`);
  return { first: Number(row.first), prefix: row.prefix, width: row.width };
}

// The type row ---------------------------------------------------------------------------------------------

export async function findType(trx: Tx, id: string, lock = false): Promise<InventoryTypeRow | undefined> {
  const q = trx.selectFrom('inventoryTypes').selectAll().where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/** The type's key only, when it exists. */
export async function typeKey(trx: Tx, id: string): Promise<{ id: string } | undefined> {
  return trx.selectFrom('inventoryTypes').select('id').where('id', '=', id).executeTakeFirst();
}

/** The numbering scheme a type's inventories take their numbers from. */
export async function typeInventorySequence(
  trx: Tx,
  id: string,
): Promise<{ inventorySequenceCode: string } | undefined> {
  return trx.selectFrom('inventoryTypes').select('inventorySequenceCode').where('id', '=', id).executeTakeFirst();
}

export async function typeCodeTaken(trx: Tx, code: string): Promise<boolean> {
  return (
    (await trx.selectFrom('inventoryTypes').select('id').where('code', '=', code).executeTakeFirst()) !== undefined
  );
}

/** Whether any inventory is of the type (its rules are then fixed and it cannot be deleted). */
export async function typeInUse(trx: Tx, id: string): Promise<boolean> {
  return (
    (await trx.selectFrom('inventories').select('id').where('typeId', '=', id).limit(1).executeTakeFirst()) !==
    undefined
  );
}

/** Every type's id, in code order. */
export async function typeIdsByCode(trx: Tx): Promise<string[]> {
  return (await trx.selectFrom('inventoryTypes').select('id').orderBy('code').execute()).map((r) => r.id);
}

export async function insertType(trx: Tx, values: Insertable<InventoryTypesTable>): Promise<string> {
  return (await trx.insertInto('inventoryTypes').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateType(trx: Tx, id: string, set: Updateable<InventoryTypesTable>): Promise<void> {
  await trx.updateTable('inventoryTypes').set(set).where('id', '=', id).execute();
}

export async function deleteType(trx: Tx, id: string): Promise<void> {
  await trx.deleteFrom('inventoryTypes').where('id', '=', id).execute();
}
