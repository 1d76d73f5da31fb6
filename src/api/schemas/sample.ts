// Request and response schemas of the statistical sample inventory (docs/sampling.md). The sampling
// configuration's shape is checked here; its rules (ranges, defaults) by parseSamplingConfig in the domain,
// which names the field as `sampling.<name>`.
import { z } from 'zod';
import {
  ACCEPTANCE_KINDS,
  SAMPLING_ALLOCATIONS,
  SAMPLING_ESTIMATORS,
  VERDICT_REASONS,
} from '../../domain/inventory/sampling/index.js';
import { SAMPLE_OUTCOMES } from '../../domain/inventory/sample-vocabulary.js';
import { generationSummary } from './inventory.js';

const decimalText = z.string().regex(/^-?\d{1,20}(\.\d{1,12})?$/, 'must be a decimal such as "1000.00"');

export const samplingConfig = z.strictObject({
  confidence: z.number().describe('Two-sided confidence level, above 0.5 and at most 0.9999, e.g. 0.95'),
  targetRelativePrecision: z
    .number()
    .describe('Wanted half-width of the interval relative to the book total, e.g. 0.01 = ±1 %'),
  completeLayer: z
    .union([
      z.strictObject({
        minValue: decimalText.describe('Positions with a book value at or above this are always counted'),
      }),
      z.strictObject({
        topValueShare: z
          .number()
          .describe('The largest positions holding this share of the value (0 ≤ s < 1) are always counted'),
      }),
    ])
    .nullable()
    .describe('Positions counted completely (negative book values always are); null: none'),
  strata: z.number().int().describe('Number of strata wanted (1–50); small populations get fewer'),
  allocation: z
    .enum(SAMPLING_ALLOCATIONS)
    .describe("neyman: by the book values' standard deviation; proportional: by stratum size"),
  minPerStratum: z.number().int().describe('Smallest sample per stratum, at least 2'),
  seed: z.number().int().describe('Seed of the draw: the same seed and stock give the same sample'),
  estimator: z.enum(SAMPLING_ESTIMATORS).describe('mpu: mean per unit; ratio: combined ratio; difference'),
  acceptance: z
    .union([
      z.strictObject({ kind: z.literal(ACCEPTANCE_KINDS[0]) }),
      z.strictObject({
        kind: z.literal(ACCEPTANCE_KINDS[1]),
        tolerance: decimalText.describe('Largest |estimate − book| / book accepted, e.g. "0.02"'),
      }),
    ])
    .describe(
      'book_in_interval: the book total lies in the interval; relative_difference: within the tolerance of the estimate',
    ),
  fullCountShare: z
    .number()
    .optional()
    .describe(
      'A full count is offered instead of an extension once the sample needed exceeds this share of the sampled population (default 0.5)',
    ),
  maxDraws: z
    .number()
    .int()
    .optional()
    .describe('Draws (first + extensions) before a full count is offered (default 2)'),
});

const parsedConfig = samplingConfig.required({ fullCountShare: true, maxDraws: true });

export const typeSamplingBody = z.strictObject({
  config: samplingConfig.nullable().describe('The configuration; null removes it'),
});
export const typeSamplingView = z.object({
  typeId: z.string(),
  config: parsedConfig.nullable().describe('With its defaults filled; null: the type has none'),
});

const drawnPosition = z.object({
  id: z.string().describe('Stock balance id'),
  bookValue: z.string(),
  draw: z.number().int().describe('1: first draw, 2: first extension…'),
});

const designStratum = z.object({
  index: z.number().int(),
  minBookValue: z.string(),
  maxBookValue: z.string(),
  firstId: z.string().describe('First position of the stratum in frame order (book value, id)'),
  lastId: z.string(),
  populationCount: z.number().int(),
  bookTotal: z.string(),
  bookStdDev: z.number(),
  sampleSize: z.number().int(),
  drawn: z.array(drawnPosition),
});

export const sampleDesign = z
  .object({
    config: parsedConfig.describe('The sampling configuration the draw was made with'),
    z: z.number(),
    stratification: z.literal('cumulative_sqrt_f'),
    population: z.object({ count: z.number().int(), bookTotal: z.string() }),
    completeLayer: z.object({
      count: z.number().int(),
      bookTotal: z.string(),
      positions: z.array(z.object({ id: z.string(), bookValue: z.string() })),
    }),
    sampled: z.object({ count: z.number().int(), bookTotal: z.string() }),
    strata: z.array(designStratum),
    sampleSize: z.number().int(),
    plannedStandardError: z.number(),
    draws: z.number().int(),
  })
  .describe('The recorded draw: complete layer, strata with their drawn positions');

const verdict = z.object({
  passes: z.boolean(),
  precisionMet: z.boolean(),
  acceptanceMet: z.boolean(),
  reasons: z.array(z.object({ code: z.enum(VERDICT_REASONS), params: z.record(z.string(), z.unknown()) })),
  offer: z
    .union([
      z.object({ kind: z.literal('extend'), n: z.number().int(), perStratum: z.array(z.number().int()) }),
      z.object({ kind: z.literal('full_count') }),
    ])
    .nullable()
    .describe('What to do when the sample does not pass: extend it to n (per stratum), or count everything'),
});

export const sampleEstimate = z.object({
  estimator: z.enum(SAMPLING_ESTIMATORS),
  bookTotal: z.string(),
  completeLayer: z.object({ count: z.number().int(), bookTotal: z.string(), countedTotal: z.string() }),
  estimate: z.string().describe('Estimated total counted value, complete layer included'),
  standardError: z.number(),
  z: z.number(),
  interval: z.object({ lower: z.string(), upper: z.string() }),
  achievedRelativePrecision: z.number().nullable().describe('z·SE / estimate; null when the estimate is not positive'),
  targetRelativePrecision: z.number(),
  ratio: z.string().nullable(),
  strata: z.array(
    z.object({
      index: z.number().int(),
      populationCount: z.number().int(),
      sampleSize: z.number().int(),
      bookTotal: z.string(),
      sampleBookMean: z.string(),
      sampleCountedMean: z.string(),
      estimate: z.string().describe("This stratum's part of the estimate"),
      residualStdDev: z.number().describe("Standard deviation of what the estimator's variance uses (y, d or e)"),
      variance: z.number(),
    }),
  ),
  verdict,
});

export const sampleView = z.object({
  inventoryId: z.string(),
  drawn: z.boolean().describe("False until generating the inventory's lists has drawn the sample"),
  outcome: z.enum(SAMPLE_OUTCOMES).nullable().describe('drawn: waiting for an estimate; otherwise the last verdict'),
  fullCount: z.boolean().describe('A full count was chosen: every position is listed'),
  design: sampleDesign.nullable(),
  result: sampleEstimate.nullable().describe('The last estimate; null before it and after an extension'),
  positions: z.object({
    population: z.number().int().describe('Not drawn'),
    complete: z.number().int(),
    drawn: z.number().int(),
  }),
  drawnAt: z.string().nullable(),
  estimatedAt: z.string().nullable(),
});

export const sampleAction = z.object({ sample: sampleView, generation: generationSummary });
