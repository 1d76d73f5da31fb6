// Creating items the item-master way (seed 002): automatic code per item class when none is given, a
// template's reference values, a generated EAN-8/EAN-13 or "the item code is a barcode", and copy.
// The core createItem opens its own transaction, so this writes the item, its main search code and the
// search terms itself, with the same rules (domain checks, references, unique code) in ONE transaction.
import { DomainError } from '../../domain/errors.js';
import { type BarcodeKind, type ItemCodeBarcodeType, checkCodeAsBarcode, formatCounter, makeBarcode } from '../../domain/item-master/coding.js';
import { DEFAULT_MASTER_FIELDS, MASTER_FIELD_NAMES, type MasterChanges, type MasterFields, checkMasterFields } from '../../domain/item-master/fields.js';
import {
  CLASSIFICATION_FIELDS, type ClassificationField, checkDescription, checkItemCode, checkLotManagement, checkNonNegative, checkSecondaryUnit,
  checkSupplementary, checkValidity,
} from '../../domain/item.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import { type ItemFields, type ItemView, itemView } from '../items/item.service.js';
import { refreshSearchTerms } from '../items/search-code.service.js';
import { digitSafe, mapDbErrors } from '../places/support.js';
import { checkMasterReferences, itemConversions, masterView, takeNumbers } from './support.js';

export type BarcodeOption = { mode: 'none' } | { mode: 'ean8' } | { mode: 'ean13' } | { mode: 'item_code'; type: ItemCodeBarcodeType };

export interface CreateInput {
  item: Omit<ItemFields, 'code' | 'description' | 'primaryUnit'> & { code?: string | undefined; description?: string | undefined; primaryUnit?: string | undefined };
  master?: MasterChanges | undefined;
  /** Template code: the template's reference item seeds every field not given. */
  template?: string | undefined;
  barcode?: BarcodeOption | undefined;
}
export interface CreatedItem { item: ItemView & MasterFields; generatedBarcode: string | null }

const PRICE_FIELDS = ['settlementPrice1', 'settlementPrice2', 'settlementPrice3', 'settlementPrice4', 'settlementPrice5', 'inventoryPrice', 'standardCost'] as const;
/** Columns a copy or template never takes: identity, system-maintained values and (seed) the validity dates. */
const NOT_COPIED = new Set(['id', 'code', 'createdAt', 'updatedAt', 'hasLedgerEntries', 'movingAveragePrice', 'validFrom', 'validTo']);

export const barcodeSequence = (kind: BarcodeKind) => `item-barcode.${kind}`;
export const itemClassSequence = (cls: string) => `item-code.${cls}`;

function validateCore(v: ItemFields): ItemFields {
  checkItemCode(v.code);
  checkDescription(v.description);
  if (v.supplementaryDescription !== undefined) checkSupplementary(v.supplementaryDescription);
  if (v.lotManagement !== undefined) checkLotManagement(v.lotManagement);
  const secondary = checkSecondaryUnit(v.primaryUnit, {
    secondaryUnit: v.secondaryUnit ?? null, secondaryConversionOp: v.secondaryConversionOp ?? null, secondaryConversionFactor: v.secondaryConversionFactor ?? null,
  });
  checkValidity(v.validFrom ?? null, v.validTo ?? null);
  const out: ItemFields = { ...v, ...secondary };
  if (v.thresholdQuantity !== undefined) out.thresholdQuantity = checkNonNegative(v.thresholdQuantity, 'thresholdQuantity');
  for (const f of PRICE_FIELDS) if (v[f] !== undefined) out[f] = checkNonNegative(v[f], f);
  return out;
}

async function checkCoreReferences(trx: Tx, v: ItemFields): Promise<void> {
  const units = [v.primaryUnit, ...(v.secondaryUnit ? [v.secondaryUnit] : [])];
  const known = new Set((await trx.selectFrom('units').select('code').where('code', 'in', units).execute()).map((u) => u.code));
  if (!known.has(v.primaryUnit)) throw new DomainError('reference.unknown', `unit ${v.primaryUnit} does not exist`, { field: 'item.primaryUnit' });
  if (v.secondaryUnit && !known.has(v.secondaryUnit)) throw new DomainError('reference.unknown', `unit ${v.secondaryUnit} does not exist`, { field: 'item.secondaryUnit' });
  const wanted = (Object.keys(CLASSIFICATION_FIELDS) as ClassificationField[]).filter((f) => v[f] !== undefined && v[f] !== null);
  if (wanted.length === 0) return;
  const rows = await trx.selectFrom('classificationCodes').select(['kind', 'code'])
    .where((eb) => eb.or(wanted.map((f) => eb.and([eb('kind', '=', CLASSIFICATION_FIELDS[f]), eb('code', '=', v[f]!)])))).execute();
  for (const f of wanted) {
    if (!rows.some((r) => r.kind === CLASSIFICATION_FIELDS[f] && r.code === v[f])) {
      throw new DomainError('reference.unknown', `${CLASSIFICATION_FIELDS[f]} ${v[f]} does not exist in its code table`, { field: `item.${f}` });
    }
  }
}

