// Reason codes (docs/tolerances.md): why a count differs — damaged, misplaced, an unrecorded receipt or
// issue, a lot/serial mix-up. Configuration shared by all sites: admins maintain it, everyone reads it. A
// code is never deleted, since lines, decisions and ledger entries keep naming it: it is deactivated.
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, found, inTransaction, requireRole } from '../context.js';
import {
  type ReasonCodeRow,
  findReasonCode,
  insertReasonCode,
  selectReasonCodes,
  updateReasonCode as updateRow,
} from './tolerance.repository.js';

export type ReasonCodeView = ReasonCodeRow;

const CODE = /^[a-z0-9_]{1,30}$/;

export async function listReasonCodes(
  ctx: ServiceContext,
  actor: Actor,
  opts: { includeInactive?: boolean | undefined } = {},
): Promise<ReasonCodeView[]> {
  requireRole(actor, 'counter');
  return selectReasonCodes(ctx.db, opts.includeInactive ?? false);
}

export async function createReasonCode(
  ctx: ServiceContext,
  actor: Actor,
  input: { code: string; description: string; active?: boolean | undefined },
): Promise<ReasonCodeView> {
  requireRole(actor, 'admin');
  if (!CODE.test(input.code))
    throw new DomainError('validation.failed', 'a reason code is 1–30 lower-case letters, digits or _', {
      field: 'code',
    });
  return inTransaction(ctx, async (trx) => {
    if (await findReasonCode(trx, input.code))
      throw new DomainError('conflict.duplicate', `reason code ${input.code} already exists`, { field: 'code' });
    const row = { code: input.code, description: input.description.trim(), active: input.active ?? true };
    await insertReasonCode(trx, row, ctx.now());
    return row;
  });
}

export async function updateReasonCode(
  ctx: ServiceContext,
  actor: Actor,
  code: string,
  changes: { description?: string | undefined; active?: boolean | undefined },
): Promise<ReasonCodeView> {
  requireRole(actor, 'admin');
  return inTransaction(ctx, async (trx) => {
    found(await findReasonCode(trx, code), `reason code ${code}`, 'code');
    await updateRow(trx, code, {
      ...(changes.description !== undefined ? { description: changes.description.trim() } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
    });
    return (await findReasonCode(trx, code))!;
  });
}
