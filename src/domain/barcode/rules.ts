// User rules for in-house labels that are not GS1: a prefix plus fixed character positions, or a prefix
// plus separated parts, mapped to item code / lot / serial / quantity / bin / expiry. Rules are plain data
// (stored elsewhere); `parseBarcodeRule` is the only way to turn untrusted input into a BarcodeRule, so the
// matcher can rely on the shape.
//
// Fixed positions count from the first character of the scanned data (prefix included, 0-based), which is
// what one reads off a printed label. Field values are trimmed of surrounding spaces (fixed layouts pad).
import { checkDate, resolveYear } from './dates.js';
import { insertDecimalPoint } from './interpret.js';
import type { BarcodeFields } from './types.js';

export const RULE_FIELDS = ['itemCode', 'lot', 'serial', 'quantity', 'bin', 'expiry'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** How an expiry is written on the label; two-digit years use the same century window as GS1. */
export const RULE_DATE_FORMATS = ['YYMMDD', 'YYYYMMDD', 'DDMMYY', 'DDMMYYYY', 'YYYY-MM-DD', 'DD.MM.YYYY'] as const;
export type RuleDateFormat = (typeof RULE_DATE_FORMATS)[number];

interface RuleCommon {
  name: string;
  prefix?: string;
  /** Default "YYMMDD". */
  dateFormat?: RuleDateFormat;
  /** Implied decimals of a quantity written without decimal point ("001250" with 3 → "1.250"). Default 0. */
  quantityDecimals?: number;
}

export interface FixedRuleField {
  field: RuleField;
  start: number;
  /** Omitted only for the last field, which then runs to the end of the data. */
  length?: number;
}

export interface FixedRule extends RuleCommon {
  kind: 'fixed';
  /** Exact length of the scanned data, when the label has one. */
  length?: number;
  fields: FixedRuleField[];
}

export interface SeparatorRule extends RuleCommon {
  kind: 'separator';
  separator: string;
  /** One entry per part after the prefix; null ignores that part. */
  fields: (RuleField | null)[];
}

export type BarcodeRule = FixedRule | SeparatorRule;

export interface RuleValidationError {
  code: 'validation.failed' | 'validation.unknown_field';
  message: string;
  /** Where in the input the problem is, e.g. "fields[1].start". */
  path: string;
}

export type ParseRuleResult = { ok: true; rule: BarcodeRule } | { ok: false; error: RuleValidationError };

class RuleInputError extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly code: RuleValidationError['code'] = 'validation.failed',
  ) {
    super(message);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const MAX_LEN = 1000;

function onlyKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key))
      throw new RuleInputError(path ? `${path}.${key}` : key, `unknown property "${key}"`, 'validation.unknown_field');
  }
}

function text(obj: Record<string, unknown>, key: string, maxLength: number, required: boolean): string | undefined {
  const v = obj[key];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || v.length === 0 || v.length > maxLength) {
    throw new RuleInputError(key, `${key} must be a non-empty string of at most ${maxLength} characters`);
  }
  return v;
}

function common(obj: Record<string, unknown>): RuleCommon {
  const out: RuleCommon = { name: text(obj, 'name', 100, true) ?? '' };
  const prefix = text(obj, 'prefix', 50, false);
  if (prefix !== undefined) out.prefix = prefix;
  if (obj.dateFormat !== undefined) {
    if (!RULE_DATE_FORMATS.includes(obj.dateFormat as RuleDateFormat))
      throw new RuleInputError('dateFormat', `dateFormat must be one of ${RULE_DATE_FORMATS.join(', ')}`);
    out.dateFormat = obj.dateFormat as RuleDateFormat;
  }
  if (obj.quantityDecimals !== undefined) {
    if (!isInt(obj.quantityDecimals, 0, 12))
      throw new RuleInputError('quantityDecimals', 'quantityDecimals must be an integer from 0 to 12');
    out.quantityDecimals = obj.quantityDecimals;
  }
  return out;
}

function fieldName(v: unknown, path: string): RuleField {
  if (!RULE_FIELDS.includes(v as RuleField))
    throw new RuleInputError(path, `field must be one of ${RULE_FIELDS.join(', ')}`);
  return v as RuleField;
}

