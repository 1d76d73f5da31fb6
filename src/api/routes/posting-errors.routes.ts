// The posting error file: postings parked because stock was locked, and what can be done with them.
import { z } from 'zod';
import {
  correctPostingError,
  discardPostingError,
  getPostingError,
  listPostingErrors,
  reprocessPostingErrorsFor,
  retryPostingError,
} from '../../services/ledger/posting-errors.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams, idSchema, page, pageQuery, text, toPage } from '../schemas/common.js';
import { postingErrorView, storedPosting } from '../schemas/ledger.js';
import type { RouteModule } from '../types.js';

const postingErrorsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/posting-errors',
    {
      schema: {
        tags: ['stock'],
        summary: 'List the posting error file',
        querystring: z.strictObject({
          siteId: idSchema.optional(),
          status: z.enum(['pending', 'posted', 'discarded']).optional(),
          countListId: idSchema.optional(),
          ...pageQuery,
        }),
        response: { 200: page(postingErrorView), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return toPage(await listPostingErrors(ctx, actorOf(request), q), q.limit, q.offset);
    },
  );

  app.get(
    '/api/posting-errors/:id',
    {
      schema: {
        tags: ['stock'],
        summary: 'One parked posting',
        params: idParams,
        response: { 200: postingErrorView, ...errorResponses },
      },
    },
    async (request) => getPostingError(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/posting-errors/:id/retry',
    {
      schema: {
        tags: ['stock'],
        summary: 'Try to post a parked posting again; it stays pending with the new reason if it still cannot',
        params: idParams,
        response: { 200: postingErrorView, ...errorResponses },
      },
    },
    async (request) => retryPostingError(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/posting-errors/:id/correct',
    {
      schema: {
        tags: ['stock'],
        summary: 'Replace the parked posting by a corrected one and post it (stays pending while still locked)',
        params: idParams,
        body: z.strictObject({ posting: storedPosting }),
        response: { 200: postingErrorView, ...errorResponses },
      },
    },
    async (request) => correctPostingError(ctx, actorOf(request), request.params.id, request.body.posting),
  );

  app.post(
    '/api/posting-errors/:id/discard',
    {
      schema: {
        tags: ['stock'],
        summary: 'Discard a parked posting, with the reason',
        params: idParams,
        body: z.strictObject({ reason: text().min(1).max(200) }),
        response: { 200: postingErrorView, ...errorResponses },
      },
    },
    async (request) => discardPostingError(ctx, actorOf(request), request.params.id, request.body.reason),
  );

  app.post(
    '/api/posting-errors/reprocess',
    {
      schema: {
        tags: ['stock'],
        summary: 'Re-process pending postings whose locks are gone (manager)',
        body: z.strictObject({ countListId: idSchema.optional().describe('Only postings stopped by this count list') }),
        response: { 200: z.object({ posted: z.array(z.string()), pending: z.array(z.string()) }), ...errorResponses },
      },
    },
    async (request) => {
      return reprocessPostingErrorsFor(ctx, actorOf(request), request.body);
    },
  );
};

export default postingErrorsRoutes;
