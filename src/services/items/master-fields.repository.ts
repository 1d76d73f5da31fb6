// Statements of the item-master relations of an item beyond its own row: alternative items (table
// item_alternatives) and per-warehouse planning overrides (item_warehouse_planning, site-scoped).
import type { Selectable } from 'kysely';
import type { ItemWarehousePlanningTable } from '../../storage/tables/item-master.tables.js';
import type { Tx } from '../context.js';
import { siteIs } from '../site-scope.repository.js';
import type { SiteScope } from '../site-scope.js';

export type WarehousePlanningRow = Selectable<ItemWarehousePlanningTable>;

/** The item's alternatives in their order, with code and description. */
export async function selectAlternatives(
  trx: Tx,
  itemId: string,
): Promise<{ itemId: string; code: string; description: string }[]> {
  return trx
    .selectFrom('itemAlternatives')
    .innerJoin('items', 'items.id', 'itemAlternatives.alternativeItemId')
    .select(['items.id as itemId', 'items.code', 'items.description'])
    .where('itemAlternatives.itemId', '=', itemId)
    .orderBy('itemAlternatives.position')
    .orderBy('items.code')
    .execute();
}

/** Replaces the item's alternatives with `alternativeIds`, in that order. */
export async function replaceAlternatives(trx: Tx, itemId: string, alternativeIds: string[]): Promise<void> {
  await trx.deleteFrom('itemAlternatives').where('itemId', '=', itemId).execute();
  if (alternativeIds.length > 0)
    await trx
      .insertInto('itemAlternatives')
      .values(alternativeIds.map((a, position) => ({ itemId, alternativeItemId: a, position })))
      .execute();
}

/** The item's planning overrides in the warehouses of the scope. */
export async function selectWarehousePlanning(
  trx: Tx,
  itemId: string,
  scope: SiteScope,
): Promise<WarehousePlanningRow[]> {
  return trx
    .selectFrom('itemWarehousePlanning')
    .selectAll()
    .where('itemId', '=', itemId)
    .where(siteIs('siteId', scope))
    .orderBy('warehouseId')
    .execute();
}

export type PlanningOverride = Omit<WarehousePlanningRow, 'itemId' | 'warehouseId' | 'siteId'>;

/** Replaces the item's planning override of one warehouse (null: removes it); the site is the warehouse's. */
export async function replaceWarehousePlanning(
  trx: Tx,
  itemId: string,
  warehouseId: string,
  values: PlanningOverride | null,
): Promise<void> {
  await trx
    .deleteFrom('itemWarehousePlanning')
    .where('itemId', '=', itemId)
    .where('warehouseId', '=', warehouseId)
    .execute();
  if (values === null) return;
  await trx
    .insertInto('itemWarehousePlanning')
    .values((eb) => ({
      siteId: eb.selectFrom('warehouses').select('siteId').where('id', '=', warehouseId),
      itemId,
      warehouseId,
      ...values,
    }))
    .execute();
}

/** Gives the item `toId` the planning overrides and alternatives of `fromId` (copying an item). */
export async function copyPlanningAndAlternatives(trx: Tx, fromId: string, toId: string): Promise<void> {
  await trx
    .insertInto('itemWarehousePlanning')
    .columns([
      'itemId',
      'warehouseId',
      'siteId',
      'minStock',
      'maxStock',
      'reorderPoint',
      'reorderLot',
      'minReorderQuantity',
      'supplyLeadDays',
      'standardCost',
    ])
    .expression((eb) =>
      eb
        .selectFrom('itemWarehousePlanning')
        .select([
          eb.val(toId).as('itemId'),
          'warehouseId',
          'siteId',
          'minStock',
          'maxStock',
          'reorderPoint',
          'reorderLot',
          'minReorderQuantity',
          'supplyLeadDays',
          'standardCost',
        ])
        .where('itemId', '=', fromId),
    )
    .execute();
  await trx
    .insertInto('itemAlternatives')
    .columns(['itemId', 'alternativeItemId', 'position'])
    .expression((eb) =>
      eb
        .selectFrom('itemAlternatives')
        .select([eb.val(toId).as('itemId'), 'alternativeItemId', 'position'])
        .where('itemId', '=', fromId),
    )
    .execute();
}
