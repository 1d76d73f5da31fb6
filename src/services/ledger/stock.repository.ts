// SQL of reading stock (balances, ledger entries, lots) and of rebuilding the balance table from the ledger.
import { sql } from 'kysely';
import type { Tx } from '../context.js';
import { siteIs } from '../site-scope.repository.js';
import type { SiteScope } from '../site-scope.js';

export interface BalanceFilter {
  siteId?: string | undefined;
  itemId?: string | undefined;
  warehouseId?: string | undefined;
  zoneId?: string | undefined;
  binId?: string | undefined;
  lot?: string | undefined;
  serial?: string | undefined;
  ownerId?: string | undefined;
  /** Only positions holding stock (quantity ≠ 0). */
  nonZero?: boolean | undefined;
  limit: number;
  offset: number;
}

export interface BalanceView {
  id: string;
  siteId: string;
  itemId: string;
  itemCode: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  binCode: string | null;
  lot: string;
  serial: string;
  ownerId: string;
  quantity: string;
  everNonzero: boolean;
  lastCountedDate: string | null;
  movementsSinceCount: number;
}

export async function selectBalances(db: Tx, scope: SiteScope, f: BalanceFilter): Promise<BalanceView[]> {
  let q = db
    .selectFrom('stockBalances as b')
    .innerJoin('items as i', 'i.id', 'b.itemId')
    .leftJoin('bins as n', 'n.id', 'b.binId')
    .select([
      'b.id',
      'b.siteId',
      'b.itemId',
      'i.code as itemCode',
      'b.warehouseId',
      'b.zoneId',
      'b.binId',
      'n.code as binCode',
      'b.lot',
      'b.serial',
      'b.ownerId',
      'b.quantity',
      'b.everNonzero',
      'b.lastCountedDate',
      'b.movementsSinceCount',
    ])
    .orderBy('i.code')
    .orderBy('b.warehouseId')
    .orderBy('n.code')
    .orderBy('b.lot')
    .orderBy('b.serial')
    .orderBy('b.id')
    .where(siteIs('b.siteId', scope))
    .limit(f.limit)
    .offset(f.offset);
  if (f.siteId) q = q.where('b.siteId', '=', f.siteId);
  if (f.itemId) q = q.where('b.itemId', '=', f.itemId);
  if (f.warehouseId) q = q.where('b.warehouseId', '=', f.warehouseId);
  if (f.zoneId) q = q.where('b.zoneId', '=', f.zoneId);
  if (f.binId) q = q.where('b.binId', '=', f.binId);
  if (f.lot !== undefined) q = q.where('b.lot', '=', f.lot);
  if (f.serial !== undefined) q = q.where('b.serial', '=', f.serial);
  if (f.ownerId) q = q.where('b.ownerId', '=', f.ownerId);
  if (f.nonZero) q = q.where('b.quantity', '<>', '0');
  return q.execute();
}

/** Sort keys of the ledger listing: entry (id, the default: posting order), date, item, place, quantity, value. */
export const LEDGER_SORTS = ['entry', 'date', 'item', 'place', 'quantity', 'value'] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

export interface LedgerFilter {
  siteId?: string | undefined;
  itemId?: string | undefined;
  warehouseId?: string | undefined;
  zoneId?: string | undefined;
  binId?: string | undefined;
  lot?: string | undefined;
  keyCode?: string | undefined;
  originType?: string | undefined;
  originId?: string | undefined;
  transferGroup?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
  /** Only these entries (e.g. the entryIds a posting returned). */
  ids?: string[] | undefined;
  sort?: LedgerSort | undefined;
  dir?: 'asc' | 'desc' | undefined;
}

export interface LedgerEntryView {
  id: string;
  siteId: string;
  keyCode: string;
  itemId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: string;
  serial: string;
  ownerId: string;
  quantity: string;
  value: string;
  unitPrice: string;
  postingDate: string;
  originType: string;
  originId: string | null;
  transferGroup: string | null;
  costCentre: string | null;
  userId: string | null;
  createdAt: string;
  itemCode: string;
  itemDescription: string;
  unit: string;
  warehouseCode: string;
  zoneCode: string | null;
  binCode: string | null;
  /** The causing document's own number (a count list's or inventory's), when the origin is one of them. */
  originNumber: string | null;
  /** For a count list: the inventory it belongs to (for a link), else null. */
  originInventoryId: string | null;
}

// Each sort is made total by the entry id (an immutable, increasing sequence), so pages never overlap.
const LEDGER_ORDER: Record<LedgerSort, (dir: 'asc' | 'desc') => ReturnType<typeof sql.raw>> = {
  entry: (d) => sql.raw(`e.id ${d}`),
  date: (d) => sql.raw(`e.posting_date ${d}, e.id ${d}`),
  item: (d) => sql.raw(`i.code ${d}, e.posting_date, e.id`),
  place: (d) => sql.raw(`w.code ${d}, z.code ${d} nulls first, n.code ${d} nulls first, e.posting_date, e.id`),
  quantity: (d) => sql.raw(`e.quantity ${d}, e.id`),
  value: (d) => sql.raw(`e.value ${d}, e.id`),
};

