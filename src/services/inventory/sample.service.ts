// Use cases of the statistical sample inventory (docs/sampling.md). The first draw happens when the
// inventory's lists are generated (sample-draw.ts, through the ordinary generation); here: the type's
// sampling configuration, the recorded sample, the estimate with its verdict, the extension by a further
// draw from the same strata, and the fall-back to a full count. Each is one transaction; the inventory row
// is locked first, so two managers cannot extend or estimate the same sample at once.
import { DomainError } from '../../domain/errors.js';
import type { GenerationInput } from '../../domain/inventory/generation.js';
import {
  estimateSample,
  extendSample,
  parseSamplingConfig,
  prepareFrame,
  type ParsedSamplingConfig,
  type SampleDesign,
  type SampleEstimate,
  type SamplingConfig,
} from '../../domain/inventory/sampling/index.js';
import type { SampleOutcome } from '../../storage/tables/sample-inventory.tables.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { generateInTx, type GenerationSummary } from './generation.service.js';
import { type InventoryView, loadInventory } from './inventory.service.js';
import {
  dropSampled,
  keepDrawnIn,
  markDrawn,
  roleCounts,
  type RoleCounts,
  type SampleRow,
  selectCountedValues,
  selectFrame,
  selectSample,
  selectType,
  selectTypeSampling,
  updateSample,
  upsertTypeSampling,
  deleteTypeSampling,
} from './sample.repository.js';

export type { RoleCounts } from './sample.repository.js';

export interface SampleView {
  inventoryId: string;
  /** False until the first generation of the inventory's lists has drawn the sample. */
  drawn: boolean;
  outcome: SampleOutcome | null;
  fullCount: boolean;
  design: SampleDesign | null;
  /** The last estimate (with its verdict); null until estimated, and again after an extension. */
  result: SampleEstimate | null;
  positions: RoleCounts;
  drawnAt: string | null;
  estimatedAt: string | null;
}
export interface SampleAction {
  sample: SampleView;
  generation: GenerationSummary;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

// ---- the inventory type's configuration ----------------------------------------------------------------

export async function getTypeSampling(
  ctx: ServiceContext,
  actor: Actor,
  typeId: string,
): Promise<{ typeId: string; config: ParsedSamplingConfig | null }> {
  requireRole(actor, 'counter');
  return inTransaction(ctx, async (trx) => {
    found(await selectType(trx, typeId), `inventory type ${typeId}`);
    const config = await selectTypeSampling(trx, typeId);
    return { typeId, config: config === undefined ? null : parseSamplingConfig(config as SamplingConfig) };
  });
}

/** Sets (null: removes) the sampling configuration of a sample-method type; checked by the domain's parser. */
export async function setTypeSampling(
  ctx: ServiceContext,
  actor: Actor,
  typeId: string,
  config: SamplingConfig | null,
): Promise<{ typeId: string; config: ParsedSamplingConfig | null }> {
  requireRole(actor, 'admin');
  return inTransaction(ctx, async (trx) => {
    const t = found(await selectType(trx, typeId), `inventory type ${typeId}`);
    if (config === null) {
      await deleteTypeSampling(trx, typeId);
      return { typeId, config: null };
    }
    if (t.method !== 'sample')
      throw new DomainError(
        'sample.not_sample_method',
        `inventory type ${typeId} uses method ${t.method}, not sample`,
        { params: { method: t.method } },
      );
    const parsed = parseSamplingConfig(config);
    await upsertTypeSampling(trx, typeId, parsed, ctx.now());
    return { typeId, config: parsed };
  });
}

// ---- the inventory's sample ----------------------------------------------------------------------------

async function loadSampleInventory(trx: Tx, actor: Actor, inventoryId: string): Promise<InventoryView> {
  const inv = await loadInventory(trx, actor, inventoryId, true);
  if (inv.method !== 'sample')
    throw new DomainError('sample.not_sample_method', `inventory ${inv.number} uses method ${inv.method}, not sample`, {
      params: { method: inv.method },
    });
  return inv;
}

async function requireSample(trx: Tx, inv: InventoryView): Promise<SampleRow> {
  const s = await selectSample(trx, inv.id, true);
  if (!s)
    throw new DomainError(
      'sample.not_drawn',
      `no sample has been drawn for inventory ${inv.number}; generate its count lists first`,
    );
  if (s.fullCount)
    throw new DomainError('sample.full_count_chosen', `a full count was chosen for inventory ${inv.number}`);
  return s;
}

/** The sample as the API answers it (GET …/sample, the printed result). */
export async function sampleViewOf(trx: Tx, inventoryId: string): Promise<SampleView> {
  const s = await selectSample(trx, inventoryId);
  if (!s)
    return {
      inventoryId,
      drawn: false,
      outcome: null,
      fullCount: false,
      design: null,
      result: null,
      positions: { population: 0, complete: 0, drawn: 0 },
      drawnAt: null,
      estimatedAt: null,
    };
  return {
    inventoryId,
    drawn: true,
    outcome: s.outcome,
    fullCount: s.fullCount,
    design: s.design as SampleDesign,
    result: (s.result ?? null) as SampleEstimate | null,
    positions: await roleCounts(trx, inventoryId),
    drawnAt: iso(s.createdAt),
    estimatedAt: iso(s.estimatedAt),
  };
}

export async function getSample(ctx: ServiceContext, actor: Actor, inventoryId: string): Promise<SampleView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const inv = await loadInventory(trx, actor, inventoryId);
    return sampleViewOf(trx, inv.id);
  });
}

