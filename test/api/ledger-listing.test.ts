// GET /api/stock/ledger as the stock screen reads it: codes of the item and place on every entry, the number of
// the causing count list or inventory, and sorting on the server by date, item, place, quantity and value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postMovements } from '../../src/services/ledger/index.js';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { testApi, type TestApi } from '../helpers/api.js';
import {
  type Base,
  type Inv,
  type List,
  type Places,
  makeBase,
  makeCountList,
  makeInventory,
  makeItem,
  makePlaces,
} from '../helpers/inventory-factories.js';

let api: TestApi;
let base: Base;
let places: Places;
let inv: Inv;
let list: List;
let counter: { token: string };
const ids: Record<string, string> = {};

interface Entry {
  id: string;
  itemCode: string;
  itemDescription: string;
  unit: string;
  warehouseCode: string;
  zoneCode: string | null;
  binCode: string | null;
  originType: string;
  originId: string | null;
  originNumber: string | null;
  originInventoryId: string | null;
  quantity: string;
  value: string;
  postingDate: string;
}

async function post(
  name: string,
  o: {
    itemId: string;
    bin?: boolean;
    quantity: string;
    unitPrice: string;
    date: string;
    originType: string;
    originId: string | null;
  },
) {
  const r = await api.db.ctx.db.transaction().execute((trx) =>
    postMovements(
      trx,
      api.db.ctx,
      SYSTEM_ACTOR,
      {
        siteId: base.site.id,
        keyCode: 'REC',
        postingDate: o.date,
        originType: o.originType,
        originId: o.originId,
        lines: [
          {
            itemId: o.itemId,
            warehouseId: o.bin ? places.wms.id : places.plain.id,
            zoneId: o.bin ? places.zone.id : null,
            binId: o.bin ? places.p1.id : null,
            lot: '',
            serial: '',
            ownerId: base.owner.id,
            quantity: o.quantity,
            unitPrice: o.unitPrice,
          },
        ],
      },
      {},
    ),
  );
  expect(r.status).toBe('posted');
  ids[name] = (r as { entryIds: string[] }).entryIds[0]!;
}

beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  base = await makeBase(db);
  places = await makePlaces(db, base);
  counter = await api.userToken('ledger-counter', 'counter');
  const a = await makeItem(db, { code: 'LED-A', description: 'Alpha' });
  const b = await makeItem(db, { code: 'LED-B', description: 'Beta' });
  inv = await makeInventory(db, base, {});
  list = await makeCountList(db, inv, {});
  await post('manual', {
    itemId: b.id,
    quantity: '5',
    unitPrice: '2',
    date: '2026-03-02',
    originType: 'manual',
    originId: 'DN-77',
  });
  await post('list', {
    itemId: a.id,
    bin: true,
    quantity: '1',
    unitPrice: '30',
    date: '2026-03-01',
    originType: 'count_list',
    originId: list.id,
  });
  await post('inventory', {
    itemId: a.id,
    quantity: '20',
    unitPrice: '1',
    date: '2026-03-03',
    originType: 'inventory',
    originId: inv.id,
  });
});
afterAll(async () => {
  await api.close();
});

const list$ = async (query: string) => {
  const res = await api.call('GET', `/api/stock/ledger?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Entry[] }).items.filter((e) => Object.values(ids).includes(e.id));
};
const order = (es: Entry[]) => es.map((e) => Object.entries(ids).find(([, id]) => id === e.id)![0]);

describe('GET /api/stock/ledger listing', () => {
  it('names item, place and the causing document by their codes and numbers', async () => {
    const es = await list$(`ids=${Object.values(ids).join(',')}`);
    const by = Object.fromEntries(es.map((e) => [order([e])[0], e]));
    expect(by.list).toMatchObject({
      itemCode: 'LED-A',
      itemDescription: 'Alpha',
      warehouseCode: places.wms.code,
      zoneCode: places.zone.code,
      binCode: places.p1.code,
      originType: 'count_list',
      originId: list.id,
      originNumber: list.number,
      originInventoryId: inv.id,
    });
    expect(by.inventory).toMatchObject({
      warehouseCode: places.plain.code,
      zoneCode: null,
      binCode: null,
      originNumber: inv.number,
      originInventoryId: null,
    });
    expect(by.manual).toMatchObject({
      itemCode: 'LED-B',
      originId: 'DN-77',
      originNumber: null,
      originInventoryId: null,
    });
  });

  it.each([
    ['', ['manual', 'list', 'inventory']],
    ['sort=entry&dir=desc', ['inventory', 'list', 'manual']],
    ['sort=date', ['list', 'manual', 'inventory']],
    ['sort=date&dir=desc', ['inventory', 'manual', 'list']],
    ['sort=item', ['list', 'inventory', 'manual']],
    ['sort=item&dir=desc', ['manual', 'list', 'inventory']],
    ['sort=quantity', ['list', 'manual', 'inventory']],
    ['sort=value&dir=desc', ['list', 'inventory', 'manual']],
  ])('sorts on the server: %s', async (query, expected) => {
    expect(order(await list$(`ids=${Object.values(ids).join(',')}&${query}`))).toEqual(expected);
  });

  it('sorts by place (warehouse, zone, bin codes) and pages without overlap', async () => {
    const all = order(await list$(`ids=${Object.values(ids).join(',')}&sort=place`));
    const wmsFirst = places.wms.code < places.plain.code;
    expect(all[wmsFirst ? 0 : 2]).toBe('list');
    const p1 = await list$(`ids=${Object.values(ids).join(',')}&sort=place&limit=2`);
    const p2 = await list$(`ids=${Object.values(ids).join(',')}&sort=place&limit=2&offset=2`);
    expect(order([...p1, ...p2])).toEqual(all);
  });

  it('refuses an unknown sort key; a counter gets 403', async () => {
    const bad = await api.call('GET', '/api/stock/ledger?sort=bogus');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('sort');
    const res = await api.call('GET', '/api/stock/ledger?sort=item', undefined, counter.token);
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('LED-');
  });
});
