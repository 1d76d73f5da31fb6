// Two sites for the authorisation matrix: each with a structured warehouse (zone, bin), stock of one
// lot-managed item, a reservation, a posting error, a barcode rule, a job and an open inventory with a count
// list; users: a manager per site, a counter assigned to site A's list and a second counter of site A who is
// not. Site A's rows carry marker texts (codes, numbers, a quantity of 9137) so a response to another site's
// user can be searched for them.
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { createUser, login } from '../../src/services/user.service.js';
import type { TestApi } from '../helpers/api.js';
import { makeBin, makeItem, makeKey, makeOwner, makeUnit, makeWarehouse, makeZone } from '../helpers/factories.js';
import { makeCountItem } from '../helpers/inventory-factories.js';

const NOW = new Date('2026-03-15T10:00:00Z');
export const A_QUANTITY = '9137';
/** Texts only site A's rows contain (every code, number and name of site A has ALPHA in it). */
export const A_MARKERS = ['ALPHA', A_QUANTITY];

async function makeSiteWorld(
  api: TestApi,
  tag: 'ALPHA' | 'BETA',
  shared: { ownerId: string; itemId: string; typeId: string; seqCode: string },
  quantity: string,
) {
  const db = api.db.ctx.db;
  const site = await db
    .insertInto('sites')
    .values({ code: `S-${tag}`, name: `Site ${tag}` })
    .returningAll()
    .executeTakeFirstOrThrow();
  const wh = await makeWarehouse(db, site.id, { code: `WH-${tag}`, kind: 'structured' });
  const zone = await makeZone(db, site.id, wh.id, { code: `Z-${tag}`, structured: true });
  const bin = await makeBin(db, site.id, wh.id, zone.id, { code: `B-${tag}`, place: `B${tag}` });
  const ledger = await import('../../src/services/ledger/index.js');
  await db.transaction().execute((trx) =>
    ledger.postMovements(
      trx,
      api.db.ctx,
      SYSTEM_ACTOR,
      {
        siteId: site.id,
        keyCode: 'REC',
        postingDate: '2026-03-01',
        originType: 'test',
        lines: [
          {
            itemId: shared.itemId,
            warehouseId: wh.id,
            zoneId: zone.id,
            binId: bin.id,
            lot: 'LOT1',
            serial: '',
            ownerId: shared.ownerId,
            quantity,
            unitPrice: '2',
          },
        ],
      },
      {},
    ),
  );
  const reservation = await db
    .insertInto('reservations')
    .values({
      siteId: site.id,
      itemId: shared.itemId,
      warehouseId: wh.id,
      zoneId: null,
      binId: null,
      lot: '',
      serial: '',
      ownerId: shared.ownerId,
      quantity: '1',
      reference: `RES-${tag}`,
      createdAt: NOW,
      updatedAt: NOW,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const inventory = await db
    .insertInto('inventories')
    .values({
      siteId: site.id,
      typeId: shared.typeId,
      number: `INV-${tag}`,
      status: 'open',
      ownerId: shared.ownerId,
      fiscalYear: 2026,
      countListSequenceCode: shared.seqCode,
      stockTakingDate: '2026-03-14',
      valuationPrice: 'inventory',
      adjustmentKey: 'ADJ',
      transferKey: 'TRF',
      valueAdjustmentKey: 'VAL',
      reportType: 'cumulative',
      singleReportingRequired: false,
      showSystemQuantities: false,
      costCentre: null,
      openedAt: NOW,
      createdAt: NOW,
      updatedAt: NOW,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const list = await db
    .insertInto('countLists')
    .values({
      siteId: site.id,
      inventoryId: inventory.id,
      number: `L-${tag}`,
      countType: 'article',
      status: 'open',
      registrationDate: '2026-03-14',
      countDate: '2026-03-14',
      responsibleUserId: null,
      warehouseId: wh.id,
      openedAt: NOW,
      createdAt: NOW,
      updatedAt: NOW,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const line = await makeCountItem(db, list, inventory, {
    itemId: shared.itemId,
    warehouseId: wh.id,
    zoneId: zone.id,
    binId: bin.id,
    lot: 'LOT1',
    target: quantity,
  });
  const postingError = await db
    .insertInto('postingErrors')
    .values({
      siteId: site.id,
      posting: JSON.stringify({ siteId: site.id, keyCode: 'ADJ', lines: [] }),
      reasonCode: 'ledger.period_closed',
      reasonMessage: `ERR-${tag}`,
      countListId: list.id,
      createdAt: NOW,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const rule = await db
    .insertInto('barcodeRules')
    .values({
      siteId: site.id,
      name: `R-${tag}`,
      position: 0,
      rule: JSON.stringify({ name: `R-${tag}`, kind: 'gs1' }),
      createdAt: NOW,
      updatedAt: NOW,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const manager = await createUser(api.db.ctx, SYSTEM_ACTOR, {
    username: `manager-${tag.toLowerCase()}`,
    password: 'password-123',
    role: 'manager',
    siteId: site.id,
  });
  const job = await db
    .insertInto('jobs')
    .values({
      id: `job-${tag.toLowerCase()}`,
      siteId: site.id,
      kind: 'test',
      status: 'succeeded',
      createdBy: manager.id,
      createdAt: NOW,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { site, wh, zone, bin, reservation, inventory, list, line, postingError, rule, manager, job };
}

export async function makeAuthzWorld(api: TestApi) {
  const db = api.db.ctx.db;
  const owner = await makeOwner(db, { code: 'OWN', name: 'Owner' });
  await makeUnit(db, 'PZ', 0);
  for (const [code, kind] of [
    ['ADJ', 'adjustment'],
    ['TRF', 'transfer'],
    ['VAL', 'revaluation'],
    ['REC', 'receipt'],
    ['ISS', 'issue'],
  ] as const)
    await makeKey(db, code, kind);
  const seqCode = 'CLSEQ';
  await db.insertInto('numberSequences').values({ code: seqCode, prefix: 'X', width: 4 }).execute();
  const item = await makeItem(db, { code: 'ITEM-1', lotManagement: 'yes' });
  const other = await makeItem(db, { code: 'ITEM-2' });
  await db.insertInto('lots').values({ itemId: item.id, code: 'LOT1' }).execute();
  const type = await db
    .insertInto('inventoryTypes')
    .values({
      code: 'TYPE1',
      method: 'stock_taking_day',
      materialType: 'stock_items',
      inventorySequenceCode: seqCode,
      countListSequenceCode: seqCode,
      adjustmentKey: 'ADJ',
      transferKey: 'TRF',
      valueAdjustmentKey: 'VAL',
      createdAt: NOW,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const shared = { ownerId: owner.id, itemId: item.id, typeId: type.id, seqCode };
  const a = await makeSiteWorld(api, 'ALPHA', shared, A_QUANTITY);
  const b = await makeSiteWorld(api, 'BETA', shared, '11');
  await db
    .insertInto('accountingPeriods')
    .values({ fiscalYear: 2026, code: 'P2026', startDate: '2026-01-01', endDate: '2026-12-31' })
    .execute();
  const period = await db
    .insertInto('accountingPeriods')
    .values({ fiscalYear: 2027, code: 'P2027-01', startDate: '2027-01-01', endDate: '2027-01-31' })
    .returningAll()
    .executeTakeFirstOrThrow();
  const counter = await createUser(api.db.ctx, SYSTEM_ACTOR, {
    username: 'counter-a',
    password: 'password-123',
    role: 'counter',
    siteId: a.site.id,
  });
  const stranger = await createUser(api.db.ctx, SYSTEM_ACTOR, {
    username: 'counter-a2',
    password: 'password-123',
    role: 'counter',
    siteId: a.site.id,
  });
  await db
    .insertInto('countListCounters')
    .values({ siteId: a.site.id, countListId: a.list.id, userId: counter.id, createdAt: NOW })
    .execute();
  const token = async (username: string) => (await login(api.db.ctx, username, 'password-123')).token;
  const tokens = {
    managerA: await token('manager-alpha'),
    managerB: await token('manager-beta'),
    counter: await token('counter-a'),
    stranger: await token('counter-a2'),
  };
  await db.insertInto('classificationCodes').values({ kind: 'product_group', code: 'PG1' }).execute();
  const itemClassCode = 'IC1';
  await db.insertInto('itemClasses').values({ code: itemClassCode, sequenceCode: seqCode }).execute();
  const template = await db
    .insertInto('itemTemplates')
    .values({ code: 'TPL1', referenceItemId: other.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const priceList = await db
    .insertInto('priceLists')
    .values({ code: 'PL1', currency: 'EUR', createdAt: NOW })
    .returning('id')
    .executeTakeFirstOrThrow();
  const price = await db
    .insertInto('itemPrices')
    .values({
      priceListId: priceList.id,
      itemId: item.id,
      validFrom: null,
      validTo: null,
      unit: 'PZ',
      currency: 'EUR',
      createdAt: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('itemPriceTiers')
    .values({ itemPriceId: price.id, position: 1, upTo: null, price: '3' })
    .execute();
  const searchCode = await db
    .selectFrom('itemSearchCodes')
    .select('id')
    .where('itemId', '=', item.id)
    .executeTakeFirstOrThrow();
  return {
    owner,
    item,
    other,
    type,
    period,
    seqCode,
    a,
    b,
    counter,
    stranger,
    tokens,
    searchCodeId: searchCode.id,
    itemClassCode,
    templateId: template.id,
    priceListId: priceList.id,
    priceId: price.id,
  };
}

export type AuthzWorld = Awaited<ReturnType<typeof makeAuthzWorld>>;
