// Count-list generation on a real database: the seed example, every parameter, and the rules around it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationInput } from '../../../src/domain/inventory/generation.js';
import { generateCountLists, previewGeneration } from '../../../src/services/inventory/generation.service.js';
import { listCountLists } from '../../../src/services/inventory/generation-lists.service.js';
import { deleteCountList } from '../../../src/services/inventory/delete-count-list.service.js';
import { getInventory, startInventory } from '../../../src/services/inventory/inventory.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeBin, makeItem, makeWarehouse, makeZone } from '../../helpers/factories.js';
import { addBalance, admin, listContents, makeInventory, makeOrg, type Org } from './generation-fixture.js';

let t: TestDb;
let org: Org;
beforeAll(async () => {
  t = await freshDb();
  org = await makeOrg(t);
});
afterAll(async () => {
  await t.close();
});

const gen = (invId: string, input: GenerationInput) => generateCountLists(t.ctx, admin, invId, input);

describe('the seed example (SPEC §4.4)', () => {
  let w1: string;
  let w2: string;
  beforeAll(async () => {
    const db = t.ctx.db;
    // A site of its own so only the example's stock is there.
    const site = await db
      .insertInto('sites')
      .values({ code: 'SEED', name: 'Seed' })
      .returning('id')
      .executeTakeFirstOrThrow();
    org = { ...org, siteId: site.id };
    w1 = (await makeWarehouse(db, site.id, { code: '001' })).id;
    w2 = (await makeWarehouse(db, site.id, { code: '002' })).id;
    const i100 = (await makeItem(db, { code: '100' })).id;
    const i200 = (await makeItem(db, { code: '200' })).id;
    await addBalance(db, site.id, { itemId: i100, warehouseId: w1, ownerId: org.ownerId, quantity: '5' });
    await addBalance(db, site.id, { itemId: i100, warehouseId: w2, ownerId: org.ownerId, quantity: '7' });
    await addBalance(db, site.id, { itemId: i200, warehouseId: w1, ownerId: org.ownerId, quantity: '1' });
  });

  it('order article, warehouse/zone → 3 lists', async () => {
    const inv = await makeInventory(t, org);
    const s = await gen(inv.id, {
      countType: 'article',
      structure: [
        { criterion: 'article', newList: false, groupChange: 2 },
        { criterion: 'warehouse_zone', newList: false, groupChange: 1 },
      ],
    });
    expect(s.lists.map((l) => l.items)).toEqual([1, 1, 1]);
    expect(await listContents(t.ctx.db, inv.id)).toEqual([['001-100'], ['002-100'], ['001-200']]);
  });

  it('order warehouse/zone, article → 2 lists', async () => {
    const inv = await makeInventory(t, org);
    const s = await gen(inv.id, {
      countType: 'article',
      structure: [
        { criterion: 'warehouse_zone', newList: false, groupChange: 1 },
        { criterion: 'article', newList: false, groupChange: 2 },
      ],
    });
    expect(s.lists).toHaveLength(2);
    expect(await listContents(t.ctx.db, inv.id)).toEqual([['001-100', '001-200'], ['002-100']]);
    const lists = await t.ctx.db
      .selectFrom('countLists')
      .selectAll()
      .where('inventoryId', '=', inv.id)
      .orderBy('number')
      .execute();
    expect(lists.map((l) => [l.countType, l.status, l.registrationDate, l.countDate, l.warehouseId])).toEqual([
      ['article', 'created', '2026-03-15', '2026-03-31', w1],
      ['article', 'created', '2026-03-15', '2026-03-31', w2],
    ]);
    expect(lists[0]!.number).toMatch(/^L.*-\d{5}$/);
    expect((await getInventory(t.ctx, admin, inv.id)).status).toBe('has_count_lists');
  });

  it('preview says the same and writes nothing', async () => {
    const inv = await makeInventory(t, org);
    const p = await previewGeneration(t.ctx, admin, inv.id, {
      countType: 'article',
      structure: [
        { criterion: 'warehouse_zone', newList: false, groupChange: 1 },
        { criterion: 'article', newList: false, groupChange: 2 },
      ],
    });
    expect(p).toMatchObject({ positions: 3, informational: 0, skipped: 0 });
    expect(p.lists.map((l) => [l.id, l.items])).toEqual([
      [null, 2],
      [null, 1],
    ]);
    expect(await listContents(t.ctx.db, inv.id)).toEqual([]);
    expect((await getInventory(t.ctx, admin, inv.id)).status).toBe('created');
  });

  it('never counts a position twice: informational items or left out', async () => {
    const inv = await makeInventory(t, org);
    await gen(inv.id, {
      countType: 'article',
      itemIds: [
        (await t.ctx.db.selectFrom('items').select('id').where('code', '=', '100').executeTakeFirstOrThrow()).id,
      ],
    });
    const without = await previewGeneration(t.ctx, admin, inv.id, { countType: 'article' });
    expect(without).toMatchObject({ positions: 1, informational: 0, skipped: 2, skippedOnOtherList: 2 });
    const s = await gen(inv.id, { countType: 'article', informationalItems: true });
    expect(s).toMatchObject({ positions: 1, informational: 2, skipped: 0 });
    expect((await listContents(t.ctx.db, inv.id))[1]).toEqual(['001-100 (i)', '001-200', '002-100 (i)']);
  });

  it('max items, max lists and names', async () => {
    const inv = await makeInventory(t, org);
    const s = await gen(inv.id, { countType: 'article', maxItemsPerList: 1, maxLists: 2, name: 'Hall A' });
    expect(s).toMatchObject({ positions: 2, skipped: 1, skippedOverMaxLists: 1 });
    const names = await t.ctx.db.selectFrom('countLists').select('name').where('inventoryId', '=', inv.id).execute();
    expect(names.map((n) => n.name)).toEqual(['Hall A', 'Hall A']);
  });

  it('lists the count lists with counts and deletes generated ones; the last delete returns to created', async () => {
    const inv = await makeInventory(t, org);
    const s = await gen(inv.id, { countType: 'article', maxItemsPerList: 2 });
    const page = await listCountLists(t.ctx, admin, inv.id, { limit: 10, offset: 0 });
    expect(page.statusCounts).toEqual({ created: 2 });
    expect(page.items.map((l) => l.items.total)).toEqual([2, 1]);
    for (const l of s.lists) await deleteCountList(t.ctx, admin, l.id!);
    expect((await getInventory(t.ctx, admin, inv.id)).status).toBe('created');
  });

  it('refuses to delete closed lists (and one being closed); the inventory keeps its lists', async () => {
    const inv = await makeInventory(t, org);
    const s = await gen(inv.id, { countType: 'article' });
    for (const [status, code] of [
      ['closed', 'count.list_closed'],
      ['closing', 'count.illegal_transition'],
    ] as const) {
      await t.ctx.db.updateTable('countLists').set({ status }).where('id', '=', s.lists[0]!.id!).execute();
      await expect(deleteCountList(t.ctx, admin, s.lists[0]!.id!)).rejects.toMatchObject({ code });
    }
    expect((await getInventory(t.ctx, admin, inv.id)).status).toBe('has_count_lists');
  });

  it('keeps the status when lists are added to an open inventory, refuses a closed one', async () => {
    const inv = await makeInventory(t, org, 'continuous');
    await startInventory(t.ctx, admin, inv.id);
    await gen(inv.id, { countType: 'article', stockConsideration: 'empty_list' });
    expect((await getInventory(t.ctx, admin, inv.id)).status).toBe('open');
    await t.ctx.db.updateTable('inventories').set({ status: 'closed' }).where('id', '=', inv.id).execute();
    await expect(gen(inv.id, { countType: 'article' })).rejects.toMatchObject({ code: 'inventory.closed' });
  });

  it('refuses a stock-taking date in a closed period', async () => {
    await t.ctx.db
      .insertInto('accountingPeriods')
      .values({ fiscalYear: 2025, code: 'FY2025-12', startDate: '2025-12-01', endDate: '2025-12-31', status: 'closed' })
      .execute();
    const inv = await makeInventory(t, org, 'stock_taking_day', { stockTakingDate: '2025-12-31', fiscalYear: 2025 });
    await expect(gen(inv.id, { countType: 'article' })).rejects.toMatchObject({ code: 'inventory.period_closed' });
  });
});

