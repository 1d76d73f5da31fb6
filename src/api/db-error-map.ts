// Database errors that are the client's fault, as the one error body. The request schemas and the services
// catch the usual cases first with better words; this is the net for what only the database sees (a row
// deleted by another request between the check and the insert, a value the schema let through that a
// column refuses). Anything not listed here is a real fault and stays a 500.
import type { FastifyRequest } from 'fastify';
import type { ErrorCode } from '../domain/errors.js';
import { sqlState } from '../services/db-errors.js';

export interface MappedDbError {
  status: number;
  code: ErrorCode;
  message: string;
  field?: string;
  params?: Record<string, unknown>;
}

interface PgLikeError {
  code?: unknown;
  constraint?: unknown;
  column?: unknown;
  table?: unknown;
  detail?: unknown;
  message?: unknown;
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The columns of `Key (a, b)=(…)` in a constraint error's detail, camelCased; the values are not kept. */
function keyColumns(detail: string): string[] {
  const m = /^Key \(([^)]*)\)=/.exec(detail);
  return m?.[1] ? m[1].split(',').map((c) => camel(c.trim().replace(/^"|"$/g, ''))) : [];
}

/** The dotted path of the first request value (params, querystring, body) that `match` accepts. */
export function fieldHolding(request: FastifyRequest, match: (v: string) => boolean): string | undefined {
  const walk = (v: unknown, path: string[], depth: number): string | undefined => {
    if (typeof v === 'string') return match(v) ? path.join('.') : undefined;
    if (v === null || typeof v !== 'object' || depth > 8) return undefined;
    for (const [k, x] of Object.entries(v)) {
      const hit = walk(x, [...path, k], depth + 1);
      if (hit) return hit;
    }
    return undefined;
  };
  for (const part of [request.params, request.query, request.body]) {
    const hit = walk(part, [], 0);
    if (hit) return hit;
  }
  return undefined;
}

/** The value a data-exception message quotes (`… for type bigint: "abc"`, `value "99…" is out of range`). */
function quotedValue(message: string): string | undefined {
  return /"([^"]*)"\s*(?:is out of range|$)/.exec(message)?.[1];
}

const withField = (m: MappedDbError, field: string | undefined): MappedDbError => (field ? { ...m, field } : m);

/** Maps a database error to a client error, or returns undefined when it is a real fault. */
export function mapDbError(e: unknown, request: FastifyRequest): MappedDbError | undefined {
  const state = sqlState(e);
  if (!state) return undefined;
  const err = e as PgLikeError;
  const message = String(err.message ?? '');
  const detail = String(err.detail ?? '');
  const constraint = typeof err.constraint === 'string' ? err.constraint : /constraint "([^"]+)"/.exec(message)?.[1];
  const params = constraint ? { constraint } : undefined;
  switch (state) {
    case '23503': {
      const cols = keyColumns(detail);
      const referencedBy = /still referenced from table "([^"]+)"/.exec(detail)?.[1];
      if (referencedBy) {
        return {
          status: 409,
          code: 'conflict.in_use',
          message: `the record is still used by ${referencedBy.replace(/_/g, ' ')}`,
          params: { ...params, referencedBy },
        };
      }
      const table = /is not present in table "([^"]+)"/.exec(detail)?.[1];
      const field = cols.at(-1);
      return withField(
        {
          status: 422,
          code: 'reference.unknown',
          message: `${field ?? 'a reference'} names a record that does not exist (any more)`,
          params: { ...params, ...(table ? { table } : {}) },
        },
        field,
      );
    }
    case '23505': {
      const cols = keyColumns(detail).filter((c) => c !== 'siteId');
      return withField(
        {
          status: 409,
          code: 'conflict.duplicate',
          message: 'a record with the same key already exists',
          params: { ...params, ...(cols.length ? { fields: cols } : {}) },
        },
        cols.at(-1),
      );
    }
    case '23502': {
      const field = typeof err.column === 'string' ? camel(err.column) : undefined;
      return withField(
        {
          status: 400,
          code: 'validation.failed',
          message: `${field ?? 'a field'} is required`,
          params: { rule: 'required' },
        },
        field,
      );
    }
    case '23514': {
      // Constraint names follow <table>_<column>_check where a check is about one column.
      const table = typeof err.table === 'string' ? err.table : '';
      const col =
        constraint && table && constraint.startsWith(`${table}_`)
          ? /^(.+)_check$/.exec(constraint.slice(table.length + 1))?.[1]
          : undefined;
      return withField(
        {
          status: 400,
          code: 'validation.failed',
          message: 'a value breaks a rule of the record',
          params: { rule: 'check', ...params },
        },
        col ? camel(col) : undefined,
      );
    }
    case '22021':
    case '22P05':
      return withField(
        {
          status: 400,
          code: 'validation.failed',
          message: 'text contains a character that cannot be stored (NUL)',
          params: { rule: 'invalid_characters' },
        },
        fieldHolding(request, (v) => v.includes('\u0000')),
      );
    case '22P02':
    case '22003':
    case '22008':
    case '22007':
    case '22001':
    case '22023':
    case '22025':
    case '2201B': {
      const quoted = quotedValue(message);
      const field = quoted !== undefined && quoted !== '' ? fieldHolding(request, (v) => v === quoted) : undefined;
      const rule = state === '22003' || state === '22001' ? 'too_big' : 'invalid_format';
      return withField(
        {
          status: 400,
          code: 'validation.failed',
          message: `a value is out of range or malformed: ${message.replace(/"[^"]*"/g, '…')}`,
          params: { rule },
        },
        field,
      );
    }
    case '54000':
      if (!/index row/.test(message)) return undefined;
      return {
        status: 400,
        code: 'validation.failed',
        message: 'a value is too long to be indexed',
        params: { rule: 'too_big' },
      };
    case '40001':
    case '40P01':
    case '55P03':
      return { status: 409, code: 'conflict.retry', message: 'the request met a concurrent change; send it again' };
    default:
      return undefined;
  }
}
