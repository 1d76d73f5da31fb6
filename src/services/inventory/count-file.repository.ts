// Statements of the count files: the count sheet by codes for the export, and the facts an import
// resolves its rows against — read set-based, one query per kind, for the codes the file names only.
import { sql } from 'kysely';
import {
  type CodeFact,
  type CountFileFacts,
  type LineFact,
  type ListFact,
  codeForms,
} from '../../domain/inventory/count-file.js';
import type { Conversion } from '../../domain/items/unit.js';
import type { Tx } from '../context.js';
import { counterIdsOf } from './count-list.repository.js';

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

export interface SheetRow {
  countListId: string;
  listNumber: string;
  countType: 'article' | 'bin' | 'differences';
  lineNo: number;
  itemId: string | null;
  warehouseCode: string;
  zoneCode: string | null;
  binCode: string | null;
  itemCode: string | null;
  itemDescription: string | null;
  unit: string | null;
  lot: string;
  serial: string;
  status: 'open' | 'reported' | 'closed';
  targetQuantity: string | null;
  reportedQuantity: string | null;
  binEmpty: boolean;
}

/** The counted (non-informational) lines of the lists, in list number and line order, with their codes. */
export async function sheetRows(trx: Tx, listIds: readonly string[]): Promise<SheetRow[]> {
  if (listIds.length === 0) return [];
  const r = await sql<SheetRow>`
    select cli.count_list_id::text, cl.number as list_number, cl.count_type, cli.line_no, cli.item_id::text, w.code as warehouse_code,
      z.code as zone_code, b.code as bin_code, it.code as item_code, it.description as item_description, it.primary_unit as unit,
      cli.lot, cli.serial, cli.status, cli.target_quantity::text, cli.reported_quantity::text,
      -- an empty bin on a bin list: nothing of the owner expected there (count-list.service joinedItems)
      (cli.bin_id is not null and not exists (select 1 from count_list_items o where o.count_list_id = cli.count_list_id
        and o.bin_id = cli.bin_id and o.item_id is not null and coalesce(o.target_quantity, 0) <> 0)) as bin_empty
    from count_list_items cli
      join count_lists cl on cl.id = cli.count_list_id
      join warehouses w on w.id = cli.warehouse_id
      left join zones z on z.id = cli.zone_id
      left join bins b on b.id = cli.bin_id
      left join items it on it.id = cli.item_id
    where cli.count_list_id = any(${[...listIds]}::bigint[]) and not cli.informational
    order by cl.number, cli.line_no, cli.id`.execute(trx);
  return r.rows;
}

export interface ListHead extends ListFact {
  status: string;
  responsibleUserId: string | null;
  siteId: string;
  inventoryId: string;
  /** Assigned counters besides the responsible employee (count_list_counters). */
  counterUserIds: string[];
}

export async function listsOfInventory(trx: Tx, inventoryId: string): Promise<ListHead[]> {
  const rows = await trx
    .selectFrom('countLists')
    .select(['id', 'number', 'warehouseId', 'countType', 'status', 'responsibleUserId', 'siteId', 'inventoryId'])
    .select(counterIdsOf('count_lists.id').as('counterUserIds'))
    .where('inventoryId', '=', inventoryId)
    .orderBy('number')
    .execute();
  return rows.map((r) => ({ ...r, counterUserIds: (r.counterUserIds ?? []).map(String) }));
}

const values = (rows: readonly { values: Record<string, string> }[], header: string | undefined, upper = false) =>
  header === undefined
    ? []
    : [
        ...new Set(
          rows
            .map((r) => (r.values[header] ?? '').trim())
            .filter((v) => v !== '')
            .map((v) => (upper ? v.toUpperCase() : v)),
        ),
      ];

/**
 * Everything the rows of one file are resolved against: item and search codes named in the file, the items'
 * other units, the site's warehouses and zones, the named bins, and the lines of the lists in scope for
 * the items named (plus the empty-bin lines).
 */
