// Background work started with the server (job workers, re-processing parked postings). Modules add their
// starters to `starters`; each returns a stop function.
import type { FastifyBaseLogger } from 'fastify';
import type { ServiceContext } from './context.js';
import { startAbcScheduler } from './items/abc-run.service.js';
import { startJobWorker } from './jobs/runner.js';

export type BackgroundStarter = (ctx: ServiceContext, log: FastifyBaseLogger) => Promise<() => Promise<void>>;

export const starters: BackgroundStarter[] = [];
starters.push((ctx, log) => startJobWorker(ctx, log));
starters.push((ctx, log) => startAbcScheduler(ctx, log));

export async function startBackground(ctx: ServiceContext, log: FastifyBaseLogger): Promise<{ stop(): Promise<void> }> {
  const stops: Array<() => Promise<void>> = [];
  for (const start of starters) stops.push(await start(ctx, log));
  return {
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
