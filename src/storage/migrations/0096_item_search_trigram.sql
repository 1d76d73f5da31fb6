-- Substring search of items ("…contains 'M4x2'…") by code, description and search code: without an index
-- every search reads all items (≈ 50 ms at 100,000 on PostgreSQL, 80 ms on PGlite — bench/item-search.ts);
-- trigram GIN indexes answer it in about a millisecond.
--
-- pg_trgm ships with PostgreSQL (contrib) and PGlite (loaded by the adapter); where a server lacks it the
-- search still works, unindexed. It is created once per database, in `public`: test and bench runs put each
-- database copy in a schema of its own, and an extension living in one of them would vanish with it. Two
-- migrations racing to create it (parallel test files) are fine: the loser finds it made.
do $$
declare
  ext_schema text;
begin
  if not exists (select 1 from pg_extension where extname = 'pg_trgm')
     and exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
    begin
      create extension if not exists pg_trgm schema public;
    exception when unique_violation or duplicate_object then
      null;
    end;
  end if;
  select n.nspname into ext_schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
  if ext_schema is not null then
    execute format('create index items_code_trgm_idx on items using gin (lower(code) %I.gin_trgm_ops)', ext_schema);
    execute format('create index items_description_trgm_idx on items using gin (lower(description) %I.gin_trgm_ops)', ext_schema);
    execute format('create index item_search_codes_code_trgm_idx on item_search_codes using gin (lower(code) %I.gin_trgm_ops)', ext_schema);
  end if;
end
$$;
