// Statements of the handheld's offline cache and place step: pages of a list's items (with every search
// code and unit conversion), of the bins and zones of its warehouse(s), and the count-list lines at one place
// that decide whether found items may be reported there. Pages are one row longer than `limit`, so the
// caller knows whether another page follows.
import type { CountType } from '../../domain/inventory/vocabulary.js';
import { LIVE_STATUSES } from '../../domain/inventory/count-list.js';
import type { Tx } from '../context.js';

export interface PageWindow {
  limit: number;
  offset: number;
}

export interface LookupItem {
  itemId: string;
  code: string;
  description: string;
  primaryUnit: string;
  secondaryUnit: string | null;
  secondaryConversionOp: 'x' | '\\' | null;
  secondaryConversionFactor: string | null;
  lotManagement: 'no' | 'yes' | 'auto';
  serialManagement: boolean;
  searchCodes: Array<{ code: string; unit: string; conversionOp: 'x' | '\\'; conversionFactor: string }>;
}

export interface LookupBin {
  id: string;
  code: string;
  barcode: string | null;
  warehouseId: string;
  zoneId: string;
  blocked: boolean;
}

export interface LookupZone {
  id: string;
  code: string;
  name: string;
  warehouseId: string;
  /** The zone has bins: count there per bin. An unstructured zone is counted on the zone itself. */
  structured: boolean;
  /** The list has (non-informational) bin-less lines on this zone. */
  onList: boolean;
}

/** Another live list of the same inventory that counts at a place. */
export interface OtherList {
  id: string;
  number: string;
  name: string;
  countType: CountType;
}

/** The distinct items of a list's lines, by id (up to limit + 1). */
export async function selectListItemIds(trx: Tx, listId: string, page: PageWindow): Promise<string[]> {
  const rows = await trx
    .selectFrom('countListItems')
    .select('itemId')
    .distinct()
    .where('countListId', '=', listId)
    .where('itemId', 'is not', null)
    .orderBy('itemId')
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
  return rows.map((r) => r.itemId as string);
}

/** The items with their search codes (by code), in id order. */
export async function selectLookupItems(trx: Tx, itemIds: readonly string[]): Promise<LookupItem[]> {
  if (itemIds.length === 0) return [];
  const items = await trx
    .selectFrom('items')
    .select([
      'id',
      'code',
      'description',
      'primaryUnit',
      'secondaryUnit',
      'secondaryConversionOp',
      'secondaryConversionFactor',
      'lotManagement',
      'serialManagement',
    ])
    .where('id', 'in', itemIds)
    .orderBy('id')
    .execute();
  const codes = await trx
    .selectFrom('itemSearchCodes')
    .select(['itemId', 'code', 'unit', 'conversionOp', 'conversionFactor'])
    .where('itemId', 'in', itemIds)
    .orderBy('itemId')
    .orderBy('code')
    .execute();
  const byItem = new Map<string, LookupItem['searchCodes']>();
  for (const { itemId, ...c } of codes) byItem.set(itemId, [...(byItem.get(itemId) ?? []), c]);
  return items.map(({ id, ...i }) => ({ itemId: id, ...i, searchCodes: byItem.get(id) ?? [] }));
}

/** The warehouses the list's lines are in. */
export async function selectLineWarehouseIds(trx: Tx, listId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('countListItems')
    .select('warehouseId')
    .distinct()
    .where('countListId', '=', listId)
    .execute();
  return rows.map((r) => r.warehouseId);
}

/** Bins of the warehouses by warehouse and code (up to limit + 1). */
export async function selectBinsOfWarehouses(
  trx: Tx,
  warehouseIds: readonly string[],
  page: PageWindow,
): Promise<LookupBin[]> {
  return trx
    .selectFrom('bins')
    .select(['id', 'code', 'barcode', 'warehouseId', 'zoneId', 'blocked'])
    .where('warehouseId', 'in', warehouseIds)
    .orderBy('warehouseId')
    .orderBy('code')
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
}

/** Zones of the warehouses by warehouse and code (up to limit + 1), with whether `listId` counts on the zone. */
export async function selectZonesOfWarehouses(
  trx: Tx,
  listId: string,
  warehouseIds: readonly string[],
  page: PageWindow,
): Promise<LookupZone[]> {
  const rows = await trx
    .selectFrom('zones as z')
    .select(['z.id', 'z.code', 'z.name', 'z.warehouseId', 'z.structured'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('countListItems as li')
            .select('li.id')
            .where('li.countListId', '=', listId)
            .whereRef('li.zoneId', '=', 'z.id')
            .where('li.binId', 'is', null)
            .where('li.informational', '=', false),
        )
        .as('onList'),
    )
    .where('z.warehouseId', 'in', warehouseIds)
    .orderBy('z.warehouseId')
    .orderBy('z.code')
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({ ...r, onList: Boolean(r.onList) }));
}

/** A place of the place step: a bin, or (binId null) the bin-less lines of a zone. */
export interface PlaceRef {
  binId: string | null;
  zoneId: string;
}

/**
 * The inventory's non-informational lines at a place. With the inventory a bin's lines are one index range
 * (count_list_items_bin_idx); a zone's bin-less lines have no index of their own and are read through the
 * inventory (asked once per place step, not per scan).
 */
function linesAt(trx: Tx, inventoryId: string, place: PlaceRef) {
  const q = trx
    .selectFrom('countListItems as li')
    .where('li.inventoryId', '=', inventoryId)
    .where('li.informational', '=', false);
  return place.binId !== null
    ? q.where('li.binId', '=', place.binId)
    : q.where('li.zoneId', '=', place.zoneId).where('li.binId', 'is', null);
}

/** Whether the list has lines at the place. */
export async function listHasLinesAt(
  trx: Tx,
  list: { id: string; inventoryId: string },
  place: PlaceRef,
): Promise<boolean> {
  const row = await linesAt(trx, list.inventoryId, place)
    .select('li.id')
    .where('li.countListId', '=', list.id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The first (by number) other live list of the inventory with lines at the place. */
export async function findOtherLiveListAt(
  trx: Tx,
  list: { id: string; inventoryId: string },
  place: PlaceRef,
): Promise<OtherList | undefined> {
  const other = await linesAt(trx, list.inventoryId, place)
    .innerJoin('countLists as ol', 'ol.id', 'li.countListId')
    .select(['ol.id', 'ol.number', 'ol.name', 'ol.countType'])
    .where('li.inventoryId', '=', list.inventoryId)
    .where('li.countListId', '<>', list.id)
    .where('ol.status', 'in', [...LIVE_STATUSES])
    .orderBy('ol.number')
    .limit(1)
    .executeTakeFirst();
  return other ? { id: other.id, number: other.number, name: other.name, countType: other.countType } : undefined;
}
