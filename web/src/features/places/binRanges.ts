// Bin elements and ranges as the server reads them (src/domain/place.ts), for the forms' checks and the
// instant count of a bulk creation: which elements an organisation has, the code (elements joined with '-',
// upper case), and ranges from–to of numbers (the width of `from` is the zero padding: 01–10 → 01 … 10) or
// single letters (A–D). The server's dry run gives the authoritative preview (counts, existing, sample codes).
import type { Organisation } from './ZonesTab';

export const ELEMENT_NAMES = ['aisle', 'row', 'level', 'place'] as const;
export type ElementName = (typeof ELEMENT_NAMES)[number];

/** The elements of a zone organisation, in code order; aisle is always optional where present. */
export const ORGANISATION_ELEMENTS: Record<Organisation, readonly ElementName[]> = {
  high_bay: ['aisle', 'row', 'level', 'place'],
  block: ['aisle', 'row', 'place'],
  places_only: ['place'],
};

export const MAX_BULK_BINS = 100_000;
const ELEMENT = /^[A-Z0-9]{1,10}$/;

export const isRequired = (name: ElementName) => name !== 'aisle';

/** The normalised element ('' when not given): trimmed and upper case, as the server stores it. */
export const norm = (v: string | null | undefined) => (v ?? '').trim().toUpperCase();

/** The bin code of elements: the given ones in order joined with '-'. */
export function binCode(e: Partial<Record<ElementName, string | null>>): string {
  return ELEMENT_NAMES.map((n) => norm(e[n])).filter((x) => x !== '').join('-');
}

/** A translatable problem: i18n key (under placesUi.range / placesUi.bin) and its params. */
export interface Problem { key: string; params?: Record<string, string | number> }

/** The problem of one element value, or null. */
export function elementProblem(v: string, required: boolean): Problem | null {
  const x = norm(v);
  if (x === '') return required ? { key: 'form.required' } : null;
  return ELEMENT.test(x) ? null : { key: 'placesUi.range.element' };
}

export interface RangeDraft { from: string; to: string }
export interface Expanded { count: number; first: string; last: string }
export type RangeCheck = { ok: Expanded } | { errors: { from?: Problem; to?: Problem } } | { empty: true };

/** Checks one range as the server's expandRange does and gives its size and first/last values. */
export function checkRange(r: RangeDraft, required: boolean): RangeCheck {
  const from = norm(r.from);
  const to = norm(r.to);
  if (from === '' && to === '') return required ? { errors: { from: { key: 'form.required' }, to: { key: 'form.required' } } } : { empty: true };
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
    if (b - a >= MAX_BULK_BINS) return { errors: { to: { key: 'placesUi.range.tooLarge', params: { max: MAX_BULK_BINS } } } };
    const width = from.length;
    return { ok: { count: b - a + 1, first: from, last: String(b).padStart(width, '0') } };
  }
  if (/^[A-Z]$/.test(from) && /^[A-Z]$/.test(to)) {
    if (to < from) return { errors: { to: { key: 'placesUi.range.before', params: { from } } } };
    return { ok: { count: to.charCodeAt(0) - from.charCodeAt(0) + 1, first: from, last: to } };
  }
  return { errors: { to: { key: 'placesUi.range.kind' } } };
}

export type Ranges = Record<ElementName, RangeDraft>;
export const emptyRanges = (): Ranges => ({ aisle: { from: '', to: '' }, row: { from: '', to: '' }, level: { from: '', to: '' }, place: { from: '', to: '' } });

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
    const c = checkRange(ranges[name], isRequired(name));
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
  ...ELEMENT_NAMES.flatMap((n) => [[n, `ranges.${n}.from`], [`${n}.from`, `ranges.${n}.from`], [`${n}.to`, `ranges.${n}.to`], [`${n}.values`, `ranges.${n}.from`]]),
  ['ranges', 'skipExisting'],
]);
