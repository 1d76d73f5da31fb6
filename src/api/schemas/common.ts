// Schemas shared by every route: ids, decimals, pagination, the error body.
import { z } from 'zod';

export const idSchema = z.string().regex(/^[1-9]\d{0,18}$/, 'must be a positive integer id').describe('Record id (decimal digits)');
export const idParams = z.strictObject({ id: idSchema });

/** A decimal quantity or amount as a string: exact, never a binary float. */
export const decimalString = z
  .string()
  .regex(/^-?\d{1,20}(\.\d{1,12})?$/, 'must be a decimal string such as "12.5"')
  .describe('Exact decimal as a string, e.g. "12.5"');
export const nonNegativeDecimal = z
  .string()
  .regex(/^\d{1,20}(\.\d{1,12})?$/, 'must be a non-negative decimal string such as "12.5"')
  .describe('Exact non-negative decimal as a string');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-mm-dd').describe('Date yyyy-mm-dd');
export const code20 = z.string().regex(/^[A-Za-z0-9_.-]{1,20}$/, 'must be 1–20 letters, digits, _ . -');

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('Page size (1–1000)'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
};

export function page<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    nextOffset: z.number().int().nullable().describe('Offset of the next page, null on the last page'),
  });
}

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. inventory.not_open'),
      message: z.string().describe('What went wrong, for people'),
      field: z.string().optional().describe('The request field the error is about'),
      params: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .describe('Every error has this shape');

/** Standard error responses to list on a route, so they appear in OpenAPI. */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
} as const;

/** Builds a page result from `limit + 1` fetched rows. */
export function toPage<T>(rows: T[], limit: number, offset: number): { items: T[]; nextOffset: number | null } {
  const more = rows.length > limit;
  return { items: more ? rows.slice(0, limit) : rows, nextOffset: more ? offset + limit : null };
}
