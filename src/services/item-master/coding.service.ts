// Configuration of automatic coding (seed 002 "Codifiche automatiche"): item classes with their prefix and
// zero-padded counter, the GS1 company prefixes and counters of generated EAN-8/EAN-13, and templates.
// Counters live in number_sequences so every numbering in the product is configured the same way.
import { DomainError } from '../../domain/errors.js';
import { type BarcodeKind, checkCompanyPrefix } from '../../domain/item-master/coding.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { mapDbErrors } from '../places/support.js';
import { barcodeSequence, itemClassSequence } from './item-create.service.js';

export interface ItemClassInput {
  code: string;
  description?: string | undefined;
  prefix?: string | undefined;
  width?: number | undefined;
  nextValue?: string | undefined;
  isDefault?: boolean | undefined;
}
export interface ItemClassView {
  code: string;
  description: string;
  prefix: string;
  width: number;
  nextValue: string;
  isDefault: boolean;
}

async function loadClass(trx: Tx, code: string): Promise<ItemClassView> {
  const r = found(
    await trx
      .selectFrom('itemClasses')
      .innerJoin('numberSequences', 'numberSequences.code', 'itemClasses.sequenceCode')
      .select([
        'itemClasses.code',
        'itemClasses.description',
        'numberSequences.prefix',
        'numberSequences.width',
        'numberSequences.nextValue',
        'itemClasses.isDefault',
      ])
      .where('itemClasses.code', '=', code)
      .executeTakeFirst(),
    `item class ${code}`,
  );
  return { ...r, nextValue: String(r.nextValue) };
}

function checkCoding(prefix: string, width: number): void {
  if (/\s/.test(prefix) || prefix.length > 20)
    throw new DomainError('validation.failed', 'prefix must have at most 20 characters without spaces', {
      field: 'prefix',
    });
  if (prefix.length + width > 50)
    throw new DomainError('validation.failed', `prefix and ${width} digits exceed the 50 characters of an item code`, {
      field: 'width',
    });
}

export async function listItemClasses(ctx: ServiceContext, actor: Actor): Promise<ItemClassView[]> {
  requireRole(actor, 'counter');
  const codes = await ctx.db.selectFrom('itemClasses').select('code').orderBy('code').execute();
  return Promise.all(codes.map((c) => loadClass(ctx.db, c.code)));
}

/** A default class is the one used for items created without code and class; setting one clears the old. */
async function makeDefault(trx: Tx, code: string): Promise<void> {
  await trx
    .updateTable('itemClasses')
    .set({ isDefault: false })
    .where('isDefault', '=', true)
    .where('code', '<>', code)
    .execute();
  await trx.updateTable('itemClasses').set({ isDefault: true }).where('code', '=', code).execute();
}

export async function createItemClass(
  ctx: ServiceContext,
  actor: Actor,
  input: ItemClassInput,
): Promise<ItemClassView> {
  requireRole(actor, 'manager');
  const prefix = input.prefix ?? '',
    width = input.width ?? 6;
  checkCoding(prefix, width);
  return mapDbErrors(
    {
      unique: {
        item_classes_pkey: { field: 'code', message: `item class ${input.code} already exists` },
        number_sequences_pkey: { field: 'code', message: `item class ${input.code} already exists` },
      },
    },
    () =>
      inTransaction(ctx, async (trx) => {
        const seq = itemClassSequence(input.code);
        await trx
          .insertInto('numberSequences')
          .values({ code: seq, prefix, width, nextValue: input.nextValue ?? '1' })
          .execute();
        await trx
          .insertInto('itemClasses')
          .values({ code: input.code, description: input.description ?? '', sequenceCode: seq })
          .execute();
        if (input.isDefault) await makeDefault(trx, input.code);
        return loadClass(trx, input.code);
      }),
  );
}

