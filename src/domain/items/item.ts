// Item master rules (SPEC §2, seed 002) that do not need the database: code and description limits, the
// secondary unit with its conversion, lots and serials, classification fields, and the words an item is
// found by. Reference checks (units and classification codes exist) are the service's job.
import { Dec, parseDecimal } from '../decimal.js';
import { DomainError } from '../errors.js';
import { checkConversion, type ConversionOp } from './unit.js';

export type LotManagement = 'no' | 'yes' | 'auto';

export const ITEM_CODE_MAX = 50;
export const DESCRIPTION_MAX = 40;
export const SUPPLEMENTARY_MAX = 65_536;
export const SEARCH_CODE_MAX = 80;

/** Classification fields of the item and the code-table kind each refers to. */
export const CLASSIFICATION_FIELDS = {
  productGroup: 'product_group',
  brand: 'brand',
  family: 'family',
  homogeneousCategory: 'homogeneous_category',
  stockAccountClassification: 'stock_account_classification',
  classification1: 'classification_1',
  classification2: 'classification_2',
  classification3: 'classification_3',
  classification4: 'classification_4',
  classification5: 'classification_5',
} as const;
export type ClassificationField = keyof typeof CLASSIFICATION_FIELDS;
export type ClassificationKind = (typeof CLASSIFICATION_FIELDS)[ClassificationField];
export const CLASSIFICATION_KINDS = Object.values(CLASSIFICATION_FIELDS) as ClassificationKind[];

/** Item code: 1–50 characters without whitespace (free alphanumeric in the seed; punctuation is allowed). */
export function checkItemCode(code: string, field = 'code'): string {
  if (code.length < 1 || code.length > ITEM_CODE_MAX || /\s/.test(code)) {
    throw new DomainError('item.code_invalid', `${field} must be 1–${ITEM_CODE_MAX} characters without spaces`, {
      field,
    });
  }
  return code;
}

/** Search codes (barcodes, supplier codes) follow the same rule with 80 characters. */
export function checkSearchCode(code: string, field = 'code'): string {
  if (code.length < 1 || code.length > SEARCH_CODE_MAX || /\s/.test(code)) {
    throw new DomainError('item.code_invalid', `${field} must be 1–${SEARCH_CODE_MAX} characters without spaces`, {
      field,
    });
  }
  return code;
}

export function checkDescription(text: string, field = 'description'): string {
  if (text.trim().length < 1 || text.length > DESCRIPTION_MAX) {
    throw new DomainError('validation.failed', `${field} must have 1–${DESCRIPTION_MAX} characters`, { field });
  }
  return text;
}

export function checkSupplementary(text: string, field = 'supplementaryDescription'): string {
  if (text.length > SUPPLEMENTARY_MAX) {
    throw new DomainError('validation.failed', `${field} must have at most ${SUPPLEMENTARY_MAX} characters`, { field });
  }
  return text;
}

export interface SecondaryUnit {
  secondaryUnit: string | null;
  secondaryConversionOp: ConversionOp | null;
  secondaryConversionFactor: string | null;
}

/** The secondary unit and its conversion come together or not at all, and differ from the primary unit. */
export function checkSecondaryUnit(primaryUnit: string, s: SecondaryUnit): SecondaryUnit {
  const given = [s.secondaryUnit, s.secondaryConversionOp, s.secondaryConversionFactor].filter(
    (v) => v !== null,
  ).length;
  if (given === 0) return { secondaryUnit: null, secondaryConversionOp: null, secondaryConversionFactor: null };
  if (given !== 3) {
    const missing =
      s.secondaryUnit === null
        ? 'secondaryUnit'
        : s.secondaryConversionOp === null
          ? 'secondaryConversionOp'
          : 'secondaryConversionFactor';
    throw new DomainError(
      'unit.conversion_invalid',
      'secondaryUnit, secondaryConversionOp and secondaryConversionFactor are given together or not at all',
      {
        field: missing,
      },
    );
  }
  if (s.secondaryUnit === primaryUnit) {
    throw new DomainError(
      'unit.conversion_invalid',
      `the secondary unit must differ from the primary unit ${primaryUnit}`,
      { field: 'secondaryUnit' },
    );
  }
  const c = checkConversion(s.secondaryConversionOp, s.secondaryConversionFactor, {
    op: 'secondaryConversionOp',
    factor: 'secondaryConversionFactor',
  });
  return {
    secondaryUnit: s.secondaryUnit,
    secondaryConversionOp: c.op,
    secondaryConversionFactor: (c.factor as Dec).toFixed(),
  };
}

