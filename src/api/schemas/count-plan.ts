// Request and response schemas of cycle counting: count plans, the due list, the KPIs, ABC analysis runs
// and their schedule (docs/cycle-counting.md).
import { z } from 'zod';
import { ABC_RUN_TRIGGERS } from '../../domain/items/planning.js';
import { DUE_STATUSES, MAX_DAILY_CAPACITY, MAX_HOLIDAYS, PLAN_CLASSES } from '../../domain/inventory/count-plan.js';
import { idSchema, isoDate, nonNegativeDecimal, page, pageQuery } from './common.js';
import { generationBody, generationSummary } from './inventory.js';

const counts = (cls: string) =>
  z.number().int().min(0).max(364).describe(`Counts per year of class ${cls} (0: not counted by the plan)`);

export const planKeyQuery = z.strictObject({
  siteId: idSchema.describe('The site of the plan'),
  warehouseId: idSchema.optional().describe("A warehouse's own plan; left out: the site's plan"),
});

export const planBody = z.strictObject({
  siteId: idSchema.describe('The site of the plan'),
  warehouseId: idSchema
    .nullable()
    .optional()
    .describe("A warehouse of the site (its plan wins over the site's for its positions); null: the site's plan"),
  countsA: counts('A'),
  countsB: counts('B'),
  countsC: counts('C'),
  slowMoverDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .nullable()
    .optional()
    .describe('Slow movers: no movement of the item in the warehouse for this many days (null: no such class)'),
  slowMoverCounts: z.number().int().min(0).max(364).nullable().optional().describe('Counts per year of slow movers'),
  dailyCapacity: z
    .number()
    .int()
    .min(1)
    .max(MAX_DAILY_CAPACITY)
    .describe('Positions the continuous method lists on one working day'),
  workingDays: z
    .array(z.number().int().min(1).max(7))
    .min(1)
    .max(7)
    .optional()
    .describe('ISO weekdays worked (1 Monday … 7 Sunday); default Monday–Friday'),
  holidays: z.array(isoDate).max(MAX_HOLIDAYS).optional().describe('Days off besides the weekdays not worked'),
});

const planClassMap = z.object(Object.fromEntries(PLAN_CLASSES.map((c) => [c, z.number().int().nullable()])));

export const planView = z.object({
  id: z.string(),
  siteId: z.string(),
  warehouseId: z.string().nullable(),
  warehouseCode: z.string().nullable(),
  countsA: z.number().int(),
  countsB: z.number().int(),
  countsC: z.number().int(),
  slowMoverDays: z.number().int().nullable(),
  slowMoverCounts: z.number().int().nullable(),
  dailyCapacity: z.number().int(),
  workingDays: z.array(z.number().int()),
  holidays: z.array(z.string()),
  intervals: planClassMap.describe('Working days between two counts per class (S: slow movers); null: not counted'),
  updatedAt: z.string(),
});
export const planList = z.object({ items: z.array(planView) });
export const planPut = z.object({ plan: planView, created: z.boolean() });

const statusList = z
  .string()
  .regex(new RegExp(`^((${DUE_STATUSES.join('|')})(,(${DUE_STATUSES.join('|')}))*)?$`), {
    message: `comma-separated statuses, each one of ${DUE_STATUSES.join(', ')}`,
  })
  .optional()
  .transform((v, c) => {
    if (v === undefined || v === '') return undefined;
    const parts = v.split(',');
    const wrong = parts.find((p) => !(DUE_STATUSES as readonly string[]).includes(p));
    if (wrong !== undefined) {
      c.addIssue({ code: 'custom', message: `status ${wrong} is not one of ${DUE_STATUSES.join(', ')}` });
      return z.NEVER;
    }
    return parts as (typeof DUE_STATUSES)[number][];
  })
  .describe(`Comma-separated statuses (${DUE_STATUSES.join(', ')}); default all but not_due`);

