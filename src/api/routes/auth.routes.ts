import { z } from 'zod';
import { login, logout, getUser } from '../../services/user.service.js';
import { actorOf, bearerToken } from '../auth.js';
import { errorBody, errorResponses, text } from '../schemas/common.js';
import type { RouteModule } from '../types.js';
import { userView } from './users.routes.js';

const authRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary:
          'Sign in; returns a bearer token for every other call. Failed attempts are counted per user name and per client address: after too many, sign-in answers 429 auth.too_many_attempts with Retry-After (seconds) until the lockout ends; each further lockout within a day is twice as long',
        security: [],
        body: z.strictObject({ username: text().min(1).max(64), password: z.string().min(1).max(1024) }),
        response: {
          200: z.object({
            token: z.string(),
            expiresAt: z.string().describe('Absolute end of the session; it also ends after a time without use'),
            user: userView,
          }),
          ...errorResponses,
          429: errorBody.describe('Too many failed sign-ins: params.retryAfterSeconds, also in the Retry-After header'),
        },
      },
    },
    async (request) => login(ctx, request.body.username, request.body.password, { address: request.ip }),
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End this session (sign out): the token is refused from now on',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const token = bearerToken(request);
      if (token) await logout(ctx, token, { address: request.ip });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: userView, ...errorResponses } },
    },
    async (request) => {
      const actor = actorOf(request);
      return getUser(ctx, actor, actor.userId);
    },
  );
};

export default authRoutes;
