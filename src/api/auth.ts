// Bearer-token authentication for every route except those marked `config: { public: true }`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.js';
import type { Actor, ServiceContext } from '../services/context.js';
import { authenticate } from '../services/user.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m?.[1];
}

export function registerAuth(app: FastifyInstance, ctx: ServiceContext): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    // Decide on the matched route pattern, not the raw URL: an encoded path (`/%61pi/…`) still matches an
    // /api route, and must not slip past the check.
    const route = request.routeOptions.url;
    if (request.routeOptions.config?.public || !route?.startsWith('/api/')) return;
    const token = bearerToken(request);
    if (!token) throw new DomainError('auth.token_missing', 'sign in first: send Authorization: Bearer <token>');
    request.actor = await authenticate(ctx, token);
  });
}

/** The signed-in user of a protected route. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('auth.token_missing', 'sign in first: send Authorization: Bearer <token>');
  return request.actor;
}
