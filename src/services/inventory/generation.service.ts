// Count-list generation (SPEC §4.4): article, bin and inventory-difference lists, with a preview that
// writes nothing. One transaction: the inventory row is locked, the positions are selected and split by
// set-based SQL (generation.repository.ts) into temporary tables, numbers are allocated for all lists at once,
// and lists and items are written by two INSERT … SELECT statements. A generation that would leave a list
// without anybody who may count it (no responsible employee, no assigned counter) is refused as a whole.
import { DomainError } from '../../domain/errors.js';
import { type GenerationInput, type GenerationParams, normaliseParams } from '../../domain/inventory/generation.js';
import { applyCommand, ensureNotClosed, formatNumber } from '../../domain/inventory/inventory.js';
import { type Actor, type ServiceContext, type Tx, inTransaction, requireRole, today } from '../context.js';
import { prepareCyclePlanDue } from '../cycle/due-list-query.js';
import {
  findActiveUser,
  findClosedPeriodOn,
  findSequenceMaxItems,
  findUsers,
  findWarehouseResponsible,
  firstPeriodStart,
  idsOnSite,
  warehouseCodes,
} from './generation-references.repository.js';
import {
  analyzeSelection,
  createBinsTable,
  createExistingTable,
  createListNumbersTable,
  createSelectionTable,
  createSplitTable,
  insertEmptyList,
  insertListCounters,
  insertSplitItems,
  insertSplitLists,
  type SelectionScope,
  selectionCounts,
  splitLists,
} from './generation.repository.js';
import {
  deleteRun,
  findRun,
  type GenerationRunRow,
  runHasLists,
  setGenerationParams,
} from './generation-run.repository.js';
import { setInventoryStatus } from './inventory.repository.js';
import { type InventoryView, loadInventory } from './inventory.service.js';
import { allocateNumbers } from './inventory-type.repository.js';
import { checkSampleParams, drawFirstSample, type SelectionRestriction } from './sample-draw.js';

export interface GeneratedList {
  /** Null in a preview. */
  id: string | null;
  number: string | null;
  items: number;
  informational: number;
  warehouseId: string | null;
  responsibleUserId: string | null;
  /** Assigned counters of the list (the generation's counterUserIds). */
  counterUserIds: string[];
}
export interface GenerationSummary {
  lists: GeneratedList[];
  /** Items to count (informational items not included). */
  positions: number;
  informational: number;
  /** Positions not generated: already on another open list (without informational items) or beyond maxLists. */
  skipped: number;
  skippedOnOtherList: number;
  skippedOverMaxLists: number;
}

/** Stock-taking day: no lists for a stock-taking date in a closed accounting period. */
export async function ensurePeriodOpen(trx: Tx, inv: Pick<InventoryView, 'method' | 'stockTakingDate'>): Promise<void> {
  if (inv.method !== 'stock_taking_day' || !inv.stockTakingDate) return;
  const closed = await findClosedPeriodOn(trx, inv.stockTakingDate);
  if (closed) {
    throw new DomainError(
      'inventory.period_closed',
      `the accounting period ${closed.code} of the stock-taking date ${inv.stockTakingDate} is closed`,
      { params: { period: closed.code } },
    );
  }
}

export async function fiscalYearStart(trx: Tx, fiscalYear: number): Promise<string> {
  return (await firstPeriodStart(trx, fiscalYear)) ?? `${fiscalYear}-01-01`;
}

async function checkReferences(trx: Tx, inv: InventoryView, p: GenerationParams): Promise<void> {
  const check = async (field: string, ids: string[], table: 'warehouses' | 'zones') => {
    if (ids.length === 0) return;
    const rows = await idsOnSite(trx, table, ids, inv.siteId);
    const missing = ids.find((id) => !rows.some((r) => r.id === id));
    if (missing)
      throw new DomainError(
        'reference.unknown',
        `${field}: ${missing} is not a ${table.slice(0, -1)} of the inventory's site`,
        { field },
      );
  };
  await check('warehouseIds', p.warehouseIds, 'warehouses');
  await check('zoneIds', p.zoneIds, 'zones');
  if (p.responsibleUserId) {
    const u = await findActiveUser(trx, p.responsibleUserId);
    if (!u)
      throw new DomainError('reference.unknown', `employee ${p.responsibleUserId} does not exist or is inactive`, {
        field: 'responsibleUserId',
      });
  }
  if (p.counterUserIds.length > 0) {
    // Counters must see the lists: active users of the inventory's site or of no site.
    const rows = await findUsers(trx, p.counterUserIds);
    for (const id of p.counterUserIds) {
      const u = rows.find((r) => String(r.id) === id);
      if (!u || !u.active || (u.siteId !== null && String(u.siteId) !== inv.siteId)) {
        throw new DomainError(
          'reference.unknown',
          `counterUserIds: employee ${id} is not an active user of the inventory's site`,
          { field: 'counterUserIds', params: { userId: id } },
        );
      }
    }
  }
}

