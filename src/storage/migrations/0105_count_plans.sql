-- Cycle counting by ABC class (docs/cycle-counting.md).
--  * A count plan per site, or per warehouse of the site (that one wins): counts per year of the classes
--    A, B and C, optionally a class of slow movers (no movement for slow_mover_days days, counted
--    slow_mover_counts times a year), the positions a working day can take, and the working calendar
--    (ISO weekdays as digits, '12345' = Monday–Friday; holidays as a JSON array of dates).
--  * Every ABC analysis is recorded: when, by whom or by which scheduled job, over which period, and each
--    item whose class it changed. The schedule is one row: every how many days, over how many days back.
-- The rules (intervals, due dates) are the domain's (src/domain/inventory/count-plan.ts); the CHECKs below
-- only hold the bounds it parses to.

-- Lets site-owned tables reference a warehouse by (site_id, id), as Citus wants for colocated keys.
create unique index if not exists warehouses_site_id_key on warehouses (site_id, id);

create table count_plans (
  site_id bigint not null references sites (id),
  id bigint generated always as identity,
  warehouse_id bigint,
  counts_a int not null check (counts_a between 0 and 364),
  counts_b int not null check (counts_b between 0 and 364),
  counts_c int not null check (counts_c between 0 and 364),
  slow_mover_days int check (slow_mover_days between 1 and 3650),
  slow_mover_counts int check (slow_mover_counts between 0 and 364),
  daily_capacity int not null check (daily_capacity between 1 and 100000),
  working_days text not null default '12345' check (working_days ~ '^1?2?3?4?5?6?7?$' and working_days <> ''),
  holidays jsonb not null default '[]' check (jsonb_typeof(holidays) = 'array' and jsonb_array_length(holidays) <= 400),
  updated_by bigint references users (id) on delete set null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (site_id, id),
  check ((slow_mover_days is null) = (slow_mover_counts is null)),
  foreign key (site_id, warehouse_id) references warehouses (site_id, id) on delete cascade
);
-- One plan for the site (warehouse null) and at most one per warehouse.
create unique index count_plans_site_warehouse_key on count_plans (site_id, warehouse_id) nulls not distinct;

create table abc_analysis_runs (
  id bigint generated always as identity primary key,
  ran_at timestamptz not null,
  trigger text not null check (trigger in ('manual', 'schedule')),
  user_id bigint references users (id) on delete set null,
  job_id text check (job_id is null or length(job_id) between 1 and 100),
  -- The consumption of one site only, or of every site (null).
  site_id bigint references sites (id),
  period_from date not null,
  period_to date not null,
  threshold_a numeric not null check (threshold_a > 0 and threshold_a <= 100),
  threshold_b numeric not null check (threshold_b > 0 and threshold_b <= 100),
  items_total int not null check (items_total >= 0),
  changes_count int not null check (changes_count >= 0),
  count_a int not null check (count_a >= 0),
  count_b int not null check (count_b >= 0),
  count_c int not null check (count_c >= 0),
  check (period_from <= period_to),
  check (threshold_a <= threshold_b),
  check (trigger = 'manual' or job_id is not null)
);
create index abc_analysis_runs_ran_at_idx on abc_analysis_runs (ran_at desc);

create table abc_analysis_changes (
  run_id bigint not null references abc_analysis_runs (id) on delete cascade,
  item_id bigint not null references items (id) on delete cascade,
  previous_class text check (previous_class in ('A', 'B', 'C')),
  new_class text not null check (new_class in ('A', 'B', 'C')),
  primary key (run_id, item_id),
  check (previous_class is distinct from new_class)
);

create table abc_analysis_schedule (
  id smallint primary key default 1 check (id = 1),
  enabled boolean not null default false,
  every_days int not null default 30 check (every_days between 1 and 366),
  period_days int not null default 365 check (period_days between 1 and 3660),
  threshold_a numeric not null default 80 check (threshold_a > 0 and threshold_a <= 100),
  threshold_b numeric not null default 95 check (threshold_b > 0 and threshold_b <= 100),
  next_run_on date,
  updated_at timestamptz not null,
  check (threshold_a <= threshold_b),
  check (not enabled or next_run_on is not null)
);
