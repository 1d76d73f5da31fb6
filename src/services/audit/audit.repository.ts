// Statements of the audit log: rows are only added (a trigger refuses changes) and read newest first.
import { sql } from 'kysely';
import type { AuditAction } from '../../domain/audit.js';
import type { Tx } from '../context.js';

export interface AuditEntry {
  action: AuditAction;
  at: Date;
  actorUserId?: string | null | undefined;
  username?: string | null | undefined;
  address?: string | null | undefined;
  subjectType?: string | null | undefined;
  subjectId?: string | null | undefined;
  details?: Record<string, unknown> | undefined;
}

export interface AuditRow {
  id: string;
  at: string;
  action: AuditAction;
  actorUserId: string | null;
  username: string | null;
  address: string | null;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  action?: AuditAction | undefined;
  /** The acting user (for sign-ins: the user signed in as, when the name was known). */
  actorUserId?: string | undefined;
  /** The user name as typed or acted as, exact. */
  username?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  /** At or after. */
  from?: Date | undefined;
  /** Before. */
  to?: Date | undefined;
  limit: number;
  offset: number;
}

export async function insertAuditEntry(trx: Tx, e: AuditEntry): Promise<void> {
  await trx
    .insertInto('auditLog')
    .values({
      action: e.action,
      at: e.at,
      actorUserId: e.actorUserId ?? null,
      username: e.username?.slice(0, 200) ?? null,
      address: e.address?.slice(0, 100) ?? null,
      subjectType: e.subjectType ?? null,
      subjectId: e.subjectId ?? null,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

/** Newest first; one row more than `limit` (a next page follows when that row is there). */
export async function listAuditRows(trx: Tx, f: AuditFilter): Promise<AuditRow[]> {
  let q = trx
    .selectFrom('auditLog')
    .select([
      'id',
      sql<string>`to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('at'),
      'action',
      'actorUserId',
      'username',
      'address',
      'subjectType',
      'subjectId',
      'details',
    ]);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.actorUserId) q = q.where('actorUserId', '=', f.actorUserId);
  if (f.username) q = q.where('username', '=', f.username);
  if (f.subjectType) q = q.where('subjectType', '=', f.subjectType);
  if (f.subjectId) q = q.where('subjectId', '=', f.subjectId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .offset(f.offset)
    .execute();
  return rows as AuditRow[];
}
