// Statements of the item search. Every match mode but `substring` runs on an index:
// - prefix:   items.code (text_pattern_ops), item_search_codes.code (text_pattern_ops, 0010),
//             lower(items.description) (text_pattern_ops);
// - contains: a word anywhere in code, description or a search code that starts with the text, through
//             item_search_terms (0010) — a pg_trgm-free substitute (PGlite 0.5 ships pg_trgm only as a contrib
//             extension the embedding code must load; see docs/item-master.md "Search");
// - substring: plain `%text%` on code and description, a scan: for small catalogs or odd fragments.
// Measured with bench/item-search.ts (100,000 items + 100,000 search codes; figures in docs/item-master.md).
import { type SqlBool, type ExpressionBuilder, sql } from 'kysely';
import { CLASSIFICATION_FIELDS, type ClassificationField, type LotManagement } from '../../domain/items/item.js';
import type { Database } from '../../storage/schema.js';
import type { Tx } from '../context.js';
import { type PageInput, digitSafe, escapeLike } from '../places/support.js';
import type { ItemRow } from './item.repository.js';

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
      parts.push(
        eb.or([
          eb(
            'items.id',
            'in',
            eb
              .selectFrom('itemSearchCodes')
              .select('itemSearchCodes.itemId')
              .where('itemSearchCodes.code', 'like', `${esc}%`),
          ),
        ]),
      );
    }
  } else if (match === 'contains') {
    // Terms do not remember which text they came from; a field restriction re-checks the field itself.
    const viaTerms = eb(
      'items.id',
      'in',
      eb
        .selectFrom('itemSearchTerms')
        .select('itemSearchTerms.itemId')
        .where('itemSearchTerms.term', 'like', `${escLower}%`),
    );
    if (field === 'any') parts.push(eb.or([viaTerms]));
    else if (field === 'code') parts.push(eb.and([viaTerms, eb(sql`lower(items.code)`, 'like', `%${escLower}%`)]));
    else if (field === 'description')
      parts.push(eb.and([viaTerms, eb(sql`lower(items.description)`, 'like', `%${escLower}%`)]));
    else {
      parts.push(
        eb.and([
          viaTerms,
          eb(
            'items.id',
            'in',
            eb
              .selectFrom('itemSearchCodes')
              .select('itemSearchCodes.itemId')
              .where(sql<SqlBool>`lower(item_search_codes.code) like ${`%${escLower}%`}`),
          ),
        ]),
      );
    }
  } else {
    if (want('code')) parts.push(eb.or([eb(sql`lower(items.code)`, 'like', `%${escLower}%`)]));
    if (want('description')) parts.push(eb.or([eb(sql`lower(items.description)`, 'like', `%${escLower}%`)]));
    if (want('searchCode')) {
      parts.push(
        eb.or([
          eb(
            'items.id',
            'in',
            eb
              .selectFrom('itemSearchCodes')
              .select('itemSearchCodes.itemId')
              .where(sql<SqlBool>`lower(item_search_codes.code) like ${`%${escLower}%`}`),
          ),
        ]),
      );
    }
  }
  return eb.or(parts);
}

/** Above this many matches in one index arm the matches are dense, and walking items in code order finds a page fast. */
const SPARSE_LIMIT = 5000;

/**
 * Prefix search beyond the item code, step one: the ids of every match, read from the prefix indexes (each arm
 * stops at SPARSE_LIMIT + 1). A single statement "filter while walking items in code order" — the planner's
 * choice for ORDER BY code LIMIT — reads most of the table when the matches are rare or clustered (codes given
 * in sequence: an EAN prefix hits one range of item codes; measured up to 240 ms at 100,000 items, bench/item-search.ts).
 * null when an arm is dense: then the walk is the fast plan.
 */
async function sparsePrefixIds(db: Tx, q: string, field: SearchField): Promise<string[] | null> {
  const esc = `${escapeLike(q)}%`;
  const escLower = `${escapeLike(q.toLowerCase())}%`;
  const cap = SPARSE_LIMIT + 1;
  const arms: Promise<{ id: string }[]>[] = [];
  if (field === 'any') arms.push(db.selectFrom('items').select('id').where('code', 'like', esc).limit(cap).execute());
  if (field === 'any' || field === 'description') {
    arms.push(
      db
        .selectFrom('items')
        .select('id')
        .where(sql<SqlBool>`lower(description) like ${escLower}`)
        .limit(cap)
        .execute(),
    );
  }
  if (field === 'any' || field === 'searchCode') {
    arms.push(db.selectFrom('itemSearchCodes').select('itemId as id').where('code', 'like', esc).limit(cap).execute());
  }
  const found = await Promise.all(arms);
  if (found.some((rows) => rows.length > SPARSE_LIMIT)) return null;
  return [...new Set(found.flat().map((r) => String(r.id)))];
}

/** A page of the items matching the filter (one more than `limit`), in code order. */
export async function selectItems(db: Tx, f: ItemFilter): Promise<ItemRow[]> {
  let q = digitSafe(db).selectFrom('items').selectAll('items');
  const text = f.q?.trim();
  const match = f.match ?? 'contains';
  const field = f.field ?? 'any';
  const ids = text && match === 'prefix' && field !== 'code' ? await sparsePrefixIds(db, text, field) : null;
  if (ids) q = q.where(sql<SqlBool>`items.id = any(${ids}::bigint[])`);
  else if (text) q = q.where((eb) => matches(eb, text, match, field));
  for (const field of Object.keys(CLASSIFICATION_FIELDS) as ClassificationField[]) {
    const v = f[field];
    if (v !== undefined) q = q.where(`items.${field}`, '=', v);
  }
  if (f.primaryUnit) q = q.where('items.primaryUnit', '=', f.primaryUnit);
  if (f.lotManagement) q = q.where('items.lotManagement', '=', f.lotManagement);
  if (f.serialManagement !== undefined) q = q.where('items.serialManagement', '=', f.serialManagement);
  if (f.includeInInventory !== undefined) q = q.where('items.includeInInventory', '=', f.includeInInventory);
  if (f.abcClass) q = q.where('items.abcClass', '=', f.abcClass);
  // With the ids known, OFFSET 0 fences them off: the items are fetched by id and sorted, never walked in code order.
  return ids
    ? digitSafe(db)
        .selectFrom(q.offset(0).as('items'))
        .selectAll('items')
        .orderBy('items.code')
        .limit(f.limit + 1)
        .offset(f.offset)
        .execute()
    : q
        .orderBy('items.code')
        .limit(f.limit + 1)
        .offset(f.offset)
        .execute();
}
