// What the audit log records: security-relevant acts, by whom, from where. One list; the SQL CHECK of
// audit_log.action (migration 0100) and the API's filter enum are this list.
export const AUDIT_ACTIONS = [
  'auth.login_succeeded',
  'auth.login_failed',
  'auth.login_throttled',
  'auth.logout',
  'auth.password_changed',
  'user.created',
  'user.role_changed',
  'user.deactivated',
  'user.reactivated',
  'user.site_changed',
  'ledger.manual_posting',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