describe('structured warehouses and bins', () => {
  let site: string;
  let whS: string;
  let zStruct: string;
  let zFlat: string;
  let bins: Record<string, string>;
  let iA: string;
  let iB: string;
  let iLot: string;
  beforeAll(async () => {
    const db = t.ctx.db;
    site = (
      await db.insertInto('sites').values({ code: 'BINS', name: 'Bins' }).returning('id').executeTakeFirstOrThrow()
    ).id;
    org = { ...org, siteId: site };
    whS = (await makeWarehouse(db, site, { code: 'S1', kind: 'structured' })).id;
    await makeWarehouse(db, site, { code: 'V1', kind: 'virtual' });
    zStruct = (await makeZone(db, site, whS, { code: 'HB', structured: true, organisation: 'high_bay' })).id;
    zFlat = (await makeZone(db, site, whS, { code: 'FLOOR', structured: false })).id;
    bins = {};
    for (const [code, aisle, row, level, place] of [
      ['A-01-1-01', 'A', '01', '1', '01'],
      ['A-01-1-02', 'A', '01', '1', '02'],
      ['B-01-1-01', 'B', '01', '1', '01'],
    ] as const) {
      bins[code] = (await makeBin(db, site, whS, zStruct, { code, aisle, rowNo: row, levelNo: level, place })).id;
    }
    iA = (await makeItem(db, { code: 'BA' })).id;
    iB = (await makeItem(db, { code: 'BB' })).id;
    iLot = (await makeItem(db, { code: 'BLOT', lotManagement: 'yes' })).id;
    await addBalance(db, site, {
      itemId: iA,
      warehouseId: whS,
      zoneId: zStruct,
      binId: bins['A-01-1-01'],
      ownerId: org.ownerId,
      quantity: '3',
    });
    await addBalance(db, site, {
      itemId: iB,
      warehouseId: whS,
      zoneId: zStruct,
      binId: bins['A-01-1-01'],
      ownerId: org.ownerId,
      quantity: '2',
    });
    // Only another owner's stock: empty for our owner.
    await addBalance(db, site, {
      itemId: iA,
      warehouseId: whS,
      zoneId: zStruct,
      binId: bins['A-01-1-02'],
      ownerId: org.otherOwnerId,
      quantity: '9',
    });
    await addBalance(db, site, {
      itemId: iLot,
      warehouseId: whS,
      zoneId: zFlat,
      lot: 'L1',
      ownerId: org.ownerId,
      quantity: '4',
    });
    await addBalance(db, site, {
      itemId: iLot,
      warehouseId: whS,
      zoneId: zFlat,
      lot: 'L2',
      ownerId: org.ownerId,
      quantity: '6',
    });
  });

  it('bin lists: occupied and empty bins, empty judged per owner, whole bins', async () => {
    const inv = await makeInventory(t, org);
    await gen(inv.id, { countType: 'bin', stockConsideration: 'occupied_and_empty_bins' });
    expect(await listContents(t.ctx.db, inv.id)).toEqual([
      ['S1-BA@A-01-1-01', 'S1-BB@A-01-1-01', 'S1-∅@A-01-1-02', 'S1-∅@B-01-1-01'],
    ]);
  });

  it('bin lists: empty only / occupied only; max bins per list counts bins; aisle new list', async () => {
    const a = await makeInventory(t, org);
    await gen(a.id, { countType: 'bin', stockConsideration: 'empty_bins' });
    expect(await listContents(t.ctx.db, a.id)).toEqual([['S1-∅@A-01-1-02', 'S1-∅@B-01-1-01']]);
    const b = await makeInventory(t, org);
    await gen(b.id, { countType: 'bin', stockConsideration: 'occupied_and_empty_bins', maxItemsPerList: 1 });
    expect((await listContents(t.ctx.db, b.id)).map((l) => l.length)).toEqual([2, 1, 1]);
    const c = await makeInventory(t, org);
    await gen(c.id, { countType: 'bin', structure: [{ criterion: 'aisle', newList: true, groupChange: 0 }] });
    expect((await listContents(t.ctx.db, c.id)).map((l) => l.length)).toEqual([3, 1]);
  });

  it('article lists take unstructured zones only, per lot', async () => {
    const inv = await makeInventory(t, org);
    await gen(inv.id, { countType: 'article' });
    expect(await listContents(t.ctx.db, inv.id)).toEqual([['S1-BLOT/L1', 'S1-BLOT/L2']]);
  });

  it('not counted this fiscal year, with and without excluding counted lots', async () => {
    await t.ctx.db
      .updateTable('stockBalances')
      .set({ lastCountedDate: '2026-02-01' })
      .where('itemId', '=', iLot)
      .where('lot', '=', 'L1')
      .execute();
    const inv = await makeInventory(t, org);
    await gen(inv.id, { countType: 'article', countSetting: 'not_counted' });
    // L2 has no date of its own: it takes the item's (Feb 2026) — counted; L1 counted: nothing listed.
    expect(await listContents(t.ctx.db, inv.id)).toEqual([]);
    await t.ctx.db
      .updateTable('stockBalances')
      .set({ lastCountedDate: '2025-06-01' })
      .where('itemId', '=', iLot)
      .where('lot', '=', 'L2')
      .execute();
    const b = await makeInventory(t, org);
    await gen(b.id, { countType: 'article', countSetting: 'not_counted' });
    expect(await listContents(t.ctx.db, b.id)).toEqual([['S1-BLOT/L1', 'S1-BLOT/L2']]);
    const c = await makeInventory(t, org);
    await gen(c.id, { countType: 'article', countSetting: 'not_counted', excludeCountedSpecifications: true });
    expect(await listContents(t.ctx.db, c.id)).toEqual([['S1-BLOT/L2']]);
  });
});

