// Meaning of validated element values: ISO dates, exact decimals, and the well-known inventory fields.
// Decimals stay strings end to end (never JS numbers) so "1.250" kg is exactly what the label says.
import type { AiDefinition } from './ai-dictionary.js';
import { checkDate, resolveYear } from './dates.js';
import type { ParsedElement } from './element-string.js';
import type { BarcodeFields, Gs1Element } from './types.js';

/** "001250" with 3 decimals → "1.250"; integer part without leading zeros, fraction kept as encoded. */
export function insertDecimalPoint(digits: string, decimals: number): string {
  const padded = digits.padStart(decimals + 1, '0');
  const intPart = padded.slice(0, padded.length - decimals).replace(/^0+(?=\d)/, '');
  return decimals === 0 ? intPart : `${intPart}.${padded.slice(padded.length - decimals)}`;
}

// 31nn-36nn measures and 390n-395n amounts carry their number of decimals in the AI's last digit.
const IMPLIED_DECIMALS = /^(3[1-6][0-9]|39[0-5])[0-9]$/;
const WITH_CURRENCY = /^39[13][0-9]$/;
const TEMPERATURE = /^433[0-3]$/;

interface Interpretation {
  value?: string;
  currency?: string;
}

export function interpretElement(
  def: AiDefinition,
  parts: readonly string[],
  referenceYear: number | undefined,
): Interpretation {
  const ai = def.ai;
  if (IMPLIED_DECIMALS.test(ai)) {
    const decimals = Number(ai[3]);
    if (WITH_CURRENCY.test(ai))
      return { value: insertDecimalPoint(parts[1] ?? '', decimals), currency: parts[0] ?? '' };
    return { value: insertDecimalPoint(parts[0] ?? '', decimals) };
  }
  if (ai === '30' || ai === '37') return { value: insertDecimalPoint(parts[0] ?? '', 0) };
  if (TEMPERATURE.test(ai)) {
    const magnitude = insertDecimalPoint(parts[0] ?? '', 2);
    return { value: parts[1] === '-' && /[1-9]/.test(magnitude) ? `-${magnitude}` : magnitude };
  }
  return interpretDateTime(def, parts, referenceYear);
}

/** Dates become yyyy-mm-dd, date + time yyyy-mm-ddThh:mm[:ss], two dates (7007) a "start/end" interval. */
function interpretDateTime(
  def: AiDefinition,
  parts: readonly string[],
  referenceYear: number | undefined,
): Interpretation {
  const dates: string[] = [];
  let hour: string | undefined;
  let minute: string | undefined;
  let second: string | undefined;
  def.components.forEach((comp, index) => {
    const text = parts[index];
    if (text === undefined) return;
    for (const linter of comp.linters) {
      if (linter === 'yymmdd' || linter === 'yymmd0') {
        const check = checkDate(
          resolveYear(Number(text.slice(0, 2)), referenceYear),
          Number(text.slice(2, 4)),
          Number(text.slice(4, 6)),
          linter === 'yymmd0',
        );
        if (check.ok) dates.push(check.iso);
      } else if (linter === 'yyyymmdd' || linter === 'yyyymmd0') {
        const check = checkDate(
          Number(text.slice(0, 4)),
          Number(text.slice(4, 6)),
          Number(text.slice(6, 8)),
          linter === 'yyyymmd0',
        );
        if (check.ok) dates.push(check.iso);
      } else if (linter === 'hhmi' || linter === 'hhmm') {
        hour = text.slice(0, 2);
        minute = text.slice(2, 4);
      } else if (linter === 'hh') hour = text;
      else if (linter === 'mi') minute = text;
      else if (linter === 'ss') second = text;
    }
  });
  if (dates.length === 0) return {};
  if (dates.length > 1) return { value: dates.join('/') };
  if (hour === undefined) return { value: dates[0] };
  return { value: `${dates[0]}T${hour}:${minute ?? '00'}${second === undefined ? '' : `:${second}`}` };
}

export function toElements(parsed: readonly ParsedElement[], referenceYear: number | undefined): Gs1Element[] {
  return parsed.map(({ def, raw, parts }) => {
    const element: Gs1Element = { ai: def.ai, title: def.dataTitle, raw };
    const { value, currency } = interpretElement(def, parts, referenceYear);
    if (value !== undefined) element.value = value;
    if (currency !== undefined) element.currency = currency;
    return element;
  });
}

const FIELD_BY_AI: Readonly<Record<string, keyof BarcodeFields>> = {
  '00': 'sscc',
  '01': 'gtin',
  '02': 'gtin',
  '10': 'lot',
  '11': 'productionDate',
  '12': 'dueDate',
  '13': 'packDate',
  '15': 'bestBefore',
  '16': 'sellBy',
  '17': 'expiry',
  '20': 'variant',
  '21': 'serial',
  '30': 'quantity',
  '37': 'quantity',
  '8003': 'grai',
  '8004': 'giai',
};

function fieldFor(ai: string): keyof BarcodeFields | undefined {
  if (/^310[0-5]$/.test(ai)) return 'netWeightKg';
  if (/^330[0-5]$/.test(ai)) return 'grossWeightKg';
  if (/^39[23][0-9]$/.test(ai)) return 'price';
  return FIELD_BY_AI[ai];
}

/** The first occurrence of an AI wins; GS1 forbids repeating an AI with a different value anyway. */
export function toFields(elements: readonly Gs1Element[]): BarcodeFields {
  const fields: BarcodeFields = {};
  for (const el of elements) {
    const name = fieldFor(el.ai);
    if (name === undefined || fields[name] !== undefined) continue;
    fields[name] = el.value ?? el.raw;
    if (name === 'quantity') fields.count = fields.quantity;
    if (name === 'price' && el.currency !== undefined) fields.priceCurrency = el.currency;
  }
  return fields;
}