function noDuplicates(names: readonly RuleField[]): void {
  const seen = new Set<RuleField>();
  for (const n of names) {
    if (seen.has(n)) throw new RuleInputError('fields', `field "${n}" appears twice`);
    seen.add(n);
  }
}

function parseFixed(obj: Record<string, unknown>): FixedRule {
  onlyKeys(obj, ['kind', 'name', 'prefix', 'length', 'fields', 'dateFormat', 'quantityDecimals'], '');
  const rule: FixedRule = { kind: 'fixed', ...common(obj), fields: [] };
  const prefixLength = rule.prefix?.length ?? 0;
  if (obj.length !== undefined) {
    if (!isInt(obj.length, prefixLength + 1, MAX_LEN))
      throw new RuleInputError('length', `length must be an integer from ${prefixLength + 1} to ${MAX_LEN}`);
    rule.length = obj.length;
  }
  if (!Array.isArray(obj.fields) || obj.fields.length === 0)
    throw new RuleInputError('fields', 'fields must be a non-empty list');
  obj.fields.forEach((f: unknown, i) => {
    const path = `fields[${i}]`;
    if (!isRecord(f)) throw new RuleInputError(path, 'each field must be an object { field, start, length? }');
    onlyKeys(f, ['field', 'start', 'length'], path);
    const field: FixedRuleField = { field: fieldName(f.field, `${path}.field`), start: 0 };
    if (!isInt(f.start, prefixLength, MAX_LEN - 1))
      throw new RuleInputError(
        `${path}.start`,
        `start must be an integer from ${prefixLength} (after the prefix) to ${MAX_LEN - 1}`,
      );
    field.start = f.start;
    if (f.length !== undefined) {
      if (!isInt(f.length, 1, MAX_LEN))
        throw new RuleInputError(`${path}.length`, `length must be an integer from 1 to ${MAX_LEN}`);
      field.length = f.length;
    }
    rule.fields.push(field);
  });
  noDuplicates(rule.fields.map((f) => f.field));
  const sorted = [...rule.fields].sort((a, b) => a.start - b.start);
  sorted.forEach((f, i) => {
    const next = sorted[i + 1];
    if (f.length === undefined && next)
      throw new RuleInputError('fields', `field "${f.field}" needs a length: only the last field may run to the end`);
    if (next && f.start + (f.length ?? 0) > next.start)
      throw new RuleInputError('fields', `fields "${f.field}" and "${next.field}" overlap`);
    if (rule.length !== undefined && f.start + (f.length ?? 1) > rule.length)
      throw new RuleInputError('fields', `field "${f.field}" ends after the rule's length ${rule.length}`);
  });
  return rule;
}

function parseSeparator(obj: Record<string, unknown>): SeparatorRule {
  onlyKeys(obj, ['kind', 'name', 'prefix', 'separator', 'fields', 'dateFormat', 'quantityDecimals'], '');
  const base = common(obj);
  const separator = text(obj, 'separator', 5, true) ?? '';
  if (!Array.isArray(obj.fields) || obj.fields.length === 0 || obj.fields.length > 50)
    throw new RuleInputError('fields', 'fields must be a list of 1 to 50 field names (null to skip a part)');
  const fields = obj.fields.map((f: unknown, i) => (f === null ? null : fieldName(f, `fields[${i}]`)));
  const named = fields.filter((f): f is RuleField => f !== null);
  if (named.length === 0) throw new RuleInputError('fields', 'at least one part must be mapped to a field');
  noDuplicates(named);
  return { kind: 'separator', ...base, separator, fields };
}

/** Validates untrusted rule data (e.g. from the API or the database) and returns a clean copy. */
export function parseBarcodeRule(input: unknown): ParseRuleResult {
  try {
    if (!isRecord(input)) throw new RuleInputError('', 'a barcode rule must be an object');
    if (input.kind === 'fixed') return { ok: true, rule: parseFixed(input) };
    if (input.kind === 'separator') return { ok: true, rule: parseSeparator(input) };
    throw new RuleInputError('kind', 'kind must be "fixed" or "separator"');
  } catch (e) {
    if (e instanceof RuleInputError) return { ok: false, error: { code: e.code, message: e.message, path: e.path } };
    throw e;
  }
}

type FieldOutcome = { ok: true; value: string } | { ok: false; reason: string };

