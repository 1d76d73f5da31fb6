// Request and response schemas of inventory types, inventory headers and count-list generation.
import { z } from 'zod';
import { ARTICLE_STOCK, BIN_STOCK } from '../../domain/inventory/generation.js';
import {
  COUNT_LIST_STATUSES,
  COUNT_TYPES,
  INVENTORY_METHODS,
  INVENTORY_STATUSES,
  MATERIAL_TYPES,
  REPORT_TYPES,
  VALUATION_PRICES,
} from '../../domain/inventory/vocabulary.js';
import { code20, decimalString, idSchema, isoDate, text } from './common.js';

export const method = z
  .enum(INVENTORY_METHODS)
  .describe(
    'stock_taking_day: everything counted for one date; continuous: cycle counting over the year; sample: statistical sample; stock_comparison: compare with another system',
  );
export const materialType = z
  .enum(MATERIAL_TYPES)
  .describe('production_resources get quantity adjustments only, never value adjustments');
export const valuationPrice = z
  .enum(VALUATION_PRICES)
  .describe('Price used to value differences when lists are closed');
export const reportType = z
  .enum(REPORT_TYPES)
  .describe('cumulative: a new report adds to the confirmed quantity; single: it replaces it');
export const inventoryStatus = z.enum(INVENTORY_STATUSES);
const keyCode = code20.nullable();

const numbering = z.strictObject({
  code: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,60}$/)
    .optional()
    .describe('Numbering scheme code; created when missing (default inventory:<TYPE> / count_list:<TYPE>)'),
  prefix: text().max(20).optional().describe('Text before the number'),
  width: z.number().int().min(1).max(18).optional().describe('Digits, zero-padded (longer numbers are never cut)'),
  nextValue: z.number().int().min(1).optional().describe('Next number to hand out; cannot go back'),
  maxItemsPerList: z
    .number()
    .int()
    .min(1)
    .nullable()
    .optional()
    .describe('Count-list schemes: default maximum items per generated list'),
});
const numberingView = z.object({
  code: z.string(),
  prefix: z.string(),
  width: z.number().int(),
  nextValue: z.number().int(),
  maxItemsPerList: z.number().int().nullable(),
});

const typeFields = {
  description: text().max(80).optional(),
  materialType: materialType.optional(),
  inventoryNumbering: numbering.optional().describe('Scheme of inventory numbers'),
  countListNumbering: numbering.optional().describe('Default scheme of count-list numbers'),
  valuationPrice: valuationPrice.optional(),
  adjustmentKey: keyCode.optional().describe('Default adjustment key (kind adjustment)'),
  transferKey: keyCode.optional().describe('Default transfer key (kind transfer)'),
  valueAdjustmentKey: keyCode
    .optional()
    .describe('Default value-adjustment key (kind revaluation); none for production resources'),
  reportType: reportType.optional(),
  singleReportingRequired: z
    .boolean()
    .optional()
    .describe('Every item must be reported individually (no "mark all as reported")'),
  showSystemQuantities: z
    .boolean()
    .optional()
    .describe('Off: blind counting, target quantities never shown to counters'),
  keepLocation: z.boolean().optional().describe('Handhelds keep the scanned bin until another bin is scanned'),
  tolerancePercent: decimalString
    .nullable()
    .optional()
    .describe('Allowed difference per line in percent of the target (0–1000); null: no limit by quantity'),
  toleranceValue: decimalString
    .nullable()
    .optional()
    .describe('Allowed difference per line by value (|difference| × price); null: no limit by value'),
};
export const inventoryTypeCreate = z.strictObject({ code: code20, method, ...typeFields });
export const inventoryTypePatch = z.strictObject({ method: method.optional(), ...typeFields });
export const inventoryTypeView = z.object({
  id: z.string(),
  code: z.string(),
  description: z.string(),
  method,
  materialType,
  inventoryNumbering: numberingView,
  countListNumbering: numberingView,
  valuationPrice,
  adjustmentKey: z.string().nullable(),
  transferKey: z.string().nullable(),
  valueAdjustmentKey: z.string().nullable(),
  reportType,
  singleReportingRequired: z.boolean(),
  showSystemQuantities: z.boolean(),
  keepLocation: z.boolean(),
  tolerancePercent: decimalString.nullable().describe('Null: no limit by quantity (docs/tolerances.md)'),
  toleranceValue: decimalString.nullable().describe('Null: no limit by value'),
});

