// Request and response schemas of the barcode decode, barcode rules and handheld counting endpoints.
import { z } from 'zod';
import { COUNT_ITEM_STATUSES, COUNT_TYPES, REPORT_TYPES } from '../../domain/inventory/vocabulary.js';
import { BARCODE_ERROR_CODES, RULE_DATE_FORMATS, RULE_FIELDS } from '../../domain/barcode/index.js';
import { decimalString, idSchema, scannedText, text } from './common.js';

// Barcode decode ----------------------------------------------------------------------------------------

const symbology = z
  .enum([
    'gs1-128',
    'gs1-datamatrix',
    'gs1-qr',
    'gs1-databar',
    'gs1-dotcode',
    'ean-13',
    'ean-8',
    'upc-a',
    'itf-14',
    'code128',
    'datamatrix',
    'qr',
  ])
  .nullable()
  .describe('From the AIM symbology identifier (]C1, ]E0, …); null when the scanner sent none');

const gs1Element = z.object({
  ai: z.string().describe('GS1 application identifier, e.g. "01", "10", "3103"'),
  title: z.string().describe('GS1 data title, e.g. "BATCH/LOT"'),
  raw: z.string().describe('The value exactly as encoded'),
  value: z.string().optional().describe('Interpreted value: ISO date, date-time, or exact decimal'),
  currency: z.string().optional().describe('ISO 4217 numeric currency of AIs 391n/393n'),
});

const s = () => z.string().optional();
export const barcodeFields = z
  .object({
    gtin: s().describe('GTIN-14 (AI 01/02 or the scanned EAN/UPC)'),
    sscc: s(),
    lot: s().describe('AI 10 or a rule'),
    serial: s().describe('AI 21 or a rule'),
    expiry: s().describe('AI 17 or a rule, yyyy-mm-dd'),
    bestBefore: s(),
    sellBy: s(),
    productionDate: s(),
    packDate: s(),
    dueDate: s(),
    variant: s(),
    quantity: s().describe('AI 30/37 count or a rule quantity (exact decimal)'),
    count: s(),
    netWeightKg: s(),
    grossWeightKg: s(),
    price: s(),
    priceCurrency: s(),
    grai: s(),
    giai: s(),
    itemCode: s().describe('From a user rule'),
    bin: s().describe('From a user rule'),
  })
  .describe('Well-known values pulled out of the scan');

export const barcodeError = z.object({
  code: z.enum(BARCODE_ERROR_CODES).describe('Stable decode error code'),
  message: z.string(),
  ai: z.string().optional().describe('The application identifier concerned'),
  position: z.number().int().optional().describe('0-based index into the scanned text'),
});

export const decodeResult = z
  .discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      symbology,
      type: z.enum(['gtin', 'gs1', 'plain', 'rule']),
      gtin14: z.string().optional(),
      elements: z.array(gs1Element),
      fields: barcodeFields,
      rule: z.string().optional().describe('Name of the user rule that matched (type "rule")'),
      data: z.string().optional().describe('Scanned content without symbology identifier (types "plain" and "rule")'),
    }),
    z.object({ ok: z.literal(false), error: barcodeError }),
  ])
  .describe('The one decode shape (CLI, API, handheld): a failed decode is a value, not an HTTP error');

export const assume = z.enum(['gtin', 'gs1']).describe('How to read data without a symbology identifier');

// Barcode rules -------------------------------------------------------------------------------------------

export const ruleBody = z
  .record(z.string(), z.unknown())
  .describe(
    `A rule: { kind: "fixed", prefix?, length?, fields: [{ field, start, length? }] } or { kind: "separator", prefix?, separator, fields: [field | null] };` +
      ` fields ${RULE_FIELDS.join(', ')}; optional dateFormat (${RULE_DATE_FORMATS.join(', ')}) and quantityDecimals. Validated by the tokenizer.`,
  );

