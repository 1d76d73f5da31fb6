// Count files: the count sheet of one list or of a whole inventory exported by codes as CSV/XLSX —
// the template to fill in — and imported back. Every row of an import is one report through the same path
// as a handheld or back-office report (report.service recordReport, back-office mode), so report types,
// found items, lot/serial rules and closed-list refusals are those of counting. One transaction per file:
// all or nothing by default (any rejected row → nothing written), or `partial` (the good rows are applied);
// a dry run runs every row and rolls back. Each row runs under a savepoint, so a refused row leaves nothing
// behind and the rows after it are still checked. Blind rule: a counter's export has no target column.
import type { Readable } from 'node:stream';
import {
  type CountFileRow,
  type ExportLine,
  MAX_COUNT_FILE_ROWS,
  countRowProblem,
  exportHeader,
  exportValues,
  importStatus,
  mapCountHeader,
  parseCountRow,
  resolveCountRow,
} from '../../domain/inventory/count-file.js';
import { mayCount, requireCounting } from '../../domain/inventory/count-list.js';
import { inScope, scopeOf } from '../site-scope.js';
import type { RowProblem } from '../../domain/items/import.js';
import { type ReportMode, showsTargets, targetView } from '../../domain/inventory/reporting.js';
import { DomainError, isDomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, type Tx, inTransaction, requireRole } from '../context.js';
import { type ImportFile, columnLetter, csvCell, readImportFile, writeXlsx } from '../items/import-files.js';
import { requireInventoryOpen, requireListCounter, requireSite } from './count-list.service.js';
import { type InventoryRow, type ListRow, loadInventory, loadList } from './count-list.repository.js';
import {
  type ListHead,
  countListsByNumber,
  inventoriesByNumber,
  listsOfInventory,
  loadFacts,
  rowSavepoint,
  sheetRows,
  userByName,
} from './count-file.repository.js';
import { recordReport } from './report.service.js';

export type CountScope = { countListId: string } | { inventoryId: string };

// Export -----------------------------------------------------------------------------------------------------

export interface CountSheet {
  /** File name without extension: counts-<list number> or counts-<inventory number>. */
  baseName: string;
  header: string[];
  rows: string[][];
}

const isCounter = (actor: Actor) => actor.role === 'counter';

/** The inventory of a list or inventory scope, and the list itself for a list scope, as `actor` may reach them. */
async function loadScope(
  trx: Tx,
  actor: Actor,
  scope: CountScope,
): Promise<{ inv: InventoryRow; list: ListRow | null }> {
  requireRole(actor, 'counter');
  if ('countListId' in scope) {
    const list = await loadList(trx, scope.countListId);
    // Who may count the list may read and fill in its sheet (responsible employee, assigned counters, managers).
    requireListCounter(actor, list);
    return { inv: await loadInventory(trx, list.inventoryId), list };
  }
  const inv = await loadInventory(trx, scope.inventoryId);
  requireSite(actor, inv.siteId, `inventory ${inv.id}`);
  return { inv, list: null };
}

async function scopeLists(
  trx: Tx,
  actor: Actor,
  scope: CountScope,
): Promise<{ inv: InventoryRow; lists: Array<Pick<ListHead, 'id' | 'countType'>>; baseName: string }> {
  const { inv, list } = await loadScope(trx, actor, scope);
  if (list) return { inv, lists: [list], baseName: `counts-${inv.number}-${list.number}` };
  // A counter's sheet of an inventory holds the lists they count.
  const lists = (await listsOfInventory(trx, inv.id)).filter((l) => mayCount(l, l.counterUserIds, actor));
  return { inv, lists, baseName: `counts-${inv.number}` };
}

/**
 * The count sheet as `actor` may see it. Targets follow the blind rule of every other read (targetView):
 * a counter never receives them on a blind inventory — the column is left out, not just emptied — while
 * difference lists always show theirs. `targets: false` leaves the column out for anyone (a template to hand
 * out).
 */
