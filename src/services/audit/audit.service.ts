// The audit log: sign-ins (right and wrong), user creation, role, site and activation changes, password
// changes and manual stock postings. A use case records its entry inside its own transaction, so an act
// and its entry are committed together or not at all. Only admins read the log.
import type { AuditAction } from '../../domain/audit.js';
import { type Actor, type ServiceContext, type Tx, requireRole } from '../context.js';
import {
  type AuditEntry,
  type AuditFilter,
  type AuditRow,
  insertAuditEntry,
  listAuditRows,
} from './audit.repository.js';

export type { AuditFilter, AuditRow };

export interface AuditFacts {
  action: AuditAction;
  actor?: Actor | null | undefined;
  username?: string | null | undefined;
  address?: string | null | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

/** Adds one entry at the context's time; the caller passes its transaction. */
export async function recordAudit(trx: Tx, ctx: ServiceContext, facts: AuditFacts): Promise<void> {
  const entry: AuditEntry = {
    action: facts.action,
    at: ctx.now(),
    actorUserId: facts.actor && facts.actor.userId !== '0' ? facts.actor.userId : null,
    username: facts.username ?? facts.actor?.username ?? null,
    address: facts.address ?? null,
    subjectType: facts.subjectType,
    subjectId: facts.subjectId,
    details: facts.details,
  };
  await insertAuditEntry(trx, entry);
}

export async function listAuditLog(ctx: ServiceContext, actor: Actor, filter: AuditFilter): Promise<AuditRow[]> {
  requireRole(actor, 'admin');
  return listAuditRows(ctx.db, filter);
}
