// An API under test: a fresh database, the Fastify app (driven with inject, no sockets), and a signed-in
// admin. `as(role)` makes further users and returns their tokens.
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import type { App } from '../../src/api/types.js';
import { SYSTEM_ACTOR, type Role } from '../../src/services/context.js';
import { createUser, ensureAdmin, login } from '../../src/services/user.service.js';
import { freshDb, type TestDb } from './db.js';

export interface TestApi {
  db: TestDb;
  app: App;
  token: string;
  call(method: string, url: string, body?: unknown, token?: string): Promise<LightMyRequestResponse>;
  userToken(username: string, role: Role): Promise<{ token: string; userId: string }>;
  close(): Promise<void>;
}

export const ADMIN_PASSWORD = 'admin-password-1';

export async function testApi(): Promise<TestApi> {
  const db = await freshDb();
  await ensureAdmin(db.ctx, ADMIN_PASSWORD);
  const app = await buildApp(db.ctx, { webRoot: '/nonexistent' });
  const { token } = await login(db.ctx, 'admin', ADMIN_PASSWORD);
  const call = (method: string, url: string, body?: unknown, tok: string = token) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${tok}` },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  return {
    db,
    app,
    token,
    call,
    userToken: async (username, role) => {
      const user = await createUser(db.ctx, SYSTEM_ACTOR, { username, password: 'password-123', role });
      const session = await login(db.ctx, username, 'password-123');
      return { token: session.token, userId: user.id };
    },
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
