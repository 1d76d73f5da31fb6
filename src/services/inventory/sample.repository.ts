// Every SQL statement of the sample inventory (docs/sampling.md): the type's configuration, the recorded
// design and result, the frame (inventory_sample_positions), and the restrictions of the generation's
// selection (gen_sel, generation.repository.ts) to the positions a draw picked.
import { sql } from 'kysely';
import type { SampleOutcome } from '../../storage/tables/sample-inventory.tables.js';
import type { Tx } from '../context.js';

export interface SampleRow {
  siteId: string;
  inventoryId: string;
  design: unknown;
  generation: unknown;
  result: unknown;
  outcome: SampleOutcome;
  fullCount: boolean;
  createdAt: Date | string;
  updatedAt: Date | string;
  estimatedAt: Date | string | null;
}
export interface FrameRow {
  id: string;
  bookQuantity: string;
  bookValue: string;
}
export interface CountedRow {
  id: string;
  countedValue: string | null;
}
export interface RoleCounts {
  population: number;
  complete: number;
  drawn: number;
}

const PRICE_COLUMN: Record<string, string> = {
  settlement_1: 'it.settlement_price_1',
  settlement_2: 'it.settlement_price_2',
  settlement_3: 'it.settlement_price_3',
  settlement_4: 'it.settlement_price_4',
  settlement_5: 'it.settlement_price_5',
  inventory: 'it.inventory_price',
};

/** The price a sample inventory values a position at: as closing posts its differences (differences.repository.ts). */
function priceOf(valuationPrice: string) {
  const average = sql`coalesce(sv.average_price, it.moving_average_price)`;
  return valuationPrice === 'average' ? average : sql.raw(PRICE_COLUMN[valuationPrice]!);
}

export async function selectTypeSampling(trx: Tx, typeId: string): Promise<unknown> {
  const r = await trx
    .selectFrom('inventoryTypeSampling')
    .select('config')
    .where('typeId', '=', typeId)
    .executeTakeFirst();
  return r?.config;
}

export async function upsertTypeSampling(trx: Tx, typeId: string, config: unknown, now: Date): Promise<void> {
  await trx
    .insertInto('inventoryTypeSampling')
    .values({ typeId, config: JSON.stringify(config), updatedAt: now })
    .onConflict((oc) => oc.column('typeId').doUpdateSet({ config: JSON.stringify(config), updatedAt: now }))
    .execute();
}

export async function deleteTypeSampling(trx: Tx, typeId: string): Promise<void> {
  await trx.deleteFrom('inventoryTypeSampling').where('typeId', '=', typeId).execute();
}

/** Whether the inventory has any count list left (a sample whose lists were all deleted may be drawn again). */
export async function hasCountLists(trx: Tx, inventoryId: string): Promise<boolean> {
  return (
    (await trx
      .selectFrom('countLists')
      .select('id')
      .where('inventoryId', '=', inventoryId)
      .limit(1)
      .executeTakeFirst()) !== undefined
  );
}

/** Removes a recorded sample; its frame goes with it (foreign key, on delete cascade). */
export async function deleteSample(trx: Tx, inventoryId: string): Promise<void> {
  await trx.deleteFrom('inventorySamples').where('inventoryId', '=', inventoryId).execute();
}

export async function selectType(trx: Tx, typeId: string): Promise<{ id: string; method: string } | undefined> {
  return trx.selectFrom('inventoryTypes').select(['id', 'method']).where('id', '=', typeId).executeTakeFirst();
}

export async function selectSample(trx: Tx, inventoryId: string, lock = false): Promise<SampleRow | undefined> {
  let q = trx.selectFrom('inventorySamples').selectAll().where('inventoryId', '=', inventoryId);
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) as SampleRow | undefined;
}

/**
 * `create temp table gen_frame`: the selected positions (gen_sel) with their stock balance, book quantity,
 * price and book value (rounded to cents, as money is everywhere else).
 */
