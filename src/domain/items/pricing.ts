// Price lists (SPEC §2 "Price data", seed 002 "Listini"): a price row per item × list × validity × unit ×
// currency, with quantity tiers "up to Q" (the last may be open-ended, "oltre") and up to four discounts
// applied in cascade. priceFor picks the row valid on the date, converts the asked quantity to the row's
// unit through the item's conversions, picks the tier and computes the net price exactly with Dec.
import { Dec, decText, parseDecimal } from '../decimal.js';
import { DomainError } from '../errors.js';
import { type Conversion, convertFromPrimary, convertToPrimary } from './unit.js';

export const MAX_DISCOUNTS = 4;
/** Unit prices derived through a conversion that does not terminate are rounded to this many decimals. */
export const UNIT_PRICE_SCALE = 10;
export const AMOUNT_SCALE = 2;

export interface TierInput {
  upTo: string | null;
  price: string;
  discounts?: string[] | undefined;
}
export interface Tier {
  upTo: Dec | null;
  price: Dec;
  discounts: Dec[];
}

/** Tiers must rise strictly; only the last may be open-ended; prices ≥ 0; discounts 0–100 %, at most four. */
export function checkTiers(tiers: TierInput[], discountsAllowed: boolean, field = 'tiers'): Tier[] {
  if (tiers.length === 0) throw new DomainError('price.tiers_invalid', `${field} needs at least one tier`, { field });
  const out: Tier[] = [];
  tiers.forEach((t, i) => {
    const f = `${field}.${i}`;
    const upTo = t.upTo === null ? null : parseDecimal(t.upTo, `${f}.upTo`);
    if (upTo !== null && !upTo.gt(0))
      throw new DomainError('price.tiers_invalid', `${f}.upTo must be positive`, { field: `${f}.upTo` });
    if (upTo === null && i !== tiers.length - 1) {
      throw new DomainError('price.tiers_invalid', `${f}: only the last tier may be open-ended (upTo null)`, {
        field: `${f}.upTo`,
      });
    }
    const prev = out[i - 1];
    if (prev && upTo !== null && !upTo.gt(prev.upTo!)) {
      throw new DomainError(
        'price.tiers_invalid',
        `${f}.upTo ${decText(upTo)} must be greater than the tier before (${decText(prev.upTo!)})`,
        { field: `${f}.upTo` },
      );
    }
    const price = parseDecimal(t.price, `${f}.price`);
    if (price.lt(0))
      throw new DomainError('price.tiers_invalid', `${f}.price must not be negative`, { field: `${f}.price` });
    const discounts = (t.discounts ?? []).map((d, j) => {
      const v = parseDecimal(d, `${f}.discounts.${j}`);
      if (v.lt(0) || v.gt(100))
        throw new DomainError('price.tiers_invalid', `${f}.discounts.${j} must be a percentage 0–100`, {
          field: `${f}.discounts.${j}`,
        });
      return v;
    });
    if (discounts.length > MAX_DISCOUNTS)
      throw new DomainError('price.tiers_invalid', `${f} has more than ${MAX_DISCOUNTS} discounts`, {
        field: `${f}.discounts`,
      });
    if (discounts.length > 0 && !discountsAllowed) {
      throw new DomainError('price.tiers_invalid', `${f}: this price list does not allow discounts on the list`, {
        field: `${f}.discounts`,
      });
    }
    out.push({ upTo, price, discounts });
  });
  return out;
}

/** Cascading discounts: 100 with 10 % + 5 % is 100 × 0.90 × 0.95 = 85.5 (not 85). */
export function applyDiscounts(price: Dec, discounts: Dec[]): Dec {
  return discounts.reduce((p, d) => p.times(new Dec(100).minus(d)).dividedBy(100), price);
}

/** The tier for a quantity: the first whose "up to" is ≥ quantity, else the open-ended tier. */
export function pickTier(tiers: Tier[], qty: Dec): Tier | undefined {
  return tiers.find((t) => t.upTo === null || qty.lte(t.upTo));
}

export interface PriceRow {
  id: string;
  validFrom: string | null;
  validTo: string | null;
  unit: string;
  currency: string;
  tiers: Tier[];
}

export function validOn(row: Pick<PriceRow, 'validFrom' | 'validTo'>, date: string): boolean {
  return (row.validFrom === null || row.validFrom <= date) && (row.validTo === null || date <= row.validTo);
}

/** Two rows of the same list, item, unit and currency must not be valid on the same day. */
export function overlaps(
  a: Pick<PriceRow, 'validFrom' | 'validTo'>,
  b: Pick<PriceRow, 'validFrom' | 'validTo'>,
): boolean {
  const aFrom = a.validFrom ?? '0000-01-01',
    aTo = a.validTo ?? '9999-12-31';
  const bFrom = b.validFrom ?? '0000-01-01',
    bTo = b.validTo ?? '9999-12-31';
  return aFrom <= bTo && bFrom <= aTo;
}

