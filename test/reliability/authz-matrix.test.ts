// The authorisation matrix, generated from openapi.json (read at test time): every operation × {no token,
// manager of site A, manager of site B, counter assigned to site A's list, counter of site A not assigned to
// it}, each request naming site A's rows (path ids by parameter name, scope-bearing query parameters, bodies
// that pass the request schema). The rule (docs/security.md): no token → 401 except the public operations;
// another site's rows answer 404 exactly as missing ones, and nothing of site A is in any answer to site B;
// counters are refused outside the counting routes and any list that is not theirs answers 404 too. Every
// operation must be classified in MATRIX: a new operation in openapi.json fails the test until it is.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';
import { A_MARKERS, type AuthzWorld, makeAuthzWorld } from './authz-fixture.js';
import { type Operation, bodyOf, operationsOf, urlOf } from './authz-requests.js';

/**
 * One line per operation: `METHOD path  manager site counter`.
 * manager — M: a manager of the site may; X: admins only (managers 403); H: handheld, only the list's own
 *   counters (a manager of the site not assigned to it: 403); S: one's own user only (the {id} is site A's
 *   manager: site B's manager is refused).
 * site — A: the request names site A's rows by id (site B's manager: 404); F: a listing or a set-wide action
 *   filtered by site A's ids (site B's manager: an answer without site A's rows, or 404); G: shared rows
 *   (items, units, keys, owners…), no site to refuse. No answer to site B's manager may carry site A's data.
 * counter — c-: counters refused (403, or 404 for a row that is not theirs); c+: any signed-in user;
 *   co: only the counter of the list (the other counter: 404, as for a list that does not exist).
 * Where the matrix sends no body of its own (an empty {} or file), the request schema may answer 400 before
 * any authorisation is asked; that 400 reveals nothing and counts as a refusal.
 * `public` instead of the three: no token needed.
 */
