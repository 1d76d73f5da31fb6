// Request/response schemas for units, classification code tables, items and item search codes.
// Roles: every signed-in user (counter and up) reads; managers write (units and code tables included —
// they are everyday master data, not system configuration).
import { z } from 'zod';
import { CLASSIFICATION_KINDS, type ClassificationKind } from '../../domain/items/item.js';
import { code20, idSchema, isoDate, multilineText, nonNegativeDecimal, pageQuery, text } from './common.js';

const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
const unitCode = z
  .string()
  .regex(/^[A-Za-z0-9_%]{1,10}$/, 'must be 1–10 letters, digits, _ or %')
  .describe('Unit of measure code, e.g. PZ, kg, S10');

export const unitView = z.object({
  code: unitCode,
  description: z.string(),
  decimals: z.number().int().describe('Decimals allowed in quantities of this unit (0–6)'),
});
export const unitBody = z.strictObject({
  code: unitCode,
  description: text().max(40).default(''),
  decimals: z.number().int().min(0).max(6).default(0).describe('Decimals allowed in quantities of this unit (0–6)'),
});
export const unitPatch = z.strictObject({
  description: text().max(40).optional(),
  decimals: z
    .number()
    .int()
    .min(0)
    .max(6)
    .optional()
    .describe('May only grow once an item with stock movements uses the unit as primary unit'),
});
export const unitParams = z.strictObject({ code: unitCode });
export const unitQuery = z.strictObject({
  ...pageQuery,
  q: text().min(1).max(40).optional().describe('Code prefix or description words'),
});

export const classificationKind = z
  .enum(CLASSIFICATION_KINDS as [ClassificationKind, ...ClassificationKind[]])
  .describe(
    'Which code table: product group, brand, family, homogeneous category, stock account classification, classification 1–5',
  );
export const classificationView = z.object({ kind: classificationKind, code: z.string(), description: z.string() });
export const classificationBody = z.strictObject({
  kind: classificationKind,
  code: code20,
  description: text().max(80).default(''),
});
export const classificationPatch = z.strictObject({ description: text().max(80) });
export const classificationParams = z.strictObject({ kind: classificationKind, code: code20 });
export const classificationQuery = z.strictObject({
  ...pageQuery,
  kind: classificationKind.optional(),
  q: text().min(1).max(80).optional().describe('Text contained in the description (case-insensitive)'),
  codePrefix: text().min(1).max(20).optional(),
});

const conversionOp = z
  .enum(['x', '\\'])
  .describe('x: 1 of this unit = F primary units (S10 = PZ x 10); \\: 1 of this unit = primary / F');
const factor = nonNegativeDecimal.describe('Conversion factor F (> 0), exact decimal string');
const classificationRef = (kind: string) => code20.nullable().optional().describe(`Code of the ${kind} code table`);

const itemFields = {
  code: text()
    .min(1)
    .max(50)
    .regex(/^\S+$/, 'must not contain spaces')
    .describe('Item code: 1–50 characters, no whitespace, unique'),
  description: text().min(1).max(40).describe('1–40 characters; copied onto the main search code'),
  supplementaryDescription: multilineText().max(65536).optional(),
  printSupplementaryDescription: z.boolean().optional(),
  primaryUnit: unitCode.describe('Unit of balances and valuation; cannot change once the item has stock movements'),
  secondaryUnit: unitCode.nullable().optional().describe('Optional secondary unit; given together with its conversion'),
  secondaryConversionOp: conversionOp.nullable().optional(),
  secondaryConversionFactor: factor.nullable().optional(),
  lotManagement: z
    .enum(['no', 'yes', 'auto'])
    .optional()
    .describe('no / yes / yes with automatic consumption; lot items are counted per lot'),
  serialManagement: z.boolean().optional().describe('Serial items are counted per serial number; needs serialClass'),
  serialClass: code20
    .nullable()
    .optional()
    .describe('Serial class; required for serial-managed items (lot.class_required)'),
  productGroup: classificationRef('product group'),
  brand: classificationRef('brand'),
  family: classificationRef('family'),
  homogeneousCategory: classificationRef('homogeneous category'),
  stockAccountClassification: classificationRef('stock account classification'),
  classification1: classificationRef('classification 1'),
  classification2: classificationRef('classification 2'),
  classification3: classificationRef('classification 3'),
  classification4: classificationRef('classification 4'),
  classification5: classificationRef('classification 5'),
  countCycleDays: z.number().int().min(0).max(36500).optional().describe('Count cycle in days (0 = no cycle)'),
  thresholdQuantity: nonNegativeDecimal
    .optional()
    .describe('Count when stock is positive but below this (continuous method)'),
  movementCountThreshold: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Count after this many quantity-changing transactions (0 = off)'),
  abcClass: z.enum(['A', 'B', 'C']).nullable().optional(),
  settlementPrice1: nonNegativeDecimal.optional(),
  settlementPrice2: nonNegativeDecimal.optional(),
  settlementPrice3: nonNegativeDecimal.optional(),
  settlementPrice4: nonNegativeDecimal.optional(),
  settlementPrice5: nonNegativeDecimal.optional(),
  inventoryPrice: nonNegativeDecimal.optional(),
  standardCost: nonNegativeDecimal.optional(),
  includeInInventory: z.boolean().optional().describe('Include in physical inventories (default true)'),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
};
export const itemBody = z.strictObject(itemFields);
export const itemPatch = z.strictObject({
  ...itemFields,
  code: itemFields.code.optional(),
  description: itemFields.description.optional(),
  primaryUnit: itemFields.primaryUnit.optional(),
});

