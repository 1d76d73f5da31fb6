-- Several counters per count list: besides its responsible employee a list has any number of
-- assigned counters, who see it on the handheld and may report on it like the responsible. Who may count is
-- decided once, in src/domain/inventory/count-list.ts (mayCount). Deleting a list deletes its assignments.
create table count_list_counters (
  count_list_id bigint not null references count_lists (id) on delete cascade,
  user_id bigint not null references users (id),
  site_id bigint not null references sites (id),
  created_at timestamptz not null,
  primary key (count_list_id, user_id)
);
-- The handheld's list picker: the lists a user is assigned to.
create index count_list_counters_user_idx on count_list_counters (user_id, count_list_id);
