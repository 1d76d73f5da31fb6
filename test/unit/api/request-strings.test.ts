// Every string a request carries (path, query, JSON body) is constrained: an enum, a format, or a pattern —
// for free text the no-control-characters pattern of text() / multilineText() / scannedText() in
// src/api/schemas/common.ts. Read from openapi.json, so a new route with a bare z.string() fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Schema = Record<string, unknown>;
const doc = JSON.parse(readFileSync(new URL('../../../openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Schema>>;
};
// Passwords are secrets hashed as given, never shown or stored as text: any character is allowed.
const EXEMPT = /\.(password|currentPassword|newPassword)$/;

function patterns(s: Schema): string[] {
  return [s.pattern, ...((s.allOf as Schema[] | undefined) ?? []).map((x) => x.pattern)].filter(
    (p): p is string => typeof p === 'string',
  );
}

function unconstrained(s: Schema | undefined, path: string, out: string[]): void {
  if (!s || typeof s !== 'object') return;
  for (const k of ['anyOf', 'oneOf']) for (const x of (s[k] as Schema[] | undefined) ?? []) unconstrained(x, path, out);
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (
    types.includes('string') &&
    !s.enum &&
    s.const === undefined &&
    !s.format &&
    !patterns(s).length &&
    !EXEMPT.test(path)
  )
    out.push(path);
  for (const [k, v] of Object.entries((s.properties as Record<string, Schema> | undefined) ?? {}))
    unconstrained(v, `${path}.${k}`, out);
  if (s.items) unconstrained(s.items as Schema, `${path}[]`, out);
  if (s.additionalProperties && typeof s.additionalProperties === 'object')
    unconstrained(s.additionalProperties as Schema, `${path}{}`, out);
}

describe('request strings', () => {
  it('every path, query and JSON body string has an enum, a format or a pattern', () => {
    const out: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const p of (op.parameters as Array<{ in: string; name: string; schema: Schema }> | undefined) ?? [])
          unconstrained(p.schema, `${method} ${path} ${p.in}.${p.name}`, out);
        const json = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content?.[
          'application/json'
        ];
        unconstrained(json?.schema, `${method} ${path} body`, out);
      }
    }
    expect(out).toEqual([]);
  });

  it('free text excludes NUL, the other C0 controls, DEL and C1 (tab and line breaks only in multi-line text)', () => {
    const all = new Set<string>();
    const collect = (s: unknown): void => {
      if (!s || typeof s !== 'object') return;
      for (const p of patterns(s as Schema)) all.add(p);
      for (const v of Object.values(s as Schema)) collect(v);
    };
    for (const item of Object.values(doc.paths))
      for (const op of Object.values(item)) collect([op.parameters, op.requestBody]);
    const text = new RegExp([...all].find((p) => p.startsWith('^[^\\u0000-\\u001f'))!);
    for (const bad of ['a\u0000', '\u0001', '\u001f', '\u007f', '\u0085', 'a\tb', 'a\nb'])
      expect(text.test(bad), JSON.stringify(bad)).toBe(false);
    for (const ok of ['Hex bolt M8', 'Stück – 個 🙂', '']) expect(text.test(ok)).toBe(true);
  });
});
