// Data a handheld caches to keep scanning offline (SPEC §6): the list's items with every search code and
// unit conversion, and the bins of the list's warehouse(s). Paged: a list may hold 10⁵ lines. The bin step
// of the online entry form (`resolveHandheldBin`) is one indexed look-up; the place step (`resolveHandheldPlace`)
// takes a bin or a zone and says at once whether the list counts there, which other list does, and whether
// found items may be reported there.
import { DomainError } from '../../domain/errors.js';
import { foundPlaceRefusal } from '../../domain/inventory/count-list.js';
import { type Actor, type ServiceContext, type Tx, requireRole } from '../context.js';
import { resolveBin } from '../places/bin.service.js';
import { findZone } from '../places/zone.repository.js';
import { type HandheldList, loadOwnList } from './handheld-list.service.js';
import { findBinsInSite, findZones } from './counting.repository.js';
import {
  type LookupBin,
  type LookupItem,
  type LookupZone,
  type OtherList,
  type PageWindow,
  findOtherLiveListAt,
  listHasLinesAt,
  selectBinsOfWarehouses,
  selectLineWarehouseIds,
  selectListItemIds,
  selectLookupItems,
  selectZonesOfWarehouses,
} from './handheld-lookup.repository.js';

export type { LookupBin, LookupItem, LookupZone, OtherList } from './handheld-lookup.repository.js';

type Page<T> = { items: T[]; nextOffset: number | null };

function paged<T>(rows: T[], { limit, offset }: PageWindow): Page<T> {
  const more = rows.length > limit;
  return { items: more ? rows.slice(0, limit) : rows, nextOffset: more ? offset + limit : null };
}

async function lookupItems(trx: Tx, listId: string, window: PageWindow): Promise<Page<LookupItem>> {
  const ids = paged(await selectListItemIds(trx, listId, window), window);
  if (ids.items.length === 0) return { items: [], nextOffset: null };
  return { items: await selectLookupItems(trx, ids.items), nextOffset: ids.nextOffset };
}

/** A list without its own warehouse covers the warehouses of its lines. */
async function warehousesOf(trx: Tx, list: HandheldList): Promise<string[]> {
  return list.warehouseId ? [list.warehouseId] : selectLineWarehouseIds(trx, list.id);
}

async function lookupBins(trx: Tx, list: HandheldList, window: PageWindow): Promise<Page<LookupBin>> {
  const warehouseIds = await warehousesOf(trx, list);
  if (warehouseIds.length === 0) return { items: [], nextOffset: null };
  return paged(await selectBinsOfWarehouses(trx, warehouseIds, window), window);
}

/** The zones of the list's warehouse(s), with whether the list counts on the zone itself (bin-less lines). */
async function lookupZones(trx: Tx, list: HandheldList, window: PageWindow): Promise<Page<LookupZone>> {
  const warehouseIds = await warehousesOf(trx, list);
  if (warehouseIds.length === 0) return { items: [], nextOffset: null };
  return paged(await selectZonesOfWarehouses(trx, list.id, warehouseIds, window), window);
}

export type LookupKind = 'items' | 'bins' | 'zones';

export async function handheldLookup(
  ctx: ServiceContext,
  actor: Actor,
  listId: string,
  input: { kind: LookupKind; limit: number; offset: number },
): Promise<
  | { kind: 'items'; page: Page<LookupItem> }
  | { kind: 'bins'; page: Page<LookupBin> }
  | { kind: 'zones'; page: Page<LookupZone> }
> {
  requireRole(actor, 'counter');
  return ctx.db.transaction().execute(async (trx) => {
    const list = await loadOwnList(trx, actor, listId, { requireOpen: true });
    const window = { limit: input.limit, offset: input.offset };
    if (input.kind === 'items') return { kind: 'items' as const, page: await lookupItems(trx, listId, window) };
    if (input.kind === 'zones') return { kind: 'zones' as const, page: await lookupZones(trx, list, window) };
    return { kind: 'bins' as const, page: await lookupBins(trx, list, window) };
  });
}

