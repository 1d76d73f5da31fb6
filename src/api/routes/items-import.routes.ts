// Item import/export: CSV (text/csv, comma or semicolon) or XLSX bodies → a report of every rejected row.
// The body's Content-Type picks the reader; everything after it is the same for both formats.
import { z } from 'zod';
import { XLSX_MEDIA_TYPE } from '../../services/items/import-files.js';
import {
  exportItemsCsv,
  exportItemsXlsx,
  importItems,
  importSearchCodes,
} from '../../services/items/item-import.service.js';
import { importOpeningStock } from '../../services/items/opening-stock.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idSchema, isoDate, text } from '../schemas/common.js';
import type { RouteModule } from '../types.js';

const tags = ['item master'];
const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
const importQuery = z.strictObject({
  dryRun: boolQuery.optional().describe('Check every row (database references included) and write nothing'),
  allOrNothing: boolQuery.optional().describe('Write nothing when any row is rejected (default: import the good rows)'),
});
const importReport = z.object({
  status: z
    .enum(['imported', 'validated', 'rejected'])
    .describe('imported; validated (dry run); rejected (allOrNothing with rejected rows: nothing written)'),
  total: z.number().int().describe('Data rows in the file'),
  imported: z.number().int(),
  rejected: z.array(
    z.object({
      line: z.number().int().describe('Line in the file (CSV line, or spreadsheet row number; the header is 1)'),
      field: z.string().describe('Column name'),
      column: z.string().optional().describe('Spreadsheet column letter (A, B, …) of the field'),
      code: z.string(),
      message: z.string(),
    }),
  ),
});
const csvBody = z
  .union([z.string(), z.instanceof(Buffer)])
  .describe(
    `CSV text (text/csv) or an .xlsx workbook (${XLSX_MEDIA_TYPE}, first sheet) with a header row; columns as in the export`,
  );
const formats = ['text/csv', XLSX_MEDIA_TYPE];

const itemMasterImportRoutes: RouteModule = (app, ctx) => {
  // Scoped to this module: CSV up to 100 MB (about a million item rows).
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 100 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser(XLSX_MEDIA_TYPE, { parseAs: 'buffer', bodyLimit: 100 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );

  app.post(
    '/api/item-master/import/items',
    {
      schema: {
        tags,
        summary:
          'Import items from CSV or XLSX (manager): every rejected row reported with line, column and reason; one transaction',
        consumes: formats,
        querystring: importQuery,
        body: csvBody,
        response: { 200: importReport, ...errorResponses },
      },
    },
    async (request) => importItems(ctx, actorOf(request), request.body, request.query),
  );

  app.post(
    '/api/item-master/import/search-codes',
    {
      schema: {
        tags,
        summary:
          'Import search codes from CSV or XLSX (manager): itemCode, code, unit, conversionOp, conversionFactor, description',
        consumes: formats,
        querystring: importQuery,
        body: csvBody,
        response: { 200: importReport, ...errorResponses },
      },
    },
    async (request) => importSearchCodes(ctx, actorOf(request), request.body, request.query),
  );

  app.post(
    '/api/item-master/import/opening-stock',
    {
      schema: {
        tags,
        summary:
          'Import opening stock from CSV or XLSX (manager) as one receipt posting through the ledger: itemCode, warehouseCode, zoneCode, binCode, lot, serial, expiryDate, ownerCode, quantity, unitPrice',
        consumes: formats,
        querystring: importQuery.extend({
          siteId: idSchema.describe('Site of the warehouses'),
          keyCode: text().min(1).max(20).describe('Receipt transaction key'),
          postingDate: isoDate.optional().describe('Default: today'),
        }),
        body: csvBody,
        response: {
          200: z.object({
            status: z
              .enum(['posted', 'parked', 'validated', 'rejected'])
              .describe('parked: a count list locks some stock; the posting waits in the posting error file'),
            total: z.number().int(),
            posted: z.number().int(),
            rejected: importReport.shape.rejected,
            postingErrorId: z.string().optional(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => importOpeningStock(ctx, actorOf(request), request.body, request.query),
  );

  app.get(
    '/api/item-master/export/items',
    {
      schema: {
        tags,
        summary: 'Export every item as CSV (default) or XLSX (?format=xlsx), with the import columns',
        produces: formats,
        querystring: z.strictObject({ format: z.enum(['csv', 'xlsx']).optional().describe('csv (default) or xlsx') }),
        response: { 200: z.any().describe('CSV text or XLSX workbook'), ...errorResponses },
      },
    },
    async (request, reply) => {
      if (request.query.format === 'xlsx') {
        const stream = await exportItemsXlsx(ctx, actorOf(request));
        return reply
          .type(XLSX_MEDIA_TYPE)
          .header('content-disposition', 'attachment; filename="items.xlsx"')
          .send(stream);
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="items.csv"')
        .send(await exportItemsCsv(ctx, actorOf(request)));
    },
  );
};

export default itemMasterImportRoutes;
