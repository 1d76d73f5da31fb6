// The statistical sample inventory as stories (docs/sampling.md): 240 stock positions in one
// warehouse, lognormal-ish values from a seeded generator. Generating the lists of a sample inventory draws
// the sample and lists only the drawn and the complete-layer positions; after counting, the estimate either
// passes, or offers to extend the sample (a second draw from the same strata, listed on new lists), or
// falls back to counting everything else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SamplingConfig } from '../../src/domain/inventory/sampling/index.js';
import type { Actor } from '../../src/services/context.js';
import { deleteCountList } from '../../src/services/inventory/delete-count-list.service.js';
import { closeInventory } from '../../src/services/inventory/close-inventory.service.js';
import { generateCountLists } from '../../src/services/inventory/generation.service.js';
import { createInventoryType } from '../../src/services/inventory/inventory-type.service.js';
import { createInventory, deleteInventory, startInventory } from '../../src/services/inventory/inventory.service.js';
import { openCountLists } from '../../src/services/inventory/open.service.js';
import { reportCount } from '../../src/services/inventory/report.service.js';
import {
  estimateSampleInventory,
  extendSampleInventory,
  fullCountSampleInventory,
  getSample,
  setTypeSampling,
} from '../../src/services/inventory/sample.service.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { makeItem, makeUnit, makeWarehouse } from '../helpers/factories.js';
import { makeActor } from '../helpers/inventory-factories.js';
import { addBalance, admin, makeOrg, type Org } from '../medium/inventory/generation-fixture.js';

const POSITIONS = 240;
let t: TestDb;
let org: Org;
let manager: Actor;
let warehouseId: string;
/** Stock balance id → { itemId, book quantity }. */
const book = new Map<string, { itemId: string; quantity: number }>();

/** mulberry32: a small seeded generator, so the synthetic stock is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  t = await freshDb();
  org = await makeOrg(t);
  manager = await makeActor(t.ctx.db, 'manager', org.siteId);
  warehouseId = (await makeWarehouse(t.ctx.db, org.siteId, { code: 'W1' })).id;
  const unit = await makeUnit(t.ctx.db);
  const r = rng(7);
  for (let i = 0; i < POSITIONS; i++) {
    // Prices from 0.50 to about 400 (skewed), quantities 1–20: a few positions hold much of the value.
    const price = (0.5 + Math.exp(r() * 6)).toFixed(2);
    const item = await makeItem(t.ctx.db, {
      code: `A${String(i).padStart(4, '0')}`,
      primaryUnit: unit,
      inventoryPrice: price,
    });
    const quantity = 1 + Math.floor(r() * 20);
    const b = await addBalance(t.ctx.db, org.siteId, {
      itemId: item.id,
      warehouseId,
      ownerId: org.ownerId,
      quantity: String(quantity),
    });
    book.set(b.id, { itemId: item.id, quantity });
  }
}, 120_000);
afterAll(async () => {
  await t.close();
});

let typeSeq = 0;
/** A sample-method type valued at the items' inventory price, with the given sampling configuration. */
async function sampleInventory(config: Partial<SamplingConfig>) {
  const code = `SMP${++typeSeq}`;
  const type = await createInventoryType(t.ctx, admin, {
    code,
    method: 'sample',
    valuationPrice: 'inventory',
    inventoryNumbering: { prefix: `${code}-` },
    countListNumbering: { prefix: `L${code}-` },
    adjustmentKey: 'ADJ',
    transferKey: 'TRF',
  });
  await setTypeSampling(t.ctx, admin, type.id, {
    confidence: 0.95,
    targetRelativePrecision: 0.05,
    completeLayer: { topValueShare: 0.2 },
    strata: 3,
    allocation: 'neyman',
    minPerStratum: 4,
    seed: 11,
    estimator: 'ratio',
    acceptance: { kind: 'book_in_interval' },
    ...config,
  });
  const inv = await createInventory(t.ctx, manager, {
    typeId: type.id,
    ownerId: org.ownerId,
    fiscalYear: 2026,
    responsibleUserId: org.counterId,
  });
  return inv;
}

/** The stock balance ids on the inventory's lists, with the list and item of each line. */
async function listed(inventoryId: string) {
  const rows = await t.ctx.db
    .selectFrom('countListItems as ci')
    .innerJoin('stockBalances as sb', (j) =>
      j.onRef('sb.itemId', '=', 'ci.itemId').onRef('sb.warehouseId', '=', 'ci.warehouseId'),
    )
    .select(['sb.id as balanceId', 'ci.countListId', 'ci.itemId', 'ci.reportedQuantity'])
    .where('ci.inventoryId', '=', inventoryId)
    .execute();
  return rows;
}

