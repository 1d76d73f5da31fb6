// Count-list generation (SPEC §4.4): generate, preview, list the lists (deleting one: DELETE /api/count-lists/:id).
import { z } from 'zod';
import type { GenerationInput } from '../../domain/inventory/generation.js';
import { generateCountLists, previewGeneration } from '../../services/inventory/generation.service.js';
import { listCountLists } from '../../services/inventory/generation-lists.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams, pageQuery } from '../schemas/common.js';
import { countListPage, countListStatus, generationBody, generationSummary } from '../schemas/inventory.js';
import type { RouteModule } from '../types.js';

const tags = ['count-list generation'];

const generationRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/inventories/:id/count-lists/generate',
    {
      schema: {
        tags,
        summary: 'Generate article, bin or inventory-difference count lists',
        params: idParams,
        body: generationBody,
        response: { 201: generationSummary, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await generateCountLists(ctx, actorOf(request), request.params.id, request.body as GenerationInput)),
  );

  app.post(
    '/api/inventories/:id/count-lists/generate/preview',
    {
      schema: {
        tags,
        summary: 'How many lists and items a generation would make (writes nothing)',
        params: idParams,
        body: generationBody,
        response: { 200: generationSummary, ...errorResponses },
      },
    },
    async (request) => previewGeneration(ctx, actorOf(request), request.params.id, request.body as GenerationInput),
  );

  app.get(
    '/api/inventories/:id/count-lists',
    {
      schema: {
        tags,
        summary: 'Count lists of an inventory with item counts, and the number of lists per status',
        params: idParams,
        querystring: z.strictObject({ status: countListStatus.optional(), ...pageQuery }),
        response: { 200: countListPage, ...errorResponses },
      },
    },
    async (request) => listCountLists(ctx, actorOf(request), request.params.id, request.query),
  );
};

export default generationRoutes;
