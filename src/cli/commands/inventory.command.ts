// `inventur inventory …`: the inventory back office from the shell, over the same services as the API.
// Inventories and lists are named by number. Long work (generate, open, close) runs as the server's jobs, here
// in-process, with a progress bar on a terminal; `--json` prints the API's shapes and never a bar. `report`
// prints the inventory's difference totals (counts are imported with `inventur count import`).
// Exit codes: 0 done; 1 done, but some lists failed (or a sample estimate did not pass); 2 refused.
import { readFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import { DomainError } from '../../domain/errors.js';
import type { GenerationInput } from '../../domain/inventory/generation.js';
import { INVENTORY_STATUSES, type InventoryStatus } from '../../domain/inventory/vocabulary.js';
import { type Actor, SYSTEM_ACTOR, type ServiceContext } from '../../services/context.js';
import { closeInventoryOrEnqueue } from '../../services/inventory/close-inventory.service.js';
import { actorOfUser, findInventoryByNumber } from '../../services/inventory/count-file.service.js';
import { differenceReport } from '../../services/inventory/differences.service.js';
import {
  GENERATION_MODES,
  type GenerationMode,
  startGeneration,
} from '../../services/inventory/generation-job.service.js';
import { listCountLists } from '../../services/inventory/generation-lists.service.js';
import type { GenerationSummary } from '../../services/inventory/generation.service.js';
import {
  createInventory,
  duplicateInventory,
  getInventory,
  type InventoryView,
  listInventories,
  startInventory,
} from '../../services/inventory/inventory.service.js';
import { listInventoryTypes } from '../../services/inventory/inventory-type.service.js';
import { enqueueOpenCountLists } from '../../services/inventory/open.service.js';
import { estimateSampleInventory } from '../../services/inventory/sample.service.js';
import type { JobDefinition, JobView } from '../../services/jobs/queue.js';
import { runJobNow } from '../../services/jobs/runner.js';
import { listOwners, listSites } from '../../services/places/site.service.js';
import type { Cli } from '../io.js';
import { withServices } from './item.command.js';

interface Common {
  user?: string | undefined;
  json?: boolean | undefined;
}

const actorOf = (ctx: ServiceContext, o: Common): Promise<Actor> =>
  o.user === undefined ? Promise.resolve(SYSTEM_ACTOR) : actorOfUser(ctx, o.user);

async function inventoryByNumber(ctx: ServiceContext, actor: Actor, number: string): Promise<InventoryView> {
  return getInventory(ctx, actor, (await findInventoryByNumber(ctx, actor, number)).id);
}

function choice<T extends string>(name: string, values: readonly T[]) {
  return (value: string): T => {
    if (!values.includes(value as T))
      throw new InvalidArgumentError(`--${name} must be one of ${values.join(', ')}, got "${value}"`);
    return value as T;
  };
}
function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`--${name} must be a whole number ≥ 1`);
    return n;
  };
}

/**
 * Runs a queued job here and now. On a terminal (and without --json) a bar follows the job's progress: the
 * job's kind is wrapped so its progress reports reach the bar as well as the job row.
 */