async function codeTaken(trx: Tx, code: string): Promise<string | undefined> {
  const hit = await trx.selectFrom('itemSearchCodes').innerJoin('items', 'items.id', 'itemSearchCodes.itemId')
    .select('items.code').where('itemSearchCodes.code', '=', code).executeTakeFirst();
  return hit?.code;
}

/** Skips numbers whose code is already an item or search code (codes typed by hand may collide). */
async function nextFreeCode(trx: Tx, sequence: string, make: (n: bigint, prefix: string, width: number) => string, field: string): Promise<string> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const { first, prefix, width } = await takeNumbers(trx, sequence, 1, field);
    const code = make(first, prefix, width);
    if (!(await codeTaken(trx, code))) return code;
  }
  throw new DomainError('coding.sequence_exhausted', `sequence ${sequence} produced 1000 codes in a row that are already in use`, { field });
}

async function automaticCode(trx: Tx, itemClass: string | null): Promise<{ code: string; itemClass: string }> {
  const cls = itemClass !== null
    ? found(await trx.selectFrom('itemClasses').selectAll().where('code', '=', itemClass).executeTakeFirst(), `item class ${itemClass}`, 'master.itemClass')
    : await trx.selectFrom('itemClasses').selectAll().where('isDefault', '=', true).executeTakeFirst();
  if (!cls) throw new DomainError('coding.no_rule', 'no item code given and no default item class with automatic coding is configured', { field: 'item.code' });
  const code = await nextFreeCode(trx, cls.sequenceCode, (n, prefix, width) => formatCounter(prefix, width, n, `item class ${cls.code}`), 'item.code');
  return { code, itemClass: cls.code };
}

/** The base values a template or copy source gives: every column except identity, system values and validity. */
export async function sourceValues(trx: Tx, itemId: string): Promise<Record<string, unknown>> {
  const row = found(await trx.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirst(), `item ${itemId}`);
  return Object.fromEntries(Object.entries(row).filter(([k]) => !NOT_COPIED.has(k)));
}

const pickMaster = (o: Record<string, unknown>): MasterChanges =>
  Object.fromEntries(MASTER_FIELD_NAMES.filter((k) => o[k] !== undefined).map((k) => [k, o[k]])) as MasterChanges;
const omitMaster = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => !(MASTER_FIELD_NAMES as readonly string[]).includes(k)));

/** Writes a new item with its main search code inside `trx`; the caller decides where values come from. */
export async function insertItem(ctx: ServiceContext, trx: Tx, base: Record<string, unknown>, input: CreateInput): Promise<CreatedItem> {
  const master = { ...pickMaster(base), ...Object.fromEntries(Object.entries(input.master ?? {}).filter(([, v]) => v !== undefined)) } as MasterChanges;
  const given = new Set(Object.keys(input.master ?? {}).filter((k) => (input.master as Record<string, unknown>)[k] !== undefined));
  const fields = { ...omitMaster(base), ...Object.fromEntries(Object.entries(input.item).filter(([, v]) => v !== undefined)) } as Partial<ItemFields>;
  if (fields.description === undefined) throw new DomainError('validation.failed', 'description is required (or a template that gives one)', { field: 'item.description' });
  if (fields.primaryUnit === undefined) throw new DomainError('validation.failed', 'primaryUnit is required (or a template that gives one)', { field: 'item.primaryUnit' });
  let itemClass = master.itemClass ?? null;
  if (fields.code === undefined) ({ code: fields.code, itemClass } = await automaticCode(trx, itemClass));
  const core = validateCore(fields as ItemFields);
  const m = checkMasterFields({ ...DEFAULT_MASTER_FIELDS, ...master, itemClass }, {
    lotManagement: core.lotManagement ?? 'no', serialManagement: core.serialManagement ?? false,
  }, given);
  const barcode = input.barcode ?? { mode: 'none' };
  if (barcode.mode === 'item_code') checkCodeAsBarcode(core.code, barcode.type, 'item.code');
  await checkCoreReferences(trx, core);
  await checkMasterReferences(trx, m);
  const other = await codeTaken(trx, core.code);
  if (other) throw new DomainError('conflict.duplicate', `code ${core.code} already identifies item ${other}`, { field: 'item.code', params: { item: other } });
  const now = ctx.now();
  const row = await digitSafe(trx).insertInto('items').values({ ...core, ...m, createdAt: now, updatedAt: now }).returningAll().executeTakeFirstOrThrow();
  // The main search code: the item code itself, in the primary unit, factor 1 (seed 002).
  await trx.insertInto('itemSearchCodes').values({
    itemId: row.id, code: row.code, unit: row.primaryUnit, conversionOp: 'x', conversionFactor: '1', isMain: true, description: row.description,
  }).execute();
  let generatedBarcode: string | null = null;
  if (barcode.mode === 'ean8' || barcode.mode === 'ean13') {
    const kind = barcode.mode;
    const exists = await trx.selectFrom('numberSequences').select('code').where('code', '=', barcodeSequence(kind)).executeTakeFirst();
    if (!exists) throw new DomainError('coding.no_rule', `no GS1 company prefix is configured for ${kind.toUpperCase()}`, { field: 'barcode.mode' });
    generatedBarcode = await nextFreeCode(trx, barcodeSequence(kind), (n, prefix) => makeBarcode(kind, prefix, n), 'barcode.mode');
    await trx.insertInto('itemSearchCodes').values({
      itemId: row.id, code: generatedBarcode, unit: row.primaryUnit, conversionOp: 'x', conversionFactor: '1', isMain: false, description: row.description,
    }).execute();
  }
  await refreshSearchTerms(trx, row.id);
  return { item: { ...itemView(row), ...masterView(row) }, generatedBarcode };
}

