// Request/response schemas for sites, stock owners, warehouses, zones and bins.
// Roles: every signed-in user (counter and up) reads; managers write warehouses, zones, bins and owners;
// only admins write sites. A user bound to a site (users.siteId) sees and changes only that site's places.
import { z } from 'zod';
import { code20, idSchema, pageQuery, text } from './common.js';

const name80 = text().min(1).max(80).describe('Name shown to people (1–80)');
const qText = text().min(1).max(80).optional().describe('Code prefix or words of the name (case-insensitive)');
const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const codeNameView = z.object({ id: idSchema, code: z.string(), name: z.string() });
export const codeNameBody = z.strictObject({
  code: code20.describe('Unique code (1–20 letters, digits, _ . -)'),
  name: name80,
});
export const codeNamePatch = z.strictObject({ code: code20.optional(), name: name80.optional() });
export const codeNameQuery = z.strictObject({ ...pageQuery, q: qText });

export const warehouseKind = z
  .enum(['unstructured', 'structured', 'virtual'])
  .describe(
    'unstructured: stock per warehouse, no bins; structured: divided into zones (and bins); virtual: never counted',
  );
export const physical = z.enum(['internal', 'external']).describe('Physically internal or external warehouse');

export const warehouseView = z.object({
  id: idSchema,
  siteId: idSchema,
  code: z.string(),
  name: z.string(),
  kind: warehouseKind,
  physical,
  responsibleUserId: idSchema.nullable().describe('Responsible employee (a user id)'),
  allowNegative: z.boolean().describe('Postings may take stock below zero'),
  costCentre: z.string().nullable().describe('Cost centre for postings (the inventory’s overrides it)'),
});
const warehouseFields = {
  code: code20.describe('Warehouse code, unique within its site'),
  name: name80,
  kind: warehouseKind,
  physical: physical.optional().describe('Default internal'),
  responsibleUserId: idSchema.nullable().optional().describe('Responsible employee: an active user id'),
  allowNegative: z.boolean().optional().describe('Allow negative stock (default false)'),
  costCentre: text().min(1).max(20).nullable().optional().describe('Cost centre code (≤20)'),
};
export const warehouseBody = z.strictObject({
  siteId: idSchema.describe('Site the warehouse belongs to (fixed)'),
  ...warehouseFields,
});
export const warehousePatch = z.strictObject({
  ...warehouseFields,
  code: warehouseFields.code.optional(),
  name: name80.optional(),
  kind: warehouseKind.optional().describe('Changeable only while the warehouse has no zones and no stock movements'),
});
export const warehouseQuery = z.strictObject({
  ...pageQuery,
  siteId: idSchema.optional(),
  kind: warehouseKind.optional(),
  physical: physical.optional(),
  responsibleUserId: idSchema.optional(),
  q: qText,
});

export const organisation = z
  .enum(['high_bay', 'block', 'places_only'])
  .describe('Bin layout: high_bay = [aisle-]row-level-place; block = [aisle-]row-place; places_only = place');
export const zoneUsage = z
  .enum(['normal', 'inventory_differences'])
  .describe('inventory_differences: receives the transfer of stock differences on closing (at most one per warehouse)');
export const zoneView = z.object({
  id: idSchema,
  siteId: idSchema,
  warehouseId: idSchema,
  code: z.string(),
  name: z.string(),
  organisation,
  structured: z
    .boolean()
    .describe('true: the zone has bins (counted with bin lists); false: stock per zone (article lists)'),
  usage: zoneUsage,
});
const zoneFields = {
  code: code20.describe('Zone code, unique within the warehouse'),
  name: name80,
  organisation,
  structured: zoneView.shape.structured,
  usage: zoneUsage.optional(),
};
export const zoneBody = z.strictObject({
  warehouseId: idSchema.describe('A structured warehouse (fixed)'),
  ...zoneFields,
});
export const zonePatch = z.strictObject({
  code: zoneFields.code.optional(),
  name: name80.optional(),
  organisation: organisation.optional().describe('Changeable only while the zone has no bins'),
  structured: z.boolean().optional().describe('Changeable only while the zone has no bins'),
  usage: zoneUsage.optional(),
});
export const zoneQuery = z.strictObject({
  ...pageQuery,
  warehouseId: idSchema.optional(),
  siteId: idSchema.optional(),
  organisation: organisation.optional(),
  structured: boolQuery.optional(),
  usage: zoneUsage.optional(),
  q: qText,
});