/**
 * Nobody could count a list: it would have no responsible employee and no assigned counter. "From inventory"
 * is known before selecting anything; "from warehouse" names the warehouses (of the lists' first lines)
 * without a responsible employee.
 */
function refuseNoCounter(inv: InventoryView, p: GenerationParams, warehouseCodes: readonly string[] = []): never {
  if (p.responsibleOrigin === 'warehouse' && warehouseCodes.length === 0) {
    // An empty list has no lines, hence no warehouse to take the responsible employee from.
    throw new DomainError(
      'generation.parameter_invalid',
      'responsibleOrigin: an empty list from the warehouse needs exactly one warehouse (with a responsible employee), another origin or counters',
      { field: 'responsibleOrigin' },
    );
  }
  if (p.responsibleOrigin === 'warehouse') {
    throw new DomainError(
      'generation.no_responsible_warehouse',
      `nobody could count the lists: the responsible employee comes from the warehouse, and warehouse ${warehouseCodes.join(', ')} has none; set the warehouse's responsible employee, choose another origin or assign counters`,
      { field: 'responsibleOrigin', params: { warehouses: warehouseCodes.join(', '), inventoryNumber: inv.number } },
    );
  }
  throw new DomainError(
    'generation.no_responsible_inventory',
    `nobody could count the lists: the responsible employee comes from inventory ${inv.number}, which has none; set the inventory's responsible employee, choose another origin or assign counters`,
    { field: 'responsibleOrigin', params: { inventoryNumber: inv.number } },
  );
}

/** Normalised parameters as a generate request takes them again (no nulls): what an inventory keeps of its last generation. */
export function generationBodyOf(p: GenerationParams): GenerationInput {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null)) as GenerationInput;
}

/** Object keys sorted at every level: parameters read back from jsonb compare equal to freshly normalised ones. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

/**
 * A chunked generation that stopped part-way (generation-job.service.ts) keeps its plan; its positions are
 * not all on lists yet, so another generation would list them twice. The same parameters continue it
 * (returned when asked to resume); a failed plan none of whose lists exist any more is dropped; anything else
 * is refused with generation.unfinished.
 */
async function settleUnfinishedRun(
  trx: Tx,
  inv: InventoryView,
  p: GenerationParams,
  resumable: boolean,
): Promise<GenerationRunRow | undefined> {
  const key = { siteId: inv.siteId, inventoryId: inv.id };
  const run = await findRun(trx, key, true);
  if (!run) return undefined;
  if (resumable && canonicalJson(run.params) === canonicalJson(p)) return run;
  if (run.status === 'failed' && !(await runHasLists(trx, key))) {
    await deleteRun(trx, key);
    return undefined;
  }
  throw new DomainError(
    'generation.unfinished',
    `inventory ${inv.number} has a generation that stopped part-way (${run.chunksDone} of ${run.chunks} chunks${run.reason ? `: ${run.reason}` : ''}); generate again with the same parameters to continue it, or delete its partially generated lists first`,
    { params: { inventoryNumber: inv.number, chunksDone: run.chunksDone, chunks: run.chunks } },
  );
}

// restrict: narrows the selection before the split; a sample inventory's first generation draws its sample there.
export interface Prepared {
  inv: InventoryView;
  p: GenerationParams;
  maxItems: number | null;
  input: GenerationInput;
  restrict: SelectionRestriction | undefined;
  /** The unfinished chunked generation these parameters continue (only with `runs` 'resume'). */
  run: GenerationRunRow | undefined;
}

export async function prepare(
  ctx: ServiceContext,
  trx: Tx,
  actor: Actor,
  inventoryId: string,
  input: GenerationInput,
  restrict?: SelectionRestriction,
  /** An unfinished chunked generation: refuse (default), continue it with the same parameters, or ignore it (preview). */
  runs: 'refuse' | 'resume' | 'ignore' = 'refuse',
): Promise<Prepared> {
  requireRole(actor, 'manager');
  const inv = await loadInventory(trx, actor, inventoryId, true);
  ensureNotClosed(inv.status);
  const p = normaliseParams(inv.method, input);
  if (inv.method === 'sample' && restrict === undefined) {
    checkSampleParams(p);
    restrict = drawFirstSample;
  }
  await ensurePeriodOpen(trx, inv);
  await checkReferences(trx, inv, p);
  const run = runs === 'ignore' ? undefined : await settleUnfinishedRun(trx, inv, p, runs === 'resume');
  if (p.counterUserIds.length === 0 && p.responsibleOrigin === 'inventory' && !inv.responsibleUserId)
    refuseNoCounter(inv, p);
  const seq = await findSequenceMaxItems(trx, inv.countListSequenceCode);
  return { inv, p, maxItems: p.maxItemsPerList ?? seq?.maxItemsPerList ?? null, input, restrict, run };
}

