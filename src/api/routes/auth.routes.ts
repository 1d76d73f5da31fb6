import { z } from 'zod';
import { login, logout, getUser } from '../../services/user.service.js';
import { actorOf, bearerToken } from '../auth.js';
import { errorResponses, text } from '../schemas/common.js';
import { userView } from './users.routes.js';
import type { RouteModule } from '../types.js';

const authRoutes: RouteModule = (app, ctx) => {
  app.post('/api/auth/login', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      summary: 'Sign in; returns a bearer token for every other call',
      security: [],
      body: z.strictObject({ username: text().min(1).max(64), password: z.string().min(1).max(200) }),
      response: { 200: z.object({ token: z.string(), expiresAt: z.string(), user: userView }), ...errorResponses },
    },
  }, async (request) => login(ctx, request.body.username, request.body.password));

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'End this session', response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    const token = bearerToken(request);
    if (token) await logout(ctx, token);
    return reply.status(204).send(null);
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: userView, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    return getUser(ctx, actor, actor.userId);
  });
};

export default authRoutes;
