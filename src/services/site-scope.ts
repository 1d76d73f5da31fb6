// Site isolation, written once. A user bound to a site (users.site_id) reads and writes only that site's rows;
// a user without a site (the set-up admin, the CLI and background jobs) works across all sites. The rule
// holds whatever the role: an admin given a site is scoped like anyone else.
//
// One answer for everything outside the scope: `not_found`, exactly as for an id that does not exist —
// whether the row was named by a path id, a query filter or a body field (a posting's siteId, a reservation's
// warehouse). Nothing about another site's rows (existence, numbers, codes) is revealed. `auth.forbidden`
// stays the answer of the role check only.
//
// Repositories take a `SiteScope` and add the condition through `siteIs` (site-scope.repository.ts: a where clause on the table's
// site_id, or on the site_id of the warehouse or list it joins); single rows loaded by id are checked with
// `requireInScope` before anything is done with them.
import { DomainError } from '../domain/errors.js';
import type { Actor, Tx } from './context.js';
import { findWarehouseSite, type SiteScope } from './site-scope.repository.js';

// The type is declared beside the statements that take it (a type import back from the repository would
// be an import cycle); the scope's users name it here.
export type { SiteScope };

export const ALL_SITES: SiteScope = { siteId: null };

export function scopeOf(actor: Pick<Actor, 'siteId'>): SiteScope {
  return { siteId: actor.siteId };
}

export function inScope(scope: SiteScope, siteId: string | null | undefined): boolean {
  return scope.siteId === null || siteId === scope.siteId;
}

/** Throws not_found (the same answer as a missing row) unless `siteId` is inside the scope. */
export function requireInScope(
  scope: SiteScope,
  siteId: string | null | undefined,
  what: string,
  field?: string,
): void {
  if (!inScope(scope, siteId)) throw new DomainError('not_found', `${what} not found`, field ? { field } : {});
}

/** The row if it is inside the scope, else undefined (so `found(...)` answers as for a missing row). */
export function visibleIn<T extends { siteId: string | null }>(scope: SiteScope, row: T | undefined): T | undefined {
  return row && inScope(scope, row.siteId) ? row : undefined;
}

/**
 * The site a filter may read: the scope's own site whatever was asked, or the asked site for an unscoped
 * user. Asking a scoped user's filter for another site answers nothing (an empty page), not an error: a list
 * filter names no row.
 */
export function filterSite(
  scope: SiteScope,
  asked: string | null | undefined,
): { siteId: string | undefined; empty: boolean } {
  if (scope.siteId === null) return { siteId: asked ?? undefined, empty: false };
  return { siteId: scope.siteId, empty: asked != null && asked !== scope.siteId };
}

/** A warehouse named by a request (query or body): not_found unless it exists inside the scope. */
export async function requireWarehouseInScope(
  trx: Tx,
  scope: SiteScope,
  warehouseId: string,
  field = 'warehouseId',
): Promise<{ id: string; siteId: string; code: string }> {
  const wh = await findWarehouseSite(trx, warehouseId);
  if (!wh || !inScope(scope, wh.siteId))
    throw new DomainError('not_found', `warehouse ${warehouseId} not found`, { field });
  return wh;
}
