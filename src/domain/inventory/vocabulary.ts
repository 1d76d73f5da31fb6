// The closed word lists of physical inventory (SPEC §3–§5), each written once. TypeScript types, the API's
// zod enums and SQL lists derive from these arrays; a test compares each with its column's CHECK in the
// migrated schema, so a word added in one place and forgotten in another fails the suite.

/** SPEC §4.1: how an inventory is taken. */
export const INVENTORY_METHODS = ['stock_taking_day', 'continuous', 'sample', 'stock_comparison'] as const;
export type InventoryMethod = (typeof INVENTORY_METHODS)[number];

/** SPEC §4.1: stock items, or production resources (counted, never revalued). */
export const MATERIAL_TYPES = ['stock_items', 'production_resources'] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];

/** SPEC §4.2: the inventory header's lifecycle. */
export const INVENTORY_STATUSES = ['created', 'has_count_lists', 'open', 'closed'] as const;
export type InventoryStatus = (typeof INVENTORY_STATUSES)[number];

/** SPEC §4.6: the price differences are valued at when the inventory closes. */
export const VALUATION_PRICES = [
  'settlement_1',
  'settlement_2',
  'settlement_3',
  'settlement_4',
  'settlement_5',
  'inventory',
  'average',
] as const;
export type ValuationPrice = (typeof VALUATION_PRICES)[number];

/** SPEC §4.4: a new report adds to the confirmed quantity (cumulative) or replaces it (single). */
export const REPORT_TYPES = ['cumulative', 'single'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

/** SPEC §4.3: article lists (unstructured places), bin lists (whole bins), difference lists (difference zones). */
export const COUNT_TYPES = ['article', 'bin', 'differences'] as const;
export type CountType = (typeof COUNT_TYPES)[number];

/** SPEC §4.3–§4.6: a count list's lifecycle (see TRANSITIONS in count-list.ts). */
export const COUNT_LIST_STATUSES = [
  'created',
  'partially_generated',
  'opening_failed',
  'open',
  'partially_reported',
  'completely_reported',
  'closing',
  'closed',
  'closed_with_errors',
  'manually_closed',
] as const;
export type CountListStatus = (typeof COUNT_LIST_STATUSES)[number];

/** A count-list line: still to count, reported, or closed with the list. */
export const COUNT_ITEM_STATUSES = ['open', 'reported', 'closed'] as const;
export type CountItemStatus = (typeof COUNT_ITEM_STATUSES)[number];

/** How one report changes a line: adds, replaces, or confirms every open line ("mark all as reported"). */
export const REPORT_MODES = ['add', 'replace', 'mark_all'] as const;
export type ReportMode = (typeof REPORT_MODES)[number];
