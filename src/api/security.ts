// Security headers on every answer (pages, static files, the API docs and the API itself), set by
// @fastify/helmet, and `Cache-Control: no-store` on API answers so that stock figures, user lists and
// tokens are not kept by a browser or proxy cache on a shared handheld.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * One policy for the back office, the handheld page and swagger-ui: all three load only their own scripts
 * from this server. Styles allow inline: Mantine and swagger-ui write style attributes and <style> tags,
 * and inline style cannot run code. `data:`/`blob:` images are swagger-ui's icons and the count-list
 * previews. No `upgrade-insecure-requests`: the server is often reached over plain HTTP inside a warehouse
 * network, where upgrading would break every script load.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  // blob: the page reads back files it made itself (a printed count sheet or an export held as a blob URL).
  connectSrc: ["'self'", 'blob:'],
  workerSrc: ["'self'", 'blob:'],
  mediaSrc: ["'self'", 'blob:'],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export async function registerSecurity(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // The handheld page may be opened from other tabs (a scan link); it needs no cross-origin isolation.
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/') || request.routeOptions.url?.startsWith('/api/'))
      reply.header('cache-control', 'no-store');
  });
}
