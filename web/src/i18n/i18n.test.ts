import { describe, expect, it } from 'vitest';
import type { Tree } from './bundle';
import { BUNDLES } from './bundles';
import { de } from './de';
import { en } from './en';
import { it as itRes } from './it';
import { pl } from './pl';

function keys(t: Tree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}
// Plural forms differ per language (Polish has _few/_many); compare the base keys.
const base = (t: Tree) => [...new Set(keys(t).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
const OTHERS = [
  ['it', itRes],
  ['pl', pl],
  ['de', de],
] as const;

describe('translations', () => {
  it.each(OTHERS)('%s has every English key and no others', (_lang, res) => {
    expect(base(res as Tree)).toEqual(base(en as Tree));
  });
  it.each(Object.entries(BUNDLES))('bundle %s has the same keys in it, pl and de as in en', (_name, b) => {
    for (const lang of ['it', 'pl', 'de'] as const) expect(base(b[lang]), lang).toEqual(base(b.en));
  });
  it('no two bundles, and no bundle and the base, share a top-level key', () => {
    const seen = new Map<string, string>(Object.keys(en).map((k) => [k, 'base']));
    for (const [name, b] of Object.entries(BUNDLES)) {
      for (const k of Object.keys(b.en)) {
        expect(seen.get(k), `${name}.${k}`).toBeUndefined();
        seen.set(k, name);
      }
    }
  });
  it('Polish plurals have all four forms', () => {
    const all = [pl as Tree, ...Object.values(BUNDLES).map((b) => b.pl)];
    for (const tree of all) {
      const k = keys(tree)
        .filter((x) => x.endsWith('_one'))
        .map((x) => x.slice(0, -4));
      for (const p of k) for (const f of ['one', 'few', 'many', 'other']) expect(keys(tree)).toContain(`${p}_${f}`);
    }
  });
});
