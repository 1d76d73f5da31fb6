// The site rule (site-scope.ts) in SQL: the where condition every site-bound repository adds, and the look-ups
// the rule needs for rows a request names by id.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from './context.js';

/** The site an actor is limited to; null: every site (scopeOf in site-scope.ts). */
export interface SiteScope {
  siteId: string | null;
}

export async function findWarehouseSite(
  trx: Tx,
  id: string,
): Promise<{ id: string; siteId: string; code: string } | undefined> {
  return trx.selectFrom('warehouses').select(['id', 'siteId', 'code']).where('id', '=', id).executeTakeFirst();
}

/**
 * A where condition on a site_id column (`b.siteId`, `w.site_id`): true for an unscoped user. The column is a
 * reference, the site a bound parameter.
 */
export function siteIs(column: string, scope: SiteScope): RawBuilder<boolean> {
  return scope.siteId === null ? sql<boolean>`true` : sql<boolean>`${sql.ref(column)} = ${scope.siteId}`;
}
