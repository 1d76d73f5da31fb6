// User barcode rules per site (SPEC §5: "user-defined rules … for in-house labels"). A rule is stored as
// the JSON that parseBarcodeRule accepted, so decoding never meets an invalid rule; its name lives in the
// column (unique per site) and is copied into the rule. Order matters: the first matching rule wins.
import { parseBarcodeRule, type BarcodeRule } from '../../domain/barcode/index.js';
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { siteExists } from '../places/warehouse.repository.js';
import { scopeOf } from '../site-scope.js';
import {
  type BarcodeRuleRow,
  barcodeRuleNameTaken,
  deleteBarcodeRuleRow,
  insertBarcodeRule,
  lockBarcodeRule,
  lockSiteBarcodeRuleIds,
  nextBarcodeRulePosition,
  ruleBody,
  selectSiteBarcodeRules,
  setBarcodeRulePosition,
  updateBarcodeRuleRow,
} from './barcode-rules.repository.js';
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

function view(row: BarcodeRuleRow): BarcodeRuleView {
  const rule = ruleBody(row);
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

function requireSite(actor: Actor, siteId: string | undefined): string {
  const site = siteScope(actor, siteId);
  if (site === null)
    throw new DomainError('validation.failed', 'siteId is required: barcode rules belong to a site', {
      field: 'siteId',
    });
  return site;
}

async function loadForChange(trx: Tx, actor: Actor, id: string): Promise<BarcodeRuleRow> {
  // Another site's rule answers as a missing one.
  return found(await lockBarcodeRule(trx, id, scopeOf(actor)), `barcode rule ${id}`);
}

/** A rule name is unique per site. */
async function requireNameFree(trx: Tx, siteId: string, name: string, exceptId?: string): Promise<void> {
  if (await barcodeRuleNameTaken(trx, siteId, name, exceptId))
    throw new DomainError('conflict.duplicate', `site ${siteId} already has a barcode rule named "${name}"`, {
      field: 'name',
    });
}

/** Rules of a site in decode order. Counters may read them (a handheld decodes offline with them). */
export async function listBarcodeRules(ctx: ServiceContext, actor: Actor, siteId?: string): Promise<BarcodeRuleView[]> {
  requireRole(actor, 'counter');
  const site = requireSite(actor, siteId);
  return (await selectSiteBarcodeRules(ctx.db, site)).map(view);
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
  return inTransaction(ctx, async (trx) => {
    if (!(await siteExists(trx, siteId)))
      throw new DomainError('not_found', `site ${siteId} not found`, { field: 'siteId' });
    await requireNameFree(trx, siteId, input.name);
    const position = await nextBarcodeRulePosition(trx, siteId);
    const now = ctx.now();
    const row = await insertBarcodeRule(trx, {
      siteId,
      name: input.name,
      position,
      rule: JSON.stringify(rule),
      active: input.active ?? true,
      createdAt: now,
      updatedAt: now,
    });
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
  return inTransaction(ctx, async (trx) => {
    const row = await loadForChange(trx, actor, id);
    const name = changes.name ?? row.name;
    if (changes.name !== undefined && changes.name !== row.name) await requireNameFree(trx, row.siteId, name, id);
    // A rename re-validates the stored rule under the new name; a new body replaces the old one whole.
    const rule = validRule(name, changes.rule ?? ruleBody(row));
    const updated = await updateBarcodeRuleRow(trx, id, {
      name,
      rule: JSON.stringify(rule),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
      updatedAt: ctx.now(),
    });
    return view(updated);
  });
}

export async function deleteBarcodeRule(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'manager');
  await inTransaction(ctx, async (trx) => {
    await loadForChange(trx, actor, id);
    await deleteBarcodeRuleRow(trx, id);
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
  return inTransaction(ctx, async (trx) => {
    const existing = new Set(await lockSiteBarcodeRuleIds(trx, siteId));
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
      await setBarcodeRulePosition(trx, id, position, now);
    }
    return (await selectSiteBarcodeRules(trx, siteId)).map(view);
  });
}