export async function createFrameTable(
  trx: Tx,
  inv: { siteId: string; ownerId: string; valuationPrice: string },
): Promise<FrameRow[]> {
  await sql`
    create temp table gen_frame on commit drop as
    select sb.id, g.item_id, g.warehouse_id, g.zone_id, g.bin_id, g.lot, g.serial, sb.quantity as book_quantity,
      coalesce(${priceOf(inv.valuationPrice)}, 0) as unit_price,
      round(sb.quantity * coalesce(${priceOf(inv.valuationPrice)}, 0), 2) as book_value
    from gen_sel g
    join stock_balances sb on sb.item_id = g.item_id and sb.warehouse_id = g.warehouse_id and sb.zone_id is not distinct from g.zone_id
      and sb.bin_id is not distinct from g.bin_id and sb.lot = g.lot and sb.serial = g.serial and sb.owner_id = ${inv.ownerId}::bigint
    join items it on it.id = g.item_id
    left join stock_valuations sv on sv.item_id = g.item_id and sv.warehouse_id is null
    where g.item_id is not null and not g.on_other`.execute(trx);
  const r =
    await sql<FrameRow>`select id::text as id, book_quantity::text as "bookQuantity", book_value::text as "bookValue" from gen_frame`.execute(
      trx,
    );
  return r.rows;
}

/** Keeps in gen_sel only the frame positions whose ids are given (the drawn and the complete layer). */
export async function keepFramePositions(trx: Tx, ids: readonly string[]): Promise<void> {
  await sql`
    delete from gen_sel g where not exists (
      select 1 from gen_frame f where f.id = any (${`{${ids.join(',')}}`}::bigint[]) and f.item_id = g.item_id and f.warehouse_id = g.warehouse_id
        and f.zone_id is not distinct from g.zone_id and f.bin_id is not distinct from g.bin_id and f.lot = g.lot and f.serial = g.serial)`.execute(
    trx,
  );
}

export async function insertSample(
  trx: Tx,
  inv: { siteId: string; id: string },
  design: unknown,
  generation: unknown,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('inventorySamples')
    .values({
      siteId: inv.siteId,
      inventoryId: inv.id,
      design: JSON.stringify(design),
      generation: JSON.stringify(generation),
      createdAt: now,
      updatedAt: now,
    })
    .execute();
}

/** The whole frame into inventory_sample_positions, each with its role; the drawn get draw 1. */
export async function insertFramePositions(
  trx: Tx,
  inv: { siteId: string; id: string },
  completeIds: readonly string[],
  drawnIds: readonly string[],
): Promise<void> {
  await sql`
    insert into inventory_sample_positions (site_id, inventory_id, stock_balance_id, item_id, warehouse_id, zone_id, bin_id, lot, serial,
      book_quantity, unit_price, book_value, role, draw)
    select ${inv.siteId}::bigint, ${inv.id}::bigint, f.id, f.item_id, f.warehouse_id, f.zone_id, f.bin_id, f.lot, f.serial,
      f.book_quantity, f.unit_price, f.book_value, x.role, case when x.role = 'drawn' then 1 end
    from gen_frame f
    cross join lateral (select case when f.id = any (${`{${completeIds.join(',')}}`}::bigint[]) then 'complete'
      when f.id = any (${`{${drawnIds.join(',')}}`}::bigint[]) then 'drawn' else 'population' end as role) x`.execute(
    trx,
  );
}

export async function selectFrame(trx: Tx, inventoryId: string): Promise<FrameRow[]> {
  const r = await sql<FrameRow>`
    select stock_balance_id::text as id, book_quantity::text as "bookQuantity", book_value::text as "bookValue"
    from inventory_sample_positions where inventory_id = ${inventoryId}::bigint`.execute(trx);
  return r.rows;
}

