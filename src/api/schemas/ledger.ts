// Request and response schemas of the stock ledger API: postings, balances, ledger entries, keys, periods,
// reservations, the posting error file and lots.
import { z } from 'zod';
import { LEDGER_SORTS } from '../../services/ledger/stock.service.js';
import { code20, decimalString, idSchema, isoDate, nonNegativeDecimal, pageQuery, text } from './common.js';

export const keyKind = z
  .enum(['receipt', 'issue', 'transfer', 'revaluation', 'adjustment'])
  .describe(
    'receipt: stock in; issue: stock out; transfer: issue + receipt at the moving average; revaluation: value only; adjustment: corrections either way',
  );

const lot = text().min(1).max(40).describe('Lot code; required for lot-managed items, refused otherwise');
const serial = text().min(1).max(80).describe('Serial number; required for serial-managed items (quantity 1 or -1)');

export const postingLine = z.strictObject({
  itemId: idSchema,
  warehouseId: idSchema,
  zoneId: idSchema
    .nullable()
    .optional()
    .describe('Required in structured warehouses, refused in unstructured and virtual ones'),
  binId: idSchema.nullable().optional().describe('Required in zones with bins'),
  lot: lot.nullable().optional(),
  serial: serial.nullable().optional(),
  ownerId: idSchema.describe('Stock owner'),
  quantity: decimalString.describe(
    'Signed quantity in the primary unit: positive in, negative out, 0 for a value adjustment',
  ),
  unitPrice: nonNegativeDecimal
    .nullable()
    .optional()
    .describe('Price per primary unit of an incoming line; defaults to the moving average'),
  value: decimalString
    .nullable()
    .optional()
    .describe('Explicit value of the line: value adjustments (quantity 0) or the total value of a receipt'),
  expiryDate: isoDate.nullable().optional().describe('Expiry date of the lot, recorded when the lot is new'),
});

const postingHeader = {
  siteId: idSchema,
  keyCode: code20.describe('Transaction key; its kind must match the operation'),
  postingDate: isoDate
    .optional()
    .describe('Defaults to today; must fall into an open accounting period once periods exist'),
  originType: text().min(1).max(40).optional().describe('What caused the posting (default "manual")'),
  originId: text().min(1).max(80).nullable().optional().describe('Id of the causing document'),
  costCentre: text().min(1).max(20).nullable().optional(),
};

export const postingBody = z.strictObject({ ...postingHeader, lines: z.array(postingLine).min(1).max(50_000) });

export const transferBody = z.strictObject({
  ...postingHeader,
  lines: z
    .array(
      z.strictObject({
        itemId: idSchema,
        ownerId: idSchema,
        lot: lot.nullable().optional(),
        serial: serial.nullable().optional(),
        quantity: nonNegativeDecimal.describe('Quantity moved, positive, primary unit'),
        fromWarehouseId: idSchema,
        fromZoneId: idSchema.nullable().optional(),
        fromBinId: idSchema.nullable().optional(),
        toWarehouseId: idSchema,
        toZoneId: idSchema.nullable().optional(),
        toBinId: idSchema.nullable().optional(),
      }),
    )
    .min(1)
    .max(25_000),
});

/** A full stored posting (as parked in the posting error file, or as corrected by hand). */
export const storedPosting = z.strictObject({
  ...postingHeader,
  postingDate: isoDate,
  originType: text().min(1).max(40),
  lines: z.array(postingLine).min(1).max(50_000),
});

const availabilityWarning = z
  .object({
    code: z.literal('ledger.not_available'),
    message: z.string(),
    field: z.string().describe('The first outgoing line of the item (or lot) in the warehouse, e.g. lines.0.quantity'),
    params: z.object({
      itemId: z.string(),
      itemCode: z.string(),
      warehouseId: z.string(),
      ownerId: z.string(),
      lot: z
        .string()
        .nullable()
        .describe(
          "null: the item's availability check over all its stock in the warehouse; a lot code: the lot availability check",
        ),
      mode: z
        .enum(['none', 'warning', 'blocking'])
        .describe('The check mode that judged it (always warning here; blocking refuses with 422)'),
      onHand: z.string(),
      reserved: z.string().describe('Open reservations'),
      available: z.string().describe('On hand − reserved, before the posting'),
      requested: z.string().describe('Net quantity the posting takes out of the warehouse'),
    }),
  })
  .describe('An availability shortage of an item whose check only warns: the posting went through');
const warnings = z
  .array(availabilityWarning)
  .describe('Availability warnings of issues and transfers (items with availability check "warning"); empty when none');

export const postResult = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('posted'),
    entryIds: z.array(z.string()),
    transferGroup: z.string().optional().describe('Shared by the issue and receipt entries of a transfer'),
    warnings,
  }),
  z.object({
    status: z.literal('parked'),
    postingErrorId: z.string().describe('The posting waits in the posting error file'),
    reason: z.string(),
    warnings,
  }),
]);

export const postingCheckResult = z
  .object({ warnings })
  .describe('What the posting would warn about; nothing was posted');

