// Data a handheld caches to keep scanning offline (SPEC §6): the list's items with every search code and
// unit conversion, and the bins of the list's warehouse(s). Paged: a list may hold 10⁵ lines. The bin step
// of the online entry form (`resolveHandheldBin`) is one indexed look-up.
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, type Tx, requireRole } from '../context.js';
import { type HandheldList, loadOwnList } from './handheld-list.service.js';
import { findBin, findBinsInSite } from './lookups.js';

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

type Page<T> = { items: T[]; nextOffset: number | null };

function paged<T>(rows: T[], limit: number, offset: number): Page<T> {
  const more = rows.length > limit;
  return { items: more ? rows.slice(0, limit) : rows, nextOffset: more ? offset + limit : null };
}

async function lookupItems(trx: Tx, listId: string, limit: number, offset: number): Promise<Page<LookupItem>> {
  const ids = await trx.selectFrom('countListItems').select('itemId').distinct()
    .where('countListId', '=', listId).where('itemId', 'is not', null)
    .orderBy('itemId').limit(limit + 1).offset(offset).execute();
  const page = paged(ids.map((r) => r.itemId as string), limit, offset);
  if (page.items.length === 0) return { items: [], nextOffset: null };
  const items = await trx.selectFrom('items').select([
    'id', 'code', 'description', 'primaryUnit', 'secondaryUnit', 'secondaryConversionOp', 'secondaryConversionFactor',
    'lotManagement', 'serialManagement',
  ]).where('id', 'in', page.items).orderBy('id').execute();
  const codes = await trx.selectFrom('itemSearchCodes').select(['itemId', 'code', 'unit', 'conversionOp', 'conversionFactor'])
    .where('itemId', 'in', page.items).orderBy('itemId').orderBy('code').execute();
  const byItem = new Map<string, LookupItem['searchCodes']>();
  for (const { itemId, ...c } of codes) byItem.set(itemId, [...(byItem.get(itemId) ?? []), c]);
  return {
    items: items.map(({ id, ...i }) => ({ itemId: id, ...i, searchCodes: byItem.get(id) ?? [] })),
    nextOffset: page.nextOffset,
  };
}

async function lookupBins(trx: Tx, list: HandheldList, limit: number, offset: number): Promise<Page<LookupBin>> {
  // A list without its own warehouse covers the warehouses of its lines.
  const warehouseIds = list.warehouseId ? [list.warehouseId] : (await trx.selectFrom('countListItems').select('warehouseId').distinct()
    .where('countListId', '=', list.id).execute()).map((r) => r.warehouseId);
  if (warehouseIds.length === 0) return { items: [], nextOffset: null };
  const rows = await trx.selectFrom('bins').select(['id', 'code', 'barcode', 'warehouseId', 'zoneId', 'blocked'])
    .where('warehouseId', 'in', warehouseIds).orderBy('warehouseId').orderBy('code').limit(limit + 1).offset(offset).execute();
  return paged(rows, limit, offset);
}

export async function handheldLookup(
  ctx: ServiceContext, actor: Actor, listId: string, input: { kind: 'items' | 'bins'; limit: number; offset: number },
): Promise<{ kind: 'items'; page: Page<LookupItem> } | { kind: 'bins'; page: Page<LookupBin> }> {
  requireRole(actor, 'counter');
  return ctx.db.transaction().execute(async (trx) => {
    const list = await loadOwnList(trx, actor, listId, { requireOpen: true });
    return input.kind === 'items'
      ? { kind: 'items' as const, page: await lookupItems(trx, listId, input.limit, input.offset) }
      : { kind: 'bins' as const, page: await lookupBins(trx, list, input.limit, input.offset) };
  });
}

export interface ResolvedHandheldBin {
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
export async function resolveHandheldBin(ctx: ServiceContext, actor: Actor, input: { listId: string; code: string }): Promise<ResolvedHandheldBin> {
  requireRole(actor, 'counter');
  return ctx.db.transaction().execute(async (trx) => {
    const list = await loadOwnList(trx, actor, input.listId, { requireOpen: true });
    const bin = await binOfList(trx, list, input.code);
    const line = await trx.selectFrom('countListItems').select('id')
      .where('inventoryId', '=', list.inventory.id).where('binId', '=', bin.id).where('countListId', '=', list.id).limit(1).executeTakeFirst();
    return { ...bin, onList: line !== undefined, keepLocation: list.keepLocation };
  });
}

/** One bin of the list by code or barcode; not_found naming `bin`, ambiguity naming `warehouse`. */
export async function binOfList(trx: Tx, list: HandheldList, code: string, warehouseId?: string): Promise<Omit<LookupBin, never>> {
  const wh = warehouseId ?? list.warehouseId;
  if (wh) {
    const bin = await findBin(trx, wh, code);
    if (!bin) throw new DomainError('not_found', `bin ${code} not found${list.warehouseCode ? ` in warehouse ${list.warehouseCode}` : ''}`, { field: 'bin', params: { bin: code } });
    return { id: bin.id, code: bin.code, barcode: bin.barcode, warehouseId: bin.warehouseId, zoneId: bin.zoneId, blocked: bin.blocked };
  }
  const bins = await findBinsInSite(trx, list.siteId, code);
  if (bins.length === 0) throw new DomainError('not_found', `bin ${code} not found`, { field: 'bin', params: { bin: code } });
  if (bins.length > 1) throw new DomainError('validation.failed', `bin ${code} exists in several warehouses of the site: name the warehouse`, { field: 'warehouse', params: { bin: code } });
  const full = await findBin(trx, bins[0]!.warehouseId, code);
  if (!full) throw new DomainError('not_found', `bin ${code} not found`, { field: 'bin' });
  return { id: full.id, code: full.code, barcode: full.barcode, warehouseId: full.warehouseId, zoneId: full.zoneId, blocked: full.blocked };
}
