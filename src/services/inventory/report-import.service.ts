// Bulk count import (counts from a file, a foreign scanner system or the benchmark's 100,000 items):
// one validating query and one writing statement over the whole batch — never a query per row. Only
// positions already on the list are accepted; the whole import is refused naming the first bad rows.
import { parseDecimal } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import { requireCounting } from '../../domain/inventory/count-list.js';
import { modeOf, type ReportMode } from '../../domain/inventory/reporting.js';
import { type Actor, type ServiceContext, type Tx, inTransaction } from '../context.js';
import {
  type ImportScope,
  createImportTable,
  fillImport,
  findBadImportRows,
  finishImportTable,
  writeImportReports,
} from './count-import.repository.js';
import { refreshListStatus, requireInventoryOpen, requireListCounter } from './count-list.service.js';
import { loadInventory, loadList } from './count-list.repository.js';
import { reviewImport } from './tolerance-review.js';

export interface ImportRow {
  itemId: string;
  warehouseId: string;
  zoneId?: string | null | undefined;
  binId?: string | null | undefined;
  lot?: string | undefined;
  serial?: string | undefined;
  /** Counted quantity, primary unit. */
  quantity: string;
}

export interface ImportOptions {
  /** Defaults to the inventory's report type. */
  mode?: ReportMode | undefined;
  device?: string | undefined;
}

const PROBLEMS: Record<string, string> = {
  unknown: 'position is not on this count list (or informational)',
  duplicate: 'position appears more than once in the import',
  serial: 'a serial number is counted as 0 or 1',
  decimals: 'more decimals than the unit allows',
  negative: 'the resulting quantity would be negative',
};

/** Parses the quantities (naming the row) and turns rows into the JSON the temp table is filled from. */
export function importJson(rows: readonly ImportRow[], first = 0): string {
  return JSON.stringify(
    rows.map((r, k) => {
      const i = first + k;
      const q = parseDecimal(r.quantity, `rows.${i}.quantity`);
      return {
        n: i,
        item_id: r.itemId,
        warehouse_id: r.warehouseId,
        zone_id: r.zoneId ?? null,
        bin_id: r.binId ?? null,
        lot: r.lot ?? '',
        serial: r.serial ?? '',
        quantity: q.toFixed(),
      };
    }),
  );
}

/** Refuses the whole import, naming the first bad rows, unless every row may be reported. */
export async function validateImport(trx: Tx, scope: ImportScope, ownerId: string, mode: ReportMode): Promise<void> {
  const bad = await findBadImportRows(trx, scope, ownerId, mode);
  if (bad.length > 0) {
    const first = bad[0]!;
    throw new DomainError(
      first.problem === 'duplicate' ? 'count.import_duplicate' : 'count.import_unknown_position',
      `row ${first.n}: ${PROBLEMS[first.problem] ?? first.problem}`,
      {
        field: `rows.${first.n}`,
        params: { problems: bad.map((b) => ({ row: b.n, problem: b.problem })) },
      },
    );
  }
}

/** Reports every row of the import for the actor; the number of reports written. */
export async function writeImport(
  trx: Tx,
  ctx: ServiceContext,
  actor: Actor,
  scope: ImportScope,
  ownerId: string,
  mode: ReportMode,
  device: string | undefined,
): Promise<number> {
  const reported = await writeImportReports(trx, {
    scope,
    ownerId,
    mode,
    userId: actor.userId === '0' ? null : actor.userId,
    device: device ?? null,
    now: ctx.now(),
  });
  // Imported counts are judged against the tolerance like single reports (docs/tolerances.md).
  await reviewImport(trx, 'countListId' in scope ? [scope.countListId] : scope.listIds, actor);
  return reported;
}

export async function importCounts(
  ctx: ServiceContext,
  actor: Actor,
  countListId: string,
  rows: readonly ImportRow[],
  opts: ImportOptions = {},
): Promise<{ reported: number }> {
  // Parse up front so a bad number names its row; the JSON sent to SQL carries canonical decimals only.
  const json = importJson(rows);
  return inTransaction(ctx, async (trx) => {
    const list = await loadList(trx, countListId, true);
    requireListCounter(actor, list);
    requireCounting(list.status, list.number);
    const inv = await loadInventory(trx, list.inventoryId);
    requireInventoryOpen(inv);
    const mode = opts.mode ?? modeOf(inv.reportType);
    if (rows.length === 0) return { reported: 0 };
    await createImportTable(trx);
    await fillImport(trx, json);
    await finishImportTable(trx);
    const scope = { countListId: list.id };
    await validateImport(trx, scope, inv.ownerId, mode);
    const reported = await writeImport(trx, ctx, actor, scope, inv.ownerId, mode, opts.device);
    await refreshListStatus(trx, ctx, list);
    return { reported };
  });
}
