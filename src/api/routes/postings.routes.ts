// Manual stock postings. 201 when posted; 202 when the stock was locked by an open count list and the
// posting waits in the posting error file (nothing applied, nothing lost).
import {
  checkIssue,
  checkTransfer,
  postAdjustment,
  postIssue,
  postReceipt,
  postTransfer,
} from '../../services/ledger/postings.service.js';
import type { PostResult } from '../../services/ledger/post-movements.js';
import { actorOf } from '../auth.js';
import { errorResponses } from '../schemas/common.js';
import { postingCheckResult, postResult, postingBody, transferBody } from '../schemas/ledger.js';
import type { RouteModule } from '../types.js';

const responses = {
  201: postResult.describe('Posted'),
  202: postResult.describe('Parked in the posting error file'),
  ...errorResponses,
};
const status = (r: PostResult) => (r.status === 'posted' ? 201 : 202);

const postingsRoutes: RouteModule = (app, ctx) => {
  const simple = [
    [
      'receipt',
      'Post a receipt (key of kind receipt; positive quantities; price defaults to the moving average)',
      postReceipt,
    ],
    ['issue', 'Post an issue (key of kind issue; negative quantities valued at the moving average)', postIssue],
    [
      'adjustment',
      'Post an adjustment (key of kind adjustment or revaluation; quantity corrections or value adjustments)',
      postAdjustment,
    ],
  ] as const;
  for (const [path, summary, fn] of simple) {
    app.post(
      `/api/postings/${path}`,
      {
        schema: { tags: ['stock'], summary, body: postingBody, response: responses },
      },
      async (request, reply) => {
        const res = await fn(ctx, actorOf(request), request.body);
        return reply.status(status(res)).send(res);
      },
    );
  }
  app.post(
    '/api/postings/transfer',
    {
      schema: {
        tags: ['stock'],
        summary:
          'Post a transfer: each line issues at its source and receives at its target, value-neutral at the moving average',
        body: transferBody,
        response: responses,
      },
    },
    async (request, reply) => {
      const res = await postTransfer(ctx, actorOf(request), request.body);
      return reply.status(status(res)).send(res);
    },
  );

  // Read-only pre-checks, so a screen can have availability warnings confirmed before it posts.
  const checkSummary =
    'without posting: the availability warnings the posting would return; bad input and blocking shortages are refused as the posting would refuse them';
  app.post(
    '/api/postings/issue/check',
    {
      schema: {
        tags: ['stock'],
        summary: `Check an issue ${checkSummary}`,
        body: postingBody,
        response: { 200: postingCheckResult, ...errorResponses },
      },
    },
    async (request) => checkIssue(ctx, actorOf(request), request.body),
  );
  app.post(
    '/api/postings/transfer/check',
    {
      schema: {
        tags: ['stock'],
        summary: `Check a transfer ${checkSummary}`,
        body: transferBody,
        response: { 200: postingCheckResult, ...errorResponses },
      },
    },
    async (request) => checkTransfer(ctx, actorOf(request), request.body),
  );
};

export default postingsRoutes;
