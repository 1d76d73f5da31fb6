// The valued differences report, per inventory and per count list: JSON with paging and
// totals, and the same lines as CSV, XLSX and PDF. Managers only (targets are shown, so counters — of blind
// inventories above all — get 403 from every one of them).
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  type DifferenceFile,
  type DifferenceFileFormat,
  differenceReport,
  differenceReportFile,
  inventoryOfList,
} from '../../services/inventory/differences.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams } from '../schemas/common.js';
import {
  differencesCsvQuery,
  differencesQuery,
  differencesReport,
  listDifferencesFileQuery,
  listDifferencesQuery,
} from '../schemas/differences.js';
import type { RouteModule } from '../types.js';

const tags = ['inventories'];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = (media: string, what: string) =>
  z
    .custom<Buffer>((v) => Buffer.isBuffer(v))
    .meta({ type: 'string', format: 'binary', contentMediaType: media })
    .describe(what);
const documents: Record<DifferenceFileFormat, { media: string; schema: z.ZodType; what: string }> = {
  csv: {
    media: 'text/csv',
    schema: z
      .string()
      .meta({ contentMediaType: 'text/csv' })
      .describe(
        "Header row, then one row per line. Without language: column keys, comma separated, dot decimals, exact values, ledger entry ids separated by spaces; with language: translated headers and statuses, the language's separators",
      ),
    what: 'CSV',
  },
  xlsx: {
    media: XLSX,
    schema: binary(
      XLSX,
      'Workbook: the lines (numbers as numbers) and a sheet of totals overall and per warehouse, zone and product group',
    ),
    what: 'XLSX',
  },
  pdf: {
    media: 'application/pdf',
    schema: binary(
      'application/pdf',
      'A4 landscape: the selection, the lines and the totals per warehouse, zone and product group',
    ),
    what: 'PDF',
  },
};

function send(reply: FastifyReply, f: DifferenceFile) {
  return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.filename}"`).send(f.body);
}

const differencesRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/inventories/:id/differences',
    {
      schema: {
        tags,
        summary: 'Valued differences report of an inventory or one of its lists, before and after closing (managers)',
        params: idParams,
        querystring: differencesQuery,
        response: { 200: differencesReport, ...errorResponses },
      },
    },
    async (request) => differenceReport(ctx, actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/count-lists/:id/differences',
    {
      schema: {
        tags: ['count lists'],
        summary: 'Valued differences report of one count list, before and after closing (managers)',
        params: idParams,
        querystring: listDifferencesQuery,
        response: { 200: differencesReport, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return differenceReport(ctx, actor, await inventoryOfList(ctx, actor, request.params.id), {
        ...request.query,
        countListId: request.params.id,
      });
    },
  );

  for (const format of ['csv', 'xlsx', 'pdf'] as const) {
    const d = documents[format];
    app.get(
      `/api/inventories/:id/differences.${format}`,
      {
        schema: {
          tags,
          summary: `The differences report as ${d.what} (same filters and sort, every line; managers)`,
          produces: [d.media],
          params: idParams,
          querystring: differencesCsvQuery,
          response: { 200: d.schema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { language, ...q } = request.query;
        return send(reply, await differenceReportFile(ctx, actorOf(request), request.params.id, q, format, language));
      },
    );

    app.get(
      `/api/count-lists/:id/differences.${format}`,
      {
        schema: {
          tags: ['count lists'],
          summary: `The differences report of one count list as ${d.what} (managers)`,
          produces: [d.media],
          params: idParams,
          querystring: listDifferencesFileQuery,
          response: { 200: d.schema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { language, ...q } = request.query;
        const inventoryId = await inventoryOfList(ctx, actor, request.params.id);
        return send(
          reply,
          await differenceReportFile(
            ctx,
            actor,
            inventoryId,
            { ...q, countListId: request.params.id },
            format,
            language,
          ),
        );
      },
    );
  }
};

export default differencesRoutes;
