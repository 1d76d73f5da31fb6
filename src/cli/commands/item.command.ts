// `inventur item …`: the item master from the shell, over the same services as the API (SYSTEM actor).
// Human-readable output by default, the API's JSON shape with --json. Exit codes: 0 done; 1 done but with
// rejected rows (import) or nothing found; 2 refused (a DomainError, printed by main.ts).
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { type Command, InvalidArgumentError } from 'commander';
import { DomainError, isDomainError } from '../../domain/errors.js';
import type { RowProblem } from '../../domain/items/import.js';
import { type StockStatus, isCalendarDate } from '../../domain/items/planning.js';
import { type Actor, SYSTEM_ACTOR, type ServiceContext } from '../../services/context.js';
import { copyItem } from '../../services/items/item-create.service.js';
import {
  exportItemsCsv,
  exportItemsXlsx,
  importItems,
  importSearchCodes,
} from '../../services/items/item-import.service.js';
import { runAbcAnalysis, stockControlReport } from '../../services/items/planning.service.js';
import { getPrice, listItemPrices, listPriceLists } from '../../services/items/price-list.service.js';
import { findItemByCode } from '../../services/items/item.service.js';
import { configFromEnv, openRuntime } from '../../services/runtime.js';
import type { Cli } from '../io.js';

type Format = 'csv' | 'xlsx';
const actor: Actor = SYSTEM_ACTOR;

