// What the printed count sheets read (SPEC §4.5): the chosen lists, their inventories, each list's items
// with the item and bin they name, and the names the sheet header prints. One read-only snapshot is the
// caller's transaction.
import type { Tx } from '../context.js';
import type { InventoryRow, ListRow } from './count-list.repository.js';

/** One printed line's source: the count-list item with its item's code, text and unit and its bin's code. */
export type PrintItemRow = Awaited<ReturnType<ReturnType<typeof printItemsQuery>['execute']>>[number];

export async function findListsByIds(trx: Tx, ids: readonly string[]): Promise<ListRow[]> {
  return trx
    .selectFrom('countLists')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

export async function findInventoriesByIds(trx: Tx, ids: readonly string[]): Promise<InventoryRow[]> {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('inventories')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

/** How many items the lists hold, printed or not: bounds what a print run reads before reading it. */
export async function countItemsOfLists(trx: Tx, listIds: readonly string[]): Promise<number> {
  const { n } = await trx
    .selectFrom('countListItems')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('countListId', 'in', [...listIds])
    .executeTakeFirstOrThrow();
  return Number(n);
}

function printItemsQuery(trx: Tx, listIds: readonly string[]) {
  return trx
    .selectFrom('countListItems as cli')
    .leftJoin('items as it', 'it.id', 'cli.itemId')
    .leftJoin('bins as b', 'b.id', 'cli.binId')
    .select([
      'cli.id',
      'cli.countListId',
      'cli.lineNo',
      'cli.itemId',
      'cli.warehouseId',
      'cli.binId',
      'cli.lot',
      'cli.serial',
      'cli.targetQuantity',
      'cli.status',
      'cli.verificationMark',
      'cli.informational',
      'it.code as itemCode',
      'it.description as itemDescription',
      'it.primaryUnit as unit',
      'b.code as binCode',
    ])
    .where('cli.countListId', 'in', [...listIds])
    .orderBy('cli.countListId')
    .orderBy('cli.lineNo')
    .orderBy('cli.id');
}

/** The lists' items in sheet order (list, line number). */
export async function findPrintItems(trx: Tx, listIds: readonly string[]): Promise<PrintItemRow[]> {
  return printItemsQuery(trx, listIds).execute();
}

const label = (r: { code: string; name: string }): string => (r.name ? `${r.code} ${r.name}` : r.code);

/** "code name" of each owner, by id. */
export async function ownerLabels(trx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('owners')
    .select(['id', 'code', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, label(r)]));
}

/** "code name" of each warehouse, by id. */
export async function warehouseLabels(trx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('warehouses')
    .select(['id', 'code', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, label(r)]));
}
