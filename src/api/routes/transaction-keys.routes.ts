import { z } from 'zod';
import {
  createTransactionKey,
  deleteTransactionKey,
  getTransactionKey,
  listTransactionKeys,
  updateTransactionKey,
} from '../../services/ledger/keys.service.js';
import { actorOf } from '../auth.js';
import { code20, errorResponses, text } from '../schemas/common.js';
import { codeParams, keyKind, transactionKeyView } from '../schemas/ledger.js';
import type { RouteModule } from '../types.js';

const description = text().max(80);

const transactionKeysRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/transaction-keys',
    {
      schema: {
        tags: ['stock'],
        summary: 'List transaction keys',
        querystring: z.strictObject({ kind: keyKind.optional() }),
        response: { 200: z.object({ items: z.array(transactionKeyView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listTransactionKeys(ctx, actorOf(request), request.query) }),
  );

  app.get(
    '/api/transaction-keys/:code',
    {
      schema: {
        tags: ['stock'],
        summary: 'One transaction key',
        params: codeParams,
        response: { 200: transactionKeyView, ...errorResponses },
      },
    },
    async (request) => getTransactionKey(ctx, actorOf(request), request.params.code),
  );

  app.post(
    '/api/transaction-keys',
    {
      schema: {
        tags: ['stock'],
        summary: 'Create a transaction key (admin)',
        body: z.strictObject({
          code: code20,
          description: description.optional(),
          kind: keyKind,
          isMain: z.boolean().optional().describe('Main (default) or secondary key'),
        }),
        response: { 201: transactionKeyView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createTransactionKey(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/transaction-keys/:code',
    {
      schema: {
        tags: ['stock'],
        summary: 'Change a transaction key (admin); the kind only while the key is unused',
        params: codeParams,
        body: z.strictObject({
          description: description.optional(),
          kind: keyKind.optional(),
          isMain: z.boolean().optional(),
        }),
        response: { 200: transactionKeyView, ...errorResponses },
      },
    },
    async (request) => updateTransactionKey(ctx, actorOf(request), request.params.code, request.body),
  );

  app.delete(
    '/api/transaction-keys/:code',
    {
      schema: {
        tags: ['stock'],
        summary: 'Delete an unused transaction key (admin)',
        params: codeParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteTransactionKey(ctx, actorOf(request), request.params.code);
      return reply.status(204).send(null);
    },
  );
};

export default transactionKeysRoutes;