/** --format, else the file extension (.xlsx → xlsx, anything else → csv). */
export function formatOf(file: string, given: string | undefined): Format {
  if (given !== undefined && given !== 'csv' && given !== 'xlsx')
    throw new DomainError('validation.failed', `--format must be csv or xlsx, got "${given}"`, { field: 'format' });
  return (given as Format | undefined) ?? (file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
}

function date(name: string) {
  return (value: string): string => {
    if (!isCalendarDate(value)) throw new InvalidArgumentError(`--${name} must be a date yyyy-mm-dd, got "${value}"`);
    return value;
  };
}

/** Opens the runtime for one command and closes it after (shared by the command modules). */
export async function withServices<T>(cli: Cli, fn: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(configFromEnv(cli.env));
  try {
    return await fn(runtime.ctx);
  } finally {
    await runtime.close();
  }
}

/** One line per rejected row: where (line, column, field), the error code and why. */
export function rejectedReport(rejected: RowProblem[]): string {
  return rejected
    .map((p) => {
      const where = [`line ${p.line}`, p.column ? `column ${p.column}` : '', p.field ? `(${p.field})` : '']
        .filter(Boolean)
        .join(' ');
      return `  ${where}: ${p.code} — ${p.message}\n`;
    })
    .join('');
}

/** Plain columns padded to their widest cell. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function registerImportExport(item: Command, cli: Cli): void {
  item
    .command('import <file>')
    .description(
      'import items (or search codes) from CSV or XLSX; prints every rejected row with line, column and reason',
    )
    .option('--format <format>', 'csv or xlsx (default: from the file extension)')
    .option('--search-codes', 'the file holds search codes (itemCode, code, unit, …) instead of items')
    .option('--dry-run', 'check every row (references included) and write nothing')
    .option('--all-or-nothing', 'write nothing when any row is rejected')
    .option('--json', 'print the report as JSON (the API shape)')
    .action(
      async (
        file: string,
        opts: { format?: string; searchCodes?: boolean; dryRun?: boolean; allOrNothing?: boolean; json?: boolean },
      ) => {
        const format = formatOf(file, opts.format);
        const content = format === 'xlsx' ? new Uint8Array(await readFile(file)) : await readFile(file, 'utf8');
        const run = opts.searchCodes ? importSearchCodes : importItems;
        const report = await withServices(cli, (ctx) =>
          run(ctx, actor, content, { dryRun: opts.dryRun, allOrNothing: opts.allOrNothing }),
        );
        if (opts.json) cli.json(report);
        else {
          const what = opts.searchCodes ? 'search codes' : 'items';
          const head =
            report.status === 'validated'
              ? `dry run: ${report.total - report.rejected.length} of ${report.total} rows valid, nothing written`
              : report.status === 'rejected'
                ? `nothing imported: ${report.rejected.length} of ${report.total} rows rejected (--all-or-nothing)`
                : `imported ${report.imported} ${what} of ${report.total} rows`;
          cli.out(
            `${head}${report.rejected.length > 0 ? `\nrejected rows (${report.rejected.length}):\n${rejectedReport(report.rejected)}` : ''}`,
          );
        }
        cli.exitCode = report.rejected.length > 0 ? 1 : 0;
      },
    );

  item
    .command('export <file>')
    .description('export every item with the import columns to CSV or XLSX (re-importable)')
    .option('--format <format>', 'csv or xlsx (default: from the file extension)')
    .action(async (file: string, opts: { format?: string }) => {
      const format = formatOf(file, opts.format);
      await withServices(cli, async (ctx) => {
        if (format === 'csv') await writeFile(file, await exportItemsCsv(ctx, actor), 'utf8');
        else await pipeline(await exportItemsXlsx(ctx, actor), createWriteStream(file));
      });
      cli.out(`items exported to ${file} (${format})`);
    });
}

function registerPlanning(item: Command, cli: Cli): void {
  item
    .command('abc')
    .description('ABC analysis: classify every item by the value of its issues in the period and write its ABC class')
    .requiredOption('--from <date>', 'first posting date of the period (yyyy-mm-dd)', date('from'))
    .requiredOption('--to <date>', 'last posting date of the period (yyyy-mm-dd)', date('to'))
    .option('--a <percent>', 'cumulative share of consumption value that is class A', '80')
    .option('--b <percent>', 'cumulative share up to which items are class B', '95')
    .option('--json', 'print the whole run as JSON, every item with its value and shares')
    .action(async (opts: { from: string; to: string; a: string; b: string; json?: boolean }) => {
      const run = await withServices(cli, (ctx) =>
        runAbcAnalysis(ctx, actor, { from: opts.from, to: opts.to, thresholdA: opts.a, thresholdB: opts.b }),
      );
      if (opts.json) return cli.json(run);
      const top = run.items.filter((i) => i.abcClass === 'A').slice(0, 10);
      cli.out(
        `ABC ${run.from} – ${run.to} (A < ${run.thresholdA} %, B < ${run.thresholdB} %): consumption value ${run.totalValue}\n` +
          `A ${run.counts.A}  B ${run.counts.B}  C ${run.counts.C} items; classes written\n` +
          (top.length > 0
            ? `${table(
                ['class', 'item', 'value', 'cumulative %'],
                top.map((i) => [i.abcClass, i.code, i.value, i.cumulativeShare]),
              )}\n`
            : ''),
      );
    });

  item
    .command('stock-control')
    .description('items below minimum / above maximum / at the reorder point per warehouse, with a suggested order')
    .option('--warehouse <code>', 'only this warehouse')
    .option(
      '--status <status>',
      'below_minimum, above_maximum, below_reorder_point or all (default: everything not ok)',
    )
    .option('--json', 'print the lines as JSON (the API shape)')
    .action(async (opts: { warehouse?: string; status?: string; json?: boolean }) => {
      const statuses = ['below_minimum', 'above_maximum', 'below_reorder_point', 'all'];
      if (opts.status !== undefined && !statuses.includes(opts.status))
        throw new DomainError('validation.failed', `--status must be one of ${statuses.join(', ')}`, {
          field: 'status',
        });
      const lines = (
        await withServices(cli, (ctx) =>
          stockControlReport(ctx, actor, { status: opts.status as StockStatus | 'all' | undefined }),
        )
      ).filter((l) => opts.warehouse === undefined || l.warehouseCode === opts.warehouse);
      if (opts.json) return cli.json(lines);
      cli.out(
        lines.length === 0
          ? 'no item needs attention'
          : table(
              ['warehouse', 'item', 'status', 'on hand', 'min', 'max', 'reorder pt', 'shortage', 'excess', 'order'],
              lines.map((l) => [
                l.warehouseCode,
                l.itemCode,
                l.status,
                l.onHand,
                l.minStock,
                l.maxStock,
                l.reorderPoint,
                l.shortage,
                l.excess,
                l.suggestedOrder,
              ]),
            ),
      );
    });
}

function registerItemActions(item: Command, cli: Cli): void {
  item
    .command('copy <code>')
    .description('copy an item (every field except the validity dates, plus prices, warehouse planning, alternatives)')
    .option('--code <new>', 'code of the copy (default: the next code of the item class)')
    .option('--description <text>', 'description of the copy (default: the source description)')
    .option('--json', 'print the new item as JSON')
    .action(async (code: string, opts: { code?: string; description?: string; json?: boolean }) => {
      const created = await withServices(cli, async (ctx) => {
        const source = await findItemByCode(ctx, actor, code);
        return copyItem(ctx, actor, source.id, {
          item: {
            ...(opts.code ? { code: opts.code } : {}),
            ...(opts.description ? { description: opts.description } : {}),
          },
        });
      });
      if (opts.json) return cli.json(created);
      cli.out(`copied ${code} to ${created.item.code} (id ${created.item.id})`);
    });

  item
    .command('price <code>')
    .description(
      'the price of a quantity of an item on a date: per price list, tier, discounts, net price and amount (exact)',
    )
    .requiredOption('--qty <quantity>', 'quantity, a decimal such as 12.5')
    .option('--unit <unit>', 'unit of the quantity (default: the primary unit)')
    .option('--date <date>', 'price date (default: today)', date('date'))
    .option('--list <code>', 'price list code (default: every list with a price for the item)')
    .option('--json', 'print the results as JSON (the API shape, with the list code)')
    .action(
      async (code: string, opts: { qty: string; unit?: string; date?: string; list?: string; json?: boolean }) => {
        const results = await withServices(cli, async (ctx) => {
          const it = await findItemByCode(ctx, actor, code);
          const lists = await listPriceLists(ctx, actor);
          let chosen = lists.filter((l) => l.code === opts.list);
          if (opts.list === undefined) {
            const withPrices = new Set((await listItemPrices(ctx, actor, it.id)).map((p) => p.priceListId));
            chosen = lists.filter((l) => withPrices.has(l.id));
          } else if (chosen.length === 0) {
            throw new DomainError('not_found', `price list ${opts.list} does not exist`, { field: 'list' });
          }
          const q = { quantity: opts.qty, unit: opts.unit, date: opts.date };
          const found = [];
          for (const l of chosen) {
            try {
              found.push({ priceList: l.code, ...(await getPrice(ctx, actor, it.id, { priceListId: l.id, ...q })) });
            } catch (e) {
              // Without --list a list with no row valid on the date is just not shown; with --list it is the answer.
              if (opts.list !== undefined || !isDomainError(e) || e.code !== 'price.not_found') throw e;
            }
          }
          return { item: it, found };
        });
        if (opts.json) return cli.json(results.found);
        if (results.found.length === 0) {
          cli.out(`no price for ${code} on ${opts.date ?? 'today'}`);
          cli.exitCode = 1;
          return;
        }
        cli.out(
          table(
            ['list', 'qty', 'tier up to', 'list price', 'discounts', 'net price', 'unit price', 'amount', 'exact'],
            results.found.map((p) => [
              p.priceList,
              `${p.quantityInPriceUnit} ${p.priceUnit}`,
              p.tierUpTo ?? 'open',
              `${p.listPrice} ${p.currency}`,
              p.discounts.length > 0 ? p.discounts.map((d) => `${d}%`).join(' + ') : '-',
              p.netPrice,
              p.unitPrice,
              p.amount,
              p.amountExact,
            ]),
          ),
        );
      },
    );
}

export function registerItem(program: Command, cli: Cli): void {
  const item = program
    .command('item')
    .description('item master: import/export, ABC analysis, stock control, copy, prices');
  registerImportExport(item, cli);
  registerPlanning(item, cli);
  registerItemActions(item, cli);
}
