// Bulk count import (counts from a file, a foreign scanner system or the benchmark's 100,000 items):
// one validating query and one writing statement over the whole batch — never a query per row. Only
// positions already on the list are accepted; the whole import is refused naming the first bad rows.
import { type RawBuilder, sql } from 'kysely';
import { parseDecimal } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import { requireCounting } from '../../domain/inventory/count-list.js';
import { modeOf, type ReportMode } from '../../domain/inventory/reporting.js';
import { type Actor, type ServiceContext, type Tx, inTransaction } from '../context.js';
import {
  loadInventory,
  loadList,
  refreshListStatus,
  requireInventoryOpen,
  requireListCounter,
} from './count-list.service.js';

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

/** `count_import`: the rows of one import, a temporary table the caller fills (fillImport) and analyses. */
export async function createImportTable(trx: Tx): Promise<void> {
  await sql`create temp table count_import (n int, item_id bigint, warehouse_id bigint, zone_id bigint, bin_id bigint,
    lot text, serial text, quantity numeric) on commit drop`.execute(trx);
}

export async function fillImport(trx: Tx, json: string): Promise<void> {
  await sql`insert into count_import select * from jsonb_to_recordset(${json}::jsonb) as x(n int, item_id bigint, warehouse_id bigint,
    zone_id bigint, bin_id bigint, lot text, serial text, quantity numeric)`.execute(trx);
}

/**
 * A row with a bin but no zone takes the bin's zone (as the request schema says), so it meets the list
 * line, which always carries both; a bin of another warehouse keeps no zone and stays an unknown position.
 * Once, after the last batch is filled in.
 */
export async function takeZonesFromBins(trx: Tx): Promise<void> {
  await sql`update count_import x set zone_id = b.zone_id from bins b
    where x.zone_id is null and x.bin_id is not null and b.id = x.bin_id and b.warehouse_id = x.warehouse_id`.execute(
    trx,
  );
}

/**
 * Validates the matched rows (`matched`: n, quantity, and the count-list item's id, serial, status,
 * reported_quantity, plus the unit's decimals) and refuses the whole import naming the first bad rows.
 */
export async function validateImport(trx: Tx, matched: RawBuilder<unknown>, mode: ReportMode): Promise<void> {
  const bad = await sql<{ n: number; problem: string }>`
    select n, problem from (
      select n, case when id is null then 'unknown'
        when count(*) over (partition by id) > 1 or count(*) over (partition by n) > 1 then 'duplicate'
        when serial <> '' and quantity not in (0, 1) then 'serial'
        when scale(quantity) > decimals then 'decimals'
        when (case when ${mode} = 'add' and status = 'reported' then reported_quantity + quantity else quantity end) < 0 then 'negative'
      end as problem from (${matched}) m) c
    where problem is not null order by n limit 10`.execute(trx);
  if (bad.rows.length > 0) {
    const first = bad.rows[0]!;
    throw new DomainError(
      first.problem === 'duplicate' ? 'count.import_duplicate' : 'count.import_unknown_position',
      `row ${first.n}: ${PROBLEMS[first.problem] ?? first.problem}`,
      {
        field: `rows.${first.n}`,
        params: { problems: bad.rows.map((b) => ({ row: b.n, problem: b.problem })) },
      },
    );
  }
}

/** Reports every matched row: the item's reported quantity and a report record each, in one statement. */
export async function writeImport(
  trx: Tx,
  ctx: ServiceContext,
  actor: Actor,
  matched: RawBuilder<unknown>,
  mode: ReportMode,
  device: string | undefined,
): Promise<number> {
  const r = await sql<{ n: string }>`
    with m as (${matched}),
    upd as (
      update count_list_items c
      set reported_quantity = case when ${mode} = 'add' and m.status = 'reported' then m.reported_quantity + m.quantity else m.quantity end,
        status = 'reported'
      from m where c.id = m.id
      returning c.id, c.site_id, c.count_list_id, c.reported_quantity, m.quantity,
        case when m.status = 'reported' then m.reported_quantity end as previous_quantity),
    ins as (
      insert into count_reports (site_id, count_list_id, count_list_item_id, user_id, reported_at, device, quantity, mode, resulting_quantity, previous_quantity)
      select site_id, count_list_id, id, ${actor.userId === '0' ? null : actor.userId}::bigint, ${ctx.now()}::timestamptz, ${device ?? null},
        quantity, ${mode}, reported_quantity, previous_quantity
      from upd returning 1)
    select count(*) as n from ins`.execute(trx);
  return Number(r.rows[0]?.n ?? 0);
}

/** The positions of count_import on the list's items: `scope` narrows the items (one list, or an inventory's live lists). */
export function matchImport(scope: RawBuilder<unknown>, ownerId: string): RawBuilder<unknown> {
  return sql`select x.n, x.quantity, cli.id, cli.serial, cli.status, cli.reported_quantity, u.decimals
    from count_import x
    left join count_list_items cli on ${scope} and cli.item_id = x.item_id and cli.warehouse_id = x.warehouse_id
      and cli.zone_id is not distinct from x.zone_id and cli.bin_id is not distinct from x.bin_id and cli.lot = x.lot
      and cli.serial = x.serial and cli.owner_id = ${ownerId} and not cli.informational
    left join items it on it.id = x.item_id left join units u on u.code = it.primary_unit`;
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
    // The batch goes into a temporary table with statistics, so the planner joins it by hash rather than
    // guessing 100 rows for a function call and looping over the list once per row.
    await createImportTable(trx);
    await fillImport(trx, json);
    await takeZonesFromBins(trx);
    await sql`analyze count_import`.execute(trx);
    const matched = matchImport(sql`cli.count_list_id = ${list.id}`, inv.ownerId);
    await validateImport(trx, matched, mode);
    const reported = await writeImport(trx, ctx, actor, matched, mode, opts.device);
    await refreshListStatus(trx, ctx, list);
    return { reported };
  });
}
