// Sites (organisational units) and stock owners (companies owning stock): small code tables. Sites are
// organisation structure and change only by an admin; owners are master data a manager maintains.
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, found, inTransaction, requireRole } from '../context.js';
import { type Page, type PageInput, defined, escapeLike, mapDbErrors, pageOf, siteScope } from './support.js';

export interface CodeNameView { id: string; code: string; name: string }
export interface CodeNameInput { code: string; name: string }
export interface CodeNameFilter extends PageInput { q?: string | undefined }

type Table = 'sites' | 'owners';
const LABEL: Record<Table, string> = { sites: 'site', owners: 'stock owner' };
const WRITE_ROLE = { sites: 'admin', owners: 'manager' } as const;
const UNIQUE = {
  sites: { sites_code_key: { field: 'code', message: 'a site with this code already exists' } },
  owners: { owners_code_key: { field: 'code', message: 'a stock owner with this code already exists' } },
};

function checkName(name: string | undefined): void {
  if (name !== undefined && name.trim() === '') throw new DomainError('validation.failed', 'name must not be blank', { field: 'name' });
}

async function list(ctx: ServiceContext, actor: Actor, table: Table, f: CodeNameFilter): Promise<Page<CodeNameView>> {
  requireRole(actor, 'counter');
  let q = ctx.db.selectFrom(table).select(['id', 'code', 'name']);
  // A site-bound user sees only their own site; owners are shared by every site.
  const scope = siteScope(actor);
  if (table === 'sites' && scope !== null) q = q.where('id', '=', scope);
  if (f.q) {
    const t = escapeLike(f.q.toLowerCase());
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['code']), 'like', `${t}%`), eb(eb.fn('lower', ['name']), 'like', `%${t}%`)]));
  }
  const rows = await q.orderBy('code').limit(f.limit + 1).offset(f.offset).execute();
  return pageOf(rows, f);
}

async function get(ctx: ServiceContext, actor: Actor, table: Table, id: string): Promise<CodeNameView> {
  requireRole(actor, 'counter');
  const scope = siteScope(actor);
  const row = table === 'sites' && scope !== null && scope !== id
    ? undefined
    : await ctx.db.selectFrom(table).select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst();
  return found(row, `${LABEL[table]} ${id}`);
}

async function create(ctx: ServiceContext, actor: Actor, table: Table, input: CodeNameInput): Promise<CodeNameView> {
  requireRole(actor, WRITE_ROLE[table]);
  checkName(input.name);
  return mapDbErrors({ unique: UNIQUE[table] }, () =>
    inTransaction(ctx, (trx) =>
      trx.insertInto(table).values({ code: input.code, name: input.name }).returning(['id', 'code', 'name']).executeTakeFirstOrThrow()));
}

async function update(ctx: ServiceContext, actor: Actor, table: Table, id: string, changes: Partial<CodeNameInput>): Promise<CodeNameView> {
  requireRole(actor, WRITE_ROLE[table]);
  checkName(changes.name);
  const set = defined({ code: changes.code, name: changes.name });
  return mapDbErrors({ unique: UNIQUE[table] }, () =>
    inTransaction(ctx, async (trx) => {
      const row = Object.keys(set).length === 0
        ? await trx.selectFrom(table).select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst()
        : await trx.updateTable(table).set(set).where('id', '=', id).returning(['id', 'code', 'name']).executeTakeFirst();
      return found(row, `${LABEL[table]} ${id}`);
    }));
}

async function remove(ctx: ServiceContext, actor: Actor, table: Table, id: string): Promise<void> {
  requireRole(actor, WRITE_ROLE[table]);
  const inUse = table === 'sites'
    ? `site ${id} is still used by warehouses, users or inventories; remove those first`
    : `stock owner ${id} still has stock, ledger entries or inventories; it cannot be deleted`;
  await mapDbErrors({ inUse }, () =>
    inTransaction(ctx, async (trx) => {
      const row = await trx.deleteFrom(table).where('id', '=', id).returning('id').executeTakeFirst();
      found(row, `${LABEL[table]} ${id}`);
    }));
}

export const listSites = (ctx: ServiceContext, actor: Actor, f: CodeNameFilter) => list(ctx, actor, 'sites', f);
export const getSite = (ctx: ServiceContext, actor: Actor, id: string) => get(ctx, actor, 'sites', id);
export const createSite = (ctx: ServiceContext, actor: Actor, input: CodeNameInput) => create(ctx, actor, 'sites', input);
export const updateSite = (ctx: ServiceContext, actor: Actor, id: string, c: Partial<CodeNameInput>) => update(ctx, actor, 'sites', id, c);
export const deleteSite = (ctx: ServiceContext, actor: Actor, id: string) => remove(ctx, actor, 'sites', id);

export const listOwners = (ctx: ServiceContext, actor: Actor, f: CodeNameFilter) => list(ctx, actor, 'owners', f);
export const getOwner = (ctx: ServiceContext, actor: Actor, id: string) => get(ctx, actor, 'owners', id);
export const createOwner = (ctx: ServiceContext, actor: Actor, input: CodeNameInput) => create(ctx, actor, 'owners', input);
export const updateOwner = (ctx: ServiceContext, actor: Actor, id: string, c: Partial<CodeNameInput>) => update(ctx, actor, 'owners', id, c);
export const deleteOwner = (ctx: ServiceContext, actor: Actor, id: string) => remove(ctx, actor, 'owners', id);
