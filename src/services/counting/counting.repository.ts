// Statements of the handheld counting flow that no other module owns: the item's secondary unit and the
// decimals of the units a quantity is entered in, bins and zones looked up across a site (lists without a
// warehouse of their own) or by zone code. Search codes and bins of one warehouse are the items' and places'
// own look-ups (resolveSearchCode, resolveBin).
import type { UnitRule } from '../../domain/items/unit.js';
import type { Tx } from '../context.js';

/** The item's secondary unit, read only when a quantity is entered in a unit other than the scanned one. */
export async function secondaryUnitOf(
  trx: Tx,
  itemId: string,
): Promise<{ unit: string; op: 'x' | '\\'; factor: string } | undefined> {
  const row = await trx
    .selectFrom('items')
    .select(['secondaryUnit', 'secondaryConversionOp', 'secondaryConversionFactor'])
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!row?.secondaryUnit || !row.secondaryConversionOp || !row.secondaryConversionFactor) return undefined;
  return { unit: row.secondaryUnit, op: row.secondaryConversionOp, factor: row.secondaryConversionFactor };
}

/** The decimals of the units (by code) that a counted quantity is parsed and converted with. */
export async function selectUnitRules(trx: Tx, codes: readonly string[]): Promise<Map<string, UnitRule>> {
  const rows = await trx
    .selectFrom('units')
    .select(['code', 'decimals'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, { code: r.code, decimals: r.decimals }]));
}

/**
 * A bin anywhere in the site by code or barcode (bins_site_code_idx / bins_site_barcode_idx): for lists
 * without a warehouse of their own. Up to two hits so the caller can refuse ambiguity.
 */
export async function findBinsInSite(
  trx: Tx,
  siteId: string,
  codeOrBarcode: string,
): Promise<Array<{ id: string; warehouseId: string; zoneId: string; code: string }>> {
  const text = codeOrBarcode.trim();
  if (text === '') return [];
  return trx
    .selectFrom('bins')
    .select(['id', 'warehouseId', 'zoneId', 'code'])
    .where('siteId', '=', siteId)
    .where((eb) => eb.or([eb('code', '=', text.toUpperCase()), eb('barcode', '=', text)]))
    .limit(2)
    .execute();
}

export interface ResolvedZone {
  id: string;
  warehouseId: string;
  code: string;
  name: string;
  structured: boolean;
}

/**
 * A zone by its code: in one warehouse (zones_warehouse_code_key), or anywhere in the site for lists
 * without a warehouse of their own (up to two hits, so the caller can refuse ambiguity). Zones carry no
 * barcode of their own: the zone code is what a zone label encodes.
 */
export async function findZones(
  trx: Tx,
  where: { warehouseId: string } | { siteId: string },
  code: string,
): Promise<ResolvedZone[]> {
  const text = code.trim();
  if (text === '') return [];
  let q = trx
    .selectFrom('zones')
    .select(['id', 'warehouseId', 'code', 'name', 'structured'])
    .where((eb) => eb.or([eb('code', '=', text), eb('code', '=', text.toUpperCase())]));
  q = 'warehouseId' in where ? q.where('warehouseId', '=', where.warehouseId) : q.where('siteId', '=', where.siteId);
  const rows = await q.limit(3).execute();
  // An exact match wins over the upper-cased one; two warehouses with the zone stay ambiguous.
  const exact = rows.filter((r) => r.code === text);
  return (exact.length > 0 ? exact : rows).slice(0, 2);
}
