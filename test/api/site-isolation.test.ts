// The leaks found by probing, one by one: a manager of site B naming site A's site, warehouse, lots or
// reservations gets nothing of site A (an empty page, or 404 as for a row that does not exist); a counter of
// site A sees only the lists they count. Two sites with the same item in stock (A: 9137 in lot LOT1, B: 11).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';
import { A_MARKERS, type AuthzWorld, makeAuthzWorld } from '../reliability/authz-fixture.js';

let api: TestApi;
let w: AuthzWorld;
const asB = (method: string, url: string, body?: unknown) => api.call(method, url, body, w.tokens.managerB);
const noneOfA = (body: string) => A_MARKERS.filter((m) => body.includes(m));

beforeAll(async () => {
  api = await testApi();
  w = await makeAuthzWorld(api);
});
afterAll(async () => {
  await api.close();
});

describe("site B's manager and site A's stock", () => {
  it('balances and ledger filtered by site A or its warehouse are empty; their own site is there', async () => {
    for (const q of [`siteId=${w.a.site.id}`, `warehouseId=${w.a.wh.id}`, `binId=${w.a.bin.id}`]) {
      for (const path of ['/api/stock/balances', '/api/stock/ledger']) {
        const res = await asB('GET', `${path}?${q}`);
        expect(res.statusCode).toBe(200);
        expect(res.json().items, `${path}?${q}`).toEqual([]);
      }
    }
    const own = (await asB('GET', '/api/stock/balances')).json().items;
    expect(own.map((b: { siteId: string; quantity: string }) => [b.siteId, b.quantity])).toEqual([[w.b.site.id, '11']]);
    const ledger = (await asB('GET', `/api/stock/ledger?itemId=${w.item.id}`)).json().items;
    expect(ledger.map((e: { warehouseCode: string }) => e.warehouseCode)).toEqual(['WH-BETA']);
    // Site A's own manager still sees site A (the filter is the user's site, not "nothing").
    expect(
      (await api.call('GET', '/api/stock/balances', undefined, w.tokens.managerA))
        .json()
        .items.map((b: { quantity: string }) => b.quantity),
    ).toEqual(['9137']);
  });

  it("availability and lot proposals in site A's warehouse are not found", async () => {
    const avail = await asB(
      'GET',
      `/api/stock/availability?itemId=${w.item.id}&warehouseId=${w.a.wh.id}&ownerId=${w.owner.id}`,
    );
    expect(avail.statusCode).toBe(404);
    expect(avail.json().error).toMatchObject({ code: 'not_found', field: 'warehouseId' });
    for (const path of ['lot-proposal', 'availability']) {
      const res = await asB('GET', `/api/item-master/items/${w.item.id}/${path}?warehouseId=${w.a.wh.id}&quantity=1`);
      expect(res.statusCode, path).toBe(404);
      expect(noneOfA(res.body)).toEqual([]);
    }
    // The same questions about their own warehouse are answered.
    const mine = await asB(
      'GET',
      `/api/stock/availability?itemId=${w.item.id}&warehouseId=${w.b.wh.id}&ownerId=${w.owner.id}`,
    );
    expect(mine.json()).toMatchObject({ onHand: '11' });
  });

  it("lots show only site B's stock", async () => {
    const lots = (await asB('GET', `/api/lots?itemId=${w.item.id}`)).json().items;
    expect(lots.map((l: { code: string; onHand: string }) => [l.code, l.onHand])).toEqual([['LOT1', '11']]);
    const a = (await api.call('GET', `/api/lots?itemId=${w.item.id}`, undefined, w.tokens.managerA)).json().items;
    expect(a.map((l: { onHand: string }) => l.onHand)).toEqual(['9137']);
  });

  it("reservations of site A are neither listed nor changed, and the checks touch only site B's", async () => {
    const page = await asB('GET', `/api/reservations?siteId=${w.a.site.id}`);
    expect(page.json().items).toEqual([]);
    expect((await asB('GET', '/api/reservations')).json().items.map((r: { reference: string }) => r.reference)).toEqual(
      ['RES-BETA'],
    );
    expect((await asB('POST', `/api/reservations/${w.a.reservation.id}/cancel`)).statusCode).toBe(404);
    const made = await asB('POST', '/api/reservations', {
      siteId: w.b.site.id,
      itemId: w.item.id,
      warehouseId: w.a.wh.id,
      ownerId: w.owner.id,
      quantity: '1',
    });
    expect(made.statusCode).toBe(404);
    expect(made.json().error.field).toBe('warehouseId');
    // Site A's reservation now exceeds nothing, but the check is asked for by site B: it stays untouched.
    await api.db.ctx.db
      .updateTable('reservations')
      .set({ quantity: '99999' })
      .where('id', '=', w.a.reservation.id)
      .execute();
    expect((await asB('POST', '/api/reservations/check', {})).json().notAvailable).toEqual([]);
    expect(
      (
        await api.db.ctx.db
          .selectFrom('reservations')
          .select('status')
          .where('id', '=', w.a.reservation.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('open');
  });

  it("a posting naming site A's warehouse is refused as an unknown warehouse, without its code", async () => {
    const res = await asB('POST', '/api/postings/receipt', {
      siteId: w.b.site.id,
      keyCode: 'REC',
      lines: [
        {
          itemId: w.item.id,
          warehouseId: w.a.wh.id,
          zoneId: w.a.zone.id,
          binId: w.a.bin.id,
          lot: 'LOT1',
          ownerId: w.owner.id,
          quantity: '1',
          unitPrice: '1',
        },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'reference.unknown', field: 'lines.0.warehouseId' });
    expect(noneOfA(res.body)).toEqual([]);
    const forA = await asB('POST', '/api/postings/receipt', {
      siteId: w.a.site.id,
      keyCode: 'REC',
      lines: [
        {
          itemId: w.item.id,
          warehouseId: w.a.wh.id,
          zoneId: w.a.zone.id,
          binId: w.a.bin.id,
          lot: 'LOT1',
          ownerId: w.owner.id,
          quantity: '1',
          unitPrice: '1',
        },
      ],
    });
    expect(forA.json().error).toMatchObject({ code: 'not_found', field: 'siteId' });
  });

  it('posting errors of site A are not listed, read or re-processed', async () => {
    expect(
      (await asB('GET', '/api/posting-errors')).json().items.map((e: { reasonMessage: string }) => e.reasonMessage),
    ).toEqual(['ERR-BETA']);
    expect((await asB('GET', `/api/posting-errors/${w.a.postingError.id}`)).statusCode).toBe(404);
    const r = (await asB('POST', '/api/posting-errors/reprocess', {})).json();
    expect([...r.posted, ...r.pending]).not.toContain(w.a.postingError.id);
  });
});

describe('counters and lists', () => {
  it('a counter not on the list gets 404 for the list, its lines, its files and its reports; the one on it gets them', async () => {
    for (const path of [
      `/api/count-lists/${w.a.list.id}`,
      `/api/count-lists/${w.a.list.id}/items`,
      `/api/count-lists/${w.a.list.id}/counts.csv`,
      `/api/count-list-items/${w.a.line.id}/reports`,
      `/api/handheld/lists/${w.a.list.id}/items`,
    ]) {
      const other = await api.call('GET', path, undefined, w.tokens.stranger);
      expect(other.statusCode, path).toBe(404);
      expect(other.json().error.code).toBe('not_found');
      expect(noneOfA(other.body), path).toEqual([]);
      expect((await api.call('GET', path, undefined, w.tokens.counter)).statusCode, path).toBe(200);
    }
    // The same answer as a list that does not exist.
    const missing = await api.call('GET', '/api/count-lists/987654321', undefined, w.tokens.stranger);
    expect(missing.statusCode).toBe(404);
  });

  it("the inventory's list of lists shows a counter only their own", async () => {
    await api.db.ctx.db
      .insertInto('countLists')
      .values({
        siteId: w.a.site.id,
        inventoryId: w.a.inventory.id,
        number: 'L-ALPHA-2',
        countType: 'article',
        status: 'open',
        registrationDate: '2026-03-14',
        countDate: '2026-03-14',
        responsibleUserId: w.stranger.id,
        warehouseId: w.a.wh.id,
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      .execute();
    const numbers = async (token: string) => {
      const page = (await api.call('GET', `/api/inventories/${w.a.inventory.id}/count-lists`, undefined, token)).json();
      return { lists: page.items.map((l: { number: string }) => l.number), counts: page.statusCounts };
    };
    expect(await numbers(w.tokens.counter)).toEqual({ lists: ['L-ALPHA'], counts: { open: 1 } });
    expect(await numbers(w.tokens.stranger)).toEqual({ lists: ['L-ALPHA-2'], counts: { open: 1 } });
    expect((await numbers(w.tokens.managerA)).lists).toEqual(['L-ALPHA', 'L-ALPHA-2']);
    expect(
      (await api.call('GET', `/api/inventories/${w.a.inventory.id}/count-lists`, undefined, w.tokens.managerB))
        .statusCode,
    ).toBe(404);
  });

  it('a batch of scans on a list that is not theirs answers each scan not_found, naming nothing of it', async () => {
    const scan = {
      listId: w.a.list.id,
      clientReportId: 'iso-batch',
      itemCode: 'ITEM-1',
      lot: 'LOT1',
      bin: 'B-ALPHA',
      quantity: '1',
      mode: 'add',
    };
    for (const token of [w.tokens.stranger, w.tokens.managerB]) {
      const res = await api.call('POST', '/api/handheld/scans/batch', { scans: [scan] }, token);
      expect(res.statusCode).toBe(200);
      expect(JSON.stringify(res.json())).toContain('not_found');
      expect(res.body.includes('L-ALPHA')).toBe(false);
    }
  });
});

describe("site B's manager and site A's people", () => {
  it("lists only site B's users and answers site A's as missing", async () => {
    const names = (await asB('GET', '/api/users')).json().items.map((u: { username: string }) => u.username);
    expect(names).toContain('manager-beta');
    expect(names.filter((n: string) => n.includes('alpha') || n.startsWith('counter-a'))).toEqual([]);
    expect(names).not.toContain('admin');
    const res = await asB('GET', `/api/users/${w.counter.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    // Site A's manager sees site A's counter; the site-less admin sees everyone.
    expect((await api.call('GET', `/api/users/${w.counter.id}`, undefined, w.tokens.managerA)).statusCode).toBe(200);
    const all = (await api.call('GET', '/api/users?limit=1000'))
      .json()
      .items.map((u: { username: string }) => u.username);
    expect(all).toEqual(expect.arrayContaining(['admin', 'manager-alpha', 'manager-beta', 'counter-a']));
  });
});