const headerFields = {
  description: text().max(200).optional().describe('Free text, searchable'),
  ownerId: idSchema.optional().describe('Stock owner; fixed once the inventory is started'),
  fiscalYear: z
    .number()
    .int()
    .min(1900)
    .max(2999)
    .optional()
    .describe('Default: year of the stock-taking date (or today)'),
  countListSequenceCode: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,60}$/)
    .optional()
    .describe('Numbering scheme of the count lists (default from the type)'),
  stockTakingDate: isoDate
    .nullable()
    .optional()
    .describe('Required for stock_taking_day; copied onto every generated list'),
  valuationPrice: valuationPrice.optional().describe('Fixed once a count list exists'),
  adjustmentKey: keyCode.optional().describe('Kind adjustment; fixed once a count list exists'),
  transferKey: keyCode.optional().describe('Kind transfer; fixed once a count list exists'),
  valueAdjustmentKey: keyCode
    .optional()
    .describe('Kind revaluation; fixed once a count list exists; none for production resources'),
  reportType: reportType.optional(),
  singleReportingRequired: z.boolean().optional(),
  showSystemQuantities: z.boolean().optional(),
  costCentre: text()
    .max(20)
    .nullable()
    .optional()
    .describe('Overrides item and warehouse cost centres when differences are posted'),
  responsibleUserId: idSchema.nullable().optional().describe('Responsible employee; changeable until closed'),
};
export const inventoryCreate = z.strictObject({
  typeId: idSchema.describe('Inventory type; cannot change after the first save'),
  siteId: idSchema.optional().describe('Only for users without a site (admins); others create for their own site'),
  ...headerFields,
  ownerId: idSchema.describe('Stock owner; fixed once the inventory is started'),
});
export const inventoryPatch = z.strictObject({
  typeId: idSchema.optional().describe('Accepted only unchanged: the type is fixed after the first save'),
  ...headerFields,
});
export const inventoryView = z.object({
  id: z.string(),
  siteId: z.string(),
  typeId: z.string(),
  typeCode: z.string(),
  method,
  materialType,
  number: z.string().describe("From the type's numbering scheme; never typed"),
  status: inventoryStatus,
  description: z.string(),
  ownerId: z.string(),
  fiscalYear: z.number().int(),
  countListSequenceCode: z.string(),
  stockTakingDate: z.string().nullable(),
  valuationPrice,
  adjustmentKey: z.string().nullable(),
  transferKey: z.string().nullable(),
  valueAdjustmentKey: z.string().nullable(),
  reportType,
  singleReportingRequired: z.boolean(),
  showSystemQuantities: z.boolean(),
  keepLocation: z.boolean(),
  costCentre: z.string().nullable(),
  responsibleUserId: z.string().nullable(),
  openedAt: z.string().nullable().describe('Set by Start'),
  closedAt: z.string().nullable().describe('Set by Close'),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  generationParams: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe("The last generation's parameters (the generate body, completed); a duplicate takes them along"),
});

const ids = (what: string) => z.array(idSchema).max(1000).optional().describe(`${what} (empty = all)`);
const codes = (what: string) => z.array(code20).max(1000).optional().describe(`${what} codes (empty = all)`);
const level = z.strictObject({
  criterion: z
    .enum(['warehouse_zone', 'article', 'warehouse', 'zone', 'aisle', 'row', 'level', 'place'])
    .describe(
      'article/differences lists: warehouse_zone, article; bin lists: warehouse, zone, aisle, row, level, place',
    ),
  newList: z.boolean().default(false).describe('A change of value at this level starts a new list'),
  groupChange: z
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(0)
    .describe('New list after this many distinct values of this level (0 = no limit)'),
});
export const generationBody = z.strictObject({
  countType: z
    .enum(COUNT_TYPES)
    .describe(
      'article: unstructured places; bin: structured zones, whole bins; differences: inventory-difference zones',
    ),
  stockConsideration: z
    .enum([
      'all',
      'negative',
      'positive',
      'zero',
      'below_threshold',
      'empty_bins',
      'occupied_bins',
      'occupied_and_empty_bins',
      'empty_list',
    ])
    .optional()
    .describe(
      `Article lists: ${ARTICLE_STOCK.join(', ')} (default all; below_threshold continuous only). Bin lists: ${BIN_STOCK.join(', ')} (default occupied_and_empty_bins). Differences: all only`,
    ),
  countSetting: z
    .enum(['not_counted', 'count_cycle', 'movement_threshold', 'ignore'])
    .optional()
    .describe(
      'not_counted (this fiscal year; stock_taking_day and continuous), count_cycle and movement_threshold (continuous), ignore (default)',
    ),
  warehouseIds: ids('Warehouses; virtual ones are never counted'),
  zoneIds: ids('Zones (article lists: unstructured zones of structured warehouses; bin lists: structured zones)'),
  binCodes: z.array(text().min(1).max(43)).max(10000).optional().describe('Bin lists: bin identifiers (empty = all)'),
  itemIds: ids('Article lists: items'),
  stockAccountClassifications: codes('Article lists: stock account classification'),
  classification1: codes('Classification 1'),
  classification2: codes('Classification 2'),
  classification3: codes('Classification 3'),
  classification4: codes('Classification 4'),
  classification5: codes('Classification 5'),
  excludeCountedSpecifications: z
    .boolean()
    .optional()
    .describe('With not_counted: leave out lots/serials already counted this fiscal year'),
  responsibleOrigin: z
    .enum(['inventory', 'warehouse', 'manual'])
    .optional()
    .describe("Where each list's responsible employee comes from (default inventory)"),
  responsibleUserId: idSchema.optional().describe('With origin manual: the responsible employee'),
  counterUserIds: z
    .array(idSchema)
    .max(50)
    .optional()
    .describe(
      'Assigned counters of every generated list besides its responsible employee (active users of the site); with counters a list needs no responsible employee',
    ),
  maxItemsPerList: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe('Maximum items (bin lists: bins) per list; default from the count-list numbering scheme'),
  maxLists: z.number().int().min(0).max(1_000_000).optional().describe('Maximum number of lists (0 = unlimited)'),
  informationalItems: z
    .boolean()
    .optional()
    .describe(
      'Positions already on another open list of the inventory are added as informational items (otherwise left out)',
    ),
  name: text().max(80).optional().describe('Name of the generated lists'),
  structure: z
    .array(level)
    .max(6)
    .optional()
    .describe('Structure table: ordered criteria; criteria left out follow in default order without flags'),
});
export const generationSummary = z.object({
  lists: z.array(
    z.object({
      id: z.string().nullable().describe('Null in a preview'),
      number: z.string().nullable(),
      items: z.number().int(),
      informational: z.number().int(),
      warehouseId: z.string().nullable(),
      responsibleUserId: z.string().nullable(),
      counterUserIds: z.array(z.string()).describe('Assigned counters of the list'),
    }),
  ),
  positions: z.number().int().describe('Items to count (informational not included)'),
  informational: z.number().int(),
  skipped: z.number().int().describe('Positions not generated'),
  skippedOnOtherList: z.number().int().describe('Already on another open list, informational items off'),
  skippedOverMaxLists: z.number().int().describe('Beyond the maximum number of lists'),
});

