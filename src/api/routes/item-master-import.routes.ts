// Item import/export (issue 6): CSV bodies (text/csv, comma or semicolon) → a report of every rejected row.
import { z } from 'zod';
import { exportItemsCsv, importItemsCsv, importSearchCodesCsv } from '../../services/item-master/item-import.service.js';
import { importOpeningStockCsv } from '../../services/item-master/opening-stock.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idSchema, isoDate } from '../schemas/common.js';
import type { RouteModule } from '../types.js';

const tags = ['item master'];
const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
const importQuery = z.strictObject({
  dryRun: boolQuery.optional().describe('Check every row (database references included) and write nothing'),
  allOrNothing: boolQuery.optional().describe('Write nothing when any row is rejected (default: import the good rows)'),
});
const importReport = z.object({
  status: z.enum(['imported', 'validated', 'rejected']).describe('imported; validated (dry run); rejected (allOrNothing with rejected rows: nothing written)'),
  total: z.number().int().describe('Data rows in the file'),
  imported: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int().describe('Line in the file'), field: z.string(), code: z.string(), message: z.string() })),
});
const csvBody = z.string().describe('CSV text with a header line; columns as in the export');

const itemMasterImportRoutes: RouteModule = (app, ctx) => {
  // Scoped to this module: CSV up to 100 MB (about a million item rows).
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 100 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.post('/api/item-master/import/items', {
    schema: {
      tags, summary: 'Import items from CSV (manager): every rejected row reported with line, column and reason; one transaction',
      consumes: ['text/csv'], querystring: importQuery, body: csvBody, response: { 200: importReport, ...errorResponses },
    },
  }, async (request) => importItemsCsv(ctx, actorOf(request), request.body, request.query));

  app.post('/api/item-master/import/search-codes', {
    schema: {
      tags, summary: 'Import search codes from CSV (manager): itemCode, code, unit, conversionOp, conversionFactor, description',
      consumes: ['text/csv'], querystring: importQuery, body: csvBody, response: { 200: importReport, ...errorResponses },
    },
  }, async (request) => importSearchCodesCsv(ctx, actorOf(request), request.body, request.query));

  app.post('/api/item-master/import/opening-stock', {
    schema: {
      tags, summary: 'Import opening stock from CSV (manager) as one receipt posting through the ledger: itemCode, warehouseCode, zoneCode, binCode, lot, serial, expiryDate, ownerCode, quantity, unitPrice',
      consumes: ['text/csv'],
      querystring: importQuery.extend({
        siteId: idSchema.describe('Site of the warehouses'), keyCode: z.string().min(1).max(20).describe('Receipt transaction key'),
        postingDate: isoDate.optional().describe('Default: today'),
      }),
      body: csvBody,
      response: {
        200: z.object({
          status: z.enum(['posted', 'parked', 'validated', 'rejected']).describe('parked: a count list locks some stock; the posting waits in the posting error file'),
          total: z.number().int(), posted: z.number().int(), rejected: importReport.shape.rejected, postingErrorId: z.string().optional(),
        }),
        ...errorResponses,
      },
    },
  }, async (request) => importOpeningStockCsv(ctx, actorOf(request), request.body, request.query));

  app.get('/api/item-master/export/items', {
    schema: { tags, summary: 'Export every item as CSV (the import columns)', produces: ['text/csv'], response: { 200: z.string().describe('CSV'), ...errorResponses } },
  }, async (request, reply) => reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="items.csv"')
    .send(await exportItemsCsv(ctx, actorOf(request))));
};

export default itemMasterImportRoutes;
