// From what the counter scanned or typed to an item and the unit the quantity is counted in. Search codes
// are stored as printed (EAN-13, UPC-A, EAN-8, GTIN-14, in-house codes), while the tokenizer normalises a
// GTIN to 14 digits, so a GTIN is looked up in each of its shorter forms too. Every read is an index
// look-up (item_search_codes_code_key, items and units primary keys): a scan never reads the list.
import type { BarcodeFields, DecodeSuccess } from '../../domain/barcode/index.js';
import type { Dec } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import { convertToPrimary, IDENTITY, parseQuantity, type Conversion } from '../../domain/items/unit.js';
import type { Tx } from '../context.js';
import { resolveSearchCode, type ResolvedSearchCode } from '../items/search-code.service.js';
import { secondaryUnitOf, selectUnitRules } from './counting.repository.js';

/** The forms a GTIN-14 may have been stored in, most common first (EAN-13 is what most labels carry). */
export function gtinForms(gtin14: string): string[] {
  const forms: string[] = [];
  if (gtin14.startsWith('0')) forms.push(gtin14.slice(1));
  forms.push(gtin14);
  if (gtin14.startsWith('00')) forms.push(gtin14.slice(2));
  if (gtin14.startsWith('000000')) forms.push(gtin14.slice(6));
  return forms;
}

/** The codes to try for a decoded scan, in order. */
export function candidateCodes(decoded: DecodeSuccess): string[] {
  const codes: string[] = [];
  const gtin = decoded.fields.gtin ?? decoded.gtin14;
  if (gtin) codes.push(...gtinForms(gtin));
  if (decoded.fields.itemCode) codes.push(decoded.fields.itemCode);
  if (decoded.data !== undefined && decoded.type === 'plain') codes.push(decoded.data);
  return [...new Set(codes.map((c) => c.trim()).filter((c) => c !== ''))];
}

export interface ScannedItem extends ResolvedSearchCode {
  /** The code that matched. */
  matchedCode: string;
}

/** The first candidate that is a search code; not_found naming `field` when none is. */
export async function resolveItem(trx: Tx, codes: string[], field: string): Promise<ScannedItem> {
  for (const code of codes) {
    const hit = await resolveSearchCode(trx, code);
    if (hit) return { ...hit, matchedCode: code };
  }
  throw new DomainError(
    'not_found',
    `no item has the search code ${codes.map((c) => JSON.stringify(c)).join(' or ')}`,
    { field, params: { codes } },
  );
}

export interface CountedQuantity {
  /** In the primary unit: what the report records. */
  quantity: Dec;
  entered: Dec;
  enteredUnit: string;
}

/**
 * The unit a quantity may be entered in: the scanned code's unit (a carton code counts cartons), the primary
 * unit, or the item's secondary unit. Anything else is refused naming `unit`.
 */
async function conversionFor(trx: Tx, item: ScannedItem, unit: string): Promise<Conversion> {
  if (unit === item.unit) return { op: item.conversionOp, factor: item.conversionFactor };
  if (unit === item.primaryUnit) return IDENTITY;
  const secondary = await secondaryUnitOf(trx, item.itemId);
  if (secondary && unit === secondary.unit) return { op: secondary.op, factor: secondary.factor };
  const allowed = [...new Set([item.unit, item.primaryUnit, secondary?.unit].filter((u): u is string => !!u))];
  throw new DomainError(
    'unit.not_convertible',
    `item ${item.itemCode} cannot be counted in ${unit}; use ${allowed.join(', ')}`,
    { field: 'unit', params: { unit, allowed } },
  );
}

/**
 * Converts the counted quantity to the primary unit, exactly. A quantity taken from the barcode (AI 30/37,
 * a rule's quantity) counts units of the scanned code, whatever unit the client shows.
 */
export async function countedQuantity(
  trx: Tx,
  item: ScannedItem,
  input: { quantity?: string | undefined; unit?: string | undefined },
  fields: BarcodeFields,
): Promise<CountedQuantity> {
  const fromBarcode = input.quantity === undefined && fields.quantity !== undefined;
  // A serial is one piece: scanning it is counting it.
  const text = input.quantity ?? fields.quantity ?? (item.serialManagement ? '1' : undefined);
  if (text === undefined)
    throw new DomainError('validation.failed', 'quantity is required (the barcode carries none)', {
      field: 'quantity',
    });
  const enteredUnit = fromBarcode ? item.unit : (input.unit ?? item.unit);
  const conversion = await conversionFor(trx, item, enteredUnit);
  const rules = await selectUnitRules(trx, [enteredUnit, item.primaryUnit]);
  const entered = parseQuantity(text, rules.get(enteredUnit) ?? { code: enteredUnit, decimals: 6 }, 'quantity');
  const quantity = convertToPrimary(entered, conversion, rules.get(item.primaryUnit), 'quantity');
  return { quantity, entered, enteredUnit };
}

/**
 * Which lot and serial to report: an explicit entry wins over the barcode (the counter saw the pre-filled
 * value and may have corrected it). A lot or serial read from a GS1 label is dropped for items not managed
 * that way (many labels carry one); a typed one is passed on, and recordReport refuses it. Whether a lot or
 * serial is required is recordReport's rule (item.lot_required / item.serial_required, field lot/serial).
 */
export function lotAndSerial(
  item: ScannedItem,
  input: { lot?: string | undefined; serial?: string | undefined },
  fields: BarcodeFields,
): { lot: string; serial: string } {
  const lot = input.lot ?? (item.lotManagement !== 'no' ? fields.lot : undefined) ?? '';
  const serial = input.serial ?? (item.serialManagement ? fields.serial : undefined) ?? '';
  return { lot: lot.trim(), serial: serial.trim() };
}