export async function markDrawn(trx: Tx, inventoryId: string, ids: readonly string[], draw: number): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    update inventory_sample_positions set role = 'drawn', draw = ${draw}
    where inventory_id = ${inventoryId}::bigint and role = 'population' and stock_balance_id = any (${`{${ids.join(',')}}`}::bigint[])`.execute(
    trx,
  );
}

export async function roleCounts(trx: Tx, inventoryId: string): Promise<RoleCounts> {
  const r = await sql<{ role: string; n: string }>`
    select role, count(*) as n from inventory_sample_positions where inventory_id = ${inventoryId}::bigint group by role`.execute(
    trx,
  );
  const get = (role: string) => Number(r.rows.find((x) => x.role === role)?.n ?? 0);
  return { population: get('population'), complete: get('complete'), drawn: get('drawn') };
}

/** Keeps in gen_sel only the positions drawn in `draw` (an extension lists exactly those). */
export async function keepDrawnIn(trx: Tx, inventoryId: string, draw: number): Promise<void> {
  await sql`
    delete from gen_sel g where not exists (
      select 1 from inventory_sample_positions s where s.inventory_id = ${inventoryId}::bigint and s.role = 'drawn' and s.draw = ${draw}
        and s.item_id = g.item_id and s.warehouse_id = g.warehouse_id and s.zone_id is not distinct from g.zone_id
        and s.bin_id is not distinct from g.bin_id and s.lot = g.lot and s.serial = g.serial)`.execute(trx);
}

/** Drops from gen_sel what the sample has listed already (complete layer and every draw): a full count lists the rest. */
export async function dropSampled(trx: Tx, inventoryId: string): Promise<void> {
  await sql`
    delete from gen_sel g where exists (
      select 1 from inventory_sample_positions s where s.inventory_id = ${inventoryId}::bigint and s.role <> 'population'
        and s.item_id = g.item_id and s.warehouse_id = g.warehouse_id and s.zone_id is not distinct from g.zone_id
        and s.bin_id is not distinct from g.bin_id and s.lot = g.lot and s.serial = g.serial)`.execute(trx);
}

/**
 * The counted value of every drawn and complete-layer position: the reported quantity of its latest
 * count-list line times the price recorded at the draw (the book value's price, so a difference between
 * them is a count difference, not a price change). Null when the line is missing or not reported.
 */
export async function selectCountedValues(trx: Tx, inventoryId: string): Promise<CountedRow[]> {
  const r = await sql<CountedRow>`
    select s.stock_balance_id::text as id, round(l.reported_quantity * s.unit_price, 2)::text as "countedValue"
    from inventory_sample_positions s
    left join lateral (
      select ci.reported_quantity from count_list_items ci
      where ci.inventory_id = s.inventory_id and not ci.informational and ci.item_id = s.item_id and ci.warehouse_id = s.warehouse_id
        and ci.zone_id is not distinct from s.zone_id and ci.bin_id is not distinct from s.bin_id and ci.lot = s.lot and ci.serial = s.serial
      order by ci.id desc limit 1
    ) l on true
    where s.inventory_id = ${inventoryId}::bigint and s.role <> 'population'`.execute(trx);
  return r.rows;
}

export async function updateSample(
  trx: Tx,
  inventoryId: string,
  set: { design?: unknown; result?: unknown; outcome: SampleOutcome; fullCount?: boolean; estimatedAt?: Date | null },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('inventorySamples')
    .set({
      ...(set.design !== undefined ? { design: JSON.stringify(set.design) } : {}),
      ...(set.result !== undefined ? { result: set.result === null ? null : JSON.stringify(set.result) } : {}),
      ...(set.fullCount !== undefined ? { fullCount: set.fullCount } : {}),
      ...(set.estimatedAt !== undefined ? { estimatedAt: set.estimatedAt } : {}),
      outcome: set.outcome,
      updatedAt: now,
    })
    .where('inventoryId', '=', inventoryId)
    .execute();
}
