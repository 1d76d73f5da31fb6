// Count import rows on bin lists may give the bin without its zone: the request schema says the zone is
// taken from the bin, so such a row meets the list line (which carries both) in either import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers/api.js';
import {
  type Base,
  type Inv,
  type List,
  makeBase,
  makeCountItem,
  makeCountList,
  makeInventory,
  makeItem,
  makePlaces,
  type Places,
} from '../helpers/inventory-factories.js';

let api: TestApi;
let base: Base;
let places: Places;
let inv: Inv;
let list: List;
let items: string[];
beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  base = await makeBase(db);
  places = await makePlaces(db, base);
  inv = await makeInventory(db, base, { reportType: 'single' });
  list = await makeCountList(db, inv, { countType: 'bin', status: 'open', warehouseId: places.wms.id });
  items = [];
  for (const bin of [places.p1, places.p2]) {
    const item = await makeItem(db);
    await makeCountItem(db, list, inv, {
      itemId: item.id,
      warehouseId: places.wms.id,
      zoneId: places.zone.id,
      binId: bin.id,
    });
    items.push(item.id);
  }
});
afterAll(async () => {
  await api.close();
});

const reported = async () =>
  (await api.call('GET', `/api/count-lists/${list.id}/items`))
    .json()
    .items.map((i: { binId: string; reportedQuantity: string | null }) => [i.binId, i.reportedQuantity]);

describe('count import: the zone from the bin', () => {
  it('a list import row with a bin and no zone is reported on the line of that bin', async () => {
    const res = await api.call('POST', `/api/count-lists/${list.id}/import`, {
      rows: [{ itemId: items[0], warehouseId: places.wms.id, binId: places.p1.id, quantity: '4' }],
    });
    expect(res.json()).toEqual({ reported: 1 });
    expect(await reported()).toEqual([
      [places.p1.id, '4'],
      [places.p2.id, null],
    ]);
  });

  it('an inventory import row with a bin and no zone finds its list line too', async () => {
    const res = await api.call('POST', `/api/inventories/${inv.id}/count-import`, {
      rows: [{ itemId: items[1], warehouseId: places.wms.id, binId: places.p2.id, zoneId: null, quantity: '7' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().reported).toBe(1);
    expect(await reported()).toEqual([
      [places.p1.id, '4'],
      [places.p2.id, '7'],
    ]);
  });

  it('a bin named with another warehouse takes no zone and stays an unknown position', async () => {
    const res = await api.call('POST', `/api/count-lists/${list.id}/import`, {
      rows: [{ itemId: items[0], warehouseId: places.plain.id, binId: places.p1.id, quantity: '5' }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'count.import_unknown_position', field: 'rows.0' });
    expect(await reported()).toEqual([
      [places.p1.id, '4'],
      [places.p2.id, '7'],
    ]);
  });

  it('a zone other than the bin’s is not overwritten: the row is unknown', async () => {
    const res = await api.call('POST', `/api/count-lists/${list.id}/import`, {
      rows: [
        {
          itemId: items[0],
          warehouseId: places.wms.id,
          zoneId: places.diffZone.id,
          binId: places.p1.id,
          quantity: '5',
        },
      ],
    });
    expect(res.json().error).toMatchObject({ code: 'count.import_unknown_position', field: 'rows.0' });
  });
});
