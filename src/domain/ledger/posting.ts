// A posting: one transaction key, one date, many lines. This file parses lines into exact values and checks
// the rules that need no stock figures: the place fits the warehouse structure, lot/serial fit the item, the
// quantities fit the key kind. Stock-dependent rules (negative stock, serial 0/1) live in plan.ts.
import { type Dec, parseDecimal, ZERO } from '../decimal.js';
import { DomainError } from '../errors.js';
import { requireTracking } from '../items/item.js';

export type KeyKind = 'receipt' | 'issue' | 'transfer' | 'revaluation' | 'adjustment';

/** A line as callers send it: ids as strings, quantities as signed decimal strings in the primary unit. */
export interface PostingLineInput {
  itemId: string;
  warehouseId: string;
  zoneId?: string | null | undefined;
  binId?: string | null | undefined;
  lot?: string | null | undefined;
  serial?: string | null | undefined;
  ownerId: string;
  /** Signed quantity in the primary unit: positive in, negative out, 0 for a pure value adjustment. */
  quantity: string;
  /** Price per primary unit for incoming lines; defaults to the moving average. */
  unitPrice?: string | null | undefined;
  /** Explicit value of the line (value adjustments with quantity 0, or a receipt's total value). */
  value?: string | null | undefined;
  /** Expiry date of the lot, recorded when the lot is first received. */
  expiryDate?: string | null | undefined;
  /**
   * Transfers only: lines with the same pair form their own transfer group (one count difference: out of
   * the bin, into the differences zone); lines without a pair share the posting's group.
   */
  transferPair?: string | null | undefined;
  /** Why the stock differs (a reason code, docs/tolerances.md): kept on the entry; closings set it per count line. */
  reasonCode?: string | null | undefined;
}

export interface PostingInput {
  siteId: string;
  keyCode: string;
  postingDate: string;
  originType: string;
  originId?: string | null | undefined;
  costCentre?: string | null | undefined;
  lines: PostingLineInput[];
}

/** A parsed line: exact numbers, empty strings for "no lot/serial", null for "no zone/bin". */
export interface PostingLine {
  index: number;
  itemId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: string;
  serial: string;
  ownerId: string;
  quantity: Dec;
  unitPrice: Dec | null;
  value: Dec | null;
  expiryDate: string | null;
  /** '' when the line belongs to the posting's own transfer group. */
  transferPair: string;
  reasonCode: string | null;
}

export interface ItemFacts {
  id: string;
  code: string;
  lotManagement: 'no' | 'yes' | 'auto';
  serialManagement: boolean;
}
export interface WarehouseFacts {
  id: string;
  code: string;
  siteId: string;
  kind: 'unstructured' | 'structured' | 'virtual';
  allowNegative: boolean;
}
/** `usage` 'inventory_differences': the clearing zone of count differences (may go negative, see plan.ts). */
export interface ZoneFacts {
  id: string;
  code: string;
  warehouseId: string;
  structured: boolean;
  usage?: 'normal' | 'inventory_differences' | undefined;
}
export interface BinFacts {
  id: string;
  code: string;
  warehouseId: string;
  zoneId: string;
}

export interface PlaceFacts {
  items: Map<string, ItemFacts>;
  warehouses: Map<string, WarehouseFacts>;
  zones: Map<string, ZoneFacts>;
  bins: Map<string, BinFacts>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[1-9]\d{0,18}$/;

function fail(
  code: ConstructorParameters<typeof DomainError>[0],
  message: string,
  field: string,
  params?: Record<string, unknown>,
): never {
  throw new DomainError(code, message, { field, ...(params ? { params } : {}) });
}

function id(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID.test(value)) fail('validation.failed', `${field} must be a record id`, field);
  return value;
}

function optionalId(value: unknown, field: string): string | null {
  return value === undefined || value === null ? null : id(value, field);
}

function optionalText(value: unknown, field: string, max: number): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' || value.length > max || value !== value.trim()) {
    fail('validation.failed', `${field} must be text of at most ${max} characters without surrounding spaces`, field);
  }
  return value;
}

