import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '../../../src/domain/decimal.js';
import { SYSTEM_ACTOR, type Actor } from '../../../src/services/context.js';
import { type PostingInput, postMovements, reprocessPostingErrors } from '../../../src/services/ledger/index.js';
import { postIssue, postReceipt, postTransfer } from '../../../src/services/ledger/postings.service.js';
import { closePeriod, createPeriod } from '../../../src/services/ledger/periods.service.js';
import { listBalances, rebuildBalancesIn } from '../../../src/services/ledger/stock.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeBin, makeItem, makeKey, makeOwner, makeSite, makeWarehouse, makeZone } from '../../helpers/factories.js';

let t: TestDb;
let site: string;
let owner: string;
let wh: string;
let neg: string;
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
  neg = (await makeWarehouse(db, site, { allowNegative: true })).id;
  wms = (await makeWarehouse(db, site, { kind: 'structured' })).id;
  zone = (await makeZone(db, site, wms)).id;
  bin1 = (await makeBin(db, site, wms, zone)).id;
  bin2 = (await makeBin(db, site, wms, zone)).id;
  await makeKey(db, 'REC', 'receipt');
  await makeKey(db, 'ISS', 'issue');
  await makeKey(db, 'TRF', 'transfer');
  await makeKey(db, 'ADJ', 'adjustment');
  await makeKey(db, 'REV', 'revaluation');
});
afterAll(async () => {
  await t.close();
});

const post = (p: Partial<PostingInput> & { lines: PostingInput['lines'] }, options = {}) =>
  t.ctx.db.transaction().execute((trx) =>
    postMovements(
      trx,
      t.ctx,
      admin,
      {
        siteId: site,
        keyCode: 'REC',
        postingDate: '2026-03-10',
        originType: 'test',
        ...p,
      },
      options,
    ),
  );
const line = (itemId: string, quantity: string, extra: object = {}) => ({
  itemId,
  warehouseId: wh,
  ownerId: owner,
  quantity,
  ...extra,
});
const item = async (id: string) =>
  t.ctx.db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const onHand = async (itemId: string, warehouseId = wh) => {
  const rows = await t.ctx.db
    .selectFrom('stockBalances')
    .select('quantity')
    .where('itemId', '=', itemId)
    .where('warehouseId', '=', warehouseId)
    .execute();
  return rows.reduce((s, r) => s.plus(r.quantity), new Dec(0)).toFixed();
};

describe('postMovements: moving average (issue acceptance)', () => {
  it('receipts 10 @ 7.00 then 10 @ 9.00 give 8.00; an issue of 5 keeps 8.00 and is valued at it', async () => {
    const a = (await makeItem(t.ctx.db)).id;
    await post({ lines: [line(a, '10', { unitPrice: '7.00' })] });
    await post({ lines: [line(a, '10', { unitPrice: '9.00' })] });
    expect(new Dec((await item(a)).movingAveragePrice).eq(8)).toBe(true);
    const res = await post({ keyCode: 'ISS', lines: [line(a, '-5')] });
    expect(res.status).toBe('posted');
    const it = await item(a);
    expect(new Dec(it.movingAveragePrice).eq(8)).toBe(true);
    expect(it.hasLedgerEntries).toBe(true);
    const entry = await t.ctx.db
      .selectFrom('stockLedger')
      .selectAll()
      .where('itemId', '=', a)
      .where('keyCode', '=', 'ISS')
      .executeTakeFirstOrThrow();
    expect(new Dec(entry.value).eq(-40)).toBe(true);
    expect(await onHand(a)).toBe('15');
    const vals = await t.ctx.db
      .selectFrom('stockValuations')
      .selectAll()
      .where('itemId', '=', a)
      .orderBy('warehouseId')
      .execute();
    expect(
      vals.map((v) => [v.warehouseId === null, new Dec(v.quantity).toFixed(), new Dec(v.averagePrice).toFixed()]),
    ).toEqual(
      expect.arrayContaining([
        [true, '15', '8'],
        [false, '15', '8'],
      ]),
    );
  });

  it('receipts without a price come in at the moving average', async () => {
    const a = (await makeItem(t.ctx.db)).id;
    await post({ lines: [line(a, '4', { unitPrice: '2.50' })] });
    await post({ lines: [line(a, '6')] });
    expect(new Dec((await item(a)).movingAveragePrice).eq('2.5')).toBe(true);
  });

  it('a value adjustment with quantity 0 revalues the stock on hand', async () => {
    const a = (await makeItem(t.ctx.db)).id;
    await post({ lines: [line(a, '10', { unitPrice: '5' })] });
    await post({ keyCode: 'REV', lines: [line(a, '0', { value: '10' })] });
    expect(new Dec((await item(a)).movingAveragePrice).eq(6)).toBe(true);
  });
});

