// The scan use case on a real database: item resolution from every GTIN form, unit conversion, lots from
// GS1 AIs, places, barcode errors, site rules — and that every query of a scan is an index look-up.
import { CamelCasePlugin, CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import { createBarcodeRule } from '../../../src/services/barcode/barcode-rules.service.js';
import { recordScan, type ScanInput } from '../../../src/services/counting/scan.service.js';
import { gtinForms } from '../../../src/services/counting/item-resolution.js';
import type { Database } from '../../../src/storage/schema.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import {
  addSearchCode,
  makeCountingWorld,
  makeLine,
  makeList,
  makeOpenInventory,
  makeStructuredList,
  type Inv,
  type List,
  type World,
} from './fixtures.js';

let t: TestDb;
let w: World;
let inv: Inv;
let list: List;
let counter: Actor;
let manager: Actor;
let n = 0;

const GS = '\u001d';

async function actor(role: Actor['role']): Promise<Actor> {
  const username = `${role}-${++n}`;
  const u = await t.ctx.db
    .insertInto('users')
    .values({ username, passwordHash: 'x', role, createdAt: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { userId: u.id, username, role, siteId: null };
}

const scan = (input: Partial<ScanInput>, who: Actor = counter) =>
  recordScan(t.ctx, who, { listId: list.id, clientReportId: `r${++n}`, ...input });

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { code: string; field?: string; params?: Record<string, unknown> };
  }
  throw new Error('expected an error');
}

beforeAll(async () => {
  t = await freshDb();
  w = await makeCountingWorld(t.ctx.db);
  counter = await actor('counter');
  manager = await actor('manager');
  inv = await makeOpenInventory(t.ctx.db, w);
  ({ list } = await makeStructuredList(t.ctx.db, w, inv, counter.userId));
});
afterAll(async () => {
  await t.close();
});

describe('gtinForms', () => {
  it.each([
    ['04006381333931', ['4006381333931', '04006381333931']],
    ['00036000291452', ['0036000291452', '00036000291452', '036000291452']],
    ['00000096385074', ['0000096385074', '00000096385074', '000096385074', '96385074']],
    ['14006381333938', ['14006381333938']],
  ])('%s is looked up as %j', (gtin, forms) => {
    expect(gtinForms(gtin)).toEqual(forms);
  });
});

