// Places (SPEC §1): warehouse kinds, zone organisations and bin codes. A bin is identified inside its
// warehouse by its structural elements joined with '-' (`101`, `08-001`, `007-10-021`, `12-B-03A`); the
// elements are kept separately so count lists can be sorted and split by aisle, row, level and place.
import { DomainError } from './errors.js';

export type WarehouseKind = 'unstructured' | 'structured' | 'virtual';
export type ZoneOrganisation = 'high_bay' | 'block' | 'places_only';
export type ZoneUsage = 'normal' | 'inventory_differences';

export interface BinElements {
  /** Groups rows [decision]; optional in every organisation that has rows. */
  aisle: string | null;
  row: string | null;
  level: string | null;
  place: string;
}

export type ElementName = keyof BinElements;

/** Which elements an organisation uses, in code order; aisle is always optional where present. */
export const ORGANISATION_ELEMENTS: Record<ZoneOrganisation, readonly ElementName[]> = {
  high_bay: ['aisle', 'row', 'level', 'place'],
  block: ['aisle', 'row', 'place'],
  places_only: ['place'],
};

export const ELEMENT = /^[A-Z0-9]{1,10}$/;

/** Upper-cases and checks one element; null/undefined/'' mean "not given". */
function element(value: string | null | undefined, name: ElementName): string | null {
  if (value === null || value === undefined || value === '') return null;
  const v = value.trim().toUpperCase();
  if (!ELEMENT.test(v)) {
    throw new DomainError('place.bin_elements_invalid', `${name} "${value}" must be 1–10 letters or digits`, {
      field: name,
    });
  }
  return v;
}

/**
 * Checks elements against the zone organisation and normalises them: high_bay needs row, level and place;
 * block needs row and place and no level; places_only only a place. Aisle is optional where rows exist.
 */
export function checkBinElements(
  organisation: ZoneOrganisation,
  input: Partial<Record<ElementName, string | null>>,
): BinElements {
  const e: BinElements = {
    aisle: element(input.aisle, 'aisle'),
    row: element(input.row, 'row'),
    level: element(input.level, 'level'),
    place: element(input.place, 'place') ?? '',
  };
  const allowed = ORGANISATION_ELEMENTS[organisation];
  for (const name of ['aisle', 'row', 'level'] as const) {
    if (e[name] !== null && !allowed.includes(name)) {
      throw new DomainError(
        'place.bin_elements_invalid',
        `a ${organisation} zone has no ${name}; leave ${name} empty`,
        { field: name },
      );
    }
  }
  for (const name of allowed) {
    if (name !== 'aisle' && !e[name]) {
      throw new DomainError('place.bin_elements_invalid', `${name} is required in a ${organisation} zone`, {
        field: name,
      });
    }
  }
  return e;
}

/** The bin code: the given elements in order joined with '-'. */
export function binCode(e: BinElements): string {
  return [e.aisle, e.row, e.level, e.place].filter((x): x is string => x !== null).join('-');
}

/** Builds the normalised elements and code in one step. */
export function makeBin(
  organisation: ZoneOrganisation,
  input: Partial<Record<ElementName, string | null>>,
): BinElements & { code: string } {
  const e = checkBinElements(organisation, input);
  return { ...e, code: binCode(e) };
}

/**
 * Parses a code back into elements for an organisation. The number of parts decides whether an aisle is
 * present: high_bay 3 parts = row-level-place, 4 = aisle-row-level-place; block 2 = row-place, 3 = aisle-….
 */
export function parseBinCode(organisation: ZoneOrganisation, code: string, field = 'code'): BinElements {
  const parts = code.trim().toUpperCase().split('-');
  const required = ORGANISATION_ELEMENTS[organisation].filter((n) => n !== 'aisle');
  const names: readonly ElementName[] =
    parts.length === required.length
      ? required
      : parts.length === required.length + 1 && organisation !== 'places_only'
        ? ORGANISATION_ELEMENTS[organisation]
        : [];
  if (names.length === 0 || parts.some((p) => !ELEMENT.test(p))) {
    const shape =
      organisation === 'high_bay'
        ? '[aisle-]row-level-place'
        : organisation === 'block'
          ? '[aisle-]row-place'
          : 'place';
    throw new DomainError(
      'place.bin_code_invalid',
      `bin code "${code}" does not match ${shape} of a ${organisation} zone (letters and digits, 1–10 each)`,
      {
        field,
        params: { organisation },
      },
    );
  }
  const e: BinElements = { aisle: null, row: null, level: null, place: '' };
  names.forEach((n, i) => {
    e[n] = parts[i]!;
  });
  return e;
}