export async function countSheet(
  ctx: ServiceContext,
  actor: Actor,
  scope: CountScope,
  opts: { targets?: boolean | undefined } = {},
): Promise<CountSheet> {
  return ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const { inv, lists, baseName } = await scopeLists(trx, actor, scope);
      const withTarget =
        opts.targets !== false &&
        lists.some(
          (l) =>
            showsTargets({ showSystemQuantities: inv.showSystemQuantities, countType: l.countType }) ||
            !isCounter(actor),
        );
      const rows = (
        await sheetRows(
          trx,
          lists.map((l) => l.id),
        )
      ).map((r) => {
        const t = targetView({
          target: r.targetQuantity,
          showSystemQuantities: inv.showSystemQuantities,
          reportType: inv.reportType,
          readerIsCounter: isCounter(actor),
          countType: r.countType,
          emptyBin: r.countType === 'bin' && r.binEmpty,
        });
        const line: ExportLine = {
          listNumber: r.listNumber,
          warehouseCode: r.warehouseCode,
          zoneCode: r.zoneCode,
          binCode: r.binCode,
          itemCode: r.itemCode,
          itemDescription: r.itemDescription,
          lot: r.lot,
          serial: r.serial,
          unit: r.unit,
          reportedQuantity: r.status === 'open' ? null : r.reportedQuantity,
          target: withTarget ? t.targetQuantity : null,
        };
        return exportValues(line, withTarget);
      });
      return { baseName: baseName.replace(/[^A-Za-z0-9._-]+/g, '_'), header: exportHeader(withTarget), rows };
    });
}

