// Zones of structured warehouses (SPEC §1): organisation high-bay / block / places-only, structured (has
// bins) or not, and the usage "inventory differences" (at most one per warehouse: closing needs one target).
import { DomainError } from '../../domain/errors.js';
import { type ZoneOrganisation, type ZoneUsage, checkZoneAllowed } from '../../domain/place.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { type Page, defined, mapDbErrors, pageOf, requireSite, siteScope, visible } from './support.js';
import { loadWarehouse } from './warehouse.service.js';
import {
  type ZoneFilter,
  type ZoneView,
  deleteZoneRow,
  findAnyBinOfZone,
  findAnyCountListOfZone,
  findDifferencesZone,
  findZone,
  insertZone,
  listZoneRows,
  updateZoneRow,
} from './zone.repository.js';

export type { ZoneView, ZoneFilter };

export interface ZoneInput {
  warehouseId: string;
  code: string;
  name: string;
  organisation: ZoneOrganisation;
  structured: boolean;
  usage?: ZoneUsage | undefined;
}
export type ZoneChanges = Partial<Omit<ZoneInput, 'warehouseId'>>;

const UNIQUE = {
  zones_warehouse_code_key: { field: 'code', message: 'a zone with this code already exists in the warehouse' },
  zones_one_differences_zone: { field: 'usage', message: 'the warehouse already has an inventory-differences zone' },
};

export async function loadZone(trx: Tx, actor: Actor, id: string, field?: string): Promise<ZoneView> {
  const row = await findZone(trx, id);
  return found(visible(actor, row), `zone ${id}`, field);
}

/**
 * Closing transfers each difference to the warehouse's differences zone without a bin (SPEC §4.5), so that
 * zone must be unstructured; a CHECK constraint (migration 0070) holds the same rule in SQL.
 */
function requireUnstructuredDifferences(z: { code: string; structured: boolean; usage: ZoneUsage }): void {
  if (z.usage === 'inventory_differences' && z.structured) {
    throw new DomainError(
      'place.differences_zone_structured',
      `zone ${z.code}: an inventory-differences zone receives count differences without a bin, so it cannot be structured`,
      { field: 'structured', params: { zoneCode: z.code } },
    );
  }
}

async function checkDifferencesZone(trx: Tx, warehouseId: string, exceptId: string | null): Promise<void> {
  const other = await findDifferencesZone(trx, warehouseId, exceptId);
  if (other) {
    throw new DomainError(
      'conflict.duplicate',
      `zone ${other.code} is already the inventory-differences zone of this warehouse; at most one is allowed`,
      {
        field: 'usage',
      },
    );
  }
}

export async function listZones(ctx: ServiceContext, actor: Actor, f: ZoneFilter): Promise<Page<ZoneView>> {
  requireRole(actor, 'counter');
  const rows = await listZoneRows(ctx.db, siteScope(actor), f);
  return pageOf(rows, f);
}

export async function getZone(ctx: ServiceContext, actor: Actor, id: string): Promise<ZoneView> {
  requireRole(actor, 'counter');
  return loadZone(ctx.db, actor, id);
}

export async function createZone(ctx: ServiceContext, actor: Actor, input: ZoneInput): Promise<ZoneView> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () =>
    inTransaction(ctx, async (trx) => {
      const wh = await loadWarehouse(trx, actor, input.warehouseId, 'warehouseId');
      requireSite(actor, wh.siteId);
      checkZoneAllowed(wh);
      const usage = input.usage ?? 'normal';
      requireUnstructuredDifferences({ code: input.code, structured: input.structured, usage });
      if (usage === 'inventory_differences') await checkDifferencesZone(trx, wh.id, null);
      return insertZone(trx, {
        siteId: wh.siteId,
        warehouseId: wh.id,
        code: input.code,
        name: input.name,
        organisation: input.organisation,
        structured: input.structured,
        usage,
        createdAt: ctx.now(),
      });
    }),
  );
}

export async function updateZone(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: ZoneChanges,
): Promise<ZoneView> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () =>
    inTransaction(ctx, async (trx) => {
      const current = await loadZone(trx, actor, id);
      requireSite(actor, current.siteId);
      const layoutChanges =
        (changes.organisation !== undefined && changes.organisation !== current.organisation) ||
        (changes.structured !== undefined && changes.structured !== current.structured);
      if (layoutChanges) {
        // Bin codes were derived from the organisation; changing it under existing bins would make them lie.
        const bin = await findAnyBinOfZone(trx, id);
        if (bin) {
          throw new DomainError(
            'conflict.in_use',
            `zone ${current.code} has bins (e.g. ${bin.code}); its organisation and structured flag can no longer change`,
            {
              field: changes.organisation !== undefined ? 'organisation' : 'structured',
            },
          );
        }
      }
      requireUnstructuredDifferences({
        code: changes.code ?? current.code,
        structured: changes.structured ?? current.structured,
        usage: changes.usage ?? current.usage,
      });
      if (changes.usage === 'inventory_differences' && current.usage !== 'inventory_differences') {
        await checkDifferencesZone(trx, current.warehouseId, id);
      }
      const set = defined({
        code: changes.code,
        name: changes.name,
        organisation: changes.organisation,
        structured: changes.structured,
        usage: changes.usage,
      });
      if (Object.keys(set).length === 0) return current;
      return updateZoneRow(trx, id, set);
    }),
  );
}

export async function deleteZone(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'manager');
  await mapDbErrors({ inUse: `zone ${id} still has stock, movements or count lists referring to it` }, () =>
    inTransaction(ctx, async (trx) => {
      const current = await loadZone(trx, actor, id);
      requireSite(actor, current.siteId);
      const bin = await findAnyBinOfZone(trx, id);
      if (bin)
        throw new DomainError(
          'conflict.in_use',
          `zone ${current.code} still has bins (e.g. ${bin.code}); delete them first`,
        );
      // count_list_items has no foreign key to zones (migration 0071): ask for count lists here.
      const listed = await findAnyCountListOfZone(trx, id);
      if (listed)
        throw new DomainError('conflict.in_use', `zone ${current.code} is on count lists; delete or close them first`, {
          params: { countListId: listed.countListId },
        });
      await deleteZoneRow(trx, id);
    }),
  );
}
