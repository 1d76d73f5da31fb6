-- User barcode rules per site (in-house labels the built-in GS1/GTIN decoding does not cover), and
-- the indexes the handheld scan path needs so one scan is a handful of index look-ups.

create table barcode_rules (
  id bigint generated always as identity primary key,
  site_id bigint not null references sites (id),
  name text not null check (length(name) between 1 and 100),
  -- Rules are tried in this order; reordering rewrites 0..n-1 in one transaction.
  position int not null check (position >= 0),
  -- A rule as validated by parseBarcodeRule (src/domain/barcode/rules.ts); name copied from the column.
  rule jsonb not null check (jsonb_typeof(rule) = 'object'),
  active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index barcode_rules_site_name_key on barcode_rules (site_id, name);
create index barcode_rules_site_position_idx on barcode_rules (site_id, position, id);

-- A scan on a list without a warehouse of its own (multi-warehouse article list) finds a bin by code or
-- barcode within the site; without these that is a scan of all bins.
create index bins_site_code_idx on bins (site_id, code);
create index bins_site_barcode_idx on bins (site_id, barcode) where barcode is not null;
