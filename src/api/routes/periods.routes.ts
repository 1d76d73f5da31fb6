import { z } from 'zod';
import { closePeriod, createPeriod, listPeriods } from '../../services/ledger/periods.service.js';
import { actorOf } from '../auth.js';
import { code20, errorResponses, idParams, isoDate } from '../schemas/common.js';
import { periodView } from '../schemas/ledger.js';
import type { RouteModule } from '../types.js';

const periodsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/periods',
    {
      schema: {
        tags: ['stock'],
        summary: 'List accounting periods',
        querystring: z.strictObject({
          fiscalYear: z.coerce.number().int().min(1900).max(2999).optional(),
          status: z.enum(['open', 'closed']).optional(),
        }),
        response: { 200: z.object({ items: z.array(periodView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listPeriods(ctx, actorOf(request), request.query) }),
  );

  app.post(
    '/api/periods',
    {
      schema: {
        tags: ['stock'],
        summary: 'Create an accounting period (admin); periods may not overlap',
        body: z.strictObject({
          fiscalYear: z.number().int().min(1900).max(2999),
          code: code20,
          startDate: isoDate,
          endDate: isoDate,
        }),
        response: { 201: periodView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createPeriod(ctx, actorOf(request), request.body)),
  );

  app.post(
    '/api/periods/:id/close',
    {
      schema: {
        tags: ['stock'],
        summary:
          'Close a period (admin): needs an empty posting error file and earlier periods closed; freezes stock at the end date',
        params: idParams,
        response: { 200: periodView, ...errorResponses },
      },
    },
    async (request) => closePeriod(ctx, actorOf(request), request.params.id),
  );
};

export default periodsRoutes;
