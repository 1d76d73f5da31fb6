// Request generator for the fuzz pass: reads the operations of openapi.json and makes malformed and
// half-valid requests from their parameter and body schemas. Deterministic for a seed (mulberry32), so a
// failure is replayed by running the same seed and request count again.

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = Record<string, unknown>;

export interface Operation {
  method: string;
  path: string;
  params: Array<{ name: string; in: string; schema: Schema; required?: boolean }>;
  bodySchema: Schema | null;
  bodyType: string | null;
}

export interface FuzzRequest {
  method: string;
  url: string;
  payload?: string | Buffer;
  contentType?: string;
  /** What was mutated, to tell a failure apart. */
  note: string;
}

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function operations(doc: { paths: Record<string, Record<string, Schema>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content ?? {};
      const bodyType = Object.keys(content)[0] ?? null;
      ops.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters as Operation['params'] | undefined) ?? [],
        bodySchema: bodyType ? (content[bodyType]?.schema ?? {}) : null,
        bodyType,
      });
    }
  }
  return ops;
}

/** Ids and path values that must be refused with a 4xx, never a 500. */
export const BAD_IDS = [
  '0',
  '-1',
  '-9223372036854775808',
  '9223372036854775807',
  '9223372036854775808',
  '9999999999999999999',
  '18446744073709551616',
  '99999999999999999999',
  '1'.repeat(300),
  'abc',
  '1.5',
  '1e3',
  '0x10',
  '%20',
  '%00',
  '1%00',
  '%0A',
  '1%0D%0A',
  '%C3%BC',
  '%F0%9F%92%A9',
  '%E2%80%AE1',
  '%7F',
  '%C0%AF',
  '..',
  '%2E%2E',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '+1',
  ' 1',
  '01',
  "1'--",
  '1;drop',
  '%25',
  '*',
];

const ODD_TEXT = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\u0001',
  '\u0007bell',
  '\u001b[31mred',
  'del\u007f',
  'tab\there',
  'line\nbreak',
  'cr\r\n',
  '\u0085next',
  '\u2028',
  '\u200b',
  'ü€𝄞',
  '\u202eevil',
  '\ud800',
  '%',
  '_',
  '%_%',
  '\\',
  "'",
  '"',
  "'; drop table items; --",
  '<script>alert(1)</script>',
  '*',
  '.*',
  '(',
  '[',
  '%00',
  '${x}',
  '{{x}}',
  '9'.repeat(40),
  'x'.repeat(81),
  'ß'.repeat(200),
  '-1',
  '0',
  '1e999',
  'NaN',
  '9223372036854775808',
  '2026-02-30',
  '0000-00-00',
  '9999-99-99',
  '2026-13-01',
  '99999999999999999999.999999999999',
  '-0',
  '0.0000000000001',
];

const WRONG_TYPES: Json[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 2,
  '',
  'x',
  [],
  {},
  [null],
  { a: 1 },
  '9999999999999999999',
];

/** encodeURIComponent that sends a lone surrogate as the invalid UTF-8 bytes a broken client would. */
function enc(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '')) + '%ED%A0%80';
  }
}

/** Tables whose ids the fuzzer collects, and how a path segment or a field name points at them. */
export const ID_TABLES = [
  'sites',
  'owners',
  'warehouses',
  'zones',
  'bins',
  'items',
  'item_search_codes',
  'inventories',
  'inventory_types',
  'count_lists',
  'count_list_items',
  'lots',
  'reservations',
  'accounting_periods',
  'users',
  'posting_errors',
  'barcode_rules',
  'item_templates',
  'price_lists',
  'item_prices',
  'jobs',
] as const;
const BY_SEGMENT: Record<string, string> = {
  'inventory-types': 'inventory_types',
  'count-lists': 'count_lists',
  'count-list-items': 'count_list_items',
  lists: 'count_lists',
  periods: 'accounting_periods',
  'posting-errors': 'posting_errors',
  'barcode-rules': 'barcode_rules',
  templates: 'item_templates',
  'price-lists': 'price_lists',
  prices: 'item_prices',
  'search-codes': 'item_search_codes',
};
const BY_FIELD: Record<string, string> = {
  siteId: 'sites',
  ownerId: 'owners',
  warehouseId: 'warehouses',
  zoneId: 'zones',
  binId: 'bins',
  itemId: 'items',
  referenceItemId: 'items',
  typeId: 'inventory_types',
  inventoryId: 'inventories',
  countListId: 'count_lists',
  listId: 'count_lists',
  countListIds: 'count_lists',
  countListItemId: 'count_list_items',
  userId: 'users',
  responsibleUserId: 'users',
  counterUserIds: 'users',
  priceListId: 'price_lists',
  searchCodeId: 'item_search_codes',
  priceId: 'item_prices',
  reservationId: 'reservations',
  postingErrorId: 'posting_errors',
};

