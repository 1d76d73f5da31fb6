// The look-ups the site rule (site-scope.ts) needs for rows a request names by id.
import type { Tx } from './context.js';

export async function findWarehouseSite(
  trx: Tx,
  id: string,
): Promise<{ id: string; siteId: string; code: string } | undefined> {
  return trx.selectFrom('warehouses').select(['id', 'siteId', 'code']).where('id', '=', id).executeTakeFirst();
}
