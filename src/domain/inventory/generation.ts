// Count-list generation (SPEC §4.4): the parameters of the three actions, their method restrictions, and
// `selectPositions`, the pure reference of which stock positions a generation lists. The service runs the
// same selection as one set-based SQL statement (generation.repository.ts); tests compare both on the same data.
import { Dec } from '../decimal.js';
import { DomainError } from '../errors.js';
import { MAX_COUNTERS_PER_LIST } from './count-list.js';
import type { InventoryMethod } from './inventory.js';
import { normaliseStructure, type SortFields, type StructureLevel } from './structure.js';
import type { CountType } from './vocabulary.js';

export type ArticleStock = 'all' | 'negative' | 'positive' | 'zero' | 'below_threshold' | 'empty_list';
export type BinStock = 'empty_bins' | 'occupied_bins' | 'occupied_and_empty_bins' | 'empty_list';
export type StockConsideration = ArticleStock | BinStock;
export type CountSetting = 'not_counted' | 'count_cycle' | 'movement_threshold' | 'ignore';
export type ResponsibleOrigin = 'inventory' | 'warehouse' | 'manual';

export const ARTICLE_STOCK: readonly ArticleStock[] = [
  'all',
  'negative',
  'positive',
  'zero',
  'below_threshold',
  'empty_list',
];
export const BIN_STOCK: readonly BinStock[] = ['empty_bins', 'occupied_bins', 'occupied_and_empty_bins', 'empty_list'];
export const COUNT_SETTINGS: readonly CountSetting[] = ['not_counted', 'count_cycle', 'movement_threshold', 'ignore'];

export interface ItemFilters {
  itemIds: string[];
  stockAccountClassifications: string[];
  classification1: string[];
  classification2: string[];
  classification3: string[];
  classification4: string[];
  classification5: string[];
}
export const CLASSIFICATION_FILTERS = [
  'stockAccountClassifications',
  'classification1',
  'classification2',
  'classification3',
  'classification4',
  'classification5',
] as const;

export interface GenerationParams extends ItemFilters {
  countType: CountType;
  stockConsideration: StockConsideration;
  countSetting: CountSetting;
  warehouseIds: string[];
  zoneIds: string[];
  binCodes: string[];
  /** Only with not_counted: leave out lots/serials already counted this fiscal year. */
  excludeCountedSpecifications: boolean;
  responsibleOrigin: ResponsibleOrigin;
  responsibleUserId: string | null;
  /** Assigned counters of every generated list, besides its responsible employee (no duplicates). */
  counterUserIds: string[];
  /** Null: the default of the inventory's count-list numbering scheme (or unlimited). */
  maxItemsPerList: number | null;
  maxLists: number;
  informationalItems: boolean;
  name: string;
  structure: StructureLevel[];
}

export type GenerationInput = Partial<GenerationParams> & { countType: CountType };

const bad = (field: string, message: string) => new DomainError('generation.parameter_invalid', message, { field });
const notForMethod = (field: string, message: string, method: InventoryMethod) =>
  new DomainError('generation.method_not_allowed', message, { field, params: { method } });

