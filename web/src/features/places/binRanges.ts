// Bin elements and ranges for the forms' checks and the instant count of a bulk creation. The rules are the
// domain's own (src/domain/place.ts, the same functions the server runs): which elements an organisation has,
// the code (elements joined with '-', upper case), and the expansion of a range from–to of numbers (the width
// of `from` is the zero padding: 01–10 → 01 … 10) or single letters (A–D). Here they are checked first field by
// field so each mistake gets its own translated message. The server's dry run gives the preview of a bulk
// creation (counts, existing bins, sample codes).
import { DomainError } from '../../../../src/domain/errors';
import {
  ELEMENT,
  MAX_BULK_BINS,
  ORGANISATION_ELEMENTS,
  binCode as domainBinCode,
  expandRange,
  type ElementName,
} from '../../../../src/domain/place';
import type { Organisation } from './ZonesTab';

export { MAX_BULK_BINS, ORGANISATION_ELEMENTS, type ElementName };
export const ELEMENT_NAMES = ['aisle', 'row', 'level', 'place'] as const satisfies readonly ElementName[];

export const isRequired = (name: ElementName) => name !== 'aisle';

/** The normalised element ('' when not given): trimmed and upper case, as the server stores it. */
export const norm = (v: string | null | undefined) => (v ?? '').trim().toUpperCase();

/** The bin code of elements: the given ones in order joined with '-'. */
export function binCode(e: Partial<Record<ElementName, string | null>>): string {
  const el = (n: ElementName) => norm(e[n]) || null;
  return domainBinCode({ aisle: el('aisle'), row: el('row'), level: el('level'), place: norm(e.place) });
}

/** A translatable problem: i18n key (under placesUi.range / placesUi.bin) and its params. */
export interface Problem {
  key: string;
  params?: Record<string, string | number>;
}

/** The problem of one element value, or null. */
export function elementProblem(v: string, required: boolean): Problem | null {
  const x = norm(v);
  if (x === '') return required ? { key: 'form.required' } : null;
  return ELEMENT.test(x) ? null : { key: 'placesUi.range.element' };
}

export interface RangeDraft {
  from: string;
  to: string;
}
export interface Expanded {
  count: number;
  first: string;
  last: string;
}
export type RangeCheck = { ok: Expanded } | { errors: { from?: Problem; to?: Problem } } | { empty: true };

/** The values of a valid range, expanded by the domain exactly as the server will. */
function expanded(from: string, to: string, name: ElementName): { ok: Expanded } | { errors: { to: Problem } } {
  try {
    const values = expandRange({ from, to }, name);
    return { ok: { count: values.length, first: values[0]!, last: values[values.length - 1]! } };
  } catch (e) {
    if (e instanceof DomainError) return { errors: { to: { key: 'placesUi.range.kind' } } };
    throw e;
  }
}

/** Checks one range as the server's expandRange does and gives its size and first/last values. */
export function checkRange(r: RangeDraft, required: boolean, name: ElementName = 'place'): RangeCheck {
  const from = norm(r.from);
  const to = norm(r.to);
  if (from === '' && to === '')
    return required ? { errors: { from: { key: 'form.required' }, to: { key: 'form.required' } } } : { empty: true };
  const errors: { from?: Problem; to?: Problem } = {};
  if (from === '') errors.from = { key: 'form.required' };
  else if (!ELEMENT.test(from)) errors.from = { key: 'placesUi.range.element' };
  if (to === '') errors.to = { key: 'form.required' };
  else if (!ELEMENT.test(to)) errors.to = { key: 'placesUi.range.element' };
  if (errors.from || errors.to) return { errors };
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    // Element values are at most 10 digits: exact as JS numbers (these are positions, not quantities).
    const a = Number(from);
    const b = Number(to);
    if (b < a) return { errors: { to: { key: 'placesUi.range.before', params: { from } } } };
    if (b - a >= MAX_BULK_BINS)
      return { errors: { to: { key: 'placesUi.range.tooLarge', params: { max: MAX_BULK_BINS } } } };
    return expanded(from, to, name);
  }
  if (/^[A-Z]$/.test(from) && /^[A-Z]$/.test(to)) {
    if (to < from) return { errors: { to: { key: 'placesUi.range.before', params: { from } } } };
    return expanded(from, to, name);
  }
  return { errors: { to: { key: 'placesUi.range.kind' } } };
}

export type Ranges = Record<ElementName, RangeDraft>;
export const emptyRanges = (): Ranges => ({
  aisle: { from: '', to: '' },
  row: { from: '', to: '' },
  level: { from: '', to: '' },
  place: { from: '', to: '' },
});

export interface BulkCheck {
  /** Per form path (`ranges.row.to`) the problem. */
  errors: Record<string, Problem>;
  /** Set when every range is valid: total bins and the first and last codes. */
  total: number | null;
  first: string | null;
  last: string | null;
  tooMany: boolean;
  /** The `ranges` of the request (only the elements of the organisation that are given). */
  body: Partial<Record<ElementName, RangeDraft>>;
}

/** Every range of the organisation checked, the product of their sizes and the request's ranges. */
export function checkBulk(organisation: Organisation, ranges: Ranges): BulkCheck {
  const errors: Record<string, Problem> = {};
  const body: Partial<Record<ElementName, RangeDraft>> = {};
  const firsts: string[] = [];
  const lasts: string[] = [];
  let total = 1;
  for (const name of ORGANISATION_ELEMENTS[organisation]) {
    const c = checkRange(ranges[name], isRequired(name), name);
    if ('errors' in c) {
      if (c.errors.from) errors[`ranges.${name}.from`] = c.errors.from;
      if (c.errors.to) errors[`ranges.${name}.to`] = c.errors.to;
    } else if ('ok' in c) {
      total *= c.ok.count;
      firsts.push(c.ok.first);
      lasts.push(c.ok.last);
      body[name] = { from: norm(ranges[name].from), to: norm(ranges[name].to) };
    }
  }
  if (Object.keys(errors).length > 0) return { errors, total: null, first: null, last: null, tooMany: false, body };
  const tooMany = total > MAX_BULK_BINS;
  if (tooMany) errors['ranges.place.to'] = { key: 'placesUi.range.tooMany', params: { max: MAX_BULK_BINS } };
  return { errors, total, first: firsts.join('-'), last: lasts.join('-'), tooMany, body };
}

/** Server field names of range errors (`row.to`, `place`, `ranges`) → the bulk form's paths. */
export const RANGE_ALIASES: Record<string, string> = Object.fromEntries([
  ...ELEMENT_NAMES.flatMap((n) => [
    [n, `ranges.${n}.from`],
    [`${n}.from`, `ranges.${n}.from`],
    [`${n}.to`, `ranges.${n}.to`],
    [`${n}.values`, `ranges.${n}.from`],
  ]),
  ['ranges', 'skipExisting'],
]);