describe('parameter rules', () => {
  it.each([
    [
      'stock_taking_day',
      { countType: 'article', stockConsideration: 'below_threshold' },
      'generation.method_not_allowed',
      'stockConsideration',
    ],
    ['sample', { countType: 'article', countSetting: 'not_counted' }, 'generation.method_not_allowed', 'countSetting'],
    [
      'stock_taking_day',
      { countType: 'article', countSetting: 'count_cycle' },
      'generation.method_not_allowed',
      'countSetting',
    ],
    [
      'stock_taking_day',
      { countType: 'article', countSetting: 'movement_threshold' },
      'generation.method_not_allowed',
      'countSetting',
    ],
    ['continuous', { countType: 'differences' }, 'generation.method_not_allowed', 'countType'],
    [
      'stock_taking_day',
      { countType: 'article', excludeCountedSpecifications: true },
      'generation.parameter_invalid',
      'excludeCountedSpecifications',
    ],
    [
      'stock_taking_day',
      { countType: 'bin', stockConsideration: 'positive' },
      'generation.parameter_invalid',
      'stockConsideration',
    ],
    [
      'stock_taking_day',
      { countType: 'article', stockConsideration: 'empty_bins' },
      'generation.parameter_invalid',
      'stockConsideration',
    ],
    [
      'stock_taking_day',
      { countType: 'article', responsibleOrigin: 'manual' },
      'generation.parameter_invalid',
      'responsibleUserId',
    ],
    ['stock_taking_day', { countType: 'bin', itemIds: ['1'] }, 'generation.parameter_invalid', 'itemIds'],
    [
      'stock_taking_day',
      { countType: 'differences', countSetting: 'not_counted' },
      'generation.parameter_invalid',
      'countSetting',
    ],
    ['stock_taking_day', { countType: 'article', warehouseIds: ['999999'] }, 'reference.unknown', 'warehouseIds'],
  ] as const)('%s %j → %s', async (method, input, code, field) => {
    const inv = await makeInventory(t, org, method);
    await expect(gen(inv.id, input as GenerationInput)).rejects.toMatchObject({ code, field });
  });
});