const MATRIX = `
GET /health public
POST /api/auth/login public
POST /api/auth/logout M G c+
GET /api/auth/me M G c+
GET /api/users M F c-
POST /api/users X G c-
GET /api/users/{id} M A c-
PATCH /api/users/{id} S G c-
GET /api/audit-log X G c-
POST /api/postings/receipt M A c-
POST /api/postings/issue M A c-
POST /api/postings/adjustment M A c-
POST /api/postings/transfer M A c-
POST /api/postings/issue/check M A c-
POST /api/postings/transfer/check M A c-
GET /api/stock/balances M F c-
GET /api/stock/ledger M F c-
GET /api/stock/availability M A c-
POST /api/stock/rebuild X G c-
GET /api/transaction-keys M G c+
POST /api/transaction-keys X G c-
GET /api/transaction-keys/{code} M G c+
PATCH /api/transaction-keys/{code} X G c-
DELETE /api/transaction-keys/{code} X G c-
GET /api/periods M G c+
POST /api/periods X G c-
POST /api/periods/{id}/close X G c-
GET /api/reservations M F c+
POST /api/reservations M A c-
POST /api/reservations/{id}/cancel M A c-
POST /api/reservations/{id}/fulfil M A c-
POST /api/reservations/check M F c-
GET /api/posting-errors M F c-
GET /api/posting-errors/{id} M A c-
POST /api/posting-errors/{id}/retry M A c-
POST /api/posting-errors/{id}/correct M A c-
POST /api/posting-errors/{id}/discard M A c-
POST /api/posting-errors/reprocess M F c-
GET /api/lots M F c-
POST /api/barcodes/decode M A c+
GET /api/barcode-rules M A c+
POST /api/barcode-rules M A c-
PATCH /api/barcode-rules/{id} M A c-
DELETE /api/barcode-rules/{id} M A c-
PUT /api/barcode-rules/order M A c-
GET /api/handheld/lists M G c+
GET /api/handheld/lists/{id}/items H A co
GET /api/handheld/lists/{id}/lookup H A co
POST /api/handheld/bins/resolve H A co
POST /api/handheld/places/resolve H A co
POST /api/handheld/lists/{id}/scans H A co
GET /api/handheld/lists/{id}/identify H A co
POST /api/handheld/lists/{id}/empty-bin H A co
POST /api/handheld/reports/{clientReportId}/undo M A co
POST /api/handheld/scans/batch M F c+
GET /api/sites M F c+
POST /api/sites X G c-
GET /api/sites/{id} M A c+
PATCH /api/sites/{id} X A c-
DELETE /api/sites/{id} X A c-
GET /api/owners M G c+
POST /api/owners M G c-
GET /api/owners/{id} M G c+
PATCH /api/owners/{id} M G c-
DELETE /api/owners/{id} M G c-
GET /api/warehouses M F c+
POST /api/warehouses M A c-
GET /api/warehouses/{id} M A c+
PATCH /api/warehouses/{id} M A c-
DELETE /api/warehouses/{id} M A c-
GET /api/zones M F c+
POST /api/zones M A c-
GET /api/zones/{id} M A c+
PATCH /api/zones/{id} M A c-
DELETE /api/zones/{id} M A c-
GET /api/bins M F c+
POST /api/bins M A c-
GET /api/bins/{id} M A c+
PATCH /api/bins/{id} M A c-
DELETE /api/bins/{id} M A c-
POST /api/bins/range M A c-
POST /api/bins/blocked M A c-
GET /api/units M G c+
POST /api/units M G c-
GET /api/units/{code} M G c+
PATCH /api/units/{code} M G c-
DELETE /api/units/{code} M G c-
GET /api/classifications M G c+
POST /api/classifications M G c-
PATCH /api/classifications/{kind}/{code} M G c-
DELETE /api/classifications/{kind}/{code} M G c-
GET /api/items M G c+
POST /api/items M G c-
GET /api/items/{id} M G c+
PATCH /api/items/{id} M G c-
DELETE /api/items/{id} M G c-
GET /api/items/{id}/search-codes M G c+
POST /api/items/{id}/search-codes M G c-
PATCH /api/items/{id}/search-codes/{searchCodeId} M G c-
DELETE /api/items/{id}/search-codes/{searchCodeId} M G c-
POST /api/item-master/items M G c-
POST /api/item-master/items/{id}/copy M G c-
GET /api/item-master/items/{id} M G c+
PATCH /api/item-master/items/{id} M G c-
PUT /api/item-master/items/{id}/alternatives M G c-
PUT /api/item-master/items/{id}/warehouse-planning/{warehouseId} M A c-
GET /api/item-master/item-classes M G c+
POST /api/item-master/item-classes M G c-
PATCH /api/item-master/item-classes/{code} M G c-
GET /api/item-master/barcode-settings M G c+
PUT /api/item-master/barcode-settings/{kind} M G c-
GET /api/item-master/templates M G c+
POST /api/item-master/templates M G c-
DELETE /api/item-master/templates/{id} M G c-
GET /api/item-master/price-lists M G c+
POST /api/item-master/price-lists M G c-
PATCH /api/item-master/price-lists/{id} M G c-
GET /api/item-master/items/{id}/prices M G c+
POST /api/item-master/items/{id}/prices M G c-
PUT /api/item-master/items/{id}/prices/{priceId} M G c-
DELETE /api/item-master/items/{id}/prices/{priceId} M G c-
GET /api/item-master/items/{id}/price M G c+
GET /api/item-master/lot-classes M G c+
POST /api/item-master/lot-classes M G c-
GET /api/item-master/serial-classes M G c+
POST /api/item-master/serial-classes M G c-
POST /api/item-master/items/{id}/lots M G c-
POST /api/item-master/items/{id}/serials M G c-
GET /api/item-master/items/{id}/lot-proposal M A c-
GET /api/item-master/items/{id}/availability M A c-
POST /api/item-master/abc-analysis X G c-
GET /api/item-master/stock-control M F c-
POST /api/item-master/import/items M G c-
POST /api/item-master/import/search-codes M G c-
POST /api/item-master/import/opening-stock M A c-
GET /api/item-master/export/items M G c+
POST /api/count-lists/open M A c-
POST /api/count-lists/close M A c-
POST /api/inventories/{id}/close M A c-
POST /api/inventories/{id}/verify M A c-
GET /api/count-lists/{id} M A co
DELETE /api/count-lists/{id} M A c-
GET /api/count-lists/{id}/items M A co
POST /api/count-lists/{id}/reports M A co
POST /api/count-lists/{id}/mark-all-reported M A co
POST /api/count-lists/{id}/import M A co
POST /api/inventories/{id}/count-import M A c-
PUT /api/count-list-items/{id}/verification-mark M A c-
POST /api/count-list-items/{id}/approval M A c-
GET /api/inventories/{id}/approvals M A c-
GET /api/reason-codes M G c+
POST /api/reason-codes X G c-
PATCH /api/reason-codes/{code} X G c-
GET /api/count-list-items/{id}/reports M A co
POST /api/count-lists/{id}/manual-close M A c-
POST /api/count-lists/reassign M A c-
PUT /api/count-lists/{id}/counters M A c-
POST /api/count-lists/print M A c-
GET /api/jobs/{id} M A c-
GET /api/inventory-types M G c+
POST /api/inventory-types X G c-
GET /api/inventory-types/{id} M G c+
PATCH /api/inventory-types/{id} X G c-
DELETE /api/inventory-types/{id} X G c-
GET /api/inventories M F c+
POST /api/inventories M A c-
GET /api/inventories/{id} M A c+
PATCH /api/inventories/{id} M A c-
DELETE /api/inventories/{id} M A c-
POST /api/inventories/{id}/start M A c-
POST /api/inventories/{id}/duplicate M A c-
POST /api/inventories/{id}/count-lists/generate M A c-
POST /api/inventories/{id}/count-lists/generate/preview M A c-
GET /api/inventories/{id}/count-lists M A c+
GET /api/number-sequences M G c+
POST /api/number-sequences M G c-
GET /api/number-sequences/{code} M G c+
PATCH /api/number-sequences/{code} M G c-
DELETE /api/number-sequences/{code} M G c-
GET /api/setup X G c-
POST /api/setup/warehouse X G c-
POST /api/setup/units X G c-
POST /api/setup/transaction-keys X G c-
POST /api/setup/inventory-types X G c-
GET /api/inventories/{id}/differences M A c-
GET /api/count-lists/{id}/differences M A c-
GET /api/inventories/{id}/differences.csv M A c-
GET /api/count-lists/{id}/differences.csv M A c-
GET /api/inventories/{id}/differences.xlsx M A c-
GET /api/count-lists/{id}/differences.xlsx M A c-
GET /api/inventories/{id}/differences.pdf M A c-
GET /api/count-lists/{id}/differences.pdf M A c-
GET /api/count-lists/{id}/counts.csv M A co
GET /api/count-lists/{id}/counts.xlsx M A co
POST /api/count-lists/{id}/counts M A co
GET /api/inventories/{id}/counts.csv M A c+
GET /api/inventories/{id}/counts.xlsx M A c+
POST /api/inventories/{id}/counts M A c+
GET /api/inventory-types/{id}/sampling M G c+
PUT /api/inventory-types/{id}/sampling X G c-
GET /api/inventories/{id}/sample M A c-
POST /api/inventories/{id}/sample/estimate M A c-
POST /api/inventories/{id}/sample/extend M A c-
POST /api/inventories/{id}/sample/full-count M A c-
GET /api/count-plans M F c-
PUT /api/count-plans M A c-
DELETE /api/count-plans M A c-
GET /api/count-plans/due M F c-
POST /api/inventories/{id}/count-lists/generate/due M A c-
GET /api/count-kpis M F c-
POST /api/abc-analysis/runs X G c-
GET /api/abc-analysis/runs M G c-
GET /api/abc-analysis/schedule M G c-
PUT /api/abc-analysis/schedule X G c-
GET /api/inventories/{id}/sample/print M A c-
`;