describe('postMovements: rules', () => {
  it('refuses negative stock naming item, place and the available quantity', async () => {
    const a = (await makeItem(t.ctx.db)).id;
    await post({ lines: [line(a, '3', { unitPrice: '1' })] });
    await expect(post({ keyCode: 'ISS', lines: [line(a, '-4')] })).rejects.toMatchObject({
      code: 'ledger.negative_stock',
      field: 'lines.0.quantity',
      params: expect.objectContaining({ itemId: a, warehouseId: wh, available: '3' }),
    });
    expect(await onHand(a)).toBe('3');
  });

  it('allows negative stock where the warehouse allows it', async () => {
    const a = (await makeItem(t.ctx.db)).id;
    const res = await post({ keyCode: 'ISS', lines: [{ ...line(a, '-2'), warehouseId: neg }] });
    expect(res.status).toBe('posted');
    expect(await onHand(a, neg)).toBe('-2');
  });

  it('keeps serials at 0 or 1', async () => {
    const s = (await makeItem(t.ctx.db, { serialManagement: true })).id;
    await expect(post({ lines: [line(s, '2', { serial: 'SN1', unitPrice: '1' })] })).rejects.toMatchObject({
      code: 'ledger.serial_quantity',
    });
    await post({ lines: [line(s, '1', { serial: 'SN1', unitPrice: '1' })] });
    await expect(post({ lines: [line(s, '1', { serial: 'SN1', unitPrice: '1' })] })).rejects.toMatchObject({
      code: 'ledger.serial_quantity',
    });
    await expect(
      post({
        lines: [
          { ...line(s, '1', { serial: 'SN2', unitPrice: '1' }), warehouseId: neg },
          { ...line(s, '1', { serial: 'SN2', unitPrice: '1' }), warehouseId: neg },
        ],
      }),
    ).rejects.toMatchObject({ code: 'ledger.serial_quantity' });
    await expect(post({ lines: [line(s, '1', { unitPrice: '1' })] })).rejects.toMatchObject({
      code: 'item.serial_required',
    });
  });

  it('requires lots of lot-managed items and records them with their expiry', async () => {
    const l = (await makeItem(t.ctx.db, { lotManagement: 'yes' })).id;
    const plain = (await makeItem(t.ctx.db)).id;
    await expect(post({ lines: [line(l, '1', { unitPrice: '1' })] })).rejects.toMatchObject({
      code: 'item.lot_required',
      field: 'lines.0.lot',
    });
    await expect(post({ lines: [line(plain, '1', { lot: 'L1', unitPrice: '1' })] })).rejects.toMatchObject({
      code: 'item.lot_not_allowed',
    });
    await post({ lines: [line(l, '5', { lot: 'L1', unitPrice: '1', expiryDate: '2027-01-31' })] });
    const lot = await t.ctx.db.selectFrom('lots').selectAll().where('itemId', '=', l).executeTakeFirstOrThrow();
    expect(lot).toMatchObject({ code: 'L1', expiryDate: '2027-01-31' });
  });

  it('requires bins in structured warehouses and refuses them elsewhere', async () => {
    const a = (await makeItem(t.ctx.db)).id;
    await expect(
      post({ lines: [{ ...line(a, '1', { unitPrice: '1' }), warehouseId: wms, zoneId: zone }] }),
    ).rejects.toMatchObject({ code: 'place.bin_required' });
    await expect(post({ lines: [line(a, '1', { binId: bin1, unitPrice: '1' })] })).rejects.toMatchObject({
      code: 'place.bin_not_allowed',
    });
    expect(
      (await post({ lines: [{ ...line(a, '1', { unitPrice: '1' }), warehouseId: wms, zoneId: zone, binId: bin1 }] }))
        .status,
    ).toBe('posted');
  });

  it('refuses a key whose kind does not fit the quantities', async () => {
    const a = (await makeItem(t.ctx.db)).id;
    await expect(post({ keyCode: 'REC', lines: [line(a, '-1')] })).rejects.toMatchObject({
      code: 'ledger.key_kind_mismatch',
    });
    await expect(
      postIssue(t.ctx, admin, { siteId: site, keyCode: 'REC', lines: [line(a, '-1')] }),
    ).rejects.toMatchObject({ code: 'ledger.key_kind_mismatch', field: 'keyCode' });
  });
});

