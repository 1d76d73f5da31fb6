// SQL of the transaction keys.
import type { KeyKind } from '../../domain/ledger/index.js';
import type { Tx } from '../context.js';

export interface TransactionKeyRow {
  code: string;
  description: string;
  kind: KeyKind;
  isMain: boolean;
}

const COLUMNS = ['code', 'description', 'kind', 'isMain'] as const;

export async function selectTransactionKeys(
  db: Tx,
  filter: { kind?: KeyKind | undefined },
): Promise<TransactionKeyRow[]> {
  let q = db.selectFrom('transactionKeys').select(COLUMNS).orderBy('code');
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  return q.execute();
}

/** The key with `code`; `lock` takes a row lock for the rest of the transaction. */
export async function findTransactionKey(trx: Tx, code: string, lock = false): Promise<TransactionKeyRow | undefined> {
  const q = trx.selectFrom('transactionKeys').select(COLUMNS).where('code', '=', code);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export async function insertTransactionKey(trx: Tx, row: TransactionKeyRow): Promise<TransactionKeyRow> {
  return trx.insertInto('transactionKeys').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
}

export async function updateTransactionKeyRow(
  trx: Tx,
  code: string,
  changes: Partial<Omit<TransactionKeyRow, 'code'>>,
): Promise<TransactionKeyRow> {
  // An empty change (PATCH {}) reads the key: `UPDATE … SET` with nothing to set is a syntax error.
  if (Object.keys(changes).length === 0)
    return trx.selectFrom('transactionKeys').select(COLUMNS).where('code', '=', code).executeTakeFirstOrThrow();
  return trx
    .updateTable('transactionKeys')
    .set(changes)
    .where('code', '=', code)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function deleteTransactionKeyRow(trx: Tx, code: string): Promise<void> {
  await trx.deleteFrom('transactionKeys').where('code', '=', code).execute();
}

/** Where a key is referenced: the ledger, and inventory types/inventories that name it as their default keys. */
export async function keyUse(trx: Tx, code: string): Promise<string | undefined> {
  if (await trx.selectFrom('stockLedger').select('id').where('keyCode', '=', code).limit(1).executeTakeFirst())
    return 'ledger entries';
  const inType = await trx
    .selectFrom('inventoryTypes')
    .select('id')
    .where((eb) =>
      eb.or([eb('adjustmentKey', '=', code), eb('transferKey', '=', code), eb('valueAdjustmentKey', '=', code)]),
    )
    .limit(1)
    .executeTakeFirst();
  if (inType) return 'inventory types';
  const inInventory = await trx
    .selectFrom('inventories')
    .select('id')
    .where((eb) =>
      eb.or([eb('adjustmentKey', '=', code), eb('transferKey', '=', code), eb('valueAdjustmentKey', '=', code)]),
    )
    .limit(1)
    .executeTakeFirst();
  return inInventory ? 'inventories' : undefined;
}
