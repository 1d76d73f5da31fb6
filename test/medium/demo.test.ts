// The demo generator on a fresh database: sizes as requested, the same seed gives the same data, and the
// stock is what the ledger would have produced (balances = sum of entries, valuations = receipt price).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidGtin } from '../../src/domain/barcode/gtin.js';
import { parseBinCode } from '../../src/domain/place.js';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { type DemoResult, loadDemoData } from '../../src/services/demo/demo.service.js';
import { planDemo } from '../../src/services/demo/demo-plan.js';
import { login } from '../../src/services/user.service.js';
import { freshDb, type TestDb } from '../helpers/db.js';

const INPUT = { items: 200, warehouses: 4, seed: 42, positions: 1_900 };

/** A fingerprint of everything the seed decides, independent of ids and timestamps. */
async function fingerprint(t: TestDb): Promise<Record<string, string>> {
  const q = async (query: ReturnType<typeof sql<{ h: string }>>) => (await query.execute(t.ctx.db)).rows[0]!.h;
  return {
    items: await q(
      sql`select md5(string_agg(code || '|' || description || '|' || lot_management || '|' || serial_management || '|' || moving_average_price, ',' order by code)) as h from items`,
    ),
    codes: await q(
      sql`select md5(string_agg(i.code || '>' || s.code || '@' || s.unit, ',' order by s.code)) as h from item_search_codes s join items i on i.id = s.item_id`,
    ),
    lots: await q(
      sql`select md5(string_agg(i.code || '>' || l.code || '@' || l.expiry_date, ',' order by i.code, l.code)) as h from lots l join items i on i.id = l.item_id`,
    ),
    balances: await q(sql`
      select md5(string_agg(concat_ws('|', i.code, w.code, z.code, b.code, s.lot, s.serial, o.code, s.quantity), ',' order by i.code, w.code, z.code, b.code, s.lot, s.serial, o.code)) as h
      from stock_balances s join items i on i.id = s.item_id join warehouses w on w.id = s.warehouse_id join owners o on o.id = s.owner_id
      left join zones z on z.id = s.zone_id left join bins b on b.id = s.bin_id`),
    ledger: await q(
      sql`select md5(string_agg(concat_ws('|', i.code, l.key_code, l.quantity, l.value, l.posting_date), ',' order by i.code, l.key_code, l.quantity, l.posting_date)) as h from stock_ledger l join items i on i.id = l.item_id`,
    ),
  };
}

