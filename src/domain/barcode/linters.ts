// Content checks for one AI component: character set first, then the GS1 syntax tests ("linters") the
// dictionary names for it. Returns the first problem as a BarcodeError, or null.
//
// Implemented: csum, csumalpha, yymmdd, yymmd0, yyyymmdd, yyyymmd0, hhmi/hhmm, hh, mi, ss, pcenc, and the
// single-character tests zero, yesno, hyphen, winding. Not implemented (the value is accepted as read):
// GS1 company-prefix tests (gcppos1/2, key*), ISO 3166/4217/5218 code lists, IBAN, coupon layouts,
// latitude/longitude, nonzero, nozeroprefix, pieceoftotal, posinseqslash, mediatype, packagetype,
// importeridx, hasnondigit. Most of those need code lists this pure module does not carry, and their
// failures have no fitting code in the closed error set.
import type { AiComponent, AiDefinition } from './ai-dictionary.js';
import { aiLabel } from './ai-dictionary.js';
import { checkDate, resolveYear } from './dates.js';
import { gtinCheckDigit } from './gtin.js';
import { fail, type BarcodeError } from './types.js';

const CSET82 = '!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
const CSET39 = '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CSET64 = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

const CHARSET_NAMES = {
  N: 'digits',
  X: 'GS1 character set 82',
  Y: 'GS1 character set 39',
  Z: 'GS1 character set 64',
} as const;

function inCharset(charset: AiComponent['charset'], ch: string): boolean {
  switch (charset) {
    case 'N':
      return ch >= '0' && ch <= '9';
    case 'X':
      return CSET82.includes(ch);
    case 'Y':
      return CSET39.includes(ch);
    case 'Z':
      return CSET64.includes(ch);
  }
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code < 32 || code === 127 ? `control character 0x${code.toString(16).padStart(2, '0')}` : `"${ch}"`;
}

export interface LintContext {
  def: AiDefinition;
  comp: AiComponent;
  text: string;
  /** Position in the scanned text of character i of `text`. */
  posOf: (i: number) => number;
  referenceYear: number | undefined;
}

export function lintComponent(ctx: LintContext): BarcodeError | null {
  const { def, comp, text, posOf } = ctx;
  const label = aiLabel(def);
  // Set 64 allows "=" only as trailing padding; anything else is checked character by character.
  const body = comp.charset === 'Z' ? text.replace(/={1,2}$/, '') : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    if (!inCharset(comp.charset, ch)) {
      return fail(
        'barcode.invalid_character',
        `${label}: ${describeChar(ch)} is not allowed here, only ${CHARSET_NAMES[comp.charset]}`,
        { ai: def.ai, position: posOf(i) },
      ).error;
    }
  }
  for (const linter of comp.linters) {
    const problem = runLinter(linter, ctx);
    if (problem) return problem;
  }
  return null;
}

function runLinter(linter: string, ctx: LintContext): BarcodeError | null {
  const { def, text, posOf } = ctx;
  const label = aiLabel(def);
  const err = (code: Parameters<typeof fail>[0], message: string, i: number): BarcodeError =>
    fail(code, `${label}: ${message}`, { ai: def.ai, position: posOf(i) }).error;
  switch (linter) {
    case 'csum': {
      const expected = gtinCheckDigit(text.slice(0, -1));
      const found = text.slice(-1);
      return String(expected) === found
        ? null
        : err('barcode.bad_check_digit', `check digit should be ${expected}, found ${found}`, text.length - 1);
    }
    case 'csumalpha':
      return checkAlphaPair(text, label, def.ai, posOf);
    case 'yymmdd':
    case 'yymmd0':
    case 'yyyymmdd':
    case 'yyyymmd0': {
      const long = linter.startsWith('yyyy');
      const shift = long ? 2 : 0;
      const year = long ? Number(text.slice(0, 4)) : resolveYear(Number(text.slice(0, 2)), ctx.referenceYear);
      const check = checkDate(
        year,
        Number(text.slice(2 + shift, 4 + shift)),
        Number(text.slice(4 + shift, 6 + shift)),
        linter.endsWith('d0'),
      );
      return check.ok ? null : err('barcode.invalid_date', check.problem, check.offset + shift);
    }
    case 'hhmi':
    case 'hhmm':
    case 'hh': {
      const hour = Number(text.slice(0, 2));
      if (hour > 23) return err('barcode.invalid_date', `hour ${text.slice(0, 2)} is not a valid hour`, 0);
      if (linter === 'hh') return null;
      const minute = Number(text.slice(2, 4));
      return minute > 59 ? err('barcode.invalid_date', `minute ${text.slice(2, 4)} is not a valid minute`, 2) : null;
    }
    case 'mi':
      return Number(text) > 59 ? err('barcode.invalid_date', `minute ${text} is not a valid minute`, 0) : null;
    case 'ss':
      return Number(text) > 59 ? err('barcode.invalid_date', `second ${text} is not a valid second`, 0) : null;
    case 'pcenc': {
      const bad = /%(?![0-9A-Fa-f]{2})/.exec(text);
      return bad
        ? err('barcode.invalid_character', '"%" must start a percent-encoded byte such as "%2F"', bad.index)
        : null;
    }
    case 'zero':
      return text === '0' ? null : err('barcode.invalid_character', `"${text}" must be 0`, 0);
    case 'yesno':
      return text === '0' || text === '1'
        ? null
        : err('barcode.invalid_character', `"${text}" must be 0 (no) or 1 (yes)`, 0);
    case 'hyphen':
      return text === '-' ? null : err('barcode.invalid_character', `"${text}" must be "-" (a negative value)`, 0);
    case 'winding':
      return text === '0' || text === '1' || text === '9'
        ? null
        : err('barcode.invalid_character', `winding direction "${text}" must be 0, 1 or 9`, 0);
    default:
      return null;
  }
}

/** GS1 alphanumeric check character pair (GMN, AI 8013/8014): prime-weighted sum mod 1021 in two set-32 characters. */
function checkAlphaPair(text: string, label: string, ai: string, posOf: (i: number) => number): BarcodeError | null {
  if (text.length < 2) {
    return fail('barcode.too_short', `${label}: at least the two check characters are required`, {
      ai,
      position: posOf(0),
    }).error;
  }
  const data = text.slice(0, -2);
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    sum += CSET82.indexOf(data[i] ?? '') * (PRIMES[data.length - 1 - i] ?? 0);
  }
  sum %= 1021;
  const expected = (CSET32[sum >> 5] ?? '') + (CSET32[sum & 31] ?? '');
  const found = text.slice(-2);
  if (expected === found) return null;
  return fail('barcode.bad_check_digit', `check characters should be "${expected}", found "${found}"`, {
    ai,
    position: posOf(text.length - 2),
  }).error;
}

/** Weights for the alphanumeric check pair, rightmost data character first; enough for the longest AI (99). */
const PRIMES: readonly number[] = (() => {
  const out: number[] = [];
  for (let n = 2; out.length < 100; n++) {
    if (out.every((p) => n % p !== 0)) out.push(n);
  }
  return out;
})();
