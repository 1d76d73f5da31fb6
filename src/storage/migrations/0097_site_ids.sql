-- Every row that belongs to a site carries site_id (the distribution key when the schema is sharded by site,
-- e.g. Citus): valuations per warehouse, per-warehouse planning and the action history of posting errors
-- had it only through their parent. Item-level valuations (warehouse null) are the item's, across sites.
alter table stock_valuations add column site_id bigint references sites (id);
update stock_valuations v set site_id = w.site_id from warehouses w where w.id = v.warehouse_id;
alter table stock_valuations add constraint stock_valuations_site_check check ((warehouse_id is null) = (site_id is null));

alter table item_warehouse_planning add column site_id bigint references sites (id);
update item_warehouse_planning p set site_id = w.site_id from warehouses w where w.id = p.warehouse_id;
alter table item_warehouse_planning alter column site_id set not null;

alter table posting_error_actions add column site_id bigint references sites (id);
update posting_error_actions a set site_id = e.site_id from posting_errors e where e.id = a.posting_error_id;
alter table posting_error_actions alter column site_id set not null;
