// The one place where error kinds become HTTP statuses, and the one error body:
// { "error": { "code", "message", "field"? , "params"?, "requestId"? } }.
//
// [decision] A 500 is kept for real faults only: domain errors, schema failures, Fastify's own client errors
// (body parser, media type, size) and database errors that the client caused (db-error-map.ts) all become
// 4xx naming the field. A 500 answers `internal.error` with the request id, which is also in the log line
// and the x-request-id header, so a report of the fault finds its log.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type ErrorKind, isDomainError } from '../domain/errors.js';
import { fieldHolding, mapDbError } from './db-error-map.js';

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  throttled: 429,
  internal: 500,
};

export interface ErrorBody {
  error: { code: string; message: string; field?: string; params?: Record<string, unknown>; requestId?: string };
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

/**
 * The request field that named a record which is not there (or still in use): services say `user 12 not
 * found`, so the field is the path parameter (else query or body field) whose value the message quotes as a word.
 */
function recordField(request: FastifyRequest, message: string): string | undefined {
  const quotes = (v: string) => {
    for (let at = message.indexOf(v); v !== '' && at >= 0; at = message.indexOf(v, at + 1)) {
      const before = message[at - 1] ?? ' ';
      const after = message[at + v.length] ?? ' ';
      if (!/[\p{L}\p{N}_-]/u.test(before) && !/[\p{L}\p{N}_-]/u.test(after)) return true;
    }
    return false;
  };
  const quoted = fieldHolding(request, quotes);
  if (quoted) return quoted;
  // The message names the record by its code (`zone HB still has bins`): without a body, the one path
  // parameter is what named it.
  const params = Object.keys((request.params ?? {}) as object);
  return request.body == null && params.length === 1 ? params[0] : undefined;
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isDomainError(error)) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    // A missing record, or one still in use, is named by a request field: the message quotes its value.
    const field =
      error.field ??
      (error.code === 'not_found' || error.code === 'conflict.in_use'
        ? recordField(request, error.message)
        : undefined);
    if (field) body.error.field = field;
    if (error.params) body.error.params = error.params;
    // A throttled sign-in says when to try again, in the header clients and proxies already understand.
    if (error.kind === 'throttled' && typeof error.params?.retryAfterSeconds === 'number')
      reply.header('retry-after', String(error.params.retryAfterSeconds));
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
    const body: ErrorBody = {
      error: { code: isUnknown ? 'validation.unknown_field' : 'validation.failed', message, field },
    };
    if (!isUnknown && first) body.error.params = ruleParams(first, valueAt(requestPart(request, where), pathParts));
    return send(reply, 400, body);
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, cause: error.cause, requestId: request.id }, 'response did not match its schema');
    return internalError(reply, request);
  }
  const db = mapDbError(error, request);
  if (db) {
    const body: ErrorBody = { error: { code: db.code, message: db.message } };
    if (db.field) body.error.field = db.field;
    if (db.params) body.error.params = db.params;
    request.log.info({ err: error, requestId: request.id }, 'database refused the request');
    return send(reply, db.status, body);
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return send(reply, error.statusCode, fastifyClientError(error));
  }
  request.log.error({ err: error, requestId: request.id }, 'unhandled error');
  return internalError(reply, request);
}

/** No route for this method and path: the field is the path. */
export function noRouteHandler(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, {
    error: {
      code: 'not_found',
      message: `no route ${request.method} ${request.url.split('?')[0]!.slice(0, 200)}`,
      field: 'path',
    },
  });
}

/**
 * Errors the router meets before any route runs (Fastify's `frameworkErrors`): a path that is not valid
 * percent-encoded UTF-8, or a path parameter longer than the router takes. The field is the path.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  reply.header('x-request-id', request.id);
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const message = tooLong
    ? 'path: a path parameter is longer than any id or code'
    : 'path: not a valid URL (percent-encoding or UTF-8)';
  return send(reply, tooLong ? 414 : 400, {
    error: {
      code: 'validation.failed',
      message,
      field: 'path',
      params: { rule: tooLong ? 'too_big' : 'invalid_format' },
    },
  });
}

function internalError(reply: FastifyReply, request: FastifyRequest) {
  return send(reply, 500, {
    error: { code: 'internal.error', message: `internal error (request ${request.id})`, requestId: request.id },
  });
}

/** Fastify's own client errors (body parser, media type, size, headers): the field is the body or the header. */
function fastifyClientError(error: FastifyError): ErrorBody {
  const rules: Record<string, [field: string, rule: string]> = {
    FST_ERR_CTP_INVALID_MEDIA_TYPE: ['content-type', 'media_type'],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['content-length', 'invalid_value'],
    FST_ERR_CTP_BODY_TOO_LARGE: ['body', 'too_big'],
    FST_ERR_CTP_EMPTY_JSON_BODY: ['body', 'required'],
    FST_ERR_CTP_INVALID_JSON_BODY: ['body', 'json'],
  };
  const [field, rule] =
    rules[error.code] ??
    (error instanceof SyntaxError || /JSON/i.test(error.message) ? ['body', 'json'] : ['body', 'invalid']);
  return { error: { code: 'validation.failed', message: `${field}: ${error.message}`, field, params: { rule } } };
}
