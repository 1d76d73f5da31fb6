// Tolerances with recount and managers' approval, and the reason codes (docs/tolerances.md).
import { z } from 'zod';
import { decideApproval, listApprovals } from '../../services/inventory/approval.service.js';
import { createReasonCode, listReasonCodes, updateReasonCode } from '../../services/inventory/reason-code.service.js';
import { actorOf } from '../auth.js';
import {
  approvalBody,
  approvalsView,
  decisionResult,
  reasonCodeCreate,
  reasonCodeParams,
  reasonCodeQuery,
  reasonCodeUpdate,
  reasonCodeView,
} from '../schemas/approvals.js';
import { errorResponses, idParams } from '../schemas/common.js';
import type { RouteModule } from '../types.js';

const tags = ['approvals'];

const approvalsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/inventories/:id/approvals',
    {
      schema: {
        tags,
        summary:
          'Lines outside the tolerance: waiting for a decision, being recounted, and the decisions taken (manager)',
        params: idParams,
        response: { 200: approvalsView, ...errorResponses },
      },
    },
    async (request) => listApprovals(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/count-list-items/:id/approval',
    {
      schema: {
        tags,
        summary:
          'Approve (with a reason code) or reject (with a comment) a line whose recount is outside the tolerance (manager)',
        params: idParams,
        body: approvalBody,
        response: { 200: decisionResult, ...errorResponses },
      },
    },
    async (request) => decideApproval(ctx, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/reason-codes',
    {
      schema: {
        tags,
        summary: 'Reason codes for count differences (active ones unless asked)',
        querystring: reasonCodeQuery,
        response: { 200: z.object({ items: z.array(reasonCodeView) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await listReasonCodes(ctx, actorOf(request), { includeInactive: request.query.includeInactive }),
    }),
  );

  app.post(
    '/api/reason-codes',
    {
      schema: {
        tags,
        summary: 'Create a reason code (admin)',
        body: reasonCodeCreate,
        response: { 201: reasonCodeView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createReasonCode(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/reason-codes/:code',
    {
      schema: {
        tags,
        summary: 'Change the description of a reason code, or (de)activate it; codes are never deleted (admin)',
        params: reasonCodeParams,
        body: reasonCodeUpdate,
        response: { 200: reasonCodeView, ...errorResponses },
      },
    },
    async (request) => updateReasonCode(ctx, actorOf(request), request.params.code, request.body),
  );
};

export default approvalsRoutes;
