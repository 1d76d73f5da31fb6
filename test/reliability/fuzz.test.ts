// Fuzz pass over every operation in openapi.json (read at test time, so a new route is fuzzed without
// touching this file): malformed path ids, query parameters and bodies, signed in as the admin, the site's
// manager and a counter, against a small demo company with an inventory and its count lists. The rule under test: no input gives a 500, and every 4xx has the
// one error shape with a code of the closed set. Bounded: a seeded PRNG and a fixed request count —
// INVENTUR_FUZZ_REQUESTS (default 5,000) and INVENTUR_FUZZ_SEED (default 14) give the long form or a replay.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/domain/errors.js';
import { DEMO_PASSWORDS, loadDemoData } from '../../src/services/demo/demo.service.js';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { login } from '../../src/services/user.service.js';
import { ADMIN_PASSWORD, testApi, type TestApi } from '../helpers/api.js';
import { type FuzzRequest, Fuzzer, ID_TABLES, operations, prng } from './fuzz-gen.js';

const REQUESTS = Number(process.env.INVENTUR_FUZZ_REQUESTS ?? 5_000);
const SEED = Number(process.env.INVENTUR_FUZZ_SEED ?? 14);
// Requests that would end the fuzzer's own sessions are sent without a valid token instead.
const SESSION_ENDING = /\/auth\/logout|password|sessions/;

let api: TestApi;
let counter: string;
let manager: string;
let protectedUsers: string[];
const ids: Record<string, string[]> = {};

beforeAll(async () => {
  api = await testApi();
  const demo = await loadDemoData(api.db.ctx, SYSTEM_ACTOR, { items: 40, warehouses: 2, seed: 3, positions: 200 });
  const counterUser = demo.users.find((u) => u.role === 'counter')!;
  const session = await login(api.db.ctx, counterUser.username, DEMO_PASSWORDS.counter);
  counter = session.token;
  const managerSession = await login(api.db.ctx, 'demo.manager', DEMO_PASSWORDS.manager);
  manager = managerSession.token;
  // The fuzzer's own users are kept out of user changes (a deactivation would end its sessions).
  protectedUsers = [
    session.user.id,
    managerSession.user.id,
    (await login(api.db.ctx, 'admin', ADMIN_PASSWORD)).user.id,
  ];
  // An inventory with count lists, so the list routes meet real rows.
  const type = (await api.call('GET', '/api/inventory-types')).json().items?.[0];
  if (type) {
    const inv = await api.call('POST', '/api/inventories', {
      typeId: type.id,
      siteId: demo.siteId,
      description: 'fuzz',
      stockTakingDate: '2026-03-15',
    });
    if (inv.statusCode === 201) await api.call('POST', `/api/inventories/${inv.json().id}/count-lists/generate`, {});
  }
  for (const t of ID_TABLES) {
    const rows = await sql<{ id: string }>`select id::text as id from ${sql.table(t)} order by id limit 8`
      .execute(api.db.ctx.db)
      .catch(() => ({ rows: [] }));
    ids[t] = rows.rows.map((r) => r.id).filter((id) => !protectedUsers.includes(id) || t !== 'users');
  }
});
afterAll(async () => {
  await api?.close();
});

interface Failure {
  status: number;
  req: FuzzRequest;
  body: string;
}

describe('fuzz: every OpenAPI operation', () => {
  it(`answers ${REQUESTS} malformed requests without a 500, every 4xx in the error shape`, async () => {
    const doc = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'));
    const ops = operations(doc);
    const fuzz = new Fuzzer(SEED, doc, ids);
    const order = prng(SEED + 1);
    const histogram: Record<number, number> = {};
    const failures: Failure[] = [];
    const shapeErrors: Failure[] = [];
    const covered = new Set<string>();
    const started = Date.now();
    let queue: number[] = [];
    for (let n = 0; n < REQUESTS; n++) {
      // Every operation once per round, in a shuffled order.
      if (!queue.length) queue = ops.map((_, i) => i).sort(() => order() - 0.5);
      const op = ops[queue.pop()!]!;
      covered.add(`${op.method} ${op.path}`);
      const req = fuzz.request(op);
      for (const u of protectedUsers)
        req.url = req.url.replace(new RegExp(`^/api/users/${u}(?=[/?]|$)`), '/api/users/987654321');
      const roll = fuzz.int(10);
      // A tenth without a valid token, a fifth as a counter, a fifth as the site's manager, the rest as admin.
      const token =
        SESSION_ENDING.test(op.path) || roll === 0
          ? 'not-a-token'
          : roll < 3
            ? counter
            : roll < 5
              ? manager
              : api.token;
      const res = await api.app.inject({
        method: req.method as 'GET',
        url: req.url,
        headers: { authorization: `Bearer ${token}`, ...(req.contentType ? { 'content-type': req.contentType } : {}) },
        ...(req.payload !== undefined ? { payload: req.payload } : {}),
      });
      histogram[res.statusCode] = (histogram[res.statusCode] ?? 0) + 1;
      if (res.statusCode >= 500) failures.push({ status: res.statusCode, req, body: res.body.slice(0, 300) });
      else if (res.statusCode >= 400) {
        let e: { code?: unknown; message?: unknown; field?: unknown } | undefined;
        try {
          e = JSON.parse(res.body).error;
        } catch {
          e = undefined;
        }
        const shaped =
          !!e &&
          typeof e.code === 'string' &&
          e.code in ERROR_CODES &&
          typeof e.message === 'string' &&
          // A refused field and a record that is not there name the field (path for an unknown route).
          (!(String(e.code).startsWith('validation.') || e.code === 'not_found') ||
            (typeof e.field === 'string' && e.field.length > 0));
        if (!shaped) shapeErrors.push({ status: res.statusCode, req, body: res.body.slice(0, 300) });
        // INVENTUR_FUZZ_DEBUG=1 lists the 4xx without a field (to find bodies that should name one).
        if (process.env.INVENTUR_FUZZ_DEBUG && e && !e.field)
          console.log('no field', res.statusCode, e.code, op.method, op.path, String(e.message).slice(0, 100));
      }
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      JSON.stringify({
        fuzz: {
          database: api.db.ctx.engine,
          seed: SEED,
          requests: REQUESTS,
          operations: ops.length,
          covered: covered.size,
          seconds,
          histogram,
          status500: failures.length,
          shapeErrors: shapeErrors.length,
        },
      }),
    );
    for (const f of [...failures, ...shapeErrors].slice(0, 15))
      console.log(`${f.status} ${f.req.method} ${f.req.url.slice(0, 200)} ${f.req.note.slice(0, 300)} -> ${f.body}`);
    expect(covered.size).toBe(ops.length);
    // The pass kept its sessions: it did not fall back to answering 401 to everything.
    for (const t of [api.token, manager, counter])
      expect((await api.call('GET', '/api/auth/me', undefined, t)).statusCode).toBe(200);
    expect(failures.map((f) => `${f.req.method} ${f.req.url.slice(0, 120)} ${f.body.slice(0, 120)}`)).toEqual([]);
    expect(
      shapeErrors.map((f) => `${f.status} ${f.req.method} ${f.req.url.slice(0, 120)} ${f.body.slice(0, 160)}`),
    ).toEqual([]);
  }, 600_000);
});
