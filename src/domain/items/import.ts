// Item import rows (CSV/XLSX → item master): the columns an import file may carry and the checks of one
// row that need no database. Each problem names the file line and column, so the report tells the user
// exactly what to fix; reference checks (units, code tables, codes in use) are set-based in the service.
import { parseDecimal } from '../decimal.js';
import { DomainError } from '../errors.js';
import {
  CLASSIFICATION_FIELDS,
  type ClassificationField,
  checkDescription,
  checkItemCode,
  checkLotManagement,
  checkSearchCode,
  checkSecondaryUnit,
  checkSupplementary,
  checkTracking,
} from './item.js';
import { checkConversion } from './unit.js';

/** One rejected row: file line (spreadsheet row), field (column name), its column letter when known, error code. */
export interface RowProblem {
  line: number;
  field: string;
  column?: string | undefined;
  code: string;
  message: string;
}

const CLASSIFICATIONS = Object.keys(CLASSIFICATION_FIELDS) as ClassificationField[];
const DECIMAL_COLUMNS = [
  'standardCost',
  'inventoryPrice',
  'thresholdQuantity',
  'minStock',
  'maxStock',
  'reorderPoint',
  'netWeight',
  'grossWeight',
] as const;
/** Every column an item import file may have, in export order. code, description and primaryUnit are required. */
export const ITEM_COLUMNS = [
  'code',
  'description',
  'primaryUnit',
  'secondaryUnit',
  'secondaryConversionOp',
  'secondaryConversionFactor',
  'lotManagement',
  'serialManagement',
  'serialClass',
  'includeInInventory',
  'countCycleDays',
  ...CLASSIFICATIONS,
  ...DECIMAL_COLUMNS,
  'vatCode',
  'accountingCategory',
  'packageType',
  'supplementaryDescription',
] as const;
export type ItemColumn = (typeof ITEM_COLUMNS)[number];
export const REQUIRED_ITEM_COLUMNS = ['code', 'description', 'primaryUnit'] as const;
export const SEARCH_CODE_COLUMNS = [
  'itemCode',
  'code',
  'unit',
  'conversionOp',
  'conversionFactor',
  'description',
] as const;

/** The header must name known columns only, each once, and the required ones; otherwise the file is refused. */
export function checkHeader(header: string[], known: readonly string[], required: readonly string[]): void {
  const seen = new Set<string>();
  for (const h of header) {
    if (!known.includes(h))
      throw new DomainError('import.header_invalid', `unknown column "${h}"; allowed: ${known.join(', ')}`, {
        field: h,
        params: { column: h },
      });
    if (seen.has(h)) throw new DomainError('import.header_invalid', `column "${h}" appears twice`, { field: h });
    seen.add(h);
  }
  const missing = required.find((r) => !seen.has(r));
  if (missing)
    throw new DomainError('import.header_invalid', `required column "${missing}" is missing`, { field: missing });
}

export type ImportedItem = Record<string, string | number | boolean | null>;

const bool = (v: string, field: string): boolean => {
  const t = v.trim().toLowerCase();
  if (['1', 'true', 'yes', 'y', 'si', 'sì', 'x'].includes(t)) return true;
  if (['0', 'false', 'no', 'n', ''].includes(t)) return false;
  throw new DomainError('validation.failed', `${field} must be true/false (also 1/0, yes/no)`, { field });
};

/** Decimal text as written in files: "1,5" (comma decimal) is read as 1.5; thousands separators are refused. */
export function fileDecimal(v: string, field: string): string {
  const t = v.trim().replace(',', '.');
  const d = parseDecimal(t, field);
  if (d.lt(0)) throw new DomainError('validation.failed', `${field} must not be negative`, { field });
  return d.toFixed();
}

