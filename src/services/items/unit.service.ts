// Units of measure and the classification code tables (product group, brand, family, …). Both are shared
// master data: any signed-in user reads them, a manager maintains them.
import { DomainError } from '../../domain/errors.js';
import { CLASSIFICATION_FIELDS, type ClassificationKind } from '../../domain/items/item.js';
import { type Actor, type ServiceContext, found, inTransaction, requireRole } from '../context.js';
import { type Page, defined, mapDbErrors, pageOf } from '../places/support.js';
import {
  type ClassificationFilter,
  type ClassificationView,
  deleteClassificationRow,
  insertClassification,
  selectClassifications,
  updateClassificationDescription,
} from './classification.repository.js';
import { findBookedItemInUnit, findItemWithClassification } from './item.repository.js';
import {
  type UnitFilter,
  type UnitView,
  deleteUnitRow,
  findUnit,
  insertUnit,
  selectUnits,
  updateUnitRow,
} from './unit.repository.js';

export type { UnitFilter, UnitView } from './unit.repository.js';
export type { ClassificationFilter, ClassificationView } from './classification.repository.js';

export async function listUnits(ctx: ServiceContext, actor: Actor, f: UnitFilter): Promise<Page<UnitView>> {
  requireRole(actor, 'counter');
  return pageOf(await selectUnits(ctx.db, f), f);
}

export async function getUnit(ctx: ServiceContext, actor: Actor, code: string): Promise<UnitView> {
  requireRole(actor, 'counter');
  return found(await findUnit(ctx.db, code), `unit ${code}`);
}

export async function createUnit(ctx: ServiceContext, actor: Actor, input: UnitView): Promise<UnitView> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: { units_pkey: { field: 'code', message: `unit ${input.code} already exists` } } }, () =>
    inTransaction(ctx, (trx) => insertUnit(trx, input)),
  );
}

export async function updateUnit(
  ctx: ServiceContext,
  actor: Actor,
  code: string,
  changes: Partial<Omit<UnitView, 'code'>>,
): Promise<UnitView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const current = found(await findUnit(trx, code, true), `unit ${code}`);
    if (changes.decimals !== undefined && changes.decimals < current.decimals) {
      // Fewer decimals would make booked quantities unrepresentable in their own unit.
      const used = await findBookedItemInUnit(trx, code);
      if (used) {
        throw new DomainError(
          'conflict.in_use',
          `unit ${code} is the primary unit of item ${used}, which has stock movements; its decimals can only grow`,
          {
            field: 'decimals',
          },
        );
      }
    }
    const set = defined(changes);
    if (Object.keys(set).length === 0) return current;
    return updateUnitRow(trx, code, set);
  });
}

export async function deleteUnit(ctx: ServiceContext, actor: Actor, code: string): Promise<void> {
  requireRole(actor, 'manager');
  await mapDbErrors({ inUse: `unit ${code} is still used by items, search codes or count reports` }, () =>
    inTransaction(ctx, async (trx) => {
      if (!(await deleteUnitRow(trx, code))) throw new DomainError('not_found', `unit ${code} not found`);
    }),
  );
}

// Classification code tables ------------------------------------------------------------------------------

const COLUMN_OF_KIND = Object.fromEntries(
  Object.entries(CLASSIFICATION_FIELDS).map(([field, kind]) => [kind, field]),
) as Record<ClassificationKind, keyof typeof CLASSIFICATION_FIELDS>;

export async function listClassifications(
  ctx: ServiceContext,
  actor: Actor,
  f: ClassificationFilter,
): Promise<Page<ClassificationView>> {
  requireRole(actor, 'counter');
  return pageOf(await selectClassifications(ctx.db, f), f);
}

export async function createClassification(
  ctx: ServiceContext,
  actor: Actor,
  input: ClassificationView,
): Promise<ClassificationView> {
  requireRole(actor, 'manager');
  return mapDbErrors(
    { unique: { classification_codes_pkey: { field: 'code', message: `${input.kind} ${input.code} already exists` } } },
    () => inTransaction(ctx, (trx) => insertClassification(trx, input)),
  );
}

export async function updateClassification(
  ctx: ServiceContext,
  actor: Actor,
  kind: ClassificationKind,
  code: string,
  description: string,
): Promise<ClassificationView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) =>
    found(await updateClassificationDescription(trx, kind, code, description), `${kind} ${code}`),
  );
}

export async function deleteClassification(
  ctx: ServiceContext,
  actor: Actor,
  kind: ClassificationKind,
  code: string,
): Promise<void> {
  requireRole(actor, 'manager');
  await inTransaction(ctx, async (trx) => {
    // Items refer to classification codes by value (no foreign key: ten columns into one table), so check here.
    const user = await findItemWithClassification(trx, COLUMN_OF_KIND[kind], code);
    if (user)
      throw new DomainError('conflict.in_use', `${kind} ${code} is still used by item ${user}`, {
        params: { item: user },
      });
    if (!(await deleteClassificationRow(trx, kind, code)))
      throw new DomainError('not_found', `${kind} ${code} not found`);
  });
}
