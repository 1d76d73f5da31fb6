// Units of measure and the classification code tables (product group, brand, family, …). Both are shared
// master data: any signed-in user reads them, a manager maintains them.
import { DomainError } from '../../domain/errors.js';
import { CLASSIFICATION_FIELDS, type ClassificationKind } from '../../domain/item.js';
import { type Actor, type ServiceContext, found, inTransaction, requireRole } from '../context.js';
import { type Page, type PageInput, defined, digitSafe, escapeLike, mapDbErrors, pageOf } from '../places/support.js';

export interface UnitView {
  code: string;
  description: string;
  decimals: number;
}
export interface UnitFilter extends PageInput {
  q?: string | undefined;
}

export async function listUnits(ctx: ServiceContext, actor: Actor, f: UnitFilter): Promise<Page<UnitView>> {
  requireRole(actor, 'counter');
  let q = ctx.db.selectFrom('units').select(['code', 'description', 'decimals']);
  if (f.q) {
    const t = escapeLike(f.q.toLowerCase());
    q = q.where((eb) =>
      eb.or([eb(eb.fn('lower', ['code']), 'like', `${t}%`), eb(eb.fn('lower', ['description']), 'like', `%${t}%`)]),
    );
  }
  return pageOf(
    await q
      .orderBy('code')
      .limit(f.limit + 1)
      .offset(f.offset)
      .execute(),
    f,
  );
}

export async function getUnit(ctx: ServiceContext, actor: Actor, code: string): Promise<UnitView> {
  requireRole(actor, 'counter');
  const row = await ctx.db
    .selectFrom('units')
    .select(['code', 'description', 'decimals'])
    .where('code', '=', code)
    .executeTakeFirst();
  return found(row, `unit ${code}`);
}

export async function createUnit(ctx: ServiceContext, actor: Actor, input: UnitView): Promise<UnitView> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: { units_pkey: { field: 'code', message: `unit ${input.code} already exists` } } }, () =>
    inTransaction(ctx, (trx) =>
      trx.insertInto('units').values(input).returning(['code', 'description', 'decimals']).executeTakeFirstOrThrow(),
    ),
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
    const current = found(
      await trx
        .selectFrom('units')
        .select(['code', 'description', 'decimals'])
        .where('code', '=', code)
        .forUpdate()
        .executeTakeFirst(),
      `unit ${code}`,
    );
    if (changes.decimals !== undefined && changes.decimals < current.decimals) {
      // Fewer decimals would make booked quantities unrepresentable in their own unit.
      const used = await trx
        .selectFrom('items')
        .select('code')
        .where('primaryUnit', '=', code)
        .where('hasLedgerEntries', '=', true)
        .limit(1)
        .executeTakeFirst();
      if (used) {
        throw new DomainError(
          'conflict.in_use',
          `unit ${code} is the primary unit of item ${used.code}, which has stock movements; its decimals can only grow`,
          {
            field: 'decimals',
          },
        );
      }
    }
    const set = defined(changes);
    if (Object.keys(set).length === 0) return current;
    return trx
      .updateTable('units')
      .set(set)
      .where('code', '=', code)
      .returning(['code', 'description', 'decimals'])
      .executeTakeFirstOrThrow();
  });
}

export async function deleteUnit(ctx: ServiceContext, actor: Actor, code: string): Promise<void> {
  requireRole(actor, 'manager');
  await mapDbErrors({ inUse: `unit ${code} is still used by items, search codes or count reports` }, () =>
    inTransaction(ctx, async (trx) => {
      found(
        await trx.deleteFrom('units').where('code', '=', code).returning('code').executeTakeFirst(),
        `unit ${code}`,
      );
    }),
  );
}

// Classification code tables ------------------------------------------------------------------------------

export interface ClassificationView {
  kind: ClassificationKind;
  code: string;
  description: string;
}
export interface ClassificationFilter extends PageInput {
  kind?: ClassificationKind | undefined;
  /** Words of the description, matched anywhere (lower-cased). */
  q?: string | undefined;
  codePrefix?: string | undefined;
}

const COLUMN_OF_KIND = Object.fromEntries(
  Object.entries(CLASSIFICATION_FIELDS).map(([field, kind]) => [kind, field]),
) as Record<ClassificationKind, keyof typeof CLASSIFICATION_FIELDS>;

export async function listClassifications(
  ctx: ServiceContext,
  actor: Actor,
  f: ClassificationFilter,
): Promise<Page<ClassificationView>> {
  requireRole(actor, 'counter');
  let q = ctx.db.selectFrom('classificationCodes').select(['kind', 'code', 'description']);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.codePrefix) q = q.where('code', 'like', `${escapeLike(f.codePrefix)}%`);
  if (f.q) q = q.where((eb) => eb(eb.fn('lower', ['description']), 'like', `%${escapeLike(f.q!.toLowerCase())}%`));
  const rows = await q
    .orderBy('kind')
    .orderBy('code')
    .limit(f.limit + 1)
    .offset(f.offset)
    .execute();
  return pageOf(rows as ClassificationView[], f);
}

export async function createClassification(
  ctx: ServiceContext,
  actor: Actor,
  input: ClassificationView,
): Promise<ClassificationView> {
  requireRole(actor, 'manager');
  return mapDbErrors(
    { unique: { classification_codes_pkey: { field: 'code', message: `${input.kind} ${input.code} already exists` } } },
    () =>
      inTransaction(
        ctx,
        async (trx) =>
          (await trx
            .insertInto('classificationCodes')
            .values(input)
            .returning(['kind', 'code', 'description'])
            .executeTakeFirstOrThrow()) as ClassificationView,
      ),
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
  return inTransaction(ctx, async (trx) => {
    const row = await trx
      .updateTable('classificationCodes')
      .set({ description })
      .where('kind', '=', kind)
      .where('code', '=', code)
      .returning(['kind', 'code', 'description'])
      .executeTakeFirst();
    return found(row, `${kind} ${code}`) as ClassificationView;
  });
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
    const column = COLUMN_OF_KIND[kind];
    const user = await digitSafe(trx)
      .selectFrom('items')
      .select('code')
      .where(column, '=', code)
      .limit(1)
      .executeTakeFirst();
    if (user)
      throw new DomainError('conflict.in_use', `${kind} ${code} is still used by item ${user.code}`, {
        params: { item: user.code },
      });
    found(
      await trx
        .deleteFrom('classificationCodes')
        .where('kind', '=', kind)
        .where('code', '=', code)
        .returning('code')
        .executeTakeFirst(),
      `${kind} ${code}`,
    );
  });
}
