// Request/response schemas of the item-master extensions: coding, barcodes, templates, price
// lists, lots/serials, planning, accounting and logistics fields.
import { z } from 'zod';
import { CHECK_MODES, LOT_CONSUMPTIONS } from '../../domain/items/types.js';
import { code20, decimalString, idSchema, isoDate, multilineText, nonNegativeDecimal, text } from './common.js';
import { itemBody, itemView } from './items.js';

const s = z.string();
const checkMode = z.enum(CHECK_MODES).describe('none / warning / blocking');
const ref20 = text().min(1).max(20);

const masterFieldShape = {
  itemClass: code20
    .nullable()
    .optional()
    .describe('Item class (automatic coding rule); set from the class used when the code was generated'),
  lotConsumption: z
    .enum(LOT_CONSUMPTIONS)
    .optional()
    .describe(
      'Order lots are proposed for issues: fifo (first received), fefo (first expiring), lefo (last expiring); fefo/lefo skip lots expired at the posting date',
    ),
  lotClass: code20.nullable().optional().describe('Lot class generating lot codes'),
  lotAvailabilityCheck: checkMode
    .optional()
    .describe('Lot availability check; a lot-managed item defaults to blocking and cannot be none'),
  serialClass: code20.nullable().optional().describe('Serial class; required for serial-managed items'),
  minStock: nonNegativeDecimal.optional().describe('Minimum stock (0 = not managed), primary unit'),
  maxStock: nonNegativeDecimal.optional().describe('Maximum stock (0 = not managed)'),
  reorderPoint: nonNegativeDecimal.optional().describe('Stock at which to reorder (0 = none)'),
  reorderLot: nonNegativeDecimal.optional().describe('Reorder lot: suggested orders are multiples of it'),
  minReorderQuantity: nonNegativeDecimal.optional(),
  supplyLeadDays: z.number().int().min(0).max(3650).optional().describe('Supply lead time in days'),
  accountingCategory: ref20.nullable().optional(),
  vatCode: ref20.nullable().optional(),
  analyticCostItem: ref20.nullable().optional(),
  analyticRevenueItem: ref20.nullable().optional(),
  costCentre: ref20
    .nullable()
    .optional()
    .describe("Cost centre; an inventory's own cost centre overrides it when differences are posted"),
  availabilityCheck: checkMode.optional().describe('Availability (on hand − reserved) check when stock is issued'),
  preferredWarehouseId: idSchema.nullable().optional(),
  netWeight: nonNegativeDecimal.nullable().optional().describe('kg'),
  grossWeight: nonNegativeDecimal.nullable().optional().describe('kg, at least the net weight'),
  packageType: ref20.nullable().optional(),
  notes: multilineText().max(4000).optional(),
};
export const masterFieldsPatch = z.strictObject(masterFieldShape);
export const masterFieldsView = z.object({
  itemClass: s.nullable(),
  lotConsumption: z.enum(LOT_CONSUMPTIONS),
  lotClass: s.nullable(),
  lotAvailabilityCheck: checkMode,
  serialClass: s.nullable(),
  minStock: s,
  maxStock: s,
  reorderPoint: s,
  reorderLot: s,
  minReorderQuantity: s,
  supplyLeadDays: z.number().int(),
  accountingCategory: s.nullable(),
  vatCode: s.nullable(),
  analyticCostItem: s.nullable(),
  analyticRevenueItem: s.nullable(),
  costCentre: s.nullable(),
  availabilityCheck: checkMode,
  preferredWarehouseId: s.nullable(),
  netWeight: s.nullable(),
  grossWeight: s.nullable(),
  packageType: s.nullable(),
  notes: s,
});

const barcodeOption = z
  .discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('none') }),
    z.strictObject({ mode: z.literal('ean8') }),
    z.strictObject({ mode: z.literal('ean13') }),
    z.strictObject({
      mode: z.literal('item_code'),
      type: z
        .enum(['ean8', 'ean13', 'upca', 'gtin14', 'code128', 'code39'])
        .describe('Barcode type the item code is validated as'),
    }),
  ])
  .describe(
    'Barcode on creation: none; generate EAN-8/EAN-13 from the configured GS1 company prefix (stored as a search code); or the item code is itself a barcode of a type',
  );

const createItemFields = itemBody.partial({ code: true, description: true, primaryUnit: true });
export const masterCreateBody = z.strictObject({
  item: createItemFields.describe(
    'Core item fields; code may be left out to generate it from the item class, description/primaryUnit may come from the template',
  ),
  master: masterFieldsPatch.optional(),
  template: code20
    .optional()
    .describe('Template code: its reference item seeds every field not given (validity dates excepted)'),
  barcode: barcodeOption.optional(),
});
export const masterCopyBody = z.strictObject({
  item: createItemFields.describe('Fields that differ from the source; the code may be generated'),
  master: masterFieldsPatch.optional(),
  barcode: barcodeOption.optional(),
});
export const createdItemView = z.object({
  item: itemView.extend(masterFieldsView.shape),
  generatedBarcode: s.nullable().describe('The EAN generated and stored as a search code, if any'),
});
const warehousePlanningView = z
  .object({
    warehouseId: s,
    minStock: s.nullable(),
    maxStock: s.nullable(),
    reorderPoint: s.nullable(),
    reorderLot: s.nullable(),
    minReorderQuantity: s.nullable(),
    supplyLeadDays: z.number().int().nullable(),
    standardCost: s.nullable(),
  })
  .describe('Per-warehouse override; null inherits the item value');