export const barcodeRuleView = z.object({
  id: z.string(),
  siteId: z.string(),
  name: z.string(),
  position: z.number().int().describe('Decode order, 0 first'),
  active: z.boolean(),
  rule: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

// Handheld --------------------------------------------------------------------------------------------------

const reportType = z.enum(REPORT_TYPES);
export const handheldList = z.object({
  id: z.string(),
  siteId: z.string(),
  number: z.string(),
  name: z.string(),
  countType: z.enum(COUNT_TYPES),
  status: z.string().describe('open, partially_reported or completely_reported'),
  countDate: z.string().nullable(),
  warehouseId: z.string().nullable(),
  warehouseCode: z.string().nullable(),
  responsibleUserId: z.string().nullable(),
  inventory: z.object({
    id: z.string(),
    number: z.string(),
    description: z.string(),
    stockTakingDate: z.string().nullable(),
  }),
  keepLocation: z.boolean().describe('The bin stays set between item scans until another bin is scanned'),
  reportType: reportType.describe('cumulative adds, single replaces; the preselected answer on a repeat scan'),
  showSystemQuantities: z.boolean().describe('false = blind counting: no target quantity is ever sent'),
  showsTargets: z
    .boolean()
    .describe("Whether the list's counters see targets: system quantities shown, or a difference list"),
  singleReportingRequired: z.boolean(),
  counts: z
    .object({ items: z.number().int(), reported: z.number().int(), open: z.number().int() })
    .describe('Non-informational items'),
  places: z
    .object({
      zones: z.array(z.string()).describe('Zone codes the list counts (up to 5)'),
      firstBin: z.string().nullable().describe('First bin code of the list (code order); null without bins'),
      lastBin: z.string().nullable(),
    })
    .describe("Where the list counts, for the handheld's list picker"),
});

export const handheldItem = z.object({
  id: z.string().describe('Count-list item id'),
  lineNo: z.number().int(),
  itemId: z.string().nullable().describe('null: an empty bin to confirm'),
  itemCode: z.string().nullable(),
  description: z.string().nullable(),
  unit: z.string().nullable().describe('Primary unit'),
  lotManagement: z.enum(['no', 'yes', 'auto']).nullable(),
  serialManagement: z.boolean().nullable(),
  warehouseCode: z.string(),
  zoneCode: z.string().nullable(),
  binId: z.string().nullable(),
  binCode: z.string().nullable(),
  lot: z.string(),
  serial: z.string(),
  status: z.enum(COUNT_ITEM_STATUSES),
  reportedQuantity: z.string().nullable().describe('Confirmed quantity so far, primary unit'),
  addedByCount: z.boolean(),
  targetQuantity: z
    .string()
    .nullable()
    .optional()
    .describe('Only when the list shows targets (showsTargets); absent when blind'),
  proposedQuantity: z
    .string()
    .nullable()
    .optional()
    .describe('What the quantity field proposes (0 to add on cumulative, the target on single); absent when blind'),
});

export const lookupItem = z.object({
  itemId: z.string(),
  code: z.string(),
  description: z.string(),
  primaryUnit: z.string(),
  secondaryUnit: z.string().nullable(),
  secondaryConversionOp: z.enum(['x', '\\']).nullable(),
  secondaryConversionFactor: z.string().nullable(),
  lotManagement: z.enum(['no', 'yes', 'auto']),
  serialManagement: z.boolean(),
  searchCodes: z.array(
    z.object({ code: z.string(), unit: z.string(), conversionOp: z.enum(['x', '\\']), conversionFactor: z.string() }),
  ),
});
export const lookupBin = z.object({
  id: z.string(),
  code: z.string(),
  barcode: z.string().nullable(),
  warehouseId: z.string(),
  zoneId: z.string(),
  blocked: z.boolean(),
});

export const lookupZone = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  warehouseId: z.string(),
  structured: z.boolean().describe('The zone has bins (count per bin); false: stock sits on the zone itself'),
  onList: z.boolean().describe('The list has bin-less lines on this zone'),
});

const placeStatus = {
  onList: z.boolean().describe('The list has lines at this place (a bin; for a zone, its bin-less lines)'),
  otherList: z
    .object({ id: z.string(), number: z.string(), name: z.string(), countType: z.enum(COUNT_TYPES) })
    .nullable()
    .describe('Another live list of the same inventory with lines here (the first by number), or null'),
  foundAllowed: z
    .boolean()
    .describe('Reports here are taken: the place is on the list, or items found here are added to it'),
  refusal: z
    .object({
      code: z.enum(['count.place_not_on_list', 'count.on_other_list']),
      message: z.string(),
      params: z.record(z.string(), z.string()),
    })
    .nullable()
    .describe('Why not, when foundAllowed is false: the error a report here would get'),
};

