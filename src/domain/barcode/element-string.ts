// GS1 element strings: the concatenated "AI + value" data of GS1-128, GS1 DataMatrix, GS1 QR, DataBar and
// DotCode, with GS (ASCII 29, FNC1) ending every value that is not of predefined length. Also the
// human-readable bracketed form "(01)09506000134352(10)ABC", where "\(" stands for a literal "(".
//
// Missing separators. A variable-length value simply runs to the next GS, so a forgotten separator
// usually goes unnoticed ("10ABC17261231" is a valid lot "ABC17261231"). It is detectable only when the
// over-long value is invalid for its own AI (too long, or a character its set forbids) AND cutting it
// somewhere makes both the cut value and everything after it a valid element string. Only then is
// `barcode.missing_separator` reported, at the position where the GS belongs; otherwise the plain
// problem (`too_long`, `invalid_character`) is reported. This never guesses: it names a separator
// position only when inserting a GS there would make the whole scan valid.
import { aiLabel, findAi, unknownAiAt, type AiDefinition } from './ai-dictionary.js';
import { lintComponent } from './linters.js';
import { fail, GS, type BarcodeError, type Outcome } from './types.js';

export interface ParsedElement {
  def: AiDefinition;
  raw: string;
  /** The value cut into the AI's components (optional components absent when not present). */
  parts: string[];
  position: number;
}

export interface ParseOptions {
  referenceYear: number | undefined;
}

type PosOf = (i: number) => number;

function lengthProblem(def: AiDefinition, length: number): string {
  const rule =
    def.minLength === def.maxLength
      ? `exactly ${def.minLength} ${def.minLength === 1 ? 'is' : 'are'} required`
      : length > def.maxLength
        ? `at most ${def.maxLength} are allowed`
        : length < def.minLength
          ? `at least ${def.minLength} are required`
          : 'which does not fit';
  return `${aiLabel(def)}: value has ${length} character${length === 1 ? '' : 's'}, ${rule} (format ${def.format})`;
}

/** Checks a complete value against the AI's components and linters; returns the component parts. */
export function validateValue(def: AiDefinition, value: string, posOf: PosOf, opts: ParseOptions): Outcome<string[]> {
  if (value === '')
    return fail('barcode.empty_value', `${aiLabel(def)}: the value is empty`, { ai: def.ai, position: posOf(0) });
  const parts: string[] = [];
  let i = 0;
  for (const comp of def.components) {
    const remaining = value.length - i;
    if (remaining === 0 && comp.optional) break;
    const take = Math.min(remaining, comp.max);
    if (take < comp.min)
      return fail('barcode.too_short', lengthProblem(def, value.length), { ai: def.ai, position: posOf(value.length) });
    const text = value.slice(i, i + take);
    const start = i;
    const problem = lintComponent({
      def,
      comp,
      text,
      posOf: (k) => posOf(start + k),
      referenceYear: opts.referenceYear,
    });
    if (problem) return { ok: false, error: problem };
    parts.push(text);
    i += take;
  }
  if (i < value.length)
    return fail('barcode.too_long', lengthProblem(def, value.length), { ai: def.ai, position: posOf(i) });
  return { ok: true, value: parts };
}

function aiAt(data: string, pos: number, base: number): Outcome<AiDefinition> {
  const ch = data[pos] ?? '';
  if (ch < '0' || ch > '9') {
    const shown = ch === GS ? 'a GS separator' : `"${ch}"`;
    return fail(
      'barcode.invalid_character',
      `expected a numeric application identifier at position ${base + pos}, found ${shown}`,
      { position: base + pos },
    );
  }
  const def = findAi(data, pos);
  if (!def) {
    const ai = unknownAiAt(data, pos);
    return fail('barcode.unknown_ai', `unknown application identifier "${ai}" at position ${base + pos}`, {
      ai,
      position: base + pos,
    });
  }
  return { ok: true, value: def };
}

/**
 * Parses GS-separated element string data. `base` is the offset of `data` within the scanned text so
 * that error positions point into what the user scanned. A leading GS (FNC1 in first position) and a
 * trailing GS are tolerated, as is a superfluous GS after a predefined-length value.
 */