export function countSheetCsv(sheet: CountSheet): string {
  return `${[sheet.header, ...sheet.rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function countSheetXlsx(sheet: CountSheet): Promise<Readable> {
  return writeXlsx('counts', sheet.header, sheet.rows, new Set(['counted', 'target']));
}

// Import -----------------------------------------------------------------------------------------------------

export interface CountFileOptions {
  /** Apply the valid rows and report the rejected ones (default: all or nothing). */
  partial?: boolean | undefined;
  /** Run every row through the reporting rules and write nothing. */
  dryRun?: boolean | undefined;
  /** Add or replace; default: the inventory's report type (cumulative adds, single replaces). */
  mode?: ReportMode | undefined;
  /** The file's name: the reports' device is `import:<file name>`. */
  fileName?: string | undefined;
}

export type CountRowProblem = RowProblem & { params?: Record<string, unknown> | undefined };

export interface CountFileReport {
  /** imported (written), validated (dry run: nothing written), rejected (all or nothing with rejected rows: nothing written). */
  status: 'imported' | 'validated' | 'rejected';
  /** Whether anything was written. */
  applied: boolean;
  /** Data rows in the file. */
  total: number;
  /** Rows reported (in a dry run or a rejected file: that would have been). */
  reported: number;
  /** Of those, positions not on the list that were added as found items. */
  added: number;
  /** Rows with an empty quantity (not counted), skipped. */
  skipped: number;
  /** Rows repeating their line's confirmed quantity (as exported), not reported again. */
  unchanged: number;
  rejected: CountRowProblem[];
  /** Header cells that are no count-file column (not read). */
  ignoredColumns: string[];
  device: string;
}

/** Thrown out of the transaction to roll it back with the report (dry run, all-or-nothing rejection). */
class RollBack extends Error {
  constructor(readonly report: CountFileReport) {
    super('rolled back');
  }
}

export function deviceTag(fileName: string | undefined): string {
  const name =
    (fileName ?? '')
      .split(/[\\/]/)
      .pop()!
      .replace(/[\u0000-\u001f]/g, '')
      .trim() || 'file';
  return `import:${name}`.slice(0, 80);
}

/**
 * Imports a count file into one list (`countListId`) or an inventory (each row on the list its list column
 * or its position names). Refused as a whole (422) when the list is not being counted or the inventory is
 * not open; otherwise a report of every row.
 */
export async function importCountFile(
  ctx: ServiceContext,
  actor: Actor,
  scope: CountScope,
  file: ImportFile,
  opts: CountFileOptions = {},
): Promise<CountFileReport> {
  requireRole(actor, 'counter');
  const parsed = await readImportFile(file);
  if (parsed.rows.length > MAX_COUNT_FILE_ROWS) {
    throw new DomainError(
      'import.header_invalid',
      `a count file has at most ${MAX_COUNT_FILE_ROWS} rows; use the bulk JSON import for more`,
      { field: 'file', params: { max: MAX_COUNT_FILE_ROWS } },
    );
  }
  const header = mapCountHeader(parsed.header);
  const letter = (field: string) => {
    const h = header.columns.get(field as never);
    const i = h === undefined ? -1 : parsed.header.indexOf(h);
    return i < 0 ? undefined : columnLetter(i);
  };
  const problem = (line: number, e: DomainError): CountRowProblem => {
    const p = countRowProblem(line, e);
    return { ...p, column: letter(p.field) };
  };
  const rejected: CountRowProblem[] = [];
  const rows: CountFileRow[] = [];
  let skipped = 0;
  for (const r of parsed.rows) {
    try {
      const row = parseCountRow(r.line, r.values, header);
      if (row === null) skipped++;
      else rows.push(row);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      rejected.push(problem(r.line, e));
    }
  }
  const device = deviceTag(opts.fileName);
  try {
    return await inTransaction(ctx, async (trx) => {
      const { inv, list } = await loadScope(trx, actor, scope);
      if (list) requireCounting(list.status, list.number);
      const lists = await listsOfInventory(trx, inv.id);
      const scopeList = list ? lists.find((l) => l.id === list.id)! : null;
      requireInventoryOpen(inv);
      const facts = await loadFacts(trx, {
        siteId: inv.siteId,
        inventoryNumber: inv.number,
        lists,
        scopeList,
        rows: parsed.rows,
        itemHeader: header.columns.get('item'),
        binHeader: header.columns.get('bin'),
      });
      let reported = 0;
      let added = 0;
      let unchanged = 0;
      for (const row of rows) {
        let input;
        try {
          input = resolveCountRow(row, facts);
        } catch (e) {
          if (!isDomainError(e)) throw e;
          rejected.push(problem(row.line, e));
          continue;
        }
        // Unchanged rows are passed over only on lists the actor counts (else the list's refusal is the answer).
        const target = lists.find((l) => l.id === input.countListId);
        if (input.unchanged && target && mayCount(target, target.counterUserIds, actor)) {
          unchanged++;
          continue;
        }
        await rowSavepoint.set(trx);
        try {
          const r = await recordReport(
            trx,
            ctx,
            actor,
            {
              countListId: input.countListId,
              itemId: input.itemId,
              warehouseId: input.warehouseId,
              zoneId: input.zoneId,
              binId: input.binId,
              lot: input.lot,
              serial: input.serial,
              quantity: input.quantity,
              mode: opts.mode,
              device,
              enteredQuantity: input.enteredQuantity,
              enteredUnit: input.enteredUnit ?? undefined,
            },
            { missingMode: 'report_type' },
          );
          await rowSavepoint.release(trx);
          reported++;
          if (r.status === 'recorded' && r.added) added++;
        } catch (e) {
          await rowSavepoint.rollback(trx);
          if (!isDomainError(e)) throw e;
          rejected.push(problem(row.line, e));
        }
      }
      rejected.sort((a, b) => a.line - b.line);
      const s = importStatus({
        dryRun: opts.dryRun === true,
        partial: opts.partial === true,
        rejected: rejected.length,
        applied: reported,
      });
      const report: CountFileReport = {
        status: s.status,
        applied: s.applied,
        total: parsed.rows.length,
        reported,
        added,
        skipped,
        unchanged,
        rejected,
        ignoredColumns: header.ignored,
        device,
      };
      if (s.status !== 'imported') throw new RollBack(report);
      return report;
    });
  } catch (e) {
    if (e instanceof RollBack) return e.report;
    throw e;
  }
}

// Finding lists and inventories by number (the CLI) ------------------------------------------------------------

/** An inventory by number (unique per inventory type): refused when the number is ambiguous. */
export async function findInventoryByNumber(
  ctx: ServiceContext,
  actor: Actor,
  number: string,
): Promise<{ id: string; number: string }> {
  requireRole(actor, 'counter');
  const rows = await inventoriesByNumber(ctx.db, number);
  const visible = rows.filter((r) => inScope(scopeOf(actor), r.siteId));
  if (visible.length === 0)
    throw new DomainError('not_found', `no inventory has the number ${number}`, { field: 'inventory' });
  if (visible.length > 1)
    throw new DomainError('validation.failed', `several inventories have the number ${number}`, { field: 'inventory' });
  return visible[0]!;
}

/** A count list by number, within an inventory when given (list numbers are unique per inventory). */
export async function findCountListByNumber(
  ctx: ServiceContext,
  actor: Actor,
  number: string,
  inventoryId?: string,
): Promise<{ id: string; number: string }> {
  requireRole(actor, 'counter');
  const rows = await countListsByNumber(ctx.db, number, inventoryId);
  const visible = rows.filter((r) => inScope(scopeOf(actor), r.siteId));
  if (visible.length === 0)
    throw new DomainError('not_found', `no count list has the number ${number}`, { field: 'list' });
  if (visible.length > 1)
    throw new DomainError(
      'validation.failed',
      `several inventories have a count list ${number}: give --inventory too`,
      { field: 'list' },
    );
  return visible[0]!;
}

/** The actor a CLI import reports as (`--user`): the user's own role and site. */
export async function actorOfUser(ctx: ServiceContext, username: string): Promise<Actor> {
  const u = await userByName(ctx.db, username);
  if (!u || !u.active) throw new DomainError('not_found', `no active user ${username}`, { field: 'user' });
  return {
    userId: String(u.id),
    username: u.username,
    role: u.role,
    siteId: u.siteId === null ? null : String(u.siteId),
  };
}
