// Where the counter counts, as the device knows it (the list's cached lines, bins and zones): a bin, or an
// unstructured zone of a structured warehouse (stock sits on the zone itself, no bin). Pure, so the place
// step works offline and is tested on its own; the server says the rest (who else counts there) when online.
import type { HandheldItem, LookupCatalogBin, LookupCatalogZone } from './handheldApi';

export interface Place {
  kind: 'bin' | 'zone';
  code: string;
}

/** What the place step asks for: bins (a bin list, or lines in bins), zones (lines on unstructured zones). */
export function placeNeeds(
  countType: string,
  rows: HandheldItem[],
  zones: LookupCatalogZone[],
): { bins: boolean; zones: boolean } {
  const bins = countType === 'bin' || rows.some((r) => r.binCode);
  const loose =
    countType !== 'bin' && (rows.some((r) => r.zoneCode && !r.binCode) || zones.some((z) => !z.structured && z.onList));
  return { bins, zones: loose };
}

/** The unstructured zones to pick from: those the list counts first, then the warehouse's other ones. */
export function pickableZones(
  countType: string,
  rows: HandheldItem[],
  zones: LookupCatalogZone[],
): LookupCatalogZone[] {
  if (countType === 'bin') return [];
  const mine = (z: LookupCatalogZone) => z.onList || rows.some((r) => r.zoneCode === z.code && !r.binCode);
  const loose = zones.filter((z) => !z.structured);
  return [...loose.filter(mine), ...loose.filter((z) => !mine(z))];
}

export type ScannedPlace = { kind: 'bin'; code: string } | { kind: 'zone'; code: string; structured: boolean };

/**
 * Is a scanned code a place? A bin (code or barcode) first, then a zone code (zones carry no barcode of
 * their own; a zone label encodes the code, in either case). Null: not a place the device knows.
 */
export function placeOfScan(
  code: string,
  bins: LookupCatalogBin[],
  zones: LookupCatalogZone[],
  rows: HandheldItem[],
): ScannedPlace | null {
  const bin =
    bins.find((b) => b.code === code || b.barcode === code) ??
    (rows.some((r) => r.binCode === code) ? { code } : undefined);
  if (bin) return { kind: 'bin', code: bin.code };
  const upper = code.toUpperCase();
  const zone = zones.find((z) => z.code === code) ?? zones.find((z) => z.code.toUpperCase() === upper);
  if (zone) return { kind: 'zone', code: zone.code, structured: zone.structured };
  const line = rows.find((r) => r.zoneCode && !r.binCode && r.zoneCode.toUpperCase() === upper);
  return line ? { kind: 'zone', code: line.zoneCode!, structured: false } : null;
}

/** The list's lines at a place: a bin's lines, or the bin-less lines of a zone. */
export function linesAt(rows: HandheldItem[], place: Place | null): HandheldItem[] {
  if (!place) return rows.filter((r) => !r.binCode && !r.zoneCode);
  return place.kind === 'bin'
    ? rows.filter((r) => r.binCode === place.code)
    : rows.filter((r) => r.zoneCode === place.code && !r.binCode);
}

/** Whether the list counts at this place, as far as the cached lines say. */
export function onListAt(rows: HandheldItem[], place: Place, zones: LookupCatalogZone[]): boolean {
  if (linesAt(rows, place).length > 0) return true;
  return place.kind === 'zone' && zones.some((z) => z.code === place.code && z.onList);
}

/** The list's line of an item at a place (and lot, when the label has one), if the list expects it there. */
export function lineOf(
  rows: HandheldItem[],
  itemCode: string,
  place: Place | null,
  lot?: string,
): HandheldItem | undefined {
  const here = linesAt(rows, place);
  return (
    here.find((r) => r.itemCode === itemCode && (!lot || r.lot === lot)) ??
    // Without a place on a zone-only list the server takes the item's bin-less line, wherever it is.
    (place ? undefined : rows.find((r) => r.itemCode === itemCode && !r.binCode && (!lot || r.lot === lot)))
  );
}

/** "12 PZ": a quantity with its unit (the unit left out when unknown, e.g. offline and not on the device). */
export function withUnit(quantity: string | null | undefined, unit: string | null | undefined): string {
  const q = quantity ?? '';
  return unit ? `${q} ${unit}`.trim() : q;
}