/** The origin id as a row id when it is one (origin ids are free text for manual postings). */
const originRef = (type: string) =>
  sql`case when e.origin_type = ${type} and e.origin_id ~ '^[1-9][0-9]{0,17}$' then e.origin_id::bigint end`;

export async function selectLedgerEntries(db: Tx, scope: SiteScope, f: LedgerFilter) {
  let q = db
    .selectFrom('stockLedger as e')
    .innerJoin('items as i', 'i.id', 'e.itemId')
    .innerJoin('warehouses as w', 'w.id', 'e.warehouseId')
    .leftJoin('zones as z', 'z.id', 'e.zoneId')
    .leftJoin('bins as n', 'n.id', 'e.binId')
    .leftJoin('countLists as ocl', (j) => j.on(sql<boolean>`ocl.id = ${originRef('count_list')}`))
    .leftJoin('inventories as oinv', (j) => j.on(sql<boolean>`oinv.id = ${originRef('inventory')}`))
    .selectAll('e')
    .select([
      'i.code as itemCode',
      'i.description as itemDescription',
      'i.primaryUnit as unit',
      'w.code as warehouseCode',
      'z.code as zoneCode',
      'n.code as binCode',
      sql<string | null>`coalesce(ocl.number, oinv.number)`.as('originNumber'),
      sql<string | null>`ocl.inventory_id::text`.as('originInventoryId'),
    ])
    .orderBy(LEDGER_ORDER[f.sort ?? 'entry'](f.dir ?? 'asc'))
    .where(siteIs('e.siteId', scope))
    .limit(f.limit)
    .offset(f.offset);
  if (f.siteId) q = q.where('e.siteId', '=', f.siteId);
  if (f.itemId) q = q.where('e.itemId', '=', f.itemId);
  if (f.warehouseId) q = q.where('e.warehouseId', '=', f.warehouseId);
  if (f.zoneId) q = q.where('e.zoneId', '=', f.zoneId);
  if (f.binId) q = q.where('e.binId', '=', f.binId);
  if (f.lot !== undefined) q = q.where('e.lot', '=', f.lot);
  if (f.keyCode) q = q.where('e.keyCode', '=', f.keyCode);
  if (f.originType) q = q.where('e.originType', '=', f.originType);
  if (f.originId) q = q.where('e.originId', '=', f.originId);
  if (f.transferGroup) q = q.where('e.transferGroup', '=', f.transferGroup);
  if (f.from) q = q.where('e.postingDate', '>=', f.from);
  if (f.to) q = q.where('e.postingDate', '<=', f.to);
  if (f.ids) q = q.where('e.id', 'in', f.ids);
  return q.execute();
}

export interface LotView {
  id: string;
  itemId: string;
  code: string;
  expiryDate: string | null;
  productionDate: string | null;
  onHand: string;
}

/** Lots (item master rows, shared by all sites) with their on-hand quantity summed over the scope's balances. */
export async function selectLots(
  db: Tx,
  scope: SiteScope,
  f: { itemId?: string | undefined; expiringBy?: string | undefined; limit: number; offset: number },
): Promise<LotView[]> {
  let q = db
    .selectFrom('lots as l')
    .select([
      'l.id',
      'l.itemId',
      'l.code',
      'l.expiryDate',
      'l.productionDate',
      sql<string>`(select coalesce(sum(b.quantity), 0) from stock_balances b where b.item_id = l.item_id and b.lot = l.code and ${siteIs('b.site_id', scope)})`.as(
        'onHand',
      ),
    ])
    .orderBy('l.itemId')
    .orderBy('l.code')
    .limit(f.limit)
    .offset(f.offset);
  if (f.itemId) q = q.where('l.itemId', '=', f.itemId);
  if (f.expiringBy) q = q.where('l.expiryDate', '<=', f.expiringBy);
  return q.execute();
}

/**
 * Postings write balances under ROW EXCLUSIVE; this mode waits for running postings and holds new ones off,
 * so the ledger cannot move while it is being summed. Readers are not blocked.
 */
export async function lockBalanceTable(trx: Tx): Promise<void> {
  await sql`lock table stock_balances in share row exclusive mode`.execute(trx);
}

/**
 * Sets stock_balances.quantity and ever_nonzero to what the ledger says (all items, or `itemIds`): rows the
 * ledger no longer explains drop to 0, positions missing a row get one. Returns how many rows changed.
 */
