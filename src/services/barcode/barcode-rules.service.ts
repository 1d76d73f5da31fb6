// User barcode rules per site (SPEC §5: "user-defined rules … for in-house labels"). A rule is stored as
// the JSON that parseBarcodeRule accepted, so decoding never meets an invalid rule; its name lives in the
// column (unique per site) and is copied into the rule. Order matters: the first matching rule wins.
import { parseBarcodeRule, type BarcodeRule } from '../../domain/barcode/index.js';
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, type Tx, found, requireRole } from '../context.js';
import { scopeOf, siteIs } from '../site-scope.js';
import { siteScope } from './decode.service.js';

export interface BarcodeRuleView {
  id: string;
  siteId: string;
  name: string;
  position: number;
  active: boolean;
  /** The rule as validated (a BarcodeRule), as plain JSON data. */
  rule: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface NewBarcodeRule {
  siteId?: string | undefined;
  name: string;
  rule: Record<string, unknown>;
  active?: boolean | undefined;
}

export interface BarcodeRuleChanges {
  name?: string | undefined;
  rule?: Record<string, unknown> | undefined;
  active?: boolean | undefined;
}

/** Validates the rule body under `name`; errors name the field as `rule.<path>` (or `name`). */
function validRule(name: string, rule: Record<string, unknown>): BarcodeRule {
  const { name: _ignored, ...rest } = rule;
  const parsed = parseBarcodeRule({ ...rest, name });
  if (!parsed.ok) {
    const path = parsed.error.path;
    const field = path === 'name' ? 'name' : path ? `rule.${path}` : 'rule';
    throw new DomainError(parsed.error.code, `barcode rule: ${parsed.error.message}`, { field });
  }
  return parsed.rule;
}

type Row = {
  id: string;
  siteId: string;
  name: string;
  position: number;
  active: boolean;
  rule: unknown;
  createdAt: Date | string;
  updatedAt: Date | string;
};

function view(row: Row): BarcodeRuleView {
  const rule = (typeof row.rule === 'string' ? JSON.parse(row.rule) : row.rule) as BarcodeRule;
  const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
  return {
    id: row.id,
    siteId: row.siteId,
    name: row.name,
    position: row.position,
    active: row.active,
    rule: { ...rule, name: row.name } as Record<string, unknown>,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

const COLUMNS = ['id', 'siteId', 'name', 'position', 'active', 'rule', 'createdAt', 'updatedAt'] as const;

function requireSite(actor: Actor, siteId: string | undefined): string {
  const site = siteScope(actor, siteId);
  if (site === null)
    throw new DomainError('validation.failed', 'siteId is required: barcode rules belong to a site', {
      field: 'siteId',
    });
  return site;
}

async function loadForChange(trx: Tx, actor: Actor, id: string): Promise<Row> {
  // Another site's rule answers as a missing one.
  const scope = scopeOf(actor);
  return found(
    await trx
      .selectFrom('barcodeRules')
      .select(COLUMNS)
      .where('id', '=', id)
      .where(siteIs('siteId', scope))
      .forUpdate()
      .executeTakeFirst(),
    `barcode rule ${id}`,
  );
}

async function nameTaken(trx: Tx, siteId: string, name: string, exceptId?: string): Promise<void> {
  let q = trx.selectFrom('barcodeRules').select('id').where('siteId', '=', siteId).where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst())
    throw new DomainError('conflict.duplicate', `site ${siteId} already has a barcode rule named "${name}"`, {
      field: 'name',
    });
}

/** Rules of a site in decode order. Counters may read them (a handheld decodes offline with them). */
export async function listBarcodeRules(ctx: ServiceContext, actor: Actor, siteId?: string): Promise<BarcodeRuleView[]> {
  requireRole(actor, 'counter');
  const site = requireSite(actor, siteId);
  const rows = await ctx.db
    .selectFrom('barcodeRules')
    .select(COLUMNS)
    .where('siteId', '=', site)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(view);
}

/** Adds a rule at the end of the site's order. */
export async function createBarcodeRule(
  ctx: ServiceContext,
  actor: Actor,
  input: NewBarcodeRule,
): Promise<BarcodeRuleView> {
  requireRole(actor, 'manager');
  const siteId = requireSite(actor, input.siteId);
  const rule = validRule(input.name, input.rule);
  return ctx.db.transaction().execute(async (trx) => {
    found(
      await trx.selectFrom('sites').select('id').where('id', '=', siteId).executeTakeFirst(),
      `site ${siteId}`,
      'siteId',
    );
    await nameTaken(trx, siteId, input.name);
    const last = await trx
      .selectFrom('barcodeRules')
      .select(({ fn }) => fn.max('position').as('max'))
      .where('siteId', '=', siteId)
      .executeTakeFirst();
    const position = last?.max == null ? 0 : Number(last.max) + 1;
    const now = ctx.now();
    const row = await trx
      .insertInto('barcodeRules')
      .values({
        siteId,
        name: input.name,
        position,
        rule: JSON.stringify(rule),
        active: input.active ?? true,
        createdAt: now,
        updatedAt: now,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return view(row);
  });
}

export async function updateBarcodeRule(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: BarcodeRuleChanges,
): Promise<BarcodeRuleView> {
  requireRole(actor, 'manager');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadForChange(trx, actor, id);
    const name = changes.name ?? row.name;
    if (changes.name !== undefined && changes.name !== row.name) await nameTaken(trx, row.siteId, name, id);
    // A rename re-validates the stored rule under the new name; a new body replaces the old one whole.
    const body =
      changes.rule ?? ((typeof row.rule === 'string' ? JSON.parse(row.rule) : row.rule) as Record<string, unknown>);
    const rule = validRule(name, body);
    const updated = await trx
      .updateTable('barcodeRules')
      .set({
        name,
        rule: JSON.stringify(rule),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
        updatedAt: ctx.now(),
      })
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return view(updated);
  });
}

export async function deleteBarcodeRule(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'manager');
  await ctx.db.transaction().execute(async (trx) => {
    await loadForChange(trx, actor, id);
    await trx.deleteFrom('barcodeRules').where('id', '=', id).execute();
  });
}

/**
 * Sets the decode order of a site's rules. `ids` must name every rule of the site exactly once: a partial
 * list would leave the others' order undefined.
 */
export async function reorderBarcodeRules(
  ctx: ServiceContext,
  actor: Actor,
  input: { siteId?: string | undefined; ids: string[] },
): Promise<BarcodeRuleView[]> {
  requireRole(actor, 'manager');
  const siteId = requireSite(actor, input.siteId);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('barcodeRules').select('id').where('siteId', '=', siteId).forUpdate().execute();
    const existing = new Set(rows.map((r) => r.id));
    const given = new Set(input.ids);
    if (given.size !== input.ids.length)
      throw new DomainError('validation.failed', 'ids lists a rule twice', { field: 'ids' });
    const missing = [...existing].filter((x) => !given.has(x));
    const unknown = input.ids.filter((x) => !existing.has(x));
    if (missing.length > 0 || unknown.length > 0) {
      throw new DomainError('validation.failed', 'ids must list every barcode rule of the site exactly once', {
        field: 'ids',
        params: { missing, unknown },
      });
    }
    const now = ctx.now();
    for (const [position, id] of input.ids.entries()) {
      await trx.updateTable('barcodeRules').set({ position, updatedAt: now }).where('id', '=', id).execute();
    }
    const result = await trx
      .selectFrom('barcodeRules')
      .select(COLUMNS)
      .where('siteId', '=', siteId)
      .orderBy('position')
      .orderBy('id')
      .execute();
    return result.map(view);
  });
}
