-- Inventory consolidation: the inventory-differences zone of a warehouse holds no bins. Closing a count list
-- in a structured warehouse transfers each difference to that zone without a bin (SPEC §4.5); a structured
-- differences zone would make every such transfer fail with place.bin_required at the worst moment.
--
-- Existing rows: a differences zone marked structured but without bins loses nothing by becoming
-- unstructured, so it is fixed here. One that already has bins cannot be fixed silently (stock may lie in
-- them); the constraint below then refuses the migration and the zone must be cleaned up by hand first.
update zones z set structured = false
where z.usage = 'inventory_differences' and z.structured
  and not exists (select 1 from bins b where b.zone_id = z.id);

alter table zones add constraint zones_differences_zone_unstructured
  check (usage <> 'inventory_differences' or not structured);