const UNIQUE = {
  items_code_key: { field: 'item.code', message: 'an item with this code already exists' },
  item_search_codes_code_key: { field: 'item.code', message: 'this code is already a search code of another item' },
};

export async function createMasterItem(ctx: ServiceContext, actor: Actor, input: CreateInput): Promise<CreatedItem> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () => inTransaction(ctx, async (trx) => {
    let base: Record<string, unknown> = {};
    if (input.template !== undefined) {
      const t = found(await trx.selectFrom('itemTemplates').select('referenceItemId').where('code', '=', input.template).executeTakeFirst(), `template ${input.template}`, 'template');
      base = await sourceValues(trx, t.referenceItemId);
    }
    return insertItem(ctx, trx, base, input);
  }));
}

/**
 * Copy (seed 002): the new item inherits every field of the source except the validity dates, plus its
 * price rows, per-warehouse planning and alternative items. Search codes other than the main one are NOT
 * copied: a code identifies exactly one item. Stock, lots and counting history belong to the source.
 */
export async function copyItem(ctx: ServiceContext, actor: Actor, sourceId: string, input: Omit<CreateInput, 'template'>): Promise<CreatedItem> {
  requireRole(actor, 'manager');
  return mapDbErrors({ unique: UNIQUE }, () => inTransaction(ctx, async (trx) => {
    const base = await sourceValues(trx, sourceId);
    const created = await insertItem(ctx, trx, base, input);
    const id = created.item.id;
    await trx.insertInto('itemWarehousePlanning').columns(['itemId', 'warehouseId', 'minStock', 'maxStock', 'reorderPoint', 'reorderLot', 'minReorderQuantity', 'supplyLeadDays', 'standardCost'])
      .expression((eb) => eb.selectFrom('itemWarehousePlanning').select([eb.val(id).as('itemId'), 'warehouseId', 'minStock', 'maxStock', 'reorderPoint', 'reorderLot', 'minReorderQuantity', 'supplyLeadDays', 'standardCost'])
        .where('itemId', '=', sourceId)).execute();
    await trx.insertInto('itemAlternatives').columns(['itemId', 'alternativeItemId', 'position'])
      .expression((eb) => eb.selectFrom('itemAlternatives').select([eb.val(id).as('itemId'), 'alternativeItemId', 'position']).where('itemId', '=', sourceId)).execute();
    // A price in a unit only a (not copied) search code defined would have no conversion on the copy.
    const { conversions } = await itemConversions(trx, id);
    const prices = await trx.selectFrom('itemPrices').selectAll().where('itemId', '=', sourceId).orderBy('id').execute();
    for (const p of prices.filter((x) => conversions.has(x.unit))) {
      const np = await trx.insertInto('itemPrices').values({ priceListId: p.priceListId, itemId: id, validFrom: p.validFrom, validTo: p.validTo, unit: p.unit, currency: p.currency, createdAt: ctx.now() })
        .returning('id').executeTakeFirstOrThrow();
      const tiers = await trx.selectFrom('itemPriceTiers').selectAll().where('itemPriceId', '=', p.id).execute();
      if (tiers.length > 0) await digitSafe(trx).insertInto('itemPriceTiers').values(tiers.map((t) => ({ ...t, itemPriceId: np.id }))).execute();
    }
    return created;
  }));
}
