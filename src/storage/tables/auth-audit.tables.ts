// Row types of migration 0100 (sign-in throttling counters and the audit log; sessions' last use is in
// core.tables.ts with the rest of the sessions row).
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/** rate-limiter-flexible's layout: `expire` is epoch milliseconds (int8, so a string when read). */
export interface LoginThrottleTable {
  key: string;
  points: Generated<number>;
  expire: ColumnType<string | null, string | number | null, string | number | null>;
}

export interface AuditLogTable {
  id: GeneratedAlways<string>;
  at: Date | string;
  action: string;
  actorUserId: string | null;
  username: string | null;
  address: string | null;
  subjectType: string | null;
  subjectId: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface AuthAuditTables {
  loginThrottle: LoginThrottleTable;
  auditLog: AuditLogTable;
}
