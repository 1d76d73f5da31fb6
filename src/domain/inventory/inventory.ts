// The inventory header (SPEC §4.2): its lifecycle as data (a transition table plus named commands) and the
// rules about which header fields may still change. Pure: the service loads the header, asks here, persists.
import { DomainError } from '../errors.js';
import type { InventoryMethod, InventoryStatus, MaterialType, ReportType, ValuationPrice } from './vocabulary.js';

export { INVENTORY_STATUSES } from './vocabulary.js';
export type { InventoryMethod, InventoryStatus, MaterialType, ReportType, ValuationPrice } from './vocabulary.js';

/**
 * Every legal move of the header status. `has_count_lists → created` happens when the last generated list
 * is deleted again; nothing ever leaves `closed`.
 */
export const INVENTORY_TRANSITIONS: Readonly<Record<InventoryStatus, readonly InventoryStatus[]>> = {
  created: ['has_count_lists', 'open'],
  has_count_lists: ['created', 'open'],
  open: ['closed'],
  closed: [],
};

/** Moves `from → to` or throws: a closed inventory says so, any other illegal move names both ends. */
export function transition(from: InventoryStatus, to: InventoryStatus): InventoryStatus {
  if (INVENTORY_TRANSITIONS[from].includes(to)) return to;
  if (from === 'closed') {
    throw new DomainError('inventory.closed', 'the inventory is closed; nothing can change any more', {
      params: { from, to },
    });
  }
  throw new DomainError('inventory.illegal_transition', `an inventory cannot go from ${from} to ${to}`, {
    params: { from, to },
  });
}

export type InventoryCommand = 'listsAdded' | 'listsRemoved' | 'start' | 'close';

/**
 * What each command does from each state. A command listed with the same state as target (generating more
 * lists on an open inventory) keeps the status on purpose; a state not listed is refused through `transition`.
 */
const COMMANDS: Record<InventoryCommand, Partial<Record<InventoryStatus, InventoryStatus>>> = {
  listsAdded: { created: 'has_count_lists', has_count_lists: 'has_count_lists', open: 'open' },
  listsRemoved: { has_count_lists: 'created', created: 'created', open: 'open' },
  start: { created: 'open', has_count_lists: 'open' },
  close: { open: 'closed' },
};

/** The next status after `command`, or the DomainError of the illegal move. */
export function applyCommand(status: InventoryStatus, command: InventoryCommand): InventoryStatus {
  const target = COMMANDS[command][status];
  if (target === status) return status;
  if (target !== undefined) return transition(status, target);
  ensureNotClosed(status);
  throw new DomainError('inventory.illegal_transition', `${command} is not possible while the inventory is ${status}`, {
    params: { from: status, command },
  });
}

export const startInventory = (s: InventoryStatus) => applyCommand(s, 'start');
export const closeInventory = (s: InventoryStatus) => applyCommand(s, 'close');
export const listsAdded = (s: InventoryStatus) => applyCommand(s, 'listsAdded');

/** Refuses any change or generation on a closed inventory. */
export function ensureNotClosed(status: InventoryStatus): void {
  if (status === 'closed')
    throw new DomainError('inventory.closed', 'the inventory is closed; nothing can change any more');
}

/** The header fields that may be edited after creation (the type and number never are). */
export interface HeaderFields {
  description: string;
  ownerId: string;
  fiscalYear: number;
  countListSequenceCode: string;
  stockTakingDate: string | null;
  valuationPrice: ValuationPrice;
  adjustmentKey: string | null;
  transferKey: string | null;
  valueAdjustmentKey: string | null;
  reportType: ReportType;
  singleReportingRequired: boolean;
  showSystemQuantities: boolean;
  costCentre: string | null;
  responsibleUserId: string | null;
}

export interface HeaderState extends HeaderFields {
  status: InventoryStatus;
  method: InventoryMethod;
  materialType: MaterialType;
  typeId: string;
}

export type HeaderChanges = Partial<HeaderFields> & { typeId?: string };