const outcomeOf = (e: SampleEstimate): SampleOutcome =>
  e.verdict.passes ? 'passed' : e.verdict.offer?.kind === 'extend' ? 'extend' : 'full_count';

/** Estimates the total counted value from the counted drawn and complete-layer positions; stores result and verdict. */
export async function estimateSampleInventory(
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
): Promise<SampleView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const inv = await loadSampleInventory(trx, actor, inventoryId);
    const s = await requireSample(trx, inv);
    const rows = await selectCountedValues(trx, inv.id);
    const missing = rows.filter((r) => r.countedValue === null).map((r) => r.id);
    if (missing.length > 0) {
      throw new DomainError(
        'sample.not_counted',
        `${missing.length} drawn or complete-layer positions of inventory ${inv.number} are not counted yet`,
        { params: { missingCount: missing.length, missing: missing.slice(0, 20) } },
      );
    }
    const result = estimateSample(
      s.design as SampleDesign,
      rows.map((r) => ({ id: r.id, countedValue: r.countedValue! })),
    );
    const now = ctx.now();
    await updateSample(trx, inv.id, { result, outcome: outcomeOf(result), estimatedAt: now }, now);
    return sampleViewOf(trx, inv.id);
  });
}

/** Draws the extension the last verdict offered from the same strata and generates lists for the new positions. */
export async function extendSampleInventory(
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
): Promise<SampleAction> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const inv = await loadSampleInventory(trx, actor, inventoryId);
    const s = await requireSample(trx, inv);
    const offer = (s.result as SampleEstimate | null)?.verdict.offer;
    if (s.outcome !== 'extend' || offer?.kind !== 'extend') {
      throw new DomainError(
        'sample.extend_not_offered',
        `the last estimate of inventory ${inv.number} offers no extension`,
        { params: { outcome: s.outcome } },
      );
    }
    const before = s.design as SampleDesign;
    const design = extendSample(prepareFrame(await selectFrame(trx, inv.id)), before, { perStratum: offer.perStratum });
    const known = new Set(before.strata.flatMap((st) => st.drawn.map((d) => d.id)));
    const added = design.strata.flatMap((st) => st.drawn.filter((d) => !known.has(d.id)).map((d) => d.id));
    await markDrawn(trx, inv.id, added, design.draws);
    const now = ctx.now();
    await updateSample(trx, inv.id, { design, result: null, outcome: 'drawn', estimatedAt: null }, now);
    const generation = await generateInTx(ctx, trx, actor, inv.id, s.generation as GenerationInput, (t) =>
      keepDrawnIn(t, inv.id, design.draws),
    );
    return { sample: await sampleViewOf(trx, inv.id), generation };
  });
}

/** Gives up the sample: lists every position not yet listed by the sample, with the sample's generation settings. */
export async function fullCountSampleInventory(
  ctx: ServiceContext,
  actor: Actor,
  inventoryId: string,
): Promise<SampleAction> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const inv = await loadSampleInventory(trx, actor, inventoryId);
    const s = await requireSample(trx, inv);
    const now = ctx.now();
    await updateSample(trx, inv.id, { outcome: 'full_count', fullCount: true }, now);
    const generation = await generateInTx(ctx, trx, actor, inv.id, s.generation as GenerationInput, (t) =>
      dropSampled(t, inv.id),
    );
    return { sample: await sampleViewOf(trx, inv.id), generation };
  });
}
