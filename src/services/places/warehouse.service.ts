// Warehouses (SPEC §1): belong to a site; unstructured (stock per warehouse), structured (zones and bins)
// or virtual (never counted); physically internal or external; a responsible employee (a user).
import { DomainError } from '../../domain/errors.js';
import type { WarehouseKind } from '../../domain/place.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { type Page, defined, mapDbErrors, pageOf, requireSite, siteScope, visible } from './support.js';
import {
  type WarehouseFilter,
  type WarehouseView,
  deleteWarehouseRow,
  findAnyZoneOfWarehouse,
  findWarehouse,
  hasLedgerEntries,
  insertWarehouse,
  isActiveUser,
  listWarehouseRows,
  siteExists,
  updateWarehouseRow,
} from './warehouse.repository.js';

export type { WarehouseView, WarehouseFilter };

export interface WarehouseInput {
  siteId: string;
  code: string;
  name: string;
  kind: WarehouseKind;
  physical?: 'internal' | 'external' | undefined;
  responsibleUserId?: string | null | undefined;
  allowNegative?: boolean | undefined;
  costCentre?: string | null | undefined;
}
export type WarehouseChanges = Partial<Omit<WarehouseInput, 'siteId'>>;

const UNIQUE = {
  warehouses_site_code_key: { field: 'code', message: 'a warehouse with this code already exists in the site' },
};

/** Loads a warehouse the actor may see, or not_found. */
export async function loadWarehouse(trx: Tx, actor: Actor, id: string, field?: string): Promise<WarehouseView> {
  const row = await findWarehouse(trx, id);
  return found(visible(actor, row), `warehouse ${id}`, field);
}

async function checkResponsible(trx: Tx, userId: string | null | undefined): Promise<void> {
  if (userId === null || userId === undefined) return;
  if (!(await isActiveUser(trx, userId))) {
    throw new DomainError('reference.unknown', `responsible employee ${userId} is not an active user`, {
      field: 'responsibleUserId',
    });
  }
}

export async function listWarehouses(
  ctx: ServiceContext,
  actor: Actor,
  f: WarehouseFilter,
): Promise<Page<WarehouseView>> {
  requireRole(actor, 'counter');
  const rows = await listWarehouseRows(ctx.db, siteScope(actor), f);
  return pageOf(rows, f);
}

export async function getWarehouse(ctx: ServiceContext, actor: Actor, id: string): Promise<WarehouseView> {
  requireRole(actor, 'counter');
  return loadWarehouse(ctx.db, actor, id);
}

export async function createWarehouse(
  ctx: ServiceContext,
  actor: Actor,
  input: WarehouseInput,
): Promise<WarehouseView> {
  requireRole(actor, 'manager');
  requireSite(actor, input.siteId);
  return mapDbErrors({ unique: UNIQUE }, () =>
    inTransaction(ctx, async (trx) => {
      if (!(await siteExists(trx, input.siteId)))
        throw new DomainError('reference.unknown', `site ${input.siteId} does not exist`, { field: 'siteId' });
      await checkResponsible(trx, input.responsibleUserId);
      return insertWarehouse(trx, {
        siteId: input.siteId,
        code: input.code,
        name: input.name,
        kind: input.kind,
        physical: input.physical ?? 'internal',
        responsibleUserId: input.responsibleUserId ?? null,
        allowNegative: input.allowNegative ?? false,
        costCentre: input.costCentre ?? null,
        createdAt: ctx.now(),
      });
    }),
  );
}

export async function updateWarehouse(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: WarehouseChanges,
): Promise<WarehouseView> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () =>
    inTransaction(ctx, async (trx) => {
      const current = await loadWarehouse(trx, actor, id);
      requireSite(actor, current.siteId);
      await checkResponsible(trx, changes.responsibleUserId);
      if (changes.kind !== undefined && changes.kind !== current.kind) {
        // Zones belong to the structured layout and stock was booked under the old layout: both pin the kind.
        if (await findAnyZoneOfWarehouse(trx, id))
          throw new DomainError(
            'conflict.in_use',
            `warehouse ${current.code} has zones; delete them before changing its kind`,
            { field: 'kind' },
          );
        if (await hasLedgerEntries(trx, id))
          throw new DomainError(
            'conflict.in_use',
            `warehouse ${current.code} has stock movements; its kind can no longer change`,
            { field: 'kind' },
          );
      }
      const set = defined({
        code: changes.code,
        name: changes.name,
        kind: changes.kind,
        physical: changes.physical,
        responsibleUserId: changes.responsibleUserId,
        allowNegative: changes.allowNegative,
        costCentre: changes.costCentre,
      });
      if (Object.keys(set).length === 0) return current;
      return updateWarehouseRow(trx, id, set);
    }),
  );
}

export async function deleteWarehouse(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'manager');
  await mapDbErrors(
    { inUse: `warehouse ${id} still has stock, movements, count lists or inventories referring to it` },
    () =>
      inTransaction(ctx, async (trx) => {
        const current = await loadWarehouse(trx, actor, id);
        requireSite(actor, current.siteId);
        const zone = await findAnyZoneOfWarehouse(trx, id);
        if (zone)
          throw new DomainError(
            'conflict.in_use',
            `warehouse ${current.code} still has zones (e.g. ${zone.code}); delete them first`,
          );
        await deleteWarehouseRow(trx, id);
      }),
  );
}
