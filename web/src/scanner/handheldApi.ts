// The handheld endpoints, read tolerantly into the few fields the page needs, and cached on the device
// (IndexedDB) so a list's items and bins can be looked up offline.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { api, ApiError, type Page } from '../api/client';
import type { ScanBody, SendResult } from './queue';

export interface HandheldList {
  id: string;
  number: string;
  name: string;
  inventoryNumber: string;
  countType: string;
  status: string;
  keepLocation: boolean;
  reportType: 'cumulative' | 'single';
  /** Whether this list's counters see targets; the server decides (system quantities shown, or a difference list). */
  showsTargets: boolean;
  itemCount?: number;
  reportedCount?: number;
  /** Where the list counts: warehouse, zones, first and last bin. */
  warehouseCode?: string | null;
  zones?: string[];
  firstBin?: string | null;
  lastBin?: string | null;
}

export interface HandheldItem {
  id: string;
  itemCode: string;
  description: string;
  unit: string;
  binCode: string | null;
  /** The line's zone; a line with a zone and no bin is counted on the zone itself (an unstructured zone). */
  zoneCode: string | null;
  lot: string;
  serial: string;
  targetQuantity: string | null;
  /** What the quantity field proposes for this line, as the server decided; null: nothing (blind, empty bin). */
  proposedQuantity: string | null;
  reportedQuantity: string | null;
  lotManaged: boolean;
  serialManaged: boolean;
  barcodes: string[];
}

type Raw = Record<string, unknown>;
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const obj = (v: unknown): Raw => (v && typeof v === 'object' ? (v as Raw) : {});

export function toList(r: Raw): HandheldList {
  const inv = obj(r.inventory);
  return {
    id: str(r.id),
    number: str(r.number),
    name: str(r.name),
    inventoryNumber: str(r.inventoryNumber ?? inv.number),
    countType: str(r.countType),
    status: str(r.status),
    keepLocation: (r.keepLocation ?? inv.keepLocation ?? true) !== false,
    reportType: (r.reportType ?? inv.reportType) === 'cumulative' ? 'cumulative' : 'single',
    showsTargets: Boolean(r.showsTargets),
    ...(typeof obj(r.counts).items === 'number' ? { itemCount: obj(r.counts).items as number } : {}),
    ...(typeof obj(r.counts).reported === 'number' ? { reportedCount: obj(r.counts).reported as number } : {}),
    warehouseCode: strOrNull(r.warehouseCode),
    zones: Array.isArray(obj(r.places).zones) ? (obj(r.places).zones as unknown[]).map(String) : [],
    firstBin: strOrNull(obj(r.places).firstBin),
    lastBin: strOrNull(obj(r.places).lastBin),
  };
}

export function toItem(r: Raw): HandheldItem {
  const item = obj(r.item);
  const bin = obj(r.bin);
  return {
    id: str(r.id),
    itemCode: str(r.itemCode ?? item.code),
    description: str(r.itemDescription ?? r.description ?? item.description),
    unit: str(r.unit ?? r.primaryUnit ?? item.primaryUnit ?? item.unit),
    binCode: strOrNull(r.binCode ?? bin.code),
    zoneCode: strOrNull(r.zoneCode),
    lot: str(r.lot),
    serial: str(r.serial),
    targetQuantity: strOrNull(r.targetQuantity),
    proposedQuantity: strOrNull(r.proposedQuantity),
    reportedQuantity: strOrNull(r.reportedQuantity),
    lotManaged: (r.lotManagement ?? item.lotManagement ?? 'no') !== 'no',
    serialManaged: Boolean(r.serialManagement ?? item.serialManagement),
    barcodes: Array.isArray(r.barcodes)
      ? r.barcodes.map(str)
      : Array.isArray(r.searchCodes)
        ? r.searchCodes.map(str)
        : [],
  };
}

let store: UseStore | null = null;
const cache = () => (store ??= createStore('inventur-scanner-cache', 'lists'));

/** Online: fetch and cache; offline: the cached copy. */
async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  try {
    const v = await load();
    await set(key, v, cache());
    return v;
  } catch (e) {
    if (e instanceof ApiError && e.offline) {
      const v = await get<T>(key, cache());
      if (v !== undefined) return v;
    }
    throw e;
  }
}

