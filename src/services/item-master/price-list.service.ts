// Price lists and item prices (SPEC §2 "Price data"): list headers (currency, discounts allowed), price rows
// per item with validity, unit, currency and quantity tiers, and priceFor. Read: counter; write: manager.
import { Dec, decText, parseDecimal } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import {
  type PriceResult,
  type PriceRow,
  type Tier,
  type TierInput,
  checkTiers,
  overlaps,
  priceFor,
} from '../../domain/item-master/pricing.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole, today } from '../context.js';
import { digitSafe, mapDbErrors } from '../places/support.js';
import { itemConversions } from './support.js';

export interface PriceListInput {
  code: string;
  description?: string | undefined;
  currency: string;
  discountsAllowed?: boolean | undefined;
}
export interface PriceListView {
  id: string;
  code: string;
  description: string;
  currency: string;
  discountsAllowed: boolean;
}
export interface ItemPriceInput {
  priceListId: string;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
  unit: string;
  currency?: string | undefined;
  tiers: TierInput[];
}
export interface TierView {
  upTo: string | null;
  price: string;
  discounts: string[];
}
export interface ItemPriceView {
  id: string;
  priceListId: string;
  priceListCode: string;
  itemId: string;
  validFrom: string | null;
  validTo: string | null;
  unit: string;
  currency: string;
  tiers: TierView[];
}

const LIST_COLS = ['id', 'code', 'description', 'currency', 'discountsAllowed'] as const;

export async function listPriceLists(ctx: ServiceContext, actor: Actor): Promise<PriceListView[]> {
  requireRole(actor, 'counter');
  return ctx.db.selectFrom('priceLists').select(LIST_COLS).orderBy('code').execute();
}

export async function createPriceList(
  ctx: ServiceContext,
  actor: Actor,
  input: PriceListInput,
): Promise<PriceListView> {
  requireRole(actor, 'manager');
  return mapDbErrors(
    { unique: { price_lists_code_key: { field: 'code', message: `price list ${input.code} already exists` } } },
    () =>
      inTransaction(ctx, (trx) =>
        trx
          .insertInto('priceLists')
          .values({
            code: input.code,
            description: input.description ?? '',
            currency: input.currency,
            discountsAllowed: input.discountsAllowed ?? false,
            createdAt: ctx.now(),
          })
          .returning(LIST_COLS)
          .executeTakeFirstOrThrow(),
      ),
  );
}

export async function updatePriceList(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: { description?: string | undefined; discountsAllowed?: boolean | undefined },
): Promise<PriceListView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    found(
      await trx.selectFrom('priceLists').select('id').where('id', '=', id).forUpdate().executeTakeFirst(),
      `price list ${id}`,
    );
    if (changes.discountsAllowed === false) {
      const withDiscounts = await trx
        .selectFrom('itemPriceTiers')
        .innerJoin('itemPrices', 'itemPrices.id', 'itemPriceTiers.itemPriceId')
        .select('itemPrices.id')
        .where('itemPrices.priceListId', '=', id)
        .where('itemPriceTiers.discount1', 'is not', null)
        .executeTakeFirst();
      if (withDiscounts)
        throw new DomainError(
          'price.tiers_invalid',
          'prices of this list carry discounts; remove them before disallowing discounts',
          { field: 'discountsAllowed' },
        );
    }
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length > 0) await trx.updateTable('priceLists').set(set).where('id', '=', id).execute();
    return trx.selectFrom('priceLists').select(LIST_COLS).where('id', '=', id).executeTakeFirstOrThrow();
  });
}

const tierView = (t: Tier): TierView => ({
  upTo: t.upTo === null ? null : decText(t.upTo),
  price: decText(t.price),
  discounts: t.discounts.map(decText),
});

async function loadRows(
  trx: Tx,
  itemId: string,
  priceListId?: string,
): Promise<(PriceRow & { priceListId: string; priceListCode: string })[]> {
  let q = trx
    .selectFrom('itemPrices')
    .innerJoin('priceLists', 'priceLists.id', 'itemPrices.priceListId')
    .select([
      'itemPrices.id',
      'itemPrices.priceListId',
      'priceLists.code as priceListCode',
      'itemPrices.validFrom',
      'itemPrices.validTo',
      'itemPrices.unit',
      'itemPrices.currency',
    ])
    .where('itemPrices.itemId', '=', itemId);
  if (priceListId) q = q.where('itemPrices.priceListId', '=', priceListId);
  const rows = await q.orderBy('priceLists.code').orderBy('itemPrices.validFrom').orderBy('itemPrices.id').execute();
  if (rows.length === 0) return [];
  const tiers = await trx
    .selectFrom('itemPriceTiers')
    .selectAll()
    .where(
      'itemPriceId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('itemPriceId')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    ...r,
    tiers: tiers
      .filter((t) => t.itemPriceId === r.id)
      .map((t) => ({
        upTo: t.upTo === null ? null : new Dec(t.upTo),
        price: new Dec(t.price),
        discounts: [t.discount1, t.discount2, t.discount3, t.discount4]
          .filter((d): d is string => d !== null)
          .map((d) => new Dec(d)),
      })),
  }));
}

export async function listItemPrices(ctx: ServiceContext, actor: Actor, itemId: string): Promise<ItemPriceView[]> {
  requireRole(actor, 'counter');
  found(await ctx.db.selectFrom('items').select('id').where('id', '=', itemId).executeTakeFirst(), `item ${itemId}`);
  return (await loadRows(ctx.db, itemId)).map((r) => ({ ...r, itemId, tiers: r.tiers.map(tierView) }));
}