export const balanceView = z.object({
  id: z.string(),
  siteId: z.string(),
  itemId: z.string(),
  itemCode: z.string(),
  warehouseId: z.string(),
  zoneId: z.string().nullable(),
  binId: z.string().nullable(),
  binCode: z.string().nullable(),
  lot: z.string(),
  serial: z.string(),
  ownerId: z.string(),
  quantity: z.string(),
  everNonzero: z.boolean().describe('The position held stock at some time (for "zero stock" selections)'),
  lastCountedDate: z.string().nullable(),
  movementsSinceCount: z.number().int(),
});

export const balanceQuery = z.strictObject({
  siteId: idSchema.optional(),
  itemId: idSchema.optional(),
  warehouseId: idSchema.optional(),
  zoneId: idSchema.optional(),
  binId: idSchema.optional(),
  lot: text().max(40).optional(),
  serial: text().max(80).optional(),
  ownerId: idSchema.optional(),
  nonZero: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Only positions holding stock'),
  ...pageQuery,
});

export const ledgerEntryView = z.object({
  id: z.string(),
  siteId: z.string(),
  keyCode: z.string(),
  itemId: z.string(),
  warehouseId: z.string(),
  zoneId: z.string().nullable(),
  binId: z.string().nullable(),
  lot: z.string(),
  serial: z.string(),
  ownerId: z.string(),
  quantity: z.string(),
  value: z.string(),
  unitPrice: z.string(),
  postingDate: z.string(),
  originType: z.string(),
  originId: z.string().nullable(),
  transferGroup: z.string().nullable(),
  costCentre: z.string().nullable(),
  userId: z.string().nullable(),
  createdAt: z.string(),
  itemCode: z.string(),
  itemDescription: z.string(),
  unit: z.string().describe('Primary unit of the item (the quantity is in it)'),
  warehouseCode: z.string(),
  zoneCode: z.string().nullable(),
  binCode: z.string().nullable(),
  originNumber: z
    .string()
    .nullable()
    .describe(
      "Number of the causing document when it is a count list or an inventory (e.g. the list's 2026-0001); null otherwise",
    ),
  originInventoryId: z.string().nullable().describe('For a count list origin: the inventory the list belongs to'),
});

export const ledgerQuery = z.strictObject({
  siteId: idSchema.optional(),
  itemId: idSchema.optional(),
  warehouseId: idSchema.optional(),
  zoneId: idSchema.optional(),
  binId: idSchema.optional(),
  lot: text().max(40).optional(),
  keyCode: code20.optional(),
  originType: text().max(40).optional(),
  originId: text().max(80).optional(),
  transferGroup: idSchema.optional(),
  from: isoDate.optional().describe('Posting date from (inclusive)'),
  to: isoDate.optional().describe('Posting date to (inclusive)'),
  ids: text()
    .max(20_000)
    .regex(/^\d{1,18}(,\d{1,18})*$/, 'comma-separated entry ids')
    .optional()
    .transform((v) => (v === undefined ? undefined : [...new Set(v.split(','))]))
    .describe('Only these entries, comma-separated (e.g. the entryIds a posting returned)'),
  sort: z
    .enum(LEDGER_SORTS)
    .optional()
    .default('entry')
    .describe(
      'entry (default): entry id, the posting order; date: posting date; item: item code; place: warehouse, zone, bin codes; quantity; value. Ties by entry id',
    ),
  dir: z.enum(['asc', 'desc']).optional().default('asc').describe('Sort direction (default asc)'),
  ...pageQuery,
});

export const availabilityQuery = z.strictObject({
  itemId: idSchema,
  warehouseId: idSchema,
  ownerId: idSchema,
  zoneId: idSchema.optional(),
  binId: idSchema.optional(),
  lot: text().max(40).optional(),
  serial: text().max(80).optional(),
});
export const availabilityView = z.object({
  onHand: z.string(),
  reserved: z.string().describe('Open reservations over the scope'),
  available: z.string().describe('On hand − reserved'),
});

export const transactionKeyView = z.object({
  code: z.string(),
  description: z.string(),
  kind: keyKind,
  isMain: z.boolean().describe('Main or secondary key'),
});
export const codeParams = z.strictObject({ code: code20 });

export const periodView = z.object({
  id: z.string(),
  fiscalYear: z.number().int(),
  code: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
});

export const reservationStatus = z
  .enum(['open', 'fulfilled', 'cancelled', 'not_available'])
  .describe('not_available: on hand no longer covers it');
export const reservationView = z.object({
  id: z.string(),
  siteId: z.string(),
  itemId: z.string(),
  warehouseId: z.string(),
  zoneId: z.string().nullable(),
  binId: z.string().nullable(),
  lot: z.string(),
  serial: z.string(),
  ownerId: z.string(),
  quantity: z.string(),
  status: reservationStatus,
  reference: z.string(),
});

export const postingErrorView = z.object({
  id: z.string(),
  siteId: z.string(),
  posting: z.unknown().describe('The whole posting as it was sent (or corrected)'),
  reasonCode: z.string().describe('Why it could not be posted, e.g. ledger.stock_locked'),
  reasonMessage: z.string(),
  countListId: z.string().nullable().describe('The count list whose lock stopped it'),
  status: z.enum(['pending', 'posted', 'discarded']),
  attempts: z.number().int(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  userId: z.string().nullable(),
});

export const lotView = z.object({
  id: z.string(),
  itemId: z.string(),
  code: z.string(),
  expiryDate: z.string().nullable(),
  productionDate: z.string().nullable(),
  onHand: z.string().describe('Quantity on hand over all places'),
});
