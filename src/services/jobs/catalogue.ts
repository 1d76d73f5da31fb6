// Every kind of background job the server runs. The composition root (runtime.ts) builds the registry from
// this list and hands it to the context, so the runner knows each kind without import side effects.
import { closeInventoryJob } from '../inventory/close-inventory.service.js';
import { closeListsJob } from '../inventory/close.service.js';
import { generateListsJob } from '../inventory/generation-job.service.js';
import { openListsJob } from '../inventory/open.service.js';
import { abcAnalysisJob } from '../items/abc-run.service.js';
import { jobRegistry, type JobDefinition } from './queue.js';

export const JOB_DEFINITIONS = [
  openListsJob,
  closeListsJob,
  closeInventoryJob,
  generateListsJob,
  abcAnalysisJob,
] as unknown as ReadonlyArray<JobDefinition<never>>;

export const defaultJobRegistry = () => jobRegistry(JOB_DEFINITIONS);