export interface PriceQuery {
  quantity: Dec;
  unit: string;
  date: string;
  currency?: string | undefined;
}

export interface PriceResult {
  priceRowId: string;
  currency: string;
  /** The unit the list states its prices in, and the asked quantity expressed in it. */
  priceUnit: string;
  quantityInPriceUnit: string;
  tierUpTo: string | null;
  listPrice: string;
  discounts: string[];
  /** Net price per price unit (exact). */
  netPrice: string;
  /** Net price per asked unit (exact, or rounded to UNIT_PRICE_SCALE decimals when the conversion does not terminate). */
  unitPrice: string;
  /** quantityInPriceUnit × netPrice, exact, and rounded half-up to AMOUNT_SCALE decimals. */
  amountExact: string;
  amount: string;
}

/** One of the asked unit → the price unit, through the primary unit. */
function unitsPer(askedQty: Dec, asked: Conversion, priceUnit: Conversion): Dec {
  const primary = convertToPrimary(askedQty, asked);
  // Display-side conversion: a price unit that does not divide exactly is rounded, never refused.
  try {
    return convertFromPrimary(primary, priceUnit);
  } catch {
    const f = new Dec(priceUnit.factor);
    return priceUnit.op === 'x' ? primary.dividedBy(f) : primary.times(f);
  }
}

/**
 * The price of `quantity` `unit` of an item on `date`. `conversions` maps every unit the item knows (primary,
 * secondary, search-code units) to its conversion to the primary unit. A row in the asked unit wins over a
 * row that needs conversion; among equals the latest validFrom wins (the most specific row).
 */
export function priceFor(rows: PriceRow[], conversions: Map<string, Conversion>, q: PriceQuery): PriceResult {
  const asked = conversions.get(q.unit);
  if (!asked)
    throw new DomainError(
      'unit.not_convertible',
      `the item has no unit ${q.unit} (primary, secondary or search-code unit)`,
      { field: 'unit' },
    );
  if (!q.quantity.gt(0)) throw new DomainError('validation.failed', 'quantity must be positive', { field: 'quantity' });
  const candidates = rows
    .filter(
      (r) => validOn(r, q.date) && (q.currency === undefined || r.currency === q.currency) && conversions.has(r.unit),
    )
    .sort(
      (a, b) =>
        Number(b.unit === q.unit) - Number(a.unit === q.unit) || (b.validFrom ?? '').localeCompare(a.validFrom ?? ''),
    );
  const row = candidates[0];
  if (!row) {
    throw new DomainError(
      'price.not_found',
      `no price valid on ${q.date}${q.currency ? ` in ${q.currency}` : ''} for this item`,
      {
        field: 'date',
        params: { date: q.date },
      },
    );
  }
  const priceConv = conversions.get(row.unit)!;
  const qtyInPriceUnit = row.unit === q.unit ? q.quantity : unitsPer(q.quantity, asked, priceConv);
  const tier = pickTier(row.tiers, qtyInPriceUnit);
  if (!tier) {
    const last = row.tiers[row.tiers.length - 1]!;
    throw new DomainError(
      'price.not_found',
      `quantity ${decText(qtyInPriceUnit)} ${row.unit} is above the last tier (up to ${decText(last.upTo!)})`,
      {
        field: 'quantity',
        params: { upTo: decText(last.upTo!) },
      },
    );
  }
  const net = applyDiscounts(tier.price, tier.discounts);
  const oneAskedInPriceUnit = row.unit === q.unit ? new Dec(1) : unitsPer(new Dec(1), asked, priceConv);
  const unitPriceRaw = net.times(oneAskedInPriceUnit);
  const amountExact = net.times(qtyInPriceUnit);
  return {
    priceRowId: row.id,
    currency: row.currency,
    priceUnit: row.unit,
    quantityInPriceUnit: decText(qtyInPriceUnit),
    tierUpTo: tier.upTo === null ? null : decText(tier.upTo),
    listPrice: decText(tier.price),
    discounts: tier.discounts.map(decText),
    netPrice: decText(net),
    unitPrice: decText(
      unitPriceRaw.decimalPlaces() > UNIT_PRICE_SCALE ? unitPriceRaw.toDecimalPlaces(UNIT_PRICE_SCALE) : unitPriceRaw,
    ),
    amountExact: decText(
      amountExact.decimalPlaces() > UNIT_PRICE_SCALE ? amountExact.toDecimalPlaces(UNIT_PRICE_SCALE) : amountExact,
    ),
    amount: amountExact.toFixed(AMOUNT_SCALE),
  };
}
