// Count files: the count sheet of a list or an inventory by codes as CSV or XLSX — the template to
// fill in — and its import (the body is the file itself, text/csv or XLSX). Each row is one report through
// the reporting path; all or nothing unless partial=true; dryRun checks and writes nothing.
import { z } from 'zod';
import { XLSX_MEDIA_TYPE } from '../../services/items/import-files.js';
import {
  type CountScope,
  countSheet,
  countSheetCsv,
  countSheetXlsx,
  importCountFile,
} from '../../services/inventory/count-file.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams, text } from '../schemas/common.js';
import type { App, RouteModule } from '../types.js';
import type { ServiceContext } from '../../services/context.js';

const tags = ['count files'];
const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
const formats = ['text/csv', XLSX_MEDIA_TYPE];

const exportQuery = z.strictObject({
  targets: boolQuery
    .optional()
    .describe('false: leave the target column out even where the reader may see targets (a template to hand out)'),
});
const importQuery = z.strictObject({
  partial: boolQuery
    .optional()
    .describe(
      'Apply the valid rows and report the rejected ones (default: all or nothing — any rejected row, nothing written)',
    ),
  dryRun: boolQuery.optional().describe('Run every row through the reporting rules and write nothing'),
  mode: z
    .enum(['add', 'replace'])
    .optional()
    .describe("Add to or replace a line's counted quantity (default: the inventory's report type)"),
  fileName: text()
    .min(1)
    .max(200)
    .optional()
    .describe('Name of the uploaded file; the reports record the device import:<file name>'),
});
const fileBody = z
  .union([z.string(), z.instanceof(Buffer)])
  .describe(
    `CSV text (text/csv; comma or semicolon) or an .xlsx workbook (${XLSX_MEDIA_TYPE}, first sheet) with a header row: ` +
      'list, warehouse, zone, bin, item (item code or search code), lot, serial, unit, counted (matched by name, case-insensitive; description and target are ignored)',
  );
const report = z.object({
  status: z
    .enum(['imported', 'validated', 'rejected'])
    .describe(
      'imported; validated (dry run, nothing written); rejected (rows rejected without partial: nothing written)',
    ),
  applied: z.boolean().describe('Whether anything was written'),
  total: z.number().int().describe('Data rows in the file'),
  reported: z.number().int().describe('Rows reported (dry run or rejected: rows that would have been)'),
  added: z.number().int().describe('Of those, found positions added to a list'),
  skipped: z.number().int().describe('Rows with an empty quantity, not reported'),
  unchanged: z
    .number()
    .int()
    .describe("Rows repeating their line's confirmed quantity (as exported), not reported again"),
  rejected: z.array(
    z.object({
      line: z.number().int().describe('Line in the file (CSV line or spreadsheet row; the header is 1)'),
      field: z.string().describe('Count-file column: list, warehouse, zone, bin, item, lot, serial, unit or counted'),
      column: z.string().optional().describe('Spreadsheet column letter of the field'),
      code: z.string().describe('Error code of the rule (as the API errors)'),
      message: z.string(),
      params: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  ignoredColumns: z.array(z.string()).describe('Header cells that are no count-file column (not read)'),
  device: z.string().describe('Device recorded on every report: import:<file name>'),
});
const sheetDocument = z
  .any()
  .describe(
    'CSV (text/csv: list, warehouse, zone, bin, item, description, lot, serial, unit, counted, target) or an XLSX workbook',
  );

function exportRoutes(
  app: App,
  ctx: ServiceContext,
  path: string,
  what: string,
  scope: (id: string) => CountScope,
): void {
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `${path}/counts.${format}`,
      {
        schema: {
          tags,
          summary: `The count sheet of ${what} as ${format.toUpperCase()} by codes: the import template (target only where the reader may see targets)`,
          produces: [format === 'csv' ? 'text/csv' : XLSX_MEDIA_TYPE],
          params: idParams,
          querystring: exportQuery,
          response: { 200: sheetDocument, ...errorResponses },
        },
      },
      async (request, reply) => {
        const sheet = await countSheet(ctx, actorOf(request), scope(request.params.id), {
          targets: request.query.targets,
        });
        const disposition = `attachment; filename="${sheet.baseName}.${format}"`;
        if (format === 'csv')
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', disposition)
            .send(countSheetCsv(sheet));
        return reply
          .type(XLSX_MEDIA_TYPE)
          .header('content-disposition', disposition)
          .send(await countSheetXlsx(sheet));
      },
    );
  }
  app.post(
    `${path}/counts`,
    {
      schema: {
        tags,
        summary: `Import counted quantities of ${what} from CSV or XLSX by codes: each row one report; rejected rows named by line, column and rule`,
        consumes: formats,
        params: idParams,
        querystring: importQuery,
        body: fileBody,
        response: { 200: report, ...errorResponses },
      },
    },
    async (request) => importCountFile(ctx, actorOf(request), scope(request.params.id), request.body, request.query),
  );
}

const countFilesRoutes: RouteModule = (app, ctx) => {
  // Scoped to this module (as the item import's): a count file up to 50 MB.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 50 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser(XLSX_MEDIA_TYPE, { parseAs: 'buffer', bodyLimit: 50 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  exportRoutes(app, ctx, '/api/count-lists/:id', 'one count list', (id) => ({ countListId: id }));
  exportRoutes(
    app,
    ctx,
    '/api/inventories/:id',
    'an inventory (every list; a counter: the lists assigned to them)',
    (id) => ({ inventoryId: id }),
  );
};

export default countFilesRoutes;
