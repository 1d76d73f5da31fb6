// Helpers shared by the item-master services: item unit conversions, counters in number_sequences, the
// item-master columns of an items row and their reference checks.
import { sql } from 'kysely';
import { Dec, decText } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import { MASTER_FIELD_NAMES, type MasterFields } from '../../domain/item-master/fields.js';
import type { Conversion } from '../../domain/unit.js';
import { type Tx, found } from '../context.js';

/** Every unit the item knows, with its conversion to the primary unit: primary, secondary, search-code units. */
export async function itemConversions(
  trx: Tx,
  itemId: string,
): Promise<{ primaryUnit: string; conversions: Map<string, Conversion> }> {
  const item = found(
    await trx
      .selectFrom('items')
      .select(['primaryUnit', 'secondaryUnit', 'secondaryConversionOp', 'secondaryConversionFactor'])
      .where('id', '=', itemId)
      .executeTakeFirst(),
    `item ${itemId}`,
    'itemId',
  );
  const conversions = new Map<string, Conversion>([[item.primaryUnit, { op: 'x', factor: '1' }]]);
  if (item.secondaryUnit && item.secondaryConversionOp && item.secondaryConversionFactor) {
    conversions.set(item.secondaryUnit, { op: item.secondaryConversionOp, factor: item.secondaryConversionFactor });
  }
  const codes = await trx
    .selectFrom('itemSearchCodes')
    .select(['unit', 'conversionOp', 'conversionFactor'])
    .where('itemId', '=', itemId)
    .orderBy('isMain', 'desc')
    .orderBy('id')
    .execute();
  // The first definition of a unit wins (the item's own before search codes), so the answer is stable.
  for (const c of codes)
    if (!conversions.has(c.unit)) conversions.set(c.unit, { op: c.conversionOp, factor: c.conversionFactor });
  return { primaryUnit: item.primaryUnit, conversions };
}

/**
 * Takes `count` numbers from a number_sequences row atomically (the UPDATE locks the row until commit, so
 * two creations never get the same number) and returns the first one with the row's prefix and width.
 */
export async function takeNumbers(
  trx: Tx,
  code: string,
  count = 1,
  field = 'sequence',
): Promise<{ first: bigint; prefix: string; width: number }> {
  const { rows } = await sql<{ first: string; prefix: string; width: number }>`
    update number_sequences set next_value = next_value + ${count} where code = ${code}
    returning next_value - ${count} as first, prefix, width`.execute(trx);
  const r = rows[0];
  if (!r) throw new DomainError('reference.unknown', `numbering sequence ${code} does not exist`, { field });
  return { first: BigInt(r.first), prefix: r.prefix, width: Number(r.width) };
}

const NUMERIC_MASTER = new Set([
  'minStock',
  'maxStock',
  'reorderPoint',
  'reorderLot',
  'minReorderQuantity',
  'netWeight',
  'grossWeight',
]);

/** The item-master columns of an items row, numerics in canonical decimal text. */
export function masterView(r: Record<string, unknown>): MasterFields {
  return Object.fromEntries(
    MASTER_FIELD_NAMES.map((k) => {
      const v = r[k];
      return [k, NUMERIC_MASTER.has(k) && v !== null && v !== undefined ? decText(new Dec(v as string)) : v];
    }),
  ) as unknown as MasterFields;
}

/** Codes and ids the extension fields refer to must exist (clear errors before the foreign keys fire). */
export async function checkMasterReferences(trx: Tx, m: MasterFields): Promise<void> {
  const check = async (
    table: 'itemClasses' | 'lotClasses' | 'serialClasses',
    value: string | null,
    field: keyof MasterFields,
    what: string,
  ) => {
    if (value === null) return;
    const hit = await trx.selectFrom(table).select('code').where('code', '=', value).executeTakeFirst();
    if (!hit)
      throw new DomainError('reference.unknown', `${what} ${value} does not exist`, { field: `master.${field}` });
  };
  await check('itemClasses', m.itemClass, 'itemClass', 'item class');
  await check('lotClasses', m.lotClass, 'lotClass', 'lot class');
  await check('serialClasses', m.serialClass, 'serialClass', 'serial class');
  if (m.preferredWarehouseId !== null) {
    const w = await trx
      .selectFrom('warehouses')
      .select('id')
      .where('id', '=', m.preferredWarehouseId)
      .executeTakeFirst();
    if (!w)
      throw new DomainError('reference.unknown', `warehouse ${m.preferredWarehouseId} does not exist`, {
        field: 'master.preferredWarehouseId',
      });
  }
}