export function parseElementString(
  data: string,
  base: number,
  opts: ParseOptions,
  detectMissingSeparator = true,
): Outcome<ParsedElement[]> {
  const elements: ParsedElement[] = [];
  let pos = data.startsWith(GS) ? 1 : 0;
  if (pos >= data.length)
    return fail('barcode.empty_data', 'the barcode contains no GS1 data', { position: base + pos });
  while (pos < data.length) {
    const found = aiAt(data, pos, base);
    if (!found.ok) return found;
    const def = found.value;
    const vStart = pos + def.ai.length;
    const posOf: PosOf = (i) => base + vStart + i;
    let end: number;
    if (def.predefinedLength) {
      end = vStart;
      while (end < data.length && end - vStart < def.maxLength && data[end] !== GS) end++;
    } else {
      const gs = data.indexOf(GS, vStart);
      end = gs < 0 ? data.length : gs;
    }
    const raw = data.slice(vStart, end);
    const checked = validateValue(def, raw, posOf, opts);
    if (!checked.ok) {
      const missing =
        detectMissingSeparator && !def.predefinedLength
          ? findMissingSeparator(def, data, vStart, end, base, opts, checked.error)
          : null;
      return { ok: false, error: missing ?? checked.error };
    }
    elements.push({ def, raw, parts: checked.value, position: base + pos });
    pos = end;
    if (data[pos] === GS) pos++;
  }
  return { ok: true, value: elements };
}

function findMissingSeparator(
  def: AiDefinition,
  data: string,
  vStart: number,
  end: number,
  base: number,
  opts: ParseOptions,
  original: BarcodeError,
): BarcodeError | null {
  if (original.code !== 'barcode.too_long' && original.code !== 'barcode.invalid_character') return null;
  const value = data.slice(vStart, end);
  // Longest cut first: an absorbed AI usually follows a complete value, e.g. 7007 "211225211231" + "21…".
  for (let k = Math.min(value.length - 1, def.maxLength); k >= 1; k--) {
    if (!validateValue(def, value.slice(0, k), (i) => base + vStart + i, opts).ok) continue;
    const rest = parseElementString(data.slice(vStart + k), base + vStart + k, opts, false);
    if (!rest.ok) continue;
    const next = rest.value[0]?.def.ai ?? '';
    return fail(
      'barcode.missing_separator',
      `${aiLabel(def)}: a GS (FNC1) separator is missing after "${value.slice(0, k)}"; the value runs into AI ${next} at position ${base + vStart + k}`,
      { ai: def.ai, position: base + vStart + k },
    ).error;
  }
  return null;
}

const BRACKET_AI = /^\(([0-9]{2,4})\)/;

/** True when the data is in the bracketed human-readable form. */
export function looksBracketed(data: string): boolean {
  return BRACKET_AI.test(data);
}

/** Parses "(01)09506000134352(10)ABC123" style data. Every value ends at the next unescaped "(". */
export function parseBracketed(data: string, base: number, opts: ParseOptions): Outcome<ParsedElement[]> {
  const elements: ParsedElement[] = [];
  let pos = 0;
  while (pos < data.length) {
    const m = BRACKET_AI.exec(data.slice(pos));
    if (!m || m[1] === undefined) {
      return fail(
        'barcode.invalid_character',
        `expected "(AI)" with a 2 to 4 digit application identifier at position ${base + pos}`,
        { position: base + pos },
      );
    }
    const aiText = m[1];
    const found = aiAt(aiText, 0, base + pos + 1);
    if (!found.ok) return found;
    const def = found.value;
    if (def.ai !== aiText) {
      return fail('barcode.unknown_ai', `unknown application identifier "${aiText}" at position ${base + pos + 1}`, {
        ai: aiText,
        position: base + pos + 1,
      });
    }
    // Read the value, undoing "\(" escapes and remembering where each character came from.
    let i = pos + m[0].length;
    let raw = '';
    const offsets: number[] = [];
    while (i < data.length && data[i] !== '(') {
      if (data[i] === '\\' && data[i + 1] === '(') i++;
      raw += data[i];
      offsets.push(base + i);
      i++;
    }
    const endPos = base + i;
    const checked = validateValue(def, raw, (k) => offsets[k] ?? endPos, opts);
    if (!checked.ok) return checked;
    elements.push({ def, raw, parts: checked.value, position: base + pos });
    pos = i;
  }
  if (elements.length === 0) return fail('barcode.empty_data', 'the barcode contains no GS1 data', { position: base });
  return { ok: true, value: elements };
}
