// Sites (organisational units) and stock owners (companies owning stock): small code tables. Sites are
// organisation structure and change only by an admin; owners are master data a manager maintains.
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, found, inTransaction, requireRole } from '../context.js';
import {
  type CodeNameFilter,
  type CodeNameView,
  type CodeTable,
  deleteCodeName,
  findCodeName,
  insertCodeName,
  listCodeNames,
  updateCodeName,
} from './site.repository.js';
import { type Page, defined, mapDbErrors, pageOf, siteScope } from './support.js';

export type { CodeNameFilter, CodeNameView };

export interface CodeNameInput {
  code: string;
  name: string;
}

type Table = CodeTable;
const LABEL: Record<Table, string> = { sites: 'site', owners: 'stock owner' };
const WRITE_ROLE = { sites: 'admin', owners: 'manager' } as const;
const UNIQUE = {
  sites: { sites_code_key: { field: 'code', message: 'a site with this code already exists' } },
  owners: { owners_code_key: { field: 'code', message: 'a stock owner with this code already exists' } },
};

function checkName(name: string | undefined): void {
  if (name !== undefined && name.trim() === '')
    throw new DomainError('validation.failed', 'name must not be blank', { field: 'name' });
}

async function list(ctx: ServiceContext, actor: Actor, table: Table, f: CodeNameFilter): Promise<Page<CodeNameView>> {
  requireRole(actor, 'counter');
  // A site-bound user sees only their own site; owners are shared by every site.
  const scope = siteScope(actor);
  const rows = await listCodeNames(ctx.db, table, table === 'sites' ? scope : null, f);
  return pageOf(rows, f);
}

async function get(ctx: ServiceContext, actor: Actor, table: Table, id: string): Promise<CodeNameView> {
  requireRole(actor, 'counter');
  const scope = siteScope(actor);
  const row = table === 'sites' && scope !== null && scope !== id ? undefined : await findCodeName(ctx.db, table, id);
  return found(row, `${LABEL[table]} ${id}`);
}

async function create(ctx: ServiceContext, actor: Actor, table: Table, input: CodeNameInput): Promise<CodeNameView> {
  requireRole(actor, WRITE_ROLE[table]);
  checkName(input.name);
  return mapDbErrors({ unique: UNIQUE[table] }, () =>
    inTransaction(ctx, (trx) => insertCodeName(trx, table, { code: input.code, name: input.name })),
  );
}

async function update(
  ctx: ServiceContext,
  actor: Actor,
  table: Table,
  id: string,
  changes: Partial<CodeNameInput>,
): Promise<CodeNameView> {
  requireRole(actor, WRITE_ROLE[table]);
  checkName(changes.name);
  const set = defined({ code: changes.code, name: changes.name });
  return mapDbErrors({ unique: UNIQUE[table] }, () =>
    inTransaction(ctx, async (trx) => {
      const row =
        Object.keys(set).length === 0 ? await findCodeName(trx, table, id) : await updateCodeName(trx, table, id, set);
      return found(row, `${LABEL[table]} ${id}`);
    }),
  );
}

async function remove(ctx: ServiceContext, actor: Actor, table: Table, id: string): Promise<void> {
  requireRole(actor, WRITE_ROLE[table]);
  const inUse =
    table === 'sites'
      ? `site ${id} is still used by warehouses, users or inventories; remove those first`
      : `stock owner ${id} still has stock, ledger entries or inventories; it cannot be deleted`;
  await mapDbErrors({ inUse }, () =>
    inTransaction(ctx, async (trx) => {
      const row = await deleteCodeName(trx, table, id);
      found(row, `${LABEL[table]} ${id}`);
    }),
  );
}

export const listSites = (ctx: ServiceContext, actor: Actor, f: CodeNameFilter) => list(ctx, actor, 'sites', f);
export const getSite = (ctx: ServiceContext, actor: Actor, id: string) => get(ctx, actor, 'sites', id);
export const createSite = (ctx: ServiceContext, actor: Actor, input: CodeNameInput) =>
  create(ctx, actor, 'sites', input);
export const updateSite = (ctx: ServiceContext, actor: Actor, id: string, c: Partial<CodeNameInput>) =>
  update(ctx, actor, 'sites', id, c);
export const deleteSite = (ctx: ServiceContext, actor: Actor, id: string) => remove(ctx, actor, 'sites', id);

export const listOwners = (ctx: ServiceContext, actor: Actor, f: CodeNameFilter) => list(ctx, actor, 'owners', f);
export const getOwner = (ctx: ServiceContext, actor: Actor, id: string) => get(ctx, actor, 'owners', id);
export const createOwner = (ctx: ServiceContext, actor: Actor, input: CodeNameInput) =>
  create(ctx, actor, 'owners', input);
export const updateOwner = (ctx: ServiceContext, actor: Actor, id: string, c: Partial<CodeNameInput>) =>
  update(ctx, actor, 'owners', id, c);
export const deleteOwner = (ctx: ServiceContext, actor: Actor, id: string) => remove(ctx, actor, 'owners', id);