export interface LookupCatalogItem {
  itemId: string;
  code: string;
  description: string;
  primaryUnit: string;
  lotManagement: 'no' | 'yes' | 'auto';
  serialManagement: boolean;
  searchCodes: Array<{ code: string; unit: string }>;
}
export interface Identified {
  itemId: string;
  itemCode: string;
  description: string;
  primaryUnit: string;
  lotManagement: 'no' | 'yes' | 'auto';
  serialManagement: boolean;
  scannedCode: string;
  enteredUnit: string;
  lot: string | null;
  serial: string | null;
  expiry: string | null;
  quantity: string | null;
}
export interface LookupCatalogBin {
  id: string;
  code: string;
  barcode: string | null;
  blocked: boolean;
}
/** A zone of the list's warehouse: structured ones are counted per bin, the others on the zone itself. */
export interface LookupCatalogZone {
  id: string;
  code: string;
  name: string;
  structured: boolean;
  onList: boolean;
}

/** The place step's answer: where, whether this list counts there, who else does, whether found items are taken. */
export interface ResolvedPlace {
  kind: 'bin' | 'zone';
  code: string;
  onList: boolean;
  otherList: { number: string; name: string; countType: string } | null;
  foundAllowed: boolean;
  refusal: { code: string; message: string; params: Record<string, string> } | null;
}

async function allPages<T>(path: string, query: Record<string, string>): Promise<T[]> {
  const out: T[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const p: Page<T> = await api.get<Page<T>>(path, { ...query, limit: 1000, offset });
    out.push(...p.items);
    offset = p.nextOffset ?? null;
  }
  return out;
}

export const handheld = {
  lists: () => cached('lists', async () => (await api.get<Page<Raw>>('/api/handheld/lists')).items.map(toList)),
  items: (listId: string) =>
    cached(`items:${listId}`, async () => (await allPages<Raw>(`/api/handheld/lists/${listId}/items`, {})).map(toItem)),
  /** Items (with every search code) and bins of the list, for look-ups without the server. */
  catalog: (listId: string) =>
    cached(
      `catalog:${listId}`,
      async () =>
        ({
          items: await allPages<LookupCatalogItem>(`/api/handheld/lists/${listId}/lookup`, { kind: 'items' }),
          bins: await allPages<LookupCatalogBin>(`/api/handheld/lists/${listId}/lookup`, { kind: 'bins' }),
          zones: await allPages<LookupCatalogZone>(`/api/handheld/lists/${listId}/lookup`, { kind: 'zones' }),
        }) as { items: LookupCatalogItem[]; bins: LookupCatalogBin[]; zones?: LookupCatalogZone[] },
    ),
  /** A bin or zone not on the list: asks the server who counts it and whether found items are taken (online only). */
  resolvePlace: (listId: string, code: string) =>
    api.post<ResolvedPlace>('/api/handheld/places/resolve', { listId, code }),
  /** What a code not on the device is, asked before the quantity (the same decoding and errors as a scan). */
  identify: (listId: string, code: string) =>
    api.get<Identified>(`/api/handheld/lists/${listId}/identify`, { barcode: code }),
  send: (listId: string, body: ScanBody): Promise<SendResult> => {
    if (body.undoOf) return api.post<SendResult>(`/api/handheld/reports/${encodeURIComponent(body.undoOf)}/undo`, {});
    if (body.emptyBin) {
      return api.post<SendResult>(`/api/handheld/lists/${listId}/empty-bin`, {
        clientReportId: body.clientReportId,
        bin: body.bin,
        ...(body.device ? { device: body.device } : {}),
      });
    }
    return api.post<SendResult>(`/api/handheld/lists/${listId}/scans`, body);
  },
};

/** Finds the item of a scanned code in the cached catalogue: a search code, or the GTIN in a GS1 string. */
export function findInCatalog(
  items: LookupCatalogItem[],
  code: string,
  gtin?: string,
): { item: LookupCatalogItem; unit: string } | null {
  const strip = (s: string) => s.replace(/^0+/, '');
  for (const item of items) {
    for (const sc of item.searchCodes) {
      if (sc.code === code || (gtin && /^\d+$/.test(sc.code) && strip(sc.code) === strip(gtin)))
        return { item, unit: sc.unit };
    }
    if (item.code === code) return { item, unit: item.primaryUnit };
  }
  return null;
}
