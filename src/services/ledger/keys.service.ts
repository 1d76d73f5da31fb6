// Transaction keys: the code every ledger entry carries, with its kind (receipt, issue, transfer,
// revaluation, adjustment) and whether it is a main or secondary key.
import { DomainError } from '../../domain/errors.js';
import type { KeyKind } from '../../domain/ledger/index.js';
import { type Actor, type ServiceContext, found, inTransaction, requireRole } from '../context.js';
import {
  deleteTransactionKeyRow,
  findTransactionKey,
  insertTransactionKey,
  keyUse,
  selectTransactionKeys,
  updateTransactionKeyRow,
} from './keys.repository.js';

export interface TransactionKeyView {
  code: string;
  description: string;
  kind: KeyKind;
  isMain: boolean;
}
export interface NewTransactionKey {
  code: string;
  description?: string | undefined;
  kind: KeyKind;
  isMain?: boolean | undefined;
}
export interface TransactionKeyChanges {
  description?: string | undefined;
  kind?: KeyKind | undefined;
  isMain?: boolean | undefined;
}

export async function listTransactionKeys(
  ctx: ServiceContext,
  actor: Actor,
  filter: { kind?: KeyKind | undefined } = {},
): Promise<TransactionKeyView[]> {
  requireRole(actor, 'counter');
  return selectTransactionKeys(ctx.db, filter);
}

export async function getTransactionKey(ctx: ServiceContext, actor: Actor, code: string): Promise<TransactionKeyView> {
  requireRole(actor, 'counter');
  return found(await findTransactionKey(ctx.db, code), `transaction key ${code}`, 'code');
}

export async function createTransactionKey(
  ctx: ServiceContext,
  actor: Actor,
  input: NewTransactionKey,
): Promise<TransactionKeyView> {
  requireRole(actor, 'admin');
  return inTransaction(ctx, async (trx) => {
    if (await findTransactionKey(trx, input.code))
      throw new DomainError('conflict.duplicate', `transaction key ${input.code} already exists`, { field: 'code' });
    return insertTransactionKey(trx, {
      code: input.code,
      description: input.description ?? '',
      kind: input.kind,
      isMain: input.isMain ?? true,
    });
  });
}

export async function updateTransactionKey(
  ctx: ServiceContext,
  actor: Actor,
  code: string,
  changes: TransactionKeyChanges,
): Promise<TransactionKeyView> {
  requireRole(actor, 'admin');
  return inTransaction(ctx, async (trx) => {
    const key = found(await findTransactionKey(trx, code, true), `transaction key ${code}`, 'code');
    if (changes.kind !== undefined && changes.kind !== key.kind) {
      // Entries were posted with the meaning of the old kind; changing it would rewrite history.
      const use = await keyUse(trx, code);
      if (use)
        throw new DomainError('conflict.in_use', `transaction key ${code} is used by ${use}; its kind cannot change`, {
          field: 'kind',
        });
    }
    return updateTransactionKeyRow(trx, code, {
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
      ...(changes.isMain !== undefined ? { isMain: changes.isMain } : {}),
    });
  });
}

export async function deleteTransactionKey(ctx: ServiceContext, actor: Actor, code: string): Promise<void> {
  requireRole(actor, 'admin');
  await inTransaction(ctx, async (trx) => {
    found(await findTransactionKey(trx, code, true), `transaction key ${code}`, 'code');
    const use = await keyUse(trx, code);
    if (use)
      throw new DomainError('conflict.in_use', `transaction key ${code} is used by ${use} and cannot be deleted`, {
        field: 'code',
      });
    await deleteTransactionKeyRow(trx, code);
  });
}