interface Rule {
  public: boolean;
  manager: 'M' | 'X' | 'H' | 'S';
  site: 'A' | 'F' | 'G';
  counter: 'c-' | 'c+' | 'co';
}

function parseMatrix(text: string): Map<string, Rule> {
  const rules = new Map<string, Rule>();
  for (const line of text.trim().split('\n')) {
    const [method, path, ...flags] = line.trim().split(/\s+/);
    const key = `${method} ${path}`;
    if (rules.has(key)) throw new Error(`authz matrix: ${key} is classified twice`);
    rules.set(
      key,
      flags[0] === 'public'
        ? { public: true, manager: 'M', site: 'G', counter: 'c+' }
        : {
            public: false,
            manager: flags[0] as Rule['manager'],
            site: flags[1] as Rule['site'],
            counter: flags[2] as Rule['counter'],
          },
    );
  }
  return rules;
}

// Requests that change or remove site A's rows go last, so the reads and checks before them meet the fixture.
const LAST =
  /DELETE|\/close$|\/manual-close$|\/cancel$|\/fulfil$|\/discard$|\/correct$|\/retry$|\/undo$|\/start$|\/count-lists\/generate$/;
const order = (op: Operation) =>
  op.key === 'DELETE /api/inventories/{id}'
    ? 3
    : op.key === 'DELETE /api/count-lists/{id}'
      ? 2
      : LAST.test(op.key)
        ? 1
        : 0;