function ruleQuantity(value: string, decimals: number): FieldOutcome {
  const m = /^([0-9]{1,20})(?:[.,]([0-9]{1,12}))?$/.exec(value);
  if (!m || m[1] === undefined) return { ok: false, reason: `quantity "${value}" is not a decimal number` };
  if (m[2] !== undefined) return { ok: true, value: `${m[1].replace(/^0+(?=\d)/, '')}.${m[2]}` };
  return { ok: true, value: insertDecimalPoint(m[1], decimals) };
}

const DATE_PATTERNS: Record<RuleDateFormat, { re: RegExp; order: 'ymd' | 'dmy'; twoDigitYear: boolean }> = {
  YYMMDD: { re: /^(\d{2})(\d{2})(\d{2})$/, order: 'ymd', twoDigitYear: true },
  YYYYMMDD: { re: /^(\d{4})(\d{2})(\d{2})$/, order: 'ymd', twoDigitYear: false },
  DDMMYY: { re: /^(\d{2})(\d{2})(\d{2})$/, order: 'dmy', twoDigitYear: true },
  DDMMYYYY: { re: /^(\d{2})(\d{2})(\d{4})$/, order: 'dmy', twoDigitYear: false },
  'YYYY-MM-DD': { re: /^(\d{4})-(\d{2})-(\d{2})$/, order: 'ymd', twoDigitYear: false },
  'DD.MM.YYYY': { re: /^(\d{2})\.(\d{2})\.(\d{4})$/, order: 'dmy', twoDigitYear: false },
};

function ruleDate(value: string, format: RuleDateFormat, referenceYear: number | undefined): FieldOutcome {
  const p = DATE_PATTERNS[format];
  const m = p.re.exec(value);
  if (!m) return { ok: false, reason: `expiry "${value}" does not have the format ${format}` };
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [y, month, day] = p.order === 'ymd' ? [a, b, c] : [c, b, a];
  const year = p.twoDigitYear ? resolveYear(y, referenceYear) : y;
  const check = checkDate(year, month, day, false);
  return check.ok ? { ok: true, value: check.iso } : { ok: false, reason: `expiry "${value}": ${check.problem}` };
}

function convert(
  rule: BarcodeRule,
  field: RuleField,
  rawValue: string,
  referenceYear: number | undefined,
): FieldOutcome {
  const value = rawValue.trim();
  if (value === '') return { ok: false, reason: `field ${field} is empty` };
  if (field === 'quantity') return ruleQuantity(value, rule.quantityDecimals ?? 0);
  if (field === 'expiry') return ruleDate(value, rule.dateFormat ?? 'YYMMDD', referenceYear);
  return { ok: true, value };
}

export type RuleMatch = { ok: true; fields: BarcodeFields } | { ok: false; reason: string };

/** Tries one rule on the scanned data (symbology identifier already removed). */
export function matchRule(rule: BarcodeRule, data: string, referenceYear: number | undefined): RuleMatch {
  const prefix = rule.prefix ?? '';
  if (!data.startsWith(prefix)) return { ok: false, reason: `prefix "${prefix}" not found` };
  const pieces: [RuleField, string][] = [];
  if (rule.kind === 'fixed') {
    if (rule.length !== undefined && data.length !== rule.length)
      return { ok: false, reason: `expected ${rule.length} characters, got ${data.length}` };
    for (const f of rule.fields) {
      const end = f.length === undefined ? data.length : f.start + f.length;
      if (end > data.length || f.start >= data.length)
        return {
          ok: false,
          reason: `data too short for field ${f.field} (needs ${end} characters, got ${data.length})`,
        };
      pieces.push([f.field, data.slice(f.start, end)]);
    }
  } else {
    const parts = data.slice(prefix.length).split(rule.separator);
    if (parts.length !== rule.fields.length)
      return {
        ok: false,
        reason: `expected ${rule.fields.length} parts separated by "${rule.separator}", found ${parts.length}`,
      };
    rule.fields.forEach((f, i) => {
      if (f !== null) pieces.push([f, parts[i] ?? '']);
    });
  }
  const fields: BarcodeFields = {};
  for (const [field, raw] of pieces) {
    const converted = convert(rule, field, raw, referenceYear);
    if (!converted.ok) return converted;
    fields[field] = converted.value;
  }
  return { ok: true, fields };
}
