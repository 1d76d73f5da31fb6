// The server under test: a fresh in-memory PGlite, the admin, the Fastify app serving the built web/dist on
// a free port of 127.0.0.1, and the background job runner (opening/closing lists).
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/api/app.js';
import { startBackground } from '../../src/services/background.js';
import { openRuntime } from '../../src/services/runtime.js';
import { createUser, ensureAdmin } from '../../src/services/user.service.js';
import { SYSTEM_ACTOR } from '../../src/services/context.js';

export const ADMIN_PASSWORD = 'e2e-admin-password';
export const COUNTER_PASSWORD = 'e2e-counter-password';

/** `empty: true` starts as a fresh install does: nothing but the admin (the set-up story creates the rest). */
export async function startServer(opts: { empty?: boolean } = {}) {
  const runtime = await openRuntime({ dataDir: 'memory://' });
  await ensureAdmin(runtime.ctx, ADMIN_PASSWORD);
  const anna = opts.empty
    ? null
    : await createUser(runtime.ctx, SYSTEM_ACTOR, {
        username: 'anna',
        password: COUNTER_PASSWORD,
        role: 'counter',
        displayName: 'Anna Rossi',
      });
  const app = await buildApp(runtime.ctx);
  const background = await startBackground(runtime.ctx, app.log);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url,
    runtime,
    app,
    annaId: anna?.id ?? '',
    async close() {
      await app.close();
      await background.stop();
      await runtime.close();
    },
  };
}