describe('inventur demo', () => {
  let a: TestDb;
  let b: TestDb;
  let result: DemoResult;

  beforeAll(async () => {
    [a, b] = await Promise.all([freshDb(), freshDb()]);
    result = await loadDemoData(a.ctx, SYSTEM_ACTOR, INPUT);
    await loadDemoData(b.ctx, SYSTEM_ACTOR, INPUT);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('creates what was asked for', async () => {
    expect(result.counts).toMatchObject({ items: 200, positions: 1_900, warehouses: 5 });
    const n = async (table: string) =>
      Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(a.ctx.db)).rows[0]!.n);
    expect(await n('items')).toBe(200);
    expect(await n('stock_balances')).toBe(1_900);
    expect(result.counts.ledgerEntries).toBe(await n('stock_ledger'));
    expect(result.counts.ledgerEntries).toBeGreaterThan(1_900);
    const kinds = await a.ctx.db
      .selectFrom('warehouses')
      .select(['kind', (e) => e.fn.countAll<string>().as('n')])
      .groupBy('kind')
      .orderBy('kind')
      .execute();
    expect(kinds).toEqual([
      { kind: 'structured', n: '3' },
      { kind: 'unstructured', n: '1' },
      { kind: 'virtual', n: '1' },
    ]);
    const zones = await a.ctx.db
      .selectFrom('zones')
      .select(['organisation', 'structured', 'usage'])
      .where(
        'warehouseId',
        '=',
        (await a.ctx.db.selectFrom('warehouses').select('id').where('code', '=', 'W01').executeTakeFirstOrThrow()).id,
      )
      .orderBy('code')
      .execute();
    expect(zones.filter((z) => z.usage === 'inventory_differences')).toHaveLength(1);
    expect(new Set(zones.filter((z) => z.structured).map((z) => z.organisation))).toEqual(
      new Set(['high_bay', 'block', 'places_only']),
    );
    const types = await a.ctx.db
      .selectFrom('inventoryTypes')
      .select(['code', 'method', 'reportType'])
      .orderBy('code')
      .execute();
    expect(types).toEqual([
      { code: 'CYC', method: 'continuous', reportType: 'cumulative' },
      { code: 'STD', method: 'stock_taking_day', reportType: 'single' },
    ]);
    const keys = await a.ctx.db.selectFrom('transactionKeys').select(['code', 'kind']).orderBy('code').execute();
    expect(keys.map((k) => `${k.code}:${k.kind}`)).toEqual([
      'ADJ:adjustment',
      'ISS:issue',
      'RCP:receipt',
      'TRF:transfer',
      'VAL:revaluation',
    ]);
    const period = await a.ctx.db.selectFrom('accountingPeriods').selectAll().executeTakeFirstOrThrow();
    expect(period).toMatchObject({ fiscalYear: 2026, startDate: '2026-01-01', endDate: '2026-12-31', status: 'open' });
  });

  it('is deterministic: the same seed gives the same data on another database', async () => {
    const [fa, fb] = await Promise.all([fingerprint(a), fingerprint(b)]);
    expect(fb).toEqual(fa);
    // …and a different seed gives different data.
    const c = await freshDb();
    try {
      await loadDemoData(c.ctx, SYSTEM_ACTOR, { ...INPUT, seed: 43 });
      const fc = await fingerprint(c);
      expect(fc.codes).not.toBe(fa.codes);
      expect(fc.balances).not.toBe(fa.balances);
    } finally {
      await c.close();
    }
  }, 60_000);

  it('gives every item a valid, unique EAN-13 and a GTIN-14 for the S10 pack', async () => {
    const codes = await a.ctx.db
      .selectFrom('itemSearchCodes')
      .innerJoin('items', 'items.id', 'itemSearchCodes.itemId')
      .select([
        'items.code as item',
        'items.primaryUnit',
        'itemSearchCodes.code',
        'itemSearchCodes.unit',
        'itemSearchCodes.conversionFactor',
        'itemSearchCodes.isMain',
      ])
      .execute();
    const eans = codes.filter((c) => c.code.length === 13);
    expect(eans).toHaveLength(200);
    for (const c of eans) expect(isValidGtin(c.code), c.code).toBe(true);
    expect(new Set(eans.map((c) => c.code)).size).toBe(200);
    const packs = codes.filter((c) => c.unit === 'S10');
    expect(packs.length).toBe(codes.filter((c) => c.isMain && c.primaryUnit === 'PZ').length);
    for (const p of packs) {
      expect(isValidGtin(p.code) && p.code.length === 14, p.code).toBe(true);
      expect(p.conversionFactor).toBe('10');
    }
    expect(codes.filter((c) => c.isMain).every((c) => c.code === c.item)).toBe(true);
    const terms = await a.ctx.db.selectFrom('itemSearchTerms').select('term').where('term', 'like', 'art-%').execute();
    expect(terms).toHaveLength(200);
  });

  it('keeps balances equal to the sum of the ledger, never negative, serials 0/1, lots known', async () => {
    // Every balance row equals the sum of the entries of exactly its position key (nulls compare equal).
    const perKey = await sql<{ n: string }>`
      select count(*) as n from stock_balances b
      where b.quantity <> (select coalesce(sum(l.quantity), -1) from stock_ledger l where l.item_id = b.item_id and l.warehouse_id = b.warehouse_id
        and l.zone_id is not distinct from b.zone_id and l.bin_id is not distinct from b.bin_id and l.lot = b.lot and l.serial = b.serial and l.owner_id = b.owner_id)`.execute(
      a.ctx.db,
    );
    expect(perKey.rows[0]!.n).toBe('0');
    const bad = await sql<{
      negative: string;
      serial: string;
      lotless: string;
      unknownLot: string;
      nonLot: string;
      zero: string;
      virtual: string;
    }>`
      select count(*) filter (where b.quantity < 0) as negative,
        count(*) filter (where i.serial_management and (b.quantity not in (0, 1) or b.serial = '')) as serial,
        count(*) filter (where i.lot_management <> 'no' and b.lot = '') as lotless,
        count(*) filter (where i.lot_management <> 'no' and not exists (select 1 from lots x where x.item_id = b.item_id and x.code = b.lot)) as "unknownLot",
        count(*) filter (where i.lot_management = 'no' and b.lot <> '') as "nonLot",
        count(*) filter (where b.quantity = 0) as zero,
        count(*) filter (where w.kind = 'virtual' or (w.kind = 'structured' and (b.bin_id is null) <> (not z.structured))) as virtual
      from stock_balances b join items i on i.id = b.item_id join warehouses w on w.id = b.warehouse_id left join zones z on z.id = b.zone_id`.execute(
      a.ctx.db,
    );
    expect(bad.rows[0]).toMatchObject({
      negative: '0',
      serial: '0',
      lotless: '0',
      unknownLot: '0',
      nonLot: '0',
      virtual: '0',
    });
    expect(Number(bad.rows[0]!.zero)).toBeGreaterThan(0);
    const lotItems = await sql<{
      n: string;
    }>`select count(*) as n from items i where i.lot_management <> 'no' and not exists (select 1 from lots l where l.item_id = i.id)`.execute(
      a.ctx.db,
    );
    expect(lotItems.rows[0]!.n).toBe('0');
    expect(
      Number(
        (await sql<{ n: string }>`select count(*) as n from items where serial_management`.execute(a.ctx.db)).rows[0]!
          .n,
      ),
    ).toBeGreaterThan(0);
  });

  it('values stock at the receipt price, per item and per item × warehouse', async () => {
    const bad = await sql<{ n: string }>`
      select count(*) as n from stock_valuations v join items i on i.id = v.item_id
      where v.average_price <> i.moving_average_price or not i.has_ledger_entries
        or v.quantity <> (select sum(quantity) from stock_balances b where b.item_id = v.item_id and (v.warehouse_id is null or b.warehouse_id = v.warehouse_id))`.execute(
      a.ctx.db,
    );
    expect(bad.rows[0]!.n).toBe('0');
    const receiptPrice = await sql<{ n: string }>`
      select count(*) as n from stock_ledger l join items i on i.id = l.item_id
      where l.unit_price <> i.moving_average_price or l.value <> l.quantity * l.unit_price or l.value <> round(l.value, 2) or l.posting_date not between '2026-01-01' and '2026-03-15'`.execute(
      a.ctx.db,
    );
    expect(receiptPrice.rows[0]!.n).toBe('0');
    const perItem = await sql<{
      n: string;
    }>`select count(*) as n from stock_valuations where warehouse_id is null`.execute(a.ctx.db);
    expect(perItem.rows[0]!.n).toBe('200');
  });

  it('writes only references that exist (the load skips the foreign-key triggers)', async () => {
    const dangling = await sql<{ n: string }>`
      select (select count(*) from stock_ledger l where not exists (select 1 from items i where i.id = l.item_id)
          or not exists (select 1 from warehouses w where w.id = l.warehouse_id and w.site_id = l.site_id)
          or (l.zone_id is not null and not exists (select 1 from zones z where z.id = l.zone_id and z.warehouse_id = l.warehouse_id))
          or (l.bin_id is not null and not exists (select 1 from bins b where b.id = l.bin_id and b.zone_id = l.zone_id))
          or not exists (select 1 from owners o where o.id = l.owner_id) or not exists (select 1 from users u where u.id = l.user_id)
          or not exists (select 1 from transaction_keys k where k.code = l.key_code))
        + (select count(*) from stock_balances b where not exists (select 1 from items i where i.id = b.item_id)
          or (b.bin_id is not null and not exists (select 1 from bins x where x.id = b.bin_id and x.zone_id = b.zone_id and x.warehouse_id = b.warehouse_id))
          or (b.zone_id is not null and not exists (select 1 from zones z where z.id = b.zone_id and z.warehouse_id = b.warehouse_id)))
        + (select count(*) from item_search_codes s where not exists (select 1 from items i where i.id = s.item_id) or not exists (select 1 from units u where u.code = s.unit))
        + (select count(*) from item_search_terms t where not exists (select 1 from items i where i.id = t.item_id))
        + (select count(*) from lots l where not exists (select 1 from items i where i.id = l.item_id))
        + (select count(*) from stock_valuations v where not exists (select 1 from items i where i.id = v.item_id)) as n`.execute(
      a.ctx.db,
    );
    expect(dangling.rows[0]!.n).toBe('0');
  });

  it('builds the ledger and balance indexes again after the bulk load', async () => {
    const { rows } = await a.handle.pool.query(
      "select indexname from pg_indexes where schemaname = current_schema() and tablename in ('stock_ledger', 'stock_balances') order by indexname",
    );
    expect(rows.map((r: { indexname: string }) => r.indexname)).toEqual([
      'stock_balances_bin_idx',
      'stock_balances_pkey',
      'stock_balances_place_idx',
      'stock_balances_position_key',
      'stock_balances_site_idx',
      'stock_ledger_item_idx',
      'stock_ledger_origin_idx',
      'stock_ledger_pkey',
      'stock_ledger_place_idx',
      'stock_ledger_site_date_idx',
      'stock_ledger_transfer_group_idx',
    ]);
  });

  it('writes bin codes that parse back to their elements', async () => {
    const bins = await a.ctx.db
      .selectFrom('bins')
      .innerJoin('zones', 'zones.id', 'bins.zoneId')
      .select(['bins.code', 'bins.aisle', 'bins.rowNo', 'bins.levelNo', 'bins.place', 'zones.organisation'])
      .execute();
    expect(bins.length).toBeGreaterThan(700);
    for (const bin of bins) {
      expect(parseBinCode(bin.organisation, bin.code)).toEqual({
        aisle: bin.aisle,
        row: bin.rowNo,
        level: bin.levelNo,
        place: bin.place,
      });
    }
    expect(bins.some((x) => /^[0-9]{2}-[0-9]{2}-[0-9]-[0-9]{3}$/.test(x.code))).toBe(true);
  });

  it('prints users who can sign in', async () => {
    const manager = result.users.find((u) => u.role === 'manager')!;
    const counter = result.users.find((u) => u.role === 'counter')!;
    expect((await login(a.ctx, manager.username, manager.password)).user.role).toBe('manager');
    expect((await login(a.ctx, counter.username, counter.password)).user.siteId).toBe(result.siteId);
  });

  it('refuses a database that already has data', async () => {
    await expect(loadDemoData(a.ctx, SYSTEM_ACTOR, INPUT)).rejects.toMatchObject({ code: 'demo.database_not_empty' });
  });

  it('refuses sizes it cannot honour, naming the field', () => {
    expect(() => planDemo({ items: 0 })).toThrow(expect.objectContaining({ field: 'items' }));
    expect(() => planDemo({ items: 1, positions: 10_000 })).toThrow(expect.objectContaining({ field: 'positions' }));
    expect(() => planDemo({ items: 10, warehouses: 1 })).toThrow(expect.objectContaining({ field: 'warehouses' }));
    expect(() => planDemo({ items: 10, seed: -1 })).toThrow(expect.objectContaining({ field: 'seed' }));
  });

  it('refuses a caller who is not an admin', async () => {
    await expect(loadDemoData(b.ctx, { ...SYSTEM_ACTOR, role: 'manager' }, INPUT)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });
});
