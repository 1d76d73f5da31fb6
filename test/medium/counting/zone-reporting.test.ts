// The handheld on a real database: reporting at an unstructured zone of a structured warehouse
// (zone code, no bin), errors that name what to scan, the place step's "not on this list" warning (which
// other list holds the place, whether found items are taken), the found-item note of a scan — and that
// none of it shows a target to the counter of a blind inventory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import {
  handheldLookup,
  resolveHandheldBin,
  resolveHandheldPlace,
} from '../../../src/services/counting/handheld-lookup.service.js';
import { recordScan, recordScanBatch, type ScanInput } from '../../../src/services/counting/scan.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeBin, makeZone } from '../../helpers/factories.js';
import {
  errorOf,
  makeActor,
  makeCountingWorld,
  makeLine,
  makeList,
  makeOpenInventory,
  type Inv,
  type List,
  type World,
} from './fixtures.js';

let t: TestDb;
let w: World;
let inv: Inv;
let counter: Actor;
let other: Actor;
let zoneList: List; // article list of the structured warehouse: nuts on zone FLOOR, screws in bin 01-01
let binList: List; // bin list of the same inventory: bin 01-02
let articleElsewhere: List; // another article list of the inventory: glue lot L9 in bin 01-05
let floor: Awaited<ReturnType<typeof makeZone>>;
let bin5: Awaited<ReturnType<typeof makeBin>>;
let n = 0;

const scan = (input: Partial<ScanInput>, listId = zoneList.id, who: Actor = counter) =>
  recordScan(t.ctx, who, { listId, clientReportId: `z${++n}`, quantity: '1', ...input });

beforeAll(async () => {
  t = await freshDb();
  const db = t.ctx.db;
  w = await makeCountingWorld(db);
  counter = await makeActor(db, 'counter');
  other = await makeActor(db, 'counter');
  floor = await makeZone(db, w.site.id, w.structured.id, { code: 'FLOOR', structured: false });
  await makeBin(db, w.site.id, w.structured.id, w.zone.id, {
    code: '01-03',
    place: '03',
    rowNo: '01',
    barcode: 'BIN0103',
  });
  bin5 = await makeBin(db, w.site.id, w.structured.id, w.zone.id, {
    code: '01-05',
    place: '05',
    rowNo: '01',
    barcode: 'BIN0105',
  });
  inv = await makeOpenInventory(db, w);
  zoneList = await makeList(db, inv, {
    responsibleUserId: counter.userId,
    warehouseId: w.structured.id,
    name: 'Floor',
  });
  await makeLine(db, zoneList, inv, { itemId: w.nuts.id, warehouseId: w.structured.id, zoneId: floor.id, target: '7' });
  await makeLine(db, zoneList, inv, {
    itemId: w.screws.id,
    warehouseId: w.structured.id,
    zoneId: w.zone.id,
    binId: w.bin1.id,
    target: '30',
  });
  binList = await makeList(db, inv, {
    responsibleUserId: other.userId,
    warehouseId: w.structured.id,
    countType: 'bin',
    name: 'Rack',
  });
  await makeLine(db, binList, inv, {
    itemId: w.screws.id,
    warehouseId: w.structured.id,
    zoneId: w.zone.id,
    binId: w.bin2.id,
    target: '4',
  });
  articleElsewhere = await makeList(db, inv, {
    responsibleUserId: other.userId,
    warehouseId: w.structured.id,
    name: 'Glue',
  });
  await makeLine(db, articleElsewhere, inv, {
    itemId: w.glue.id,
    warehouseId: w.structured.id,
    zoneId: w.zone.id,
    binId: bin5.id,
    lot: 'L9',
    target: '2',
  });
});
afterAll(async () => {
  await t.close();
});

