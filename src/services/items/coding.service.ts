// Configuration of automatic coding (seed 002 "Codifiche automatiche"): item classes with their prefix and
// zero-padded counter, the GS1 company prefixes and counters of generated EAN-8/EAN-13, and templates.
// Counters live in number_sequences so every numbering in the product is configured the same way.
import { DomainError } from '../../domain/errors.js';
import { type BarcodeKind, checkCompanyPrefix } from '../../domain/items/coding.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { mapDbErrors } from '../places/support.js';
import { findItem } from './item.repository.js';
import {
  deleteTemplateRow,
  findItemClassView,
  insertItemClass,
  insertNumberSequence,
  insertTemplate,
  type ItemClassView,
  type TemplateView,
  selectItemClassCodes,
  selectNumberSequences,
  selectTemplates,
  setDefaultItemClass,
  updateItemClassRow,
  updateNumberSequence,
  upsertNumberSequence,
} from './coding.repository.js';
import { barcodeSequence, itemClassSequence } from './item-create.service.js';

export type { ItemClassView, TemplateView } from './coding.repository.js';

export interface ItemClassInput {
  code: string;
  description?: string | undefined;
  prefix?: string | undefined;
  width?: number | undefined;
  nextValue?: string | undefined;
  isDefault?: boolean | undefined;
}

async function loadClass(trx: Tx, code: string): Promise<ItemClassView> {
  return found(await findItemClassView(trx, code), `item class ${code}`);
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
  const codes = await selectItemClassCodes(ctx.db);
  return Promise.all(codes.map((c) => loadClass(ctx.db, c)));
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
        await insertNumberSequence(trx, { code: seq, prefix, width, nextValue: input.nextValue ?? '1' });
        await insertItemClass(trx, { code: input.code, description: input.description ?? '', sequenceCode: seq });
        // The default class codes items created without code and class; there is only one.
        if (input.isDefault) await setDefaultItemClass(trx, input.code);
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
    await updateNumberSequence(trx, itemClassSequence(code), {
      prefix,
      width,
      nextValue: changes.nextValue ?? cur.nextValue,
    });
    if (changes.description !== undefined) await updateItemClassRow(trx, code, { description: changes.description });
    if (changes.isDefault === true) await setDefaultItemClass(trx, code);
    if (changes.isDefault === false) await updateItemClassRow(trx, code, { isDefault: false });
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
  const rows = await selectNumberSequences(ctx.db, [barcodeSequence('ean8'), barcodeSequence('ean13')]);
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
    await upsertNumberSequence(trx, { code: barcodeSequence(kind), prefix, width, nextValue });
    return { kind, companyPrefix: prefix, itemReferenceDigits: width, nextValue };
  });
}

export async function listTemplates(ctx: ServiceContext, actor: Actor): Promise<TemplateView[]> {
  requireRole(actor, 'counter');
  return selectTemplates(ctx.db);
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
          await findItem(trx, input.referenceItemId),
          `item ${input.referenceItemId}`,
          'referenceItemId',
        );
        const row = await insertTemplate(trx, {
          code: input.code,
          description: input.description ?? '',
          referenceItemId: ref.id,
        });
        return { ...row, referenceItemCode: ref.code };
      }),
  );
}

export async function deleteTemplate(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'manager');
  await inTransaction(ctx, async (trx) => {
    if (!(await deleteTemplateRow(trx, id))) throw new DomainError('not_found', `template ${id} not found`);
  });
}
