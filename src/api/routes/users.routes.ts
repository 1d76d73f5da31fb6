import { z } from 'zod';
import { createUser, getUser, listUsers, updateUser } from '../../services/user.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams, idSchema, page, pageQuery, text, toPage } from '../schemas/common.js';
import type { RouteModule } from '../types.js';

const role = z.enum(['admin', 'manager', 'counter']).describe('admin ⊃ manager ⊃ counter');
const newPassword = z
  .string()
  .min(12)
  .max(256)
  .describe(
    'At least 12 and at most 256 characters, any letters, digits, spaces or symbols; not one of the common or breached passwords (refused with params.rule common_password)',
  );

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role,
  siteId: z.string().nullable(),
  active: z.boolean(),
});

const usersRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'List users (employees), by user name (manager)',
        querystring: z.strictObject({
          q: text().max(80).optional().describe('Start of the user name or display name (case-insensitive)'),
          role: role.optional(),
          active: z.enum(['true', 'false']).optional().describe('Only active (true) or deactivated (false) users'),
          ...pageQuery,
        }),
        response: { 200: page(userView), ...errorResponses },
      },
    },
    async (request) => {
      const { q, role: r, active, limit, offset } = request.query;
      const rows = await listUsers(ctx, actorOf(request), {
        q,
        role: r,
        active: active === undefined ? undefined : active === 'true',
        limit,
        offset,
      });
      return toPage(rows, limit, offset);
    },
  );

  app.get(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'One user (manager; anyone may read themselves)',
        params: idParams,
        response: { 200: userView, ...errorResponses },
      },
    },
    async (request) => getUser(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (admin)',
        body: z.strictObject({
          username: z.string().regex(/^[a-z0-9_.@-]{1,64}$/, 'lowercase letters, digits, _ . @ -; at most 64'),
          password: newPassword,
          role,
          displayName: text().max(80).optional(),
          siteId: idSchema.nullable().optional(),
        }),
        response: { 201: userView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary:
          'Change a user (admin; anyone may change their own display name and password). Users are never deleted — they sign ledger entries and reports — deactivate them with active: false',
        params: idParams,
        body: z.strictObject({
          displayName: text().max(80).optional(),
          role: role.optional(),
          siteId: idSchema.nullable().optional(),
          active: z.boolean().optional(),
          password: newPassword.optional(),
          currentPassword: z
            .string()
            .min(1)
            .max(1024)
            .optional()
            .describe('Your current password: required when you change your own password'),
        }),
        response: { 200: userView, ...errorResponses },
      },
    },
    async (request) => updateUser(ctx, actorOf(request), request.params.id, request.body),
  );
};

export default usersRoutes;
