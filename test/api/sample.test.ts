// The sample inventory over HTTP: the type's configuration (shape at the edge, rules by the domain's
// parser), the draw made by the ordinary generation, and the sample's answers serialised through their
// response schemas (design, estimate, verdict, the generated lists).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { createInventory } from '../../src/services/inventory/inventory.service.js';
import { openCountLists } from '../../src/services/inventory/open.service.js';
import { reportCount } from '../../src/services/inventory/report.service.js';
import { testApi, type TestApi } from '../helpers/api.js';
import { makeItem, makeUnit, makeWarehouse } from '../helpers/factories.js';
import { addBalance, makeOrg, type Org } from '../medium/inventory/generation-fixture.js';

let api: TestApi;
let org: Org;
let typeId: string;
let warehouseId: string;
const config = {
  confidence: 0.95,
  targetRelativePrecision: 0.1,
  completeLayer: { minValue: '500' },
  strata: 2,
  allocation: 'neyman',
  minPerStratum: 3,
  seed: 5,
  estimator: 'difference',
  acceptance: { kind: 'relative_difference', tolerance: '0.05' },
};

beforeAll(async () => {
  api = await testApi();
  org = await makeOrg(api.db);
  const db = api.db.ctx.db;
  warehouseId = (await makeWarehouse(db, org.siteId, { code: 'W1' })).id;
  const unit = await makeUnit(db);
  for (let i = 0; i < 40; i++) {
    const item = await makeItem(db, { code: `S${i}`, primaryUnit: unit, inventoryPrice: String(1 + ((i * 37) % 90)) });
    await addBalance(db, org.siteId, {
      itemId: item.id,
      warehouseId,
      ownerId: org.ownerId,
      quantity: String(1 + (i % 9)),
    });
  }
  const type = await api.call('POST', '/api/inventory-types', {
    code: 'SMPAPI',
    method: 'sample',
    valuationPrice: 'inventory',
    adjustmentKey: 'ADJ',
    transferKey: 'TRF',
  });
  typeId = type.json().id;
}, 60_000);
afterAll(async () => {
  await api.close();
});

describe('sample inventory API', () => {
  it('configures the type: shape at the edge, the rules by the domain, defaults filled', async () => {
    expect((await api.call('GET', `/api/inventory-types/${typeId}/sampling`)).json()).toEqual({ typeId, config: null });
    const unknown = await api.call('PUT', `/api/inventory-types/${typeId}/sampling`, {
      config: { ...config, colour: 'red' },
    });
    expect(unknown.statusCode).toBe(400);
    const range = await api.call('PUT', `/api/inventory-types/${typeId}/sampling`, {
      config: { ...config, minPerStratum: 1 },
    });
    expect(range.statusCode).toBe(400);
    expect(range.json().error).toMatchObject({
      code: 'validation.failed',
      field: 'sampling.minPerStratum',
      params: { rule: 'range' },
    });
    const ok = await api.call('PUT', `/api/inventory-types/${typeId}/sampling`, { config });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().config).toMatchObject({ ...config, fullCountShare: 0.5, maxDraws: 2 });
  });

  it('draws on generation, estimates after counting, and falls back to a full count on request', async () => {
    const inv = await createInventory(api.db.ctx, SYSTEM_ACTOR, {
      typeId,
      siteId: org.siteId,
      ownerId: org.ownerId,
      fiscalYear: 2026,
      responsibleUserId: org.counterId,
    });
    expect((await api.call('GET', `/api/inventories/${inv.id}/sample`)).json()).toMatchObject({
      drawn: false,
      design: null,
    });
    const gen = await api.call('POST', `/api/inventories/${inv.id}/count-lists/generate`, { countType: 'article' });
    expect(gen.statusCode).toBe(201);
    const sample = (await api.call('GET', `/api/inventories/${inv.id}/sample`)).json();
    expect(sample).toMatchObject({ drawn: true, outcome: 'drawn', fullCount: false, result: null });
    expect(sample.positions.population + sample.positions.complete + sample.positions.drawn).toBe(40);
    expect(gen.json().positions).toBe(sample.positions.complete + sample.positions.drawn);

    const early = await api.call('POST', `/api/inventories/${inv.id}/sample/estimate`);
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({
      code: 'sample.not_counted',
      params: { missingCount: gen.json().positions },
    });

    expect((await api.call('POST', `/api/inventories/${inv.id}/start`)).statusCode).toBe(200);
    const lines = await api.db.ctx.db
      .selectFrom('countListItems')
      .select(['countListId', 'itemId'])
      .where('inventoryId', '=', inv.id)
      .execute();
    await openCountLists(api.db.ctx, SYSTEM_ACTOR, [...new Set(lines.map((l) => l.countListId))]);
    for (const l of lines)
      await reportCount(api.db.ctx, SYSTEM_ACTOR, {
        countListId: l.countListId,
        itemId: l.itemId,
        warehouseId,
        quantity: '1',
      });
    const est = await api.call('POST', `/api/inventories/${inv.id}/sample/estimate`);
    expect(est.statusCode).toBe(200);
    const r = est.json();
    expect(r.result).toMatchObject({ estimator: 'difference', bookTotal: sample.design.population.bookTotal });
    expect(r.result.verdict.passes).toBe(false);
    expect(r.outcome).not.toBe('passed');

    const full = await api.call('POST', `/api/inventories/${inv.id}/sample/full-count`);
    expect(full.statusCode).toBe(201);
    expect(full.json().sample.fullCount).toBe(true);
    expect(full.json().generation.positions).toBe(sample.positions.population);
    expect((await api.call('POST', `/api/inventories/${inv.id}/sample/extend`)).json().error.code).toBe(
      'sample.full_count_chosen',
    );
  });
});