/** Fills defaults and checks every parameter against the count type and the inventory's method. */
export function normaliseParams(method: InventoryMethod, input: GenerationInput): GenerationParams {
  const t = input.countType;
  const p: GenerationParams = {
    countType: t,
    stockConsideration: input.stockConsideration ?? (t === 'bin' ? 'occupied_and_empty_bins' : 'all'),
    countSetting: input.countSetting ?? 'ignore',
    warehouseIds: input.warehouseIds ?? [],
    zoneIds: input.zoneIds ?? [],
    binCodes: input.binCodes ?? [],
    itemIds: input.itemIds ?? [],
    stockAccountClassifications: input.stockAccountClassifications ?? [],
    classification1: input.classification1 ?? [],
    classification2: input.classification2 ?? [],
    classification3: input.classification3 ?? [],
    classification4: input.classification4 ?? [],
    classification5: input.classification5 ?? [],
    excludeCountedSpecifications: input.excludeCountedSpecifications ?? false,
    responsibleOrigin: input.responsibleOrigin ?? 'inventory',
    responsibleUserId: input.responsibleUserId ?? null,
    counterUserIds: [...new Set(input.counterUserIds ?? [])],
    maxItemsPerList: input.maxItemsPerList ?? null,
    maxLists: input.maxLists ?? 0,
    informationalItems: input.informationalItems ?? false,
    name: input.name ?? '',
    structure: normaliseStructure(t, input.structure),
  };
  if (t === 'differences') {
    if (method !== 'stock_taking_day' && method !== 'stock_comparison') {
      throw notForMethod(
        'countType',
        'inventory-difference lists exist for the stock-taking-day and stock-comparison methods only',
        method,
      );
    }
    if (p.stockConsideration !== 'all') throw bad('stockConsideration', 'difference lists always take all stock');
    if (p.countSetting !== 'ignore') throw bad('countSetting', 'difference lists always ignore the last count date');
    if (p.excludeCountedSpecifications) throw bad('excludeCountedSpecifications', 'not available for difference lists');
  }
  const allowed: readonly StockConsideration[] = t === 'bin' ? BIN_STOCK : ARTICLE_STOCK;
  if (!allowed.includes(p.stockConsideration)) {
    throw bad('stockConsideration', `${t} lists take one of ${allowed.join(', ')}`);
  }
  if (p.stockConsideration === 'below_threshold' && method !== 'continuous') {
    throw notForMethod('stockConsideration', '"below threshold" is available for the continuous method only', method);
  }
  if (p.countSetting === 'not_counted' && method !== 'stock_taking_day' && method !== 'continuous') {
    throw notForMethod(
      'countSetting',
      '"not counted in this fiscal year" is for the stock-taking-day and continuous methods only',
      method,
    );
  }
  if ((p.countSetting === 'count_cycle' || p.countSetting === 'movement_threshold') && method !== 'continuous') {
    throw notForMethod('countSetting', `"${p.countSetting}" is available for the continuous method only`, method);
  }
  if (p.excludeCountedSpecifications && (p.countSetting !== 'not_counted' || t === 'bin')) {
    throw bad(
      'excludeCountedSpecifications',
      'excluding counted lots/serials needs count setting not_counted on article lists',
    );
  }
  if (t === 'bin') {
    const itemFilter = (['itemIds', ...CLASSIFICATION_FILTERS] as const).find((f) => p[f].length > 0);
    if (itemFilter) throw bad(itemFilter, 'bin lists count whole bins; item filters do not apply');
  } else if (p.binCodes.length > 0) {
    throw bad('binCodes', 'bin identifiers are a parameter of bin lists');
  }
  if (p.responsibleOrigin === 'manual' && !p.responsibleUserId)
    throw bad('responsibleUserId', 'origin manual needs the responsible employee');
  if (p.responsibleOrigin !== 'manual' && p.responsibleUserId)
    throw bad('responsibleUserId', 'a responsible employee is entered only with origin manual');
  if (p.counterUserIds.length > MAX_COUNTERS_PER_LIST)
    throw bad('counterUserIds', `at most ${MAX_COUNTERS_PER_LIST} counters per list`);
  if (p.maxItemsPerList !== null && (!Number.isInteger(p.maxItemsPerList) || p.maxItemsPerList < 1))
    throw bad('maxItemsPerList', 'at least 1');
  if (!Number.isInteger(p.maxLists) || p.maxLists < 0) throw bad('maxLists', 'a whole number ≥ 0 (0 = unlimited)');
  return p;
}

// ---- the pure reference selection -------------------------------------------------------------------

export interface StockRow {
  itemId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: string;
  serial: string;
  ownerId: string;
  quantity: string;
  everNonzero: boolean;
  lastCountedDate: string | null;
  movementsSinceCount: number;
}
export interface ItemInfo {
  id: string;
  code: string;
  includeInInventory: boolean;
  countCycleDays: number;
  thresholdQuantity: string;
  movementCountThreshold: number;
  stockAccountClassification: string | null;
  classification1: string | null;
  classification2: string | null;
  classification3: string | null;
  classification4: string | null;
  classification5: string | null;
}
export interface WarehouseInfo {
  id: string;
  code: string;
  kind: 'unstructured' | 'structured' | 'virtual';
  responsibleUserId: string | null;
}
export interface ZoneInfo {
  id: string;
  warehouseId: string;
  code: string;
  structured: boolean;
  usage: 'normal' | 'inventory_differences';
}
export interface BinInfo {
  id: string;
  warehouseId: string;
  zoneId: string;
  code: string;
  aisle: string | null;
  rowNo: string | null;
  levelNo: string | null;
  place: string;
}
export interface PlaceKey {
  itemId: string | null;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: string;
  serial: string;
}

export interface SelectionData {
  /** The site's warehouses (others are never listed). */
  warehouses: WarehouseInfo[];
  zones: ZoneInfo[];
  bins: BinInfo[];
  items: ItemInfo[];
  stock: StockRow[];
  /** Positions already on a not-closed list of the same inventory. */
  onOtherLists: PlaceKey[];
}
export interface SelectionContext {
  ownerId: string;
  fiscalYearStart: string;
  today: string;
  /** Count plan (cycle counting): per `itemId|warehouseId` without own cycle days, due when last counted before. */
  planDueBefore?: ReadonlyMap<string, string>;
}

