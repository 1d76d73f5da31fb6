// Statements of a chunked count-list generation (migration 0106): the kept plan (run, lists, positions),
// one chunk's lists and lines written from it, and the end or failure of a run. Functions take the
// caller's transaction first; no rules, no authorisation (generation-job.service.ts holds those).
import { type Selectable, sql } from 'kysely';
import type { GenerationRunsTable } from '../../storage/tables/generation-runs.tables.js';
import type { Tx } from '../context.js';

export type GenerationRunRow = Selectable<GenerationRunsTable>;
export interface RunKey {
  siteId: string;
  inventoryId: string;
}

export async function findRun(trx: Tx, k: RunKey, lock = false): Promise<GenerationRunRow | undefined> {
  let q = trx
    .selectFrom('generationRuns')
    .selectAll()
    .where('siteId', '=', k.siteId)
    .where('inventoryId', '=', k.inventoryId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The run of an inventory, whichever site: the inventory id alone names it (inventories are unique by id). */
export async function findRunOfInventory(trx: Tx, inventoryId: string): Promise<GenerationRunRow | undefined> {
  return trx.selectFrom('generationRuns').selectAll().where('inventoryId', '=', inventoryId).executeTakeFirst();
}

/** Whether any list the run planned exists (written by a chunk and not deleted since). */
export async function runHasLists(trx: Tx, k: RunKey): Promise<boolean> {
  const r = await trx
    .selectFrom('generationRunLists as gl')
    .innerJoin('countLists as cl', (j) =>
      j.onRef('cl.inventoryId', '=', 'gl.inventoryId').onRef('cl.number', '=', 'gl.number'),
    )
    .select('cl.id')
    .where('gl.siteId', '=', k.siteId)
    .where('gl.inventoryId', '=', k.inventoryId)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

export async function deleteRun(trx: Tx, k: RunKey): Promise<void> {
  await trx
    .deleteFrom('generationRuns')
    .where('siteId', '=', k.siteId)
    .where('inventoryId', '=', k.inventoryId)
    .execute();
}

export interface NewRun extends RunKey {
  params: unknown;
  positions: number;
  skippedOnOtherList: number;
  skippedOverMaxLists: number;
  createdBy: string | null;
  now: Date;
}

/**
 * Keeps the plan of gen_pos (the split of generation.repository.ts, in this transaction) with every list's number
 * and chunk: a chunk is consecutive lists of about `chunkPositions` lines together (a list is never split).
 * Returns the number of chunks.
 */
export async function insertRunPlan(
  trx: Tx,
  run: NewRun,
  numbers: { first: number; prefix: string; width: number },
  chunkPositions: number,
): Promise<number> {
  await trx
    .insertInto('generationRuns')
    .values({
      siteId: run.siteId,
      inventoryId: run.inventoryId,
      params: JSON.stringify(run.params),
      status: 'queued',
      chunks: 1,
      positions: run.positions,
      skippedOnOtherList: run.skippedOnOtherList,
      skippedOverMaxLists: run.skippedOverMaxLists,
      createdBy: run.createdBy,
      createdAt: run.now,
      updatedAt: run.now,
    })
    .execute();
  await sql`
    insert into generation_run_lists (site_id, inventory_id, list_no, chunk_no, number, items, informational)
    select ${run.siteId}::bigint, ${run.inventoryId}::bigint, list_no, dense_rank() over (order by before::bigint / ${chunkPositions}::int) - 1,
      ${numbers.prefix}::text || lpad(v::text, greatest(${numbers.width}::int, length(v::text)), '0'), items, info
    from (
      select list_no, items, info, ${numbers.first}::bigint + list_no - 1 as v,
        coalesce(sum(items) over (order by list_no rows between unbounded preceding and 1 preceding), 0) as before
      from (select list_no, count(*) as items, count(*) filter (where informational) as info from gen_pos group by list_no) c
    ) x`.execute(trx);
  await sql`
    insert into generation_run_positions (site_id, inventory_id, list_no, line_no, item_id, warehouse_id, zone_id, bin_id,
      lot, serial, wh_responsible, informational)
    select ${run.siteId}::bigint, ${run.inventoryId}::bigint, list_no, line_no, item_id, warehouse_id, zone_id, bin_id,
      lot, serial, wh_responsible, informational
    from gen_pos`.execute(trx);
  const r = await trx
    .selectFrom('generationRunLists')
    .select((eb) => eb.fn.max('chunkNo').as('last'))
    .where('siteId', '=', run.siteId)
    .where('inventoryId', '=', run.inventoryId)
    .executeTakeFirst();
  const chunks = Number(r?.last ?? 0) + 1;
  await trx
    .updateTable('generationRuns')
    .set({ chunks })
    .where('siteId', '=', run.siteId)
    .where('inventoryId', '=', run.inventoryId)
    .execute();
  return chunks;
}

export async function setRunQueued(trx: Tx, k: RunKey, jobId: string, now: Date): Promise<void> {
  await trx
    .updateTable('generationRuns')
    .set({ status: 'queued', jobId, reason: null, updatedAt: now })
    .where('siteId', '=', k.siteId)
    .where('inventoryId', '=', k.inventoryId)
    .execute();
}

export interface ChunkWrite extends RunKey {
  chunkNo: number;
  name: string;
  countType: string;
  registrationDate: string;
  countDate: string | null;
  /** 'warehouse': each list's first line's warehouse responsible; else this fixed employee. */
  responsibleFromWarehouse: boolean;
  responsibleUserId: string | null;
  ownerId: string;
  now: Date;
}

/**
 * Writes one chunk's lists (status partially_generated until the whole run is written) and their lines
 * from the plan; returns the new lists' ids and how many lines were written.
 */
export async function writeChunk(trx: Tx, c: ChunkWrite): Promise<{ listIds: string[]; lines: number }> {
  const resp = c.responsibleFromWarehouse
    ? sql`(select p.wh_responsible from generation_run_positions p where p.site_id = gl.site_id and p.inventory_id = gl.inventory_id
        and p.list_no = gl.list_no order by p.line_no limit 1)`
    : sql`${c.responsibleUserId}::bigint`;
  const created = (
    await sql<{ id: string }>`
    insert into count_lists (site_id, inventory_id, number, name, count_type, status, registration_date, count_date,
      responsible_user_id, warehouse_id, created_at, updated_at)
    select gl.site_id, gl.inventory_id, gl.number, ${c.name}, ${c.countType}, 'partially_generated', ${c.registrationDate}::date,
      ${c.countDate}::date, ${resp},
      (select case when count(distinct p.warehouse_id) = 1 then min(p.warehouse_id) end from generation_run_positions p
        where p.site_id = gl.site_id and p.inventory_id = gl.inventory_id and p.list_no = gl.list_no),
      ${c.now}::timestamptz, ${c.now}::timestamptz
    from generation_run_lists gl
    where gl.site_id = ${c.siteId}::bigint and gl.inventory_id = ${c.inventoryId}::bigint and gl.chunk_no = ${c.chunkNo}::int
    order by gl.list_no
    returning id`.execute(trx)
  ).rows;
  const items = await sql`
    insert into count_list_items (site_id, inventory_id, count_list_id, line_no, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, informational)
    select p.site_id, p.inventory_id, cl.id, p.line_no, p.item_id, p.warehouse_id, p.zone_id, p.bin_id, p.lot, p.serial, ${c.ownerId}::bigint, p.informational
    from generation_run_lists gl
    join generation_run_positions p on p.site_id = gl.site_id and p.inventory_id = gl.inventory_id and p.list_no = gl.list_no
    join count_lists cl on cl.inventory_id = gl.inventory_id and cl.number = gl.number
    where gl.site_id = ${c.siteId}::bigint and gl.inventory_id = ${c.inventoryId}::bigint and gl.chunk_no = ${c.chunkNo}::int`.execute(
    trx,
  );
  return { listIds: created.map((r) => String(r.id)), lines: Number(items.numAffectedRows ?? 0) };
}

export async function markChunkDone(trx: Tx, k: RunKey, lines: number, now: Date): Promise<void> {
  await trx
    .updateTable('generationRuns')
    .set((eb) => ({
      chunksDone: eb('chunksDone', '+', 1),
      positionsDone: eb('positionsDone', '+', lines),
      status: 'running',
      updatedAt: now,
    }))
    .where('siteId', '=', k.siteId)
    .where('inventoryId', '=', k.inventoryId)
    .execute();
}

export async function setRunRunning(trx: Tx, k: RunKey, now: Date): Promise<void> {
  await trx
    .updateTable('generationRuns')
    .set({ status: 'running', updatedAt: now })
    .where('siteId', '=', k.siteId)
    .where('inventoryId', '=', k.inventoryId)
    .execute();
}

/** A failed chunk: the run and the lists written so far keep the reason. */
export async function markRunFailed(trx: Tx, k: RunKey, reason: string, now: Date): Promise<void> {
  await trx
    .updateTable('generationRuns')
    .set({ status: 'failed', reason, updatedAt: now })
    .where('siteId', '=', k.siteId)
    .where('inventoryId', '=', k.inventoryId)
    .execute();
  await sql`
    update count_lists cl set status_reason = ${reason}, updated_at = ${now}::timestamptz
    from generation_run_lists gl
    where gl.site_id = ${k.siteId}::bigint and gl.inventory_id = ${k.inventoryId}::bigint
      and cl.inventory_id = gl.inventory_id and cl.number = gl.number and cl.status = 'partially_generated'`.execute(
    trx,
  );
}

export interface FinishedList {
  id: string;
  number: string;
  items: number;
  informational: number;
  warehouseId: string | null;
  responsibleUserId: string | null;
}

/** The whole run is written: its lists become created, and the plan is removed. Returns the lists in order. */
export async function finishRun(trx: Tx, k: RunKey, now: Date): Promise<FinishedList[]> {
  await sql`
    update count_lists cl set status = 'created', status_reason = null, updated_at = ${now}::timestamptz
    from generation_run_lists gl
    where gl.site_id = ${k.siteId}::bigint and gl.inventory_id = ${k.inventoryId}::bigint
      and cl.inventory_id = gl.inventory_id and cl.number = gl.number and cl.status = 'partially_generated'`.execute(
    trx,
  );
  const lists = await trx
    .selectFrom('generationRunLists as gl')
    .innerJoin('countLists as cl', (j) =>
      j.onRef('cl.inventoryId', '=', 'gl.inventoryId').onRef('cl.number', '=', 'gl.number'),
    )
    .select(['cl.id', 'cl.number', 'gl.items', 'gl.informational', 'cl.warehouseId', 'cl.responsibleUserId'])
    .where('gl.siteId', '=', k.siteId)
    .where('gl.inventoryId', '=', k.inventoryId)
    .orderBy('gl.listNo')
    .execute();
  await deleteRun(trx, k);
  return lists.map((l) => ({ ...l, items: Number(l.items), informational: Number(l.informational) }));
}

export async function setGenerationParams(trx: Tx, inventoryId: string, params: unknown): Promise<void> {
  await trx
    .updateTable('inventories')
    .set({ generationParams: JSON.stringify(params) })
    .where('id', '=', inventoryId)
    .execute();
}
