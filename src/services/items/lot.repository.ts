// Statements of lots and of the lot and serial classes that number them (tables lots, lot_classes,
// serial_classes), and the on-hand/reserved sums an availability check judges. Taking a number is one
// UPDATE … RETURNING: the row stays locked until commit, so two requests never get the same number.
// Raw-SQL result keys come back camelCased (CamelCasePlugin), hence the camelCase row types.
import { type Insertable, type Selectable, sql } from 'kysely';
import type { LotDatePattern } from '../../domain/items/coding.js';
import type { LotsTable } from '../../storage/tables/core.tables.js';
import type { LotClassesTable, SerialClassesTable } from '../../storage/tables/item-master.tables.js';
import type { Tx } from '../context.js';

export type LotClassRow = Selectable<LotClassesTable>;
export type SerialClassRow = Selectable<SerialClassesTable>;

export async function selectLotClasses(db: Tx): Promise<LotClassRow[]> {
  return db.selectFrom('lotClasses').selectAll().orderBy('code').execute();
}

export async function findLotClass(trx: Tx, code: string): Promise<LotClassRow | undefined> {
  return trx.selectFrom('lotClasses').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertLotClass(trx: Tx, row: Insertable<LotClassesTable>): Promise<LotClassRow> {
  return trx.insertInto('lotClasses').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function selectSerialClasses(db: Tx): Promise<SerialClassRow[]> {
  return db.selectFrom('serialClasses').selectAll().orderBy('code').execute();
}

export async function findSerialClass(trx: Tx, code: string): Promise<SerialClassRow | undefined> {
  return trx.selectFrom('serialClasses').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The codes of all serial classes (an import checks a whole file against them). */
export async function selectAllSerialClassCodes(trx: Tx): Promise<Set<string>> {
  return new Set((await trx.selectFrom('serialClasses').select('code').execute()).map((c) => c.code));
}

export async function insertSerialClass(trx: Tx, row: Insertable<SerialClassesTable>): Promise<SerialClassRow> {
  return trx.insertInto('serialClasses').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Takes the next number of a lot class with its coding (prefix, date pattern, width). */
export async function takeLotClassNumber(
  trx: Tx,
  code: string,
): Promise<{ first: bigint; prefix: string; datePattern: LotDatePattern; width: number } | undefined> {
  const { rows } = await sql<{ first: string; prefix: string; datePattern: LotDatePattern; width: number }>`
    update lot_classes set next_value = next_value + 1 where code = ${code}
    returning next_value - 1 as first, prefix, date_pattern, width`.execute(trx);
  const r = rows[0];
  return r && { first: BigInt(r.first), prefix: r.prefix, datePattern: r.datePattern, width: Number(r.width) };
}

/** Takes `count` numbers of a serial class; the first one with the class's prefix and width. */
export async function takeSerialClassNumbers(
  trx: Tx,
  code: string,
  count: number,
): Promise<{ first: bigint; prefix: string; width: number } | undefined> {
  const { rows } = await sql<{ first: string; prefix: string; width: number }>`
    update serial_classes set next_value = next_value + ${count} where code = ${code}
    returning next_value - ${count} as first, prefix, width`.execute(trx);
  const r = rows[0];
  return r && { first: BigInt(r.first), prefix: r.prefix, width: Number(r.width) };
}

export interface LotRow {
  id: string;
  itemId: string;
  code: string;
  expiryDate: string | null;
  productionDate: string | null;
}

/** Records the lot unless the item already has a lot with this code (then undefined). */
export async function insertLotIfNew(trx: Tx, row: Insertable<LotsTable>): Promise<LotRow | undefined> {
  return trx
    .insertInto('lots')
    .values(row)
    .onConflict((oc) => oc.columns(['itemId', 'code']).doNothing())
    .returning(['id', 'itemId', 'code', 'expiryDate', 'productionDate'])
    .executeTakeFirst();
}

/** Quantity on hand and in open reservations of the item in the warehouse (in one lot when `lot` is given). */
export async function sumOnHandAndReserved(
  trx: Tx,
  itemId: string,
  warehouseId: string,
  lot: string | null,
): Promise<{ onHand: string; reserved: string }> {
  const { rows } = await sql<{ onHand: string; reserved: string }>`
    select
      (select coalesce(sum(quantity), 0) from stock_balances where item_id = ${itemId} and warehouse_id = ${warehouseId}
         and (${lot}::text is null or lot = ${lot}))::text as on_hand,
      (select coalesce(sum(quantity), 0) from reservations where item_id = ${itemId} and warehouse_id = ${warehouseId}
         and status = 'open' and (${lot}::text is null or lot = ${lot}))::text as reserved`.execute(trx);
  return rows[0]!;
}