/** Checks a header edit against SPEC §4.2 and returns the fields that really change. */
export function checkHeaderChanges(
  current: HeaderState,
  changes: HeaderChanges,
  hasLists: boolean,
): Partial<HeaderFields> {
  const changed: Partial<HeaderFields> = {};
  for (const [k, v] of Object.entries(changes) as [keyof HeaderChanges, unknown][]) {
    if (v === undefined || k === 'typeId') continue;
    if ((current as unknown as Record<string, unknown>)[k] !== v) (changed as Record<string, unknown>)[k] = v;
  }
  if (changes.typeId !== undefined && changes.typeId !== current.typeId) {
    throw new DomainError('inventory.type_locked', 'the inventory type cannot change after the first save', {
      field: 'typeId',
    });
  }
  if (Object.keys(changed).length === 0) return changed;
  ensureNotClosed(current.status);
  if (changed.ownerId !== undefined && current.status === 'open') {
    throw new DomainError('inventory.owner_locked', 'the stock owner is fixed once the inventory is started', {
      field: 'ownerId',
    });
  }
  // Stricter than "fixed once started" (SPEC §4.2): generated lines carry the owner whose stock they list,
  // so a new owner would leave them counting another company's stock. Delete the lists to change it.
  if (changed.ownerId !== undefined && hasLists) {
    throw new DomainError(
      'inventory.owner_locked',
      "the stock owner is fixed once a count list exists (its lines list that owner's stock); delete the lists first",
      { field: 'ownerId' },
    );
  }
  if (hasLists) {
    if (changed.valuationPrice !== undefined) {
      throw new DomainError('inventory.valuation_locked', 'the valuation price is fixed once a count list exists', {
        field: 'valuationPrice',
      });
    }
    for (const key of ['adjustmentKey', 'transferKey', 'valueAdjustmentKey'] as const) {
      if (key in changed)
        throw new DomainError('inventory.keys_locked', `${key} is fixed once a count list exists`, { field: key });
    }
    if ('stockTakingDate' in changed) {
      throw new DomainError(
        'inventory.stock_taking_date_locked',
        'the stock-taking date is copied onto the count lists; it is fixed once a list exists',
        { field: 'stockTakingDate' },
      );
    }
    if (changed.fiscalYear !== undefined) {
      throw new DomainError(
        'inventory.fiscal_year_locked',
        'the fiscal year decided which items were "not counted"; it is fixed once a list exists',
        { field: 'fiscalYear' },
      );
    }
  }
  checkHeader({ ...current, ...changed });
  return changed;
}

/** Rules that hold for every saved header, new or edited. */
export function checkHeader(
  h: Pick<HeaderState, 'method' | 'materialType' | 'stockTakingDate' | 'valueAdjustmentKey'>,
): void {
  if (h.method === 'stock_taking_day' && !h.stockTakingDate) {
    throw new DomainError(
      'inventory.stock_taking_date_required',
      'a stock-taking-day inventory needs its stock-taking date',
      { field: 'stockTakingDate' },
    );
  }
  if (h.materialType === 'production_resources' && h.valueAdjustmentKey) {
    throw new DomainError(
      'inventory.value_key_not_allowed',
      'production resources get quantity adjustments only; no value-adjustment key',
      { field: 'valueAdjustmentKey' },
    );
  }
}

export type KeyKind = 'receipt' | 'issue' | 'transfer' | 'revaluation' | 'adjustment';

/** Which transaction-key kind each key field of a type or inventory must have. */
export const KEY_KINDS = {
  adjustmentKey: 'adjustment',
  transferKey: 'transfer',
  valueAdjustmentKey: 'revaluation',
} as const satisfies Record<string, KeyKind>;

/** Checks each given key against its required kind; `kinds` maps key code → kind (missing = unknown key). */
export function checkKeyKinds(
  keys: Partial<Record<keyof typeof KEY_KINDS, string | null>>,
  kinds: ReadonlyMap<string, KeyKind>,
): void {
  for (const field of Object.keys(KEY_KINDS) as (keyof typeof KEY_KINDS)[]) {
    const code = keys[field];
    if (!code) continue;
    const kind = kinds.get(code);
    if (kind === undefined)
      throw new DomainError('reference.unknown', `transaction key ${code} does not exist`, { field });
    if (kind !== KEY_KINDS[field]) {
      throw new DomainError(
        'inventory.key_kind',
        `${field} must be a key of kind ${KEY_KINDS[field]}; ${code} is ${kind}`,
        { field, params: { code, kind, required: KEY_KINDS[field] } },
      );
    }
  }
}

/** The inventory number from a numbering scheme: prefix + the value left-padded to `width` (never cut). */
export function formatNumber(prefix: string, width: number, value: number | string): string {
  return prefix + String(value).padStart(width, '0');
}
