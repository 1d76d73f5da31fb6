-- Sign-in hardening and the audit log.
--
-- login_throttle holds the counters of rate-limiter-flexible's PostgreSQL limiter (failed sign-ins per
-- account and per client address, and how often each was locked out). Its layout is the package's own
-- (key, points, expire in epoch milliseconds); the table is made here rather than by the package so it
-- exists on PGlite too and every app instance on one database shares the same counters.
create table login_throttle (
  key varchar(255) primary key,
  points integer not null default 0,
  expire bigint
);
create index login_throttle_expire_idx on login_throttle (expire);

-- Idle expiry: a session unused for longer than the idle limit ends even before its absolute expiry.
-- Existing sessions count as used at the migration.
alter table sessions add column last_seen_at timestamptz not null default now();

-- Who did what security-relevant, when and from where. Rows are only ever added; `username` keeps the
-- name that was typed at a failed sign-in even when no such user exists.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  action text not null check (action in (
    'auth.login_succeeded', 'auth.login_failed', 'auth.login_throttled', 'auth.logout', 'auth.password_changed',
    'user.created', 'user.role_changed', 'user.deactivated', 'user.reactivated', 'user.site_changed',
    'ledger.manual_posting')),
  actor_user_id bigint references users (id),
  username text check (username is null or length(username) <= 200),
  address text check (address is null or length(address) <= 100),
  subject_type text check (subject_type is null or length(subject_type) <= 40),
  subject_id text check (subject_id is null or length(subject_id) <= 40),
  details jsonb not null default '{}'
);
create index audit_log_at_idx on audit_log (at desc, id desc);
create index audit_log_action_at_idx on audit_log (action, at desc);
create index audit_log_actor_at_idx on audit_log (actor_user_id, at desc);

-- Audit rows are evidence: they may be added, never changed or removed.
create function audit_log_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log rows cannot be changed or deleted' using errcode = '55000';
end $$;
create trigger audit_log_no_change before update or delete on audit_log
  for each row execute function audit_log_immutable();
