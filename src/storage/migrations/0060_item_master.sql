-- Item master extensions (SPEC §2, seed 002): automatic coding per item class, generated barcodes,
-- templates, price lists with quantity tiers and discounts, lot/serial classes and consumption order,
-- planning data with per-warehouse overrides, accounting and logistics fields, alternative items.

-- Item classes drive automatic coding: each has a number_sequences row (prefix + zero-padded counter).
create table item_classes (
  code text primary key check (code ~ '^[A-Za-z0-9_.-]{1,20}$'),
  description text not null default '' check (length(description) <= 80),
  sequence_code text not null references number_sequences (code),
  is_default boolean not null default false
);
-- At most one default class: the one used when an item is created without a code and without a class.
create unique index item_classes_one_default on item_classes (is_default) where is_default;

-- Templates ("modelli"): a named reference item whose values seed new items.
create table item_templates (
  id bigint generated always as identity primary key,
  code text not null check (code ~ '^[A-Za-z0-9_.-]{1,20}$'),
  description text not null default '' check (length(description) <= 80),
  reference_item_id bigint not null references items (id) on delete restrict
);
create unique index item_templates_code_key on item_templates (code);

create table lot_classes (
  code text primary key check (code ~ '^[A-Za-z0-9_.-]{1,20}$'),
  description text not null default '' check (length(description) <= 80),
  prefix text not null default '' check (length(prefix) <= 10 and prefix !~ '\s'),
  date_pattern text not null default 'none' check (date_pattern in ('none', 'YYYY', 'YYMM', 'YYYYMM', 'YYMMDD', 'YYYYMMDD', 'YYDDD')),
  width int not null default 4 check (width between 1 and 12),
  next_value bigint not null default 1 check (next_value >= 1)
);
create table serial_classes (
  code text primary key check (code ~ '^[A-Za-z0-9_.-]{1,20}$'),
  description text not null default '' check (length(description) <= 80),
  prefix text not null default '' check (length(prefix) <= 20 and prefix !~ '\s'),
  width int not null default 8 check (width between 1 and 18),
  next_value bigint not null default 1 check (next_value >= 1)
);

alter table items add column item_class text references item_classes (code);
alter table items add column lot_consumption text not null default 'fifo' check (lot_consumption in ('fifo', 'fefo', 'lefo'));
alter table items add column lot_class text references lot_classes (code);
alter table items add column lot_availability_check text not null default 'none' check (lot_availability_check in ('none', 'warning', 'blocking'));
alter table items add column serial_class text references serial_classes (code);
-- Planning (0 = not managed, as in the seed).
alter table items add column min_stock numeric not null default 0 check (min_stock >= 0);
alter table items add column max_stock numeric not null default 0 check (max_stock >= 0);
alter table items add column reorder_point numeric not null default 0 check (reorder_point >= 0);
alter table items add column reorder_lot numeric not null default 0 check (reorder_lot >= 0);
alter table items add column min_reorder_quantity numeric not null default 0 check (min_reorder_quantity >= 0);
alter table items add column supply_lead_days int not null default 0 check (supply_lead_days between 0 and 3650);
-- Accounting and logistics.
alter table items add column accounting_category text check (accounting_category is null or length(accounting_category) between 1 and 20);
alter table items add column vat_code text check (vat_code is null or length(vat_code) between 1 and 20);
alter table items add column analytic_cost_item text check (analytic_cost_item is null or length(analytic_cost_item) between 1 and 20);
alter table items add column analytic_revenue_item text check (analytic_revenue_item is null or length(analytic_revenue_item) between 1 and 20);
alter table items add column cost_centre text check (cost_centre is null or length(cost_centre) between 1 and 20);
alter table items add column availability_check text not null default 'none' check (availability_check in ('none', 'warning', 'blocking'));
alter table items add column preferred_warehouse_id bigint references warehouses (id);
alter table items add column net_weight numeric check (net_weight is null or net_weight >= 0);
alter table items add column gross_weight numeric check (gross_weight is null or gross_weight >= 0);
alter table items add column package_type text check (package_type is null or length(package_type) between 1 and 20);
alter table items add column notes text not null default '' check (length(notes) <= 4000);
alter table items add constraint items_weights_check check (net_weight is null or gross_weight is null or gross_weight >= net_weight);

-- Per-warehouse planning overrides: a null column inherits the item's global value.
create table item_warehouse_planning (
  item_id bigint not null references items (id) on delete cascade,
  warehouse_id bigint not null references warehouses (id),
  min_stock numeric check (min_stock >= 0),
  max_stock numeric check (max_stock >= 0),
  reorder_point numeric check (reorder_point >= 0),
  reorder_lot numeric check (reorder_lot >= 0),
  min_reorder_quantity numeric check (min_reorder_quantity >= 0),
  supply_lead_days int check (supply_lead_days between 0 and 3650),
  standard_cost numeric check (standard_cost >= 0),
  primary key (item_id, warehouse_id)
);

create table item_alternatives (
  item_id bigint not null references items (id) on delete cascade,
  alternative_item_id bigint not null references items (id) on delete cascade,
  position int not null default 0,
  primary key (item_id, alternative_item_id),
  check (item_id <> alternative_item_id)
);

-- Price lists: the list header, then per item one row per validity/unit/currency with its quantity tiers.
create table price_lists (
  id bigint generated always as identity primary key,
  code text not null check (code ~ '^[A-Za-z0-9_.-]{1,20}$'),
  description text not null default '' check (length(description) <= 80),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  discounts_allowed boolean not null default false,
  created_at timestamptz not null
);
create unique index price_lists_code_key on price_lists (code);

create table item_prices (
  id bigint generated always as identity primary key,
  price_list_id bigint not null references price_lists (id) on delete cascade,
  item_id bigint not null references items (id) on delete cascade,
  valid_from date,
  valid_to date,
  unit text not null references units (code),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz not null,
  check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index item_prices_lookup_idx on item_prices (item_id, price_list_id);

-- "Up to Q" tiers; up_to null is the open-ended last tier ("oltre"). Discounts are percentages, applied in cascade.
create table item_price_tiers (
  item_price_id bigint not null references item_prices (id) on delete cascade,
  position int not null check (position >= 0),
  up_to numeric check (up_to is null or up_to > 0),
  price numeric not null check (price >= 0),
  discount_1 numeric check (discount_1 between 0 and 100),
  discount_2 numeric check (discount_2 between 0 and 100),
  discount_3 numeric check (discount_3 between 0 and 100),
  discount_4 numeric check (discount_4 between 0 and 100),
  primary key (item_price_id, position)
);
