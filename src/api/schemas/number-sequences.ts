// Request and response schemas of numbering schemes (number_sequences).
import { z } from 'zod';
import { NUMBER_MAX, PREFIX_MAX, WIDTH_MAX } from '../../domain/numbering.js';
import { pageQuery, text } from './common.js';

export const sequenceCode = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,60}$/, 'must be 1–60 letters, digits, _ . : -')
  .describe('Numbering scheme code, e.g. inventory:STD or count_list.DEFAULT');
const prefix = text()
  .max(PREFIX_MAX)
  .regex(/^\S*$/, 'must not contain spaces')
  .describe(`Text before the number (at most ${PREFIX_MAX} characters, no spaces)`);
const width = z
  .number()
  .int()
  .min(1)
  .max(WIDTH_MAX)
  .describe(
    `Digits of the number, zero-padded (1–${WIDTH_MAX}); longer numbers are never cut. Prefix and padded number fit ${NUMBER_MAX} characters (item codes 50)`,
  );
const nextValue = z
  .string()
  .regex(/^[1-9]\d{0,17}$/, 'must be a whole number of at least 1')
  .describe(
    'The next number to hand out, as a decimal string (at least 1); it can never go back below its current value',
  );
const maxItemsPerList = z
  .number()
  .int()
  .min(1)
  .max(1_000_000)
  .nullable()
  .describe('Count-list schemes: default maximum items per generated list (null: no default)');

export const sequenceParams = z.strictObject({ code: sequenceCode });
export const sequenceQuery = z.strictObject({
  ...pageQuery,
  q: text().min(1).max(60).optional().describe('Text inside the code, or the start of the prefix (case-insensitive)'),
});
export const sequenceCreate = z.strictObject({
  code: sequenceCode.describe(
    'Numbering scheme code; item-code.* and item-barcode.* are made by item classes and the GS1 screen',
  ),
  prefix: prefix.optional().describe('Text before the number (default empty)'),
  width: width.optional().describe('Digits, zero-padded (default 6)'),
  nextValue: nextValue.optional().describe('First number to hand out (default 1)'),
  maxItemsPerList: maxItemsPerList.optional(),
});
export const sequencePatch = z.strictObject({
  prefix: prefix.optional().describe('New prefix; for EAN counters (item-barcode.*) set on the GS1 screen'),
  width: width.optional(),
  nextValue: nextValue.optional(),
  maxItemsPerList: maxItemsPerList.optional(),
});
export const sequenceView = z.object({
  code: z.string(),
  prefix: z.string(),
  width: z.number().int(),
  nextValue: z.string().describe('The next number to hand out'),
  maxItemsPerList: z.number().int().nullable(),
  nextNumber: z.string().describe('The next number formatted: prefix + zero-padded number, e.g. INV-000007'),
  purpose: z
    .enum(['general', 'item_class', 'barcode'])
    .describe(
      'general: inventories and count lists; item_class: automatic item codes (item-code.*); barcode: generated EANs (item-barcode.*)',
    ),
  usedBy: z
    .array(
      z.object({
        kind: z
          .enum(['inventory_type', 'count_list_type', 'item_class'])
          .describe(
            'inventory_type: numbers the inventories of the type; count_list_type: the default count-list scheme of the type; item_class: makes item codes',
          ),
        code: z.string().describe('Code of the inventory type or item class'),
      }),
    )
    .describe('What refers to the scheme'),
});