describe('transfers', () => {
  it('moves stock value-neutrally at the moving average, sharing a transfer group', async () => {
    const a = (await makeItem(t.ctx.db)).id;
    await postReceipt(t.ctx, admin, {
      siteId: site,
      keyCode: 'REC',
      lines: [
        { itemId: a, warehouseId: wms, zoneId: zone, binId: bin1, ownerId: owner, quantity: '10', unitPrice: '3' },
      ],
    });
    const res = await postTransfer(t.ctx, admin, {
      siteId: site,
      keyCode: 'TRF',
      lines: [
        {
          itemId: a,
          ownerId: owner,
          quantity: '4',
          fromWarehouseId: wms,
          fromZoneId: zone,
          fromBinId: bin1,
          toWarehouseId: wms,
          toZoneId: zone,
          toBinId: bin2,
        },
      ],
    });
    expect(res.status === 'posted' && res.transferGroup).toBeTruthy();
    const entries = await t.ctx.db
      .selectFrom('stockLedger')
      .selectAll()
      .where('keyCode', '=', 'TRF')
      .where('itemId', '=', a)
      .execute();
    expect(entries).toHaveLength(2);
    expect(new Set(entries.map((e) => e.transferGroup)).size).toBe(1);
    expect(entries.reduce((s, e) => s.plus(e.value), new Dec(0)).isZero()).toBe(true);
    expect(new Dec((await item(a)).movingAveragePrice).eq(3)).toBe(true);
    const b = await listBalances(t.ctx, admin, { itemId: a, limit: 10, offset: 0 });
    expect(b.map((x) => [x.binId, x.quantity])).toEqual(
      expect.arrayContaining([
        [bin1, '6'],
        [bin2, '4'],
      ]),
    );
  });
});

describe('locks and the posting error file', () => {
  it('parks a posting touching locked stock, then re-posts it when the lock is gone', async () => {
    const a = (await makeItem(t.ctx.db)).id;
    await post({ lines: [line(a, '5', { unitPrice: '2' })] });
    await t.ctx.db
      .insertInto('stockLocks')
      .values({ siteId: site, countListId: '77', warehouseId: wh, itemId: a, createdAt: t.clock.now() })
      .execute();
    const res = await post({ keyCode: 'ISS', lines: [line(a, '-1')] });
    expect(res).toMatchObject({ status: 'parked', reason: 'ledger.stock_locked' });
    expect(await onHand(a)).toBe('5');
    const own = await post({ keyCode: 'ISS', lines: [line(a, '-1')] }, { ignoreLocksOfCountList: '77' });
    expect(own.status).toBe('posted');
    const pe = await t.ctx.db
      .selectFrom('postingErrors')
      .selectAll()
      .where('id', '=', (res as { postingErrorId: string }).postingErrorId)
      .executeTakeFirstOrThrow();
    expect(pe).toMatchObject({ status: 'pending', countListId: '77', reasonCode: 'ledger.stock_locked' });
    const still = await t.ctx.db
      .transaction()
      .execute((trx) => reprocessPostingErrors(trx, t.ctx, { countListId: '77' }));
    expect(still.posted).toEqual([]);
    await t.ctx.db.deleteFrom('stockLocks').where('countListId', '=', '77').execute();
    const done = await t.ctx.db
      .transaction()
      .execute((trx) => reprocessPostingErrors(trx, t.ctx, { countListId: '77' }));
    expect(done.posted).toEqual([pe.id]);
    expect(await onHand(a)).toBe('3');
    const after = await t.ctx.db
      .selectFrom('postingErrors')
      .select(['status', 'attempts'])
      .where('id', '=', pe.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'posted', attempts: 2 });
  });
});