export function checkLotManagement(value: string): LotManagement {
  if (value !== 'no' && value !== 'yes' && value !== 'auto') {
    throw new DomainError(
      'validation.failed',
      'lotManagement must be no, yes or auto (yes with automatic consumption)',
      { field: 'lotManagement' },
    );
  }
  return value;
}

/**
 * SPEC §2: a lot-managed item is stocked and counted per lot and a serial-managed one per serial number;
 * an item without either carries none. Postings and count reports both ask this; `field` prefixes the
 * lot and serial fields the error names (e.g. `lines.0.` for a posting line).
 */
export function requireTracking(
  item: { code?: string | undefined; lotManagement: LotManagement; serialManagement: boolean },
  at: { lot: string; serial: string },
  field = '',
): void {
  const which = item.code ? `item ${item.code}` : 'this item';
  const fail = (
    code: 'item.lot_required' | 'item.lot_not_allowed' | 'item.serial_required' | 'item.serial_not_allowed',
    message: string,
    f: 'lot' | 'serial',
  ): never => {
    throw new DomainError(code, message, { field: `${field}${f}` });
  };
  if (item.lotManagement !== 'no' && at.lot === '')
    fail('item.lot_required', `${which} is lot-managed: enter the lot`, 'lot');
  if (item.lotManagement === 'no' && at.lot !== '')
    fail('item.lot_not_allowed', `${which} is not lot-managed: remove the lot`, 'lot');
  if (item.serialManagement && at.serial === '')
    fail('item.serial_required', `${which} is serial-managed: enter the serial number`, 'serial');
  if (!item.serialManagement && at.serial !== '')
    fail('item.serial_not_allowed', `${which} is not serial-managed: remove the serial number`, 'serial');
}

/** A non-negative decimal field (prices, threshold quantity). */
export function checkNonNegative(text: string, field: string): string {
  const d = parseDecimal(text, field);
  if (d.isNegative()) throw new DomainError('validation.failed', `${field} must not be negative`, { field });
  return d.toFixed();
}

export function checkValidity(validFrom: string | null, validTo: string | null): void {
  if (validFrom !== null && validTo !== null && validTo < validFrom) {
    throw new DomainError('validation.failed', `validTo ${validTo} is before validFrom ${validFrom}`, {
      field: 'validTo',
    });
  }
}

/** The primary unit is the unit of balances and valuation: it is fixed once stock has moved. */
export function checkPrimaryUnitChange(
  item: { code: string; primaryUnit: string; hasLedgerEntries: boolean },
  newUnit: string,
): void {
  if (newUnit !== item.primaryUnit && item.hasLedgerEntries) {
    throw new DomainError(
      'item.primary_unit_locked',
      `item ${item.code} has stock movements; its primary unit ${item.primaryUnit} can no longer change`,
      {
        field: 'primaryUnit',
        params: { primaryUnit: item.primaryUnit },
      },
    );
  }
}

export type CheckMode = 'none' | 'warning' | 'blocking';

/** The item columns that follow lot/serial management (seed 002, tab Lotti/matricole). */
export interface TrackingFields {
  lotAvailabilityCheck: CheckMode;
  availabilityCheck: CheckMode;
  serialClass: string | null;
}
export interface Tracking {
  lotManagement: LotManagement;
  serialManagement: boolean;
}