export const counterView = z.object({ userId: z.string(), name: z.string().describe('Display name, else user name') });
const countListStatus = z.enum(COUNT_LIST_STATUSES);
export const countListSummary = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  countType: z.enum(COUNT_TYPES),
  status: countListStatus,
  statusReason: z.string().nullable(),
  registrationDate: z.string(),
  countDate: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  responsibleUserId: z.string().nullable(),
  responsibleName: z.string().nullable(),
  counters: z.array(counterView).describe('Assigned counters besides the responsible employee'),
  warehouseId: z.string().nullable(),
  items: z.object({
    total: z.number().int(),
    informational: z.number().int(),
    open: z.number().int(),
    reported: z.number().int(),
    closed: z.number().int(),
  }),
});
export const countListPage = z.object({
  items: z.array(countListSummary),
  nextOffset: z.number().int().nullable(),
  statusCounts: z.record(z.string(), z.number().int()).describe('Lists of the inventory per status'),
  generation: z
    .object({
      status: z.enum(['queued', 'running', 'failed']),
      reason: z.string().nullable().describe('Why the last chunk failed'),
      jobId: z.string().nullable(),
      chunks: z.number().int(),
      chunksDone: z.number().int(),
      positions: z.number().int().describe('Lines planned'),
      positionsDone: z.number().int().describe('Lines written'),
    })
    .nullable()
    .describe('A generation of this inventory running as a job, or stopped part-way; null when none'),
});
export { countListStatus };

// Count-list administration: manual close and reassignment (list-admin.service.ts).
export const manualCloseBody = z.strictObject({
  reason: text()
    .trim()
    .min(1)
    .max(500)
    .describe("Why the list is closed without postings (kept as the list's status reason); required"),
});
export const manualCloseResult = z.object({
  countListId: z.string(),
  countListNumber: z.string(),
  status: z.literal('manually_closed'),
  statusReason: z.string(),
  releasedLocks: z.number().int().describe('Stock locks of the list that were released'),
  reprocessedPostings: z.number().int().describe('Postings parked by those locks that are now in the ledger'),
  stillParked: z.number().int().describe("Postings parked by those locks that now wait for another list's lock"),
});
export const reassignBody = z.strictObject({
  countListIds: z
    .array(idSchema)
    .min(1)
    .max(1000)
    .describe('Lists to hand over; all of them or none change (final lists refuse the request)'),
  responsibleUserId: idSchema.describe("The employee who counts them from now on: an active user of the lists' site"),
  counterUserIds: z
    .array(idSchema)
    .max(50)
    .optional()
    .describe(
      "When given, the assigned counters of every list become exactly these (active users of the lists' site; [] removes them)",
    ),
});
export const reassignResult = z.object({
  countListIds: z.array(z.string()),
  responsibleUserId: z.string(),
  counterUserIds: z.array(z.string()).optional().describe("The lists' assigned counters, when the request set them"),
});
export const countersBody = z.strictObject({
  userIds: z
    .array(idSchema)
    .max(50)
    .describe("The assigned counters from now on (active users of the list's site or of no site); [] removes them all"),
});
export const countersResult = z.object({
  countListId: z.string(),
  responsibleUserId: z.string().nullable(),
  counters: z.array(counterView),
});