type Who = 'none' | 'managerA' | 'managerB' | 'counter' | 'stranger';
interface Answer {
  who: Who;
  status: number;
  code: string | undefined;
  leaked: string[];
  minimal: boolean;
}

let api: TestApi;
let w: AuthzWorld;

beforeAll(async () => {
  api = await testApi();
  w = await makeAuthzWorld(api);
  // A report of the counter, so the undo route meets one.
  const scan = await api.call(
    'POST',
    `/api/handheld/lists/${w.a.list.id}/scans`,
    { clientReportId: 'authz-report-1', itemCode: 'ITEM-1', lot: 'LOT1', bin: 'B-ALPHA', quantity: '2', mode: 'add' },
    w.tokens.counter,
  );
  if (scan.statusCode !== 200) throw new Error(`fixture scan failed: ${scan.body}`);
});
afterAll(async () => {
  await api?.close();
});

async function send(op: Operation, token: string | undefined, who: Who): Promise<Answer> {
  const body = bodyOf(w, op);
  const res = await api.app.inject({
    method: op.method as 'GET',
    url: urlOf(w, op),
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': body.contentType } : {}),
    },
    ...(body ? { payload: typeof body.payload === 'string' ? body.payload : JSON.stringify(body.payload) } : {}),
  });
  let code: string | undefined;
  try {
    code = (res.json() as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return {
    who,
    status: res.statusCode,
    code,
    leaked: A_MARKERS.filter((m) => res.body.includes(m)),
    minimal: body?.minimal ?? false,
  };
}

/** What the rule says of one answer; undefined when it holds. */
function judge(rule: Rule, a: Answer): string | undefined {
  const schemaRefusal = a.minimal && a.status === 400;
  const refused = a.status === 403 || a.status === 404 || schemaRefusal;
  const scopeRefusal = a.status === 401 || refused;
  if (a.status >= 500) return `answered ${a.status}`;
  if (a.who === 'none')
    return rule.public
      ? a.status === 401
        ? 'public operation asked for a token'
        : undefined
      : a.status === 401
        ? undefined
        : `no token: ${a.status}, expected 401`;
  if (rule.public) return undefined;
  if (a.who === 'managerA') {
    if (rule.manager === 'X' || rule.manager === 'H')
      return a.status === 403 || schemaRefusal ? undefined : `expected 403 for a manager, got ${a.status}`;
    // Shared rows may be gone by now (site B's manager may delete a template first): 404 is no scope refusal there.
    if (rule.site === 'G')
      return a.status === 401 || a.status === 403 ? `refused the manager: ${a.status} ${a.code}` : undefined;
    return scopeRefusal ? `refused site A's own manager: ${a.status} ${a.code}` : undefined;
  }
  if (a.who === 'managerB') {
    if (a.leaked.length > 0) return `site B's manager received site A's ${a.leaked.join(', ')} (${a.status})`;
    if (rule.manager === 'X' || rule.manager === 'S')
      return refused ? undefined : `expected a refusal, got ${a.status}`;
    if (rule.site === 'A')
      return a.status === 404 || schemaRefusal
        ? undefined
        : `expected 404 for another site's rows, got ${a.status} ${a.code}`;
    // A filtered listing answers without site A's rows (checked above); shared rows are the manager's as well.
    return a.status === 401 || a.status === 403 ? `refused a manager: ${a.status} ${a.code}` : undefined;
  }
  // Counters.
  const mine = a.who === 'counter';
  if (rule.counter === 'c-') return refused ? undefined : `expected 403 for a counter, got ${a.status} ${a.code}`;
  if (rule.counter === 'co' && !mine) {
    if (a.leaked.length > 0) return `a counter of another list received ${a.leaked.join(', ')}`;
    return a.status === 404 || schemaRefusal
      ? undefined
      : `expected 404 for a list that is not theirs, got ${a.status} ${a.code}`;
  }
  if (rule.site === 'G' && rule.counter === 'c+')
    return a.status === 401 || a.status === 403 ? `refused a counter: ${a.status} ${a.code}` : undefined;
  return scopeRefusal ? `refused the counter: ${a.status} ${a.code}` : undefined;
}

describe('authorisation matrix from openapi.json', () => {
  it('classifies every operation, and every answer follows the rule', async () => {
    const doc = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'));
    const ops = operationsOf(doc);
    const rules = parseMatrix(MATRIX);
    const unclassified = ops.filter((op) => !rules.has(op.key)).map((op) => op.key);
    const stale = [...rules.keys()].filter((k) => !ops.some((op) => op.key === k));
    expect(unclassified, 'operations in openapi.json missing from MATRIX').toEqual([]);
    expect(stale, 'MATRIX lines for operations no longer in openapi.json').toEqual([]);

    const tokens: [Who, string | undefined][] = [
      ['none', undefined],
      ['stranger', w.tokens.stranger],
      ['managerB', w.tokens.managerB],
      ['counter', w.tokens.counter],
      ['managerA', w.tokens.managerA],
    ];
    const sorted = [...ops].sort((x, y) => order(x) - order(y));
    const failures: string[] = [];
    let requests = 0;
    const schemaOnly: string[] = [];
    // Each operation is sent by every user in turn (refused users first), then the next operation.
    for (const op of sorted) {
      // Signing out would end the session the rest of the matrix uses: the no-token and refusal cases only.
      const users = op.key === 'POST /api/auth/logout' ? tokens.slice(0, 1) : tokens;
      for (const [who, token] of users) {
        const a = await send(op, token, who);
        requests++;
        const why = judge(rules.get(op.key)!, a);
        if (why) failures.push(`${op.key} as ${who}: ${why}`);
        if (a.minimal && a.status === 400 && who !== 'none' && who !== 'managerA')
          schemaOnly.push(`${op.key} as ${who}`);
      }
    }
    console.log(
      `authz matrix: ${ops.length} operations × ${tokens.length} users, ${requests} requests, ${failures.length} off the rule; ` +
        `${schemaOnly.length} refusals by the request schema alone (no body of the matrix's own)`,
    );
    if (process.env.AUTHZ_VERBOSE) console.log(schemaOnly.join('\n'));
    expect(failures).toEqual([]);
  }, 240_000);

  it("can fail: site A's own manager does see the markers the site-B check looks for", async () => {
    const seen = await api.call('GET', `/api/stock/balances?siteId=${w.a.site.id}`, undefined, w.tokens.managerA);
    expect(A_MARKERS.some((m) => seen.body.includes(m))).toBe(true);
    const blind = await api.call('GET', `/api/stock/balances?siteId=${w.a.site.id}`, undefined, w.tokens.managerB);
    expect(blind.statusCode).toBe(200);
    expect(A_MARKERS.filter((m) => blind.body.includes(m))).toEqual([]);
  });
});
