-- Count tolerances, recount, manager approval and reason codes (docs/tolerances.md).
--  * An inventory type may allow a difference per line by percent of the target and by value; null on both
--    sides is no tolerance (every count is accepted as it is, no review).
--  * Reason codes are configuration shared by every site (a reference table); a code in use is never deleted,
--    it is deactivated, because ledger entries and decisions keep naming it.
--  * A count-list line carries its review state (src/domain/inventory/tolerance.ts), who counted it first
--    and what (the recount must be by someone else where the list has another counter), and its reason code.
--  * Every decision of a manager is a row of its own: who, when, what was decided, the quantities decided on.
--  * Ledger entries of a closing carry the reason code of their line.
alter table inventory_types
  add column tolerance_percent numeric check (tolerance_percent is null or (tolerance_percent >= 0 and tolerance_percent <= 1000)),
  add column tolerance_value numeric check (tolerance_value is null or tolerance_value >= 0);

create table reason_codes (
  code text primary key check (code ~ '^[a-z0-9_]{1,30}$'),
  description text not null check (length(description) between 1 and 80),
  active boolean not null default true,
  created_at timestamptz not null default now()
);
insert into reason_codes (code, description) values
  ('damaged', 'Damaged goods'),
  ('misplaced', 'Misplaced (found at another place)'),
  ('unrecorded_receipt', 'Unrecorded receipt'),
  ('unrecorded_issue', 'Unrecorded issue'),
  ('lot_serial_mixup', 'Lot or serial mix-up'),
  ('counting_error', 'Counting error in the earlier count'),
  ('theft_loss', 'Theft or loss');

-- count_list_items has no foreign keys beyond its list (migration 0071): the reason code is checked by the
-- report and approval services, and a code is never deleted (see above).
alter table count_list_items
  add column review_state text not null default 'none'
    check (review_state in ('none', 'recount_requested', 'needs_approval', 'approved', 'rejected')),
  add column first_counter_id bigint,
  add column first_count_quantity numeric,
  add column reason_code text check (reason_code is null or length(reason_code) <= 30);
-- The approvals view and the closing check: lines of an inventory or list that wait for a decision.
create index count_list_items_review_idx on count_list_items (inventory_id, count_list_id)
  where review_state in ('recount_requested', 'needs_approval', 'rejected');

-- Lets site-owned tables reference a count list by (site_id, id), as Citus wants for colocated keys.
create unique index count_lists_site_id_key on count_lists (site_id, id);

create table count_list_approvals (
  site_id bigint not null,
  id bigint generated always as identity,
  inventory_id bigint not null,
  count_list_id bigint not null,
  count_list_item_id bigint not null,
  decision text not null check (decision in ('approved', 'rejected')),
  reason_code text references reason_codes (code),
  comment text not null default '' check (length(comment) <= 500),
  user_id bigint references users (id),
  decided_at timestamptz not null,
  -- The quantities the decision was about (the line may be counted again after a rejection).
  target_quantity numeric,
  counted_quantity numeric not null,
  difference_value numeric,
  primary key (site_id, id),
  foreign key (site_id, count_list_id) references count_lists (site_id, id) on delete cascade,
  check (decision = 'rejected' or reason_code is not null)
);
create index count_list_approvals_inventory_idx on count_list_approvals (inventory_id, decided_at);
create index count_list_approvals_item_idx on count_list_approvals (count_list_item_id);

alter table stock_ledger add column reason_code text references reason_codes (code);