/** Opens every created list and counts each not yet counted line: `count(bookQuantity)` gives the counted quantity. */
async function countAll(inventoryId: string, count: (bookQuantity: number, balanceId: string) => number) {
  const lists = await t.ctx.db
    .selectFrom('countLists')
    .select('id')
    .where('inventoryId', '=', inventoryId)
    .where('status', '=', 'created')
    .execute();
  await openCountLists(
    t.ctx,
    manager,
    lists.map((l) => l.id),
  );
  for (const line of await listed(inventoryId)) {
    if (line.reportedQuantity !== null) continue;
    const b = book.get(line.balanceId)!;
    await reportCount(t.ctx, manager, {
      countListId: line.countListId,
      itemId: line.itemId!,
      warehouseId,
      quantity: String(count(b.quantity, line.balanceId)),
    });
  }
}

const GENERATE = { countType: 'article' as const };

describe('a statistical sample inventory', () => {
  it('counts only the drawn and complete-layer positions, and passes when the counts agree with the book', async () => {
    const inv = await sampleInventory({});
    const gen = await generateCountLists(t.ctx, manager, inv.id, GENERATE);
    const sample = await getSample(t.ctx, manager, inv.id);
    // The draw is recorded: every position of the frame has its role, and only the sample is on lists.
    expect(sample.drawn).toBe(true);
    expect(sample.positions.population + sample.positions.complete + sample.positions.drawn).toBe(POSITIONS);
    expect(gen.positions).toBe(sample.positions.complete + sample.positions.drawn);
    expect(gen.positions).toBeLessThan(POSITIONS);
    const drawnIds = new Set(
      [...sample.design!.completeLayer.positions, ...sample.design!.strata.flatMap((s) => s.drawn)].map((p) => p.id),
    );
    expect(new Set((await listed(inv.id)).map((l) => l.balanceId))).toEqual(drawnIds);

    // Before counting there is nothing to estimate from.
    await expect(estimateSampleInventory(t.ctx, manager, inv.id)).rejects.toMatchObject({ code: 'sample.not_counted' });
    await startInventory(t.ctx, manager, inv.id);
    await countAll(inv.id, (q) => q);
    const result = await estimateSampleInventory(t.ctx, manager, inv.id);
    expect(result.outcome).toBe('passed');
    expect(result.result!.verdict).toMatchObject({ passes: true, offer: null });
    // Counted exactly as booked: the ratio is 1 and the estimate is the book value.
    expect(result.result!.estimate).toBe(result.design!.population.bookTotal);
    // Generating again does not draw a second sample.
    await expect(generateCountLists(t.ctx, manager, inv.id, GENERATE)).rejects.toMatchObject({
      code: 'sample.already_drawn',
    });
    // Closing counts nothing more: no differences, no postings (and it frees the positions for the next story).
    await closeInventory(t.ctx, manager, inv.id);
    expect(
      await t.ctx.db.selectFrom('stockLedger').select('id').where('originType', '=', 'count_list').execute(),
    ).toEqual([]);
  });

  it('a noisy count misses the precision: the sample is extended from the same strata and counted on new lists', async () => {
    const inv = await sampleInventory({ estimator: 'mpu', targetRelativePrecision: 0.08, fullCountShare: 0.9 });
    await generateCountLists(t.ctx, manager, inv.id, GENERATE);
    await startInventory(t.ctx, manager, inv.id);
    const noise = rng(99);
    const counted = (q: number) => Math.max(0, Math.round(q * (0.2 + 1.6 * noise())));
    await countAll(inv.id, counted);
    const first = await estimateSampleInventory(t.ctx, manager, inv.id);
    expect(first.outcome).toBe('extend');
    expect(first.result!.verdict.reasons.map((r) => r.code)).toContain('precision_not_met');
    const offer = first.result!.verdict.offer as { kind: 'extend'; n: number; perStratum: number[] };
    const listsBefore = (
      await t.ctx.db.selectFrom('countLists').select('id').where('inventoryId', '=', inv.id).execute()
    ).length;

    const extended = await extendSampleInventory(t.ctx, manager, inv.id);
    // The second draw keeps the first and adds exactly what the offer asked for, on lists of its own.
    expect(extended.sample.design!.draws).toBe(2);
    expect(extended.sample.design!.strata.map((s) => s.sampleSize)).toEqual(
      offer.perStratum.map((n, h) => Math.min(n, first.design!.strata[h]!.populationCount)),
    );
    expect(extended.generation.positions).toBe(extended.sample.design!.sampleSize - first.design!.sampleSize);
    expect(
      (await t.ctx.db.selectFrom('countLists').select('id').where('inventoryId', '=', inv.id).execute()).length,
    ).toBe(listsBefore + extended.generation.lists.length);
    expect(extended.sample.result).toBeNull();

    await countAll(inv.id, counted);
    const second = await estimateSampleInventory(t.ctx, manager, inv.id);
    expect(second.result!.strata.reduce((a, s) => a + s.sampleSize, 0)).toBe(extended.sample.design!.sampleSize);
    expect(second.result!.achievedRelativePrecision).toBeLessThan(first.result!.achievedRelativePrecision);
    await closeInventory(t.ctx, manager, inv.id);
  });

  it('counts that contradict the book fall back to a full count of everything else', async () => {
    const inv = await sampleInventory({ targetRelativePrecision: 0.2 });
    await generateCountLists(t.ctx, manager, inv.id, GENERATE);
    await startInventory(t.ctx, manager, inv.id);
    // Every position is short by a fifth: a precise estimate far below the book value.
    await countAll(inv.id, (q) => Math.floor(q * 0.8));
    const r = await estimateSampleInventory(t.ctx, manager, inv.id);
    expect(r.outcome).toBe('full_count');
    expect(r.result!.verdict).toMatchObject({
      passes: false,
      precisionMet: true,
      acceptanceMet: false,
      offer: { kind: 'full_count' },
    });
    await expect(extendSampleInventory(t.ctx, manager, inv.id)).rejects.toMatchObject({
      code: 'sample.extend_not_offered',
    });

    const full = await fullCountSampleInventory(t.ctx, manager, inv.id);
    expect(full.sample.fullCount).toBe(true);
    expect(full.generation.positions).toBe(POSITIONS - (r.design!.completeLayer.count + r.design!.sampleSize));
    // Now every position is on a list exactly once; the sample is no longer estimated.
    const all = await listed(inv.id);
    expect(new Set(all.map((l) => l.balanceId)).size).toBe(POSITIONS);
    expect(all.length).toBe(POSITIONS);
    await expect(estimateSampleInventory(t.ctx, manager, inv.id)).rejects.toMatchObject({
      code: 'sample.full_count_chosen',
    });
  });

  it('a draw whose lists were all deleted may be drawn again, and the same seed gives the same sample', async () => {
    const inv = await sampleInventory({ seed: 23 });
    await generateCountLists(t.ctx, manager, inv.id, GENERATE);
    const first = (await getSample(t.ctx, manager, inv.id)).design!;
    for (const l of await t.ctx.db.selectFrom('countLists').select('id').where('inventoryId', '=', inv.id).execute())
      await deleteCountList(t.ctx, manager, l.id);
    await generateCountLists(t.ctx, manager, inv.id, GENERATE);
    const again = (await getSample(t.ctx, manager, inv.id)).design!;
    expect(again.strata.map((s) => s.drawn)).toEqual(first.strata.map((s) => s.drawn));
    expect(again.completeLayer).toEqual(first.completeLayer);
    // Deleting the inventory takes its recorded sample and frame with it.
    await deleteInventory(t.ctx, manager, inv.id);
    expect(
      await t.ctx.db
        .selectFrom('inventorySamplePositions')
        .select('stockBalanceId')
        .where('inventoryId', '=', inv.id)
        .execute(),
    ).toEqual([]);
  });

  it('another inventory of the same type draws other positions: each draws with its own seed, recorded', async () => {
    const first = await sampleInventory({ seed: 29 });
    const second = await createInventory(t.ctx, manager, {
      typeId: first.typeId,
      ownerId: org.ownerId,
      fiscalYear: 2026,
      responsibleUserId: org.counterId,
    });
    await generateCountLists(t.ctx, manager, first.id, GENERATE);
    await generateCountLists(t.ctx, manager, second.id, GENERATE);
    const a = (await getSample(t.ctx, manager, first.id)).design!;
    const b = (await getSample(t.ctx, manager, second.id)).design!;
    expect(a.config.seed).not.toBe(b.config.seed);
    expect(a.config.seed).not.toBe(29);
    expect(b.strata.map((s) => s.drawn)).not.toEqual(a.strata.map((s) => s.drawn));
  });

  it('refuses what a sample inventory cannot do', async () => {
    const inv = await sampleInventory({});
    await expect(estimateSampleInventory(t.ctx, manager, inv.id)).rejects.toMatchObject({ code: 'sample.not_drawn' });
    await expect(generateCountLists(t.ctx, manager, inv.id, { countType: 'bin' })).rejects.toMatchObject({
      code: 'generation.method_not_allowed',
      field: 'countType',
    });
    expect((await getSample(t.ctx, manager, inv.id)).drawn).toBe(false);
    // A type without configuration cannot draw; a configuration on another method is refused.
    const bare = await createInventoryType(t.ctx, admin, {
      code: 'SMPBARE',
      method: 'sample',
      adjustmentKey: 'ADJ',
      transferKey: 'TRF',
    });
    const inv2 = await createInventory(t.ctx, manager, {
      typeId: bare.id,
      ownerId: org.ownerId,
      fiscalYear: 2026,
      responsibleUserId: org.counterId,
    });
    await expect(generateCountLists(t.ctx, manager, inv2.id, GENERATE)).rejects.toMatchObject({
      code: 'sample.not_configured',
    });
    await expect(
      setTypeSampling(t.ctx, admin, org.types.continuous, { confidence: 0.95 } as SamplingConfig),
    ).rejects.toMatchObject({ code: 'sample.not_sample_method' });
    await expect(setTypeSampling(t.ctx, admin, bare.id, { confidence: 2 } as SamplingConfig)).rejects.toMatchObject({
      code: 'validation.failed',
      field: 'sampling.confidence',
    });
  });
});
