-- Inventory consolidation: count_list_items keeps only the foreign key to its list (with cascade).
--
-- Why: generation inserts 10^5–10^6 items in one INSERT … SELECT, and every row paid eight foreign-key
-- checks (site, inventory, list, item, warehouse, zone, bin, owner): 23–41 s for 100,000 items on PGlite,
-- 3.7 s on PostgreSQL. The checks are redundant for the rows that get there:
--   * generation and bin-list opening copy positions from stock_balances, whose own foreign keys already
--     guarantee item, warehouse, zone, bin and owner; site, inventory and owner come from the locked
--     inventory and list rows of the same transaction;
--   * recount lists (verification) copy positions from existing count-list items;
--   * items added while counting (report.service.ts addFoundItem) are validated by the service: item,
--     warehouse and bin by primary key (report-head.repository.ts selectPlaceAndItem), the zone of a bin-less place
--     against the warehouse, site and owner from the list and inventory.
-- Deleting: an inventory deletes its lists and items itself; the list key keeps its cascade. Master data
-- still referenced by count lists is protected where it matters by the services (zones) and in practice by
-- stock_balances / stock_ledger, which reference the same positions.
alter table count_list_items drop constraint if exists count_list_items_site_id_fkey;
alter table count_list_items drop constraint if exists count_list_items_inventory_id_fkey;
alter table count_list_items drop constraint if exists count_list_items_item_id_fkey;
alter table count_list_items drop constraint if exists count_list_items_warehouse_id_fkey;
alter table count_list_items drop constraint if exists count_list_items_zone_id_fkey;
alter table count_list_items drop constraint if exists count_list_items_bin_id_fkey;
alter table count_list_items drop constraint if exists count_list_items_owner_id_fkey;