/** Checks one data row; returns the item values (empty cells → defaults) or throws the first problem. */
export function parseItemRow(row: Record<string, string>): ImportedItem {
  const get = (k: string) => (row[k] ?? '').trim();
  const out: ImportedItem = {
    code: checkItemCode(get('code')),
    description: checkDescription(row.description ?? ''),
    primaryUnit: get('primaryUnit'),
  };
  if (out.primaryUnit === '')
    throw new DomainError('validation.failed', 'primaryUnit is required', { field: 'primaryUnit' });
  const sec = checkSecondaryUnit(out.primaryUnit as string, {
    secondaryUnit: get('secondaryUnit') || null,
    secondaryConversionOp: (get('secondaryConversionOp') || null) as 'x' | '\\' | null,
    secondaryConversionFactor: get('secondaryConversionFactor')
      ? fileDecimal(get('secondaryConversionFactor'), 'secondaryConversionFactor')
      : null,
  });
  Object.assign(out, sec);
  const lotManagement = checkLotManagement(get('lotManagement') || 'no');
  const serialManagement = bool(get('serialManagement'), 'serialManagement');
  // The same lot/serial couplings as every other creation path (domain/item.ts checkTracking).
  Object.assign(
    out,
    { lotManagement, serialManagement },
    checkTracking(
      { lotManagement, serialManagement },
      {
        lotAvailabilityCheck: 'none',
        availabilityCheck: 'none',
        serialClass: get('serialClass') || null,
      },
      new Set(),
    ),
  );
  out.includeInInventory =
    get('includeInInventory') === '' ? true : bool(get('includeInInventory'), 'includeInInventory');
  const cycle = get('countCycleDays') || '0';
  if (!/^\d{1,5}$/.test(cycle))
    throw new DomainError('validation.failed', 'countCycleDays must be a whole number of days', {
      field: 'countCycleDays',
    });
  out.countCycleDays = Number(cycle);
  for (const c of CLASSIFICATIONS) {
    const v = get(c);
    if (v !== '' && !/^[A-Za-z0-9_.-]{1,20}$/.test(v))
      throw new DomainError('validation.failed', `${c} must be a code of 1–20 letters, digits, _ . -`, { field: c });
    out[c] = v || null;
  }
  for (const c of DECIMAL_COLUMNS)
    out[c] = get(c) === '' ? (c === 'netWeight' || c === 'grossWeight' ? null : '0') : fileDecimal(get(c), c);
  if (out.netWeight !== null && out.grossWeight !== null && Number(out.grossWeight) < Number(out.netWeight)) {
    throw new DomainError('validation.failed', 'grossWeight is below netWeight', { field: 'grossWeight' });
  }
  for (const c of ['vatCode', 'accountingCategory', 'packageType'] as const) {
    const v = get(c);
    if (v.length > 20) throw new DomainError('validation.failed', `${c} must have at most 20 characters`, { field: c });
    out[c] = v || null;
  }
  out.supplementaryDescription = checkSupplementary(row.supplementaryDescription ?? '');
  return out;
}

export interface ImportedSearchCode {
  itemCode: string;
  code: string;
  unit: string;
  conversionOp: 'x' | '\\';
  conversionFactor: string;
  description: string | null;
}

export function parseSearchCodeRow(row: Record<string, string>): ImportedSearchCode {
  const get = (k: string) => (row[k] ?? '').trim();
  const itemCode = checkItemCode(get('itemCode'), 'itemCode');
  const code = checkSearchCode(get('code'));
  const unit = get('unit');
  if (unit === '') throw new DomainError('validation.failed', 'unit is required', { field: 'unit' });
  const c = checkConversion(
    get('conversionOp') || 'x',
    get('conversionFactor') ? fileDecimal(get('conversionFactor'), 'conversionFactor') : '1',
  );
  const description = get('description');
  if (description.length > 40)
    throw new DomainError('validation.failed', 'description must have at most 40 characters', { field: 'description' });
  return {
    itemCode,
    code,
    unit,
    conversionOp: c.op,
    conversionFactor: (c.factor as { toFixed(): string }).toFixed(),
    description: description || null,
  };
}

/** Runs a row check and turns its DomainError into a problem of that line (other errors propagate). */
export function rowProblem<T>(line: number, fn: () => T): T | RowProblem {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DomainError) return { line, field: e.field ?? '', code: e.code, message: e.message };
    throw e;
  }
}
