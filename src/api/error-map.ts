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
    return send(reply, 400, {
      error: { code: isUnknown ? 'validation.unknown_field' : 'validation.failed', message, field },
    });
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