/**
 * The one rule for lot/serial couplings, applied on every path that creates an item or changes its lot/serial
 * management (core PATCH, item-master create/copy/update, import):
 * - a lot-managed item always checks lot availability (automatic consumption needs it): default blocking, and
 *   an explicit "none" is refused; a lot availability check implies the item's availability check;
 * - a serial-managed item needs its serial class (seed: "obbligatorio").
 * `given` names the fields the caller set explicitly: a default is raised, an explicit choice is never overruled
 * silently but refused naming the field.
 */
export function checkTracking(item: Tracking, f: TrackingFields, given: ReadonlySet<string>): TrackingFields {
  const out: TrackingFields = {
    lotAvailabilityCheck: f.lotAvailabilityCheck,
    availabilityCheck: f.availabilityCheck,
    serialClass: f.serialClass,
  };
  if (item.lotManagement !== 'no' && out.lotAvailabilityCheck === 'none') {
    if (given.has('lotAvailabilityCheck')) {
      throw new DomainError('validation.failed', 'a lot-managed item cannot switch the lot availability check off', {
        field: 'lotAvailabilityCheck',
      });
    }
    out.lotAvailabilityCheck = 'blocking';
  }
  if (out.lotAvailabilityCheck !== 'none' && out.availabilityCheck === 'none') {
    if (given.has('availabilityCheck')) {
      throw new DomainError(
        'validation.failed',
        'the availability check follows the lot availability check and cannot be none',
        { field: 'availabilityCheck' },
      );
    }
    out.availabilityCheck = out.lotAvailabilityCheck;
  }
  if (item.serialManagement && out.serialClass === null) {
    throw new DomainError('lot.class_required', 'a serial-managed item needs its serial class', {
      field: 'serialClass',
    });
  }
  return out;
}

/**
 * Lot/serial management is part of what a stock position means (balances are kept per lot and serial): it may
 * not change while the item has stock, or existing positions would be without (or with meaningless) lots/serials.
 */
export function checkTrackingChange(item: { code: string } & Tracking, next: Tracking, hasStock: boolean): void {
  if (!hasStock) return;
  // no ↔ yes/auto changes what a position is; yes ↔ auto only changes how lots are picked, so stock survives it.
  const field =
    (next.lotManagement !== 'no') !== (item.lotManagement !== 'no')
      ? 'lotManagement'
      : next.serialManagement !== item.serialManagement
        ? 'serialManagement'
        : null;
  if (field === null) return;
  throw new DomainError(
    'item.tracking_locked',
    `item ${item.code} has stock; its ${field === 'lotManagement' ? 'lot' : 'serial'} management cannot change until the stock is zero`,
    {
      field,
      params: { lotManagement: item.lotManagement, serialManagement: item.serialManagement },
    },
  );
}

/**
 * The terms an item is found by in "word" search: every suffix of the lower-cased texts that starts a word
 * (after a space or punctuation, or where letters and digits meet). `Hex bolt M8` gives `hex bolt m8`,
 * `bolt m8`, `m8`, `8`; a prefix query on these terms finds words anywhere in the text through a btree index.
 */
export function searchTerms(texts: string[]): string[] {
  const out = new Set<string>();
  for (const raw of texts) {
    const t = raw.toLowerCase().trim();
    for (let i = 0; i < t.length; i++) {
      const c = t[i]!;
      const prev = i === 0 ? '' : t[i - 1]!;
      const isWord = /[\p{L}\p{N}]/u.test(c);
      const prevWord = prev !== '' && /[\p{L}\p{N}]/u.test(prev);
      const kindChange = prevWord && /\p{N}/u.test(c) !== /\p{N}/u.test(prev);
      if (isWord && (!prevWord || kindChange)) out.add(t.slice(i, i + 80));
    }
  }
  return [...out];
}

/** Escapes LIKE wildcards so user text is matched literally (`\` is PostgreSQL's default escape). */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
