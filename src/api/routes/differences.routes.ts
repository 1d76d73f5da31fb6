// The valued differences report of an inventory (issue 11 item 5): JSON with paging and totals, and the
// same lines as CSV. Managers only (targets are shown, so counters of blind inventories get 403).
import { z } from 'zod';
import { differenceReport, differenceReportCsv } from '../../services/inventory/differences.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams } from '../schemas/common.js';
import { differencesCsvQuery, differencesQuery, differencesReport } from '../schemas/differences.js';
import type { RouteModule } from '../types.js';

const tags = ['inventories'];

const csvDocument = z.string().meta({ contentMediaType: 'text/csv' })
  .describe('Header row, then one row per line: comma separated, dot decimals, exact values; ledger entry ids separated by spaces');

const differencesRoutes: RouteModule = (app, ctx) => {
  app.get('/api/inventories/:id/differences', {
    schema: {
      tags, summary: 'Valued differences report of an inventory or one of its lists, before and after closing (managers)',
      params: idParams, querystring: differencesQuery, response: { 200: differencesReport, ...errorResponses },
    },
  }, async (request) => differenceReport(ctx, actorOf(request), request.params.id, request.query));

  app.get('/api/inventories/:id/differences.csv', {
    schema: {
      tags, summary: 'The differences report as CSV (same filters and sort, every line)', produces: ['text/csv'],
      params: idParams, querystring: differencesCsvQuery, response: { 200: csvDocument, ...errorResponses },
    },
  }, async (request, reply) => {
    const r = await differenceReportCsv(ctx, actorOf(request), request.params.id, request.query);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${r.filename}"`).send(r.csv);
  });
};

export default differencesRoutes;
