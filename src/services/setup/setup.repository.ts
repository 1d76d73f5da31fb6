// Reads of the first set-up: how many rows each configuration table holds, and which proposed codes exist.
import type { Tx } from '../context.js';

export interface SetupCounts {
  sites: number;
  owners: number;
  warehouses: number;
  zones: number;
  differencesZones: number;
  units: number;
  transactionKeys: number;
  numberingSchemes: number;
  inventoryTypes: number;
  counters: number;
}

/** One statement: a scalar sub-query per table (each table is small, except zones, counted by index). */
export async function countSetup(db: Tx): Promise<SetupCounts> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('sites')
        .select((s) => s.fn.countAll<string>().as('n'))
        .as('sites'),
      eb
        .selectFrom('owners')
        .select((s) => s.fn.countAll<string>().as('n'))
        .as('owners'),
      eb
        .selectFrom('warehouses')
        .select((s) => s.fn.countAll<string>().as('n'))
        .as('warehouses'),
      eb
        .selectFrom('zones')
        .select((s) => s.fn.countAll<string>().as('n'))
        .as('zones'),
      eb
        .selectFrom('zones')
        .where('usage', '=', 'inventory_differences')
        .select((s) => s.fn.countAll<string>().as('n'))
        .as('differencesZones'),
      eb
        .selectFrom('units')
        .select((s) => s.fn.countAll<string>().as('n'))
        .as('units'),
      eb
        .selectFrom('transactionKeys')
        .select((s) => s.fn.countAll<string>().as('n'))
        .as('transactionKeys'),
      eb
        .selectFrom('numberSequences')
        .select((s) => s.fn.countAll<string>().as('n'))
        .as('numberingSchemes'),
      eb
        .selectFrom('inventoryTypes')
        .select((s) => s.fn.countAll<string>().as('n'))
        .as('inventoryTypes'),
      eb
        .selectFrom('users')
        .where('role', '=', 'counter')
        .where('active', '=', true)
        .select((s) => s.fn.countAll<string>().as('n'))
        .as('counters'),
    ])
    .executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v ?? 0)])) as unknown as SetupCounts;
}

/** Which of the given codes exist already, per table. */
export async function existingCodes(
  db: Tx,
  codes: { units: string[]; keys: string[]; types: string[] },
): Promise<{
  units: Set<string>;
  keys: Set<string>;
  types: Set<string>;
}> {
  const pick = async (rows: Promise<{ code: string }[]>) => new Set((await rows).map((r) => r.code));
  return {
    units: codes.units.length
      ? await pick(db.selectFrom('units').select('code').where('code', 'in', codes.units).execute())
      : new Set(),
    keys: codes.keys.length
      ? await pick(db.selectFrom('transactionKeys').select('code').where('code', 'in', codes.keys).execute())
      : new Set(),
    types: codes.types.length
      ? await pick(db.selectFrom('inventoryTypes').select('code').where('code', 'in', codes.types).execute())
      : new Set(),
  };
}