export const dueQuery = z.strictObject({
  siteId: idSchema.optional().describe("The site (default the user's own)"),
  warehouseId: idSchema.optional(),
  status: statusList,
  planClass: z.enum(PLAN_CLASSES).optional().describe('A, B, C or S (slow movers)'),
  ...pageQuery,
});
const dueItem = z.object({
  id: z.string().describe('The stock position (balance)'),
  itemId: z.string(),
  itemCode: z.string(),
  itemDescription: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  zoneCode: z.string().nullable(),
  binCode: z.string().nullable(),
  lot: z.string(),
  serial: z.string(),
  quantity: z.string(),
  lastCountedDate: z.string().nullable(),
  countCycleDays: z.number().int().describe("The item's own cycle in calendar days (overrides the plan); 0: none"),
  planClass: z.enum(PLAN_CLASSES),
  dueStatus: z.enum(DUE_STATUSES),
  nextDue: z.string().nullable().describe('Null: never counted (due now)'),
});
export const dueList = page(dueItem).extend({
  asOf: z.string().describe('The day the statuses are measured on'),
  counts: z.object(Object.fromEntries(DUE_STATUSES.map((s) => [s, z.number().int()]))).describe('Positions per status'),
});

export const dueGenerationBody = generationBody
  .pick({
    warehouseIds: true,
    responsibleOrigin: true,
    responsibleUserId: true,
    counterUserIds: true,
    maxItemsPerList: true,
    name: true,
  })
  .strict();
export const dueGenerationView = generationSummary.extend({
  capacity: z.number().int().describe("Today's capacity under the site's plan"),
  listedEarlierToday: z.number().int().describe('Positions put on lists of the inventory earlier today'),
  capacityLeft: z.number().int().describe('What this generation could still list'),
});

export const kpiQuery = z.strictObject({
  siteId: idSchema.optional().describe("The site (default the user's own)"),
  from: isoDate.optional().describe('First day of the period (default: the first of the month 11 months back)'),
  to: isoDate.optional().describe('Last day of the period (default today)'),
});
export const kpiView = z.object({
  siteId: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  classes: z.array(
    z.object({
      planClass: z.enum(PLAN_CLASSES),
      positions: z.number().int().describe('Positions with stock under a plan or an own cycle'),
      onTime: z.number().int().describe('Of them, neither overdue nor never counted today'),
      onTimePercent: z.string().nullable(),
      counted: z.number().int().describe('Count-list lines closed in the period'),
      noDifference: z.number().int().describe('Of them, posted without a difference'),
      withinTolerance: z
        .number()
        .int()
        .describe("Of them, posted a difference within the inventory type's tolerance (none where it has none)"),
      accuracyPercent: z.string().nullable(),
    }),
  ),
  months: z.array(
    z.object({
      month: z.string().describe('yyyy-mm'),
      planClass: z.enum(['A', 'B', 'C']),
      gains: z.string().describe('Value of positive differences'),
      losses: z.string().describe('Value of negative differences, positive'),
      net: z.string(),
    }),
  ),
  totals: z.object({ gains: z.string(), losses: z.string(), net: z.string() }),
});

export const abcRunBody = z.strictObject({
  from: isoDate,
  to: isoDate,
  thresholdA: nonNegativeDecimal.optional().describe('Cumulative % of consumption value for class A (default 80)'),
  thresholdB: nonNegativeDecimal.optional().describe('Cumulative % up to which items are B (default 95)'),
  siteId: idSchema.optional().describe("One site's consumption only"),
});
const cls = z.enum(['A', 'B', 'C']);
export const abcRunRecord = z.object({
  id: z.string(),
  ranAt: z.string(),
  trigger: z.enum(ABC_RUN_TRIGGERS),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  jobId: z.string().nullable(),
  siteId: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  thresholdA: z.string(),
  thresholdB: z.string(),
  itemsTotal: z.number().int(),
  changesCount: z.number().int(),
  countA: z.number().int(),
  countB: z.number().int(),
  countC: z.number().int(),
  changedItems: z
    .array(z.object({ itemId: z.string(), itemCode: z.string(), previousClass: cls.nullable(), newClass: cls }))
    .describe('The first 50 items whose class the run changed'),
});
export const abcRunPage = page(abcRunRecord);
export const abcRunsQuery = z.strictObject({ ...pageQuery });

export const abcScheduleBody = z.strictObject({
  enabled: z.boolean(),
  everyDays: z.number().int().min(1).max(366).describe('Days between two scheduled runs'),
  periodDays: z.number().int().min(1).max(3660).describe('Each run analyses this many days up to yesterday'),
  thresholdA: nonNegativeDecimal.optional(),
  thresholdB: nonNegativeDecimal.optional(),
  nextRunOn: isoDate.optional().describe('The next run (default today when enabled)'),
});
export const abcScheduleView = z.object({
  enabled: z.boolean(),
  everyDays: z.number().int(),
  periodDays: z.number().int(),
  thresholdA: z.string(),
  thresholdB: z.string(),
  nextRunOn: z.string().nullable(),
});
