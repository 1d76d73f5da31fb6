import { describe, expect, it } from 'vitest';
import { en } from './en';
import { it as itRes } from './it';
import { pl } from './pl';

type Tree = { [k: string]: string | Tree };
function keys(t: Tree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}
// Plural forms differ per language (Polish has _few/_many); compare the base keys.
const base = (t: Tree) => new Set(keys(t).map((k) => k.replace(/_(one|few|many|other)$/, '')));

describe('translations', () => {
  it.each([['it', itRes], ['pl', pl]] as const)('%s has every English key and no others', (_lang, res) => {
    expect([...base(res as Tree)].sort()).toEqual([...base(en as Tree)].sort());
  });
  it('Polish plurals have all four forms', () => {
    const k = keys(pl as Tree).filter((x) => x.endsWith('_one')).map((x) => x.slice(0, -4));
    for (const p of k) for (const f of ['one', 'few', 'many', 'other']) expect(keys(pl as Tree)).toContain(`${p}_${f}`);
  });
});
