import { z } from 'zod';
import { listLots } from '../../services/ledger/stock.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idSchema, isoDate, page, pageQuery, toPage } from '../schemas/common.js';
import { lotView } from '../schemas/ledger.js';
import type { RouteModule } from '../types.js';

const lotsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/lots',
    {
      schema: {
        tags: ['stock'],
        summary: 'Lots known to the ledger, with expiry and quantity on hand (manager: on hand is a system quantity)',
        querystring: z.strictObject({
          itemId: idSchema.optional(),
          expiringBy: isoDate.optional().describe('Only lots expiring on or before this date'),
          ...pageQuery,
        }),
        response: { 200: page(lotView), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return toPage(await listLots(ctx, actorOf(request), q), q.limit, q.offset);
    },
  );
};

export default lotsRoutes;