describe('rebuild and periods', () => {
  it('rebuilding balances from the ledger gives what postings maintained', async () => {
    const before = await t.ctx.db
      .selectFrom('stockBalances')
      .select(['id', 'quantity', 'everNonzero'])
      .orderBy('id')
      .execute();
    await t.ctx.db.updateTable('stockBalances').set({ quantity: '0' }).where('serial', '=', '').execute();
    const fixed = await t.ctx.db.transaction().execute((trx) => rebuildBalancesIn(trx, t.ctx));
    expect(fixed).toBeGreaterThan(0);
    const after = await t.ctx.db
      .selectFrom('stockBalances')
      .select(['id', 'quantity', 'everNonzero'])
      .orderBy('id')
      .execute();
    const norm = (rows: typeof before) => rows.map((r) => [r.id, new Dec(r.quantity).toFixed(), r.everNonzero]);
    expect(norm(after)).toEqual(norm(before));
    expect(await t.ctx.db.transaction().execute((trx) => rebuildBalancesIn(trx, t.ctx))).toBe(0);
  });

  it('refuses postings into a closed period and closing with pending posting errors', async () => {
    const a = (await makeItem(t.ctx.db)).id;
    const p1 = await createPeriod(t.ctx, admin, {
      fiscalYear: 2026,
      code: 'P2026-01',
      startDate: '2026-01-01',
      endDate: '2026-01-31',
    });
    await createPeriod(t.ctx, admin, {
      fiscalYear: 2026,
      code: 'P2026-02',
      startDate: '2026-02-01',
      endDate: '2026-12-31',
    });
    await expect(post({ postingDate: '2025-12-31', lines: [line(a, '1', { unitPrice: '1' })] })).rejects.toMatchObject({
      code: 'ledger.period_missing',
    });
    await t.ctx.db
      .insertInto('stockLocks')
      .values({ siteId: site, countListId: '88', warehouseId: wh, itemId: a, createdAt: t.clock.now() })
      .execute();
    expect((await post({ lines: [line(a, '1', { unitPrice: '1' })] })).status).toBe('parked');
    await expect(closePeriod(t.ctx, admin, p1.id)).rejects.toMatchObject({
      code: 'ledger.posting_error_file_not_empty',
    });
    await t.ctx.db.updateTable('postingErrors').set({ status: 'discarded' }).where('status', '=', 'pending').execute();
    await t.ctx.db.deleteFrom('stockLocks').where('countListId', '=', '88').execute();
    await post({ postingDate: '2026-01-15', lines: [line(a, '2', { unitPrice: '1' })] });
    const closed = await closePeriod(t.ctx, admin, p1.id);
    expect(closed.status).toBe('closed');
    await expect(post({ postingDate: '2026-01-20', lines: [line(a, '1', { unitPrice: '1' })] })).rejects.toMatchObject({
      code: 'ledger.period_closed',
      field: 'postingDate',
    });
    const snap = await t.ctx.db
      .selectFrom('stockPeriodSnapshots')
      .selectAll()
      .where('periodId', '=', p1.id)
      .where('itemId', '=', a)
      .executeTakeFirstOrThrow();
    expect(new Dec(snap.quantity).eq(2)).toBe(true);
    expect((await post({ postingDate: '2026-03-10', lines: [line(a, '1', { unitPrice: '1' })] })).status).toBe(
      'posted',
    );
  });
});

describe('transfer pairs', () => {
  // Closing a count list posts all its differences in one transfer posting; each difference is its own pair,
  // so the ledger shows one transfer group per difference.
  it('give each pair its own transfer group; every pair nets to zero per item', async () => {
    const a = (await makeItem(t.ctx.db)).id;
    await post({
      lines: [
        { itemId: a, warehouseId: wms, zoneId: zone, binId: bin1, ownerId: owner, quantity: '10', unitPrice: '2' },
      ],
    });
    const at = (binId: string, quantity: string, transferPair: string) => ({
      itemId: a,
      warehouseId: wms,
      zoneId: zone,
      binId,
      ownerId: owner,
      quantity,
      transferPair,
    });
    const res = await post({
      keyCode: 'TRF',
      lines: [at(bin1, '-3', 'x'), at(bin2, '3', 'x'), at(bin1, '-2', 'y'), at(bin2, '2', 'y')],
    });
    expect(res.status).toBe('posted');
    const entries = await t.ctx.db
      .selectFrom('stockLedger')
      .select(['transferGroup', 'quantity'])
      .where('keyCode', '=', 'TRF')
      .where('itemId', '=', a)
      .orderBy('id')
      .execute();
    expect(new Set(entries.map((e) => e.transferGroup)).size).toBe(2);
    expect(entries[0]!.transferGroup).toBe(entries[1]!.transferGroup);
    expect(entries[2]!.transferGroup).toBe(entries[3]!.transferGroup);
    await expect(post({ keyCode: 'TRF', lines: [at(bin1, '-1', 'x'), at(bin2, '1', 'y')] })).rejects.toMatchObject({
      code: 'ledger.key_kind_mismatch',
    });
    await expect(post({ lines: [{ ...line(a, '1', { unitPrice: '1' }), transferPair: 'x' }] })).rejects.toMatchObject({
      code: 'validation.failed',
      field: 'lines.0.transferPair',
    });
  });
});