export const masterItemView = z.object({
  item: itemView,
  master: masterFieldsView,
  alternatives: z.array(z.object({ itemId: s, code: s, description: s })),
  warehousePlanning: z.array(warehousePlanningView),
});
export const alternativesBody = z.strictObject({
  alternativeItemIds: z.array(idSchema).max(100).describe('Alternative items in order of preference'),
});
export const warehousePlanningBody = z
  .strictObject({
    minStock: nonNegativeDecimal.nullable().optional(),
    maxStock: nonNegativeDecimal.nullable().optional(),
    reorderPoint: nonNegativeDecimal.nullable().optional(),
    reorderLot: nonNegativeDecimal.nullable().optional(),
    minReorderQuantity: nonNegativeDecimal.nullable().optional(),
    supplyLeadDays: z.number().int().min(0).max(3650).nullable().optional(),
    standardCost: nonNegativeDecimal.nullable().optional(),
  })
  .describe(
    'Replaces the override of the warehouse; leave a value out or null to inherit; all empty removes the override',
  );
export const itemWarehouseParams = z.strictObject({ id: idSchema, warehouseId: idSchema });

// Coding configuration
export const itemClassView = z.object({
  code: s,
  description: s,
  prefix: s,
  width: z.number().int(),
  nextValue: s,
  isDefault: z.boolean(),
});
const counter = z
  .string()
  .regex(/^[1-9]\d{0,17}$/, 'must be a positive integer')
  .describe('Next counter value');
export const itemClassBody = z.strictObject({
  code: code20,
  description: text().max(80).optional(),
  prefix: text().max(20).regex(/^\S*$/, 'no spaces').optional().describe('Code prefix, e.g. "RM-"'),
  width: z.number().int().min(1).max(18).optional().describe('Digits of the zero-padded counter (default 6)'),
  nextValue: counter.optional(),
  isDefault: z.boolean().optional().describe('Used when an item is created without code and class'),
});
export const itemClassPatch = itemClassBody.omit({ code: true });
export const codeParams = z.strictObject({ code: code20 });
export const barcodeKindParams = z.strictObject({ kind: z.enum(['ean8', 'ean13']) });
export const barcodeSettingView = z.object({
  kind: z.enum(['ean8', 'ean13']),
  companyPrefix: s,
  itemReferenceDigits: z.number().int(),
  nextValue: s,
});
export const barcodeSettingBody = z.strictObject({
  companyPrefix: z
    .string()
    .regex(/^\d{2,11}$/)
    .describe('GS1 company prefix (digits); EAN-13: up to 11, EAN-8: up to 6'),
  nextValue: counter.optional().describe('Next item reference number'),
});
export const templateView = z.object({ id: s, code: s, description: s, referenceItemId: s, referenceItemCode: s });
export const templateBody = z.strictObject({
  code: code20,
  description: text().max(80).optional(),
  referenceItemId: idSchema,
});

// Price lists
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'ISO 4217 code such as EUR')
  .describe('Currency (ISO 4217)');
export const priceListView = z.object({ id: s, code: s, description: s, currency: s, discountsAllowed: z.boolean() });
export const priceListBody = z.strictObject({
  code: code20,
  description: text().max(80).optional(),
  currency,
  discountsAllowed: z.boolean().optional().describe('Prices of this list may carry up to four cascading discounts'),
});
export const priceListPatch = z.strictObject({
  description: text().max(80).optional(),
  discountsAllowed: z.boolean().optional(),
});
const tier = z.strictObject({
  upTo: nonNegativeDecimal
    .nullable()
    .describe('Highest quantity (in the price unit) this tier applies to; null = open-ended last tier ("over")'),
  price: nonNegativeDecimal.describe('Price per price unit'),
  discounts: z
    .array(nonNegativeDecimal)
    .max(4)
    .optional()
    .describe('Up to four percentage discounts applied in cascade'),
});
export const itemPriceBody = z.strictObject({
  priceListId: idSchema,
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  unit: text().min(1).max(10).describe('Unit the prices are per: primary, secondary or a search-code unit of the item'),
  currency: currency.optional().describe('Defaults to the list currency'),
  tiers: z.array(tier).min(1).max(50).describe('Quantity tiers in rising order'),
});
export const itemPriceView = z.object({
  id: s,
  priceListId: s,
  priceListCode: s,
  itemId: s,
  validFrom: s.nullable(),
  validTo: s.nullable(),
  unit: s,
  currency: s,
  tiers: z.array(z.object({ upTo: s.nullable(), price: s, discounts: z.array(s) })),
});
export const itemPriceParams = z.strictObject({ id: idSchema, priceId: idSchema });
export const priceQuery = z.strictObject({
  priceListId: idSchema,
  quantity: decimalString.describe('Quantity in `unit`'),
  unit: text().min(1).max(10).optional().describe('Default: primary unit'),
  date: isoDate.optional().describe('Default: today'),
  currency: currency.optional(),
});
export const priceResultView = z.object({
  priceRowId: s,
  currency: s,
  priceUnit: s,
  quantityInPriceUnit: s,
  tierUpTo: s.nullable(),
  listPrice: s,
  discounts: z.array(s),
  netPrice: s.describe('Net price per price unit, exact'),
  unitPrice: s.describe('Net price per asked unit'),
  amountExact: s,
  amount: s.describe('Amount rounded half-up to 2 decimals'),
});

