// Builds the HTTP application: zod schemas at the edge, OpenAPI from those schemas, one error handler,
// bearer auth, the route modules, and the built web UI (when present) at `/`.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ServiceContext } from '../services/context.js';
import { registerAuth } from './auth.js';
import { registerIdempotency } from './idempotency.js';
import { errorHandler, frameworkErrorHandler, noRouteHandler } from './error-map.js';
import { routeModules } from './routes/index.js';
import { registerSecurity } from './security.js';
import type { App } from './types.js';

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** Directory of the built web UI; defaults to web/dist of this checkout. */
  webRoot?: string | undefined;
}

const DEFAULT_WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function buildApp(ctx: ServiceContext, options: AppOptions = {}): Promise<App> {
  // Request ids are made here, never taken from the client (a sent id could forge log lines); every answer
  // carries its id in x-request-id, and a 500 quotes it in the body (error-map.ts).
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 20 * 1024 * 1024,
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await registerSecurity(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Inventur API',
        version: '0.1.0',
        description:
          'Physical inventory and warehouse stock.\n\n' +
          'Retrying a write: send any POST, PUT, PATCH or DELETE with an `Idempotency-Key` header (1-200 visible ASCII characters, ' +
          'new per action, the same on every retry). The first request runs and its answer is stored for 24 hours; a retry or a copy ' +
          'sent at the same time gets that answer with `Idempotent-Replayed: true`. The same key with a different request is ' +
          '`idempotency.key_reused` (422); a copy that waited 30 s for the first is `idempotency.in_progress` (409). ' +
          'Handheld reports use their `clientReportId` instead.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  registerAuth(app, ctx);
  registerIdempotency(app, ctx);
  for (const mod of routeModules) await app.register(async (scoped) => mod(scoped as App, ctx));

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  if (existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
    // Client-side routes (/scan, /inventories/…) get the single-page app.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/docs')) {
        return reply.sendFile('index.html');
      }
      return noRouteHandler(request, reply);
    });
  } else {
    app.setNotFoundHandler(noRouteHandler);
  }
  return app;
}

/** The OpenAPI document as committed in openapi.json (stable key order, trailing newline). */
export async function openApiDocument(app: App): Promise<string> {
  await app.ready();
  return `${JSON.stringify(app.swagger(), null, 2)}\n`;
}