describe('reporting at an unstructured zone', () => {
  it('a zone code places the report on the zone itself (no bin), on the line of the list', async () => {
    const r = await scan({ zone: 'FLOOR', itemCode: '96385074', quantity: '6' });
    expect(r).toMatchObject({
      status: 'recorded',
      added: false,
      found: null,
      place: { kind: 'zone', code: 'FLOOR' },
      item: { binId: null, binCode: null },
    });
    const line = await t.ctx.db
      .selectFrom('countListItems')
      .select(['zoneId', 'binId', 'reportedQuantity'])
      .where('countListId', '=', zoneList.id)
      .where('itemId', '=', w.nuts.id)
      .executeTakeFirstOrThrow();
    expect(line).toEqual({ zoneId: floor.id, binId: null, reportedQuantity: '6' });
  });

  it('the zone code is matched case-insensitively, as a scanned label may be lower-case', async () => {
    const r = await scan({ zone: 'floor', itemCode: '96385074', quantity: '1', mode: 'add' });
    expect(r).toMatchObject({
      status: 'recorded',
      place: { kind: 'zone', code: 'FLOOR' },
      report: { resultingQuantity: '7' },
    });
  });

  it('an item found on the zone is added as a found item there (zone, no bin)', async () => {
    const r = await scan({ zone: 'FLOOR', itemCode: '4006381333931', quantity: '2' });
    expect(r).toMatchObject({
      status: 'recorded',
      added: true,
      place: { kind: 'zone', code: 'FLOOR' },
      item: { quantity: '24' },
    });
    const line = await t.ctx.db
      .selectFrom('countListItems')
      .select(['zoneId', 'binId', 'addedByCount'])
      .where('countListId', '=', zoneList.id)
      .where('itemId', '=', w.screws.id)
      .where('binId', 'is', null)
      .executeTakeFirstOrThrow();
    expect(line).toEqual({ zoneId: floor.id, binId: null, addedByCount: true });
  });

  it('without a place, the item\'s bin-less line still decides; a found item asks for the zone, not "scan the bin"', async () => {
    expect(await scan({ itemCode: '96385074', quantity: '1', mode: 'add' })).toMatchObject({
      status: 'recorded',
      place: { kind: 'zone', code: 'FLOOR' },
    });
    const e = await errorOf(scan({ itemCode: '9506000134352', lot: 'L1' }));
    expect(e).toMatchObject({ code: 'count.zone_required', field: 'zone' });
  });

  it('a zone with bins asks for the bin; an unknown zone is not_found naming zone; a bin list takes no zone', async () => {
    expect(await errorOf(scan({ zone: w.zone.code, itemCode: '96385074' }))).toMatchObject({
      code: 'count.bin_required',
      field: 'bin',
      params: { zoneCode: w.zone.code },
    });
    expect(await errorOf(scan({ zone: 'NOPE', itemCode: '96385074' }))).toMatchObject({
      code: 'not_found',
      field: 'zone',
    });
    expect(await errorOf(scan({ zone: 'FLOOR', itemCode: '96385074' }, binList.id, other))).toMatchObject({
      code: 'count.bin_required',
      field: 'bin',
    });
  });

  it('a structured warehouse whose zones all have bins still says "scan the bin"', async () => {
    const db = t.ctx.db;
    const wh = await db
      .insertInto('warehouses')
      .values({ siteId: w.site.id, code: 'RACKS', name: 'Racks', kind: 'structured', createdAt: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const z = await makeZone(db, w.site.id, wh.id, { structured: true });
    const b = await makeBin(db, w.site.id, wh.id, z.id, { code: '09-01', place: '01', rowNo: '09' });
    const l = await makeList(db, inv, { responsibleUserId: counter.userId, warehouseId: wh.id });
    await makeLine(db, l, inv, { itemId: w.screws.id, warehouseId: wh.id, zoneId: z.id, binId: b.id });
    expect(await errorOf(scan({ itemCode: '96385074' }, l.id))).toMatchObject({
      code: 'count.bin_required',
      field: 'bin',
    });
  });

  it('the offline cache lists the zones: with bins or not, and whether the list counts on the zone', async () => {
    const r = await handheldLookup(t.ctx, counter, zoneList.id, { kind: 'zones', limit: 100, offset: 0 });
    expect(r.kind).toBe('zones');
    const byCode = Object.fromEntries(r.page.items.map((z) => [z.code, z]));
    expect(byCode.FLOOR).toMatchObject({ id: floor.id, structured: false, onList: true });
    expect(byCode[w.zone.code]).toMatchObject({ structured: true, onList: false });
  });
});

describe('the place step: not on this list', () => {
  it('a bin of the list and a zone of the list are on it', async () => {
    expect(await resolveHandheldPlace(t.ctx, counter, { listId: zoneList.id, code: 'BIN0101' })).toMatchObject({
      kind: 'bin',
      code: '01-01',
      zoneCode: w.zone.code,
      onList: true,
      otherList: null,
      foundAllowed: true,
      refusal: null,
    });
    expect(await resolveHandheldPlace(t.ctx, counter, { listId: zoneList.id, code: 'FLOOR' })).toMatchObject({
      kind: 'zone',
      code: 'FLOOR',
      zoneId: floor.id,
      onList: true,
      foundAllowed: true,
    });
  });

  it('a bin on no list: warned (not on the list), found items are taken', async () => {
    expect(await resolveHandheldPlace(t.ctx, counter, { listId: zoneList.id, code: 'BIN0103' })).toMatchObject({
      kind: 'bin',
      code: '01-03',
      onList: false,
      otherList: null,
      foundAllowed: true,
      refusal: null,
    });
  });

  it('a bin a bin list of the inventory counts: named, and refused with that list', async () => {
    const r = await resolveHandheldPlace(t.ctx, counter, { listId: zoneList.id, code: '01-02' });
    expect(r).toMatchObject({
      onList: false,
      otherList: { number: binList.number, name: 'Rack', countType: 'bin' },
      foundAllowed: false,
      refusal: { code: 'count.on_other_list', params: { countListNumber: binList.number } },
    });
    // The report the warning predicts is the one recordReport makes.
    expect(await errorOf(scan({ bin: '01-02', itemCode: '96385074' }))).toMatchObject({
      code: 'count.on_other_list',
      params: { countListNumber: binList.number },
    });
  });

  it('a bin another article list counts: named, and found items are still taken here', async () => {
    expect(await resolveHandheldPlace(t.ctx, counter, { listId: zoneList.id, code: 'BIN0105' })).toMatchObject({
      onList: false,
      otherList: { number: articleElsewhere.number, countType: 'article' },
      foundAllowed: true,
      refusal: null,
    });
  });

  it('a bin list takes only its own bins: refused with the reason, naming the list that has the bin', async () => {
    const r = await resolveHandheldPlace(t.ctx, other, { listId: binList.id, code: '01-01' });
    expect(r).toMatchObject({
      onList: false,
      otherList: { number: zoneList.number },
      foundAllowed: false,
      refusal: { code: 'count.place_not_on_list', params: { countListNumber: binList.number } },
    });
    expect(await errorOf(scan({ bin: '01-01', itemCode: '96385074' }, binList.id, other))).toMatchObject({
      code: 'count.place_not_on_list',
    });
    // The bin step says the same.
    expect(await resolveHandheldBin(t.ctx, other, { listId: binList.id, code: '01-01' })).toMatchObject({
      onList: false,
      foundAllowed: false,
    });
  });

  it('neither a bin nor a zone: not_found naming code; a list of someone else: not_found, as a missing list', async () => {
    expect(await errorOf(resolveHandheldPlace(t.ctx, counter, { listId: zoneList.id, code: 'XX-99' }))).toMatchObject({
      code: 'not_found',
      field: 'code',
    });
    expect(await errorOf(resolveHandheldPlace(t.ctx, counter, { listId: binList.id, code: '01-02' }))).toMatchObject({
      code: 'not_found',
    });
  });
});

describe('found items: the scan says where they went', () => {
  it('in a bin on no list: added, no other list', async () => {
    const r = await scan({ bin: 'BIN0103', itemCode: '96385074', quantity: '3' });
    expect(r).toMatchObject({
      status: 'recorded',
      added: true,
      place: { kind: 'bin', code: '01-03' },
      found: { otherList: null },
    });
  });

  it('in a bin another article list counts: added, naming that list (holds the place)', async () => {
    const r = await scan({ bin: 'BIN0105', itemCode: '96385074', quantity: '1' });
    expect(r).toMatchObject({
      added: true,
      found: { otherList: { number: articleElsewhere.number, name: 'Glue', holds: 'place' } },
    });
  });

  it('an item another list counts elsewhere: added here, naming that list (holds the item)', async () => {
    const r = await scan({ bin: 'BIN0103', itemCode: '9506000134352', lot: 'L9', quantity: '1' });
    expect(r).toMatchObject({ added: true, found: { otherList: { number: articleElsewhere.number, holds: 'item' } } });
  });

  it('a replay answers the first result: not added again', async () => {
    const first = await scan({
      bin: 'BIN0103',
      itemCode: '036000291452',
      quantity: '1',
      mode: 'add',
      clientReportId: 'found-once',
    });
    const again = await scan({
      bin: 'BIN0103',
      itemCode: '036000291452',
      quantity: '1',
      mode: 'add',
      clientReportId: 'found-once',
    });
    expect(first).toMatchObject({ added: false, duplicate: false }); // nuts were added to 01-03 above
    expect(again).toMatchObject({ duplicate: true, added: false, found: null });
  });
});

describe('blind stays blind in the new answers', () => {
  const keysOf = (v: unknown): string[] =>
    v && typeof v === 'object'
      ? Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => [k, ...keysOf(x)])
      : [];

  it('no target, proposed quantity or posted difference in the place step, the zone cache or a zone/found scan', async () => {
    expect(inv.showSystemQuantities).toBe(false);
    const answers = [
      await resolveHandheldPlace(t.ctx, counter, { listId: zoneList.id, code: 'FLOOR' }),
      await resolveHandheldPlace(t.ctx, counter, { listId: zoneList.id, code: 'BIN0105' }),
      await resolveHandheldBin(t.ctx, counter, { listId: zoneList.id, code: 'BIN0103' }),
      await handheldLookup(t.ctx, counter, zoneList.id, { kind: 'zones', limit: 100, offset: 0 }),
      await scan({ zone: 'FLOOR', itemCode: '96385074', quantity: '1', mode: 'add' }),
      await scan({ zone: 'FLOOR', itemCode: '9506000134352', lot: 'L7', quantity: '1' }),
    ];
    const keys = answers.flatMap(keysOf);
    expect(keys).toContain('onList');
    expect(keys).not.toContain('targetQuantity');
    expect(keys).not.toContain('proposedQuantity');
    expect(keys).not.toContain('postedQuantity');
  });

  it('with system quantities shown, a zone scan gives the target (the same answer shape, so the blind test can fail)', async () => {
    const shown = await makeOpenInventory(t.ctx.db, w, { showSystemQuantities: true });
    const l = await makeList(t.ctx.db, shown, { responsibleUserId: counter.userId, warehouseId: w.structured.id });
    await makeLine(t.ctx.db, l, shown, {
      itemId: w.nuts.id,
      warehouseId: w.structured.id,
      zoneId: floor.id,
      target: '7',
    });
    const r = await scan({ zone: 'FLOOR', itemCode: '96385074', quantity: '1' }, l.id);
    expect(r).toMatchObject({ status: 'recorded', line: { targetQuantity: '7' } });
  });
});

describe('offline sync of zone reports', () => {
  it('a queued zone report goes through the batch like any other, exactly once', async () => {
    const scans = [
      {
        listId: zoneList.id,
        clientReportId: 'batch-zone-1',
        zone: 'FLOOR',
        itemCode: '96385074',
        quantity: '2',
        mode: 'add' as const,
      },
    ];
    const first = await recordScanBatch(t.ctx, counter, scans);
    const again = await recordScanBatch(t.ctx, counter, scans);
    expect(first[0]).toMatchObject({
      ok: true,
      result: { status: 'recorded', duplicate: false, place: { kind: 'zone', code: 'FLOOR' } },
    });
    expect(again[0]).toMatchObject({ ok: true, result: { duplicate: true } });
    const bad = await recordScanBatch(t.ctx, counter, [
      { listId: zoneList.id, clientReportId: 'batch-zone-2', zone: w.zone.code, itemCode: '96385074', quantity: '1' },
    ]);
    expect(bad[0]).toMatchObject({ ok: false, error: { code: 'count.bin_required', field: 'bin' } });
  });
});
