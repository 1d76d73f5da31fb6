-- Counting hot paths (scans, imports): after each report the list's status depends only on whether some
-- relevant line is still open. This partial index answers that with one probe instead of counting every
-- line of the list. Lines leave it as they are reported, so a report adds no entry here.
create index count_list_items_open_idx on count_list_items (count_list_id) where status = 'open' and not informational;
