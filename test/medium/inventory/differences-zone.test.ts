// The inventory-differences zone receives closing transfers without a bin, so it must be unstructured:
// the zone service says so naming the field, and the database refuses it too (migration 0070).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import { createZone, updateZone } from '../../../src/services/places/zone.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeSite, makeWarehouse } from '../../helpers/factories.js';
import { makeActor } from '../../helpers/inventory-factories.js';

let t: TestDb;
let manager: Actor;
let siteId: string;
let warehouseId: string;
beforeAll(async () => {
  t = await freshDb();
  siteId = (await makeSite(t.ctx.db)).id;
  warehouseId = (await makeWarehouse(t.ctx.db, siteId, { kind: 'structured' })).id;
  manager = await makeActor(t.ctx.db, 'manager');
});
afterAll(async () => {
  await t.close();
});

const zone = (code: string, structured: boolean, usage: 'normal' | 'inventory_differences') =>
  createZone(t.ctx, manager, { warehouseId, code, name: code, organisation: 'places_only', structured, usage });

describe('inventory-differences zone', () => {
  it('cannot be created structured', async () => {
    await expect(zone('DS', true, 'inventory_differences')).rejects.toMatchObject({
      code: 'place.differences_zone_structured',
      field: 'structured',
    });
  });

  it('cannot become structured, nor can a structured zone become the differences zone', async () => {
    const diff = await zone('DIFF', false, 'inventory_differences');
    await expect(updateZone(t.ctx, manager, diff.id, { structured: true })).rejects.toMatchObject({
      code: 'place.differences_zone_structured',
      field: 'structured',
    });
    await updateZone(t.ctx, manager, diff.id, { usage: 'normal' });
    const bins = await zone('BINS', true, 'normal');
    await expect(updateZone(t.ctx, manager, bins.id, { usage: 'inventory_differences' })).rejects.toMatchObject({
      code: 'place.differences_zone_structured',
      field: 'structured',
    });
    // Both in one edit is fine: the zone ends unstructured.
    expect(
      await updateZone(t.ctx, manager, bins.id, { usage: 'inventory_differences', structured: false }),
    ).toMatchObject({ usage: 'inventory_differences', structured: false });
  });

  it('is refused by the database as well (CHECK constraint)', async () => {
    const other = (await makeWarehouse(t.ctx.db, siteId, { kind: 'structured' })).id;
    await expect(
      t.ctx.db
        .insertInto('zones')
        .values({
          siteId,
          warehouseId: other,
          code: 'RAW',
          name: 'raw',
          organisation: 'places_only',
          structured: true,
          usage: 'inventory_differences',
        })
        .execute(),
    ).rejects.toThrow(/zones_differences_zone_unstructured/);
  });
});
