// The shape of a background job kind; apart from queue.ts so the context can name the registry's type.
import type { z } from 'zod';
import type { Actor, ServiceContext } from '../context.js';

export interface JobRun<P = unknown> {
  id: string;
  kind: string;
  /** Parsed by the kind's schema before the job runs. */
  params: P;
  siteId: string | null;
  /** Who asked for the job; handlers act (and are authorised) as this user. */
  actor: Actor;
}

/** Reports progress; call it between transactions, never inside one (PGlite has a single connection). */
export type Progress = (done: number, total: number) => Promise<void>;

/** One kind of background job: the schema of its parameters and what running it does. */
export interface JobDefinition<P = unknown> {
  kind: string;
  params: z.ZodType<P>;
  run(ctx: ServiceContext, job: JobRun<P>, progress: Progress): Promise<unknown>;
}

/** The job kinds a process can run, by kind; built once in the composition root (runtime.ts). */
export type JobRegistry = ReadonlyMap<string, JobDefinition<never>>;
