// Every API error code has a sentence in every UI language, and a sentence uses only params the server sends
// for that code: each {{param}} must appear in the `params` of at least one throw site of the code (found by
// reading the server sources), or be `field` (added by errorText).
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/domain/errors';
import type { Tree } from './bundle';
import bundle from './errorCodes';

const SOURCES = import.meta.glob('../../../src/**/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;
const CODES = Object.keys(ERROR_CODES);
const LANGS = ['en', 'it', 'pl', 'de'] as const;

function lookup(tree: Tree, path: string[]): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const p of path) node = typeof node === 'object' ? node[p] : undefined;
  return node;
}
function strings(t: string | Tree | undefined): string[] {
  if (t === undefined) return [];
  return typeof t === 'string' ? [t] : Object.values(t).flatMap(strings);
}

/** The end of the call or object a code literal stands in: the first unbalanced closing bracket after it. */
function callAfter(src: string, from: number): string {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const ch = src[i]!;
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) {
      if (depth === 0) return src.slice(from, i);
      depth--;
    }
  }
  return src.slice(from);
}
/** The top-level keys of the `params: { … }` object literal in a throw site (`a`, `b: x`, `...c` → a, b, ...c). */
function paramKeys(call: string): string[] {
  const at = call.indexOf('params:');
  if (at < 0) return [];
  const open = call.indexOf('{', at);
  if (open < 0) return [];
  const body = callAfter(call, open + 1);
  const parts: string[] = [];
  let depth = 0;
  let tok = '';
  for (const ch of body) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      parts.push(tok);
      tok = '';
    } else tok += ch;
  }
  parts.push(tok);
  return parts.map((p) => /^\s*((?:\.\.\.)?[A-Za-z_$][\w$]*)/.exec(p)?.[1]).filter((k): k is string => !!k);
}

/** For each code, the param names its throw sites pass. */
function throwSiteParams(): Map<string, Set<string>> {
  const out = new Map(CODES.map((c) => [c, new Set<string>()]));
  for (const [file, src] of Object.entries(SOURCES)) {
    if (file.endsWith('/domain/errors.ts')) continue;
    for (const code of CODES) {
      const literal = `'${code}'`;
      for (let i = src.indexOf(literal); i >= 0; i = src.indexOf(literal, i + 1)) {
        for (const k of paramKeys(callAfter(src, i + literal.length))) out.get(code)!.add(k);
      }
    }
  }
  return out;
}

describe('error code translations', () => {
  it('reads the server sources', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(50);
  });

  it.each(LANGS)('%s has a sentence for every error code', (lang) => {
    const missing = CODES.filter((c) => typeof lookup(bundle[lang], ['errorCodes', ...c.split('.')]) !== 'string');
    expect(missing).toEqual([]);
  });

  it.each(LANGS)('%s has no sentence for a code that does not exist', (lang) => {
    const tree = bundle[lang].errorCodes as Tree;
    const known = new Set(CODES);
    const keys = (t: Tree, prefix: string): string[] =>
      Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
    const extra = keys(tree, '').filter((k) => !k.startsWith('validationRule.') && !known.has(k));
    expect(extra).toEqual([]);
  });

  it('every {{param}} is sent by a throw site of its code (or is field)', () => {
    const sent = throwSiteParams();
    const wrong: string[] = [];
    for (const lang of LANGS) {
      for (const code of CODES) {
        for (const text of strings(lookup(bundle[lang], ['errorCodes', ...code.split('.')]))) {
          for (const [, p] of text.matchAll(/\{\{\s*(\w+)/g)) {
            if (p !== 'field' && !sent.get(code)!.has(p!)) wrong.push(`${lang} ${code}: {{${p}}}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('finds the params of a throw site', () => {
    expect(throwSiteParams().get('ledger.negative_stock')).toContain('available');
    expect(paramKeys(`'x', 'm', { field: 'f', params: { a, b: c(1, 2), ...d } })`)).toEqual(['a', 'b', '...d']);
  });

  it('the validation rules have the same params in every language', () => {
    const params = (lang: (typeof LANGS)[number]) =>
      strings(bundle[lang].errorCodes && (bundle[lang].errorCodes as Tree).validationRule)
        .flatMap((s) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]))
        .sort();
    for (const lang of LANGS) expect(new Set(params(lang)), lang).toEqual(new Set(params('en')));
  });
});
