// What a counter sees on the handheld (SPEC §5, seed 000): only the open count lists they are responsible
// for or assigned to as a counter (mayCount, 'handheld'), searchable by inventory; a list's items as they may see them (blind inventories never show a target
// quantity); and the look-up data a handheld caches to keep scanning without network.
import { DomainError } from '../../domain/errors.js';
import { showsTargets, targetView } from '../../domain/inventory/reporting.js';
import type { CountListStatus, CountType, ReportType } from '../../storage/tables/inventory.tables.js';
import { type Actor, type ServiceContext, type Tx, found, requireRole } from '../context.js';
import { refuseUnlessCounting } from '../inventory/count-list.service.js';
import { queryReportHead, type ReportHead } from '../inventory/report-head.repository.js';
import { resolveBin } from '../places/bin.service.js';
import { scopeOf } from '../site-scope.js';
import { findBinsInSite } from './counting.repository.js';
import {
  findHandheldList,
  type HandheldListRow,
  selectHandheldItems,
  selectHandheldLists,
  selectListCounts,
} from './handheld-list.repository.js';

/** The statuses in which a list takes reports. */
export const COUNTABLE_STATUSES: CountListStatus[] = ['open', 'partially_reported', 'completely_reported'];

export interface HandheldList {
  id: string;
  siteId: string;
  number: string;
  name: string;
  countType: CountType;
  status: CountListStatus;
  countDate: string | null;
  warehouseId: string | null;
  warehouseCode: string | null;
  responsibleUserId: string | null;
  inventory: { id: string; number: string; description: string; stockTakingDate: string | null };
  /** Per inventory type: the bin stays set between item scans until another bin is scanned. */
  keepLocation: boolean;
  /** cumulative: a new report adds; single: it replaces. Also the preselected answer on a repeat scan. */
  reportType: ReportType;
  /** false = blind counting: no target quantity is ever sent to the handheld. */
  showSystemQuantities: boolean;
  /** Whether the list's counters see targets (showsTargets): the handheld shows and proposes only then. */
  showsTargets: boolean;
  singleReportingRequired: boolean;
}

function refuseUnlessCounter(
  actor: Actor,
  l: { id: string; number: string; siteId: string; responsibleUserId: string | null },
  counterUserIds: readonly string[],
): void {
  refuseUnlessCounting(actor, l, counterUserIds, 'handheld');
}

function toList(r: HandheldListRow): HandheldList {
  return {
    id: r.id,
    siteId: r.siteId,
    number: r.number,
    name: r.name,
    countType: r.countType,
    status: r.status,
    countDate: r.countDate,
    warehouseId: r.warehouseId,
    warehouseCode: r.warehouseCode,
    responsibleUserId: r.responsibleUserId,
    inventory: {
      id: r.inventoryId,
      number: r.inventoryNumber,
      description: r.inventoryDescription,
      stockTakingDate: r.stockTakingDate,
    },
    keepLocation: r.keepLocation,
    reportType: r.reportType,
    showSystemQuantities: r.showSystemQuantities,
    showsTargets: showsTargets(r),
    singleReportingRequired: r.singleReportingRequired,
  };
}

/**
 * A list the actor counts on: by primary key, refused (403) unless they are its responsible employee or an
 * assigned counter — on the handheld everyone works only on their own lists, whatever their role.
 */
export async function loadOwnList(
  trx: Tx,
  actor: Actor,
  listId: string,
  options: { requireOpen: boolean },
): Promise<HandheldList> {
  const hit = found(await findHandheldList(trx, listId), `count list ${listId}`);
  const { counterUserIds, ...row } = hit;
  refuseUnlessCounter(actor, row, (counterUserIds ?? []).map(String));
  if (options.requireOpen && !COUNTABLE_STATUSES.includes(row.status)) {
    throw new DomainError('count.not_open', `count list ${row.number} is ${row.status}, not open for counting`, {
      params: { status: row.status },
    });
  }
  return toList(row);
}

/**
 * loadOwnList for a scan: the same list and checks, read together with what recordReport needs (the list
 * row locked, the inventory, whether the clientReportId was used) so a scan reads its list once.
 */
export async function loadOwnListForScan(
  trx: Tx,
  actor: Actor,
  listId: string,
  clientReportId: string,
): Promise<{ list: HandheldList; head: ReportHead }> {
  const head = found(await queryReportHead(trx, listId, clientReportId), `count list ${listId}`);
  const { list: l, inv } = head;
  refuseUnlessCounter(actor, l, l.counterUserIds);
  const list: HandheldList = {
    id: l.id,
    siteId: l.siteId,
    number: l.number,
    name: l.name,
    countType: l.countType,
    status: l.status,
    countDate: l.countDate,
    warehouseId: l.warehouseId,
    warehouseCode: head.warehouseCode,
    responsibleUserId: l.responsibleUserId,
    inventory: { id: inv.id, number: inv.number, description: inv.description, stockTakingDate: inv.stockTakingDate },
    keepLocation: head.keepLocation,
    reportType: inv.reportType,
    showSystemQuantities: inv.showSystemQuantities,
    showsTargets: showsTargets({ showSystemQuantities: inv.showSystemQuantities, countType: l.countType }),
    singleReportingRequired: inv.singleReportingRequired,
  };
  return { list, head };
}

