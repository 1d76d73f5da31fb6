import { z } from 'zod';
import { getJob } from '../../services/jobs/queue.js';
import { actorOf } from '../auth.js';
import { errorResponses, text } from '../schemas/common.js';
import type { RouteModule } from '../types.js';

export const jobView = z.object({
  id: z.string(),
  kind: z.string().describe('What the job does, e.g. count_lists.open, count_lists.close, inventory.close'),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.number().int().describe('Work units done (e.g. lists processed)'),
  total: z.number().int().describe('Work units in all (0 when unknown)'),
  result: z.unknown().describe('What the job produced, once succeeded (per-list outcomes for open/close)'),
  error: z.unknown().describe('The error { code, message, params } when failed'),
  attempts: z
    .number()
    .int()
    .describe('How often a process started it (a job abandoned by a stopped process is retried)'),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const jobAccepted = z.object({
  jobId: z.string().describe('Poll GET /api/jobs/{jobId} for progress and result'),
});

const jobsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'State, progress and result of a background job',
        params: z.strictObject({ id: text().min(1).max(100).describe('Job id as returned with 202') }),
        response: { 200: jobView, ...errorResponses },
      },
    },
    async (request) => getJob(ctx, actorOf(request), request.params.id),
  );
};

export default jobsRoutes;
