// The statements of one report (a handheld scan): few, and each an index look-up. recordReport used to
// issue about a dozen — list, inventory, replay, warehouse, bin, item rules, position, insert, update, a
// count of ALL the list's lines for its status, the item view — which made a scan O(list size) and cost
// a round trip each. Here: list ⋈ inventory (+ "was this clientReportId used?"), place ⋈ item rules, the
// position by its unique key, and one statement writing the report and the item and probing for another
// open line (count_list_items_open_idx, migration 0080).
import { sql } from 'kysely';
import { DomainError } from '../../domain/errors.js';
import { type LotManagement, requireTracking } from '../../domain/items/item.js';
import { hasTolerance, type ReviewState, type Tolerance } from '../../domain/inventory/tolerance.js';
import { type Tx, found } from '../context.js';
import {
  type CountableList,
  counterIdsOf,
  type InventoryRow,
  type ItemRow,
  type ListRow,
} from './count-list.service.js';

const INV_COLS = [
  'id',
  'siteId',
  'typeId',
  'number',
  'status',
  'description',
  'ownerId',
  'fiscalYear',
  'countListSequenceCode',
  'stockTakingDate',
  'openedAt',
  'closedAt',
  'valuationPrice',
  'adjustmentKey',
  'transferKey',
  'valueAdjustmentKey',
  'reportType',
  'singleReportingRequired',
  'showSystemQuantities',
  'costCentre',
  'responsibleUserId',
  'createdBy',
  'createdAt',
  'updatedAt',
  'generationParams',
] as const satisfies ReadonlyArray<keyof InventoryRow>;
// A column added to inventories must be added above, or the row handed on would silently lack it.
type MissingInvCol = Exclude<keyof InventoryRow, (typeof INV_COLS)[number]>;
const allInvCols: [MissingInvCol] extends [never] ? true : MissingInvCol = true;
void allInvCols;

/** Alias that survives the CamelCasePlugin round trip (iSiteId ↔ i_site_id). */
const alias = (c: string) => `i${c[0]!.toUpperCase()}${c.slice(1)}`;

export interface ReportHead {
  /** With its assigned counters: who may report is decided on this row (mayCount). */
  list: CountableList;
  inv: InventoryRow;
  replayed: boolean;
  /** For the handheld's view of the list (the scan reads the head once and hands it to recordReport). */
  warehouseCode: string | null;
  keepLocation: boolean;
  /** The inventory type's tolerance (docs/tolerances.md); null when the type sets none. */
  tolerance: Tolerance | null;
  /** The inventory type's method: the price a difference is valued at depends on it. */
  method: string;
}

/**
 * The list (row-locked: reports on one list are serialised, as its status follows from them), its
 * inventory, and whether `clientReportId` was already recorded (count_reports_client_id_key) — one query.
 */
export async function queryReportHead(
  trx: Tx,
  listId: string,
  clientReportId: string | undefined,
): Promise<ReportHead | undefined> {
  const hit = await trx
    .selectFrom('countLists as cl')
    .innerJoin('inventories as inv', 'inv.id', 'cl.inventoryId')
    .innerJoin('inventoryTypes as ty', 'ty.id', 'inv.typeId')
    .leftJoin('warehouses as w', 'w.id', 'cl.warehouseId')
    .selectAll('cl')
    .select(INV_COLS.map((c) => sql.ref(`inv.${c}`).as(alias(c))))
    .select([
      'w.code as headWarehouseCode',
      'ty.keepLocation as headKeepLocation',
      'ty.tolerancePercent as headTolerancePercent',
      'ty.toleranceValue as headToleranceValue',
      'ty.method as headMethod',
    ])
    .select(counterIdsOf('cl.id').as('counterUserIds'))
    .select(
      sql<boolean>`${clientReportId ?? null}::text is not null
      and exists (select 1 from count_reports r where r.client_report_id = ${clientReportId ?? null}::text)`.as(
        'replayed',
      ),
    )
    .where('cl.id', '=', listId)
    .forUpdate('cl')
    .executeTakeFirst();
  if (hit === undefined) return undefined;
  const {
    replayed,
    headWarehouseCode,
    headKeepLocation,
    headTolerancePercent,
    headToleranceValue,
    headMethod,
    ...row
  } = hit as typeof hit & Record<string, unknown>;
  const tolerance = { percent: headTolerancePercent, value: headToleranceValue };
  const inv = {} as Record<string, unknown>;
  for (const c of INV_COLS) {
    inv[c] = row[alias(c)];
    delete row[alias(c)];
  }
  return {
    list: { ...(row as unknown as ListRow), counterUserIds: ((row.counterUserIds ?? []) as unknown[]).map(String) },
    inv: inv as unknown as InventoryRow,
    replayed: replayed === true,
    warehouseCode: headWarehouseCode,
    keepLocation: headKeepLocation,
    tolerance: hasTolerance(tolerance) ? tolerance : null,
    method: headMethod,
  };
}

