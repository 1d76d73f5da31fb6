// Printing count lists (SPEC §4.5): one POST answering either the PDF, or — when warnings need confirming —
// the warnings as JSON. Nothing to print at all is a 422 (print.nothing_to_print) with the warnings as params.
import { z } from 'zod';
import { DOCUMENT_LANGUAGES, MAX_BLANK_PAGES } from '../../domain/inventory/printing.js';
import { printCountLists } from '../../services/inventory/print.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idSchema } from '../schemas/common.js';
import type { RouteModule } from '../types.js';

const printBody = z.strictObject({
  listIds: z
    .array(idSchema)
    .min(1)
    .max(500)
    .describe('Count lists to print (1–500); printed by inventory number, then list number'),
  usage: z
    .enum(['count', 'verification', 'blank', 'none'])
    .describe(
      'count: open items whose verification has not started (a list needs at least one); verification: open items marked for verification ' +
        '(a list needs at least one); blank: pages with only the list header; none: every item. Informational items never print; ' +
        'inventory-differences lists print only as blank pages; a list of only informational items does not print',
    ),
  blankPages: z
    .number()
    .int()
    .min(1)
    .max(MAX_BLANK_PAGES)
    .optional()
    .describe('Pages per list for usage blank (1–999, default 1); only with usage blank'),
  printReported: z.boolean().optional().describe('Also print items already reported (default false)'),
  autoConfirmWarnings: z
    .boolean()
    .optional()
    .describe(
      'Print despite warnings (lists skipped and why); when false (default) the warnings are returned instead of the PDF',
    ),
  language: z.enum(DOCUMENT_LANGUAGES).optional().describe('Language of the printed sheets (default en)'),
});

const printWarning = z.object({
  listId: z.string(),
  listNumber: z.string(),
  code: z
    .enum([
      'print.differences_blank_only',
      'print.only_informational',
      'print.no_open_items',
      'print.no_marked_items',
      'print.no_items',
    ])
    .describe('Why the list is not printed'),
  message: z.string(),
});

export const printWarnings = z.object({
  status: z
    .literal('warnings')
    .describe('Nothing was printed: confirm the warnings (autoConfirmWarnings: true) to print the other lists'),
  warnings: z.array(printWarning),
});

/** The PDF itself: a binary body, not JSON (sent as a Buffer, so the JSON serializer never sees it). */
const pdfDocument = z
  .custom<Buffer>((v) => Buffer.isBuffer(v))
  .meta({ type: 'string', format: 'binary', contentMediaType: 'application/pdf' })
  .describe('The count lists as PDF (A4); the file name is in Content-Disposition, skipped lists in X-Print-Warnings');

const countListPrintRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/count-lists/print',
    {
      schema: {
        tags: ['count lists'],
        summary:
          'Print count lists as PDF (application/pdf), or the warnings to confirm (application/json). Managers only; blind inventories never print targets',
        produces: ['application/pdf', 'application/json'],
        body: printBody,
        response: { 200: z.union([printWarnings, pdfDocument]), ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await printCountLists(ctx, actorOf(request), request.body);
      if (r.status === 'warnings') return reply.type('application/json; charset=utf-8').send(r);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${r.filename}"`)
        .header('x-print-warnings', String(r.warnings.length))
        .send(r.pdf);
    },
  );
};

export default countListPrintRoutes;
