// Count-list generation (SPEC §4.4): generate, preview, list the lists (deleting one: DELETE /api/count-lists/:id).
import { z } from 'zod';
import type { GenerationInput } from '../../domain/inventory/generation.js';
import { GENERATION_MODES, startGeneration } from '../../services/inventory/generation-job.service.js';
import { previewGeneration } from '../../services/inventory/generation.service.js';
import { listCountLists } from '../../services/inventory/generation-lists.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams, pageQuery } from '../schemas/common.js';
import { countListPage, countListStatus, generationBody, generationSummary } from '../schemas/inventory.js';
import type { RouteModule } from '../types.js';
import { jobAccepted } from './jobs.routes.js';

const tags = ['count-list generation'];

const generationRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/inventories/:id/count-lists/generate',
    {
      schema: {
        tags,
        summary:
          'Generate article, bin or inventory-difference count lists: at once (201), or as a job in chunks (202) when large, asked for, or continuing a generation that stopped part-way',
        params: idParams,
        querystring: z.strictObject({
          mode: z
            .enum(GENERATION_MODES)
            .optional()
            .describe(
              'auto (default): a job above 20,000 lines, else at once; job: always a job; sync: at once in one transaction. The same parameters as a generation that stopped part-way always continue it as a job',
            ),
        }),
        body: generationBody,
        response: {
          201: generationSummary,
          202: jobAccepted.extend({
            resumed: z.boolean().describe('The job continues a generation that stopped part-way'),
            chunks: z.number().int().describe('Chunks of the plan (each written in a transaction of its own)'),
            positions: z.number().int().describe('Lines the plan writes in all (the job total)'),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const r = await startGeneration(ctx, actorOf(request), request.params.id, request.body as GenerationInput, {
        mode: request.query.mode,
      });
      if (r.kind === 'done') return reply.status(201).send(r.summary);
      return reply.status(202).send({ jobId: r.jobId, resumed: r.resumed, chunks: r.chunks, positions: r.positions });
    },
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
