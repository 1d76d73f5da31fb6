// The plan for going beyond one database (docs/scaling.md): Citus, every site-owned table distributed by
// site_id in one colocation group, everything shared across sites a reference table (a full copy on every
// node). Written once here; test/medium/citus-plan.test.ts holds the migrated schema against it, so a new
// table must be placed, and a new unique index or foreign key on a distributed table must carry site_id.

/** The distribution column of every distributed table. */
export const DISTRIBUTION_COLUMN = 'site_id';

/**
 * Site-owned tables: distributed by site_id, colocated, so a query of one site runs on one node and joins
 * on (site_id, …) stay local. Citus requires every unique index and primary key of such a table to include
 * site_id, and a foreign key between two of them to match site_id to site_id.
 */
export const DISTRIBUTED_TABLES = [
  // places
  'warehouses',
  'zones',
  'bins',
  'barcode_rules',
  'item_warehouse_planning',
  // physical inventory
  'inventories',
  'count_lists',
  'count_list_items',
  'count_list_counters',
  'count_reports',
  'count_list_approvals',
  'inventory_samples',
  'inventory_sample_positions',
  'generation_runs',
  'generation_run_lists',
  'generation_run_positions',
  'count_plans',
  // stock
  'stock_ledger',
  'stock_balances',
  'stock_locks',
  'stock_period_snapshots',
  'stock_valuations',
  'reservations',
  'posting_errors',
  'posting_error_actions',
] as const;

/**
 * Shared across sites and small or rarely written: a copy on every node, so any distributed table can join
 * them locally and reference them by foreign key. A reference table must not reference a distributed one.
 * `users` carries a nullable site_id (site-less admins) and `jobs` one for site-less jobs: neither can be
 * distributed by it. sessions (last use), login_throttle, audit_log, idempotency_keys and jobs are written
 * more often than the rest; at a scale where that matters they become distributed tables of their own key
 * (token, user or job id), not colocated with the sites.
 */
export const REFERENCE_TABLES = [
  'sites',
  'owners',
  'units',
  'transaction_keys',
  'number_sequences',
  'accounting_periods',
  'inventory_types',
  'inventory_type_sampling',
  'reason_codes',
  'abc_analysis_runs',
  'abc_analysis_changes',
  'abc_analysis_schedule',
  'items',
  'item_search_codes',
  'item_search_terms',
  'item_alternatives',
  'item_classes',
  'item_templates',
  'item_prices',
  'item_price_tiers',
  'price_lists',
  'classification_codes',
  'lot_classes',
  'serial_classes',
  'lots',
  'users',
  'sessions',
  'login_throttle',
  'audit_log',
  'idempotency_keys',
  'jobs',
  'schema_migrations',
] as const;

/**
 * To be migrated: the tables whose schema does not meet the plan yet, each with exactly what still breaks
 * it — a unique index or primary key without site_id, a foreign key between distributed tables that does
 * not match site_id to site_id, a reference table's foreign key into a distributed one, or 'site_id
 * nullable' / 'site_id missing'. Shrink-only: the test fails when an entry is fixed but still listed (take
 * it out; a table with nothing left leaves this list) and when the schema breaks the plan anywhere that is
 * not listed (fix the new index or key instead of listing it). Measured 2026-12-03: 19 tables, 56 gaps.
 * Most are primary keys on id alone and foreign keys on a bare parent id; closing them needs the
 * ON CONFLICT targets of the repositories changed in the same step (see docs/scaling.md).
 */
export const TO_BE_MIGRATED: Readonly<Record<string, readonly string[]>> = {
  warehouses: ['warehouses_pkey'],
  zones: ['zones_one_differences_zone', 'zones_pkey', 'zones_warehouse_code_key', 'zones_warehouse_id_fkey'],
  bins: [
    'bins_pkey',
    'bins_warehouse_barcode_key',
    'bins_warehouse_code_key',
    'bins_warehouse_id_fkey',
    'bins_zone_id_fkey',
  ],
  barcode_rules: ['barcode_rules_pkey'],
  item_warehouse_planning: ['item_warehouse_planning_pkey', 'item_warehouse_planning_warehouse_id_fkey'],
  inventories: ['inventories_pkey', 'inventories_type_number_key'],
  count_lists: [
    'count_lists_inventory_id_fkey',
    'count_lists_inventory_number_key',
    'count_lists_pkey',
    'count_lists_warehouse_id_fkey',
  ],
  count_list_items: ['count_list_items_count_list_id_fkey', 'count_list_items_pkey', 'count_list_items_position_key'],
  count_list_counters: ['count_list_counters_count_list_id_fkey', 'count_list_counters_pkey'],
  count_reports: [
    'count_reports_client_id_key',
    'count_reports_count_list_id_fkey',
    'count_reports_count_list_item_id_fkey',
    'count_reports_pkey',
  ],
  stock_ledger: [
    'stock_ledger_bin_id_fkey',
    'stock_ledger_pkey',
    'stock_ledger_warehouse_id_fkey',
    'stock_ledger_zone_id_fkey',
  ],
  stock_balances: [
    'stock_balances_bin_id_fkey',
    'stock_balances_pkey',
    'stock_balances_position_key',
    'stock_balances_warehouse_id_fkey',
    'stock_balances_zone_id_fkey',
  ],
  stock_locks: [
    'stock_locks_bin_id_fkey',
    'stock_locks_pkey',
    'stock_locks_warehouse_id_fkey',
    'stock_locks_zone_id_fkey',
  ],
  stock_period_snapshots: [
    'stock_period_snapshots_bin_id_fkey',
    'stock_period_snapshots_key',
    'stock_period_snapshots_warehouse_id_fkey',
    'stock_period_snapshots_zone_id_fkey',
  ],
  // Item-level valuations (warehouse null) are the item's across sites: they move to a reference table of their own.
  stock_valuations: ['site_id nullable', 'stock_valuations_key', 'stock_valuations_warehouse_id_fkey'],
  reservations: [
    'reservations_bin_id_fkey',
    'reservations_pkey',
    'reservations_warehouse_id_fkey',
    'reservations_zone_id_fkey',
  ],
  posting_errors: ['posting_errors_pkey'],
  posting_error_actions: ['posting_error_actions_pkey', 'posting_error_actions_posting_error_id_fkey'],
  // A reference table may not point into a distributed one: the preferred warehouse moves to item_warehouse_planning.
  items: ['items_preferred_warehouse_id_fkey'],
};