export type Split = Awaited<ReturnType<typeof computeSplit>>;

/** Selects and splits into gen_sel / gen_pos; returns the per-list figures and the skip counts. */
export async function computeSplit(
  ctx: ServiceContext,
  trx: Tx,
  { inv, p, maxItems, input, restrict }: Prepared,
  record: boolean,
) {
  const scope: SelectionScope = {
    inventoryId: inv.id,
    siteId: inv.siteId,
    ownerId: inv.ownerId,
    fiscalYearStart: await fiscalYearStart(trx, inv.fiscalYear),
    today: today(ctx),
  };
  if (p.countSetting === 'count_cycle') scope.cyclePlan = await prepareCyclePlanDue(trx, inv.siteId, scope.today);
  await createExistingTable(trx, scope);
  if (p.countType === 'bin') await createBinsTable(trx, p, scope);
  await createSelectionTable(trx, p, scope);
  if (restrict) {
    await restrict(trx, { inv, input, record, now: ctx.now() });
    await analyzeSelection(trx);
  }
  await createSplitTable(
    trx,
    p.structure,
    maxItems,
    p.maxLists,
    p.countType === 'bin' ? 'bin' : 'position',
    p.informationalItems,
  );
  const lists = await splitLists(trx);
  if (p.counterUserIds.length === 0 && p.responsibleOrigin === 'warehouse') {
    const nobody = [...new Set(lists.filter((l) => l.whResp === null).map((l) => String(l.firstWh)))];
    if (nobody.length > 0) refuseNoCounter(inv, p, await warehouseCodes(trx, nobody));
  }
  const counts = await selectionCounts(trx, p.informationalItems);
  const generated = lists.reduce((a, l) => a + Number(l.items), 0);
  return {
    lists,
    skippedOnOtherList: p.informationalItems ? 0 : Number(counts.onOther),
    skippedOverMaxLists: Number(counts.kept) - generated,
  };
}

/**
 * An empty list "from warehouse": the responsible employee of its warehouse when the generation names exactly
 * one; refused when that leaves the list without anybody to count it.
 */
async function emptyListResponsible(trx: Tx, inv: InventoryView, p: GenerationParams): Promise<string | null> {
  if (p.responsibleOrigin !== 'warehouse') return responsible(inv, p, null);
  const w = p.warehouseIds.length === 1 ? await findWarehouseResponsible(trx, p.warehouseIds[0]!) : undefined;
  const r = w?.responsibleUserId ?? null;
  if (r === null && p.counterUserIds.length === 0) refuseNoCounter(inv, p, w ? [w.code] : []);
  return r;
}

export function responsible(inv: InventoryView, p: GenerationParams, whResponsible: string | null): string | null {
  if (p.responsibleOrigin === 'manual') return p.responsibleUserId;
  // "From warehouse" with several warehouses on a list: the warehouse of its first line.
  return p.responsibleOrigin === 'warehouse' ? whResponsible : inv.responsibleUserId;
}

export function summary(
  lists: GeneratedList[],
  skippedOnOtherList: number,
  skippedOverMaxLists: number,
): GenerationSummary {
  const informational = lists.reduce((a, l) => a + l.informational, 0);
  return {
    lists,
    positions: lists.reduce((a, l) => a + l.items, 0) - informational,
    informational,
    skipped: skippedOnOtherList + skippedOverMaxLists,
    skippedOnOtherList,
    skippedOverMaxLists,
  };
}

/** The generation's counters on every list it created (lists × counters in one statement). */
export async function assignCounters(
  trx: Tx,
  listIds: readonly string[],
  p: GenerationParams,
  now: Date,
): Promise<void> {
  await insertListCounters(trx, listIds, p.counterUserIds, now);
}

