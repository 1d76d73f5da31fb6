// Price lists and item prices (SPEC §2 "Price data"): list headers (currency, discounts allowed), price rows
// per item with validity, unit, currency and quantity tiers, and priceFor. Read: counter; write: manager.
import { decText, parseDecimal } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import {
  type PriceResult,
  type Tier,
  type TierInput,
  checkTiers,
  overlaps,
  priceFor,
} from '../../domain/items/pricing.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole, today } from '../context.js';
import { mapDbErrors } from '../places/support.js';
import { findItem, findItemConversions } from './item.repository.js';
import {
  deleteItemPriceRow,
  findPriceList,
  insertItemPrice,
  insertPriceList,
  insertPriceTiers,
  itemPriceExists,
  type PriceListView,
  priceListHasDiscounts,
  selectItemPrices,
  selectPriceLists,
  updateItemPriceRow,
  updatePriceListRow,
} from './price-list.repository.js';

export type { PriceListView } from './price-list.repository.js';

export interface PriceListInput {
  code: string;
  description?: string | undefined;
  currency: string;
  discountsAllowed?: boolean | undefined;
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

export async function listPriceLists(ctx: ServiceContext, actor: Actor): Promise<PriceListView[]> {
  requireRole(actor, 'counter');
  return selectPriceLists(ctx.db);
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
        insertPriceList(trx, {
          code: input.code,
          description: input.description ?? '',
          currency: input.currency,
          discountsAllowed: input.discountsAllowed ?? false,
          createdAt: ctx.now(),
        }),
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
    found(await findPriceList(trx, id, true), `price list ${id}`);
    if (changes.discountsAllowed === false) {
      if (await priceListHasDiscounts(trx, id))
        throw new DomainError(
          'price.tiers_invalid',
          'prices of this list carry discounts; remove them before disallowing discounts',
          { field: 'discountsAllowed' },
        );
    }
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length > 0) await updatePriceListRow(trx, id, set);
    return found(await findPriceList(trx, id), `price list ${id}`);
  });
}

const tierView = (t: Tier): TierView => ({
  upTo: t.upTo === null ? null : decText(t.upTo),
  price: decText(t.price),
  discounts: t.discounts.map(decText),
});

export async function listItemPrices(ctx: ServiceContext, actor: Actor, itemId: string): Promise<ItemPriceView[]> {
  requireRole(actor, 'counter');
  found(await findItem(ctx.db, itemId), `item ${itemId}`);
  return (await selectItemPrices(ctx.db, itemId)).map((r) => ({ ...r, itemId, tiers: r.tiers.map(tierView) }));
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
    found(await findItem(trx, itemId, true), `item ${itemId}`);
    const list = found(await findPriceList(trx, input.priceListId), `price list ${input.priceListId}`, 'priceListId');
    const tiers = checkTiers(input.tiers, list.discountsAllowed);
    const validFrom = input.validFrom ?? null,
      validTo = input.validTo ?? null;
    if (validFrom !== null && validTo !== null && validTo < validFrom)
      throw new DomainError('validation.failed', `validTo ${validTo} is before validFrom ${validFrom}`, {
        field: 'validTo',
      });
    const currency = input.currency ?? list.currency;
    const { conversions } = found(await findItemConversions(trx, itemId), `item ${itemId}`, 'itemId');
    if (!conversions.has(input.unit)) {
      throw new DomainError(
        'unit.not_convertible',
        `unit ${input.unit} is not a unit of the item (primary, secondary or a search-code unit)`,
        { field: 'unit' },
      );
    }
    const same = (await selectItemPrices(trx, itemId, list.id)).filter(
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
      priceId = await insertItemPrice(trx, {
        priceListId: list.id,
        itemId,
        validFrom,
        validTo,
        unit: input.unit,
        currency,
        createdAt: ctx.now(),
      });
    } else {
      await updateItemPriceRow(trx, priceId, { priceListId: list.id, validFrom, validTo, unit: input.unit, currency });
    }
    await insertPriceTiers(trx, priceId, tiers);
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
  if (!(await itemPriceExists(ctx.db, itemId, id)))
    throw new DomainError('not_found', `price ${id} of item ${itemId} not found`);
  return savePrice(ctx, actor, itemId, id, input);
}

export async function deleteItemPrice(ctx: ServiceContext, actor: Actor, itemId: string, id: string): Promise<void> {
  requireRole(actor, 'manager');
  await inTransaction(ctx, async (trx) => {
    if (!(await deleteItemPriceRow(trx, itemId, id)))
      throw new DomainError('not_found', `price ${id} of item ${itemId} not found`);
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
  const { primaryUnit, conversions } = found(await findItemConversions(trx, itemId), `item ${itemId}`, 'itemId');
  const rows = await selectItemPrices(trx, itemId, q.priceListId);
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
    found(await findPriceList(trx, q.priceListId), `price list ${q.priceListId}`, 'priceListId');
    return priceOf(trx, itemId, { ...q, date: q.date ?? today(ctx) });
  });
}