const element = z.string().regex(/^[A-Za-z0-9]{1,10}$/, 'must be 1–10 letters or digits');
export const binView = z.object({
  id: idSchema,
  siteId: idSchema,
  warehouseId: idSchema,
  zoneId: idSchema,
  code: z.string().describe('Elements joined with "-", e.g. 08-001 or 007-10-021; unique within the warehouse'),
  aisle: z.string().nullable().describe('Groups rows; optional'),
  row: z.string().nullable(),
  level: z.string().nullable(),
  place: z.string(),
  barcode: z.string().nullable().describe('Label barcode, unique within the warehouse'),
  blocked: z.boolean().describe('Blocked for movements'),
});
const elements = {
  aisle: element.nullable().optional().describe('Aisle (optional; high_bay and block zones)'),
  row: element.nullable().optional().describe('Row (required in high_bay and block zones)'),
  level: element.nullable().optional().describe('Level (required in high_bay zones only)'),
  place: element.describe('Place (always required)'),
};
const barcode = text()
  .min(1)
  .max(80)
  .nullable()
  .optional()
  .describe('Label barcode of the bin, scanned instead of the code');
export const binBody = z.strictObject({
  zoneId: idSchema.describe('A structured zone'),
  ...elements,
  barcode,
  blocked: z.boolean().optional(),
});
export const binPatch = z.strictObject({
  ...elements,
  place: elements.place.optional(),
  barcode,
  blocked: z.boolean().optional(),
});
export const binQuery = z.strictObject({
  ...pageQuery,
  warehouseId: idSchema.optional(),
  zoneId: idSchema.optional(),
  aisle: element.optional(),
  row: element.optional(),
  level: element.optional(),
  codePrefix: text().min(1).max(43).optional().describe('Bins whose code starts with this'),
  blocked: boolQuery.optional(),
});

const range = z
  .union([
    z.strictObject({
      from: element.describe('First value; its width is the zero padding (01 → 01, 02, … 10)'),
      to: element.describe('Last value (numbers) or letter (A–Z)'),
    }),
    z.strictObject({ values: z.array(element).min(1).max(1000).describe('Explicit values in order') }),
  ])
  .describe('A range {from, to} of numbers or single letters, or explicit {values}');
export const binRangeBody = z.strictObject({
  zoneId: idSchema.describe('A structured zone'),
  ranges: z
    .strictObject({ aisle: range.optional(), row: range.optional(), level: range.optional(), place: range })
    .describe(
      'Every combination is created, e.g. rows 01–10 × levels 1–5 × places 001–020 = 1000 bins (at most 100,000)',
    ),
  skipExisting: z.boolean().optional().describe('Keep bins that already exist instead of refusing the request'),
  dryRun: z
    .boolean()
    .optional()
    .describe(
      'Preview only: answer (or refuse) exactly as the creation would, with a sample of the codes, and write nothing (200)',
    ),
});
export const binRangeResult = z.object({
  requested: z.number().int(),
  created: z.number().int(),
  skipped: z.number().int().describe('Already existing, kept unchanged'),
  firstCode: z.string(),
  lastCode: z.string(),
  sample: z
    .array(z.string())
    .optional()
    .describe('Dry run only: up to 12 of the derived codes, spread over the range in order (first and last included)'),
});

export const binsBlockedBody = z.strictObject({
  ids: z.array(idSchema).min(1).max(10_000).describe('Bins to change (at most 10,000); all or none change'),
  blocked: z.boolean().describe('true: block for movements; false: unblock'),
});
export const binsBlockedResult = z.object({
  changed: z.number().int().describe('Bins whose state changed (the others already had it)'),
});
