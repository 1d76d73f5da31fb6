// Request and response schemas of the valued differences report.
import { z } from 'zod';
import { COUNT_ITEM_STATUSES } from '../../domain/inventory/vocabulary.js';
import { DIFFERENCE_SORTS } from '../../domain/inventory/differences.js';
import { DOCUMENT_LANGUAGES } from '../../domain/inventory/printing.js';
import { idSchema, nonNegativeDecimal, pageQuery, text } from './common.js';

const dec = z.string().describe('Exact decimal as a string');
const decOrNull = z.string().nullable();

const filters = {
  countListId: idSchema.optional().describe('Only this count list of the inventory (the report per list)'),
  warehouseId: idSchema.optional().describe('Only items in this warehouse'),
  zoneId: idSchema.optional().describe('Only items in this zone'),
  itemCode: text().min(1).max(50).optional().describe('Only this item (exact item code)'),
  q: text()
    .min(1)
    .max(100)
    .optional()
    .describe('Item code starting with, or description containing, this text (case-insensitive)'),
  itemGroup: text().min(1).max(40).optional().describe('Only items of this product group (exact)'),
  minValue: nonNegativeDecimal
    .optional()
    .describe(
      'Only lines whose difference value is at least this much either way (|value| ≥ minValue); unreported lines never pass',
    ),
  minPercent: nonNegativeDecimal
    .optional()
    .describe(
      'Only lines whose difference is at least this many percent of the target either way; a difference on a target of 0 (a found item) always passes',
    ),
  onlyDifferences: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v !== 'false')
    .describe(
      'true (default): only reported items whose counted quantity differs from the target; false: every item, unreported ones included',
    ),
  sort: z
    .enum(DIFFERENCE_SORTS)
    .optional()
    .default('place')
    .describe(
      'item: item code, then place; place (default): warehouse, zone, bin, then item; difference: quantity; value: difference value; absValue: absolute difference value; percent: difference in % of the target. Empty values sort last',
    ),
  dir: z.enum(['asc', 'desc']).optional().default('asc').describe('Sort direction (default asc)'),
};

const { countListId: _list, ...listFilters } = filters;
const language = {
  language: z
    .enum(DOCUMENT_LANGUAGES)
    .optional()
    .describe(
      "Language of headers, statuses and number format. CSV without it: the exact machine format (column keys, comma separated, dot decimals); with it: the language's separators (semicolon and decimal comma for it, pl, de). XLSX and PDF: default en",
    ),
};

export const differencesQuery = z.strictObject({ ...filters, ...pageQuery });
export const differencesCsvQuery = z.strictObject({ ...filters, ...language });
/** The report of one count list (GET /api/count-lists/{id}/differences…): the list is the path's. */
export const listDifferencesQuery = z.strictObject({ ...listFilters, ...pageQuery });
export const listDifferencesFileQuery = z.strictObject({ ...listFilters, ...language });

const totalsFields = {
  lines: z.number().int().describe('Lines the filter selects'),
  differenceLines: z.number().int().describe('Of these, lines with a difference other than 0'),
  positiveValue: dec.describe('Sum of the surplus values (counted more than the target)'),
  negativeValue: dec.describe('Sum of the shortage values (negative)'),
  netValue: dec.describe('Net difference value (positive + negative)'),
};

export const differenceLine = z.object({
  id: z.string().describe('Count-list item id'),
  countListId: z.string(),
  countListNumber: z.string(),
  lineNo: z.number().int(),
  countListStatus: z
    .string()
    .describe(
      'Status of the count list (a manually closed list posted nothing; closed_with_errors: a posting waits in the posting error file)',
    ),
  itemId: z.string(),
  itemCode: z.string(),
  itemDescription: z.string(),
  itemGroup: z.string().nullable().describe('Product group of the item'),
  unit: z.string().describe('Primary unit of the item; quantities are in it'),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  zoneId: z.string().nullable(),
  zoneCode: z.string().nullable(),
  binId: z.string().nullable(),
  binCode: z.string().nullable(),
  lot: z.string(),
  serial: z.string(),
  target: decOrNull.describe('Target (system) quantity when the list was opened'),
  counted: decOrNull.describe('Confirmed counted quantity; null while not reported'),
  difference: decOrNull.describe('counted − target (missing target = 0); null while not reported'),
  unitPrice: dec.describe(
    "Price of the difference: before closing the price closing would post at (the weighted average on a stock-taking-day inventory or with valuation price average, else the inventory's valuation price); after closing what the ledger posted",
  ),
  value: decOrNull.describe(
    'Difference value (difference × unit price, 2 decimals; after closing the value the ledger posted)',
  ),
  percent: decOrNull.describe('Difference in percent of the target (2 decimals); null when the target is 0 or missing'),
  status: z.enum(COUNT_ITEM_STATUSES).describe('Status of the count-list item'),
  valueSource: z
    .enum(['planned', 'ledger'])
    .describe('planned: valued at the posting price; ledger: the value posted on closing'),
  ledgerEntryIds: z
    .array(z.string())
    .describe(
      'Ledger entries of the closing posting of this line (both legs of a transfer to the differences zone); empty before closing',
    ),
  reasonCode: z.string().nullable().describe('Why the count differs (reason code); carried onto the ledger entries'),
  reviewState: z.string().describe("The line's tolerance review (docs/tolerances.md)"),
});

export const differencesReport = z.object({
  inventory: z.object({
    inventoryId: z.string(),
    inventoryNumber: z.string(),
    status: z.string(),
    method: z.string(),
    valuationPrice: z
      .string()
      .describe(
        'Valuation price of the inventory (stock-taking day: net receipts are revalued to it when the inventory is closed)',
      ),
  }),
  items: z.array(differenceLine),
  nextOffset: z.number().int().nullable().describe('Offset of the next page, null on the last page'),
  totals: z
    .object({
      ...totalsFields,
      valueAdjustment: dec.describe(
        'Value adjustments posted when the inventory was closed (stock-taking day; not part of the line values)',
      ),
      valueAdjustmentEntryIds: z.array(z.string()).describe('Their ledger entries'),
      byWarehouse: z.array(z.object({ ...totalsFields, warehouseId: z.string(), warehouseCode: z.string() })),
      byZone: z
        .array(
          z.object({
            ...totalsFields,
            warehouseId: z.string(),
            warehouseCode: z.string(),
            zoneId: z.string().nullable(),
            zoneCode: z.string().nullable(),
          }),
        )
        .describe('Per zone of each warehouse (zoneId null: items without a zone)'),
      byItemGroup: z
        .array(z.object({ ...totalsFields, itemGroup: z.string().nullable() }))
        .describe('Per product group (null: items without one)'),
    })
    .describe('Totals of everything the filter selects, not only of this page'),
});
