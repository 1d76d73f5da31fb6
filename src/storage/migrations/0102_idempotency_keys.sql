-- Idempotency keys: a write sent with an `Idempotency-Key` header is done once per user and key; a retry
-- (or a copy sent at the same time) gets the stored answer of the first. `effects` counts the committed
-- transactions of the first attempt, so a claim left behind by a process that died mid-request can be told
-- apart: nothing committed (safe to run again) or something committed (the answer was lost).
create table idempotency_keys (
  id bigint generated always as identity primary key,
  user_id bigint not null references users (id) on delete cascade,
  key text not null check (length(key) between 1 and 200),
  request_hash text not null check (length(request_hash) = 64),
  state text not null default 'running' check (state in ('running', 'done')),
  effects integer not null default 0 check (effects >= 0),
  claimed_at timestamptz not null,
  completed_at timestamptz,
  status_code integer check (status_code between 100 and 599),
  content_type text,
  body text,
  check ((state = 'done') = (completed_at is not null and status_code is not null and body is not null))
);
create unique index idempotency_keys_user_key on idempotency_keys (user_id, key);
create index idempotency_keys_claimed_at on idempotency_keys (claimed_at);
