// The one error handler: database errors the client caused are 4xx naming the field (the net behind the
// request schemas and the services' own checks), a real fault is a 500 `internal.error` with the request
// id in the body and the x-request-id header, and nothing the router refuses leaves the error shape.
import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../src/api/error-map.js';
import { testApi, type TestApi } from '../helpers/api.js';
import { type Base, makeBase } from '../helpers/inventory-factories.js';

let api: TestApi;
let base: Base;
beforeAll(async () => {
  api = await testApi();
  base = await makeBase(api.db.ctx.db);
});
afterAll(async () => {
  await api.close();
});

/** A bare app with the product's error handler and routes that throw what a service or the driver would. */
async function throwingApp(error: unknown) {
  const app = Fastify({ genReqId: () => 'req-fixed-1' });
  app.setErrorHandler(errorHandler);
  app.post('/things/:id', async () => {
    throw error;
  });
  await app.ready();
  return app;
}

describe('database errors the client caused', () => {
  it('POST /api/inventories whose type is deleted between the check and the insert: 422 reference.unknown naming typeId', async () => {
    const db = api.db.ctx.db;
    const type = await db
      .insertInto('inventoryTypes')
      .values({
        code: 'RACE',
        method: 'stock_taking_day',
        materialType: 'stock_items',
        inventorySequenceCode: base.seqCode,
        countListSequenceCode: base.seqCode,
        adjustmentKey: 'ADJ',
        transferKey: 'TRF',
        valueAdjustmentKey: 'VAL',
        createdAt: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The race made deterministic: the type disappears in the same statement that inserts the inventory,
    // after the service has read it, as a concurrent DELETE committing in between would make it.
    await sql`create function drop_type_under_insert() returns trigger language plpgsql as $$
      begin delete from inventory_types where id = new.type_id; return new; end $$`.execute(db);
    await sql`create trigger drop_type_under_insert before insert on inventories for each row execute function drop_type_under_insert()`.execute(
      db,
    );
    try {
      const res = await api.call('POST', '/api/inventories', {
        typeId: type.id,
        siteId: base.site.id,
        ownerId: base.owner.id,
        stockTakingDate: '2026-03-14',
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({
        code: 'reference.unknown',
        field: 'typeId',
        params: { table: 'inventory_types' },
      });
    } finally {
      await sql`drop trigger drop_type_under_insert on inventories`.execute(db);
      await sql`drop function drop_type_under_insert()`.execute(db);
    }
    // Nothing was written: the use case is one transaction.
    expect((await api.call('GET', '/api/inventories')).json().items).toEqual([]);
  });

  it('maps the SQLSTATEs one by one, naming the field from the constraint detail or the request value', async () => {
    const cases: Array<[Record<string, unknown>, unknown, number, Record<string, unknown>]> = [
      [
        {
          code: '23503',
          constraint: 'inventories_type_id_fkey',
          detail: 'Key (type_id)=(5) is not present in table "inventory_types".',
        },
        { typeId: '5' },
        422,
        { code: 'reference.unknown', field: 'typeId' },
      ],
      [
        {
          code: '23503',
          constraint: 'bins_zone_id_fkey',
          detail: 'Key (id)=(5) is still referenced from table "bins".',
        },
        {},
        409,
        { code: 'conflict.in_use', params: { constraint: 'bins_zone_id_fkey', referencedBy: 'bins' } },
      ],
      [
        {
          code: '23505',
          constraint: 'zones_code_key',
          detail: 'Key (site_id, warehouse_id, code)=(1, 2, A) already exists.',
        },
        {},
        409,
        { code: 'conflict.duplicate', field: 'code', params: { fields: ['warehouseId', 'code'] } },
      ],
      [
        { code: '23502', column: 'owner_id', message: 'null value in column "owner_id"' },
        {},
        400,
        { code: 'validation.failed', field: 'ownerId', params: { rule: 'required' } },
      ],
      [
        {
          code: '23514',
          constraint: 'bins_code_check',
          table: 'bins',
          message: 'violates check constraint "bins_code_check"',
        },
        {},
        400,
        { code: 'validation.failed', field: 'code', params: { rule: 'check' } },
      ],
      [
        { code: '22003', message: 'value "9999999999999999999" is out of range for type bigint' },
        { lines: [{ itemId: '9999999999999999999' }] },
        400,
        { code: 'validation.failed', field: 'lines.0.itemId', params: { rule: 'too_big' } },
      ],
      [
        { code: '22P02', message: 'invalid input syntax for type bigint: "abc"' },
        { ownerId: 'abc' },
        400,
        { code: 'validation.failed', field: 'ownerId' },
      ],
      [
        { code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' },
        { name: 'a\u0000b' },
        400,
        { code: 'validation.failed', field: 'name', params: { rule: 'invalid_characters' } },
      ],
      [
        { code: '40001', message: 'could not serialize access due to concurrent update' },
        {},
        409,
        { code: 'conflict.retry' },
      ],
      [{ code: '40P01', message: 'deadlock detected' }, {}, 409, { code: 'conflict.retry' }],
    ];
    for (const [pgError, body, status, expected] of cases) {
      const app = await throwingApp(Object.assign(new Error(String(pgError.message ?? 'db error')), pgError));
      const res = await app.inject({ method: 'POST', url: '/things/7', payload: body as object });
      expect([pgError.code, res.statusCode]).toEqual([pgError.code, status]);
      expect(res.json().error).toMatchObject(expected);
      expect(JSON.stringify(res.json())).not.toContain('9999999999999999999');
      await app.close();
    }
  });

  it('a real fault is 500 internal.error with the request id in the body; the error is not echoed', async () => {
    const app = await throwingApp(new Error('secret connection string postgres://u:p@h'));
    const res = await app.inject({ method: 'POST', url: '/things/7', payload: {} });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: { code: 'internal.error', message: 'internal error (request req-fixed-1)', requestId: 'req-fixed-1' },
    });
    await app.close();
    // An SQLSTATE that is the server's own fault (a syntax error) stays a 500.
    const syntax = await throwingApp(Object.assign(new Error('syntax error at or near "where"'), { code: '42601' }));
    expect((await syntax.inject({ method: 'POST', url: '/things/7', payload: {} })).statusCode).toBe(500);
    await syntax.close();
  });
});

describe('the request id and the router', () => {
  it('every answer carries x-request-id, a fresh one per request, never the one the client sent', async () => {
    const a = await api.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'forged' } });
    const b = await api.app.inject({ method: 'GET', url: '/api/zones/1' });
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('malformed JSON, a path that is not UTF-8, an overlong path parameter and an unknown route name their field', async () => {
    const json = await api.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
      payload: '{"code":',
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error).toMatchObject({ code: 'validation.failed', field: 'body', params: { rule: 'json' } });
    const url = await api.call('GET', '/api/zones/%C0%AF');
    expect([url.statusCode, url.json().error]).toMatchObject([400, { code: 'validation.failed', field: 'path' }]);
    const long = await api.call('GET', `/api/zones/${'1'.repeat(200)}`);
    expect([long.statusCode, long.json().error]).toMatchObject([
      414,
      { code: 'validation.failed', field: 'path', params: { rule: 'too_big' } },
    ]);
    const none = await api.call('GET', '/api/no-such-thing');
    expect([none.statusCode, none.json().error]).toMatchObject([404, { code: 'not_found', field: 'path' }]);
  });

  it('a record that is not there names the path parameter that named it', async () => {
    const res = await api.call('GET', '/api/zones/9223372036854775807');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'not_found', field: 'id' });
  });
});
