-- Foundation: organisation, users, places, units, items, the stock ledger and what hangs off it.
-- Every table that belongs to a site carries site_id so the schema can be distributed by site later.
-- Quantities and money are numeric; ids are bigint identities, text at the API.

create table sites (
  id bigint generated always as identity primary key,
  code text not null check (code ~ '^[A-Za-z0-9_.-]{1,20}$'),
  name text not null check (length(name) between 1 and 80),
  created_at timestamptz not null default now()
);
create unique index sites_code_key on sites (code);

create table owners (
  id bigint generated always as identity primary key,
  code text not null check (code ~ '^[A-Za-z0-9_.-]{1,20}$'),
  name text not null check (length(name) between 1 and 80),
  created_at timestamptz not null default now()
);
create unique index owners_code_key on owners (code);

create table users (
  id bigint generated always as identity primary key,
  username text not null check (username ~ '^[a-z0-9_.@-]{1,64}$'),
  display_name text not null default '' check (length(display_name) <= 80),
  password_hash text not null,
  role text not null check (role in ('admin', 'manager', 'counter')),
  site_id bigint references sites (id),
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create unique index users_username_key on users (username);

create table sessions (
  token_hash text primary key,
  user_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

-- General numbering: inventory numbers, count-list numbers, automatic item codes, generated EANs.
create table number_sequences (
  code text primary key check (code ~ '^[A-Za-z0-9_.:-]{1,60}$'),
  prefix text not null default '' check (length(prefix) <= 20),
  width int not null default 6 check (width between 1 and 18),
  next_value bigint not null default 1 check (next_value >= 1),
  max_items_per_list int check (max_items_per_list is null or max_items_per_list > 0)
);

-- Places ------------------------------------------------------------------------------------------------

create table warehouses (
  id bigint generated always as identity primary key,
  site_id bigint not null references sites (id),
  code text not null check (code ~ '^[A-Za-z0-9_.-]{1,20}$'),
  name text not null check (length(name) between 1 and 80),
  kind text not null check (kind in ('unstructured', 'structured', 'virtual')),
  physical text not null default 'internal' check (physical in ('internal', 'external')),
  responsible_user_id bigint references users (id),
  allow_negative boolean not null default false,
  cost_centre text check (cost_centre is null or length(cost_centre) <= 20),
  created_at timestamptz not null default now()
);
create unique index warehouses_site_code_key on warehouses (site_id, code);

create table zones (
  id bigint generated always as identity primary key,
  site_id bigint not null references sites (id),
  warehouse_id bigint not null references warehouses (id),
  code text not null check (code ~ '^[A-Za-z0-9_.-]{1,20}$'),
  name text not null check (length(name) between 1 and 80),
  organisation text not null check (organisation in ('high_bay', 'block', 'places_only')),
  structured boolean not null,
  usage text not null default 'normal' check (usage in ('normal', 'inventory_differences')),
  created_at timestamptz not null default now()
);
create unique index zones_warehouse_code_key on zones (warehouse_id, code);
-- At most one inventory-differences zone per warehouse: closing needs exactly one target.
create unique index zones_one_differences_zone on zones (warehouse_id) where usage = 'inventory_differences';

create table bins (
  id bigint generated always as identity primary key,
  site_id bigint not null references sites (id),
  warehouse_id bigint not null references warehouses (id),
  zone_id bigint not null references zones (id),
  code text not null check (code ~ '^[A-Z0-9]{1,10}(-[A-Z0-9]{1,10}){0,3}$'),
  aisle text check (aisle ~ '^[A-Z0-9]{1,10}$'),
  row_no text check (row_no ~ '^[A-Z0-9]{1,10}$'),
  level_no text check (level_no ~ '^[A-Z0-9]{1,10}$'),
  place text not null check (place ~ '^[A-Z0-9]{1,10}$'),
  barcode text check (barcode is null or length(barcode) between 1 and 80),
  blocked boolean not null default false,
  created_at timestamptz not null default now()
);
create unique index bins_warehouse_code_key on bins (warehouse_id, code);
create unique index bins_warehouse_barcode_key on bins (warehouse_id, barcode) where barcode is not null;
create index bins_zone_sort_idx on bins (zone_id, aisle, row_no, level_no, place);

-- Units and items -----------------------------------------------------------------------------------------

create table units (
  code text primary key check (code ~ '^[A-Za-z0-9_%]{1,10}$'),
  description text not null default '' check (length(description) <= 40),
  decimals int not null default 0 check (decimals between 0 and 6)
);

-- Classification code tables (product group, brand, family, …) share one table keyed by kind.
create table classification_codes (
  kind text not null check (kind in ('product_group', 'brand', 'family', 'homogeneous_category',
    'stock_account_classification', 'classification_1', 'classification_2', 'classification_3',
    'classification_4', 'classification_5')),
  code text not null check (code ~ '^[A-Za-z0-9_.-]{1,20}$'),
  description text not null default '' check (length(description) <= 80),
  primary key (kind, code)
);
create index classification_codes_description_idx on classification_codes (kind, lower(description));

create table items (
  id bigint generated always as identity primary key,
  code text not null check (length(code) between 1 and 50 and code !~ '\s'),
  description text not null check (length(description) between 1 and 40),
  supplementary_description text not null default '' check (length(supplementary_description) <= 65536),
  print_supplementary_description boolean not null default false,
  primary_unit text not null references units (code),
  secondary_unit text references units (code),
  secondary_conversion_op text check (secondary_conversion_op in ('x', '\')),
  secondary_conversion_factor numeric check (secondary_conversion_factor > 0),
  lot_management text not null default 'no' check (lot_management in ('no', 'yes', 'auto')),
  serial_management boolean not null default false,
  product_group text, brand text, family text, homogeneous_category text,
  stock_account_classification text,
  classification_1 text, classification_2 text, classification_3 text, classification_4 text, classification_5 text,
  count_cycle_days int not null default 0 check (count_cycle_days >= 0),
  threshold_quantity numeric not null default 0 check (threshold_quantity >= 0),
  movement_count_threshold int not null default 0 check (movement_count_threshold >= 0),
  abc_class text check (abc_class in ('A', 'B', 'C')),
  settlement_price_1 numeric not null default 0 check (settlement_price_1 >= 0),
  settlement_price_2 numeric not null default 0 check (settlement_price_2 >= 0),
  settlement_price_3 numeric not null default 0 check (settlement_price_3 >= 0),
  settlement_price_4 numeric not null default 0 check (settlement_price_4 >= 0),
  settlement_price_5 numeric not null default 0 check (settlement_price_5 >= 0),
  inventory_price numeric not null default 0 check (inventory_price >= 0),
  standard_cost numeric not null default 0 check (standard_cost >= 0),
  moving_average_price numeric not null default 0 check (moving_average_price >= 0),
  include_in_inventory boolean not null default true,
  has_ledger_entries boolean not null default false,
  valid_from date, valid_to date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((secondary_unit is null) = (secondary_conversion_op is null)
     and (secondary_unit is null) = (secondary_conversion_factor is null))
);
create unique index items_code_key on items (code);
create index items_code_pattern_idx on items (code text_pattern_ops);
create index items_description_idx on items (lower(description) text_pattern_ops);

-- Any code that identifies an item when scanned or typed, with the unit it counts in.
create table item_search_codes (
  id bigint generated always as identity primary key,
  item_id bigint not null references items (id) on delete cascade,
  code text not null check (length(code) between 1 and 80),
  unit text not null references units (code),
  conversion_op text not null default 'x' check (conversion_op in ('x', '\')),
  conversion_factor numeric not null default 1 check (conversion_factor > 0),
  is_main boolean not null default false,
  description text not null default '' check (length(description) <= 40)
);
create unique index item_search_codes_code_key on item_search_codes (code);
create unique index item_search_codes_one_main on item_search_codes (item_id) where is_main;
create index item_search_codes_item_idx on item_search_codes (item_id);

create table lots (
  id bigint generated always as identity primary key,
  item_id bigint not null references items (id),
  code text not null check (length(code) between 1 and 40),
  expiry_date date,
  production_date date,
  created_at timestamptz not null default now()
);
create unique index lots_item_code_key on lots (item_id, code);

-- Ledger --------------------------------------------------------------------------------------------------

create table transaction_keys (
  code text primary key check (code ~ '^[A-Za-z0-9_.-]{1,20}$'),
  description text not null default '' check (length(description) <= 80),
  kind text not null check (kind in ('receipt', 'issue', 'transfer', 'revaluation', 'adjustment')),
  is_main boolean not null default true
);

create table accounting_periods (
  id bigint generated always as identity primary key,
  fiscal_year int not null check (fiscal_year between 1900 and 2999),
  code text not null check (code ~ '^[A-Za-z0-9_.-]{1,20}$'),
  start_date date not null,
  end_date date not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  closed_at timestamptz,
  check (end_date >= start_date)
);
create unique index accounting_periods_code_key on accounting_periods (code);
create index accounting_periods_dates_idx on accounting_periods (start_date, end_date);

create table stock_ledger (
  id bigint generated always as identity primary key,
  site_id bigint not null references sites (id),
  key_code text not null references transaction_keys (code),
  item_id bigint not null references items (id),
  warehouse_id bigint not null references warehouses (id),
  zone_id bigint references zones (id),
  bin_id bigint references bins (id),
  lot text not null default '',
  serial text not null default '',
  owner_id bigint not null references owners (id),
  quantity numeric not null,
  value numeric not null,
  unit_price numeric not null,
  posting_date date not null,
  origin_type text not null check (length(origin_type) between 1 and 40),
  origin_id text,
  -- A transfer writes two entries (issue + receipt) sharing a group.
  transfer_group bigint,
  cost_centre text,
  user_id bigint references users (id),
  created_at timestamptz not null
);
create index stock_ledger_item_idx on stock_ledger (item_id, posting_date);
create index stock_ledger_origin_idx on stock_ledger (origin_type, origin_id);
create index stock_ledger_site_date_idx on stock_ledger (site_id, posting_date);

-- Balances are derived from the ledger, maintained in the same transaction, rebuildable at any time.
create table stock_balances (
  id bigint generated always as identity primary key,
  site_id bigint not null references sites (id),
  item_id bigint not null references items (id),
  warehouse_id bigint not null references warehouses (id),
  zone_id bigint references zones (id),
  bin_id bigint references bins (id),
  lot text not null default '',
  serial text not null default '',
  owner_id bigint not null references owners (id),
  quantity numeric not null default 0,
  ever_nonzero boolean not null default false,
  last_counted_date date,
  last_counted_quantity numeric,
  movements_since_count int not null default 0,
  updated_at timestamptz not null,
  check (serial = '' or quantity in (0, 1))
);
create unique index stock_balances_position_key on stock_balances
  (item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id) nulls not distinct;
create index stock_balances_place_idx on stock_balances (warehouse_id, zone_id, bin_id);
create index stock_balances_site_idx on stock_balances (site_id, warehouse_id);

-- Moving average per item (warehouse_id null) and per item × warehouse.
create table stock_valuations (
  item_id bigint not null references items (id),
  warehouse_id bigint references warehouses (id),
  quantity numeric not null default 0,
  average_price numeric not null default 0,
  updated_at timestamptz not null
);
create unique index stock_valuations_key on stock_valuations (item_id, warehouse_id) nulls not distinct;

create table reservations (
  id bigint generated always as identity primary key,
  site_id bigint not null references sites (id),
  item_id bigint not null references items (id),
  warehouse_id bigint not null references warehouses (id),
  zone_id bigint references zones (id),
  bin_id bigint references bins (id),
  lot text not null default '',
  serial text not null default '',
  owner_id bigint not null references owners (id),
  quantity numeric not null check (quantity > 0),
  status text not null default 'open' check (status in ('open', 'fulfilled', 'cancelled', 'not_available')),
  reference text not null default '' check (length(reference) <= 80),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index reservations_place_idx on reservations (item_id, warehouse_id, status);

-- Stock locked by an open count list: the whole warehouse/zone/bin, narrowed by item when item_id is set.
create table stock_locks (
  id bigint generated always as identity primary key,
  site_id bigint not null references sites (id),
  count_list_id bigint not null,
  warehouse_id bigint not null references warehouses (id),
  zone_id bigint references zones (id),
  bin_id bigint references bins (id),
  item_id bigint references items (id),
  created_at timestamptz not null
);
create index stock_locks_lookup_idx on stock_locks (warehouse_id, item_id, bin_id);
create index stock_locks_list_idx on stock_locks (count_list_id);

-- A posting that cannot be applied now is kept with its reason and re-processed later; nothing is lost.
create table posting_errors (
  id bigint generated always as identity primary key,
  site_id bigint not null references sites (id),
  posting jsonb not null,
  reason_code text not null,
  reason_message text not null,
  count_list_id bigint,
  status text not null default 'pending' check (status in ('pending', 'posted', 'discarded')),
  attempts int not null default 0,
  created_at timestamptz not null,
  resolved_at timestamptz,
  user_id bigint references users (id)
);
create index posting_errors_pending_idx on posting_errors (site_id, status) where status = 'pending';
create index posting_errors_list_idx on posting_errors (count_list_id) where status = 'pending';