export interface Position extends PlaceKey, SortFields {
  informational: boolean;
  whResponsibleUserId: string | null;
}
export interface Selection {
  positions: Position[];
  onOtherList: number;
}

const placeKey = (p: PlaceKey) => JSON.stringify([p.itemId, p.warehouseId, p.zoneId, p.binId, p.lot, p.serial]);
const CLASS_FIELD = {
  stockAccountClassifications: 'stockAccountClassification',
  classification1: 'classification1',
  classification2: 'classification2',
  classification3: 'classification3',
  classification4: 'classification4',
  classification5: 'classification5',
} as const;

/** `date + days` for yyyy-mm-dd strings, in UTC (pure: no clock). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const uncountedSince = (date: string | null, fyStart: string) => date === null || date < fyStart;
const cycleDue = (item: ItemInfo, row: StockRow, c: SelectionContext) => {
  const date = row.lastCountedDate;
  if (item.countCycleDays > 0) return date === null || addDays(date, item.countCycleDays) <= c.today;
  const before = c.planDueBefore?.get(`${row.itemId}|${row.warehouseId}`);
  return before !== undefined && (date === null || date < before);
};
const movementDue = (item: ItemInfo, row: StockRow) =>
  item.movementCountThreshold > 0 && row.movementsSinceCount >= item.movementCountThreshold;

/** Which positions a generation lists, with informational marks; not yet sorted or split. */
export function selectPositions(params: GenerationParams, data: SelectionData, c: SelectionContext): Selection {
  if (params.stockConsideration === 'empty_list') return { positions: [], onOtherList: 0 };
  const wh = new Map(data.warehouses.map((w) => [w.id, w]));
  const zone = new Map(data.zones.map((z) => [z.id, z]));
  const bin = new Map(data.bins.map((b) => [b.id, b]));
  const item = new Map(data.items.map((i) => [i.id, i]));
  const ownerRows = data.stock.filter(
    (r) =>
      r.ownerId === c.ownerId &&
      wh.has(r.warehouseId) &&
      wh.get(r.warehouseId)!.kind !== 'virtual' &&
      inFilter(params.warehouseIds, r.warehouseId),
  );
  const raw =
    params.countType === 'bin'
      ? selectBins(params, data, ownerRows, { wh, zone, bin, item }, c)
      : selectArticles(params, ownerRows, { wh, zone, bin, item }, c);
  const existing = new Set(data.onOtherLists.map(placeKey));
  let onOtherList = 0;
  const positions: Position[] = [];
  for (const p of raw) {
    if (!existing.has(placeKey(p))) positions.push(p);
    else if (params.informationalItems) positions.push({ ...p, informational: true });
    else onOtherList++;
  }
  return { positions, onOtherList };
}

interface Maps {
  wh: Map<string, WarehouseInfo>;
  zone: Map<string, ZoneInfo>;
  bin: Map<string, BinInfo>;
  item: Map<string, ItemInfo>;
}

function toPosition(m: Maps, r: PlaceKey): Position {
  const k: PlaceKey = {
    itemId: r.itemId,
    warehouseId: r.warehouseId,
    zoneId: r.zoneId,
    binId: r.binId,
    lot: r.lot,
    serial: r.serial,
  };
  const w = m.wh.get(k.warehouseId)!;
  const z = k.zoneId ? m.zone.get(k.zoneId)! : null;
  const b = k.binId ? m.bin.get(k.binId)! : null;
  return {
    ...k,
    informational: false,
    whResponsibleUserId: w.responsibleUserId,
    whCode: w.code,
    wzZoneCode: w.kind === 'structured' && z ? z.code : null,
    zoneCode: z?.code ?? null,
    itemCode: k.itemId ? m.item.get(k.itemId)!.code : null,
    aisle: b?.aisle ?? null,
    rowNo: b?.rowNo ?? null,
    levelNo: b?.levelNo ?? null,
    place: b?.place ?? null,
    binCode: b?.code ?? null,
  };
}

