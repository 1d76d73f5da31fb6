// Statements of the handheld counting flow that no other module owns: the item's secondary unit and the
// decimals of the units a quantity is entered in, bins and zones looked up across a site (lists without a
// warehouse of their own) or by zone code. Search codes and bins of one warehouse are the items' and places'
// own look-ups (resolveSearchCode, resolveBin). Also the scan's place (warehouse by code, the item's bin-less
// lines, whether a zone must be scanned), the lot dates a label brings, and the other list a found position is on.
import { LIVE_STATUSES } from '../../domain/inventory/count-list.js';
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

/** Whether the warehouse has an unstructured zone (stock on the zone itself), of normal usage unless asked otherwise. */
export async function hasUnstructuredZone(
  trx: Tx,
  warehouseId: string,
  opts: { includeDifferencesZone: boolean },
): Promise<boolean> {
  let loose = trx
    .selectFrom('zones')
    .select('code')
    .where('warehouseId', '=', warehouseId)
    .where('structured', '=', false);
  if (!opts.includeDifferencesZone) loose = loose.where('usage', '=', 'normal');
  return (await loose.limit(1).executeTakeFirst()) !== undefined;
}

/** A warehouse of the site by its code (warehouses_site_code_key). */
export async function findWarehouseByCode(trx: Tx, siteId: string, code: string): Promise<{ id: string } | undefined> {
  return trx
    .selectFrom('warehouses')
    .select('id')
    .where('siteId', '=', siteId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The warehouse's kind (structured, unstructured, virtual), by primary key. */
export async function warehouseKind(trx: Tx, warehouseId: string) {
  return (await trx.selectFrom('warehouses').select('kind').where('id', '=', warehouseId).executeTakeFirst())?.kind;
}

/** Up to two of the item's bin-less lines on the list (optionally in one warehouse): where it is counted. */
export async function binlessLinesOfItem(
  trx: Tx,
  listId: string,
  itemId: string,
  warehouseId: string | null,
): Promise<Array<{ warehouseId: string; zoneId: string | null }>> {
  let lines = trx
    .selectFrom('countListItems')
    .select(['warehouseId', 'zoneId'])
    .where('countListId', '=', listId)
    .where('itemId', '=', itemId)
    .where('binId', 'is', null);
  if (warehouseId !== null) lines = lines.where('warehouseId', '=', warehouseId);
  return lines.limit(2).execute();
}

/** A zone's code, by primary key. */
export async function zoneCode(trx: Tx, zoneId: string): Promise<string | undefined> {
  return (await trx.selectFrom('zones').select('code').where('id', '=', zoneId).executeTakeFirst())?.code;
}

/**
 * Creates the lot with the label's dates, or fills in dates the lot lacks (lots_item_code_key); dates already
 * on file are kept.
 */
export async function upsertLotDates(
  trx: Tx,
  lot: { itemId: string; code: string; expiryDate: string | null; productionDate: string | null },
): Promise<void> {
  await trx
    .insertInto('lots')
    .values(lot)
    .onConflict((oc) =>
      oc.columns(['itemId', 'code']).doUpdateSet((eb) => ({
        expiryDate: eb.fn.coalesce('lots.expiryDate', 'excluded.expiryDate'),
        productionDate: eb.fn.coalesce('lots.productionDate', 'excluded.productionDate'),
      })),
    )
    .execute();
}

export interface OtherListRow {
  number: string;
  name: string;
}

/**
 * The first (by number) other live list of the inventory with a non-informational line at the place — the
 * bin, the zone's bin-less lines, or the warehouse's place-less lines — or, with `itemId`, of that item.
 */
export async function otherLiveListHolding(
  trx: Tx,
  list: { id: string; inventoryId: string },
  at: { place: { warehouseId: string; zoneId: string | null; binId: string | null } } | { itemId: string },
): Promise<OtherListRow | undefined> {
  const base = trx
    .selectFrom('countListItems as o')
    .innerJoin('countLists as ol', 'ol.id', 'o.countListId')
    .select(['ol.number', 'ol.name'])
    .where('o.inventoryId', '=', list.inventoryId)
    .where('o.countListId', '<>', list.id)
    .where('o.informational', '=', false)
    .where('ol.status', 'in', [...LIVE_STATUSES])
    .orderBy('ol.number')
    .limit(1);
  if ('itemId' in at) return base.where('o.itemId', '=', at.itemId).executeTakeFirst();
  const place = at.place;
  const q =
    place.binId !== null
      ? base.where('o.binId', '=', place.binId)
      : place.zoneId !== null
        ? base.where('o.zoneId', '=', place.zoneId).where('o.binId', 'is', null)
        : base
            .where('o.warehouseId', '=', place.warehouseId)
            .where('o.zoneId', 'is', null)
            .where('o.binId', 'is', null);
  return q.executeTakeFirst();
}
