import { sql } from 'kysely';
import { z } from 'zod';
import type { RouteModule } from '../types.js';

const healthRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        security: [],
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), time: z.string() }),
        },
      },
    },
    async () => {
      await sql`select 1`.execute(ctx.db);
      return { status: 'ok' as const, database: ctx.engine, time: ctx.now().toISOString() };
    },
  );
};

export default healthRoutes;
