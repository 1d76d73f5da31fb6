// The head of one report (a handheld scan or a back-office report), read in few index look-ups: the list
// row-locked with its inventory, its type's tolerance and "was this clientReportId used?" in one query, then
// the place and the item by primary key in another (docs/counting.md). A scan stays O(1) in the list size.
import { sql } from 'kysely';
import { hasTolerance, type Tolerance } from '../../domain/inventory/tolerance.js';
import { type Tx, found } from '../context.js';
import { type CountableList, counterIdsOf, type InventoryRow, type ListRow } from './count-list.repository.js';

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

/** Warehouse, bin and item (with its unit's decimals), each by primary key; null where not found. */
export interface PlaceAndItemRow {
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
  /** The item's price as closing would value a difference (only when asked for: a tolerance has a value side). */
  price: string | null;
}

/**
 * The reported place and item in one query: the report checks them in the order of the place first, then
 * the item's lot/serial rules (report.service.ts).
 */
export async function selectPlaceAndItem(
  trx: Tx,
  input: { itemId: string | null; warehouseId: string; binId: string | null },
  /** Read the item's valuation price too (the report is judged against a value tolerance). */
  valuation?: { method: string; valuationPrice: string },
): Promise<PlaceAndItemRow> {
  const r = await sql<PlaceAndItemRow>`
    select w.id as wh_id, w.site_id as wh_site, w.kind as wh_kind, b.warehouse_id as bin_wh, b.zone_id as bin_zone, b.code as bin_code,
      it.id as item_found, it.code as item_code, it.description as item_description, it.primary_unit as item_unit,
      it.lot_management, it.serial_management, u.decimals, (${priceSql(valuation)})::text as price
    from (values (1)) d (x)
      left join warehouses w on w.id = ${input.warehouseId}::bigint
      left join bins b on b.id = ${input.binId}::bigint
      left join items it on it.id = ${input.itemId}::bigint
      left join units u on u.code = it.primary_unit`.execute(trx);
  return r.rows[0]!;
}
