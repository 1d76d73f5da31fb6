// Generation refuses lists nobody may count (no responsible employee from the chosen origin and no assigned
// counters), naming the origin and what to set; and generation's counterUserIds go on every list it makes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationInput } from '../../../src/domain/inventory/generation.js';
import { generateCountLists, previewGeneration } from '../../../src/services/inventory/generation.service.js';
import { getInventory } from '../../../src/services/inventory/inventory.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeItem, makeSite, makeWarehouse } from '../../helpers/factories.js';
import { addBalance, admin, makeInventory, makeOrg, type Org } from './generation-fixture.js';

let t: TestDb;
let org: Org;
let whA: string;
let whB: string;
let keeper: string;
let c1: string;
let c2: string;
const user = async (username: string, siteId: string | null = null) =>
  (
    await t.ctx.db
      .insertInto('users')
      .values({ username, passwordHash: 'x', role: 'counter', siteId, createdAt: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
const errorOf = async (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as { code: string; field?: string; params?: Record<string, unknown> },
  );
const noResponsible = () => makeInventory(t, org, 'stock_taking_day', { responsibleUserId: null });
const lists = (inventoryId: string) =>
  t.ctx.db
    .selectFrom('countLists')
    .select(['id', 'responsibleUserId'])
    .where('inventoryId', '=', inventoryId)
    .orderBy('number')
    .execute();
const countersOf = async (listId: string) =>
  await t.ctx.db
    .selectFrom('countListCounters')
    .select(['userId', 'siteId'])
    .where('countListId', '=', listId)
    .orderBy('userId')
    .execute();

beforeAll(async () => {
  t = await freshDb();
  org = await makeOrg(t);
  keeper = await user('keeper');
  c1 = await user('c1', org.siteId);
  c2 = await user('c2');
  whA = (await makeWarehouse(t.ctx.db, org.siteId, { code: 'A', responsibleUserId: keeper })).id;
  whB = (await makeWarehouse(t.ctx.db, org.siteId, { code: 'B' })).id;
  const item = (await makeItem(t.ctx.db, { code: 'P1' })).id;
  await addBalance(t.ctx.db, org.siteId, { itemId: item, warehouseId: whA, ownerId: org.ownerId, quantity: '3' });
  await addBalance(t.ctx.db, org.siteId, { itemId: item, warehouseId: whB, ownerId: org.ownerId, quantity: '4' });
});
afterAll(async () => {
  await t.close();
});

const byWarehouse: GenerationInput = {
  countType: 'article',
  responsibleOrigin: 'warehouse',
  structure: [{ criterion: 'warehouse_zone', newList: true, groupChange: 0 }],
};

describe('generation refuses lists nobody may count', () => {
  it('"from inventory" on an inventory without a responsible employee: preview and generation refuse, nothing is written', async () => {
    const inv = await noResponsible();
    for (const run of [previewGeneration, generateCountLists]) {
      expect(await errorOf(run(t.ctx, admin, inv.id, { countType: 'article' }))).toMatchObject({
        code: 'generation.no_responsible_inventory',
        field: 'responsibleOrigin',
        params: { inventoryNumber: inv.number },
      });
    }
    expect(
      await errorOf(
        generateCountLists(t.ctx, admin, inv.id, { countType: 'article', stockConsideration: 'empty_list' }),
      ),
    ).toMatchObject({ code: 'generation.no_responsible_inventory' });
    expect(await lists(inv.id)).toEqual([]);
    expect((await getInventory(t.ctx, admin, inv.id)).status).toBe('created');
  });

  it('"from warehouse": refused when any list would have nobody, naming the warehouse; fine when every warehouse has one', async () => {
    const inv = await noResponsible();
    expect(await errorOf(generateCountLists(t.ctx, admin, inv.id, byWarehouse))).toMatchObject({
      code: 'generation.no_responsible_warehouse',
      field: 'responsibleOrigin',
      params: { warehouses: 'B' },
    });
    expect(await lists(inv.id)).toEqual([]);
    const ok = await generateCountLists(t.ctx, admin, inv.id, { ...byWarehouse, warehouseIds: [whA] });
    expect(ok.lists.map((l) => l.responsibleUserId)).toEqual([keeper]);
  });

  it('an empty list "from warehouse" takes the one named warehouse\'s responsible, and needs one', async () => {
    const inv = await noResponsible();
    const empty = { countType: 'article', stockConsideration: 'empty_list', responsibleOrigin: 'warehouse' } as const;
    expect(
      (await generateCountLists(t.ctx, admin, inv.id, { ...empty, warehouseIds: [whA] })).lists[0]!.responsibleUserId,
    ).toBe(keeper);
    expect(await errorOf(generateCountLists(t.ctx, admin, inv.id, { ...empty, warehouseIds: [whB] }))).toMatchObject({
      code: 'generation.no_responsible_warehouse',
      params: { warehouses: 'B' },
    });
    expect(await errorOf(generateCountLists(t.ctx, admin, inv.id, empty))).toMatchObject({
      code: 'generation.parameter_invalid',
      field: 'responsibleOrigin',
    });
  });
});

describe('counterUserIds of a generation', () => {
  it('go on every generated list, which then needs no responsible employee', async () => {
    const inv = await noResponsible();
    const preview = await previewGeneration(t.ctx, admin, inv.id, { ...byWarehouse, counterUserIds: [c2, c1, c2] });
    expect(preview.lists.map((l) => [l.responsibleUserId, l.counterUserIds])).toEqual([
      [keeper, [c2, c1]],
      [null, [c2, c1]],
    ]);
    const s = await generateCountLists(t.ctx, admin, inv.id, { ...byWarehouse, counterUserIds: [c2, c1] });
    expect(s.lists).toHaveLength(2);
    for (const l of s.lists) {
      expect((await countersOf(l.id!)).map((c) => c.userId).sort()).toEqual([c1, c2].sort());
      expect((await countersOf(l.id!)).every((c) => c.siteId === org.siteId)).toBe(true);
    }
    const empty = await generateCountLists(t.ctx, admin, inv.id, {
      countType: 'article',
      stockConsideration: 'empty_list',
      counterUserIds: [c1],
    });
    expect(empty.lists[0]).toMatchObject({ responsibleUserId: null, counterUserIds: [c1] });
    expect((await countersOf(empty.lists[0]!.id!)).map((c) => c.userId)).toEqual([c1]);
  });

  it("must be active users of the inventory's site or of no site", async () => {
    const inv = await makeInventory(t, org);
    const elsewhere = await user('far', (await makeSite(t.ctx.db)).id);
    const gone = await user('gone');
    await t.ctx.db.updateTable('users').set({ active: false }).where('id', '=', gone).execute();
    for (const bad of [elsewhere, gone, '987654321']) {
      expect(
        await errorOf(generateCountLists(t.ctx, admin, inv.id, { countType: 'article', counterUserIds: [c1, bad] })),
      ).toMatchObject({ code: 'reference.unknown', field: 'counterUserIds', params: { userId: bad } });
    }
    expect(await lists(inv.id)).toEqual([]);
    const many = Array.from({ length: 51 }, (_, i) => String(1000 + i));
    expect(
      await errorOf(previewGeneration(t.ctx, admin, inv.id, { countType: 'article', counterUserIds: many })),
    ).toMatchObject({ code: 'generation.parameter_invalid', field: 'counterUserIds' });
  });
});
