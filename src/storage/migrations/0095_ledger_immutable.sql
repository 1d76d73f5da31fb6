-- The stock ledger is append-only (SPEC §3): a wrong entry is corrected by a new, reversing entry, never by
-- changing or removing the old one. No code path updates or deletes ledger rows; this makes the database
-- itself refuse it, so neither a bug nor a hand-written statement can rewrite stock history.
create function stock_ledger_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'stock_ledger is append-only: % refused (post a reversing entry instead)', tg_op
    using errcode = 'restrict_violation';
end;
$$;
create trigger stock_ledger_immutable before update or delete on stock_ledger
  for each row execute function stock_ledger_refuse_change();
create trigger stock_ledger_no_truncate before truncate on stock_ledger
  for each statement execute function stock_ledger_refuse_change();
