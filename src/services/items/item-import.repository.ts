// Set-based statements of the item import and export: codes in use, items with their main search code and
// further search codes written in chunks of INSERT … SELECT FROM jsonb_to_recordset, their word-search
// terms, and the keyset pages of the export. Raw-SQL result keys come back camelCased (CamelCasePlugin).
import { type Selectable, sql } from 'kysely';
import type { ImportedItem } from '../../domain/items/import.js';
import { CLASSIFICATION_FIELDS, searchTerms } from '../../domain/items/item.js';
import type { ItemsTable } from '../../storage/tables/core.tables.js';
import type { Tx } from '../context.js';

/** Rows per statement. */
export const CHUNK = 5000;
/** Codes per look-up: keeps one statement's parameter small. */
const LOOKUP = 50_000;

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

/** Import field, column, SQL type: the JSON keys are the column names, so record definition and insert list match. */
const ITEM_SQL_COLUMNS: [keyof ImportedItem & string, string, string][] = [
  ['code', 'code', 'text'],
  ['description', 'description', 'text'],
  ['primaryUnit', 'primary_unit', 'text'],
  ['secondaryUnit', 'secondary_unit', 'text'],
  ['secondaryConversionOp', 'secondary_conversion_op', 'text'],
  ['secondaryConversionFactor', 'secondary_conversion_factor', 'numeric'],
  ['lotManagement', 'lot_management', 'text'],
  ['serialManagement', 'serial_management', 'boolean'],
  ['serialClass', 'serial_class', 'text'],
  ['lotAvailabilityCheck', 'lot_availability_check', 'text'],
  ['availabilityCheck', 'availability_check', 'text'],
  ['includeInInventory', 'include_in_inventory', 'boolean'],
  ['countCycleDays', 'count_cycle_days', 'int'],
  ...(Object.entries(CLASSIFICATION_FIELDS).map(([k, v]) => [k, v, 'text']) as [string, string, string][]),
  ['standardCost', 'standard_cost', 'numeric'],
  ['inventoryPrice', 'inventory_price', 'numeric'],
  ['thresholdQuantity', 'threshold_quantity', 'numeric'],
  ['minStock', 'min_stock', 'numeric'],
  ['maxStock', 'max_stock', 'numeric'],
  ['reorderPoint', 'reorder_point', 'numeric'],
  ['netWeight', 'net_weight', 'numeric'],
  ['grossWeight', 'gross_weight', 'numeric'],
  ['vatCode', 'vat_code', 'text'],
  ['accountingCategory', 'accounting_category', 'text'],
  ['packageType', 'package_type', 'text'],
  ['supplementaryDescription', 'supplementary_description', 'text'],
];

/** Import columns stored as numbers (numeric and int): the export writes them as numbers in XLSX. */
export const NUMERIC_ITEM_COLUMNS = new Set(
  ITEM_SQL_COLUMNS.filter(([, , t]) => t === 'numeric' || t === 'int').map(([k]) => k as string),
);

/** Codes among `codes` already used as item or search codes. */
export async function selectCodesInUse(trx: Tx, codes: string[]): Promise<Set<string>> {
  const used = new Set<string>();
  for (let i = 0; i < codes.length; i += LOOKUP) {
    const { rows } = await sql<{ code: string }>`select s.code from item_search_codes s
      where s.code in (select jsonb_array_elements_text(${json(codes.slice(i, i + LOOKUP))}))`.execute(trx);
    for (const r of rows) used.add(r.code);
  }
  return used;
}

/** The items with these codes (id and description), by code. */
export async function selectItemsByCodes(
  trx: Tx,
  codes: string[],
): Promise<Map<string, { id: string; description: string }>> {
  const ids = new Map<string, { id: string; description: string }>();
  for (let i = 0; i < codes.length; i += LOOKUP) {
    const { rows } = await sql<{ id: string; code: string; description: string }>`
      select id::text, code, description from items
      where code in (select jsonb_array_elements_text(${json(codes.slice(i, i + LOOKUP))}))`.execute(trx);
    for (const f of rows) ids.set(f.code, f);
  }
  return ids;
}

/** Writes word-search terms for new items and codes (the same terms the item service keeps). */
async function insertSearchTermsOf(trx: Tx, entries: { itemId: string; texts: string[] }[]): Promise<void> {
  let batch: { item_id: string; term: string }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await sql`insert into item_search_terms (item_id, term) select x.item_id, x.term
      from jsonb_to_recordset(${json(batch)}) as x(item_id bigint, term text) on conflict do nothing`.execute(trx);
    batch = [];
  };
  for (const e of entries) {
    for (const term of searchTerms(e.texts)) batch.push({ item_id: e.itemId, term });
    if (batch.length >= CHUNK * 4) await flush();
  }
  await flush();
}

/** Writes the items, each with its main search code (item code, primary unit, factor 1) and its terms. */
export async function insertImportedItems(trx: Tx, items: ImportedItem[], now: Date): Promise<void> {
  const cols = sql.raw(ITEM_SQL_COLUMNS.map(([, c]) => c).join(', '));
  const defs = sql.raw(ITEM_SQL_COLUMNS.map(([, c, t]) => `${c} ${t}`).join(', '));
  for (let i = 0; i < items.length; i += CHUNK) {
    const part = items
      .slice(i, i + CHUNK)
      .map((it) => Object.fromEntries(ITEM_SQL_COLUMNS.map(([k, c]) => [c, it[k] ?? null])));
    const { rows } = await sql<{ itemId: string; code: string; description: string }>`
      with ins as (
        insert into items (${cols}, created_at, updated_at)
        select ${cols}, ${now}, ${now} from jsonb_to_recordset(${json(part)}) as x(${defs})
        returning id, code, primary_unit, description
      )
      insert into item_search_codes (item_id, code, unit, conversion_op, conversion_factor, is_main, description)
      select id, code, primary_unit, 'x', 1, true, description from ins
      returning item_id::text, code, description`.execute(trx);
    await insertSearchTermsOf(
      trx,
      rows.map((r) => ({ itemId: r.itemId, texts: [r.code, r.description] })),
    );
  }
}

export interface NewSearchCodeRow {
  item_id: string;
  code: string;
  unit: string;
  conversion_op: string;
  conversion_factor: string;
  description: string;
}

/** Writes further (non-main) search codes with their terms. */
export async function insertImportedSearchCodes(trx: Tx, codes: NewSearchCodeRow[]): Promise<void> {
  for (let i = 0; i < codes.length; i += CHUNK) {
    const part = codes.slice(i, i + CHUNK);
    await sql`insert into item_search_codes (item_id, code, unit, conversion_op, conversion_factor, is_main, description)
      select x.item_id, x.code, x.unit, x.conversion_op, x.conversion_factor, false, x.description
      from jsonb_to_recordset(${json(part)}) as x(item_id bigint, code text, unit text, conversion_op text, conversion_factor numeric, description text)`.execute(
      trx,
    );
    await insertSearchTermsOf(
      trx,
      part.map((p) => ({ itemId: p.item_id, texts: [p.code] })),
    );
  }
}

/** One keyset page of items in code order: the `limit` items after the code `after`. */
export async function selectItemsAfterCode(db: Tx, after: string, limit: number): Promise<Selectable<ItemsTable>[]> {
  return db.selectFrom('items').selectAll().where('code', '>', after).orderBy('code').limit(limit).execute();
}
