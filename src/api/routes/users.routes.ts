import { z } from 'zod';
import { createUser, listUsers, updateUser } from '../../services/user.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams, idSchema } from '../schemas/common.js';
import type { RouteModule } from '../types.js';

const role = z.enum(['admin', 'manager', 'counter']).describe('admin ⊃ manager ⊃ counter');
export const userView = z.object({
  id: z.string(), username: z.string(), displayName: z.string(), role, siteId: z.string().nullable(), active: z.boolean(),
});

const usersRoutes: RouteModule = (app, ctx) => {
  app.get('/api/users', {
    schema: { tags: ['users'], summary: 'List users (employees)', response: { 200: z.object({ items: z.array(userView) }), ...errorResponses } },
  }, async (request) => ({ items: await listUsers(ctx, actorOf(request)) }));

  app.post('/api/users', {
    schema: {
      tags: ['users'],
      summary: 'Create a user (admin)',
      body: z.strictObject({
        username: z.string().regex(/^[a-z0-9_.@-]{1,64}$/, 'lowercase letters, digits, _ . @ -; at most 64'),
        password: z.string().min(8).max(200),
        role,
        displayName: z.string().max(80).optional(),
        siteId: idSchema.nullable().optional(),
      }),
      response: { 201: userView, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await createUser(ctx, actorOf(request), request.body)));

  app.patch('/api/users/:id', {
    schema: {
      tags: ['users'],
      summary: 'Change a user (admin; anyone may change their own display name and password)',
      params: idParams,
      body: z.strictObject({
        displayName: z.string().max(80).optional(),
        role: role.optional(),
        siteId: idSchema.nullable().optional(),
        active: z.boolean().optional(),
        password: z.string().min(8).max(200).optional(),
      }),
      response: { 200: userView, ...errorResponses },
    },
  }, async (request) => updateUser(ctx, actorOf(request), request.params.id, request.body));
};

export default usersRoutes;