/** Checks the posting header and parses every line; throws naming the first bad field. */
export function parsePosting(input: PostingInput): { header: Omit<PostingInput, 'lines'>; lines: PostingLine[] } {
  id(input.siteId, 'siteId');
  if (
    typeof input.postingDate !== 'string' ||
    !DATE.test(input.postingDate) ||
    Number.isNaN(Date.parse(input.postingDate))
  ) {
    fail('validation.failed', 'postingDate must be a date yyyy-mm-dd', 'postingDate');
  }
  if (typeof input.originType !== 'string' || input.originType.length < 1 || input.originType.length > 40) {
    fail('validation.failed', 'originType must be 1–40 characters', 'originType');
  }
  if (!Array.isArray(input.lines) || input.lines.length === 0)
    fail('validation.failed', 'a posting needs at least one line', 'lines');
  const lines = input.lines.map((l, index): PostingLine => {
    const f = `lines.${index}`;
    const quantity = parseDecimal(l.quantity, `${f}.quantity`);
    const unitPrice =
      l.unitPrice === undefined || l.unitPrice === null ? null : parseDecimal(l.unitPrice, `${f}.unitPrice`);
    const value = l.value === undefined || l.value === null ? null : parseDecimal(l.value, `${f}.value`);
    if (unitPrice && unitPrice.lt(0))
      fail('validation.failed', `${f}.unitPrice must not be negative`, `${f}.unitPrice`);
    if (unitPrice && value) fail('validation.failed', `${f}: give either unitPrice or value, not both`, `${f}.value`);
    if (quantity.isZero() && value === null) {
      fail(
        'validation.failed',
        `${f}.quantity must not be 0 unless the line is a value adjustment with a value`,
        `${f}.quantity`,
      );
    }
    if (quantity.lt(0) && (unitPrice || value)) {
      // Outgoing stock is always valued at the moving average; a price here would silently be ignored.
      fail(
        'validation.failed',
        `${f}: outgoing lines are valued at the moving average and take no price or value`,
        unitPrice ? `${f}.unitPrice` : `${f}.value`,
      );
    }
    if (quantity.gt(0) && value && value.lt(0))
      fail('validation.failed', `${f}.value of an incoming line must not be negative`, `${f}.value`);
    const expiryDate = l.expiryDate ?? null;
    if (expiryDate !== null && (typeof expiryDate !== 'string' || !DATE.test(expiryDate)))
      fail('validation.failed', `${f}.expiryDate must be a date yyyy-mm-dd`, `${f}.expiryDate`);
    return {
      index,
      itemId: id(l.itemId, `${f}.itemId`),
      warehouseId: id(l.warehouseId, `${f}.warehouseId`),
      zoneId: optionalId(l.zoneId, `${f}.zoneId`),
      binId: optionalId(l.binId, `${f}.binId`),
      lot: optionalText(l.lot, `${f}.lot`, 40),
      serial: optionalText(l.serial, `${f}.serial`, 80),
      ownerId: id(l.ownerId, `${f}.ownerId`),
      quantity,
      unitPrice,
      value,
      expiryDate,
      transferPair: optionalText(l.transferPair, `${f}.transferPair`, 40),
      reasonCode: optionalText(l.reasonCode, `${f}.reasonCode`, 30) || null,
    };
  });
  const { lines: _, ...header } = input;
  return { header, lines };
}