// Lots, serials, availability
const datePattern = z
  .enum(['none', 'YYYY', 'YYMM', 'YYYYMM', 'YYMMDD', 'YYYYMMDD', 'YYDDD'])
  .describe('Date part of lot codes (YYDDD = year + day of year)');
export const lotClassView = z.object({
  code: s,
  description: s,
  prefix: s,
  datePattern,
  width: z.number().int(),
  nextValue: s,
});
export const lotClassBody = z.strictObject({
  code: code20,
  description: text().max(80).optional(),
  prefix: text().max(10).regex(/^\S*$/).optional(),
  datePattern: datePattern.optional(),
  width: z.number().int().min(1).max(12).optional().describe('Counter digits (default 4)'),
});
export const serialClassView = z.object({ code: s, description: s, prefix: s, width: z.number().int(), nextValue: s });
export const serialClassBody = z.strictObject({
  code: code20,
  description: text().max(80).optional(),
  prefix: text().max(20).regex(/^\S*$/).optional(),
  width: z.number().int().min(1).max(18).optional(),
});
export const newLotBody = z.strictObject({
  date: isoDate.optional().describe('Date for the code date part (default production date, else today)'),
  expiryDate: isoDate.nullable().optional(),
  productionDate: isoDate.nullable().optional(),
});
export const lotView = z.object({ id: s, itemId: s, code: s, expiryDate: s.nullable(), productionDate: s.nullable() });
export const serialsBody = z.strictObject({ count: z.number().int().min(1).max(10000) });
export const lotProposalQuery = z.strictObject({
  warehouseId: idSchema,
  quantity: decimalString.describe('Quantity to issue, primary unit'),
  postingDate: isoDate.optional(),
});
export const lotProposalView = z.object({
  consumption: s,
  lines: z.array(z.object({ lot: s, quantity: s, expiryDate: s.nullable() })),
  proposed: s,
  shortfall: s.describe('Quantity no usable lot covers'),
  skippedExpired: z.array(s).describe('Lots with stock not proposed because expired at the posting date'),
});
export const availabilityQuery = z.strictObject({
  warehouseId: idSchema,
  quantity: decimalString,
  lot: text().min(1).max(40).optional(),
});
export const availabilityView = z.object({
  mode: checkMode,
  onHand: s,
  reserved: s,
  available: s.describe('On hand − open reservations'),
  requested: s,
  sufficient: z.boolean(),
  outcome: z.enum(['ok', 'warning', 'blocked']),
});

// Planning
export const abcBody = z.strictObject({
  from: isoDate,
  to: isoDate,
  thresholdA: nonNegativeDecimal.optional().describe('Cumulative % of consumption value for class A (default 80)'),
  thresholdB: nonNegativeDecimal.optional().describe('Cumulative % up to which items are B (default 95)'),
  siteId: idSchema.optional(),
});
export const abcRunView = z.object({
  from: s,
  to: s,
  thresholdA: s,
  thresholdB: s,
  totalValue: s,
  counts: z.object({ A: z.number(), B: z.number(), C: z.number() }),
  items: z.array(
    z.object({ itemId: s, code: s, value: s, share: s, cumulativeShare: s, abcClass: z.enum(['A', 'B', 'C']) }),
  ),
});
const stockStatus = z.enum(['below_minimum', 'above_maximum', 'below_reorder_point', 'ok']);
export const stockControlQuery = z.strictObject({
  warehouseId: idSchema.optional(),
  status: z
    .enum([...stockStatus.options, 'all'])
    .optional()
    .describe('Default: every line that is not ok'),
});
export const stockControlView = z.object({
  items: z.array(
    z.object({
      itemId: s,
      itemCode: s,
      description: s,
      warehouseId: s,
      warehouseCode: s,
      onHand: s,
      minStock: s,
      maxStock: s,
      reorderPoint: s,
      status: stockStatus,
      shortage: s,
      excess: s,
      suggestedOrder: s.describe(
        'Quantity to order: up to the highest of min/reorder point/max, at least the minimum reorder quantity, in reorder-lot multiples',
      ),
    }),
  ),
});
