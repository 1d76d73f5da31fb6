// Reads of an opening-stock file's references, set-based: the places of the site the file can name
// (warehouses, zones, the bins it names) and the stock owners, one statement each.
import type { Selectable } from 'kysely';
import type { BinsTable, WarehousesTable, ZonesTable } from '../../storage/tables/core.tables.js';
import type { Tx } from '../context.js';

export interface SitePlaces {
  warehouses: Pick<Selectable<WarehousesTable>, 'id' | 'code' | 'siteId' | 'kind' | 'allowNegative'>[];
  zones: Pick<Selectable<ZonesTable>, 'id' | 'code' | 'warehouseId' | 'structured'>[];
  bins: Pick<Selectable<BinsTable>, 'id' | 'code' | 'warehouseId' | 'zoneId'>[];
}

/** The site's warehouses and zones, and of its bins those with one of `binCodes`. */
export async function selectSitePlaces(trx: Tx, siteId: string, binCodes: string[]): Promise<SitePlaces> {
  const warehouses = await trx
    .selectFrom('warehouses')
    .select(['id', 'code', 'siteId', 'kind', 'allowNegative'])
    .where('siteId', '=', siteId)
    .execute();
  const zones = await trx
    .selectFrom('zones')
    .select(['id', 'code', 'warehouseId', 'structured'])
    .where('siteId', '=', siteId)
    .execute();
  const bins =
    binCodes.length === 0
      ? []
      : await trx
          .selectFrom('bins')
          .select(['id', 'code', 'warehouseId', 'zoneId'])
          .where('siteId', '=', siteId)
          .where('code', 'in', binCodes)
          .execute();
  return { warehouses, zones, bins };
}

/** Every stock owner's id by code. */
export async function selectOwnerIdsByCode(trx: Tx): Promise<Map<string, string>> {
  const owners = await trx.selectFrom('owners').select(['id', 'code']).execute();
  return new Map(owners.map((o) => [o.code, o.id]));
}