/** Whether found items may be reported at a place that is not on the list, and if not, why (an error shape). */
export interface PlaceStatus {
  /** The list has (non-informational) lines at this bin, or bin-less lines on this zone. */
  onList: boolean;
  /** Another live list of the inventory with lines there (the first by number), or null. */
  otherList: OtherList | null;
  /** Reporting here is possible: on the list, or items found here may be added to it. */
  foundAllowed: boolean;
  /** Why not, when foundAllowed is false: the error a report there would get. */
  refusal: {
    code: 'count.place_not_on_list' | 'count.on_other_list';
    message: string;
    params: Record<string, string>;
  } | null;
}

/**
 * The rules recordReport applies to a found item, asked for a whole place before any item is scanned: a
 * bin list takes only its own bins; an article list takes found items anywhere in its warehouse, except in a
 * bin that a bin list of the same inventory counts. (A found item that another list counts at exactly this
 * place is still refused when reported: that depends on the item.)
 */
export async function placeStatus(
  trx: Tx,
  list: HandheldList,
  place: { binId: string | null; zoneId: string; code: string },
): Promise<PlaceStatus> {
  const ref = { binId: place.binId, zoneId: place.zoneId };
  const own = { id: list.id, inventoryId: list.inventory.id };
  const onList = await listHasLinesAt(trx, own, ref);
  const otherList = (await findOtherLiveListAt(trx, own, ref)) ?? null;
  const what = place.binId !== null ? `bin ${place.code}` : `zone ${place.code}`;
  const refused = foundPlaceRefusal({
    countType: list.countType,
    onList,
    isBin: place.binId !== null,
    otherListCountType: otherList?.countType ?? null,
  });
  if (refused === 'count.place_not_on_list') {
    return {
      onList,
      otherList,
      foundAllowed: false,
      refusal: {
        code: refused,
        params: { countListNumber: list.number, place: place.code },
        message: `${what} is not counted on bin list ${list.number}${otherList ? ` (count list ${otherList.number} counts it)` : ''}: a bin list takes only its own bins`,
      },
    };
  }
  if (refused === 'count.on_other_list') {
    return {
      onList,
      otherList,
      foundAllowed: false,
      refusal: {
        code: refused,
        params: { countListNumber: otherList!.number, place: place.code },
        message: `${what} is counted on bin list ${otherList!.number}: report what is found there on that list`,
      },
    };
  }
  return { onList, otherList, foundAllowed: true, refusal: null };
}

export interface ResolvedHandheldBin extends Omit<PlaceStatus, 'onList'> {
  id: string;
  code: string;
  barcode: string | null;
  warehouseId: string;
  zoneId: string;
  blocked: boolean;
  /** Whether the list already has lines in this bin (on a bin list: whether the bin is to be counted). */
  onList: boolean;
  keepLocation: boolean;
}

/** The bin step: a scanned bin barcode or typed code → the bin, in the list's warehouse. */
export async function resolveHandheldBin(
  ctx: ServiceContext,
  actor: Actor,
  input: { listId: string; code: string },
): Promise<ResolvedHandheldBin> {
  requireRole(actor, 'counter');
  return ctx.db.transaction().execute(async (trx) => {
    const list = await loadOwnList(trx, actor, input.listId, { requireOpen: true });
    const bin = await binOfList(trx, list, input.code);
    const status = await placeStatus(trx, list, { binId: bin.id, zoneId: bin.zoneId, code: bin.code });
    return { ...bin, ...status, keepLocation: list.keepLocation };
  });
}

export type ResolvedHandheldPlace =
  | ({ kind: 'bin'; zoneCode: string } & ResolvedHandheldBin)
  | ({
      kind: 'zone';
      id: string;
      code: string;
      name: string;
      warehouseId: string;
      zoneId: string;
      keepLocation: boolean;
    } & PlaceStatus);

/**
 * The place step: a scanned or typed code → a bin of the list's warehouse(s), else a zone (its code). A
 * zone with bins is refused naming `bin` (count there per bin); an unstructured zone is the place itself.
 * Also says whether the list counts there, which other list does, and whether found items may be added.
 */
