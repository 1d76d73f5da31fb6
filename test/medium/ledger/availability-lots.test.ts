// Issue-time rules that the ledger shares with the item master: the expiry rule and consumption order of
// automatic lot consumption (the same as the lot proposal), reservations, and the availability check
// none / warning / blocking on manual issues and transfers, per item and per lot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '../../../src/domain/decimal.js';
import { SYSTEM_ACTOR, type Actor } from '../../../src/services/context.js';
import { proposeLots } from '../../../src/services/items/lots.service.js';
import { type PostingInput, postMovements } from '../../../src/services/ledger/index.js';
import { postIssue, postTransfer } from '../../../src/services/ledger/postings.service.js';
import { createReservation } from '../../../src/services/ledger/reservations.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeBin, makeItem, makeKey, makeOwner, makeSite, makeWarehouse, makeZone } from '../../helpers/factories.js';

let t: TestDb;
let site: string;
let owner: string;
let wh: string;
let wh2: string;
let wms: string;
let zone: string;
let bin1: string;
let bin2: string;
const admin: Actor = SYSTEM_ACTOR;

beforeAll(async () => {
  t = await freshDb();
  const db = t.ctx.db;
  site = (await makeSite(db)).id;
  owner = (await makeOwner(db)).id;
  wh = (await makeWarehouse(db, site)).id;
  wh2 = (await makeWarehouse(db, site)).id;
  wms = (await makeWarehouse(db, site, { kind: 'structured' })).id;
  zone = (await makeZone(db, site, wms)).id;
  bin1 = (await makeBin(db, site, wms, zone)).id;
  bin2 = (await makeBin(db, site, wms, zone)).id;
  await makeKey(db, 'REC', 'receipt');
  await makeKey(db, 'ISS', 'issue');
  await makeKey(db, 'TRF', 'transfer');
});
afterAll(async () => {
  await t.close();
});

type Modes = {
  lotManagement?: 'no' | 'yes' | 'auto';
  consumption?: 'fifo' | 'fefo' | 'lefo';
  check?: 'none' | 'warning' | 'blocking';
  lotCheck?: 'none' | 'warning' | 'blocking';
};
async function item(m: Modes = {}): Promise<string> {
  const id = (await makeItem(t.ctx.db, { lotManagement: m.lotManagement ?? 'no' })).id;
  await t.ctx.db
    .updateTable('items')
    .set({
      lotConsumption: m.consumption ?? 'fifo',
      availabilityCheck: m.check ?? 'none',
      lotAvailabilityCheck: m.lotCheck ?? 'none',
    } as never)
    .where('id', '=', id)
    .execute();
  return id;
}
const receive = (p: Partial<PostingInput> & { lines: PostingInput['lines'] }) =>
  t.ctx.db.transaction().execute((trx) =>
    postMovements(trx, t.ctx, admin, {
      siteId: site,
      keyCode: 'REC',
      postingDate: '2026-03-01',
      originType: 'test',
      ...p,
    }),
  );
const line = (itemId: string, quantity: string, extra: object = {}) => ({
  itemId,
  warehouseId: wh,
  ownerId: owner,
  quantity,
  ...extra,
});
const issue = (lines: PostingInput['lines'], postingDate = '2026-03-15') =>
  postIssue(t.ctx, admin, { siteId: site, keyCode: 'ISS', postingDate, lines });
const reserve = (itemId: string, quantity: string, lot?: string) =>
  createReservation(t.ctx, admin, {
    siteId: site,
    itemId,
    warehouseId: wh,
    ownerId: owner,
    quantity,
    ...(lot ? { lot } : {}),
  });
const lots = async (itemId: string) =>
  Object.fromEntries(
    (
      await t.ctx.db
        .selectFrom('stockBalances')
        .select(['lot', 'quantity'])
        .where('itemId', '=', itemId)
        .where('warehouseId', '=', wh)
        .execute()
    ).map((r) => [r.lot, new Dec(r.quantity).toFixed()]),
  );
const propose = (itemId: string, quantity: string, postingDate = '2026-03-15') =>
  t.ctx.db.transaction().execute((trx) => proposeLots(trx, t.ctx, { itemId, warehouseId: wh, quantity, postingDate }));

