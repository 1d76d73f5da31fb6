// Schemas shared by every route: ids, decimals, pagination, the error body.
import { z } from 'zod';

/** The largest id a `bigint generated always as identity` column holds (2^63 − 1). */
export const ID_MAX = 9223372036854775807n;

/**
 * A record id: decimal digits, 1 .. 2^63 − 1 (every id column is bigint). A 19-digit value above the
 * maximum is refused here as too_big, naming the field, instead of overflowing in SQL.
 */
export const idSchema = z
  .string()
  .regex(/^[1-9]\d{0,18}$/, 'must be a positive integer id')
  .superRefine((v, ctx) => {
    if (v.length === 19 && /^\d+$/.test(v) && BigInt(v) > ID_MAX) {
      ctx.addIssue({
        code: 'too_big',
        origin: 'bigint',
        maximum: ID_MAX,
        inclusive: true,
        input: v,
        message: `must be at most ${ID_MAX} (the largest id)`,
      });
    }
  })
  .describe('Record id (decimal digits, 1 – 9223372036854775807)');
export const idParams = z.strictObject({ id: idSchema });

// [decision] Text that names or describes something (names, descriptions, codes, prefixes, search text)
// never holds control characters: C0 (NUL included — PostgreSQL cannot store it), DEL and C1. They are
// invisible in lists and sheets, break CSV/PDF exports and terminal output, and NUL would otherwise reach
// the database as a 500. Multi-line text (notes) allows tab, line feed and carriage return; scanned text
// allows the GS1 separators a scanner sends. Every request string goes through one of these.
const SINGLE_LINE = /^[^\u0000-\u001f\u007f-\u009f]*$/;
const MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;
const SCANNED = /^[^\u0000-\u0003\u0005-\u001c\u001f\u007f-\u009f]*$/;

/** A single-line request string: no control characters (C0 incl. NUL, DEL, C1). Chain .min/.max. */
export function text() {
  return z.string().regex(SINGLE_LINE, 'must not contain control characters');
}
/** Multi-line request text (notes): tab, line feed and carriage return allowed, other controls not. */
export function multilineText() {
  return z.string().regex(MULTI_LINE, 'must not contain control characters other than tab and line breaks');
}
/** A scan as the scanner sent it: GS1 separators (GS, RS, EOT) allowed, other controls not. */
export function scannedText() {
  return z.string().regex(SCANNED, 'must not contain control characters other than the GS1 separators GS, RS and EOT');
}

/** A decimal quantity or amount as a string: exact, never a binary float. */
export const decimalString = z
  .string()
  .regex(/^-?\d{1,20}(\.\d{1,12})?$/, 'must be a decimal string such as "12.5"')
  .describe('Exact decimal as a string, e.g. "12.5"');
export const nonNegativeDecimal = z
  .string()
  .regex(/^\d{1,20}(\.\d{1,12})?$/, 'must be a non-negative decimal string such as "12.5"')
  .describe('Exact non-negative decimal as a string');
/** A calendar date yyyy-mm-dd that exists (2026-02-30 and year 0000 are refused here, not by SQL). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-mm-dd')
  .refine((v) => {
    const [y, m, d] = v.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, 'must be a date that exists')
  .describe('Date yyyy-mm-dd');
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
      requestId: z
        .string()
        .optional()
        .describe('500 only: the request id in the server log (also the x-request-id header)'),
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
  500: errorBody,
} as const;

/** Builds a page result from `limit + 1` fetched rows. */
export function toPage<T>(rows: T[], limit: number, offset: number): { items: T[]; nextOffset: number | null } {
  const more = rows.length > limit;
  return { items: more ? rows.slice(0, limit) : rows, nextOffset: more ? offset + limit : null };
}
