-- Physical inventory (SPEC §4): inventory types, inventories, count lists, their items and every report,
-- background jobs. Site-owned tables carry site_id.

create table inventory_types (
  id bigint generated always as identity primary key,
  code text not null check (code ~ '^[A-Za-z0-9_.-]{1,20}$'),
  description text not null default '' check (length(description) <= 80),
  method text not null check (method in ('stock_taking_day', 'continuous', 'sample', 'stock_comparison')),
  material_type text not null default 'stock_items' check (material_type in ('stock_items', 'production_resources')),
  inventory_sequence_code text not null references number_sequences (code),
  count_list_sequence_code text not null references number_sequences (code),
  valuation_price text not null default 'average' check (valuation_price in
    ('settlement_1', 'settlement_2', 'settlement_3', 'settlement_4', 'settlement_5', 'inventory', 'average')),
  adjustment_key text references transaction_keys (code),
  transfer_key text references transaction_keys (code),
  value_adjustment_key text references transaction_keys (code),
  report_type text not null default 'single' check (report_type in ('cumulative', 'single')),
  single_reporting_required boolean not null default false,
  show_system_quantities boolean not null default false,
  keep_location boolean not null default true,
  created_at timestamptz not null default now(),
  check (material_type = 'stock_items' or value_adjustment_key is null)
);
create unique index inventory_types_code_key on inventory_types (code);

create table inventories (
  id bigint generated always as identity primary key,
  site_id bigint not null references sites (id),
  type_id bigint not null references inventory_types (id),
  number text not null check (length(number) between 1 and 40),
  status text not null default 'created' check (status in ('created', 'has_count_lists', 'open', 'closed')),
  description text not null default '' check (length(description) <= 200),
  owner_id bigint not null references owners (id),
  fiscal_year int not null check (fiscal_year between 1900 and 2999),
  count_list_sequence_code text not null references number_sequences (code),
  stock_taking_date date,
  opened_at timestamptz,
  closed_at timestamptz,
  valuation_price text not null check (valuation_price in
    ('settlement_1', 'settlement_2', 'settlement_3', 'settlement_4', 'settlement_5', 'inventory', 'average')),
  adjustment_key text references transaction_keys (code),
  transfer_key text references transaction_keys (code),
  value_adjustment_key text references transaction_keys (code),
  report_type text not null check (report_type in ('cumulative', 'single')),
  single_reporting_required boolean not null,
  show_system_quantities boolean not null,
  cost_centre text check (cost_centre is null or length(cost_centre) <= 20),
  responsible_user_id bigint references users (id),
  created_by bigint references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index inventories_type_number_key on inventories (type_id, number);
create index inventories_site_status_idx on inventories (site_id, status);

create table count_lists (
  id bigint generated always as identity primary key,
  site_id bigint not null references sites (id),
  inventory_id bigint not null references inventories (id),
  number text not null check (length(number) between 1 and 40),
  name text not null default '' check (length(name) <= 80),
  count_type text not null check (count_type in ('article', 'bin', 'differences')),
  status text not null default 'created' check (status in ('created', 'partially_generated', 'opening_failed', 'open',
    'partially_reported', 'completely_reported', 'closing', 'closed', 'closed_with_errors', 'manually_closed')),
  status_reason text,
  registration_date date not null,
  count_date date,
  opened_at timestamptz,
  closed_at timestamptz,
  responsible_user_id bigint references users (id),
  -- The warehouse of the list when it has one (bin lists and single-warehouse article lists): scans resolve bins here.
  warehouse_id bigint references warehouses (id),
  generation_no int not null default 0,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index count_lists_inventory_number_key on count_lists (inventory_id, number);
create index count_lists_responsible_idx on count_lists (responsible_user_id, status);

create table count_list_items (
  id bigint generated always as identity primary key,
  site_id bigint not null references sites (id),
  inventory_id bigint not null references inventories (id),
  count_list_id bigint not null references count_lists (id) on delete cascade,
  line_no int not null,
  -- Null item: an empty bin on a bin list (the bin is counted; whatever is found is added).
  item_id bigint references items (id),
  warehouse_id bigint not null references warehouses (id),
  zone_id bigint references zones (id),
  bin_id bigint references bins (id),
  lot text not null default '',
  serial text not null default '',
  owner_id bigint not null references owners (id),
  target_quantity numeric,
  reported_quantity numeric,
  status text not null default 'open' check (status in ('open', 'reported', 'closed')),
  verification_mark boolean not null default false,
  informational boolean not null default false,
  -- Added while counting (found, not expected).
  added_by_count boolean not null default false,
  posted_quantity numeric,
  unit_price numeric,
  closed_at timestamptz
);
create unique index count_list_items_position_key on count_list_items
  (count_list_id, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id) nulls not distinct;
create index count_list_items_list_line_idx on count_list_items (count_list_id, line_no);
create index count_list_items_inventory_item_idx on count_list_items (inventory_id, item_id, warehouse_id);
create index count_list_items_bin_idx on count_list_items (inventory_id, bin_id) where bin_id is not null;

create table count_reports (
  id bigint generated always as identity primary key,
  site_id bigint not null references sites (id),
  count_list_id bigint not null references count_lists (id) on delete cascade,
  count_list_item_id bigint not null references count_list_items (id) on delete cascade,
  user_id bigint references users (id),
  reported_at timestamptz not null,
  device text check (device is null or length(device) <= 80),
  raw_barcode text check (raw_barcode is null or length(raw_barcode) <= 400),
  quantity numeric not null,
  entered_quantity numeric,
  entered_unit text references units (code),
  mode text not null check (mode in ('add', 'replace', 'mark_all')),
  client_report_id text check (client_report_id is null or length(client_report_id) between 1 and 100),
  -- The item's confirmed quantity after this report, and before it (for undo and the audit trail).
  resulting_quantity numeric not null,
  previous_quantity numeric,
  valid boolean not null default true,
  invalidated_at timestamptz
);
create unique index count_reports_client_id_key on count_reports (client_report_id) where client_report_id is not null;
create index count_reports_item_idx on count_reports (count_list_item_id, reported_at);

-- Background jobs (opening, closing, generation of large lists): state and progress survive a restart.
create table jobs (
  id text primary key check (length(id) between 1 and 100),
  site_id bigint references sites (id),
  kind text not null check (length(kind) between 1 and 60),
  status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
  params jsonb not null default '{}',
  progress int not null default 0,
  total int not null default 0,
  result jsonb,
  error jsonb,
  attempts int not null default 0,
  created_by bigint references users (id),
  created_at timestamptz not null,
  started_at timestamptz,
  finished_at timestamptz,
  heartbeat_at timestamptz
);
create index jobs_queue_idx on jobs (status, created_at) where status in ('queued', 'running');