describe('the expiry rule on both paths: usable only when the expiry is after the posting date', () => {
  it.each(['fefo', 'lefo'] as const)(
    '%s: a lot expiring on the posting date is neither proposed nor consumed; the next day it is',
    async (consumption) => {
      const a = await item({ lotManagement: 'auto', consumption, check: 'warning', lotCheck: 'warning' });
      await receive({
        lines: [
          line(a, '5', { lot: 'TODAY', expiryDate: '2026-03-15' }),
          line(a, '5', { lot: 'NEXT', expiryDate: '2026-03-16' }),
        ],
      });
      const p = await propose(a, '3');
      expect([p.lines.map((l) => l.lot), p.skippedExpired]).toEqual([['NEXT'], ['TODAY']]);
      expect((await issue([line(a, '-3')])).status).toBe('posted');
      expect(await lots(a)).toEqual({ TODAY: '5', NEXT: '2' });
      // Only the expired lot is left for more: the issue is refused, not served from the expired lot.
      await expect(issue([line(a, '-3')])).rejects.toMatchObject({
        code: 'ledger.negative_stock',
        params: expect.objectContaining({ available: '2' }),
      });
      // The day before, the lot expiring on the 15th is usable by both.
      expect((await propose(a, '7', '2026-03-14')).lines.map((l) => l.lot)).toContain('TODAY');
      expect((await issue([line(a, '-7')], '2026-03-14')).status).toBe('posted');
      expect(await lots(a)).toEqual({ TODAY: '0', NEXT: '0' });
    },
  );
});

describe('FIFO means first receipt on both paths', () => {
  it('takes the lot received first, not the lot recorded first', async () => {
    const a = await item({ lotManagement: 'auto', consumption: 'fifo', check: 'warning', lotCheck: 'warning' });
    // Lot LATER is recorded first (as a generated lot code would be) but received after EARLIER.
    await t.ctx.db
      .insertInto('lots')
      .values({ itemId: a, code: 'LATER', expiryDate: null, productionDate: null, createdAt: new Date() })
      .execute();
    await receive({ postingDate: '2026-03-05', lines: [line(a, '5', { lot: 'LATER' })] });
    await receive({ postingDate: '2026-03-02', lines: [line(a, '5', { lot: 'EARLIER' })] });
    expect((await propose(a, '6')).lines.map((l) => [l.lot, l.quantity])).toEqual([
      ['EARLIER', '5'],
      ['LATER', '1'],
    ]);
    await issue([line(a, '-6')]);
    expect(await lots(a)).toEqual({ EARLIER: '0', LATER: '4' });
  });
});

describe('automatic consumption respects reservations', () => {
  it('takes unreserved lots first, as the proposal does', async () => {
    const a = await item({ lotManagement: 'auto', consumption: 'fefo', check: 'blocking', lotCheck: 'blocking' });
    await receive({
      lines: [
        line(a, '5', { lot: 'SOON', expiryDate: '2026-04-01' }),
        line(a, '5', { lot: 'LATE', expiryDate: '2026-06-01' }),
      ],
    });
    await reserve(a, '4', 'SOON');
    expect((await propose(a, '3')).lines.map((l) => [l.lot, l.quantity])).toEqual([
      ['SOON', '1'],
      ['LATE', '2'],
    ]);
    const r = await issue([line(a, '-3')]);
    expect(r.warnings).toEqual([]);
    expect(await lots(a)).toEqual({ SOON: '4', LATE: '3' });
  });

  it('reserved stock taken because nothing else is left: blocking refuses, warning posts and warns', async () => {
    const a = await item({ lotManagement: 'auto', consumption: 'fifo', check: 'warning', lotCheck: 'blocking' });
    await receive({ lines: [line(a, '5', { lot: 'R' })] });
    await reserve(a, '4', 'R');
    await expect(issue([line(a, '-3')])).rejects.toMatchObject({
      code: 'ledger.not_available',
      field: 'lines.0.quantity',
      params: expect.objectContaining({ lot: 'R', available: '1', requested: '3' }),
    });
    await t.ctx.db
      .updateTable('items')
      .set({ lotAvailabilityCheck: 'warning' } as never)
      .where('id', '=', a)
      .execute();
    const r = await issue([line(a, '-3')]);
    expect(r.status).toBe('posted');
    expect(r.warnings.map((w) => [w.params.lot, w.params.available])).toEqual([
      [null, '1'],
      ['R', '1'],
    ]);
  });
});

