// Place services on a real database: site scoping, warehouse/zone/bin rules, bulk bins in one insert,
// deletes refused while referenced, and resolveBin for the handheld.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, SYSTEM_ACTOR } from '../../src/services/context.js';
import {
  createBin,
  createBinRange,
  deleteBin,
  listBins,
  resolveBin,
  updateBin,
} from '../../src/services/places/bin.service.js';
import { createSite, deleteSite, listSites } from '../../src/services/places/site.service.js';
import {
  createWarehouse,
  deleteWarehouse,
  getWarehouse,
  listWarehouses,
  updateWarehouse,
} from '../../src/services/places/warehouse.service.js';
import { createZone, deleteZone, updateZone } from '../../src/services/places/zone.service.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { makeItem, makeKey, makeOwner } from '../helpers/factories.js';

let db: TestDb;
const admin = SYSTEM_ACTOR;
let siteA: string;
let siteB: string;
const managerOf = (siteId: string | null): Actor => ({ userId: '0', username: 'm', role: 'manager', siteId });
const counterOf = (siteId: string | null): Actor => ({ userId: '0', username: 'c', role: 'counter', siteId });

beforeAll(async () => {
  db = await freshDb();
  siteA = (await createSite(db.ctx, admin, { code: 'MI', name: 'Milano' })).id;
  siteB = (await createSite(db.ctx, admin, { code: 'KR', name: 'Kraków' })).id;
});
afterAll(async () => {
  await db.close();
});

