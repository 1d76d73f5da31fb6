-- Ledger additions (foundation part 4): transfer groups, frozen period snapshots, faster ledger queries.

-- One number per transfer posting, shared by its issue and receipt entries.
create sequence stock_ledger_transfer_group_seq;
create index stock_ledger_transfer_group_idx on stock_ledger (transfer_group) where transfer_group is not null;
create index stock_ledger_place_idx on stock_ledger (warehouse_id, item_id, posting_date);

-- Closing a period freezes the stock at its end date (quantity and value per position), so reports of a
-- closed period never depend on re-reading a ledger that later postings keep growing.
create table stock_period_snapshots (
  period_id bigint not null references accounting_periods (id),
  site_id bigint not null references sites (id),
  item_id bigint not null references items (id),
  warehouse_id bigint not null references warehouses (id),
  zone_id bigint references zones (id),
  bin_id bigint references bins (id),
  lot text not null default '',
  serial text not null default '',
  owner_id bigint not null references owners (id),
  quantity numeric not null,
  value numeric not null
);
create unique index stock_period_snapshots_key on stock_period_snapshots
  (period_id, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id) nulls not distinct;

-- What was done to a parked posting (corrected, posted, discarded) by whom and why: the file keeps its history.
create table posting_error_actions (
  id bigint generated always as identity primary key,
  posting_error_id bigint not null references posting_errors (id),
  action text not null check (action in ('retried', 'corrected', 'posted', 'discarded')),
  note text not null default '' check (length(note) <= 200),
  user_id bigint references users (id),
  created_at timestamptz not null
);
create index posting_error_actions_error_idx on posting_error_actions (posting_error_id);