describe('transfer errors', () => {
  it('name the transfer line and its side', async () => {
    const a = (await makeItem(t.ctx.db)).id;
    await expect(
      postTransfer(t.ctx, admin, {
        siteId: site,
        keyCode: 'TRF',
        lines: [
          { itemId: a, ownerId: owner, quantity: '1', fromWarehouseId: wh, toWarehouseId: neg },
          { itemId: a, ownerId: owner, quantity: '1', fromWarehouseId: neg, toWarehouseId: wms, toZoneId: zone },
        ],
      }),
    ).rejects.toMatchObject({ code: 'place.bin_required', field: 'lines.1.toBinId' });
  });
});

describe('automatic lot consumption', () => {
  it('issues without a lot take the lots in FEFO order, skipping expired ones', async () => {
    const a = (await makeItem(t.ctx.db, { lotManagement: 'auto' })).id;
    await t.ctx.db
      .updateTable('items')
      .set({ lotConsumption: 'fefo' } as never)
      .where('id', '=', a)
      .execute();
    await post({
      lines: [
        line(a, '5', { lot: 'A', expiryDate: '2026-06-01', unitPrice: '1' }),
        line(a, '5', { lot: 'B', expiryDate: '2026-04-01', unitPrice: '1' }),
        line(a, '5', { lot: 'C', expiryDate: '2026-03-01', unitPrice: '1' }),
      ],
    });
    const res = await post({ keyCode: 'ISS', postingDate: '2026-03-10', lines: [line(a, '-7')] });
    expect(res.status === 'posted' && res.entryIds).toHaveLength(2);
    const rows = await t.ctx.db
      .selectFrom('stockBalances')
      .select(['lot', 'quantity'])
      .where('itemId', '=', a)
      .orderBy('lot')
      .execute();
    expect(rows.map((r) => [r.lot, new Dec(r.quantity).toFixed()])).toEqual([
      ['A', '3'],
      ['B', '0'],
      ['C', '5'],
    ]);
    await expect(post({ keyCode: 'ISS', postingDate: '2026-03-10', lines: [line(a, '-4')] })).rejects.toMatchObject({
      code: 'ledger.negative_stock',
      params: expect.objectContaining({ available: '3' }),
    });
  });
});

describe('availability check', () => {
  it('refuses manual issues of reserved stock for items with a blocking check', async () => {
    const a = (await makeItem(t.ctx.db)).id;
    await t.ctx.db
      .updateTable('items')
      .set({ availabilityCheck: 'blocking' } as never)
      .where('id', '=', a)
      .execute();
    await post({ lines: [line(a, '10', { unitPrice: '1' })] });
    const { createReservation } = await import('../../../src/services/ledger/reservations.service.js');
    await createReservation(t.ctx, admin, { siteId: site, itemId: a, warehouseId: wh, ownerId: owner, quantity: '8' });
    await expect(
      postIssue(t.ctx, admin, { siteId: site, keyCode: 'ISS', postingDate: '2026-03-10', lines: [line(a, '-3')] }),
    ).rejects.toMatchObject({
      code: 'ledger.not_available',
      field: 'lines.0.quantity',
      params: expect.objectContaining({ available: '2' }),
    });
    expect(
      (
        await postIssue(t.ctx, admin, {
          siteId: site,
          keyCode: 'ISS',
          postingDate: '2026-03-10',
          lines: [line(a, '-2')],
        })
      ).status,
    ).toBe('posted');
    // The core posting (an inventory difference) is not held back by reservations.
    expect((await post({ keyCode: 'ISS', lines: [line(a, '-3')] })).status).toBe('posted');
  });
});
