// The statistical sample inventory (docs/sampling.md): the type's sampling configuration, the recorded
// sample with its last estimate, and the three actions after counting. The first draw is made by the
// ordinary generation (POST /api/inventories/:id/count-lists/generate) of a sample-method inventory.
import type { SamplingConfig } from '../../domain/inventory/sampling/index.js';
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
};

export default sampleRoutes;
