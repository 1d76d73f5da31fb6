-- Statistical sample inventory (docs/sampling.md). Three things are stored:
--  * the sampling configuration of an inventory type (jsonb; parseSamplingConfig checks it in the service,
--    because its rules are the domain's and would be duplicated badly as CHECKs);
--  * per inventory, the recorded design (seed, strata, drawn ids: the draw itself), the generation
--    parameters its lists were made with (an extension and a full count list the same way), the last
--    estimation result with its verdict, and whether a full count was chosen;
--  * per inventory, the frame: every position of the population with the book quantity, price and value it
--    had at the draw and its role. An extension must draw from the same frame, and the estimate values
--    counts at the same price as the book, so both are kept rather than read again from moving stock.
create table inventory_type_sampling (
  type_id bigint primary key references inventory_types (id) on delete cascade,
  config jsonb not null,
  updated_at timestamptz not null
);

-- Lets site-owned tables reference an inventory by (site_id, id), as Citus wants for colocated keys.
create unique index inventories_site_id_key on inventories (site_id, id);

create table inventory_samples (
  site_id bigint not null,
  inventory_id bigint not null,
  design jsonb not null,
  generation jsonb not null,
  result jsonb,
  outcome text not null default 'drawn' check (outcome in ('drawn', 'passed', 'extend', 'full_count')),
  full_count boolean not null default false,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  estimated_at timestamptz,
  primary key (site_id, inventory_id),
  foreign key (site_id, inventory_id) references inventories (site_id, id) on delete cascade
);

create table inventory_sample_positions (
  site_id bigint not null,
  inventory_id bigint not null,
  -- The frame's position id (the stock balance the draw saw); the key columns below find its count-list line.
  stock_balance_id bigint not null,
  item_id bigint not null,
  warehouse_id bigint not null,
  zone_id bigint,
  bin_id bigint,
  lot text not null,
  serial text not null,
  book_quantity numeric not null,
  unit_price numeric not null,
  book_value numeric not null,
  -- population: not drawn; complete: the complete layer; drawn: drawn in draw number `draw`.
  role text not null check (role in ('population', 'complete', 'drawn')),
  draw smallint check ((role = 'drawn') = (draw is not null)),
  primary key (site_id, inventory_id, stock_balance_id),
  foreign key (site_id, inventory_id) references inventory_samples (site_id, inventory_id) on delete cascade
);
create index inventory_sample_positions_role_idx on inventory_sample_positions (inventory_id, role, draw);