/** The table a path parameter refers to: by its name (`searchCodeId`), else by the segment before it. */
export function tableOfPathParam(path: string, name: string): string | undefined {
  if (BY_FIELD[name]) return BY_FIELD[name];
  const seg = new RegExp(`/([^/]+)/\\{${name}\\}`).exec(path)?.[1];
  return seg ? (BY_SEGMENT[seg] ?? seg.replace(/-/g, '_')) : undefined;
}

export class Fuzzer {
  private readonly rnd: () => number;
  private readonly all: string[];
  constructor(
    seed: number,
    private readonly doc: Schema,
    private readonly ids: Record<string, string[]>,
  ) {
    this.rnd = prng(seed);
    this.all = Object.values(ids).flat();
  }

  int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }

  private resolve(s: Schema): Schema {
    const ref = s.$ref as string | undefined;
    if (!ref) return s;
    let v: unknown = this.doc;
    for (const p of ref.replace(/^#\//, '').split('/')) v = (v as Record<string, unknown>)[p];
    return (v as Schema) ?? {};
  }

  oddText(): string {
    const r = this.int(10);
    if (r === 0) return 'x'.repeat(70_000);
    if (r === 1) return 'a\u0000'.repeat(50);
    if (r === 2) return Array.from({ length: 20 }, () => String.fromCharCode(this.int(0x20))).join('');
    return this.pick(ODD_TEXT);
  }

  /** A value that fits the schema more or less (about the right type, often a real id). */
  value(schema: Schema, depth = 0, key?: string): Json {
    const s = this.resolve(schema);
    if (Array.isArray(s.enum)) return this.pick(s.enum as Json[]);
    if (s.const !== undefined) return s.const as Json;
    const alts = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    if (alts?.length) return this.value(this.pick(alts), depth, key);
    if (Array.isArray(s.allOf) && s.allOf.length) return this.value(s.allOf[0] as Schema, depth, key);
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string | undefined];
    const type = this.pick(types) ?? (s.properties ? 'object' : 'string');
    switch (type) {
      case 'null':
        return null;
      case 'boolean':
        return this.chance(0.5);
      case 'integer':
      case 'number': {
        const min = typeof s.minimum === 'number' ? s.minimum : 0;
        const max = typeof s.maximum === 'number' ? s.maximum : min + 100;
        return min + this.int(Math.max(1, Math.min(max - min + 1, 1000)));
      }
      case 'array': {
        if (depth > 4) return [];
        const n = this.int(3) + (typeof s.minItems === 'number' ? s.minItems : 0);
        return Array.from({ length: Math.min(n, 5) }, () => this.value((s.items as Schema) ?? {}, depth + 1, key));
      }
      case 'object': {
        const out: Record<string, Json> = {};
        const props = (s.properties ?? {}) as Record<string, Schema>;
        const required = new Set((s.required as string[] | undefined) ?? []);
        for (const [k, p] of Object.entries(props))
          if (required.has(k) || this.chance(0.4)) out[k] = depth > 5 ? null : this.value(p, depth + 1, k);
        return out;
      }
      default:
        return this.stringFor(s, key ? BY_FIELD[key] : undefined);
    }
  }

  private stringFor(s: Schema, table?: string): string {
    const pattern = String(s.pattern ?? '');
    if (table || pattern.includes('[1-9]\\d{0,18}') || /\bid\b/i.test(String(s.description ?? '')))
      return this.id(table);
    if (pattern.includes('\\d{4}-\\d{2}-\\d{2}')) return `2026-0${1 + this.int(9)}-1${this.int(10)}`;
    if (pattern.includes('\\d{1,20}')) return this.pick(['1', '2.5', '0', '10', '-3']);
    if (s.format === 'date-time') return '2026-03-15T10:00:00.000Z';
    const max = typeof s.maxLength === 'number' ? s.maxLength : 12;
    return `FZ${this.int(1e6).toString(36)}`.slice(0, Math.max(1, Math.min(max, 12)));
  }

  /** Mostly a real id (of the table when known), sometimes one of any table, sometimes a bad one. */
  id(table?: string): string {
    const own = table ? this.ids[table] : undefined;
    if (own?.length && this.chance(0.75)) return this.pick(own);
    return this.chance(0.8) && this.all.length ? this.pick(this.all) : this.pick(BAD_IDS);
  }

  /** A junk value of any type: what a confused or hostile client sends in place of a field. */
  junk(depth = 0): Json {
    const r = this.int(8);
    if (r === 0 && depth < 3) return { [this.oddText().slice(0, 20) || 'k']: this.junk(depth + 1), nested: [[[{}]]] };
    if (r === 1) return this.oddText();
    if (r === 2) {
      let v: Json = 'deep';
      for (let i = 0; i < 200; i++) v = [v];
      return v;
    }
    return this.pick(WRONG_TYPES);
  }

  /** Mutates one place of a (valid-ish) body: wrong type, missing or unknown field, odd text, junk. */
  mutate(v: Json, depth = 0): Json {
    if (v === null || typeof v !== 'object' || depth > 3 || this.chance(0.25)) {
      return this.chance(0.5)
        ? this.junk()
        : typeof v === 'string' || this.chance(0.5)
          ? this.oddText()
          : this.pick(WRONG_TYPES);
    }
    if (Array.isArray(v)) {
      if (!v.length || this.chance(0.2)) return this.chance(0.5) ? [] : Array.from({ length: 3 }, () => this.junk());
      const i = this.int(v.length);
      return v.map((x, j) => (j === i ? this.mutate(x, depth + 1) : x));
    }
    const keys = Object.keys(v);
    const r = this.int(10);
    if (r === 0 || !keys.length)
      return { ...v, [this.pick(['__proto__', 'constructor', 'unknownField', 'ID', ''])]: this.junk() };
    const k = this.pick(keys);
    if (r === 1) {
      const { [k]: _drop, ...rest } = v;
      return rest;
    }
    return { ...v, [k]: this.mutate(v[k]!, depth + 1) };
  }

  pathValue(path: string, p: { name: string; schema: Schema }): string {
    const s = this.resolve(p.schema);
    if (this.chance(0.25)) return this.pick(BAD_IDS);
    if (Array.isArray(s.enum) && this.chance(0.7)) return String(this.pick(s.enum as Json[]));
    const table = tableOfPathParam(path, p.name);
    if (table && this.ids[table]?.length && this.chance(0.7)) return this.pick(this.ids[table]!);
    if (String(s.pattern ?? '').includes('[1-9]') || /id$/i.test(p.name)) return this.id(table);
    return enc(this.chance(0.5) ? this.oddText().slice(0, 200) : this.stringFor(s));
  }

  queryValue(p: { name: string; schema: Schema }): string {
    const r = this.int(4);
    if (r === 0) return enc(this.oddText().slice(0, 300));
    if (r === 1) return this.pick(BAD_IDS);
    const v = this.value(p.schema, 0, p.name);
    return enc(typeof v === 'string' ? v : JSON.stringify(v));
  }

  request(op: Operation): FuzzRequest {
    const notes: string[] = [];
    let path = op.path;
    for (const p of op.params.filter((x) => x.in === 'path')) {
      const v = this.chance(0.03) ? '' : this.pathValue(op.path, p);
      notes.push(`${p.name}=${v.slice(0, 40)}`);
      path = path.replace(`{${p.name}}`, v);
    }
    const q: string[] = [];
    for (const p of op.params.filter((x) => x.in === 'query'))
      if (this.chance(0.45)) q.push(`${p.name}=${this.queryValue(p)}`);
    if (this.chance(0.05)) q.push(`${this.pick(['unknown', 'q', 'id', 'limit'])}=${this.pick(BAD_IDS)}`);
    if (this.chance(0.03)) q.push('limit=1&limit=2');
    if (q.length) notes.push(`?${q.join('&').slice(0, 120)}`);
    const url = q.length ? `${path}?${q.join('&')}` : path;
    if (!op.bodySchema) return { method: op.method, url, note: notes.join(' ') };
    if (op.bodyType !== 'application/json') {
      const rows = Array.from({ length: 1 + this.int(4) }, () =>
        Array.from({ length: 1 + this.int(6) }, () => this.oddText().slice(0, 60)).join(this.pick([',', ';', '\t'])),
      );
      const text = [this.pick(['code,description', 'list,item,counted', 'item,warehouse,quantity', '']), ...rows].join(
        '\n',
      );
      return {
        method: op.method,
        url,
        payload: this.chance(0.1) ? Buffer.from([0x50, 0x4b, 3, 4, 0, 0xff]) : text,
        contentType: op.bodyType ?? 'text/csv',
        note: `${notes.join(' ')} csv`,
      };
    }
    const r = this.int(20);
    let payload: string;
    if (r === 0) {
      payload = this.pick(['{', '{"a":', 'nul', '[1,2', '"\\u0000"', '{"a":1}}', '\u0000']);
      notes.push('bad json');
    } else if (r === 1) {
      payload = JSON.stringify(this.junk());
      notes.push('junk body');
    } else {
      const valid = this.value(op.bodySchema);
      const body = r < 8 ? valid : this.mutate(valid);
      payload = JSON.stringify(body);
      notes.push(`body=${payload.slice(0, 160)}`);
    }
    // Now and then the wrong media type, or a charset no parser knows.
    const contentType = this.chance(0.04)
      ? this.pick(['text/plain', 'application/xml', 'application/json; charset=utf-16', 'multipart/form-data', ''])
      : 'application/json';
    return { method: op.method, url, payload, contentType, note: `${notes.join(' ')} ${contentType}` };
  }
}
