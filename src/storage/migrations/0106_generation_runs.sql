-- Count-list generation as a job in chunks (docs/inventory.md "Generating as a job"). A large generation is
-- planned once — the selection and split of one uninterrupted run, with every list's number allocated — and
-- the plan is kept here, so each chunk writes its lists in a transaction of its own and a generation that
-- stopped at a failing chunk continues from the same plan: the same lists, numbers and lines as if it had
-- never stopped. The plan is removed when the last chunk is written. At most one unfinished plan per inventory.
create table generation_runs (
  site_id bigint not null,
  inventory_id bigint not null,
  -- The normalised generation parameters; continuing needs the same ones.
  params jsonb not null,
  status text not null check (status in ('queued', 'running', 'failed')),
  -- Why the last chunk failed (failed only).
  reason text check (length(reason) <= 2000),
  job_id text,
  chunks int not null check (chunks >= 1),
  chunks_done int not null default 0 check (chunks_done between 0 and chunks),
  positions int not null check (positions >= 0),
  positions_done int not null default 0 check (positions_done between 0 and positions),
  skipped_on_other_list int not null default 0,
  skipped_over_max_lists int not null default 0,
  created_by bigint references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (site_id, inventory_id),
  foreign key (site_id, inventory_id) references inventories (site_id, id) on delete cascade
);

-- One row per planned list: its number (allocated at planning) and the chunk that writes it.
create table generation_run_lists (
  site_id bigint not null,
  inventory_id bigint not null,
  list_no int not null,
  chunk_no int not null,
  number text not null,
  items int not null,
  informational int not null,
  primary key (site_id, inventory_id, list_no),
  foreign key (site_id, inventory_id) references generation_runs (site_id, inventory_id) on delete cascade
);
create index generation_run_lists_chunk_idx on generation_run_lists (site_id, inventory_id, chunk_no);

-- The planned lines (gen_pos of generation.repository.ts). No foreign keys: the rows are copies of stock-balance
-- positions, written and read once, like count_list_items' (0071).
create table generation_run_positions (
  site_id bigint not null,
  inventory_id bigint not null,
  list_no int not null,
  line_no int not null,
  item_id bigint,
  warehouse_id bigint not null,
  zone_id bigint,
  bin_id bigint,
  lot text not null,
  serial text not null,
  wh_responsible bigint,
  informational boolean not null,
  primary key (site_id, inventory_id, list_no, line_no),
  foreign key (site_id, inventory_id) references generation_runs (site_id, inventory_id) on delete cascade
);

-- The parameters of the inventory's last generation: a duplicated inventory takes them along.
alter table inventories add column generation_params jsonb;