export async function updateItemClass(
  ctx: ServiceContext,
  actor: Actor,
  code: string,
  changes: Omit<ItemClassInput, 'code'>,
): Promise<ItemClassView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const cur = await loadClass(trx, code);
    const prefix = changes.prefix ?? cur.prefix,
      width = changes.width ?? cur.width;
    checkCoding(prefix, width);
    // Lowering the counter could hand out codes again; the skip-taken loop would hide it but costs lookups.
    if (changes.nextValue !== undefined && BigInt(changes.nextValue) < BigInt(cur.nextValue)) {
      throw new DomainError('validation.failed', `nextValue cannot go back below ${cur.nextValue}`, {
        field: 'nextValue',
      });
    }
    await trx
      .updateTable('numberSequences')
      .set({ prefix, width, nextValue: changes.nextValue ?? cur.nextValue })
      .where('code', '=', itemClassSequence(code))
      .execute();
    if (changes.description !== undefined)
      await trx.updateTable('itemClasses').set({ description: changes.description }).where('code', '=', code).execute();
    if (changes.isDefault === true) await makeDefault(trx, code);
    if (changes.isDefault === false)
      await trx.updateTable('itemClasses').set({ isDefault: false }).where('code', '=', code).execute();
    return loadClass(trx, code);
  });
}

export interface BarcodeSettingView {
  kind: BarcodeKind;
  companyPrefix: string;
  itemReferenceDigits: number;
  nextValue: string;
}

export async function listBarcodeSettings(ctx: ServiceContext, actor: Actor): Promise<BarcodeSettingView[]> {
  requireRole(actor, 'counter');
  const rows = await ctx.db
    .selectFrom('numberSequences')
    .selectAll()
    .where('code', 'in', [barcodeSequence('ean8'), barcodeSequence('ean13')])
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    kind: r.code.endsWith('ean8') ? 'ean8' : 'ean13',
    companyPrefix: r.prefix,
    itemReferenceDigits: r.width,
    nextValue: String(r.nextValue),
  }));
}

/** Configures the GS1 company prefix and the next item reference of generated EANs of one kind. */
export async function setBarcodeSetting(
  ctx: ServiceContext,
  actor: Actor,
  kind: BarcodeKind,
  input: { companyPrefix: string; nextValue?: string | undefined },
): Promise<BarcodeSettingView> {
  requireRole(actor, 'manager');
  const { prefix, width } = checkCompanyPrefix(kind, input.companyPrefix);
  const nextValue = input.nextValue ?? '1';
  if (nextValue.length > width)
    throw new DomainError('validation.failed', `nextValue must fit the ${width} item reference digits`, {
      field: 'nextValue',
    });
  return inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('numberSequences')
      .values({ code: barcodeSequence(kind), prefix, width, nextValue })
      .onConflict((oc) => oc.column('code').doUpdateSet({ prefix, width, nextValue }))
      .execute();
    return { kind, companyPrefix: prefix, itemReferenceDigits: width, nextValue };
  });
}

export interface TemplateView {
  id: string;
  code: string;
  description: string;
  referenceItemId: string;
  referenceItemCode: string;
}

export async function listTemplates(ctx: ServiceContext, actor: Actor): Promise<TemplateView[]> {
  requireRole(actor, 'counter');
  return ctx.db
    .selectFrom('itemTemplates')
    .innerJoin('items', 'items.id', 'itemTemplates.referenceItemId')
    .select([
      'itemTemplates.id',
      'itemTemplates.code',
      'itemTemplates.description',
      'itemTemplates.referenceItemId',
      'items.code as referenceItemCode',
    ])
    .orderBy('itemTemplates.code')
    .execute();
}

export async function createTemplate(
  ctx: ServiceContext,
  actor: Actor,
  input: { code: string; description?: string | undefined; referenceItemId: string },
): Promise<TemplateView> {
  requireRole(actor, 'manager');
  return mapDbErrors(
    { unique: { item_templates_code_key: { field: 'code', message: `template ${input.code} already exists` } } },
    () =>
      inTransaction(ctx, async (trx) => {
        const ref = found(
          await trx
            .selectFrom('items')
            .select(['id', 'code'])
            .where('id', '=', input.referenceItemId)
            .executeTakeFirst(),
          `item ${input.referenceItemId}`,
          'referenceItemId',
        );
        const row = await trx
          .insertInto('itemTemplates')
          .values({ code: input.code, description: input.description ?? '', referenceItemId: ref.id })
          .returning(['id', 'code', 'description', 'referenceItemId'])
          .executeTakeFirstOrThrow();
        return { ...row, referenceItemCode: ref.code };
      }),
  );
}

export async function deleteTemplate(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'manager');
  await inTransaction(ctx, async (trx) => {
    found(
      await trx.deleteFrom('itemTemplates').where('id', '=', id).returning('id').executeTakeFirst(),
      `template ${id}`,
    );
  });
}