const s = z.string();
export const itemView = z.object({
  id: idSchema,
  code: s,
  description: s,
  supplementaryDescription: s,
  printSupplementaryDescription: z.boolean(),
  primaryUnit: s,
  secondaryUnit: s.nullable(),
  secondaryConversionOp: conversionOp.nullable(),
  secondaryConversionFactor: s.nullable(),
  lotManagement: z.enum(['no', 'yes', 'auto']),
  serialManagement: z.boolean(),
  serialClass: s.nullable(),
  productGroup: s.nullable(),
  brand: s.nullable(),
  family: s.nullable(),
  homogeneousCategory: s.nullable(),
  stockAccountClassification: s.nullable(),
  classification1: s.nullable(),
  classification2: s.nullable(),
  classification3: s.nullable(),
  classification4: s.nullable(),
  classification5: s.nullable(),
  countCycleDays: z.number().int(),
  thresholdQuantity: s,
  movementCountThreshold: z.number().int(),
  abcClass: z.enum(['A', 'B', 'C']).nullable(),
  settlementPrice1: s,
  settlementPrice2: s,
  settlementPrice3: s,
  settlementPrice4: s,
  settlementPrice5: s,
  inventoryPrice: s,
  standardCost: s,
  movingAveragePrice: s.describe('Maintained by the stock ledger; read-only'),
  includeInInventory: z.boolean(),
  hasLedgerEntries: z.boolean().describe('The item has stock movements (primary unit locked)'),
  validFrom: s.nullable(),
  validTo: s.nullable(),
  createdAt: s,
  updatedAt: s,
});

export const itemQuery = z.strictObject({
  ...pageQuery,
  q: text().min(1).max(80).optional().describe('Text to look for'),
  match: z
    .enum(['prefix', 'contains', 'substring'])
    .optional()
    .describe(
      'prefix: code / search code / description starts with q (indexed); contains (default): a word of code, description or a search code ' +
        'starts with q, e.g. "bolt" finds "Hex bolt M8" (indexed word terms); substring: q anywhere, also inside words (scans)',
    ),
  field: z.enum(['any', 'code', 'searchCode', 'description']).optional().describe('Where to look (default any)'),
  productGroup: code20.optional(),
  brand: code20.optional(),
  family: code20.optional(),
  homogeneousCategory: code20.optional(),
  stockAccountClassification: code20.optional(),
  classification1: code20.optional(),
  classification2: code20.optional(),
  classification3: code20.optional(),
  classification4: code20.optional(),
  classification5: code20.optional(),
  primaryUnit: unitCode.optional(),
  lotManagement: z.enum(['no', 'yes', 'auto']).optional(),
  serialManagement: boolQuery.optional(),
  includeInInventory: boolQuery.optional(),
  abcClass: z.enum(['A', 'B', 'C']).optional(),
});

export const searchCodeView = z.object({
  id: idSchema,
  itemId: idSchema,
  code: s,
  unit: s,
  conversionOp,
  conversionFactor: s,
  isMain: z.boolean().describe('The main search code: the item code in the primary unit (maintained with the item)'),
  description: s,
});
const searchCodeText = text()
  .min(1)
  .max(80)
  .regex(/^\S+$/, 'must not contain spaces')
  .describe('Code or barcode, unique across all items');
export const searchCodeBody = z.strictObject({
  code: searchCodeText,
  unit: unitCode.describe('Unit counted when this code is scanned'),
  conversionOp: conversionOp.optional().describe('Default x'),
  conversionFactor: factor.optional().describe('Default 1'),
  description: text().max(40).optional().describe('Defaults to the item description'),
});
export const searchCodePatch = z.strictObject({
  code: searchCodeText.optional(),
  unit: unitCode.optional(),
  conversionOp: conversionOp.optional(),
  conversionFactor: factor.optional(),
  description: text().max(40).optional(),
});
export const searchCodeParams = z.strictObject({ id: idSchema, searchCodeId: idSchema });