export async function loadReportHead(trx: Tx, listId: string, clientReportId: string | undefined): Promise<ReportHead> {
  return found(await queryReportHead(trx, listId, clientReportId), `count list ${listId}`, 'countListId');
}

export interface PlaceAndRules {
  place: { warehouseId: string; zoneId: string | null; binId: string | null };
  rules: { decimals: number; serial: boolean };
  item: { code: string; description: string; unit: string } | null;
  binCode: string | null;
  /** The item's price as closing would value a difference (only when asked for: a tolerance has a value side). */
  price: string | null;
}

const PRICE_COLUMN: Record<string, string> = {
  settlement_1: 'it.settlement_price_1',
  settlement_2: 'it.settlement_price_2',
  settlement_3: 'it.settlement_price_3',
  settlement_4: 'it.settlement_price_4',
  settlement_5: 'it.settlement_price_5',
  inventory: 'it.inventory_price',
};

/** The price expression closing values differences at (closingItems in close.service.ts); `it` is the item. */
export function priceSql(valuation: { method: string; valuationPrice: string } | undefined) {
  if (valuation === undefined) return sql`null::numeric`;
  return valuation.method === 'stock_taking_day' || valuation.valuationPrice === 'average'
    ? sql`(select coalesce(sv.average_price, it.moving_average_price) from (values (1)) v (x)
        left join stock_valuations sv on sv.item_id = it.id and sv.warehouse_id is null)`
    : sql.raw(PRICE_COLUMN[valuation.valuationPrice]!);
}

/**
 * Warehouse, bin and item (with its unit's decimals) by primary key in one query; the checks and their
 * order are those of the place first, then the item's lot/serial rules.
 */
export async function loadPlaceAndRules(
  trx: Tx,
  list: Pick<ListRow, 'siteId' | 'warehouseId' | 'number' | 'countType'>,
  input: {
    itemId: string | null;
    warehouseId: string;
    zoneId?: string | null | undefined;
    binId?: string | null | undefined;
    lot?: string | undefined;
    serial?: string | undefined;
  },
  /** Read the item's valuation price too (the report is judged against a value tolerance). */
  valuation?: { method: string; valuationPrice: string },
): Promise<PlaceAndRules> {
  const binId = input.binId ?? null;
  const r = await sql<{
    whId: string | null;
    whSite: string | null;
    whKind: string | null;
    binWh: string | null;
    binZone: string | null;
    binCode: string | null;
    itemFound: string | null;
    itemCode: string | null;
    itemDescription: string | null;
    itemUnit: string | null;
    lotManagement: string | null;
    serialManagement: boolean | null;
    decimals: number | null;
    price: string | null;
  }>`
    select w.id as wh_id, w.site_id as wh_site, w.kind as wh_kind, b.warehouse_id as bin_wh, b.zone_id as bin_zone, b.code as bin_code,
      it.id as item_found, it.code as item_code, it.description as item_description, it.primary_unit as item_unit,
      it.lot_management, it.serial_management, u.decimals, (${priceSql(valuation)})::text as price
    from (values (1)) d (x)
      left join warehouses w on w.id = ${input.warehouseId}::bigint
      left join bins b on b.id = ${binId}::bigint
      left join items it on it.id = ${input.itemId}::bigint
      left join units u on u.code = it.primary_unit`.execute(trx);
  const x = r.rows[0]!;
  // The place (as resolvePlace checked it).
  if (x.whId === null) found(undefined, `warehouse ${input.warehouseId}`, 'warehouseId');
  if (x.whSite !== list.siteId)
    throw new DomainError('count.place_not_on_list', 'the warehouse belongs to another site', { field: 'warehouseId' });
  if (x.whKind === 'virtual')
    throw new DomainError('place.warehouse_virtual', 'virtual warehouses are never counted', { field: 'warehouseId' });
  if (list.warehouseId !== null && list.warehouseId !== x.whId) {
    throw new DomainError('count.place_not_on_list', `count list ${list.number} counts another warehouse`, {
      field: 'warehouseId',
    });
  }
  let zoneId = input.zoneId ?? null;
  if (binId !== null) {
    if (x.binWh === null) found(undefined, `bin ${binId}`, 'binId');
    if (x.binWh !== x.whId)
      throw new DomainError('validation.failed', 'the bin is not in this warehouse', { field: 'binId' });
    if (zoneId !== null && zoneId !== x.binZone)
      throw new DomainError('validation.failed', 'the bin is not in this zone', { field: 'zoneId' });
    zoneId = x.binZone;
  }
  if (list.countType === 'bin' && binId === null)
    throw new DomainError('count.bin_required', 'a bin list is counted per bin: scan or enter the bin', {
      field: 'binId',
    });
  const place = { warehouseId: x.whId!, zoneId, binId };
  // The item's rules (as itemRules checked them).
  if (input.itemId === null)
    return { place, rules: { decimals: 0, serial: false }, item: null, binCode: x.binCode, price: null };
  if (x.itemFound === null || x.decimals === null) found(undefined, `item ${input.itemId}`, 'itemId');
  const lot = input.lot ?? '';
  const serial = input.serial ?? '';
  requireTracking(
    {
      code: x.itemCode ?? undefined,
      // The column's CHECK allows only the three values.
      lotManagement: (x.lotManagement ?? 'no') as LotManagement,
      serialManagement: x.serialManagement === true,
    },
    { lot, serial },
  );
  return {
    place,
    rules: { decimals: x.decimals!, serial: x.serialManagement === true },
    item: { code: x.itemCode!, description: x.itemDescription!, unit: x.itemUnit! },
    binCode: x.binCode,
    price: x.price,
  };
}