async function writeTiers(trx: Tx, itemPriceId: string, tiers: Tier[]): Promise<void> {
  await digitSafe(trx)
    .insertInto('itemPriceTiers')
    .values(
      tiers.map((t, position) => ({
        itemPriceId,
        position,
        upTo: t.upTo === null ? null : decText(t.upTo),
        price: decText(t.price),
        discount1: t.discounts[0] ? decText(t.discounts[0]) : null,
        discount2: t.discounts[1] ? decText(t.discounts[1]) : null,
        discount3: t.discounts[2] ? decText(t.discounts[2]) : null,
        discount4: t.discounts[3] ? decText(t.discounts[3]) : null,
      })),
    )
    .execute();
}

/** Creates (id null) or replaces a price row with its tiers, refusing a validity overlapping another row. */
async function savePrice(
  ctx: ServiceContext,
  actor: Actor,
  itemId: string,
  id: string | null,
  input: ItemPriceInput,
): Promise<ItemPriceView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    found(
      await trx.selectFrom('items').select('id').where('id', '=', itemId).forUpdate().executeTakeFirst(),
      `item ${itemId}`,
    );
    const list = found(
      await trx.selectFrom('priceLists').selectAll().where('id', '=', input.priceListId).executeTakeFirst(),
      `price list ${input.priceListId}`,
      'priceListId',
    );
    const tiers = checkTiers(input.tiers, list.discountsAllowed);
    const validFrom = input.validFrom ?? null,
      validTo = input.validTo ?? null;
    if (validFrom !== null && validTo !== null && validTo < validFrom)
      throw new DomainError('validation.failed', `validTo ${validTo} is before validFrom ${validFrom}`, {
        field: 'validTo',
      });
    const currency = input.currency ?? list.currency;
    const { conversions } = await itemConversions(trx, itemId);
    if (!conversions.has(input.unit)) {
      throw new DomainError(
        'unit.not_convertible',
        `unit ${input.unit} is not a unit of the item (primary, secondary or a search-code unit)`,
        { field: 'unit' },
      );
    }
    const same = (await loadRows(trx, itemId, list.id)).filter(
      (r) => r.id !== id && r.unit === input.unit && r.currency === currency,
    );
    const clash = same.find((r) => overlaps(r, { validFrom, validTo }));
    if (clash) {
      throw new DomainError(
        'price.validity_overlap',
        `another price of list ${list.code} in ${input.unit}/${currency} is valid ${clash.validFrom ?? '…'}–${clash.validTo ?? '…'}`,
        {
          field: 'validFrom',
          params: { priceId: clash.id },
        },
      );
    }
    let priceId = id;
    if (priceId === null) {
      priceId = (
        await trx
          .insertInto('itemPrices')
          .values({
            priceListId: list.id,
            itemId,
            validFrom,
            validTo,
            unit: input.unit,
            currency,
            createdAt: ctx.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    } else {
      await trx
        .updateTable('itemPrices')
        .set({ priceListId: list.id, validFrom, validTo, unit: input.unit, currency })
        .where('id', '=', priceId)
        .execute();
      await trx.deleteFrom('itemPriceTiers').where('itemPriceId', '=', priceId).execute();
    }
    await writeTiers(trx, priceId, tiers);
    return {
      id: priceId,
      priceListId: list.id,
      priceListCode: list.code,
      itemId,
      validFrom,
      validTo,
      unit: input.unit,
      currency,
      tiers: tiers.map(tierView),
    };
  });
}

export const addItemPrice = (ctx: ServiceContext, actor: Actor, itemId: string, input: ItemPriceInput) =>
  savePrice(ctx, actor, itemId, null, input);

export async function replaceItemPrice(
  ctx: ServiceContext,
  actor: Actor,
  itemId: string,
  id: string,
  input: ItemPriceInput,
): Promise<ItemPriceView> {
  found(
    await ctx.db
      .selectFrom('itemPrices')
      .select('id')
      .where('id', '=', id)
      .where('itemId', '=', itemId)
      .executeTakeFirst(),
    `price ${id} of item ${itemId}`,
  );
  return savePrice(ctx, actor, itemId, id, input);
}

export async function deleteItemPrice(ctx: ServiceContext, actor: Actor, itemId: string, id: string): Promise<void> {
  requireRole(actor, 'manager');
  await inTransaction(ctx, async (trx) => {
    const r = await trx
      .deleteFrom('itemPrices')
      .where('id', '=', id)
      .where('itemId', '=', itemId)
      .returning('id')
      .executeTakeFirst();
    found(r, `price ${id} of item ${itemId}`);
  });
}

export interface PriceQueryInput {
  priceListId: string;
  quantity: string;
  unit?: string | undefined;
  date?: string | undefined;
  currency?: string | undefined;
}

/** The price of a quantity of an item in a list on a date (default today, unit default primary). */
export async function priceOf(trx: Tx, itemId: string, q: PriceQueryInput & { date: string }): Promise<PriceResult> {
  const { primaryUnit, conversions } = await itemConversions(trx, itemId);
  const rows = await loadRows(trx, itemId, q.priceListId);
  return priceFor(rows, conversions, {
    quantity: parseDecimal(q.quantity, 'quantity'),
    unit: q.unit ?? primaryUnit,
    date: q.date,
    currency: q.currency,
  });
}

export async function getPrice(
  ctx: ServiceContext,
  actor: Actor,
  itemId: string,
  q: PriceQueryInput,
): Promise<PriceResult> {
  requireRole(actor, 'counter');
  return inTransaction(ctx, async (trx) => {
    found(
      await trx.selectFrom('priceLists').select('id').where('id', '=', q.priceListId).executeTakeFirst(),
      `price list ${q.priceListId}`,
      'priceListId',
    );
    return priceOf(trx, itemId, { ...q, date: q.date ?? today(ctx) });
  });
}