describe('sites and scoping', () => {
  it('shows a site-bound user only their site and warehouses', async () => {
    await createWarehouse(db.ctx, admin, { siteId: siteA, code: 'A1', name: 'A one', kind: 'unstructured' });
    const b1 = await createWarehouse(db.ctx, admin, { siteId: siteB, code: 'B1', name: 'B one', kind: 'unstructured' });
    expect((await listSites(db.ctx, counterOf(siteA), { limit: 10, offset: 0 })).items.map((s) => s.code)).toEqual([
      'MI',
    ]);
    const seen = await listWarehouses(db.ctx, counterOf(siteA), { limit: 100, offset: 0 });
    expect(seen.items.every((w) => w.siteId === siteA)).toBe(true);
    await expect(getWarehouse(db.ctx, counterOf(siteA), b1.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      createWarehouse(db.ctx, managerOf(siteA), { siteId: siteB, code: 'X', name: 'x', kind: 'unstructured' }),
    ).rejects.toMatchObject({ code: 'not_found', field: 'siteId' });
    expect(
      (await listWarehouses(db.ctx, managerOf(null), { limit: 100, offset: 0 })).items.length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('refuses writes by a counter and sites by a manager', async () => {
    await expect(
      createWarehouse(db.ctx, counterOf(null), { siteId: siteA, code: 'C', name: 'c', kind: 'virtual' }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(createSite(db.ctx, managerOf(null), { code: 'X', name: 'x' })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });

  it('refuses to delete a site that still has warehouses', async () => {
    await expect(deleteSite(db.ctx, admin, siteA)).rejects.toMatchObject({ code: 'conflict.in_use' });
  });

  it('names the duplicate field', async () => {
    await expect(
      createWarehouse(db.ctx, admin, { siteId: siteA, code: 'A1', name: 'again', kind: 'virtual' }),
    ).rejects.toMatchObject({ code: 'conflict.duplicate', field: 'code' });
    await expect(createSite(db.ctx, admin, { code: 'MI', name: 'again' })).rejects.toMatchObject({
      code: 'conflict.duplicate',
      field: 'code',
    });
  });

  it('checks the responsible employee exists', async () => {
    await expect(
      createWarehouse(db.ctx, admin, {
        siteId: siteA,
        code: 'R',
        name: 'r',
        kind: 'virtual',
        responsibleUserId: '999',
      }),
    ).rejects.toMatchObject({ code: 'reference.unknown', field: 'responsibleUserId' });
  });
});

describe('zones and bins', () => {
  let wh: string;
  let hb: string;
  beforeAll(async () => {
    wh = (await createWarehouse(db.ctx, admin, { siteId: siteA, code: 'HB', name: 'High bay', kind: 'structured' })).id;
    hb = (
      await createZone(db.ctx, admin, {
        warehouseId: wh,
        code: 'R',
        name: 'Racks',
        organisation: 'high_bay',
        structured: true,
      })
    ).id;
  });

  it('puts zones only into structured warehouses', async () => {
    const plain = await createWarehouse(db.ctx, admin, {
      siteId: siteA,
      code: 'PL',
      name: 'plain',
      kind: 'unstructured',
    });
    await expect(
      createZone(db.ctx, admin, {
        warehouseId: plain.id,
        code: 'Z',
        name: 'z',
        organisation: 'block',
        structured: true,
      }),
    ).rejects.toMatchObject({ code: 'place.zone_not_allowed', field: 'warehouseId' });
  });

  it('allows one inventory-differences zone per warehouse', async () => {
    const d = await createZone(db.ctx, admin, {
      warehouseId: wh,
      code: 'DIFF',
      name: 'Diff',
      organisation: 'places_only',
      structured: false,
      usage: 'inventory_differences',
    });
    await expect(
      createZone(db.ctx, admin, {
        warehouseId: wh,
        code: 'D2',
        name: 'd',
        organisation: 'places_only',
        structured: false,
        usage: 'inventory_differences',
      }),
    ).rejects.toMatchObject({ code: 'conflict.duplicate', field: 'usage' });
    await expect(createBin(db.ctx, admin, { zoneId: d.id, place: '1' })).rejects.toMatchObject({
      code: 'place.bin_not_allowed',
    });
  });

  it('derives the code from elements and refuses a wrong shape', async () => {
    const bin = await createBin(db.ctx, admin, { zoneId: hb, row: '12', level: 'b', place: '03a', barcode: 'LBL-1' });
    expect(bin).toMatchObject({ code: '12-B-03A', row: '12', level: 'B', place: '03A', aisle: null });
    await expect(createBin(db.ctx, admin, { zoneId: hb, row: '12', place: '03' })).rejects.toMatchObject({
      code: 'place.bin_elements_invalid',
      field: 'level',
    });
    await expect(createBin(db.ctx, admin, { zoneId: hb, row: '12', level: 'B', place: '03A' })).rejects.toMatchObject({
      code: 'conflict.duplicate',
    });
    const moved = await updateBin(db.ctx, admin, bin.id, { level: 'C' });
    expect(moved.code).toBe('12-C-03A');
  });

  it('creates 1000 bins of a range in one call and refuses or skips existing ones', async () => {
    const r = await createBinRange(db.ctx, admin, {
      zoneId: hb,
      ranges: { row: { from: '01', to: '10' }, level: { from: '1', to: '5' }, place: { from: '001', to: '020' } },
    });
    expect(r).toEqual({ requested: 1000, created: 1000, skipped: 0, firstCode: '01-1-001', lastCode: '10-5-020' });
    await expect(
      createBinRange(db.ctx, admin, {
        zoneId: hb,
        ranges: { row: { from: '10', to: '11' }, level: { values: ['5'] }, place: { from: '020', to: '021' } },
      }),
    ).rejects.toMatchObject({ code: 'conflict.duplicate', params: { existing: ['10-5-020'] } });
    const again = await createBinRange(db.ctx, admin, {
      zoneId: hb,
      skipExisting: true,
      ranges: { row: { from: '10', to: '11' }, level: { values: ['5'] }, place: { from: '020', to: '021' } },
    });
    expect(again).toMatchObject({ requested: 4, created: 3, skipped: 1 });
    const row3 = await listBins(db.ctx, admin, { zoneId: hb, row: '03', level: '2', limit: 5, offset: 0 });
    expect(row3.items.map((b) => b.code)).toEqual(['03-2-001', '03-2-002', '03-2-003', '03-2-004', '03-2-005']);
    expect(row3.nextOffset).toBe(5);
  });

  it('previews a range without writing: the same counts and refusal as the creation, and a sample of codes', async () => {
    const ranges = { row: { from: '10', to: '11' }, level: { values: ['5'] }, place: { from: '019', to: '022' } };
    const before = await listBins(db.ctx, admin, { zoneId: hb, codePrefix: '11-', limit: 10, offset: 0 });
    await expect(createBinRange(db.ctx, admin, { zoneId: hb, dryRun: true, ranges })).rejects.toMatchObject({
      code: 'conflict.duplicate',
      params: { existing: ['10-5-019', '10-5-020', '10-5-021', '11-5-020', '11-5-021'] },
    });
    const preview = await createBinRange(db.ctx, admin, { zoneId: hb, dryRun: true, skipExisting: true, ranges });
    expect(preview).toEqual({
      requested: 8,
      created: 3,
      skipped: 5,
      firstCode: '10-5-019',
      lastCode: '11-5-022',
      sample: ['10-5-019', '10-5-020', '10-5-021', '10-5-022', '11-5-019', '11-5-020', '11-5-021', '11-5-022'],
    });
    expect(await listBins(db.ctx, admin, { zoneId: hb, codePrefix: '11-', limit: 10, offset: 0 })).toEqual(before);
    const big = await createBinRange(db.ctx, admin, {
      zoneId: hb,
      dryRun: true,
      ranges: {
        aisle: { from: 'A', to: 'B' },
        row: { from: '01', to: '50' },
        level: { from: '1', to: '5' },
        place: { from: '001', to: '100' },
      },
    });
    expect(big).toMatchObject({
      requested: 50000,
      created: 50000,
      skipped: 0,
      firstCode: 'A-01-1-001',
      lastCode: 'B-50-5-100',
    });
    expect(big.sample).toHaveLength(12);
    expect(big.sample![0]).toBe('A-01-1-001');
    expect(big.sample![11]).toBe('B-50-5-100');
    expect([...big.sample!].sort()).toEqual(big.sample);
  });

  it('refuses to change the organisation of a zone with bins', async () => {
    await expect(updateZone(db.ctx, admin, hb, { organisation: 'block' })).rejects.toMatchObject({
      code: 'conflict.in_use',
      field: 'organisation',
    });
    expect((await updateZone(db.ctx, admin, hb, { name: 'Racks 1' })).name).toBe('Racks 1');
  });

  it('resolves a scanned bin by code (any case) or barcode', async () => {
    const byCode = await resolveBin(db.ctx.db, wh, '12-c-03a');
    expect(byCode?.code).toBe('12-C-03A');
    expect((await resolveBin(db.ctx.db, wh, 'LBL-1'))?.id).toBe(byCode?.id);
    expect(await resolveBin(db.ctx.db, wh, 'nowhere')).toBeUndefined();
  });

  it('refuses deletes while referenced and allows them once free', async () => {
    await expect(deleteZone(db.ctx, admin, hb)).rejects.toMatchObject({ code: 'conflict.in_use' });
    await expect(deleteWarehouse(db.ctx, admin, wh)).rejects.toMatchObject({ code: 'conflict.in_use' });
    const bin = await resolveBin(db.ctx.db, wh, '01-1-001');
    // A ledger entry refers to the bin: the foreign key makes the delete a clear conflict.
    const owner = await makeOwner(db.ctx.db);
    const item = await makeItem(db.ctx.db);
    await makeKey(db.ctx.db, 'REC', 'receipt');
    await db.ctx.db
      .insertInto('stockLedger')
      .values({
        siteId: siteA,
        keyCode: 'REC',
        itemId: item.id,
        warehouseId: wh,
        zoneId: hb,
        binId: bin!.id,
        ownerId: owner.id,
        quantity: '1',
        value: '0',
        unitPrice: '0',
        postingDate: '2026-03-15',
        originType: 'test',
        createdAt: db.ctx.now(),
      })
      .execute();
    await expect(deleteBin(db.ctx, admin, bin!.id)).rejects.toMatchObject({ code: 'conflict.in_use' });
    await expect(updateWarehouse(db.ctx, admin, wh, { kind: 'unstructured' })).rejects.toMatchObject({
      code: 'conflict.in_use',
      field: 'kind',
    });
    const free = await resolveBin(db.ctx.db, wh, '01-1-002');
    await deleteBin(db.ctx, admin, free!.id);
    expect(await resolveBin(db.ctx.db, wh, '01-1-002')).toBeUndefined();
  });
});
