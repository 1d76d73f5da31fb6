// The one place where error kinds become HTTP statuses, and the one error body:
// { "error": { "code", "message", "field"? , "params"? } }.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type ErrorKind, isDomainError } from '../domain/errors.js';

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  internal: 500,
};

export interface ErrorBody {
  error: { code: string; message: string; field?: string; params?: Record<string, unknown> };
}

function send(reply: FastifyReply, status: number, body: ErrorBody) {
  return reply.status(status).send(body);
}

/** A JSON-safe limit: bigints become numbers when exact, else text; dates become ISO text. */
function limit(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return v.toISOString();
  return v;
}

/** The part of the request a schema validated (`body`, `querystring`, `params`, `headers`). */
function requestPart(request: FastifyRequest, where: string): unknown {
  if (where === 'querystring') return request.query;
  if (where === 'params') return request.params;
  if (where === 'headers') return request.headers;
  return request.body;
}

function valueAt(root: unknown, path: string[]): unknown {
  let v = root;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

/**
 * The failing rule of a schema validation error and its limits, so a client can say it in its own words:
 * `required`, `invalid_type` (expected), `too_small` (minimum, origin, inclusive), `too_big` (maximum, …),
 * `invalid_format` (format, pattern), `invalid_value` (values), `not_multiple_of` (divisor), … (the zod
 * issue code). The input itself is never echoed.
 */
export function ruleParams(issue: { keyword: string; params?: unknown }, value: unknown): Record<string, unknown> {
  const p = (issue.params ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { rule: issue.keyword };
  const copy = (...keys: string[]) => {
    for (const k of keys) if (p[k] !== undefined) out[k] = limit(p[k]);
  };
  switch (issue.keyword) {
    case 'invalid_type':
      if (value === undefined) out.rule = 'required';
      copy('expected');
      break;
    case 'too_small':
      copy('minimum', 'origin', 'inclusive', 'exact');
      break;
    case 'too_big':
      copy('maximum', 'origin', 'inclusive', 'exact');
      break;
    case 'invalid_format':
      copy('format', 'pattern', 'prefix', 'suffix', 'includes');
      break;
    case 'invalid_value':
      if (Array.isArray(p.values)) out.values = p.values.map(limit);
      break;
    case 'not_multiple_of':
      copy('divisor');
      break;
  }
  return out;
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isDomainError(error)) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.field) body.error.field = error.field;
    if (error.params) body.error.params = error.params;
    return send(reply, STATUS_BY_KIND[error.kind], body);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const where = error.validationContext ?? 'body';
    const pathParts = (first?.instancePath ?? '').split('/').filter(Boolean);
    const unknownKeys = (first?.params as { keys?: string[] } | undefined)?.keys;
    const isUnknown = first?.keyword === 'unrecognized_keys';
    const field = [...pathParts, ...(isUnknown && unknownKeys?.[0] ? [unknownKeys[0]] : [])].join('.') || where;
    const message = isUnknown
      ? `${where}: unknown field ${field} (only documented fields are accepted)`
      : `${where}.${field}: ${first?.message ?? 'invalid'}`;
    const body: ErrorBody = { error: { code: isUnknown ? 'validation.unknown_field' : 'validation.failed', message, field } };
    if (!isUnknown && first) body.error.params = ruleParams(first, valueAt(requestPart(request, where), pathParts));
    return send(reply, 400, body);
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, cause: error.cause }, 'response did not match its schema');
    return send(reply, 500, { error: { code: 'internal.error', message: 'internal error' } });
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    // Fastify's own client errors (malformed JSON, body too large, wrong content type).
    return send(reply, error.statusCode, { error: { code: 'validation.failed', message: error.message } });
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(reply, 500, { error: { code: 'internal.error', message: 'internal error' } });
}