describe('recordScan', () => {
  it('counts cartons of an EAN-13 in pieces, the bin found by its barcode', async () => {
    const r = await scan({ bin: 'BIN0101', barcode: '4006381333931', quantity: '2' });
    expect(r.status).toBe('recorded');
    if (r.status !== 'recorded') return;
    expect(r.item).toMatchObject({
      itemId: w.screws.id,
      enteredQuantity: '2',
      enteredUnit: 'CT',
      quantity: '24',
      binCode: '01-01',
      scannedCode: '4006381333931',
    });
    expect(r.report).toMatchObject({
      quantity: '24',
      enteredQuantity: '2',
      enteredUnit: 'CT',
      resultingQuantity: '24',
    });
    expect(r.line).not.toHaveProperty('targetQuantity');
  });

  it('accepts the primary and the secondary unit, refuses any other naming unit', async () => {
    const r = await scan({ bin: '01-01', barcode: '4006381333931', quantity: '0.5', unit: 'KG', mode: 'replace' });
    expect(r.status === 'recorded' && r.item.quantity).toBe('50');
    const p = await scan({ bin: '01-01', itemCode: w.screws.code, quantity: '7', mode: 'replace' });
    expect(p.status === 'recorded' && p.report.resultingQuantity).toBe('7');
    expect(await errorOf(scan({ bin: '01-01', barcode: '4006381333931', quantity: '1', unit: 'KG2' }))).toMatchObject({
      code: 'unit.not_convertible',
      field: 'unit',
    });
  });

  it('finds search codes stored as EAN-8 and UPC-A from a GS1 GTIN-14, and drops a GS1 lot of an item without lots', async () => {
    const a = await scan({ bin: '01-02', barcode: `]C10100000096385074${GS}10LOTX`, quantity: '3' });
    expect(a.status === 'recorded' && a.item).toMatchObject({ itemId: w.nuts.id, scannedCode: '96385074', lot: '' });
    expect(a.status === 'recorded' && a.added).toBe(true);
    const b = await scan({ bin: '01-02', barcode: '036000291452', quantity: '1', mode: 'add' });
    expect(b.status === 'recorded' && b.report.resultingQuantity).toBe('4');
    // Typed by hand as GTIN-14: found in its stored EAN-8 form.
    const c = await scan({ bin: '01-02', itemCode: '00000096385074', quantity: '1', mode: 'add' });
    expect(c.status === 'recorded' && c.report.resultingQuantity).toBe('5');
  });

  it('takes lot, expiry and count from GS1 AIs, and requires a lot for lot-managed items', async () => {
    const r = await scan({ bin: 'BIN0102', barcode: `]C10109506000134352172612311012AB${GS}3710` });
    expect(r.status === 'recorded' && r.item).toMatchObject({
      itemId: w.glue.id,
      lot: '12AB',
      expiry: '2026-12-31',
      quantity: '10',
      enteredQuantity: '10',
    });
    expect(await errorOf(scan({ bin: 'BIN0102', barcode: ']C10109506000134352', quantity: '1' }))).toMatchObject({
      code: 'item.lot_required',
      field: 'lot',
    });
  });

  it('keeps the expiry and production date of a GS1-labelled lot it did not know, without overwriting known dates', async () => {
    await scan({ bin: 'BIN0102', barcode: `]C101095060001343521126011017270228${GS}10NEWLOT${GS}372`, mode: 'add' });
    const lot = await t.ctx.db
      .selectFrom('lots')
      .select(['expiryDate', 'productionDate'])
      .where('itemId', '=', w.glue.id)
      .where('code', '=', 'NEWLOT')
      .executeTakeFirstOrThrow();
    expect(lot).toEqual({ expiryDate: '2027-02-28', productionDate: '2026-01-10' });
    await scan({ bin: 'BIN0102', barcode: `]C10109506000134352172812311010NEWLOT${GS}371`, mode: 'add' });
    const again = await t.ctx.db
      .selectFrom('lots')
      .select(['expiryDate'])
      .where('itemId', '=', w.glue.id)
      .where('code', '=', 'NEWLOT')
      .executeTakeFirstOrThrow();
    expect(again.expiryDate).toBe('2027-02-28');
  });

  it('requires a bin in a structured warehouse, and finds none that does not exist', async () => {
    expect(await errorOf(scan({ barcode: '4006381333931', quantity: '1' }))).toMatchObject({
      code: 'count.bin_required',
      field: 'bin',
    });
    expect(await errorOf(scan({ bin: '99-99', barcode: '4006381333931', quantity: '1' }))).toMatchObject({
      code: 'not_found',
      field: 'bin',
    });
  });

  it('counts without a bin in an unstructured warehouse', async () => {
    const other = await makeList(t.ctx.db, inv, { responsibleUserId: counter.userId, warehouseId: w.unstructured.id });
    await makeLine(t.ctx.db, other, inv, { itemId: w.nuts.id, warehouseId: w.unstructured.id });
    const r = await recordScan(t.ctx, counter, {
      listId: other.id,
      clientReportId: 'unstructured-1',
      barcode: '96385074',
      quantity: '5',
    });
    expect(r.status === 'recorded' && r.item).toMatchObject({ binId: null, quantity: '5' });
  });

  it('refuses a barcode that does not decode with the tokenizer code, recording nothing', async () => {
    const before = await t.ctx.db
      .selectFrom('countReports')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const e = await errorOf(scan({ bin: '01-01', barcode: ']E04006381333932', quantity: '1' }));
    expect(e).toMatchObject({
      code: 'barcode.invalid',
      field: 'barcode',
      params: { barcodeError: 'barcode.bad_check_digit', position: 15 },
    });
    // Without symbology identifier, 13 digits with a wrong check digit are still a misread EAN-13 …
    expect(await errorOf(scan({ bin: '01-01', barcode: '4006381333932', quantity: '1' }))).toMatchObject({
      params: { barcodeError: 'barcode.bad_check_digit' },
    });
    const after = await t.ctx.db
      .selectFrom('countReports')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    // … unless exactly that is a search code (in-house numeric codes carry no GTIN check digit).
    await addSearchCode(t.ctx.db, w.nuts.id, '12345678', 'PZ');
    const inHouse = await scan({ bin: '01-02', barcode: '12345678', quantity: '1', mode: 'add' });
    expect(inHouse.status === 'recorded' && inHouse.item.itemId).toBe(w.nuts.id);
  });

  it('decodes in-house labels with the site rules, and still knows plain item codes', async () => {
    await createBarcodeRule(t.ctx, manager, {
      siteId: w.site.id,
      name: 'in-house',
      rule: { kind: 'separator', prefix: 'INV:', separator: '|', fields: ['itemCode', 'lot', 'quantity'] },
    });
    const r = await scan({ bin: '01-02', barcode: 'INV:9506000134352|L7|3' });
    expect(r.status === 'recorded' && r.item).toMatchObject({ itemId: w.glue.id, lot: 'L7', quantity: '3' });
    const plain = await scan({ bin: '01-01', barcode: w.screws.code, quantity: '1', mode: 'add' });
    expect(plain.status === 'recorded' && plain.item.itemId).toBe(w.screws.id);
    expect(await errorOf(scan({ bin: '01-01', barcode: 'NOT-A-CODE', quantity: '1' }))).toMatchObject({
      code: 'barcode.invalid',
      params: { barcodeError: 'barcode.no_rule_matched' },
    });
  });

  it('asks add or replace on a repeat, and refuses another employee', async () => {
    const again = await scan({ bin: '01-01', barcode: '4006381333931', quantity: '1' });
    expect(again).toMatchObject({
      status: 'decision_needed',
      suggestedMode: 'replace',
      item: { itemId: w.screws.id, quantity: '12' },
    });
    const other = await actor('counter');
    expect(await errorOf(scan({ bin: '01-01', barcode: '4006381333931', quantity: '1' }, other))).toMatchObject({
      code: 'not_found',
    });
  });

  it('requires a serial for serial-managed items, naming the field, and counts a serial as 0 or 1', async () => {
    expect(await errorOf(scan({ bin: '01-01', itemCode: w.meter.code, quantity: '1' }))).toMatchObject({
      code: 'item.serial_required',
      field: 'serial',
    });
    const r = await scan({ bin: '01-01', itemCode: w.meter.code, serial: 'SN-0001', quantity: '1' });
    expect(r.status === 'recorded' && r.item).toMatchObject({ itemId: w.meter.id, serial: 'SN-0001', quantity: '1' });
    expect(r.status === 'recorded' && r.added).toBe(true);
    expect(
      await errorOf(scan({ bin: '01-01', itemCode: w.meter.code, serial: 'SN-0002', quantity: '2' })),
    ).toMatchObject({ field: 'quantity' });
  });

  it('suggests add on a repeat when the inventory reports cumulatively', async () => {
    const cumulative = await makeOpenInventory(t.ctx.db, w, { reportType: 'cumulative' });
    const { list: cl } = await makeStructuredList(t.ctx.db, w, cumulative, counter.userId);
    const first = await recordScan(t.ctx, counter, {
      listId: cl.id,
      clientReportId: 'cum-1',
      bin: '01-01',
      barcode: '4006381333931',
      quantity: '1',
    });
    expect(first.status).toBe('recorded');
    const again = await recordScan(t.ctx, counter, {
      listId: cl.id,
      clientReportId: 'cum-2',
      bin: '01-01',
      barcode: '4006381333931',
      quantity: '1',
    });
    expect(again).toMatchObject({ status: 'decision_needed', suggestedMode: 'add', item: { quantity: '12' } });
    const added = await recordScan(t.ctx, counter, {
      listId: cl.id,
      clientReportId: 'cum-2',
      bin: '01-01',
      barcode: '4006381333931',
      quantity: '1',
      mode: 'add',
    });
    expect(added.status === 'recorded' && added.report.resultingQuantity).toBe('24');
  });

  it('uses an index for every query of a scan', async () => {
    const queries: Array<{ sql: string; parameters: readonly unknown[] }> = [];
    const logged = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: t.handle.pool }),
      plugins: [new CamelCasePlugin()],
      log: (event) => {
        if (event.level === 'query') queries.push({ sql: event.query.sql, parameters: event.query.parameters });
      },
    });
    await recordScan({ ...t.ctx, db: logged }, counter, {
      listId: list.id,
      clientReportId: 'explain-1',
      bin: 'BIN0102',
      barcode: `]C10109506000134352172612311012AB${GS}3710`,
      mode: 'add',
    });
    const reads = queries.filter((q) => /^\s*select/i.test(q.sql));
    expect(reads.length).toBeGreaterThan(3);
    const seqScans: string[] = [];
    await t.ctx.db.transaction().execute(async (trx) => {
      // Tiny test tables would be scanned sequentially anyway; forbid that to see whether an index serves.
      await sql`set local enable_seqscan = off`.execute(trx);
      for (const q of reads) {
        const plan = (await trx.executeQuery(
          CompiledQuery.raw(`explain ${q.sql.replace(/\s+for update\s*$/i, '')}`, [...q.parameters]),
        )) as { rows: Array<{ 'QUERY PLAN': string }> };
        const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
        if (
          /Seq Scan on (items|item_search_codes|bins|count_list_items|count_lists|count_reports|barcode_rules|inventories)\b/.test(
            text,
          )
        )
          seqScans.push(`${q.sql}\n${text}`);
      }
    });
    if (process.env.SHOW_PLANS) console.log(reads.length, seqScans);
    expect(seqScans).toEqual([]);
  });
});