function selectArticles(p: GenerationParams, rows: StockRow[], m: Maps, c: SelectionContext): Position[] {
  const eligible = rows.filter((r) => {
    const w = m.wh.get(r.warehouseId)!;
    const z = r.zoneId ? m.zone.get(r.zoneId)! : null;
    const i = m.item.get(r.itemId)!;
    if (!i.includeInInventory || !inFilter(p.itemIds, r.itemId)) return false;
    if (!CLASSIFICATION_FILTERS.every((f) => inFilter(p[f], i[CLASS_FIELD[f]]))) return false;
    if (p.countType === 'differences') return z !== null && z.usage === 'inventory_differences';
    // Article lists: unstructured warehouses, and unstructured zones of structured warehouses.
    if (w.kind === 'unstructured') return true;
    return z !== null && !z.structured && inFilter(p.zoneIds, z.id);
  });
  // Item × warehouse: the last time the item was counted there (any lot/place); lots without a date of
  // their own were added later and count as counted then.
  const itemWh = (r: StockRow) => `${r.itemId}|${r.warehouseId}`;
  const lastOfItem = new Map<string, string | null>();
  for (const r of eligible) {
    const prev = lastOfItem.get(itemWh(r)) ?? null;
    lastOfItem.set(
      itemWh(r),
      prev === null || (r.lastCountedDate !== null && r.lastCountedDate > prev) ? (r.lastCountedDate ?? prev) : prev,
    );
  }
  const effective = (r: StockRow) => r.lastCountedDate ?? lastOfItem.get(itemWh(r)) ?? null;
  const itemUncounted = new Set(eligible.filter((r) => uncountedSince(effective(r), c.fiscalYearStart)).map(itemWh));
  return eligible
    .filter((r) => {
      const i = m.item.get(r.itemId)!;
      const q = new Dec(r.quantity);
      const stockOk =
        p.stockConsideration === 'all' ||
        (p.stockConsideration === 'negative' && q.lt(0)) ||
        (p.stockConsideration === 'positive' && q.gt(0)) ||
        (p.stockConsideration === 'zero' && q.eq(0) && r.everNonzero) ||
        (p.stockConsideration === 'below_threshold' && q.gt(0) && q.lt(i.thresholdQuantity));
      if (!stockOk) return false;
      switch (p.countSetting) {
        case 'ignore':
          return true;
        case 'not_counted':
          return p.excludeCountedSpecifications && (r.lot !== '' || r.serial !== '')
            ? uncountedSince(effective(r), c.fiscalYearStart)
            : itemUncounted.has(itemWh(r));
        case 'count_cycle':
          return cycleDue(i, r, c);
        case 'movement_threshold':
          return movementDue(i, r);
      }
    })
    .map((r) => toPosition(m, r));
}

function selectBins(
  p: GenerationParams,
  data: SelectionData,
  rows: StockRow[],
  m: Maps,
  c: SelectionContext,
): Position[] {
  const out: Position[] = [];
  for (const b of data.bins) {
    const w = m.wh.get(b.warehouseId);
    const z = m.zone.get(b.zoneId)!;
    // Bin lists: structured zones of structured warehouses only.
    if (
      !w ||
      w.kind !== 'structured' ||
      !z.structured ||
      !inFilter(p.warehouseIds, w.id) ||
      !inFilter(p.zoneIds, z.id) ||
      !inFilter(p.binCodes, b.code)
    )
      continue;
    const inBin = rows.filter((r) => r.binId === b.id);
    const occupied = inBin.filter((r) => !new Dec(r.quantity).eq(0));
    const isEmpty = occupied.length === 0;
    if (p.stockConsideration === 'empty_bins' && !isEmpty) continue;
    if (p.stockConsideration === 'occupied_bins' && isEmpty) continue;
    const last = inBin.reduce<string | null>(
      (a, r) => (r.lastCountedDate !== null && (a === null || r.lastCountedDate > a) ? r.lastCountedDate : a),
      null,
    );
    const due =
      p.countSetting === 'ignore' ||
      (p.countSetting === 'not_counted' && uncountedSince(last, c.fiscalYearStart)) ||
      (p.countSetting === 'count_cycle' && occupied.some((r) => cycleDue(m.item.get(r.itemId)!, r, c))) ||
      (p.countSetting === 'movement_threshold' && occupied.some((r) => movementDue(m.item.get(r.itemId)!, r)));
    if (!due) continue;
    if (isEmpty) {
      out.push(toPosition(m, { itemId: null, warehouseId: w.id, zoneId: z.id, binId: b.id, lot: '', serial: '' }));
    } else {
      for (const r of occupied) if (m.item.get(r.itemId)!.includeInInventory) out.push(toPosition(m, r));
    }
  }
  return out;
}

function inFilter(list: readonly string[], v: string | null): boolean {
  return list.length === 0 || (v !== null && list.includes(v));
}
