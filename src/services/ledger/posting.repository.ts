// Set-based SQL of a posting. Every statement takes the lines as one jsonb array read with
// jsonb_to_recordset, so a 50,000-line inventory close costs a handful of statements, not one per line.
import { sql } from 'kysely';
import { Dec, decText } from '../../domain/decimal.js';
import type {
  BalanceChange,
  ItemFacts,
  LotConsumption,
  Plan,
  PlaceFacts,
  PostingLine,
  Valuation,
  ValuationChange,
} from '../../domain/ledger/index.js';
import { positionKey, valuationKey } from '../../domain/ledger/index.js';
import type { Tx } from '../context.js';

/** Rows per INSERT: keeps one statement's parameter a few MB at most. */
export const BATCH = 5000;

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;
const uniq = (xs: (string | null)[]): string[] => [...new Set(xs.filter((x): x is string => x !== null))];

function chunks<T>(xs: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

export async function loadPlaceFacts(trx: Tx, lines: PostingLine[]): Promise<PlaceFacts> {
  const ids = (pick: (l: PostingLine) => string | null) => uniq(lines.map(pick));
  const [items, warehouses, zones, bins] = await Promise.all([
    trx
      .selectFrom('items')
      .select(['id', 'code', 'lotManagement', 'serialManagement'])
      .where(sql<boolean>`id = any(${ids((l) => l.itemId)}::bigint[])`)
      .execute(),
    trx
      .selectFrom('warehouses')
      .select(['id', 'code', 'siteId', 'kind', 'allowNegative'])
      .where(sql<boolean>`id = any(${ids((l) => l.warehouseId)}::bigint[])`)
      .execute(),
    trx
      .selectFrom('zones')
      .select(['id', 'code', 'warehouseId', 'structured', 'usage'])
      .where(sql<boolean>`id = any(${ids((l) => l.zoneId)}::bigint[])`)
      .execute(),
    trx
      .selectFrom('bins')
      .select(['id', 'code', 'warehouseId', 'zoneId'])
      .where(sql<boolean>`id = any(${ids((l) => l.binId)}::bigint[])`)
      .execute(),
  ]);
  return {
    items: new Map(items.map((i): [string, ItemFacts] => [i.id, i])),
    warehouses: new Map(warehouses.map((w) => [w.id, w])),
    zones: new Map(zones.map((z) => [z.id, z])),
    bins: new Map(bins.map((b) => [b.id, b])),
  };
}

/** The accounting period holding `date`: undefined when none does; `anyDefined` false on a fresh install. */
export async function periodOf(
  trx: Tx,
  date: string,
): Promise<{ anyDefined: boolean; period?: { id: string; code: string; status: 'open' | 'closed' } }> {
  const any = await trx.selectFrom('accountingPeriods').select('id').limit(1).executeTakeFirst();
  if (!any) return { anyDefined: false };
  const period = await trx
    .selectFrom('accountingPeriods')
    .select(['id', 'code', 'status'])
    .where('startDate', '<=', date)
    .where('endDate', '>=', date)
    .orderBy('startDate')
    .executeTakeFirst();
  return period ? { anyDefined: true, period } : { anyDefined: true };
}

export interface LockHit {
  countListId: string;
  lineIndex: number;
  lockId: string;
}

/** The first stock lock of another count list that a line touches (same rule as domain lineTouchesLock). */
export async function findLock(trx: Tx, lines: PostingLine[], ownCountList?: string): Promise<LockHit | undefined> {
  const seen = new Map<
    string,
    { i: number; item_id: string; warehouse_id: string; zone_id: string | null; bin_id: string | null }
  >();
  for (const l of lines) {
    const k = `${l.itemId}|${l.warehouseId}|${l.zoneId}|${l.binId}`;
    if (!seen.has(k))
      seen.set(k, { i: l.index, item_id: l.itemId, warehouse_id: l.warehouseId, zone_id: l.zoneId, bin_id: l.binId });
  }
  // One index probe per line and kind of lock (stock_locks_lookup_idx: warehouse, item, bin): an item lock
  // at the bin or bin-less, a whole-bin lock, a whole zone/warehouse lock. Written as `(item is null or
  // item = …)` the join matched every lock of the warehouse for every posting — closing 2,000 lists of a
  // million positions spent most of its time here.
  const own = sql`${ownCountList ?? null}::bigint`;
  const fits = sql`(l.zone_id is null or l.zone_id = x.zone_id) and (${own} is null or l.count_list_id <> ${own})`;
  const { rows } = await sql<{ countListId: string; i: number; id: string }>`
    select l.count_list_id, l.id, x.i
    from jsonb_to_recordset(${json([...seen.values()])}) as x(i int, item_id bigint, warehouse_id bigint, zone_id bigint, bin_id bigint)
    cross join lateral (
      select l.id, l.count_list_id from stock_locks l
        where l.warehouse_id = x.warehouse_id and l.item_id = x.item_id and l.bin_id = x.bin_id and ${fits}
      union all
      select l.id, l.count_list_id from stock_locks l
        where l.warehouse_id = x.warehouse_id and l.item_id = x.item_id and l.bin_id is null and ${fits}
      union all
      select l.id, l.count_list_id from stock_locks l
        where l.warehouse_id = x.warehouse_id and l.item_id is null and l.bin_id = x.bin_id and ${fits}
      union all
      select l.id, l.count_list_id from stock_locks l
        where l.warehouse_id = x.warehouse_id and l.item_id is null and l.bin_id is null and ${fits}
    ) l
    order by x.i, l.id
    limit 1`.execute(trx);
  const hit = rows[0];
  return hit ? { countListId: String(hit.countListId), lineIndex: hit.i, lockId: String(hit.id) } : undefined;
}

/**
 * Creates missing valuation rows and locks the valuations of every item of the posting, in item order.
 * Taken before any balance lock, so two postings sharing an item serialise here and never deadlock.
 */
export async function lockValuations(trx: Tx, now: Date, lines: PostingLine[]): Promise<Map<string, Valuation>> {
  const wanted = new Map<string, { item_id: string; warehouse_id: string | null }>();
  for (const l of lines) {
    wanted.set(valuationKey(l.itemId, null), { item_id: l.itemId, warehouse_id: null });
    wanted.set(valuationKey(l.itemId, l.warehouseId), { item_id: l.itemId, warehouse_id: l.warehouseId });
  }
  // A first movement starts from the item's moving average as the item master holds it.
  await sql`
    insert into stock_valuations (item_id, warehouse_id, site_id, quantity, average_price, updated_at)
    select x.item_id, x.warehouse_id, w.site_id, 0, i.moving_average_price, ${now}
    from jsonb_to_recordset(${json([...wanted.values()])}) as x(item_id bigint, warehouse_id bigint)
    join items i on i.id = x.item_id
    left join warehouses w on w.id = x.warehouse_id
    order by x.item_id, x.warehouse_id nulls first
    on conflict (item_id, warehouse_id) do nothing`.execute(trx);
  const itemIds = uniq(lines.map((l) => l.itemId));
  const { rows } = await sql<{ itemId: string; warehouseId: string | null; quantity: string; averagePrice: string }>`
    select item_id, warehouse_id, quantity, average_price from stock_valuations
    where item_id = any(${itemIds}::bigint[])
    order by item_id, warehouse_id nulls first
    for update`.execute(trx);
  return new Map(
    rows.map((r) => [
      valuationKey(String(r.itemId), r.warehouseId === null ? null : String(r.warehouseId)),
      { quantity: new Dec(r.quantity), average: new Dec(r.averagePrice) },
    ]),
  );
}

/** Locks the existing balance rows of the posting's positions in id order and returns their quantities. */
export interface LockedBalance {
  id: string;
  quantity: Dec;
}

export async function lockBalances(trx: Tx, lines: PostingLine[]): Promise<Map<string, LockedBalance>> {
  const positions = new Map<string, object>();
  for (const l of lines) {
    if (l.quantity.isZero()) continue;
    positions.set(positionKey(l), {
      item_id: l.itemId,
      warehouse_id: l.warehouseId,
      zone_id: l.zoneId,
      bin_id: l.binId,
      lot: l.lot,
      serial: l.serial,
      owner_id: l.ownerId,
    });
  }
  const out = new Map<string, LockedBalance>();
  if (positions.size === 0) return out;
  const { rows } = await sql<{
    id: string;
    itemId: string;
    warehouseId: string;
    zoneId: string | null;
    binId: string | null;
    lot: string;
    serial: string;
    ownerId: string;
    quantity: string;
  }>`
    select b.id, b.item_id, b.warehouse_id, b.zone_id, b.bin_id, b.lot, b.serial, b.owner_id, b.quantity
    from stock_balances b
    join jsonb_to_recordset(${json([...positions.values()])})
      as x(item_id bigint, warehouse_id bigint, zone_id bigint, bin_id bigint, lot text, serial text, owner_id bigint)
      on b.item_id = x.item_id and b.warehouse_id = x.warehouse_id and coalesce(b.zone_id, 0) = coalesce(x.zone_id, 0)
      and coalesce(b.bin_id, 0) = coalesce(x.bin_id, 0) and b.lot = x.lot and b.serial = x.serial and b.owner_id = x.owner_id
    order by b.id
    for update of b`.execute(trx);
  for (const r of rows) {
    const s = (v: string | null) => (v === null ? null : String(v));
    out.set(
      positionKey({
        itemId: String(r.itemId),
        warehouseId: String(r.warehouseId),
        zoneId: s(r.zoneId),
        binId: s(r.binId),
        lot: r.lot,
        serial: r.serial,
        ownerId: String(r.ownerId),
      }),
      { id: String(r.id), quantity: new Dec(r.quantity) },
    );
  }
  return out;
}

export interface EntryHeader {
  siteId: string;
  keyCode: string;
  postingDate: string;
  originType: string;
  originId: string | null;
  costCentre: string | null;
  userId: string | null;
  now: Date;
  /** Transfer group of each line (by line index); empty for other postings. */
  transferGroups: ReadonlyMap<number, string>;
}

export async function insertEntries(trx: Tx, h: EntryHeader, plan: Plan): Promise<string[]> {
  const ids: string[] = [];
  for (const part of chunks(plan.entries)) {
    const rows = part.map((e) => ({
      i: e.line.index,
      item_id: e.line.itemId,
      warehouse_id: e.line.warehouseId,
      zone_id: e.line.zoneId,
      bin_id: e.line.binId,
      lot: e.line.lot,
      serial: e.line.serial,
      owner_id: e.line.ownerId,
      quantity: decText(e.line.quantity),
      value: decText(e.value),
      unit_price: decText(e.unitPrice),
      transfer_group: h.transferGroups.get(e.line.index) ?? null,
      reason_code: e.line.reasonCode,
    }));
    const { rows: inserted } = await sql<{ id: string }>`
      insert into stock_ledger (site_id, key_code, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, quantity, value,
        unit_price, posting_date, origin_type, origin_id, transfer_group, cost_centre, user_id, created_at, reason_code)
      select ${h.siteId}::bigint, ${h.keyCode}, x.item_id, x.warehouse_id, x.zone_id, x.bin_id, x.lot, x.serial, x.owner_id, x.quantity, x.value,
        x.unit_price, ${h.postingDate}::date, ${h.originType}, ${h.originId}, x.transfer_group, ${h.costCentre}, ${h.userId}::bigint, ${h.now},
        x.reason_code
      from jsonb_to_recordset(${json(rows)}) as x(i int, item_id bigint, warehouse_id bigint, zone_id bigint, bin_id bigint, lot text,
        serial text, owner_id bigint, quantity numeric, value numeric, unit_price numeric, transfer_group bigint, reason_code text)
      order by x.i
      returning id`.execute(trx);
    for (const r of inserted) ids.push(String(r.id));
  }
  return ids;
}

/**
 * Adds the posting's deltas to the balance rows. Rows locked before are updated by id (no foreign-key checks,
 * which dominate the cost of large postings); missing positions are inserted on the nulls-not-distinct key.
 */
export async function upsertBalances(
  trx: Tx,
  siteId: string,
  now: Date,
  changes: BalanceChange[],
  existing: Map<string, LockedBalance>,
): Promise<void> {
  const known = changes.filter((c) => existing.has(c.key));
  const fresh = changes.filter((c) => !existing.has(c.key));
  for (const part of chunks(known)) {
    const rows = part.map((c) => ({
      id: existing.get(c.key)!.id,
      delta: decText(c.delta),
      ever_nonzero: c.everNonzero,
      movements: c.movements,
    }));
    await sql`
      update stock_balances b set quantity = b.quantity + x.delta, ever_nonzero = b.ever_nonzero or x.ever_nonzero,
        movements_since_count = b.movements_since_count + x.movements, updated_at = ${now}
      from jsonb_to_recordset(${json(rows)}) as x(id bigint, delta numeric, ever_nonzero boolean, movements int)
      where b.id = x.id`.execute(trx);
  }
  for (const part of chunks(fresh)) {
    const rows = part.map((c) => ({
      item_id: c.itemId,
      warehouse_id: c.warehouseId,
      zone_id: c.zoneId,
      bin_id: c.binId,
      lot: c.lot,
      serial: c.serial,
      owner_id: c.ownerId,
      delta: decText(c.delta),
      ever_nonzero: c.everNonzero,
      movements: c.movements,
    }));
    await sql`
      insert into stock_balances as b (site_id, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, quantity, ever_nonzero,
        movements_since_count, updated_at)
      select ${siteId}::bigint, x.item_id, x.warehouse_id, x.zone_id, x.bin_id, x.lot, x.serial, x.owner_id, x.delta, x.ever_nonzero, x.movements, ${now}
      from jsonb_to_recordset(${json(rows)}) as x(item_id bigint, warehouse_id bigint, zone_id bigint, bin_id bigint, lot text, serial text,
        owner_id bigint, delta numeric, ever_nonzero boolean, movements int)
      on conflict (item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id) do update set
        quantity = b.quantity + excluded.quantity,
        ever_nonzero = b.ever_nonzero or excluded.ever_nonzero,
        movements_since_count = b.movements_since_count + excluded.movements_since_count,
        updated_at = excluded.updated_at`.execute(trx);
  }
}

/** Writes new valuations and the item master's moving average; marks the items as having movements. */
export async function saveValuations(trx: Tx, now: Date, changes: ValuationChange[]): Promise<void> {
  for (const part of chunks(changes)) {
    const rows = part.map((v) => ({
      item_id: v.itemId,
      warehouse_id: v.warehouseId,
      quantity: decText(v.after.quantity),
      average: decText(v.after.average),
    }));
    await sql`
      update stock_valuations v set quantity = x.quantity, average_price = x.average, updated_at = ${now}
      from jsonb_to_recordset(${json(rows)}) as x(item_id bigint, warehouse_id bigint, quantity numeric, average numeric)
      where v.item_id = x.item_id and coalesce(v.warehouse_id, 0) = coalesce(x.warehouse_id, 0)`.execute(trx);
    const items = rows.filter((r) => r.warehouse_id === null);
    // updated_at of the item stays: it tracks master-data edits, and the average is the ledger's, not the user's.
    await sql`
      update items i set moving_average_price = x.average, has_ledger_entries = true
      from jsonb_to_recordset(${json(items)}) as x(item_id bigint, average numeric)
      where i.id = x.item_id`.execute(trx);
  }
}

/** Records every lot the posting names; an expiry date given on receipt fills a lot that has none yet. */
export async function upsertLots(trx: Tx, now: Date, lines: PostingLine[]): Promise<void> {
  const lots = new Map<string, { item_id: string; code: string; expiry_date: string | null }>();
  for (const l of lines) {
    if (l.lot === '') continue;
    const k = `${l.itemId}|${l.lot}`;
    const prev = lots.get(k);
    if (!prev || (prev.expiry_date === null && l.expiryDate !== null))
      lots.set(k, { item_id: l.itemId, code: l.lot, expiry_date: l.expiryDate });
  }
  for (const part of chunks([...lots.values()])) {
    await sql`
      insert into lots as t (item_id, code, expiry_date, created_at)
      select x.item_id, x.code, x.expiry_date, ${now}
      from jsonb_to_recordset(${json(part)}) as x(item_id bigint, code text, expiry_date date)
      order by x.item_id, x.code
      on conflict (item_id, code) do update set expiry_date = excluded.expiry_date
        where t.expiry_date is null and excluded.expiry_date is not null`.execute(trx);
  }
}

/** `count` new transfer-group numbers in one statement. */
export async function nextTransferGroups(trx: Tx, count: number): Promise<string[]> {
  const { rows } = await sql<{
    g: string;
  }>`select nextval('stock_ledger_transfer_group_seq') as g from generate_series(1, ${count}::int) order by 1`.execute(
    trx,
  );
  return rows.map((r) => String(r.g));
}

/** Lot consumption order (fifo, fefo, …) of the items. */
export async function loadLotConsumption(trx: Tx, itemIds: string[]): Promise<Map<string, LotConsumption>> {
  const rows = await trx.selectFrom('items').select(['id', 'lotConsumption']).where('id', 'in', itemIds).execute();
  return new Map(rows.map((r) => [String(r.id), r.lotConsumption as LotConsumption]));
}

/** Code and availability check modes (item and lot) of the items. */
export async function loadAvailabilityChecks(trx: Tx, itemIds: string[]) {
  return trx
    .selectFrom('items')
    .select(['id', 'code', 'availabilityCheck', 'lotAvailabilityCheck'])
    .where(sql<boolean>`id = any(${itemIds}::bigint[])`)
    .execute();
}

export interface AvailabilityProbe {
  i: number;
  itemId: string;
  warehouseId: string;
  ownerId: string;
  lot: string | null;
}

/**
 * On hand and open reservations per probe, in one statement: in the warehouse, for the owner, of the lot
 * when the probe names one (else of every lot). Keyed by the probe's `i`.
 */
export async function sumAvailability(
  trx: Tx,
  probes: AvailabilityProbe[],
): Promise<Map<number, { onHand: string; reserved: string }>> {
  const { rows } = await sql<{ i: number; onHand: string; reserved: string }>`
    select x.i,
      (select coalesce(sum(b.quantity), 0) from stock_balances b where b.item_id = x.item_id and b.warehouse_id = x.warehouse_id
        and b.owner_id = x.owner_id and (x.lot is null or b.lot = x.lot))::text as on_hand,
      (select coalesce(sum(r.quantity), 0) from reservations r where r.status = 'open' and r.item_id = x.item_id
        and r.warehouse_id = x.warehouse_id and r.owner_id = x.owner_id and (x.lot is null or r.lot = x.lot))::text as reserved
    from jsonb_to_recordset(${json(probes.map((n) => ({ i: n.i, item_id: n.itemId, warehouse_id: n.warehouseId, owner_id: n.ownerId, lot: n.lot })))})
      as x(i int, item_id bigint, warehouse_id bigint, owner_id bigint, lot text)
    order by x.i`.execute(trx);
  return new Map(rows.map((r) => [Number(r.i), r]));
}