export const resolvedBin = lookupBin.extend({
  ...placeStatus,
  keepLocation: z.boolean(),
});

export const resolvedPlace = z.discriminatedUnion('kind', [
  resolvedBin.extend({ kind: z.literal('bin'), zoneCode: z.string() }),
  z.object({
    kind: z.literal('zone').describe('An unstructured zone: stock sits on the zone, no bin'),
    id: z.string(),
    code: z.string(),
    name: z.string(),
    warehouseId: z.string(),
    zoneId: z.string(),
    ...placeStatus,
    keepLocation: z.boolean(),
  }),
]);

const scanFields = {
  clientReportId: text()
    .min(1)
    .max(100)
    .describe('Unique per report, made by the device: a retry with the same id is recorded once'),
  bin: text()
    .min(1)
    .max(80)
    .optional()
    .describe('Bin barcode or code (kept by the client between scans when keepLocation)'),
  zone: text()
    .min(1)
    .max(40)
    .optional()
    .describe(
      'Zone code, for an unstructured zone of a structured warehouse (no bin there); ignored when a bin is given',
    ),
  warehouse: text().min(1).max(20).optional().describe('Warehouse code; only for lists spanning several warehouses'),
  barcode: scannedText()
    .min(1)
    .max(400)
    .optional()
    .describe('The scan as the scanner sent it (GS1 with GS separators, EAN, in-house label)'),
  itemCode: text().min(1).max(80).optional().describe('A typed search code instead of a scan'),
  quantity: decimalString
    .optional()
    .describe('Counted quantity in `unit`; may be omitted when the barcode carries a count (AI 30/37)'),
  unit: text()
    .min(1)
    .max(10)
    .optional()
    .describe("Unit of quantity: the scanned code's unit (default), the primary or the secondary unit"),
  lot: text().min(1).max(40).optional().describe('Overrides AI 10'),
  serial: text().min(1).max(40).optional().describe('Overrides AI 21'),
  mode: z.enum(['add', 'replace']).optional().describe('Answer to decision_needed on a repeat scan'),
  device: text().min(1).max(80).optional(),
  reasonCode: z
    .string()
    .regex(/^[a-z0-9_]{1,30}$/)
    .optional()
    .describe('Why the count differs (a reason code, GET /api/reason-codes)'),
};
const needsItem = { message: 'give barcode or itemCode', path: ['barcode'] };
export const scanBody = z
  .strictObject(scanFields)
  .refine((b) => b.barcode !== undefined || b.itemCode !== undefined, needsItem);

export const batchBody = z.strictObject({
  scans: z
    .array(
      z
        .strictObject({ listId: idSchema, ...scanFields })
        .refine((b) => b.barcode !== undefined || b.itemCode !== undefined, needsItem),
    )
    .min(1)
    .max(500)
    .describe('Scans queued on the device, oldest first'),
});

const scanItem = z.object({
  itemId: z.string(),
  itemCode: z.string(),
  description: z.string(),
  primaryUnit: z.string(),
  lotManagement: z.enum(['no', 'yes', 'auto']),
  serialManagement: z.boolean(),
  scannedCode: z.string().describe('The search code that matched'),
  enteredQuantity: z.string(),
  enteredUnit: z.string(),
  quantity: z.string().describe('In the primary unit'),
  lot: z.string(),
  serial: z.string(),
  expiry: z.string().nullable().describe('From AI 17, for display'),
  binId: z.string().nullable(),
  binCode: z.string().nullable(),
});