export interface HandheldListView extends HandheldList {
  counts: { items: number; reported: number; open: number };
  /** Where the list counts, for the picker: its zones (up to 5) and first and last bin in code order. */
  places: { zones: string[]; firstBin: string | null; lastBin: string | null };
}

/**
 * The signed-in user's open lists — responsible for (count_lists_responsible_idx) or assigned to
 * (count_list_counters_user_idx) — newest first, searchable by inventory.
 */
export async function listHandheldLists(
  ctx: ServiceContext,
  actor: Actor,
  input: { q?: string | undefined; limit: number; offset: number },
): Promise<{ items: HandheldListView[]; nextOffset: number | null }> {
  requireRole(actor, 'counter');
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await selectHandheldLists(trx, actor.userId, scopeOf(actor), {
      statuses: COUNTABLE_STATUSES,
      q: input.q?.trim(),
      limit: input.limit,
      offset: input.offset,
    });
    const more = rows.length > input.limit;
    const pageRows = more ? rows.slice(0, input.limit) : rows;
    const counts = await selectListCounts(
      trx,
      pageRows.map((r) => r.id),
    );
    const byList = new Map(counts.map((c) => [c.countListId, c]));
    const items = pageRows.map((r) => {
      const c = byList.get(r.id);
      const total = Number(c?.items ?? 0);
      const reported = Number(c?.reported ?? 0);
      return {
        ...toList(r),
        counts: { items: total, reported, open: total - reported },
        places: { zones: c?.zones ?? [], firstBin: c?.firstBin ?? null, lastBin: c?.lastBin ?? null },
      };
    });
    return { items, nextOffset: more ? input.offset + input.limit : null };
  });
}

export interface HandheldItemView {
  id: string;
  lineNo: number;
  itemId: string | null;
  itemCode: string | null;
  description: string | null;
  unit: string | null;
  lotManagement: 'no' | 'yes' | 'auto' | null;
  serialManagement: boolean | null;
  warehouseCode: string;
  zoneCode: string | null;
  binId: string | null;
  binCode: string | null;
  lot: string;
  serial: string;
  status: 'open' | 'reported' | 'closed';
  reportedQuantity: string | null;
  addedByCount: boolean;
  /** Present only when the inventory shows system quantities; absent (not null) on blind inventories. */
  targetQuantity?: string | null;
}

/**
 * A page of the list's items in line order (count_list_items_list_line_idx). Informational items are left
 * out: they are not counted on this list. Optional filters: one bin (after the bin scan), open items only.
 */
export async function listHandheldItems(
  ctx: ServiceContext,
  actor: Actor,
  listId: string,
  input: { bin?: string | undefined; onlyOpen?: boolean | undefined; limit: number; offset: number },
): Promise<{ items: HandheldItemView[]; nextOffset: number | null }> {
  requireRole(actor, 'counter');
  return ctx.db.transaction().execute(async (trx) => {
    const list = await loadOwnList(trx, actor, listId, { requireOpen: true });
    const binIds = input.bin !== undefined ? await binIdsFor(trx, list, input.bin) : undefined;
    const rows = await selectHandheldItems(trx, listId, {
      binIds,
      onlyOpen: input.onlyOpen,
      limit: input.limit,
      offset: input.offset,
    });
    const more = rows.length > input.limit;
    // Blind counting: the keys are not sent at all, so no client can show a target by mistake. Where targets
    // show, the server also says what the quantity field proposes (targetView), so the handheld holds no rule.
    const items = (more ? rows.slice(0, input.limit) : rows).map(({ targetQuantity, ...r }) => {
      if (!list.showsTargets) return r;
      const view = targetView({
        target: targetQuantity,
        showSystemQuantities: list.showSystemQuantities,
        reportType: list.reportType,
        readerIsCounter: true,
        countType: list.countType,
        emptyBin: r.itemId === null,
      });
      return { ...r, targetQuantity, proposedQuantity: view.proposedQuantity };
    });
    return { items, nextOffset: more ? input.offset + input.limit : null };
  });
}

/** The bin ids a typed or scanned bin code stands for on this list. */
export async function binIdsFor(trx: Tx, list: HandheldList, code: string): Promise<string[]> {
  if (list.warehouseId) {
    const bin = await resolveBin(trx, list.warehouseId, code);
    if (!bin)
      throw new DomainError('not_found', `bin ${code} not found in warehouse ${list.warehouseCode}`, { field: 'bin' });
    return [bin.id];
  }
  const bins = await findBinsInSite(trx, list.siteId, code);
  if (bins.length === 0) throw new DomainError('not_found', `bin ${code} not found`, { field: 'bin' });
  return bins.map((b) => b.id);
}
