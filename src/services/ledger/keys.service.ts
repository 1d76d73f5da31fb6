// Transaction keys: the code every ledger entry carries, with its kind (receipt, issue, transfer,
// revaluation, adjustment) and whether it is a main or secondary key.
import { DomainError } from '../../domain/errors.js';
import type { KeyKind } from '../../domain/ledger/index.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';

export interface TransactionKeyView { code: string; description: string; kind: KeyKind; isMain: boolean }
export interface NewTransactionKey { code: string; description?: string | undefined; kind: KeyKind; isMain?: boolean | undefined }
export interface TransactionKeyChanges { description?: string | undefined; kind?: KeyKind | undefined; isMain?: boolean | undefined }

const COLUMNS = ['code', 'description', 'kind', 'isMain'] as const;

export async function listTransactionKeys(ctx: ServiceContext, actor: Actor, filter: { kind?: KeyKind | undefined } = {}): Promise<TransactionKeyView[]> {
  requireRole(actor, 'counter');
  let q = ctx.db.selectFrom('transactionKeys').select(COLUMNS).orderBy('code');
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  return q.execute();
}

export async function getTransactionKey(ctx: ServiceContext, actor: Actor, code: string): Promise<TransactionKeyView> {
  requireRole(actor, 'counter');
  return found(await ctx.db.selectFrom('transactionKeys').select(COLUMNS).where('code', '=', code).executeTakeFirst(), `transaction key ${code}`, 'code');
}

export async function createTransactionKey(ctx: ServiceContext, actor: Actor, input: NewTransactionKey): Promise<TransactionKeyView> {
  requireRole(actor, 'admin');
  return inTransaction(ctx, async (trx) => {
    const exists = await trx.selectFrom('transactionKeys').select('code').where('code', '=', input.code).executeTakeFirst();
    if (exists) throw new DomainError('conflict.duplicate', `transaction key ${input.code} already exists`, { field: 'code' });
    return trx.insertInto('transactionKeys')
      .values({ code: input.code, description: input.description ?? '', kind: input.kind, isMain: input.isMain ?? true })
      .returning(COLUMNS).executeTakeFirstOrThrow();
  });
}

/** Where a key is referenced: the ledger, and inventory types/inventories that name it as their default keys. */
async function keyUse(trx: Tx, code: string): Promise<string | undefined> {
  if (await trx.selectFrom('stockLedger').select('id').where('keyCode', '=', code).limit(1).executeTakeFirst()) return 'ledger entries';
  const inType = await trx.selectFrom('inventoryTypes').select('id')
    .where((eb) => eb.or([eb('adjustmentKey', '=', code), eb('transferKey', '=', code), eb('valueAdjustmentKey', '=', code)]))
    .limit(1).executeTakeFirst();
  if (inType) return 'inventory types';
  const inInventory = await trx.selectFrom('inventories').select('id')
    .where((eb) => eb.or([eb('adjustmentKey', '=', code), eb('transferKey', '=', code), eb('valueAdjustmentKey', '=', code)]))
    .limit(1).executeTakeFirst();
  return inInventory ? 'inventories' : undefined;
}

export async function updateTransactionKey(ctx: ServiceContext, actor: Actor, code: string, changes: TransactionKeyChanges): Promise<TransactionKeyView> {
  requireRole(actor, 'admin');
  return inTransaction(ctx, async (trx) => {
    const key = found(await trx.selectFrom('transactionKeys').select(COLUMNS).where('code', '=', code).forUpdate().executeTakeFirst(), `transaction key ${code}`, 'code');
    if (changes.kind !== undefined && changes.kind !== key.kind) {
      // Entries were posted with the meaning of the old kind; changing it would rewrite history.
      const use = await keyUse(trx, code);
      if (use) throw new DomainError('conflict.in_use', `transaction key ${code} is used by ${use}; its kind cannot change`, { field: 'kind' });
    }
    return trx.updateTable('transactionKeys').set({
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
      ...(changes.isMain !== undefined ? { isMain: changes.isMain } : {}),
    }).where('code', '=', code).returning(COLUMNS).executeTakeFirstOrThrow();
  });
}

export async function deleteTransactionKey(ctx: ServiceContext, actor: Actor, code: string): Promise<void> {
  requireRole(actor, 'admin');
  await inTransaction(ctx, async (trx) => {
    found(await trx.selectFrom('transactionKeys').select('code').where('code', '=', code).forUpdate().executeTakeFirst(), `transaction key ${code}`, 'code');
    const use = await keyUse(trx, code);
    if (use) throw new DomainError('conflict.in_use', `transaction key ${code} is used by ${use} and cannot be deleted`, { field: 'code' });
    await trx.deleteFrom('transactionKeys').where('code', '=', code).execute();
  });
}
