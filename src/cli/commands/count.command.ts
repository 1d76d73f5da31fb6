// `inventur count …`: count files from the shell, over the same services as the API. The export is
// the count sheet by codes (the template); the import reports every row through the reporting path and
// prints the rejected rows. Exit codes: 0 done; 1 rows rejected (nothing written unless --partial); 2 refused.
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type Command, InvalidArgumentError } from 'commander';
import { DomainError } from '../../domain/errors.js';
import { type Actor, SYSTEM_ACTOR, type ServiceContext } from '../../services/context.js';
import {
  type CountScope,
  actorOfUser,
  countSheet,
  countSheetCsv,
  countSheetXlsx,
  findCountListByNumber,
  findInventoryByNumber,
  importCountFile,
} from '../../services/inventory/count-file.service.js';
import type { Cli } from '../io.js';
import { formatOf, rejectedReport, withServices } from './item.command.js';

interface Target {
  list?: string | undefined;
  inventory?: string | undefined;
  user?: string | undefined;
}

/** The actor (`--user`, else the system) and the list or inventory the numbers name. */
async function resolve(ctx: ServiceContext, o: Target): Promise<{ actor: Actor; scope: CountScope }> {
  if (o.list === undefined && o.inventory === undefined) {
    throw new DomainError('validation.failed', 'give --list <number> or --inventory <number>', { field: 'list' });
  }
  const actor = o.user === undefined ? SYSTEM_ACTOR : await actorOfUser(ctx, o.user);
  const inventory = o.inventory === undefined ? undefined : await findInventoryByNumber(ctx, actor, o.inventory);
  if (o.list !== undefined)
    return { actor, scope: { countListId: (await findCountListByNumber(ctx, actor, o.list, inventory?.id)).id } };
  return { actor, scope: { inventoryId: inventory!.id } };
}

function mode(value: string): 'add' | 'replace' {
  if (value !== 'add' && value !== 'replace')
    throw new InvalidArgumentError(`--mode must be add or replace, got "${value}"`);
  return value;
}

export function registerCount(program: Command, cli: Cli): void {
  const count = program
    .command('count')
    .description('count files: export the count sheet of a list or inventory by codes, import counted quantities');
  count
    .command('export')
    .description(
      'export the count sheet (list, warehouse, zone, bin, item, description, lot, serial, unit, counted, target) to CSV or XLSX',
    )
    .option('--list <number>', 'count list number (with --inventory when the number is used in several inventories)')
    .option('--inventory <number>', 'inventory number: every list of the inventory')
    .option('--format <format>', 'csv or xlsx (default: from the --out extension)')
    .requiredOption('--out <file>', 'file to write')
    .option('--no-targets', 'leave the target column out (a template to hand out)')
    .option('--user <name>', 'export as this user (a counter: their lists, no targets on blind inventories)')
    .action(async (opts: Target & { format?: string; out: string; targets: boolean }) => {
      const format = formatOf(opts.out, opts.format);
      const rows = await withServices(cli, async (ctx) => {
        const { actor, scope } = await resolve(ctx, opts);
        const sheet = await countSheet(ctx, actor, scope, { targets: opts.targets });
        if (format === 'csv') await writeFile(opts.out, countSheetCsv(sheet), 'utf8');
        else await pipeline(await countSheetXlsx(sheet), createWriteStream(opts.out));
        return sheet.rows.length;
      });
      cli.out(`${rows} lines exported to ${opts.out} (${format})`);
    });

  count
    .command('import <file>')
    .description(
      'import counted quantities from CSV or XLSX; every row is one report; prints the rejected rows with line, column and rule',
    )
    .option('--list <number>', 'count list number')
    .option('--inventory <number>', 'inventory number (rows go to the list their list column or position names)')
    .option('--format <format>', 'csv or xlsx (default: from the file extension)')
    .option('--partial', 'apply the valid rows even when some are rejected (default: all or nothing)')
    .option('--dry-run', 'run every row through the reporting rules and write nothing')
    .option('--mode <mode>', "add or replace (default: the inventory's report type)", mode)
    .option('--user <name>', 'report as this user (default: the system)')
    .option('--json', 'print the report as JSON (the API shape)')
    .action(
      async (
        file: string,
        opts: Target & {
          format?: string;
          partial?: boolean;
          dryRun?: boolean;
          mode?: 'add' | 'replace';
          json?: boolean;
        },
      ) => {
        const format = formatOf(file, opts.format);
        const content = format === 'xlsx' ? new Uint8Array(await readFile(file)) : await readFile(file, 'utf8');
        const report = await withServices(cli, async (ctx) => {
          const { actor, scope } = await resolve(ctx, opts);
          return importCountFile(ctx, actor, scope, content, {
            partial: opts.partial,
            dryRun: opts.dryRun,
            mode: opts.mode,
            fileName: path.basename(file),
          });
        });
        if (opts.json) cli.out(JSON.stringify(report, null, 2));
        else {
          const head =
            report.status === 'validated'
              ? `dry run: ${report.reported} of ${report.total} rows would be reported, nothing written`
              : report.status === 'rejected'
                ? `nothing imported: ${report.rejected.length} of ${report.total} rows rejected (use --partial to apply the others)`
                : `reported ${report.reported} of ${report.total} rows${report.added > 0 ? ` (${report.added} found items added)` : ''}`;
          const skipped =
            (report.skipped > 0 ? `; ${report.skipped} rows without a quantity skipped` : '') +
            (report.unchanged > 0 ? `; ${report.unchanged} rows unchanged (their confirmed quantity)` : '');
          const ignored =
            report.ignoredColumns.length > 0 ? `\nignored columns: ${report.ignoredColumns.join(', ')}` : '';
          cli.out(
            `${head}${skipped}${ignored}${report.rejected.length > 0 ? `\nrejected rows (${report.rejected.length}):\n${rejectedReport(report.rejected)}` : ''}`,
          );
        }
        cli.exitCode = report.rejected.length > 0 ? 1 : 0;
      },
    );
}
