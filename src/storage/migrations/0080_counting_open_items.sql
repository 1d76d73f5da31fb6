-- Counting hot paths (scans, imports): after each report the list's status depends only on whether some
-- relevant line is still open. This partial index answers that with one probe instead of counting every
-- line of the list. Lines leave it as they are reported, so a report adds no entry here.
create index count_list_items_open_idx on count_list_items (count_list_id) where status = 'open' and not informational;
-- Opening a bin list re-reads the stock of its bins: stock_balances by bin (the place index leads with the
-- warehouse and zone, so a bin alone meant a scan of every balance, once per list).
create index stock_balances_bin_idx on stock_balances (bin_id) where bin_id is not null;