export async function resolveHandheldPlace(
  ctx: ServiceContext,
  actor: Actor,
  input: { listId: string; code: string },
): Promise<ResolvedHandheldPlace> {
  requireRole(actor, 'counter');
  return ctx.db.transaction().execute(async (trx) => {
    const list = await loadOwnList(trx, actor, input.listId, { requireOpen: true });
    const bin = await binOfList(trx, list, input.code).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === 'not_found') return undefined;
      throw e;
    });
    if (bin) {
      const zone = await findZone(trx, bin.zoneId);
      if (!zone) throw new Error(`zone ${bin.zoneId} of bin ${bin.id} does not exist`);
      const status = await placeStatus(trx, list, { binId: bin.id, zoneId: bin.zoneId, code: bin.code });
      return { kind: 'bin' as const, ...bin, zoneCode: zone.code, ...status, keepLocation: list.keepLocation };
    }
    const zone = await zoneOfList(trx, list, input.code, undefined, 'code');
    const status = await placeStatus(trx, list, { binId: null, zoneId: zone.id, code: zone.code });
    return {
      kind: 'zone' as const,
      id: zone.id,
      code: zone.code,
      name: zone.name,
      warehouseId: zone.warehouseId,
      zoneId: zone.id,
      ...status,
      keepLocation: list.keepLocation,
    };
  });
}

/**
 * An unstructured zone of the list's warehouse(s) by code: not_found naming `field` (no bin and no zone has
 * this code), ambiguity naming `warehouse`, and a zone with bins refused as count.bin_required naming `bin`.
 */
export async function zoneOfList(
  trx: Tx,
  list: HandheldList,
  code: string,
  warehouseId: string | undefined,
  field: string,
): Promise<{ id: string; code: string; name: string; warehouseId: string }> {
  const wh = warehouseId ?? list.warehouseId;
  const zones = await findZones(trx, wh ? { warehouseId: wh } : { siteId: list.siteId }, code);
  if (zones.length === 0) {
    throw new DomainError(
      'not_found',
      `no bin or zone ${code}${list.warehouseCode ? ` in warehouse ${list.warehouseCode}` : ''}`,
      { field, params: { place: code } },
    );
  }
  if (zones.length > 1)
    throw new DomainError(
      'validation.failed',
      `zone ${code} exists in several warehouses of the site: name the warehouse`,
      { field: 'warehouse', params: { zone: code } },
    );
  const zone = zones[0]!;
  if (zone.structured) {
    throw new DomainError('count.bin_required', `zone ${zone.code} has bins: scan the bin`, {
      field: 'bin',
      params: { zoneCode: zone.code },
    });
  }
  return zone;
}

/** One bin of the list by code or barcode; not_found naming `bin`, ambiguity naming `warehouse`. */
export async function binOfList(
  trx: Tx,
  list: HandheldList,
  code: string,
  warehouseId?: string,
): Promise<Omit<LookupBin, never>> {
  const wh = warehouseId ?? list.warehouseId;
  if (wh) {
    const bin = await resolveBin(trx, wh, code);
    if (!bin)
      throw new DomainError(
        'not_found',
        `bin ${code} not found${list.warehouseCode ? ` in warehouse ${list.warehouseCode}` : ''}`,
        { field: 'bin', params: { bin: code } },
      );
    return {
      id: bin.id,
      code: bin.code,
      barcode: bin.barcode,
      warehouseId: bin.warehouseId,
      zoneId: bin.zoneId,
      blocked: bin.blocked,
    };
  }
  const bins = await findBinsInSite(trx, list.siteId, code);
  if (bins.length === 0)
    throw new DomainError('not_found', `bin ${code} not found`, { field: 'bin', params: { bin: code } });
  if (bins.length > 1)
    throw new DomainError(
      'validation.failed',
      `bin ${code} exists in several warehouses of the site: name the warehouse`,
      { field: 'warehouse', params: { bin: code } },
    );
  const full = await resolveBin(trx, bins[0]!.warehouseId, code);
  if (!full) throw new DomainError('not_found', `bin ${code} not found`, { field: 'bin' });
  return {
    id: full.id,
    code: full.code,
    barcode: full.barcode,
    warehouseId: full.warehouseId,
    zoneId: full.zoneId,
    blocked: full.blocked,
  };
}