/** What a generation would create, without writing anything. */
export async function previewGeneration(
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
  input: GenerationInput,
): Promise<GenerationSummary> {
  return inTransaction(ctx, async (trx) => {
    // A preview writes nothing: an unfinished generation is neither refused nor dropped here.
    const prep = await prepare(ctx, trx, actor, inventoryId, input, undefined, 'ignore');
    if (prep.p.stockConsideration === 'empty_list') {
      const responsibleUserId = await emptyListResponsible(trx, prep.inv, prep.p);
      return summary(
        [
          {
            id: null,
            number: null,
            items: 0,
            informational: 0,
            warehouseId: null,
            responsibleUserId,
            counterUserIds: prep.p.counterUserIds,
          },
        ],
        0,
        0,
      );
    }
    const r = await computeSplit(ctx, trx, prep, false);
    return summary(
      r.lists.map((l) => ({
        id: null,
        number: null,
        items: Number(l.items),
        informational: Number(l.info),
        warehouseId: Number(l.whs) === 1 ? l.wh : null,
        responsibleUserId: responsible(prep.inv, prep.p, l.whResp),
        counterUserIds: prep.p.counterUserIds,
      })),
      r.skippedOnOtherList,
      r.skippedOverMaxLists,
    );
  });
}

/** Generates count lists for an inventory; the inventory moves created → has_count_lists. */
export async function generateCountLists(
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
  input: GenerationInput,
): Promise<GenerationSummary> {
  return inTransaction(ctx, async (trx) => generateInTx(ctx, trx, actor, inventoryId, input));
}

/** The generation inside the caller's transaction; `restrict` narrows the selection (sample extension, full count). */
export async function generateInTx(
  ctx: ServiceContext,
  trx: Tx,
  actor: Actor,
  inventoryId: string,
  input: GenerationInput,
  restrict?: SelectionRestriction,
): Promise<GenerationSummary> {
  return generatePrepared(ctx, trx, await prepare(ctx, trx, actor, inventoryId, input, restrict));
}

/** Writes the lists of a prepared generation in this transaction; `split` when the caller computed it already. */
export async function generatePrepared(
  ctx: ServiceContext,
  trx: Tx,
  prep: Prepared,
  split?: Split,
): Promise<GenerationSummary> {
  const { inv, p } = prep;
  const now = ctx.now();
  const common = {
    siteId: inv.siteId,
    inventoryId: inv.id,
    name: p.name,
    countType: p.countType,
    registrationDate: today(ctx),
    countDate: inv.stockTakingDate,
    createdAt: now,
    updatedAt: now,
  };
  let result: GenerationSummary;
  if (p.stockConsideration === 'empty_list') {
    // An empty list: counters add whatever they find (SPEC §4.5).
    const n = await allocateNumbers(trx, inv.countListSequenceCode, 1);
    const number = formatNumber(n.prefix, n.width, n.first);
    const responsibleUserId = await emptyListResponsible(trx, inv, p);
    const row = await insertEmptyList(trx, {
      ...common,
      number,
      responsibleUserId,
      warehouseId: p.warehouseIds.length === 1 ? p.warehouseIds[0]! : null,
    });
    await assignCounters(trx, [row.id], p, now);
    result = summary(
      [
        {
          id: row.id,
          number,
          items: 0,
          informational: 0,
          warehouseId: row.warehouseId,
          responsibleUserId: row.responsibleUserId,
          counterUserIds: p.counterUserIds,
        },
      ],
      0,
      0,
    );
  } else {
    const r = split ?? (await computeSplit(ctx, trx, prep, true));
    if (r.lists.length === 0) return summary([], r.skippedOnOtherList, r.skippedOverMaxLists);
    const n = await allocateNumbers(trx, inv.countListSequenceCode, r.lists.length);
    await createListNumbersTable(trx, n);
    // "From warehouse": each list's first line's warehouse; otherwise one employee for every list.
    const created = await insertSplitLists(
      trx,
      common,
      p.responsibleOrigin === 'warehouse' ? { fromWarehouse: true } : { userId: responsible(inv, p, null) },
    );
    await insertSplitItems(trx, { siteId: inv.siteId, inventoryId: inv.id, ownerId: inv.ownerId });
    await assignCounters(
      trx,
      created.map((c) => String(c.id)),
      p,
      now,
    );
    const byNumber = new Map(created.map((c) => [c.number, c]));
    result = summary(
      r.lists.map((l) => {
        const number = formatNumber(n.prefix, n.width, n.first + Number(l.listNo) - 1);
        const c = byNumber.get(number)!;
        return {
          id: c.id,
          number,
          items: Number(l.items),
          informational: Number(l.info),
          warehouseId: c.warehouseId,
          responsibleUserId: c.responsibleUserId,
          counterUserIds: p.counterUserIds,
        };
      }),
      r.skippedOnOtherList,
      r.skippedOverMaxLists,
    );
  }
  const status = applyCommand(inv.status, 'listsAdded');
  await setInventoryStatus(trx, inv.id, status, now);
  await setGenerationParams(trx, inv.id, generationBodyOf(p));
  return result;
}