/**
 * An empty bin on a bin list: no line of the list expects an item of the owner there. Probed through
 * count_list_items_bin_idx (inventory, bin), not by walking the list.
 */
export const binEmptySql = sql<boolean>`(cli.bin_id is not null and not exists (select 1 from count_list_items o
  where o.inventory_id = cli.inventory_id and o.bin_id = cli.bin_id and o.count_list_id = cli.count_list_id
    and o.item_id is not null and coalesce(o.target_quantity, 0) <> 0))`;

export interface WriteReport {
  siteId: string;
  countListId: string;
  itemId: string;
  userId: string | null;
  reportedAt: Date;
  device: string | null;
  rawBarcode: string | null;
  quantity: string;
  enteredQuantity: string | null;
  enteredUnit: string | null;
  mode: 'add' | 'replace';
  clientReportId: string | null;
  resultingQuantity: string;
  previousQuantity: string | null;
  /** The line's review after this report (docs/tolerances.md); absent: unchanged. */
  review?: ReviewWrite | undefined;
}

export interface ReviewWrite {
  state: ReviewState;
  /** true sets, false clears the verification mark; undefined leaves it. */
  mark?: boolean | undefined;
  firstCounterId?: string | null | undefined;
  firstCountQuantity?: string | undefined;
  reasonCode?: string | undefined;
}

export interface ReportRow {
  id: string;
  siteId: string;
  countListId: string;
  countListItemId: string;
  userId: string | null;
  reportedAt: Date | string;
  device: string | null;
  rawBarcode: string | null;
  quantity: string;
  enteredQuantity: string | null;
  enteredUnit: string | null;
  mode: 'add' | 'replace' | 'mark_all';
  clientReportId: string | null;
  resultingQuantity: string;
  previousQuantity: string | null;
  valid: boolean;
  invalidatedAt: Date | null;
}

/**
 * Inserts the report and sets the item's confirmed quantity in one statement, and says whether another
 * relevant line of the list is still open (the list status follows from that alone once something is
 * reported). The probe reads the statement's snapshot, i.e. before this item's update: hence `id <>`.
 */
export async function writeReport(trx: Tx, w: WriteReport): Promise<{ report: ReportRow; otherOpen: boolean }> {
  const r = await sql<ReportRow & { otherOpen: boolean }>`
    with upd as (
      update count_list_items set reported_quantity = ${w.resultingQuantity}::numeric, status = 'reported'${reviewSet(w.review)}
      where id = ${w.itemId}::bigint
      returning id),
    ins as (
      insert into count_reports (site_id, count_list_id, count_list_item_id, user_id, reported_at, device, raw_barcode, quantity,
        entered_quantity, entered_unit, mode, client_report_id, resulting_quantity, previous_quantity)
      select ${w.siteId}::bigint, ${w.countListId}::bigint, upd.id, ${w.userId}::bigint, ${w.reportedAt}::timestamptz, ${w.device}, ${w.rawBarcode},
        ${w.quantity}::numeric, ${w.enteredQuantity}::numeric, ${w.enteredUnit}, ${w.mode}, ${w.clientReportId}, ${w.resultingQuantity}::numeric,
        ${w.previousQuantity}::numeric
      from upd
      returning *)
    select ins.*, exists (select 1 from count_list_items o where o.count_list_id = ${w.countListId}::bigint and o.status = 'open'
      and not o.informational and o.id <> ${w.itemId}::bigint) as other_open
    from ins`.execute(trx);
  const { otherOpen, ...report } = r.rows[0]!;
  return { report, otherOpen };
}

/** The review columns a report sets, in the same statement (no extra round trip on a scan). */
function reviewSet(r: ReviewWrite | undefined) {
  if (r === undefined) return sql``;
  const parts = [sql`review_state = ${r.state}`];
  if (r.mark !== undefined) parts.push(sql`verification_mark = ${r.mark}`);
  if (r.firstCounterId !== undefined) parts.push(sql`first_counter_id = ${r.firstCounterId}::bigint`);
  if (r.firstCountQuantity !== undefined) parts.push(sql`first_count_quantity = ${r.firstCountQuantity}::numeric`);
  if (r.reasonCode !== undefined) parts.push(sql`reason_code = ${r.reasonCode}`);
  return sql`, ${sql.join(parts)}`;
}

export type { ItemRow };
