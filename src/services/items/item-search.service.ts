// Finding items by code, search code or description, in one of three match modes (prefix, contains,
// substring); the statements and the indexes they run on are in item-search.repository.ts.
import type { ClassificationField, LotManagement } from '../../domain/item.js';
import { type Actor, type ServiceContext, requireRole } from '../context.js';
import { type Page, type PageInput, pageOf } from '../places/support.js';
import { selectItems } from './item-search.repository.js';
import { type ItemView, itemView } from './item.service.js';

export type MatchMode = 'prefix' | 'contains' | 'substring';
export type SearchField = 'any' | 'code' | 'searchCode' | 'description';

export interface ItemFilter extends PageInput, Partial<Record<ClassificationField, string>> {
  q?: string | undefined;
  match?: MatchMode | undefined;
  field?: SearchField | undefined;
  primaryUnit?: string | undefined;
  lotManagement?: LotManagement | undefined;
  serialManagement?: boolean | undefined;
  includeInInventory?: boolean | undefined;
  abcClass?: 'A' | 'B' | 'C' | undefined;
}

export async function listItems(ctx: ServiceContext, actor: Actor, f: ItemFilter): Promise<Page<ItemView>> {
  requireRole(actor, 'counter');
  const page = pageOf(await selectItems(ctx.db, f), f);
  return { items: page.items.map(itemView), nextOffset: page.nextOffset };
}
