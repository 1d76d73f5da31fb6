// The first draw of a sample inventory, as a restriction of the ordinary generation (generation.service.ts):
// the generation's selection (gen_sel) is the population; it is valued (gen_frame), the domain designs the
// sample and draws it, and gen_sel keeps only the drawn and complete-layer positions, which are then split
// into lists by the same structure table as any other generation. Generating records the design and the
// frame; a preview draws the same sample (same seed, same data) and records nothing.
import { DomainError } from '../../domain/errors.js';
import type { GenerationInput, GenerationParams } from '../../domain/inventory/generation.js';
import {
  designSample,
  inventoryDrawSeed,
  prepareFrame,
  type SampleDesign,
  type SamplingConfig,
} from '../../domain/inventory/sampling/index.js';
import type { Tx } from '../context.js';
import {
  createFrameTable,
  deleteSample,
  hasCountLists,
  insertFramePositions,
  insertSample,
  keepFramePositions,
  selectSample,
  selectTypeSampling,
} from './sample.repository.js';

export interface RestrictionContext {
  inv: { id: string; number: string; siteId: string; ownerId: string; typeId: string; valuationPrice: string };
  input: GenerationInput;
  /** False in a preview: nothing is written. */
  record: boolean;
  now: Date;
}
/** Narrows gen_sel after the selection and before the split into lists. */
export type SelectionRestriction = (trx: Tx, c: RestrictionContext) => Promise<void>;

/** A sample is drawn from positions with stock balances, listed by article. */
export function checkSampleParams(p: GenerationParams): void {
  if (p.countType !== 'article') {
    throw new DomainError(
      'generation.method_not_allowed',
      'a sample inventory draws stock positions: generate article lists',
      { field: 'countType', params: { method: 'sample' } },
    );
  }
  if (p.stockConsideration === 'empty_list') {
    throw new DomainError(
      'generation.method_not_allowed',
      'a sample inventory has no empty lists: nothing could be drawn',
      { field: 'stockConsideration', params: { method: 'sample' } },
    );
  }
}

export async function typeSamplingConfig(trx: Tx, typeId: string): Promise<SamplingConfig> {
  const config = await selectTypeSampling(trx, typeId);
  if (config === undefined)
    throw new DomainError('sample.not_configured', `inventory type ${typeId} has no sampling configuration`, {
      params: { typeId },
    });
  return config as SamplingConfig;
}

export const drawFirstSample: SelectionRestriction = async (trx, { inv, input, record, now }) => {
  if (await selectSample(trx, inv.id)) {
    // Once every list of the draw is deleted nothing of it is counted: the sample may be drawn again (the
    // same seed on the same stock gives the same sample). Otherwise its lists come from extend / full count.
    if (await hasCountLists(trx, inv.id)) {
      throw new DomainError(
        'sample.already_drawn',
        `the sample of inventory ${inv.id} is drawn; extend it or choose a full count`,
      );
    }
    if (record) await deleteSample(trx, inv.id);
  }
  // Each inventory draws with its own seed (the type's, mixed with the inventory number), recorded below.
  const typeConfig = await typeSamplingConfig(trx, inv.typeId);
  const config = { ...typeConfig, seed: inventoryDrawSeed(typeConfig.seed, inv.number) };
  const frame = prepareFrame(await createFrameTable(trx, inv));
  const design: SampleDesign = designSample(frame, config);
  const completeIds = design.completeLayer.positions.map((p) => p.id);
  const drawnIds = design.strata.flatMap((s) => s.drawn.map((d) => d.id));
  await keepFramePositions(trx, [...completeIds, ...drawnIds]);
  if (!record) return;
  await insertSample(trx, inv, design, input, now);
  await insertFramePositions(trx, inv, completeIds, drawnIds);
};
