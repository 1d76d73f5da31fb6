-- Item search without pg_trgm (PGlite does not ship it). "Word" search keeps, per item, every suffix of its
-- lower-cased code, description and search codes that starts a word; a prefix LIKE on these terms through a
-- text_pattern_ops btree finds a word anywhere in the text. Maintained by the item service in the same
-- transaction as the item; rebuildable from items and item_search_codes at any time.
create table item_search_terms (
  item_id bigint not null references items (id) on delete cascade,
  term text not null check (length(term) between 1 and 80)
);
create unique index item_search_terms_item_term_key on item_search_terms (item_id, term);
create index item_search_terms_term_pattern_idx on item_search_terms (term text_pattern_ops);

-- Prefix search on search codes (barcodes, supplier codes); the unique index uses the default collation,
-- which LIKE 'abc%' cannot use outside the C locale.
create index item_search_codes_code_pattern_idx on item_search_codes (code text_pattern_ops);