async function runWithBar(
  cli: Cli,
  ctx: ServiceContext,
  jobId: string,
  label: string,
  quiet: boolean,
): Promise<JobView> {
  if (quiet || !cli.stderr.isTTY) return runJobNow(ctx, jobId);
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total}`,
    // Only a terminal gets here: the real process's stderr.
    stream: cli.stderr as NodeJS.WritableStream,
    hideCursor: true,
  });
  bar.start(1, 0);
  const jobs = new Map(
    [...ctx.jobs].map(([kind, def]) => {
      const d = def as unknown as JobDefinition<unknown>;
      const wrapped: JobDefinition<unknown> = {
        ...d,
        run: (c, job, progress) =>
          d.run(c, job, async (done, total) => {
            bar.setTotal(Math.max(total, 1));
            bar.update(done);
            await progress(done, total);
          }),
      };
      return [kind, wrapped as unknown as JobDefinition<never>];
    }),
  );
  try {
    const view = await runJobNow({ ...ctx, jobs }, jobId);
    if (view.status === 'succeeded') bar.update(bar.getTotal());
    return view;
  } finally {
    bar.stop();
  }
}

/** A job that failed is a refusal (exit 2, as main.ts prints a DomainError). */
function jobFailed(job: JobView): never {
  const e = (job.error ?? {}) as { code?: string; message?: string };
  throw new DomainError('job.failed', e.message ?? `job ${job.id} failed`, { params: { code: e.code ?? '' } });
}

interface ListOutcome {
  countListId: string;
  countListNumber?: string;
  status: string;
  reason?: string;
  error?: { message?: string };
}
const FAILED = new Set(['failed', 'opening_failed', 'refused', 'not_found', 'closed_with_errors']);

const outcomesOf = (result: unknown): ListOutcome[] => (result as { lists?: ListOutcome[] } | null)?.lists ?? [];
const failedOf = (result: unknown) => outcomesOf(result).filter((l) => FAILED.has(l.status));

/** One line of counts per outcome, then a line per failed list; returns how many failed. */
function printOutcomes(cli: Cli, result: unknown, numbers: Map<string, string>): number {
  const lists = outcomesOf(result);
  const failed = failedOf(result);
  const byStatus = new Map<string, number>();
  for (const l of lists) byStatus.set(l.status, (byStatus.get(l.status) ?? 0) + 1);
  cli.out([...byStatus].map(([s, n]) => `${n} ${s.replace(/_/g, ' ')}`).join(', ') || 'no lists');
  for (const l of failed)
    cli.out(
      `  ${l.countListNumber ?? numbers.get(l.countListId) ?? l.countListId}: ${l.status} — ${l.reason ?? l.error?.message ?? ''}`,
    );
  return failed.length;
}

async function allLists(ctx: ServiceContext, actor: Actor, inventoryId: string) {
  const rows = [];
  for (let offset: number | null = 0; offset !== null;) {
    const page = await listCountLists(ctx, actor, inventoryId, { limit: 500, offset });
    rows.push(...page.items);
    offset = page.nextOffset;
  }
  return rows;
}

/** Generation parameters: --params (the API's JSON body), else --count-type with a few flags, else the last ones. */
async function generationInput(
  inv: InventoryView,
  o: { params?: string; countType?: GenerationInput['countType']; maxItems?: number; name?: string },
): Promise<GenerationInput> {
  if (o.params !== undefined) return JSON.parse(await readFile(o.params, 'utf8')) as GenerationInput;
  if (o.countType !== undefined) {
    const input: GenerationInput = { countType: o.countType };
    if (o.maxItems !== undefined) input.maxItemsPerList = o.maxItems;
    if (o.name !== undefined) input.name = o.name;
    return input;
  }
  if (inv.generationParams) return inv.generationParams as GenerationInput;
  throw new DomainError(
    'validation.failed',
    `inventory ${inv.number} has no earlier generation: give --count-type or --params <file>`,
    { field: 'countType' },
  );
}

export function registerInventory(program: Command, cli: Cli): void {
  const inventory = program
    .command('inventory')
    .description('inventories: list, create, duplicate, generate count lists, open, close, report, sample estimate');
  const common = (c: Command) =>
    c.option('--user <name>', 'act as this user (default: the system)').option('--json', 'print JSON (the API shape)');

  common(inventory.command('list').description('inventories, newest first'))
    .option('--status <status>', `one of ${INVENTORY_STATUSES.join(', ')}`, choice('status', INVENTORY_STATUSES))
    .option('--search <text>', 'text in the number or description')
    .option('--limit <n>', 'at most this many (default 50)', positiveInt('limit'))
    .action(async (o: Common & { status?: InventoryStatus; search?: string; limit?: number }) => {
      const page = await withServices(cli, async (ctx) =>
        listInventories(ctx, await actorOf(ctx, o), { status: o.status, q: o.search, limit: o.limit ?? 50, offset: 0 }),
      );
      if (o.json) return cli.json(page);
      if (page.items.length === 0) return cli.out('no inventories');
      for (const i of page.items)
        cli.out(`${i.number}\t${i.status}\t${i.typeCode}\t${i.stockTakingDate ?? '—'}\t${i.description}`);
    });

  common(inventory.command('create').description('create an inventory; its number comes from the type'))
    .requiredOption('--type <code>', 'inventory type code')
    .requiredOption('--owner <code>', 'stock owner code')
    .option('--date <yyyy-mm-dd>', 'stock-taking date (required for the stock-taking-day method)')
    .option('--description <text>', 'description')
    .option('--responsible <name>', 'user name of the responsible employee')
    .option(
      '--fiscal-year <year>',
      'fiscal year (default: of the stock-taking date, else this year)',
      positiveInt('fiscal-year'),
    )
    .action(
      async (
        o: Common & {
          type: string;
          owner: string;
          date?: string;
          description?: string;
          fiscalYear?: number;
          responsible?: string;
        },
      ) => {
        const inv = await withServices(cli, async (ctx) => {
          const actor = await actorOf(ctx, o);
          const type = (await listInventoryTypes(ctx, actor)).find((t) => t.code === o.type);
          if (!type) throw new DomainError('not_found', `inventory type ${o.type} not found`, { field: 'type' });
          const owner = (await listOwners(ctx, actor, { q: o.owner, limit: 100, offset: 0 })).items.find(
            (w) => w.code === o.owner,
          );
          if (!owner) throw new DomainError('not_found', `stock owner ${o.owner} not found`, { field: 'owner' });
          // A site-less user (the system) names the site; with one site there is nothing to choose.
          const sites = actor.siteId ? [] : (await listSites(ctx, actor, { limit: 2, offset: 0 })).items;
          return createInventory(ctx, actor, {
            typeId: type.id,
            ownerId: owner.id,
            stockTakingDate: o.date ?? null,
            description: o.description,
            fiscalYear: o.fiscalYear,
            responsibleUserId: o.responsible === undefined ? undefined : (await actorOfUser(ctx, o.responsible)).userId,
            siteId: actor.siteId ? undefined : sites.length === 1 ? sites[0]!.id : undefined,
          });
        });
        if (o.json) return cli.json(inv);
        cli.out(`inventory ${inv.number} created (${inv.typeCode}, status ${inv.status})`);
      },
    );

  common(
    inventory.command('duplicate <number>').description("a copy with header and last generation's parameters"),
  ).action(async (number: string, o: Common) => {
    const copy = await withServices(cli, async (ctx) => {
      const actor = await actorOf(ctx, o);
      return duplicateInventory(ctx, actor, (await findInventoryByNumber(ctx, actor, number)).id);
    });
    if (o.json) return cli.json(copy);
    cli.out(`inventory ${copy.number} created as a copy of ${number} (status ${copy.status})`);
  });

  common(inventory.command('generate <number>').description('generate count lists (large ones as a job in chunks)'))
    .option('--params <file>', 'JSON file with the parameters (the body of POST …/count-lists/generate)')
    .option(
      '--count-type <type>',
      'article, bin or differences',
      choice('count-type', ['article', 'bin', 'differences'] as const),
    )
    .option('--max-items <n>', 'maximum items (bin lists: bins) per list', positiveInt('max-items'))
    .option('--name <text>', 'name of the lists')
    .option('--mode <mode>', `${GENERATION_MODES.join(', ')} (default auto)`, choice('mode', GENERATION_MODES))
    .action(
      async (
        number: string,
        o: Common & {
          params?: string;
          countType?: GenerationInput['countType'];
          maxItems?: number;
          name?: string;
          mode?: GenerationMode;
        },
      ) => {
        const r = await withServices(cli, async (ctx) => {
          const actor = await actorOf(ctx, o);
          const inv = await inventoryByNumber(ctx, actor, number);
          const started = await startGeneration(ctx, actor, inv.id, await generationInput(inv, o), { mode: o.mode });
          if (started.kind === 'done') return { summary: started.summary, jobId: null };
          const job = await runWithBar(cli, ctx, started.jobId, `generating ${number}`, !!o.json);
          if (job.status === 'failed') jobFailed(job);
          return { summary: job.result as GenerationSummary, jobId: job.id };
        });
        if (o.json) return cli.json(r.jobId ? { ...r.summary, jobId: r.jobId } : r.summary);
        const s = r.summary;
        cli.out(
          `${s.lists.length} lists with ${s.positions} items generated${s.skipped > 0 ? `, ${s.skipped} positions skipped` : ''}`,
        );
      },
    );

  common(
    inventory
      .command('open <number>')
      .description(
        'open the count lists (created or opening failed) of an inventory; starts the inventory first when needed',
      ),
  ).action(async (number: string, o: Common) => {
    const r = await withServices(cli, async (ctx) => {
      const actor = await actorOf(ctx, o);
      let inv = await inventoryByNumber(ctx, actor, number);
      if (inv.status === 'created' || inv.status === 'has_count_lists') inv = await startInventory(ctx, actor, inv.id);
      const lists = (await allLists(ctx, actor, inv.id)).filter(
        (l) => l.status === 'created' || l.status === 'opening_failed',
      );
      const numbers = new Map(lists.map((l) => [l.id, l.number]));
      if (lists.length === 0) return { job: null, numbers };
      const jobId = await enqueueOpenCountLists(
        ctx,
        actor,
        lists.map((l) => l.id),
      );
      return { job: await runWithBar(cli, ctx, jobId, `opening ${number}`, !!o.json), numbers };
    });
    if (!r.job) return o.json ? cli.json({ lists: [] }) : cli.out('no lists to open');
    if (r.job.status === 'failed') jobFailed(r.job);
    const failed = o.json ? failedOf(r.job.result).length : printOutcomes(cli, r.job.result, r.numbers);
    if (o.json) cli.json(r.job.result);
    cli.exitCode = failed > 0 ? 1 : 0;
  });

  common(
    inventory
      .command('close <number>')
      .description('close the inventory: its lists are closed into postings (a large inventory as a job)'),
  ).action(async (number: string, o: Common) => {
    const result = await withServices(cli, async (ctx) => {
      const actor = await actorOf(ctx, o);
      const inv = await inventoryByNumber(ctx, actor, number);
      const r = await closeInventoryOrEnqueue(ctx, actor, inv.id);
      if ('result' in r) return r.result;
      const job = await runWithBar(cli, ctx, r.jobId, `closing ${number}`, !!o.json);
      if (job.status === 'failed') jobFailed(job);
      return job.result;
    });
    if (o.json) return cli.json(result);
    const lists = (result as { lists?: unknown[] } | null)?.lists;
    cli.out(`inventory ${number} closed${Array.isArray(lists) ? ` (${lists.length} lists)` : ''}`);
  });

  common(
    inventory.command('report <number>').description('difference totals of the inventory (counted − target, valued)'),
  )
    .option('--only-differences', 'count only lines with a difference')
    .action(async (number: string, o: Common & { onlyDifferences?: boolean }) => {
      const r = await withServices(cli, async (ctx) => {
        const actor = await actorOf(ctx, o);
        const inv = await inventoryByNumber(ctx, actor, number);
        const page = await differenceReport(ctx, actor, inv.id, {
          onlyDifferences: !!o.onlyDifferences,
          sort: 'place',
          dir: 'asc',
          limit: 1,
          offset: 0,
        });
        const lists = await listCountLists(ctx, actor, inv.id, { limit: 1, offset: 0 });
        return { inventory: page.inventory, totals: page.totals, listsByStatus: lists.statusCounts };
      });
      if (o.json) return cli.json(r);
      const t = r.totals;
      cli.out(
        `inventory ${r.inventory.inventoryNumber} (${r.inventory.status}, valued at ${r.inventory.valuationPrice})`,
      );
      cli.out(
        `lists: ${
          Object.entries(r.listsByStatus)
            .map(([s, n]) => `${n} ${s.replace(/_/g, ' ')}`)
            .join(', ') || 'none'
        }`,
      );
      cli.out(`lines: ${t.lines}, with a difference: ${t.differenceLines}`);
      cli.out(`surplus ${t.positiveValue}, shortage ${t.negativeValue}, net ${t.netValue}`);
      for (const w of t.byWarehouse)
        cli.out(`  ${w.warehouseCode}: ${w.lines} lines, ${w.differenceLines} differ, net ${w.netValue}`);
    });

  common(
    inventory
      .command('sample-estimate <number>')
      .description('estimate a sample inventory from its counted sample; prints the verdict'),
  ).action(async (number: string, o: Common) => {
    const view = await withServices(cli, async (ctx) => {
      const actor = await actorOf(ctx, o);
      return estimateSampleInventory(ctx, actor, (await findInventoryByNumber(ctx, actor, number)).id);
    });
    if (o.json) cli.json(view);
    else cli.out(`sample of ${number}: ${(view.outcome ?? 'not estimated').replace(/_/g, ' ')}`);
    cli.exitCode = view.outcome === 'passed' ? 0 : 1;
  });
}