describe('difference lists, responsible employees, serials', () => {
  let site: string;
  let whA: string;
  let whB: string;
  let diffZone: string;
  let mgrA: string;
  let mgrB: string;
  let manual: string;
  beforeAll(async () => {
    const db = t.ctx.db;
    site = (
      await db.insertInto('sites').values({ code: 'DIFF', name: 'Diff' }).returning('id').executeTakeFirstOrThrow()
    ).id;
    org = { ...org, siteId: site };
    const user = async (username: string) =>
      (
        await db
          .insertInto('users')
          .values({ username, passwordHash: 'x', role: 'manager', createdAt: new Date() })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    mgrA = await user('mgr-a');
    mgrB = await user('mgr-b');
    manual = await user('counter-m');
    whA = (await makeWarehouse(db, site, { code: 'A', responsibleUserId: mgrA })).id;
    whB = (await makeWarehouse(db, site, { code: 'B', kind: 'structured', responsibleUserId: mgrB })).id;
    diffZone = (await makeZone(db, site, whB, { code: 'DZ', structured: false, usage: 'inventory_differences' })).id;
    const normal = (await makeZone(db, site, whB, { code: 'NZ', structured: false })).id;
    const ser = (await makeItem(db, { code: 'SER', serialManagement: true })).id;
    const plain = (await makeItem(db, { code: 'PLN' })).id;
    for (const serial of ['S2', 'S1'])
      await addBalance(db, site, { itemId: ser, warehouseId: whA, serial, ownerId: org.ownerId, quantity: '1' });
    await addBalance(db, site, {
      itemId: plain,
      warehouseId: whB,
      zoneId: diffZone,
      ownerId: org.ownerId,
      quantity: '-3',
    });
    await addBalance(db, site, {
      itemId: plain,
      warehouseId: whB,
      zoneId: normal,
      ownerId: org.ownerId,
      quantity: '8',
    });
  });

  it('difference lists take the inventory-differences zones only, all stock', async () => {
    const inv = await makeInventory(t, org);
    const s = await gen(inv.id, { countType: 'differences' });
    expect(s.lists.map((l) => l.warehouseId)).toEqual([whB]);
    expect(await listContents(t.ctx.db, inv.id)).toEqual([['B-PLN']]);
    const item = await t.ctx.db
      .selectFrom('countListItems')
      .select('zoneId')
      .where('inventoryId', '=', inv.id)
      .executeTakeFirstOrThrow();
    expect(item.zoneId).toBe(diffZone);
    expect(
      (
        await t.ctx.db
          .selectFrom('countLists')
          .select('countType')
          .where('inventoryId', '=', inv.id)
          .executeTakeFirstOrThrow()
      ).countType,
    ).toBe('differences');
  });

  it('lists serial-managed items per serial', async () => {
    const inv = await makeInventory(t, org);
    await gen(inv.id, { countType: 'article', warehouseIds: [whA] });
    expect(await listContents(t.ctx.db, inv.id)).toEqual([['A-SER#S1', 'A-SER#S2']]);
  });

  it('responsible employee: from the inventory, the warehouse, or entered', async () => {
    const inv = await makeInventory(t, org, 'stock_taking_day', { responsibleUserId: manual });
    const structure = [{ criterion: 'warehouse_zone' as const, newList: true, groupChange: 0 }];
    expect(
      (await previewGeneration(t.ctx, admin, inv.id, { countType: 'article', structure })).lists.map(
        (l) => l.responsibleUserId,
      ),
    ).toEqual([manual, manual, manual]);
    const byWh = await gen(inv.id, { countType: 'article', responsibleOrigin: 'warehouse', structure });
    // A, B/DZ, B/NZ: the differences zone is an unstructured zone too.
    expect(byWh.lists.map((l) => l.responsibleUserId)).toEqual([mgrA, mgrB, mgrB]);
    const inv2 = await makeInventory(t, org);
    const byHand = await gen(inv2.id, { countType: 'article', responsibleOrigin: 'manual', responsibleUserId: mgrB });
    expect(byHand.lists.map((l) => [l.responsibleUserId, l.warehouseId])).toEqual([[mgrB, null]]);
  });

  it('continuous lists carry no count date unless the inventory has one', async () => {
    const inv = await makeInventory(t, org, 'continuous');
    const s = await gen(inv.id, { countType: 'article', countSetting: 'ignore' });
    const list = await t.ctx.db
      .selectFrom('countLists')
      .selectAll()
      .where('id', '=', s.lists[0]!.id!)
      .executeTakeFirstOrThrow();
    expect([list.countDate, list.registrationDate, list.status]).toEqual([null, '2026-03-15', 'created']);
  });
});
