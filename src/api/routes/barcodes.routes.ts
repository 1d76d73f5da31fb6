// Barcode decoding (the tokenizer as a service) and the per-site user rules it applies.
import { z } from 'zod';
import {
  createBarcodeRule,
  deleteBarcodeRule,
  listBarcodeRules,
  reorderBarcodeRules,
  updateBarcodeRule,
} from '../../services/barcode/barcode-rules.service.js';
import { decodeForSite } from '../../services/barcode/decode.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams, idSchema, scannedText, text } from '../schemas/common.js';
import { assume, barcodeRuleView, decodeResult, ruleBody } from '../schemas/handheld.js';
import type { RouteModule } from '../types.js';

const ruleName = text().min(1).max(100).describe('Unique per site; shown as `rule` in decode results');

const barcodesRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/barcodes/decode',
    {
      schema: {
        tags: ['barcodes'],
        summary: 'Decode a scan (GTIN, GS1 element string, site rules); 200 also when it does not decode (ok: false)',
        body: z.strictObject({
          text: scannedText().max(1000).describe('The scan as sent by the scanner; GS (\\u001d) separates GS1 fields'),
          assume: assume.optional(),
          siteId: idSchema.optional().describe("Whose barcode rules apply; default the user's site"),
        }),
        response: { 200: decodeResult, ...errorResponses },
      },
    },
    async (request) => decodeForSite(ctx, actorOf(request), request.body),
  );

  app.get(
    '/api/barcode-rules',
    {
      schema: {
        tags: ['barcodes'],
        summary: "A site's barcode rules in decode order (counters may read them to decode offline)",
        querystring: z.strictObject({ siteId: idSchema.optional().describe("Default the user's site") }),
        response: { 200: z.object({ items: z.array(barcodeRuleView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listBarcodeRules(ctx, actorOf(request), request.query.siteId) }),
  );

  app.post(
    '/api/barcode-rules',
    {
      schema: {
        tags: ['barcodes'],
        summary: 'Add a barcode rule at the end of the site order (manager)',
        body: z.strictObject({
          siteId: idSchema.optional(),
          name: ruleName,
          rule: ruleBody,
          active: z.boolean().optional(),
        }),
        response: { 201: barcodeRuleView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createBarcodeRule(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/barcode-rules/:id',
    {
      schema: {
        tags: ['barcodes'],
        summary: 'Change a barcode rule: rename, replace the rule, (de)activate (manager)',
        params: idParams,
        body: z.strictObject({ name: ruleName.optional(), rule: ruleBody.optional(), active: z.boolean().optional() }),
        response: { 200: barcodeRuleView, ...errorResponses },
      },
    },
    async (request) => updateBarcodeRule(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/barcode-rules/:id',
    {
      schema: {
        tags: ['barcodes'],
        summary: 'Delete a barcode rule (manager)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteBarcodeRule(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/barcode-rules/order',
    {
      schema: {
        tags: ['barcodes'],
        summary: "Set the decode order of a site's rules (manager); ids must list every rule once",
        body: z.strictObject({
          siteId: idSchema.optional(),
          ids: z.array(idSchema).max(1000).describe('Rule ids, first tried first'),
        }),
        response: { 200: z.object({ items: z.array(barcodeRuleView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await reorderBarcodeRules(ctx, actorOf(request), request.body) }),
  );
};

export default barcodesRoutes;