describe('availability check on issues: available = on hand − reserved', () => {
  it('none: posts without a warning', async () => {
    const a = await item({ check: 'none' });
    await receive({ lines: [line(a, '10')] });
    await reserve(a, '8');
    const r = await issue([line(a, '-5')]);
    expect([r.status, r.warnings]).toEqual(['posted', []]);
  });

  it('warning: posts and the result carries the warning with the figures', async () => {
    const a = await item({ check: 'warning' });
    await receive({ lines: [line(a, '10')] });
    await reserve(a, '8');
    // Within what is available: no warning.
    expect((await issue([line(a, '-1')])).warnings).toEqual([]);
    const r = await issue([line(a, '-5')]);
    expect(r.status).toBe('posted');
    expect(r.warnings).toEqual([
      {
        code: 'ledger.not_available',
        field: 'lines.0.quantity',
        message: expect.stringContaining('5 requested, 1 available'),
        params: expect.objectContaining({
          itemId: a,
          warehouseId: wh,
          lot: null,
          mode: 'warning',
          onHand: '9',
          reserved: '8',
          available: '1',
          requested: '5',
        }),
      },
    ]);
    expect(await lots(a)).toEqual({ '': '4' });
  });

  it('blocking: refused, naming the item and the available quantity; nothing is posted', async () => {
    const a = await item({ check: 'blocking' });
    await receive({ lines: [line(a, '10')] });
    await reserve(a, '8');
    const code = (await t.ctx.db.selectFrom('items').select('code').where('id', '=', a).executeTakeFirstOrThrow()).code;
    const e = await issue([line(a, '-1'), line(a, '-2')]).catch((x: unknown) => x);
    expect(e).toMatchObject({
      code: 'ledger.not_available',
      field: 'lines.0.quantity',
      params: expect.objectContaining({ itemCode: code, available: '2', requested: '3' }),
    });
    expect((e as Error).message).toContain(`item ${code}: 3 requested, 2 available`);
    expect(await lots(a)).toEqual({ '': '10' });
    expect((await issue([line(a, '-2')])).status).toBe('posted');
  });

  it('per lot where the posting names a lot, under the lot availability check', async () => {
    const a = await item({ lotManagement: 'yes', check: 'blocking', lotCheck: 'blocking' });
    await receive({ lines: [line(a, '5', { lot: 'A' }), line(a, '20', { lot: 'B' })] });
    await reserve(a, '4', 'A');
    // The item has 21 available, but lot A only 1.
    await expect(issue([line(a, '-2', { lot: 'A' })])).rejects.toMatchObject({
      code: 'ledger.not_available',
      message: expect.stringContaining('lot A of item'),
      params: expect.objectContaining({ lot: 'A', available: '1' }),
    });
    expect((await issue([line(a, '-1', { lot: 'A' }), line(a, '-10', { lot: 'B' })])).warnings).toEqual([]);
    await t.ctx.db
      .updateTable('items')
      .set({ lotAvailabilityCheck: 'warning' } as never)
      .where('id', '=', a)
      .execute();
    const r = await issue([line(a, '-1', { lot: 'B' }), line(a, '-2', { lot: 'A' })]);
    expect(r.warnings.map((w) => [w.field, w.params.lot, w.params.available, w.params.requested])).toEqual([
      ['lines.1.quantity', 'A', '0', '2'],
    ]);
  });
});

describe('availability check on transfers', () => {
  it('checks what leaves the source warehouse; a move between bins of one warehouse is not held back', async () => {
    const a = await item({ check: 'blocking' });
    await receive({
      lines: [{ itemId: a, warehouseId: wms, zoneId: zone, binId: bin1, ownerId: owner, quantity: '10' }],
    });
    await createReservation(t.ctx, admin, { siteId: site, itemId: a, warehouseId: wms, ownerId: owner, quantity: '9' });
    const move = (quantity: string, to: object) =>
      postTransfer(t.ctx, admin, {
        siteId: site,
        keyCode: 'TRF',
        postingDate: '2026-03-15',
        lines: [
          {
            itemId: a,
            ownerId: owner,
            quantity,
            fromWarehouseId: wms,
            fromZoneId: zone,
            fromBinId: bin1,
            ...to,
          } as never,
        ],
      });
    await expect(move('2', { toWarehouseId: wh2 })).rejects.toMatchObject({
      code: 'ledger.not_available',
      field: 'lines.0.quantity',
      params: expect.objectContaining({ available: '1', warehouseId: wms }),
    });
    expect((await move('5', { toWarehouseId: wms, toZoneId: zone, toBinId: bin2 })).warnings).toEqual([]);
    await t.ctx.db
      .updateTable('items')
      .set({ availabilityCheck: 'warning' } as never)
      .where('id', '=', a)
      .execute();
    const r = await move('2', { toWarehouseId: wh2 });
    expect(r.status).toBe('posted');
    expect(r.warnings.map((w) => [w.field, w.params.available, w.params.requested])).toEqual([
      ['lines.0.quantity', '1', '2'],
    ]);
  });
});
