// One error type for the whole product. Codes form a closed set; each code belongs to a kind that the API
// maps to an HTTP status in one place (src/api/error-map.ts). Services never throw HTTP errors.

export type ErrorKind =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rule' | 'throttled' | 'internal';

/**
 * The closed set of error codes. Add a code here (with its kind) before throwing it; the type system
 * refuses any other string. Grouped by module; keep each group sorted.
 */
export const ERROR_CODES = {
  // generic
  'internal.error': 'internal',
  'validation.failed': 'invalid',
  'validation.unknown_field': 'invalid',
  not_found: 'not_found',
  'conflict.duplicate': 'conflict',
  'conflict.in_use': 'conflict',
  'conflict.concurrent_update': 'conflict',
  'conflict.retry': 'conflict', // the database refused a concurrent change (serialisation, deadlock): send again
  // auth
  'auth.invalid_credentials': 'unauthenticated',
  'auth.token_missing': 'unauthenticated',
  'auth.token_invalid': 'unauthenticated',
  'auth.too_many_attempts': 'throttled', // params.retryAfterSeconds; the API sends it as Retry-After
  'auth.forbidden': 'forbidden',
  'auth.current_password_wrong': 'invalid', // changing one's own password needs the current one
  // idempotency (the Idempotency-Key header on writes)
  'idempotency.in_progress': 'conflict',
  'idempotency.key_reused': 'rule',
  'idempotency.outcome_unknown': 'conflict',
  // storage
  'storage.data_dir_in_use': 'conflict',
  'storage.migrations_diverged': 'conflict',
  // numbers and units
  'quantity.invalid': 'invalid',
  'quantity.too_many_decimals': 'rule',
  'unit.conversion_invalid': 'invalid',
  'unit.not_convertible': 'rule',
  // places
  'place.bin_code_invalid': 'invalid',
  'place.bin_elements_invalid': 'invalid',
  'place.zone_not_allowed': 'rule',
  'place.bin_required': 'rule',
  'place.bin_not_allowed': 'rule',
  'place.warehouse_virtual': 'rule',
  'place.differences_zone_missing': 'rule',
  // items
  'item.primary_unit_locked': 'rule',
  'item.tracking_locked': 'rule', // items: lot/serial management fixed while the item has stock
  'item.code_invalid': 'invalid',
  'item.lot_required': 'rule',
  'item.lot_not_allowed': 'rule',
  'item.serial_required': 'rule',
  'item.serial_not_allowed': 'rule',
  'item.not_in_inventory': 'rule',
  // ledger
  'ledger.negative_stock': 'rule',
  'ledger.serial_quantity': 'rule',
  'ledger.period_closed': 'rule',
  'ledger.period_missing': 'rule',
  'ledger.key_kind_mismatch': 'rule',
  'ledger.stock_locked': 'rule',
  'ledger.posting_error_file_not_empty': 'rule',
  'ledger.not_available': 'rule',
  // places & items
  'reference.unknown': 'rule',
  'item.search_code_main': 'rule',
  // count lists (open, report, verify, close)
  'count.bin_required': 'rule',
  'count.blind_mark_all': 'rule',
  'count.illegal_transition': 'conflict',
  'count.import_duplicate': 'invalid',
  'count.import_unknown_position': 'rule',
  'count.inventory_closed': 'rule',
  'count.inventory_not_open': 'rule',
  'count.list_closed': 'rule',
  'count.marked_for_verification': 'rule',
  'count.negative_result': 'rule',
  'count.not_all_reported': 'rule',
  'count.not_open': 'rule',
  'count.on_other_list': 'rule',
  'count.place_not_on_list': 'rule',
  'count.postings_parked': 'rule',
  'count.report_id_reused': 'conflict',
  'count.serial_quantity': 'rule',
  'count.single_reporting_required': 'rule',
  'count.value_key_missing': 'rule',
  'job.unknown_kind': 'invalid',
  'count.zone_required': 'rule', // handheld: a structured warehouse with unstructured zones, no place scanned
  // inventory: types, header, lifecycle, count-list generation
  'inventory.closed': 'rule',
  'inventory.fiscal_year_locked': 'rule',
  'inventory.has_closed_lists': 'rule',
  'inventory.illegal_transition': 'conflict',
  'inventory.key_kind': 'rule',
  'inventory.keys_locked': 'rule',
  'inventory.owner_locked': 'rule',
  'inventory.period_closed': 'rule',
  'inventory.site_required': 'invalid',
  'inventory.stock_taking_date_locked': 'rule',
  'inventory.stock_taking_date_required': 'rule',
  'inventory.type_locked': 'rule',
  'inventory.valuation_locked': 'rule',
  'inventory.value_key_not_allowed': 'rule',
  'generation.method_not_allowed': 'rule',
  'generation.no_responsible_inventory': 'rule',
  'generation.no_responsible_warehouse': 'rule',
  'generation.parameter_invalid': 'invalid',
  'generation.structure_invalid': 'invalid',
  'generation.unfinished': 'conflict', // a chunked generation stopped part-way (docs/inventory.md)
  // statistical sample inventory (docs/sampling.md)
  'sample.already_drawn': 'conflict',
  'sample.extend_not_offered': 'rule',
  'sample.full_count_chosen': 'rule',
  'sample.not_configured': 'rule',
  'sample.not_counted': 'rule',
  'sample.not_drawn': 'rule',
  'sample.not_sample_method': 'rule',
  // tolerances and manager approval of count differences (docs/tolerances.md)
  'review.approval_pending': 'rule',
  'review.illegal_transition': 'conflict',
  'review.not_pending': 'conflict',
  'review.reason_required': 'rule',
  'review.reason_unknown': 'rule',
  'review.same_counter': 'rule',
  'place.differences_zone_structured': 'rule', // inventory consolidation: a differences zone has no bins
  // barcode exposure & handheld counting; params.barcodeError keeps the tokenizer's code
  'barcode.invalid': 'rule',
  // demo data
  'demo.database_not_empty': 'conflict',
  // item master extensions: coding, barcodes, price lists, lots
  'coding.barcode_invalid': 'invalid',
  'coding.no_rule': 'rule',
  'coding.sequence_exhausted': 'rule',
  'price.not_found': 'rule',
  'price.tiers_invalid': 'invalid',
  'price.validity_overlap': 'conflict',
  'lot.class_required': 'rule',
  'import.header_invalid': 'invalid',
  'import.rows_rejected': 'rule',
  // jobs
  'job.failed': 'rule',
  // printing count lists (SPEC §4.5)
  'print.nothing_to_print': 'rule',
  'print.too_large': 'rule',
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface DomainErrorOptions {
  /** The request field the error is about, as a dotted path (`lines.0.quantity`). */
  field?: string;
  /** Values that explain the error to a program (ids, limits); never secrets. */
  params?: Record<string, unknown>;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly params: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = options.field;
    this.params = options.params;
  }

  get kind(): ErrorKind {
    return ERROR_CODES[this.code];
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** Throws when `condition` is false; reads better than if/throw for rule checks. */
export function ensure(
  condition: unknown,
  code: ErrorCode,
  message: string,
  options?: DomainErrorOptions,
): asserts condition {
  if (!condition) throw new DomainError(code, message, options);
}