export async function rebuildBalancesFromLedger(trx: Tx, now: Date, itemIds: string[] | null): Promise<number> {
  const items = itemIds;
  // Running sums in entry order tell whether a position ever held stock.
  const { rows } = await sql<{ fixed: string }>`
    with running as (
      select site_id, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id,
        sum(quantity) over (partition by item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id order by id) as q
      from stock_ledger where quantity <> 0 and (${items}::bigint[] is null or item_id = any(${items}::bigint[]))
    ), truth as (
      select min(site_id) as site_id, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id,
        bool_or(q <> 0) as ever
      from running group by item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id
    ), totals as (
      select item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, sum(quantity) as quantity
      from stock_ledger where quantity <> 0 and (${items}::bigint[] is null or item_id = any(${items}::bigint[]))
      group by item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id
    ), upserted as (
      insert into stock_balances as b (site_id, item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id, quantity, ever_nonzero, updated_at)
      select t.site_id, t.item_id, t.warehouse_id, t.zone_id, t.bin_id, t.lot, t.serial, t.owner_id, s.quantity, t.ever, ${now}
      from truth t join totals s on s.item_id = t.item_id and s.warehouse_id = t.warehouse_id and s.zone_id is not distinct from t.zone_id
        and s.bin_id is not distinct from t.bin_id and s.lot = t.lot and s.serial = t.serial and s.owner_id = t.owner_id
      on conflict (item_id, warehouse_id, zone_id, bin_id, lot, serial, owner_id) do update
        set quantity = excluded.quantity, ever_nonzero = b.ever_nonzero or excluded.ever_nonzero, updated_at = excluded.updated_at
        where b.quantity <> excluded.quantity or (excluded.ever_nonzero and not b.ever_nonzero)
      returning b.id
    ), orphans as (
      update stock_balances b set quantity = 0, updated_at = ${now}
      where b.quantity <> 0 and (${items}::bigint[] is null or b.item_id = any(${items}::bigint[]))
        and not exists (select 1 from totals s where s.item_id = b.item_id and s.warehouse_id = b.warehouse_id
          and s.zone_id is not distinct from b.zone_id and s.bin_id is not distinct from b.bin_id and s.lot = b.lot
          and s.serial = b.serial and s.owner_id = b.owner_id)
      returning b.id
    )
    select (select count(*) from upserted) + (select count(*) from orphans) as fixed`.execute(trx);
  return Number(rows[0]!.fixed);
}

export interface LotPositionRow {
  itemId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  ownerId: string;
  lot: string;
  serial: string;
  quantity: string;
  expiryDate: string | null;
  firstReceipt: string | null;
}

/**
 * Positions of the items in the warehouses holding a lot with stock (> 0), with the lot's expiry and the
 * posting date of its first incoming entry in the warehouse (receipt, transfer in, positive correction).
 */
export async function selectLotPositions(
  trx: Tx,
  itemIds: string[],
  warehouseIds: string[],
): Promise<LotPositionRow[]> {
  const { rows } = await sql<LotPositionRow>`
    with f as (
      select item_id, warehouse_id, lot, min(posting_date) as first_receipt from stock_ledger
      where item_id = any(${itemIds}::bigint[]) and warehouse_id = any(${warehouseIds}::bigint[]) and lot <> '' and quantity > 0
      group by item_id, warehouse_id, lot
    )
    select b.item_id, b.warehouse_id, b.zone_id, b.bin_id, b.owner_id, b.lot, b.serial, b.quantity::text as quantity,
      to_char(l.expiry_date, 'YYYY-MM-DD') as expiry_date, to_char(f.first_receipt, 'YYYY-MM-DD') as first_receipt
    from stock_balances b
    left join lots l on l.item_id = b.item_id and l.code = b.lot
    left join f on f.item_id = b.item_id and f.warehouse_id = b.warehouse_id and f.lot = b.lot
    where b.item_id = any(${itemIds}::bigint[]) and b.warehouse_id = any(${warehouseIds}::bigint[]) and b.lot <> '' and b.quantity > 0
    order by b.id`.execute(trx);
  return rows;
}

/** Open reservations naming a lot, summed per item, warehouse, owner and lot. */
export async function sumOpenLotReservations(
  trx: Tx,
  itemIds: string[],
  warehouseIds: string[],
): Promise<{ itemId: string; warehouseId: string; ownerId: string; lot: string; reserved: string }[]> {
  const { rows } = await sql<{ itemId: string; warehouseId: string; ownerId: string; lot: string; reserved: string }>`
    select item_id, warehouse_id, owner_id, lot, sum(quantity)::text as reserved from reservations
    where status = 'open' and lot <> '' and item_id = any(${itemIds}::bigint[]) and warehouse_id = any(${warehouseIds}::bigint[])
    group by item_id, warehouse_id, owner_id, lot`.execute(trx);
  return rows;
}
