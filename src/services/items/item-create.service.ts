// Creating items the item-master way (seed 002): automatic code per item class when none is given, a
// template's reference values, a generated EAN-8/EAN-13 or "the item code is a barcode", and copy.
// The item itself (core rules, lot/serial couplings, main search code, search terms) is written by the core
// `insertItem` inside this module's transaction; this adds coding, template/copy values and the barcode.
import { DomainError } from '../../domain/errors.js';
import {
  type BarcodeKind,
  type ItemCodeBarcodeType,
  checkCodeAsBarcode,
  formatCounter,
  makeBarcode,
} from '../../domain/items/coding.js';
import {
  DEFAULT_MASTER_FIELDS,
  MASTER_FIELD_NAMES,
  type MasterChanges,
  type MasterFields,
  checkMasterFields,
} from '../../domain/items/fields.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { mapDbErrors } from '../places/support.js';
import { findItem, findItemConversions } from './item.repository.js';
import { type ItemFields, type ItemView, insertItem, itemView } from './item.service.js';
import { findCodeOwner } from './search-code.repository.js';
import {
  findDefaultItemClass,
  findItemClass,
  findNumberSequence,
  findTemplateByCode,
  takeSequenceNumbers,
} from './coding.repository.js';
import { checkMasterReferences, masterView } from './master-fields.service.js';
import { copyPlanningAndAlternatives } from './master-fields.repository.js';
import { copyItemPrice, selectItemPriceRows } from './price-list.repository.js';

export type BarcodeOption =
  { mode: 'none' } | { mode: 'ean8' } | { mode: 'ean13' } | { mode: 'item_code'; type: ItemCodeBarcodeType };

export interface CreateInput {
  item: Omit<ItemFields, 'code' | 'description' | 'primaryUnit'> & {
    code?: string | undefined;
    description?: string | undefined;
    primaryUnit?: string | undefined;
  };
  master?: MasterChanges | undefined;
  /** Template code: the template's reference item seeds every field not given. */
  template?: string | undefined;
  barcode?: BarcodeOption | undefined;
}
export interface CreatedItem {
  item: ItemView & MasterFields;
  generatedBarcode: string | null;
}

/** Columns a copy or template never takes: identity, system-maintained values and (seed) the validity dates. */
const NOT_COPIED = new Set([
  'id',
  'code',
  'createdAt',
  'updatedAt',
  'hasLedgerEntries',
  'movingAveragePrice',
  'validFrom',
  'validTo',
]);

export const barcodeSequence = (kind: BarcodeKind) => `item-barcode.${kind}`;
export const itemClassSequence = (cls: string) => `item-code.${cls}`;

/** Skips numbers whose code is already an item or search code (codes typed by hand may collide). */
async function nextFreeCode(
  trx: Tx,
  sequence: string,
  make: (n: bigint, prefix: string, width: number) => string,
  field: string,
): Promise<string> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const taken = await takeSequenceNumbers(trx, sequence, 1);
    if (!taken) throw new DomainError('reference.unknown', `numbering sequence ${sequence} does not exist`, { field });
    const { first, prefix, width } = taken;
    const code = make(first, prefix, width);
    if (!(await findCodeOwner(trx, code))) return code;
  }
  throw new DomainError(
    'coding.sequence_exhausted',
    `sequence ${sequence} produced 1000 codes in a row that are already in use`,
    { field },
  );
}

async function automaticCode(trx: Tx, itemClass: string | null): Promise<{ code: string; itemClass: string }> {
  const cls =
    itemClass !== null
      ? found(await findItemClass(trx, itemClass), `item class ${itemClass}`, 'master.itemClass')
      : await findDefaultItemClass(trx);
  if (!cls)
    throw new DomainError(
      'coding.no_rule',
      'no item code given and no default item class with automatic coding is configured',
      { field: 'item.code' },
    );
  const code = await nextFreeCode(
    trx,
    cls.sequenceCode,
    (n, prefix, width) => formatCounter(prefix, width, n, `item class ${cls.code}`),
    'item.code',
  );
  return { code, itemClass: cls.code };
}

/** The base values a template or copy source gives: every column except identity, system values and validity. */
export async function sourceValues(trx: Tx, itemId: string): Promise<Record<string, unknown>> {
  const row = found(await findItem(trx, itemId), `item ${itemId}`);
  return Object.fromEntries(Object.entries(row).filter(([k]) => !NOT_COPIED.has(k)));
}

const pickMaster = (o: Record<string, unknown>): MasterChanges =>
  Object.fromEntries(MASTER_FIELD_NAMES.filter((k) => o[k] !== undefined).map((k) => [k, o[k]])) as MasterChanges;
