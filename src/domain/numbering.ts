// Numbering schemes (number_sequences): prefix + zero-padded counter. One scheme numbers inventories, count
// lists, automatically coded items or generated EANs; the rules of a change live here, pure.
import { DomainError } from './errors.js';

export const SEQUENCE_CODE = /^[A-Za-z0-9_.:-]{1,60}$/;
export const PREFIX_MAX = 20;
export const WIDTH_MAX = 18;
/** Inventory and count-list numbers hold at most 40 characters (0002_inventory.sql). */
export const NUMBER_MAX = 40;
/** Item codes hold at most 50 characters (an item class's scheme makes item codes). */
export const ITEM_CODE_MAX = 50;

/** Schemes of these namespaces are owned by another screen (item classes, GS1 company prefixes). */
export const ITEM_CLASS_NAMESPACE = 'item-code.';
export const BARCODE_NAMESPACE = 'item-barcode.';

export type SequencePurpose = 'general' | 'item_class' | 'barcode';

export function purposeOf(code: string): SequencePurpose {
  if (code.startsWith(ITEM_CLASS_NAMESPACE)) return 'item_class';
  if (code.startsWith(BARCODE_NAMESPACE)) return 'barcode';
  return 'general';
}

/** The number `value` formatted by the scheme: padded to `width`, never cut (`INV-` + 4 + 7 → `INV-0007`). */
export function formatSequenceNumber(prefix: string, width: number, value: string | number | bigint): string {
  return prefix + String(value).padStart(width, '0');
}

export interface SequenceShape {
  prefix: string;
  width: number;
  nextValue: string;
}

/** Prefix and width of a scheme: no whitespace, and the next number must fit the field it fills. */
export function checkSequenceShape(code: string, s: SequenceShape): void {
  const purpose = purposeOf(code);
  if (s.prefix.length > PREFIX_MAX || /\s/.test(s.prefix)) {
    throw new DomainError('validation.failed', `the prefix must have at most ${PREFIX_MAX} characters without spaces`, {
      field: 'prefix',
      params: { max: PREFIX_MAX },
    });
  }
  if (!Number.isInteger(s.width) || s.width < 1 || s.width > WIDTH_MAX) {
    throw new DomainError('validation.failed', `the width must be 1–${WIDTH_MAX} digits`, {
      field: 'width',
      params: { max: WIDTH_MAX },
    });
  }
  const max = purpose === 'item_class' ? ITEM_CODE_MAX : NUMBER_MAX;
  const next = formatSequenceNumber(s.prefix, s.width, s.nextValue);
  if (purpose !== 'barcode' && next.length > max) {
    throw new DomainError(
      'validation.failed',
      `prefix and number (${next}) exceed the ${max} characters of the numbers this scheme makes`,
      {
        field: 'width',
        params: { max },
      },
    );
  }
}

/**
 * A new next value: at least 1, and never below the current one — numbers below it may have been handed
 * out, and a number must never be handed out twice (inventory numbers are unique per type, item codes overall).
 */
export function checkNextValue(current: string | null, next: string): void {
  if (!/^[1-9]\d{0,17}$/.test(next)) {
    throw new DomainError('validation.failed', 'the next number must be a whole number of at least 1', {
      field: 'nextValue',
      params: { min: 1 },
    });
  }
  if (current !== null && BigInt(next) < BigInt(current)) {
    throw new DomainError(
      'validation.failed',
      `the next number cannot go back below ${current}: lower numbers may already be in use`,
      {
        field: 'nextValue',
        params: { min: current },
      },
    );
  }
}

/** A change of a scheme: GS1 counters keep the company prefix and digits of their GS1 screen. */
export function checkSequenceChange(
  code: string,
  current: SequenceShape,
  changes: Partial<SequenceShape>,
): SequenceShape {
  if (
    purposeOf(code) === 'barcode' &&
    ((changes.prefix !== undefined && changes.prefix !== current.prefix) ||
      (changes.width !== undefined && changes.width !== current.width))
  ) {
    throw new DomainError(
      'validation.failed',
      'the GS1 company prefix and digits of an EAN counter are set on the GS1 screen',
      {
        field: changes.prefix !== undefined && changes.prefix !== current.prefix ? 'prefix' : 'width',
      },
    );
  }
  if (changes.nextValue !== undefined) checkNextValue(current.nextValue, changes.nextValue);
  const next = {
    prefix: changes.prefix ?? current.prefix,
    width: changes.width ?? current.width,
    nextValue: changes.nextValue ?? current.nextValue,
  };
  checkSequenceShape(code, next);
  if (purposeOf(code) === 'barcode' && next.nextValue.length > next.width) {
    throw new DomainError('validation.failed', `the next item reference must fit ${next.width} digits`, {
      field: 'nextValue',
      params: { max: next.width },
    });
  }
  return next;
}

/** A new scheme: its code is not in another screen's namespace. */
export function checkNewSequence(code: string, s: SequenceShape): void {
  if (!SEQUENCE_CODE.test(code))
    throw new DomainError('validation.failed', 'the code must be 1–60 letters, digits, _ . : -', { field: 'code' });
  if (purposeOf(code) !== 'general') {
    throw new DomainError(
      'validation.failed',
      `codes starting with ${ITEM_CLASS_NAMESPACE} or ${BARCODE_NAMESPACE} are made by item classes and the GS1 screen`,
      { field: 'code' },
    );
  }
  checkNextValue(null, s.nextValue);
  checkSequenceShape(code, s);
}
