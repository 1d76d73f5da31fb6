-- Opening a count list checks its locks against every other open list's (open.service.ts conflictingLock).
-- Bin against bin, and an item locked zone-wide against a whole bin in that zone, had no index to go by and
-- matched every lock of the warehouse for every list opened: quadratic in the size of the inventory.
create index stock_locks_bin_idx on stock_locks (bin_id) where bin_id is not null;
create index stock_locks_bin_zone_idx on stock_locks (warehouse_id, zone_id) where item_id is null and bin_id is not null;
create index stock_locks_item_zone_idx on stock_locks (warehouse_id, zone_id) where item_id is not null and bin_id is null;