const omitMaster = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !(MASTER_FIELD_NAMES as readonly string[]).includes(k)));

/** Writes a new item (through the core insertItem) with coding and barcode inside `trx`; the caller decides where values come from. */
export async function createFromBase(
  ctx: ServiceContext,
  trx: Tx,
  base: Record<string, unknown>,
  input: CreateInput,
): Promise<CreatedItem> {
  const sent = (o: object | undefined) =>
    Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined));
  const master = { ...pickMaster(base), ...sent(input.master) } as MasterChanges;
  const given = new Set(Object.keys(sent(input.master)));
  const fields = { ...omitMaster(base), ...sent(input.item) } as Partial<ItemFields>;
  // A serial class given with the core fields is the same column as master.serialClass.
  if (fields.serialClass !== undefined) {
    master.serialClass = fields.serialClass;
    given.add('serialClass');
    delete fields.serialClass;
  }
  if (fields.description === undefined)
    throw new DomainError('validation.failed', 'description is required (or a template that gives one)', {
      field: 'item.description',
    });
  if (fields.primaryUnit === undefined)
    throw new DomainError('validation.failed', 'primaryUnit is required (or a template that gives one)', {
      field: 'item.primaryUnit',
    });
  let itemClass = master.itemClass ?? null;
  if (fields.code === undefined) ({ code: fields.code, itemClass } = await automaticCode(trx, itemClass));
  const m = checkMasterFields(
    { ...DEFAULT_MASTER_FIELDS, ...master, itemClass },
    {
      lotManagement: fields.lotManagement ?? 'no',
      serialManagement: fields.serialManagement ?? false,
    },
    given,
  );
  const barcode = input.barcode ?? { mode: 'none' };
  if (barcode.mode === 'item_code') checkCodeAsBarcode(fields.code, barcode.type, 'item.code');
  await checkMasterReferences(trx, m);
  let generatedBarcode: string | null = null;
  if (barcode.mode === 'ean8' || barcode.mode === 'ean13') {
    const kind = barcode.mode;
    if (!(await findNumberSequence(trx, barcodeSequence(kind))))
      throw new DomainError('coding.no_rule', `no GS1 company prefix is configured for ${kind.toUpperCase()}`, {
        field: 'barcode.mode',
      });
    generatedBarcode = await nextFreeCode(
      trx,
      barcodeSequence(kind),
      (n, prefix) => makeBarcode(kind, prefix, n),
      'barcode.mode',
    );
  }
  const row = await insertItem(trx, ctx, {
    item: fields as ItemFields,
    extra: { ...m },
    given,
    searchCodes: generatedBarcode ? [generatedBarcode] : [],
    fieldPrefix: 'item.',
  });
  return { item: { ...itemView(row), ...masterView(row) }, generatedBarcode };
}

const UNIQUE = {
  items_code_key: { field: 'item.code', message: 'an item with this code already exists' },
  item_search_codes_code_key: { field: 'item.code', message: 'this code is already a search code of another item' },
};

export async function createMasterItem(ctx: ServiceContext, actor: Actor, input: CreateInput): Promise<CreatedItem> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () =>
    inTransaction(ctx, async (trx) => {
      let base: Record<string, unknown> = {};
      if (input.template !== undefined) {
        const t = found(await findTemplateByCode(trx, input.template), `template ${input.template}`, 'template');
        base = await sourceValues(trx, t.referenceItemId);
      }
      return createFromBase(ctx, trx, base, input);
    }),
  );
}

/**
 * Copy (seed 002): the new item inherits every field of the source except the validity dates, plus its
 * price rows, per-warehouse planning and alternative items. Search codes other than the main one are NOT
 * copied: a code identifies exactly one item. Stock, lots and counting history belong to the source.
 */
export async function copyItem(
  ctx: ServiceContext,
  actor: Actor,
  sourceId: string,
  input: Omit<CreateInput, 'template'>,
): Promise<CreatedItem> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () =>
    inTransaction(ctx, async (trx) => {
      const base = await sourceValues(trx, sourceId);
      const created = await createFromBase(ctx, trx, base, input);
      const id = created.item.id;
      await copyPlanningAndAlternatives(trx, sourceId, id);
      // A price in a unit only a (not copied) search code defined would have no conversion on the copy.
      const { conversions } = found(await findItemConversions(trx, id), `item ${id}`, 'itemId');
      const prices = await selectItemPriceRows(trx, sourceId);
      for (const p of prices.filter((x) => conversions.has(x.unit))) await copyItemPrice(trx, p, id, ctx.now());
      return created;
    }),
  );
}
