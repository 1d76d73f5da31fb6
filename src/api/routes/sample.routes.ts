// The statistical sample inventory (docs/sampling.md): the type's sampling configuration, the recorded
// sample with its last estimate, and the three actions after counting. The first draw is made by the
// ordinary generation (POST /api/inventories/:id/count-lists/generate) of a sample-method inventory.
import { z } from 'zod';
import { DOCUMENT_LANGUAGES } from '../../domain/inventory/printing.js';
import type { SamplingConfig } from '../../domain/inventory/sampling/index.js';
import { sampleResultPdf } from '../../services/inventory/sample-pdf.js';
import {
  estimateSampleInventory,
  extendSampleInventory,
  fullCountSampleInventory,
  getSample,
  getTypeSampling,
  setTypeSampling,
} from '../../services/inventory/sample.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams } from '../schemas/common.js';
import { sampleAction, sampleView, typeSamplingBody, typeSamplingView } from '../schemas/sample.js';
import type { RouteModule } from '../types.js';

const tags = ['sample inventory'];

const printQuery = z.strictObject({
  language: z
    .enum(DOCUMENT_LANGUAGES)
    .default('en')
    .describe('Language of the labels and the number format (default en)'),
});
const pdfDocument = z
  .custom<Buffer>((v) => Buffer.isBuffer(v))
  .meta({ type: 'string', format: 'binary', contentMediaType: 'application/pdf' })
  .describe('A4: the outcome, the result with its verdict and reasons, the recorded design and the strata table');

const sampleRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/inventory-types/:id/sampling',
    {
      schema: {
        tags,
        summary: 'The sampling configuration of an inventory type',
        params: idParams,
        response: { 200: typeSamplingView, ...errorResponses },
      },
    },
    async (request) => getTypeSampling(ctx, actorOf(request), request.params.id),
  );

  app.put(
    '/api/inventory-types/:id/sampling',
    {
      schema: {
        tags,
        summary: 'Set or remove the sampling configuration of a sample-method inventory type (admin)',
        params: idParams,
        body: typeSamplingBody,
        response: { 200: typeSamplingView, ...errorResponses },
      },
    },
    async (request) =>
      setTypeSampling(ctx, actorOf(request), request.params.id, request.body.config as SamplingConfig | null),
  );

  app.get(
    '/api/inventories/:id/sample',
    {
      schema: {
        tags,
        summary: 'The recorded sample of an inventory (design, draws) and its last estimate',
        params: idParams,
        response: { 200: sampleView, ...errorResponses },
      },
    },
    async (request) => getSample(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/inventories/:id/sample/estimate',
    {
      schema: {
        tags,
        summary: 'Estimate the total counted value from the counted sample; stores the result and the verdict',
        params: idParams,
        response: { 200: sampleView, ...errorResponses },
      },
    },
    async (request) => estimateSampleInventory(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/inventories/:id/sample/extend',
    {
      schema: {
        tags,
        summary: 'Draw the extension the last verdict offered from the same strata and generate lists for it',
        params: idParams,
        response: { 201: sampleAction, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await extendSampleInventory(ctx, actorOf(request), request.params.id)),
  );

  app.post(
    '/api/inventories/:id/sample/full-count',
    {
      schema: {
        tags,
        summary: 'Give up the sample: generate lists for every position the sample did not list',
        params: idParams,
        response: { 201: sampleAction, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await fullCountSampleInventory(ctx, actorOf(request), request.params.id)),
  );

  app.get(
    '/api/inventories/:id/sample/print',
    {
      schema: {
        tags,
        summary: 'The sample result as PDF: book value, estimate, interval, precision, pass/fail, strata (managers)',
        produces: ['application/pdf'],
        params: idParams,
        querystring: printQuery,
        response: { 200: pdfDocument, ...errorResponses },
      },
    },
    async (request, reply) => {
      const f = await sampleResultPdf(ctx, actorOf(request), request.params.id, request.query.language);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${f.filename}"`)
        .send(f.body);
    },
  );
};

export default sampleRoutes;