// Ranges for bulk creation -------------------------------------------------------------------------------

/** `{ from: '01', to: '10' }` (zero-padded to the width of `from`), `{ from: 'A', to: 'D' }` or explicit values. */
export type ElementRange = { from: string; to: string } | { values: string[] };

export const MAX_BULK_BINS = 100_000;

/** Expands one range to its element values, in order. */
export function expandRange(range: ElementRange, name: ElementName): string[] {
  if ('values' in range) {
    const values = range.values.map((v) => element(v, name));
    if (values.length === 0 || values.some((v) => v === null)) {
      throw new DomainError('place.bin_elements_invalid', `${name}.values must list at least one non-empty value`, {
        field: `${name}.values`,
      });
    }
    return [...new Set(values as string[])];
  }
  const from = range.from.trim().toUpperCase();
  const to = range.to.trim().toUpperCase();
  if (/^\d{1,10}$/.test(from) && /^\d{1,10}$/.test(to)) {
    const a = Number(from);
    const b = Number(to);
    if (b < a)
      throw new DomainError('place.bin_elements_invalid', `${name}.to ${to} is before ${name}.from ${from}`, {
        field: `${name}.to`,
      });
    if (b - a >= MAX_BULK_BINS)
      throw new DomainError('place.bin_elements_invalid', `${name} range is too large`, { field: name });
    // The width of `from` is the padding: 01–10 gives 01, 02, …, 10.
    const width = from.length;
    return Array.from({ length: b - a + 1 }, (_, i) => String(a + i).padStart(width, '0'));
  }
  if (/^[A-Z]$/.test(from) && /^[A-Z]$/.test(to)) {
    const a = from.charCodeAt(0);
    const b = to.charCodeAt(0);
    if (b < a)
      throw new DomainError('place.bin_elements_invalid', `${name}.to ${to} is before ${name}.from ${from}`, {
        field: `${name}.to`,
      });
    return Array.from({ length: b - a + 1 }, (_, i) => String.fromCharCode(a + i));
  }
  throw new DomainError('place.bin_elements_invalid', `${name} range must be numbers (01–10) or single letters (A–D)`, {
    field: name,
  });
}

export type BinRanges = Partial<Record<ElementName, ElementRange>>;

/**
 * Every combination of the ranges (aisle × row × level × place, in sort order), each checked against the
 * organisation. Refuses more than MAX_BULK_BINS bins in one request.
 */
export function expandBinRanges(
  organisation: ZoneOrganisation,
  ranges: BinRanges,
): Array<BinElements & { code: string }> {
  const axes: Array<[ElementName, (string | null)[]]> = (['aisle', 'row', 'level', 'place'] as const).map((n) => {
    const r = ranges[n];
    return [n, r ? expandRange(r, n) : [null]];
  });
  const total = axes.reduce((n, [, v]) => n * v.length, 1);
  if (total > MAX_BULK_BINS) {
    throw new DomainError(
      'place.bin_elements_invalid',
      `${total} bins requested; at most ${MAX_BULK_BINS} per request`,
      {
        field: 'place',
        params: { total, max: MAX_BULK_BINS },
      },
    );
  }
  let combos: Array<Partial<Record<ElementName, string | null>>> = [{}];
  for (const [name, values] of axes) {
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));
  }
  return combos.map((c) => makeBin(organisation, c));
}

// Warehouse and zone rules ---------------------------------------------------------------------------------

/** Zones exist only in structured warehouses. */
export function checkZoneAllowed(warehouse: { code: string; kind: WarehouseKind }): void {
  if (warehouse.kind !== 'structured') {
    throw new DomainError(
      'place.zone_not_allowed',
      `warehouse ${warehouse.code} is ${warehouse.kind}; only structured warehouses have zones`,
      {
        field: 'warehouseId',
      },
    );
  }
}

/** Bins exist only in structured zones. */
export function checkBinAllowed(zone: { code: string; structured: boolean }): void {
  if (!zone.structured) {
    throw new DomainError(
      'place.bin_not_allowed',
      `zone ${zone.code} is unstructured; only structured zones have bins`,
      { field: 'zoneId' },
    );
  }
}
