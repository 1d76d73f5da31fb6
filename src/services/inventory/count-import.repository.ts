// Statements of a bulk count import (counts from a file, a foreign scanner system, the benchmark's rows):
// the rows go into a temporary table with statistics, so the planner joins them to the list lines by hash
// rather than guessing a hundred rows for a function call and probing the list once per row; one query
// validates the whole batch and one statement writes it.
import { type RawBuilder, sql } from 'kysely';
import type { ReportMode } from '../../domain/inventory/reporting.js';
import type { CountListStatus } from '../../domain/inventory/vocabulary.js';
import type { Tx } from '../context.js';

/** Where the imported positions are looked for: one list, or the given live lists of one inventory. */
export type ImportScope = { countListId: string } | { inventoryId: string; listIds: readonly string[] };

/** What one bad row is: the validating query's verdict, in the first rows' order. */
export interface BadImportRow {
  n: number;
  problem: 'unknown' | 'duplicate' | 'serial' | 'decimals' | 'negative';
}

/** `count_import`: the rows of one import, a temporary table dropped with the transaction. */
export async function createImportTable(trx: Tx): Promise<void> {
  await sql`create temp table count_import (n int, item_id bigint, warehouse_id bigint, zone_id bigint, bin_id bigint,
    lot text, serial text, quantity numeric) on commit drop`.execute(trx);
}

/** Adds one batch of rows (the JSON `importJson` made) to `count_import`. */
export async function fillImport(trx: Tx, json: string): Promise<void> {
  await sql`insert into count_import select * from jsonb_to_recordset(${json}::jsonb) as x(n int, item_id bigint, warehouse_id bigint,
    zone_id bigint, bin_id bigint, lot text, serial text, quantity numeric)`.execute(trx);
}

/**
 * After the last batch: a row with a bin but no zone takes the bin's zone (as the request schema says), so
 * it meets the list line, which always carries both; a bin of another warehouse keeps no zone and stays an
 * unknown position. Then the table gets its statistics.
 */
export async function finishImportTable(trx: Tx): Promise<void> {
  await sql`update count_import x set zone_id = b.zone_id from bins b
    where x.zone_id is null and x.bin_id is not null and b.id = x.bin_id and b.warehouse_id = x.warehouse_id`.execute(
    trx,
  );
  await sql`analyze count_import`.execute(trx);
}

/**
 * The imported positions on the scope's lines (n, quantity, and the line's id, serial, status and reported
 * quantity, plus the unit's decimals). An inventory's lists come as a plain equality set of ids (locked by
 * the caller), not a subquery inside the outer join's condition, which PostgreSQL could only run as a
 * filter per candidate line.
 */
function matched(scope: ImportScope, ownerId: string): RawBuilder<unknown> {
  const on =
    'countListId' in scope
      ? sql`cli.count_list_id = ${scope.countListId}`
      : sql`cli.inventory_id = ${scope.inventoryId} and cli.count_list_id = any(${[...scope.listIds]}::bigint[])`;
  return sql`select x.n, x.quantity, cli.id, cli.serial, cli.status, cli.reported_quantity, u.decimals
    from count_import x
    left join count_list_items cli on ${on} and cli.item_id = x.item_id and cli.warehouse_id = x.warehouse_id
      and cli.zone_id is not distinct from x.zone_id and cli.bin_id is not distinct from x.bin_id and cli.lot = x.lot
      and cli.serial = x.serial and cli.owner_id = ${ownerId} and not cli.informational
    left join items it on it.id = x.item_id left join units u on u.code = it.primary_unit`;
}

/** The first ten bad rows of the import (none when every row may be reported). */
export async function findBadImportRows(
  trx: Tx,
  scope: ImportScope,
  ownerId: string,
  mode: ReportMode,
): Promise<BadImportRow[]> {
  const bad = await sql<BadImportRow>`
    select n, problem from (
      select n, case when id is null then 'unknown'
        when count(*) over (partition by id) > 1 or count(*) over (partition by n) > 1 then 'duplicate'
        when serial <> '' and quantity not in (0, 1) then 'serial'
        when scale(quantity) > decimals then 'decimals'
        when (case when ${mode} = 'add' and status = 'reported' then reported_quantity + quantity else quantity end) < 0 then 'negative'
      end as problem from (${matched(scope, ownerId)}) m) c
    where problem is not null order by n limit 10`.execute(trx);
  return bad.rows;
}

/** Reports every imported row: the line's reported quantity and a report record each, in one statement. */
export async function writeImportReports(
  trx: Tx,
  w: {
    scope: ImportScope;
    ownerId: string;
    mode: ReportMode;
    userId: string | null;
    device: string | null;
    now: Date;
  },
): Promise<number> {
  const r = await sql<{ n: string }>`
    with m as (${matched(w.scope, w.ownerId)}),
    upd as (
      update count_list_items c
      set reported_quantity = case when ${w.mode} = 'add' and m.status = 'reported' then m.reported_quantity + m.quantity else m.quantity end,
        status = 'reported'
      from m where c.id = m.id
      returning c.id, c.site_id, c.count_list_id, c.reported_quantity, m.quantity,
        case when m.status = 'reported' then m.reported_quantity end as previous_quantity),
    ins as (
      insert into count_reports (site_id, count_list_id, count_list_item_id, user_id, reported_at, device, quantity, mode, resulting_quantity, previous_quantity)
      select site_id, count_list_id, id, ${w.userId}::bigint, ${w.now}::timestamptz, ${w.device},
        quantity, ${w.mode}, reported_quantity, previous_quantity
      from upd returning 1)
    select count(*) as n from ins`.execute(trx);
  return Number(r.rows[0]?.n ?? 0);
}

/** The inventory's lists in the given statuses, locked for the transaction (none can close under it). */
export async function lockListsOfInventory(
  trx: Tx,
  inventoryId: string,
  statuses: readonly CountListStatus[],
): Promise<Array<{ id: string; number: string; status: CountListStatus }>> {
  return trx
    .selectFrom('countLists')
    .select(['id', 'number', 'status'])
    .where('inventoryId', '=', inventoryId)
    .where('status', 'in', [...statuses])
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Sets each list's status to the one given, in one statement however many lists there are. */
export async function setListStatuses(
  trx: Tx,
  changed: ReadonlyArray<{ id: string; status: CountListStatus }>,
  now: Date,
): Promise<void> {
  if (changed.length === 0) return;
  const json = JSON.stringify(changed.map((c) => ({ id: c.id, status: c.status })));
  await sql`update count_lists c set status = x.status, updated_at = ${now}::timestamptz
    from jsonb_to_recordset(${json}::jsonb) as x(id bigint, status text) where c.id = x.id`.execute(trx);
}
