// Finding items by code, search code or description. Every match mode but `substring` runs on an index:
// - prefix:   items.code (text_pattern_ops), item_search_codes.code (text_pattern_ops, 0010),
//             lower(items.description) (text_pattern_ops);
// - contains: a word anywhere in code, description or a search code that starts with the text, through
//             item_search_terms (0010) — our pg_trgm-free substitute, since PGlite has no pg_trgm;
// - substring: plain `%text%` on code and description, a scan: for small catalogs or odd fragments.
import { type SqlBool, type ExpressionBuilder, sql } from 'kysely';
import { CLASSIFICATION_FIELDS, type ClassificationField, type LotManagement } from '../../domain/item.js';
import type { Database } from '../../storage/schema.js';
import { type Actor, type ServiceContext, requireRole } from '../context.js';
import { type Page, type PageInput, digitSafe, escapeLike, pageOf } from '../places/support.js';
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

type Eb = ExpressionBuilder<Database, 'items'>;

/** The condition "this item matches q" for one mode and field set, as id-in-subquery unions (each indexed). */
function matches(eb: Eb, q: string, match: MatchMode, field: SearchField) {
  const lower = q.toLowerCase();
  const esc = escapeLike(q);
  const escLower = escapeLike(lower);
  const want = (f: SearchField) => field === 'any' || field === f;
  const parts: Array<ReturnType<Eb['or']>> = [];
  if (match === 'prefix') {
    if (want('code')) parts.push(eb.or([eb('items.code', 'like', `${esc}%`)]));
    if (want('description')) parts.push(eb.or([eb(sql`lower(items.description)`, 'like', `${escLower}%`)]));
    if (want('searchCode')) {
      parts.push(eb.or([eb('items.id', 'in', eb.selectFrom('itemSearchCodes').select('itemSearchCodes.itemId').where('itemSearchCodes.code', 'like', `${esc}%`))]));
    }
  } else if (match === 'contains') {
    // Terms do not remember which text they came from; a field restriction re-checks the field itself.
    const viaTerms = eb('items.id', 'in', eb.selectFrom('itemSearchTerms').select('itemSearchTerms.itemId').where('itemSearchTerms.term', 'like', `${escLower}%`));
    if (field === 'any') parts.push(eb.or([viaTerms]));
    else if (field === 'code') parts.push(eb.and([viaTerms, eb(sql`lower(items.code)`, 'like', `%${escLower}%`)]));
    else if (field === 'description') parts.push(eb.and([viaTerms, eb(sql`lower(items.description)`, 'like', `%${escLower}%`)]));
    else {
      parts.push(eb.and([viaTerms, eb('items.id', 'in', eb.selectFrom('itemSearchCodes').select('itemSearchCodes.itemId')
        .where(sql<SqlBool>`lower(item_search_codes.code) like ${`%${escLower}%`}`))]));
    }
  } else {
    if (want('code')) parts.push(eb.or([eb(sql`lower(items.code)`, 'like', `%${escLower}%`)]));
    if (want('description')) parts.push(eb.or([eb(sql`lower(items.description)`, 'like', `%${escLower}%`)]));
    if (want('searchCode')) {
      parts.push(eb.or([eb('items.id', 'in', eb.selectFrom('itemSearchCodes').select('itemSearchCodes.itemId')
        .where(sql<SqlBool>`lower(item_search_codes.code) like ${`%${escLower}%`}`))]));
    }
  }
  return eb.or(parts);
}

export async function listItems(ctx: ServiceContext, actor: Actor, f: ItemFilter): Promise<Page<ItemView>> {
  requireRole(actor, 'counter');
  let q = digitSafe(ctx.db).selectFrom('items').selectAll('items');
  const text = f.q?.trim();
  if (text) q = q.where((eb) => matches(eb, text, f.match ?? 'contains', f.field ?? 'any'));
  for (const field of Object.keys(CLASSIFICATION_FIELDS) as ClassificationField[]) {
    const v = f[field];
    if (v !== undefined) q = q.where(`items.${field}`, '=', v);
  }
  if (f.primaryUnit) q = q.where('items.primaryUnit', '=', f.primaryUnit);
  if (f.lotManagement) q = q.where('items.lotManagement', '=', f.lotManagement);
  if (f.serialManagement !== undefined) q = q.where('items.serialManagement', '=', f.serialManagement);
  if (f.includeInInventory !== undefined) q = q.where('items.includeInInventory', '=', f.includeInInventory);
  if (f.abcClass) q = q.where('items.abcClass', '=', f.abcClass);
  const rows = await q.orderBy('items.code').limit(f.limit + 1).offset(f.offset).execute();
  const page = pageOf(rows, f);
  return { items: page.items.map(itemView), nextOffset: page.nextOffset };
}