export const scanResult = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('recorded'),
    duplicate: z.boolean().describe('true when this clientReportId was recorded before: the first report is returned'),
    added: z.boolean().describe('The position was not on the list and has been added'),
    item: scanItem,
    place: z
      .object({
        kind: z.enum(['bin', 'zone', 'warehouse']),
        code: z.string().nullable().describe('Bin, zone or warehouse code'),
      })
      .describe('Where the report went'),
    found: z
      .object({
        otherList: z
          .object({
            number: z.string(),
            name: z.string(),
            holds: z.enum(['place', 'item']).describe('It counts this bin/zone, or this item elsewhere'),
          })
          .nullable(),
      })
      .nullable()
      .describe(
        'Set when a found position was added (added: true): another live list of the inventory that holds this place or item',
      ),
    line: z.object({
      id: z.string(),
      lineNo: z.number().int(),
      status: z.enum(COUNT_ITEM_STATUSES),
      reportedQuantity: z.string().nullable(),
      addedByCount: z.boolean(),
      targetQuantity: z.string().nullable().optional(),
      proposedQuantity: z.string().nullable().optional(),
    }),
    report: z.object({
      id: z.string(),
      mode: z.enum(['add', 'replace', 'mark_all']),
      quantity: z.string(),
      enteredQuantity: z.string().nullable(),
      enteredUnit: z.string().nullable(),
      resultingQuantity: z.string(),
      previousQuantity: z.string().nullable(),
      reportedAt: z.string(),
      clientReportId: z.string().nullable(),
    }),
  }),
  z.object({
    status: z
      .literal('decision_needed')
      .describe('Counted before at this place: repeat the same request with mode add or replace'),
    previousQuantity: z.string(),
    suggestedMode: z.enum(['add', 'replace']).describe("The inventory's report type"),
    countListItemId: z.string(),
    item: scanItem,
  }),
]);

export const listIdParams = z.strictObject({ id: idSchema });

const errorValue = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export const batchResult = z.object({
  results: z
    .array(
      z.discriminatedUnion('ok', [
        z.object({ clientReportId: z.string(), ok: z.literal(true), result: scanResult }),
        z.object({
          clientReportId: z.string(),
          ok: z.literal(false),
          error: errorValue.describe('Why this scan was refused; the others are unaffected'),
        }),
      ]),
    )
    .describe('One entry per scan, in the order sent'),
});

export const undoParams = z.strictObject({
  clientReportId: text().min(1).max(100).describe("The device's id of the report to undo"),
});
export const undoResult = z.object({
  status: z.literal('undone'),
  alreadyUndone: z.boolean().describe('true when the report was undone before (a retried undo): nothing changed'),
  countListId: idSchema,
  countListItemId: idSchema,
  reportedQuantity: z
    .string()
    .nullable()
    .describe("The line's counted quantity from its remaining valid reports; null: none left, the line is open again"),
  itemStatus: z.enum(['open', 'reported']),
  listStatus: z.string().describe("The list's status after the undo (open / partially / completely reported)"),
});

export const emptyBinBody = z.strictObject({
  clientReportId: text()
    .min(1)
    .max(100)
    .describe('Unique per report, made by the device: a retry with the same id is recorded once'),
  bin: text().min(1).max(80).describe('Bin barcode or code of a bin list\'s "(empty bin)" line'),
  device: text().max(80).optional(),
});
export const emptyBinResult = z.object({
  status: z.literal('recorded'),
  duplicate: z.boolean().describe('true when this clientReportId was recorded before'),
  binCode: z.string(),
  line: z.object({
    id: idSchema,
    lineNo: z.number().int(),
    status: z.enum(COUNT_ITEM_STATUSES),
    reportedQuantity: z.string().nullable(),
  }),
});

export const identifyQuery = z
  .strictObject({
    barcode: scannedText().min(1).max(400).optional().describe("As scanned (decoded with the site's barcode rules)"),
    itemCode: text().min(1).max(80).optional().describe('Typed item code or search code'),
  })
  .refine((b) => b.barcode !== undefined || b.itemCode !== undefined, {
    message: 'barcode or itemCode is required',
    path: ['barcode'],
  });
export const identifiedView = z.object({
  itemId: idSchema,
  itemCode: z.string(),
  description: z.string(),
  primaryUnit: z.string(),
  lotManagement: z.enum(['no', 'yes', 'auto']),
  serialManagement: z.boolean(),
  scannedCode: z.string().describe('The search code that identified the item'),
  enteredUnit: z.string().describe('The unit that code counts in'),
  lot: z.string().nullable(),
  serial: z.string().nullable(),
  expiry: z.string().nullable(),
  quantity: z.string().nullable().describe('A count the label carries (GS1 AI 30/37 or a site rule)'),
});
