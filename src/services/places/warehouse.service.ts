// Warehouses (SPEC §1): belong to a site; unstructured (stock per warehouse), structured (zones and bins)
// or virtual (never counted); physically internal or external; a responsible employee (a user).
import { DomainError } from '../../domain/errors.js';
import type { WarehouseKind } from '../../domain/place.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { type Page, type PageInput, defined, escapeLike, mapDbErrors, pageOf, requireSite, siteScope, visible } from './support.js';

export interface WarehouseView {
  id: string; siteId: string; code: string; name: string; kind: WarehouseKind; physical: 'internal' | 'external';
  responsibleUserId: string | null; allowNegative: boolean; costCentre: string | null;
}
export interface WarehouseInput {
  siteId: string; code: string; name: string; kind: WarehouseKind; physical?: 'internal' | 'external' | undefined;
  responsibleUserId?: string | null | undefined; allowNegative?: boolean | undefined; costCentre?: string | null | undefined;
}
export type WarehouseChanges = Partial<Omit<WarehouseInput, 'siteId'>>;
export interface WarehouseFilter extends PageInput {
  siteId?: string | undefined; kind?: WarehouseKind | undefined; physical?: 'internal' | 'external' | undefined;
  responsibleUserId?: string | undefined; q?: string | undefined;
}

const COLUMNS = ['id', 'siteId', 'code', 'name', 'kind', 'physical', 'responsibleUserId', 'allowNegative', 'costCentre'] as const;
const UNIQUE = { warehouses_site_code_key: { field: 'code', message: 'a warehouse with this code already exists in the site' } };

/** Loads a warehouse the actor may see, or not_found. */
export async function loadWarehouse(trx: Tx, actor: Actor, id: string, field?: string): Promise<WarehouseView> {
  const row = await trx.selectFrom('warehouses').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return found(visible(actor, row), `warehouse ${id}`, field);
}

async function checkResponsible(trx: Tx, userId: string | null | undefined): Promise<void> {
  if (userId === null || userId === undefined) return;
  const user = await trx.selectFrom('users').select(['id', 'active']).where('id', '=', userId).executeTakeFirst();
  if (!user || !user.active) {
    throw new DomainError('reference.unknown', `responsible employee ${userId} is not an active user`, { field: 'responsibleUserId' });
  }
}

export async function listWarehouses(ctx: ServiceContext, actor: Actor, f: WarehouseFilter): Promise<Page<WarehouseView>> {
  requireRole(actor, 'counter');
  let q = ctx.db.selectFrom('warehouses').select(COLUMNS);
  const scope = siteScope(actor);
  if (scope !== null) q = q.where('siteId', '=', scope);
  if (f.siteId) q = q.where('siteId', '=', f.siteId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.physical) q = q.where('physical', '=', f.physical);
  if (f.responsibleUserId) q = q.where('responsibleUserId', '=', f.responsibleUserId);
  if (f.q) {
    const t = escapeLike(f.q.toLowerCase());
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['code']), 'like', `${t}%`), eb(eb.fn('lower', ['name']), 'like', `%${t}%`)]));
  }
  const rows = await q.orderBy('siteId').orderBy('code').limit(f.limit + 1).offset(f.offset).execute();
  return pageOf(rows, f);
}

export async function getWarehouse(ctx: ServiceContext, actor: Actor, id: string): Promise<WarehouseView> {
  requireRole(actor, 'counter');
  return loadWarehouse(ctx.db, actor, id);
}

export async function createWarehouse(ctx: ServiceContext, actor: Actor, input: WarehouseInput): Promise<WarehouseView> {
  requireRole(actor, 'manager');
  requireSite(actor, input.siteId);
  return mapDbErrors({ unique: UNIQUE }, () => inTransaction(ctx, async (trx) => {
    const site = await trx.selectFrom('sites').select('id').where('id', '=', input.siteId).executeTakeFirst();
    if (!site) throw new DomainError('reference.unknown', `site ${input.siteId} does not exist`, { field: 'siteId' });
    await checkResponsible(trx, input.responsibleUserId);
    return trx.insertInto('warehouses').values({
      siteId: input.siteId, code: input.code, name: input.name, kind: input.kind, physical: input.physical ?? 'internal',
      responsibleUserId: input.responsibleUserId ?? null, allowNegative: input.allowNegative ?? false,
      costCentre: input.costCentre ?? null, createdAt: ctx.now(),
    }).returning(COLUMNS).executeTakeFirstOrThrow();
  }));
}

export async function updateWarehouse(ctx: ServiceContext, actor: Actor, id: string, changes: WarehouseChanges): Promise<WarehouseView> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () => inTransaction(ctx, async (trx) => {
    const current = await loadWarehouse(trx, actor, id);
    requireSite(actor, current.siteId);
    await checkResponsible(trx, changes.responsibleUserId);
    if (changes.kind !== undefined && changes.kind !== current.kind) {
      // Zones belong to the structured layout and stock was booked under the old layout: both pin the kind.
      const zone = await trx.selectFrom('zones').select('id').where('warehouseId', '=', id).limit(1).executeTakeFirst();
      if (zone) throw new DomainError('conflict.in_use', `warehouse ${current.code} has zones; delete them before changing its kind`, { field: 'kind' });
      const moved = await trx.selectFrom('stockLedger').select('id').where('warehouseId', '=', id).limit(1).executeTakeFirst();
      if (moved) throw new DomainError('conflict.in_use', `warehouse ${current.code} has stock movements; its kind can no longer change`, { field: 'kind' });
    }
    const set = defined({
      code: changes.code, name: changes.name, kind: changes.kind, physical: changes.physical,
      responsibleUserId: changes.responsibleUserId, allowNegative: changes.allowNegative, costCentre: changes.costCentre,
    });
    if (Object.keys(set).length === 0) return current;
    return trx.updateTable('warehouses').set(set).where('id', '=', id).returning(COLUMNS).executeTakeFirstOrThrow();
  }));
}

export async function deleteWarehouse(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'manager');
  await mapDbErrors({ inUse: `warehouse ${id} still has stock, movements, count lists or inventories referring to it` }, () =>
    inTransaction(ctx, async (trx) => {
      const current = await loadWarehouse(trx, actor, id);
      requireSite(actor, current.siteId);
      const zone = await trx.selectFrom('zones').select('code').where('warehouseId', '=', id).limit(1).executeTakeFirst();
      if (zone) throw new DomainError('conflict.in_use', `warehouse ${current.code} still has zones (e.g. ${zone.code}); delete them first`);
      await trx.deleteFrom('warehouses').where('id', '=', id).execute();
    }));
}