/** The quantities must fit the kind of the transaction key (a receipt key cannot issue stock, …). */
export function checkKeyKind(kind: KeyKind, keyCode: string, lines: PostingLine[]): void {
  const mismatch = (line: PostingLine, why: string): never =>
    fail('ledger.key_kind_mismatch', `key ${keyCode} is a ${kind} key: ${why}`, `lines.${line.index}.quantity`, {
      keyCode,
      kind,
    });
  for (const line of lines) {
    if (kind === 'receipt' && !line.quantity.gt(0)) mismatch(line, 'every line must receive a positive quantity');
    if (kind === 'issue' && !line.quantity.lt(0)) mismatch(line, 'every line must issue a negative quantity');
    if (kind === 'revaluation' && !line.quantity.isZero())
      mismatch(line, 'lines revalue stock and carry quantity 0 with a value');
    if (kind === 'transfer' && (line.unitPrice || line.value))
      mismatch(line, 'transfers move stock at the moving average and take no price');
  }
  if (kind === 'transfer') {
    // A transfer moves stock: per item (and per transfer group), what leaves one place arrives at another.
    const net = new Map<string, Dec>();
    const key = (l: PostingLine) => `${l.transferPair}|${l.itemId}`;
    for (const l of lines) net.set(key(l), (net.get(key(l)) ?? ZERO).plus(l.quantity));
    for (const [k, q] of net) {
      if (!q.isZero()) {
        const line = lines.find((l) => key(l) === k)!;
        const pair = line.transferPair ? ` of transfer pair ${line.transferPair}` : '';
        mismatch(
          line,
          `the lines${pair} of item ${line.itemId} must net to zero (issue + receipt), they net to ${q.toFixed()}`,
        );
      }
    }
  } else {
    const paired = lines.find((l) => l.transferPair !== '');
    if (paired)
      fail(
        'validation.failed',
        `lines.${paired.index}.transferPair belongs to transfers only`,
        `lines.${paired.index}.transferPair`,
      );
  }
}

/** Place and item rules of one line: the warehouse structure decides zone/bin; the item decides lot/serial. */
export function checkLine(line: PostingLine, siteId: string, facts: PlaceFacts): void {
  const f = `lines.${line.index}`;
  const item =
    facts.items.get(line.itemId) ?? fail('reference.unknown', `item ${line.itemId} does not exist`, `${f}.itemId`);
  const wh =
    facts.warehouses.get(line.warehouseId) ??
    fail('reference.unknown', `warehouse ${line.warehouseId} does not exist`, `${f}.warehouseId`);
  if (wh.siteId !== siteId)
    fail('validation.failed', `warehouse ${wh.code} belongs to another site`, `${f}.warehouseId`);
  if (wh.kind === 'structured') {
    if (line.zoneId === null)
      fail('place.bin_required', `warehouse ${wh.code} is structured: the line needs a zone`, `${f}.zoneId`);
    const zone =
      facts.zones.get(line.zoneId) ?? fail('reference.unknown', `zone ${line.zoneId} does not exist`, `${f}.zoneId`);
    if (zone.warehouseId !== wh.id)
      fail('validation.failed', `zone ${zone.code} is not in warehouse ${wh.code}`, `${f}.zoneId`);
    if (zone.structured && line.binId === null)
      fail(
        'place.bin_required',
        `zone ${zone.code} of warehouse ${wh.code} has bins: the line needs a bin`,
        `${f}.binId`,
      );
    if (!zone.structured && line.binId !== null)
      fail('place.bin_not_allowed', `zone ${zone.code} of warehouse ${wh.code} has no bins`, `${f}.binId`);
    if (line.binId !== null) {
      const bin =
        facts.bins.get(line.binId) ?? fail('reference.unknown', `bin ${line.binId} does not exist`, `${f}.binId`);
      if (bin.zoneId !== zone.id)
        fail('validation.failed', `bin ${bin.code} is not in zone ${zone.code}`, `${f}.binId`);
    }
  } else {
    if (line.zoneId !== null)
      fail(
        'place.zone_not_allowed',
        `warehouse ${wh.code} is ${wh.kind}: stock is kept per warehouse, without zones`,
        `${f}.zoneId`,
      );
    if (line.binId !== null)
      fail('place.bin_not_allowed', `warehouse ${wh.code} is ${wh.kind}: it has no bins`, `${f}.binId`);
  }
  requireTracking(item, line, `${f}.`);
  if (line.serial !== '' && !line.quantity.abs().eq(1) && !line.quantity.isZero()) {
    fail(
      'ledger.serial_quantity',
      `a serial number is one piece: the quantity of serial ${line.serial} must be 1 or -1`,
      `${f}.quantity`,
      { serial: line.serial },
    );
  }
  if (line.expiryDate !== null && line.lot === '')
    fail('validation.failed', `${f}.expiryDate belongs to a lot; the line has none`, `${f}.expiryDate`);
}

export const positionKey = (p: {
  itemId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: string;
  serial: string;
  ownerId: string;
}): string => JSON.stringify([p.itemId, p.warehouseId, p.zoneId, p.binId, p.lot, p.serial, p.ownerId]);
