// The Idempotency-Key header on writes (POST, PUT, PATCH, DELETE by a signed-in user): the first request with
// a key runs and its answer is stored; a retry, or a copy sent at the same time, gets that answer with
// `Idempotent-Replayed: true` and runs nothing. The rules live in src/services/idempotency.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../services/context.js';
import { KEY_HEADER, claimKey, claimScope, finishKey, parseKey } from '../services/idempotency/idempotency.service.js';
import { transactionScope } from '../services/tx-scope.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim: string | undefined;
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The request a key stands for: the same key with another route, parameter or body is a different request. */
function requestHash(request: FastifyRequest): string {
  const what = [request.method, request.routeOptions.url ?? request.url, request.params ?? null, request.query ?? null];
  const hash = createHash('sha256').update(JSON.stringify(what)).update('\n');
  // An uploaded file (CSV text, XLSX bytes) is hashed as it came, not as JSON of its bytes.
  const body = request.body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) hash.update(body);
  else hash.update(JSON.stringify(body ?? null));
  return hash.digest('hex');
}

function storableBody(payload: unknown, contentType: string): string | undefined {
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload) && /json|text/.test(contentType)) return payload.toString('utf8');
  return undefined; // a stream or binary file: not kept
}

export function registerIdempotency(app: FastifyInstance, ctx: ServiceContext): void {
  app.decorateRequest('idempotencyClaim', undefined);
  app.addHook('preHandler', (request, reply, done) => {
    const actor = request.actor;
    if (!WRITES.has(request.method) || actor === null) return done();
    let key: string | undefined;
    try {
      key = parseKey(request.headers[KEY_HEADER]);
    } catch (e) {
      return done(e as Error);
    }
    if (key === undefined) return done();
    claimKey(ctx, actor, key, requestHash(request)).then(
      (claim) => {
        if (claim.kind === 'replay') {
          void reply
            .code(claim.answer.statusCode)
            .header('content-type', claim.answer.contentType)
            .header('idempotent-replayed', 'true')
            .send(claim.answer.body);
          return;
        }
        request.idempotencyClaim = claim.id;
        // The handler runs inside the claim's scope: each transaction its use case commits is counted on the claim.
        transactionScope.run(claimScope(claim.id), () => done());
      },
      (e: Error) => done(e),
    );
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const claimId = request.idempotencyClaim;
    if (claimId === undefined) return payload;
    request.idempotencyClaim = undefined;
    const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
    const body = storableBody(payload, contentType);
    await finishKey(ctx, claimId, body === undefined ? undefined : { statusCode: reply.statusCode, contentType, body });
    return payload;
  });
}
