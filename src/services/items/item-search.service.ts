// Finding items by code, search code or description, in one of three match modes (prefix, contains,
// substring); the statements and the indexes they run on are in item-search.repository.ts.
import { type Actor, type ServiceContext, requireRole } from '../context.js';
import { type Page, pageOf } from '../places/support.js';
import { type ItemFilter, selectItems } from './item-search.repository.js';
import { type ItemView, itemView } from './item.service.js';

export type { ItemFilter, MatchMode, SearchField } from './item-search.repository.js';

export async function listItems(ctx: ServiceContext, actor: Actor, f: ItemFilter): Promise<Page<ItemView>> {
  requireRole(actor, 'counter');
  const page = pageOf(await selectItems(ctx.db, f), f);
  return { items: page.items.map(itemView), nextOffset: page.nextOffset };
}