export async function loadFacts(
  trx: Tx,
  o: {
    siteId: string;
    inventoryNumber: string;
    lists: ListHead[];
    scopeList: ListHead | null;
    rows: readonly { values: Record<string, string> }[];
    itemHeader: string | undefined;
    binHeader: string | undefined;
  },
): Promise<CountFileFacts> {
  const itemValues = [...new Set(values(o.rows, o.itemHeader).flatMap(codeForms))];
  const { rows: codeRows } = await sql<{
    code: string;
    itemId: string;
    itemCode: string;
    primaryUnit: string;
    unit: string;
    op: 'x' | '\\';
    factor: string;
    byItemCode: boolean;
  }>`
    select x.code, i.id::text as item_id, i.code as item_code, i.primary_unit, i.primary_unit as unit, 'x' as op, '1' as factor, true as by_item_code
      from jsonb_array_elements_text(${json(itemValues)}) as x(code) join items i on i.code = x.code
    union all
    select x.code, i.id::text, i.code, i.primary_unit, s.unit, s.conversion_op, s.conversion_factor::text, false
      from jsonb_array_elements_text(${json(itemValues)}) as x(code) join item_search_codes s on s.code = x.code join items i on i.id = s.item_id`.execute(
    trx,
  );
  const codes = new Map<string, CodeFact>();
  // Item codes win over search codes (a code may be both only when it is the item's main search code).
  for (const c of [...codeRows].sort((a, b) => Number(b.byItemCode) - Number(a.byItemCode))) {
    if (!codes.has(c.code))
      codes.set(c.code, {
        itemId: c.itemId,
        itemCode: c.itemCode,
        primaryUnit: c.primaryUnit,
        unit: c.unit,
        conversion: { op: c.op, factor: c.factor },
      });
  }
  const itemIds = [...new Set([...codes.values()].map((c) => c.itemId))];
  const itemUnits: CountFileFacts['itemUnits'] = new Map();
  if (itemIds.length > 0) {
    const { rows: units } = await sql<{ itemId: string; unit: string; op: 'x' | '\\'; factor: string; rank: number }>`
      select i.id::text as item_id, i.secondary_unit as unit, i.secondary_conversion_op as op, i.secondary_conversion_factor::text as factor, 0 as rank
        from items i where i.id = any(${itemIds}::bigint[]) and i.secondary_unit is not null and i.secondary_conversion_factor is not null
      union all
      select s.item_id::text, s.unit, s.conversion_op, s.conversion_factor::text, 1 from item_search_codes s
        where s.item_id = any(${itemIds}::bigint[])
      order by 1, 5`.execute(trx);
    for (const u of units) {
      const of = itemUnits.get(u.itemId) ?? { itemId: u.itemId, units: new Map<string, Conversion>() };
      if (!of.units.has(u.unit)) of.units.set(u.unit, { op: u.op, factor: u.factor });
      itemUnits.set(u.itemId, of);
    }
  }
  const unitDecimals = new Map(
    (await trx.selectFrom('units').select(['code', 'decimals']).execute()).map((u) => [u.code, u.decimals]),
  );
  const warehouses = new Map(
    (await trx.selectFrom('warehouses').select(['id', 'code']).where('siteId', '=', o.siteId).execute()).map((w) => [
      w.code,
      w.id,
    ]),
  );
  const zones = new Map(
    (await trx.selectFrom('zones').select(['id', 'code', 'warehouseId']).where('siteId', '=', o.siteId).execute()).map(
      (z) => [`${z.warehouseId}|${z.code.toUpperCase()}`, z.id],
    ),
  );
  const binCodes = values(o.rows, o.binHeader, true);
  const bins: CountFileFacts['bins'] = new Map();
  if (binCodes.length > 0) {
    const found = await trx
      .selectFrom('bins')
      .select(['id', 'code', 'warehouseId', 'zoneId'])
      .where('siteId', '=', o.siteId)
      .where('code', 'in', binCodes)
      .execute();
    for (const b of found)
      bins.set(b.code.toUpperCase(), [
        ...(bins.get(b.code.toUpperCase()) ?? []),
        { id: b.id, warehouseId: b.warehouseId, zoneId: b.zoneId },
      ]);
  }
  const listIds = (o.scopeList ? [o.scopeList] : o.lists).map((l) => l.id);
  const lineRows =
    listIds.length === 0
      ? []
      : await sql<LineFact & { itemId: string | null }>`
    select cli.count_list_id::text, cli.item_id::text, cli.warehouse_id::text, cli.zone_id::text, cli.bin_id::text, cli.lot, cli.serial, cli.informational,
      case when cli.status <> 'open' then cli.reported_quantity::text end as reported_quantity
    from count_list_items cli where cli.count_list_id = any(${listIds}::bigint[])
      and (cli.item_id = any(${itemIds}::bigint[]) or cli.item_id is null)`
          .execute(trx)
          .then((r) => r.rows);
  const lines = new Map<string, LineFact[]>();
  for (const l of lineRows) lines.set(l.itemId ?? '', [...(lines.get(l.itemId ?? '') ?? []), l]);
  const binIds = [...bins.values()].flat().map((b) => b.id);
  const binLists = new Map<string, string[]>();
  if (binIds.length > 0 && listIds.length > 0) {
    const { rows } = await sql<{ binId: string; countListId: string }>`
      select distinct cli.bin_id::text, cli.count_list_id::text from count_list_items cli join count_lists cl on cl.id = cli.count_list_id
      where cl.count_type = 'bin' and cli.count_list_id = any(${listIds}::bigint[]) and cli.bin_id = any(${binIds}::bigint[]) and not cli.informational`.execute(
      trx,
    );
    for (const r of rows) binLists.set(r.binId, [...(binLists.get(r.binId) ?? []), r.countListId]);
  }
  const fact = (l: ListHead): ListFact => ({
    id: l.id,
    number: l.number,
    warehouseId: l.warehouseId,
    countType: l.countType,
  });
  return {
    scopeList: o.scopeList ? fact(o.scopeList) : null,
    inventoryNumber: o.inventoryNumber,
    lists: new Map(o.lists.map((l) => [l.number, fact(l)])),
    codes,
    itemUnits,
    unitDecimals,
    lines,
    binLists,
    warehouses,
    zones,
    bins,
  };
}

/** Each row of an import runs under this savepoint: a refused row is rolled back alone. */
export const rowSavepoint = {
  set: (trx: Tx) => sql`savepoint count_file_row`.execute(trx),
  release: (trx: Tx) => sql`release savepoint count_file_row`.execute(trx),
  rollback: (trx: Tx) => sql`rollback to savepoint count_file_row`.execute(trx),
};

export function inventoriesByNumber(trx: Tx, number: string) {
  return trx
    .selectFrom('inventories')
    .select(['id', 'number', 'siteId'])
    .where('number', '=', number)
    .limit(2)
    .execute();
}

export function countListsByNumber(trx: Tx, number: string, inventoryId: string | undefined) {
  return trx
    .selectFrom('countLists')
    .select(['id', 'number', 'siteId'])
    .where('number', '=', number)
    .$if(inventoryId !== undefined, (q) => q.where('inventoryId', '=', inventoryId!))
    .limit(2)
    .execute();
}

export function userByName(trx: Tx, username: string) {
  return trx
    .selectFrom('users')
    .select(['id', 'username', 'role', 'siteId', 'active'])
    .where('username', '=', username)
    .executeTakeFirst();
}
