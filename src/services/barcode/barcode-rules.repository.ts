// Statements of the user barcode rules of a site (table barcode_rules). A row holds the rule as the JSON that
// parseBarcodeRule accepted; its name lives in the column and is copied into the rule when read back.
import type { Insertable, Selectable, Updateable } from 'kysely';
import { type BarcodeRule, parseBarcodeRule } from '../../domain/barcode/index.js';
import type { BarcodeRulesTable } from '../../storage/tables/barcode-rules.tables.js';
import type { Tx } from '../context.js';
import { siteIs } from '../site-scope.repository.js';
import type { SiteScope } from '../site-scope.js';

export type BarcodeRuleRow = Selectable<BarcodeRulesTable>;

const COLUMNS = ['id', 'siteId', 'name', 'position', 'active', 'rule', 'createdAt', 'updatedAt'] as const;

/** The rule body of a row: jsonb comes back parsed from PostgreSQL, as text from some drivers. */
export function ruleBody(row: { rule: unknown }): Record<string, unknown> {
  return (typeof row.rule === 'string' ? JSON.parse(row.rule) : row.rule) as Record<string, unknown>;
}

/** A stored rule row back to a BarcodeRule; rows are validated on write, so a failure here is skipped. */
function ruleFromRow(row: { name: string; rule: unknown }): BarcodeRule | undefined {
  const parsed = parseBarcodeRule({ ...ruleBody(row), name: row.name });
  return parsed.ok ? parsed.rule : undefined;
}

/** The rule `id` if it is in the scope, locked for the rest of the transaction. */
export async function lockBarcodeRule(trx: Tx, id: string, scope: SiteScope): Promise<BarcodeRuleRow | undefined> {
  return trx
    .selectFrom('barcodeRules')
    .select(COLUMNS)
    .where('id', '=', id)
    .where(siteIs('siteId', scope))
    .forUpdate()
    .executeTakeFirst();
}

/** Whether another rule of the site (other than `exceptId`) has this name. */
export async function barcodeRuleNameTaken(trx: Tx, siteId: string, name: string, exceptId?: string): Promise<boolean> {
  let q = trx.selectFrom('barcodeRules').select('id').where('siteId', '=', siteId).where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Every rule of the site in decode order. */
export async function selectSiteBarcodeRules(db: Tx, siteId: string): Promise<BarcodeRuleRow[]> {
  return db
    .selectFrom('barcodeRules')
    .select(COLUMNS)
    .where('siteId', '=', siteId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The site's active rules in decode order: one indexed read (barcode_rules_site_position_idx). */
export async function selectActiveBarcodeRules(db: Tx, siteId: string): Promise<BarcodeRule[]> {
  const rows = await db
    .selectFrom('barcodeRules')
    .select(['name', 'rule'])
    .where('siteId', '=', siteId)
    .where('active', '=', true)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.flatMap((r) => ruleFromRow(r) ?? []);
}

/** The position after the site's last rule (0 for its first). */
export async function nextBarcodeRulePosition(trx: Tx, siteId: string): Promise<number> {
  const last = await trx
    .selectFrom('barcodeRules')
    .select(({ fn }) => fn.max('position').as('max'))
    .where('siteId', '=', siteId)
    .executeTakeFirst();
  return last?.max == null ? 0 : Number(last.max) + 1;
}

export async function insertBarcodeRule(trx: Tx, row: Insertable<BarcodeRulesTable>): Promise<BarcodeRuleRow> {
  return trx.insertInto('barcodeRules').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
}

export async function updateBarcodeRuleRow(
  trx: Tx,
  id: string,
  set: Updateable<BarcodeRulesTable>,
): Promise<BarcodeRuleRow> {
  return trx.updateTable('barcodeRules').set(set).where('id', '=', id).returning(COLUMNS).executeTakeFirstOrThrow();
}

export async function deleteBarcodeRuleRow(trx: Tx, id: string): Promise<void> {
  await trx.deleteFrom('barcodeRules').where('id', '=', id).execute();
}

/** The ids of every rule of the site, locked: a reorder sees the whole set. */
export async function lockSiteBarcodeRuleIds(trx: Tx, siteId: string): Promise<string[]> {
  const rows = await trx.selectFrom('barcodeRules').select('id').where('siteId', '=', siteId).forUpdate().execute();
  return rows.map((r) => r.id);
}

export async function setBarcodeRulePosition(trx: Tx, id: string, position: number, now: Date): Promise<void> {
  await trx.updateTable('barcodeRules').set({ position, updatedAt: now }).where('id', '=', id).execute();
}

/** The id of the site with this code (the CLI names sites by code). */
export async function findSiteIdByCode(db: Tx, code: string): Promise<string | undefined> {
  return (await db.selectFrom('sites').select('id').where('code', '=', code).executeTakeFirst())?.id;
}
