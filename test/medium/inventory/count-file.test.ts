// Count files: export → fill in → import through the reporting path, by codes; all or nothing,
// partial, dry run, the rejected-row report, found items, units, the blind rule and closed lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import {
  countSheet,
  countSheetCsv,
  countSheetXlsx,
  importCountFile,
} from '../../../src/services/inventory/count-file.service.js';
import { parseCsv, parseXlsx, writeXlsx } from '../../../src/services/items/import-files.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeUnit } from '../../helpers/factories.js';
import {
  type Base,
  type Inv,
  type InventoryOptions,
  type Places,
  makeActor,
  makeBase,
  makeCountItem,
  makeCountList,
  makeInventory,
  makeItem,
  makePlaces,
} from '../../helpers/inventory-factories.js';

let t: TestDb;
let base: Base;
let places: Places;
let manager: Actor;
let counter: Actor;
const db = () => t.ctx.db;

beforeAll(async () => {
  t = await freshDb();
  base = await makeBase(t.ctx.db);
  places = await makePlaces(t.ctx.db, base);
  await makeUnit(t.ctx.db, 'CT', 0);
  manager = await makeActor(t.ctx.db, 'manager');
  counter = await makeActor(t.ctx.db, 'counter');
});
afterAll(async () => {
  await t.close();
});

let seq = 0;
/** An open inventory with an article list (plain warehouse: A 10 PZ, B lot L1 2.5 KG, C serial S1) and a bin list (bin p1: A 5; bin p2 empty). */
async function setup(o: Partial<InventoryOptions> = {}) {
  const n = ++seq;
  const a = await makeItem(db(), { code: `A${n}`, description: `Bolt, M${n}`, primaryUnit: 'PZ' });
  await db()
    .insertInto('itemSearchCodes')
    .values({
      itemId: a.id,
      code: `400000000${n}`,
      unit: 'CT',
      conversionOp: 'x',
      conversionFactor: '12',
      isMain: false,
    })
    .execute();
  const b = await makeItem(db(), { code: `B${n}`, primaryUnit: 'KG', lotManagement: 'yes' });
  const c = await makeItem(db(), { code: `C${n}`, primaryUnit: 'PZ', serialManagement: true });
  const d = await makeItem(db(), { code: `D${n}`, primaryUnit: 'PZ' });
  const inv = await makeInventory(db(), base, { status: 'open', ...o });
  const list = await makeCountList(db(), inv, {
    status: 'open',
    responsibleUserId: counter.userId,
    warehouseId: places.plain.id,
  });
  await makeCountItem(db(), list, inv, { itemId: a.id, warehouseId: places.plain.id, target: '10' });
  await makeCountItem(db(), list, inv, { itemId: b.id, warehouseId: places.plain.id, lot: 'L1', target: '2.5' });
  await makeCountItem(db(), list, inv, { itemId: c.id, warehouseId: places.plain.id, serial: 'S1', target: '1' });
  const binList = await makeCountList(db(), inv, { status: 'open', countType: 'bin', warehouseId: places.wms.id });
  await makeCountItem(db(), binList, inv, {
    itemId: a.id,
    warehouseId: places.wms.id,
    zoneId: places.zone.id,
    binId: places.p1.id,
    target: '5',
  });
  await makeCountItem(db(), binList, inv, {
    itemId: null,
    warehouseId: places.wms.id,
    zoneId: places.zone.id,
    binId: places.p2.id,
  });
  return { inv, list, binList, a, b, c, d };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** Fills the counted column of an exported CSV: `counts` by item code (or `bin:<code>` for an empty bin). */
function fill(csv: string, counts: Record<string, string>): string {
  const parsed = parseCsv(csv);
  const lines = [parsed.header.join(',')];
  for (const r of parsed.rows) {
    const key = r.values.item || `bin:${r.values.bin}`;
    const v: Record<string, string | undefined> = { ...r.values, counted: counts[key] ?? r.values.counted };
    lines.push(
      parsed.header.map((h) => (/[,"]/.test(v[h] ?? '') ? `"${v[h]!.replace(/"/g, '""')}"` : (v[h] ?? ''))).join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

const lines = (listId: string) =>
  db()
    .selectFrom('countListItems')
    .select(['itemId', 'lot', 'serial', 'binId', 'status', 'reportedQuantity', 'addedByCount'])
    .where('countListId', '=', listId)
    .orderBy('lineNo')
    .execute();
const reports = (listId: string) =>
  db().selectFrom('countReports').selectAll().where('countListId', '=', listId).orderBy('id').execute();

describe('count file export', () => {
  it('a manager exports the sheet of a list by codes with the targets, open lines without a counted quantity', async () => {
    const s = await setup();
    const sheet = await countSheet(t.ctx, manager, { countListId: s.list.id });
    expect(sheet.baseName).toBe(`counts-${s.inv.number}-${s.list.number}`);
    expect(sheet.header).toEqual([
      'list',
      'warehouse',
      'zone',
      'bin',
      'item',
      'description',
      'lot',
      'serial',
      'unit',
      'counted',
      'target',
    ]);
    expect(sheet.rows).toEqual([
      [s.list.number, places.plain.code, '', '', s.a.code, s.a.description, '', '', 'PZ', '', '10'],
      [s.list.number, places.plain.code, '', '', s.b.code, s.b.description, 'L1', '', 'KG', '', '2.5'],
      [s.list.number, places.plain.code, '', '', s.c.code, s.c.description, '', 'S1', 'PZ', '', '1'],
    ]);
    // A description with a comma is quoted.
    expect(countSheetCsv(sheet).split('\r\n')[1]).toContain(`"${s.a.description}"`);
  });

  it('a counter exporting a blind inventory gets no target column and no target values', async () => {
    const s = await setup({ showSystemQuantities: false });
    const sheet = await countSheet(t.ctx, counter, { inventoryId: s.inv.id });
    expect(sheet.header).not.toContain('target');
    // Only the counter's own list; every row as wide as the header.
    expect(new Set(sheet.rows.map((r) => r[0]))).toEqual(new Set([s.list.number]));
    for (const r of sheet.rows) expect(r).toHaveLength(sheet.header.length);
    const csv = countSheetCsv(sheet);
    expect(csv.split('\r\n')[0]).toBe('list,warehouse,zone,bin,item,description,lot,serial,unit,counted');
    expect(csv).not.toMatch(/,10\r\n|,2\.5\r\n/);
    const xlsx = await parseXlsx(await streamBytes(await countSheetXlsx(sheet)));
    expect(xlsx.header).not.toContain('target');
    // The same counter sees targets where the inventory shows system quantities.
    const shown = await setup({ showSystemQuantities: true });
    const open = await countSheet(t.ctx, counter, { countListId: shown.list.id });
    expect(open.header).toContain('target');
    expect(open.rows[0]!.at(-1)).toBe('10');
    expect((await countSheet(t.ctx, manager, { countListId: shown.list.id }, { targets: false })).header).not.toContain(
      'target',
    );
  });

  it("a counter cannot export another employee's list", async () => {
    const s = await setup();
    // Not theirs: the list answers as one that does not exist.
    await expect(countSheet(t.ctx, counter, { countListId: s.binList.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await countSheet(t.ctx, counter, { inventoryId: s.inv.id })).rows.map((r) => r[0])).not.toContain(
      s.binList.number,
    );
    // An assigned counter of the list counts it, so exports and imports it.
    await db()
      .insertInto('countListCounters')
      .values({ countListId: s.binList.id, userId: counter.userId, siteId: base.site.id, createdAt: new Date() })
      .execute();
    expect((await countSheet(t.ctx, counter, { countListId: s.binList.id })).rows).toHaveLength(2);
    expect((await countSheet(t.ctx, counter, { inventoryId: s.inv.id })).rows.map((r) => r[0])).toContain(
      s.binList.number,
    );
    const r = await importCountFile(
      t.ctx,
      counter,
      { countListId: s.binList.id },
      `bin,item,counted\n${places.p1.code},${s.a.code},5\n`,
    );
    expect(r).toMatchObject({ status: 'imported', reported: 1 });
  });
});

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}

describe('count file import', () => {
  it('CSV roundtrip: the exported sheet filled in is reported line by line, as the importing user with the file as device', async () => {
    const s = await setup();
    const csv = countSheetCsv(await countSheet(t.ctx, counter, { countListId: s.list.id }));
    const filled = fill(csv, { [s.a.code]: '9', [s.b.code]: '2,75' });
    const r = await importCountFile(t.ctx, counter, { countListId: s.list.id }, filled, {
      fileName: 'C:\\counts\\list.csv',
    });
    expect(r).toMatchObject({
      status: 'imported',
      applied: true,
      total: 3,
      reported: 2,
      added: 0,
      skipped: 1,
      rejected: [],
      device: 'import:list.csv',
    });
    expect((await lines(s.list.id)).map((l) => [l.status, l.reportedQuantity])).toEqual([
      ['reported', '9'],
      ['reported', '2.75'],
      ['open', null],
    ]);
    const rs = await reports(s.list.id);
    expect(rs.map((x) => [x.userId, x.device, x.mode, x.enteredUnit])).toEqual([
      [counter.userId, 'import:list.csv', 'replace', 'PZ'],
      [counter.userId, 'import:list.csv', 'replace', 'KG'],
    ]);
    expect(
      (await db().selectFrom('countLists').select('status').where('id', '=', s.list.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('partially_reported');
  });

  it('XLSX roundtrip over a whole inventory: each row reported on its list, the empty bin confirmed', async () => {
    const s = await setup({ showSystemQuantities: true });
    const sheet = await countSheet(t.ctx, manager, { inventoryId: s.inv.id });
    expect(sheet.rows).toHaveLength(5);
    const back = await parseXlsx(await streamBytes(await countSheetXlsx(sheet)));
    expect(back.header).toEqual(sheet.header);
    const counted: Record<string, string> = { [s.b.code]: '3.125', [s.c.code]: '1' };
    const rows = back.rows.map((r) =>
      sheet.header.map((h) =>
        h === 'counted'
          ? r.values.list === s.binList.number
            ? r.values.item
              ? '4'
              : '0'
            : (counted[r.values.item!] ?? '')
          : (r.values[h] ?? ''),
      ),
    );
    const bytes = await streamBytes(await writeXlsx('counts', sheet.header, rows, new Set(['counted', 'target'])));
    const r = await importCountFile(t.ctx, manager, { inventoryId: s.inv.id }, bytes, { fileName: 'inv.xlsx' });
    expect(r).toMatchObject({ status: 'imported', reported: 4, skipped: 1, rejected: [] });
    expect((await lines(s.list.id)).map((l) => l.reportedQuantity)).toEqual([null, '3.125', '1']);
    expect((await lines(s.binList.id)).map((l) => [l.itemId, l.reportedQuantity])).toEqual([
      [s.a.id, '4'],
      [null, '0'],
    ]);
    expect(
      (await reports(s.binList.id)).every((x) => x.userId === manager.userId && x.device === 'import:inv.xlsx'),
    ).toBe(true);
  });

  it('re-importing a filled-in template neither adds confirmed quantities again nor trips over a closed list', async () => {
    const s = await setup({ reportType: 'cumulative' });
    await importCountFile(t.ctx, manager, { countListId: s.list.id }, `item,counted\n${s.a.code},9\n`);
    await importCountFile(
      t.ctx,
      manager,
      { countListId: s.binList.id },
      `bin,item,counted\n${places.p1.code},${s.a.code},4\n${places.p2.code},,0\n`,
    );
    await db().updateTable('countLists').set({ status: 'closed' }).where('id', '=', s.binList.id).execute();
    await db()
      .updateTable('countListItems')
      .set({ status: 'closed' })
      .where('countListId', '=', s.binList.id)
      .execute();
    const csv = countSheetCsv(await countSheet(t.ctx, manager, { inventoryId: s.inv.id }));
    const r = await importCountFile(t.ctx, manager, { inventoryId: s.inv.id }, fill(csv, { [s.b.code]: '1' }));
    expect(r).toMatchObject({ status: 'imported', reported: 1, unchanged: 3, skipped: 1, rejected: [] });
    expect((await lines(s.list.id)).map((l) => l.reportedQuantity)).toEqual(['9', '1', null]);
    // A changed quantity on the closed list is that list's refusal.
    const changed = await importCountFile(
      t.ctx,
      manager,
      { inventoryId: s.inv.id },
      fill(csv, { [`bin:${places.p2.code}`]: '1' }),
    );
    expect(changed).toMatchObject({ status: 'rejected', applied: false, unchanged: 2 });
    expect(changed.rejected.map((p) => [p.line, p.field, p.code])).toEqual([[6, 'list', 'count.list_closed']]);
  });

  it('all or nothing: one rejected row and nothing is written; the report names line, column and rule', async () => {
    const s = await setup();
    const file = `item;lot;counted\n${s.a.code};;7\nNOPE;;1\n${s.b.code};;1\n${s.a.code};;1,5\n`;
    const r = await importCountFile(t.ctx, counter, { countListId: s.list.id }, file);
    expect(r).toMatchObject({ status: 'rejected', applied: false, total: 4, reported: 1 });
    expect(r.rejected).toEqual([
      {
        line: 3,
        field: 'item',
        column: 'A',
        code: 'reference.unknown',
        message: 'unknown item code NOPE',
        params: { code: 'NOPE' },
      },
      expect.objectContaining({ line: 4, field: 'lot', column: 'B', code: 'item.lot_required' }),
      expect.objectContaining({ line: 5, field: 'counted', column: 'C', code: 'quantity.too_many_decimals' }),
    ]);
    expect(await reports(s.list.id)).toEqual([]);
    expect((await lines(s.list.id)).every((l) => l.status === 'open')).toBe(true);
  });

  it('partial: the valid rows are applied and the rejected ones reported', async () => {
    const s = await setup();
    const file = `Item Code,Lot,Serial,Quantity\n${s.a.code},,,7\nNOPE,,,1\n${s.c.code},,S1,2\n${s.c.code},,S9,1\n`;
    const r = await importCountFile(t.ctx, counter, { countListId: s.list.id }, file, { partial: true });
    expect(r).toMatchObject({ status: 'imported', applied: true, reported: 2, added: 1 });
    expect(r.rejected.map((p) => [p.line, p.field, p.code])).toEqual([
      [3, 'item', 'reference.unknown'],
      [4, 'counted', 'count.serial_quantity'],
    ]);
    const ls = await lines(s.list.id);
    expect(ls.map((l) => [l.serial, l.reportedQuantity, l.addedByCount])).toEqual([
      ['', '7', false],
      ['', null, false],
      ['S1', null, false],
      ['S9', '1', true],
    ]);
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const s = await setup();
    const r = await importCountFile(
      t.ctx,
      counter,
      { countListId: s.list.id },
      `item,counted\n${s.a.code},3\n${s.d.code},2\n`,
      { dryRun: true },
    );
    expect(r).toMatchObject({ status: 'validated', applied: false, reported: 2, added: 1, rejected: [] });
    expect(await reports(s.list.id)).toEqual([]);
    expect(await lines(s.list.id)).toHaveLength(3);
  });

  it('found items, search codes and units: a carton barcode counts cartons, the unit column converts', async () => {
    const s = await setup({ reportType: 'cumulative' });
    const n = s.a.code.slice(1);
    const file = `item,unit,counted\n400000000${n},,2\n${s.a.code},CT,1\n${s.a.code},,-4\n${s.d.code},,5\n${s.a.code},KG,1\n`;
    const r = await importCountFile(t.ctx, counter, { countListId: s.list.id }, file, { partial: true });
    expect(r.rejected.map((p) => [p.line, p.field, p.code])).toEqual([[6, 'unit', 'unit.not_convertible']]);
    expect(r).toMatchObject({ reported: 4, added: 1 });
    // Cumulative: 24 + 12 − 4.
    const ls = await lines(s.list.id);
    expect(ls[0]!.reportedQuantity).toBe('32');
    expect(ls.find((l) => l.itemId === s.d.id)).toMatchObject({ reportedQuantity: '5', addedByCount: true });
    expect((await reports(s.list.id)).map((x) => [x.mode, x.quantity, x.enteredQuantity, x.enteredUnit])).toEqual([
      ['add', '24', '2', 'CT'],
      ['add', '12', '1', 'CT'],
      ['add', '-4', '-4', 'PZ'],
      ['add', '5', '5', 'PZ'],
    ]);
  });

  it('rows naming another list, bins not counted on a bin list and unknown places are rejected by column', async () => {
    const s = await setup();
    const file = [
      'list,warehouse,bin,item,counted',
      `${s.binList.number},,,${s.a.code},1`,
      `,NOWH,,${s.a.code},1`,
      `,,NOBIN,${s.a.code},1`,
      `,,,${s.a.code},abc`,
      `,,,,1`,
    ].join('\n');
    const r = await importCountFile(t.ctx, counter, { countListId: s.list.id }, file);
    expect(r.rejected.map((p) => [p.line, p.field, p.code])).toEqual([
      [2, 'list', 'count.place_not_on_list'],
      [3, 'warehouse', 'reference.unknown'],
      [4, 'bin', 'reference.unknown'],
      [5, 'counted', 'quantity.invalid'],
      [6, 'item', 'validation.failed'],
    ]);
    // On the inventory, a found item on a bin of the bin list goes to that list; an item with no list is named.
    const inv = await importCountFile(
      t.ctx,
      manager,
      { inventoryId: s.inv.id },
      `bin,item,counted\n${places.p1.code},${s.d.code},2\n,${s.d.code},1\n`,
      { partial: true },
    );
    expect(inv.rejected.map((p) => [p.line, p.field, p.code])).toEqual([[3, 'list', 'count.place_not_on_list']]);
    expect((await lines(s.binList.id)).find((l) => l.itemId === s.d.id)).toMatchObject({
      reportedQuantity: '2',
      addedByCount: true,
    });
  });

  it("is refused on a closed list and on an inventory that is not open, and for another employee's list", async () => {
    const s = await setup();
    await db().updateTable('countLists').set({ status: 'closed' }).where('id', '=', s.list.id).execute();
    await expect(
      importCountFile(t.ctx, manager, { countListId: s.list.id }, `item,counted\n${s.a.code},1\n`),
    ).rejects.toMatchObject({ code: 'count.list_closed' });
    // Inventory scope: rows on the closed list are rejected by the list's rule, the rest applies with partial.
    const r = await importCountFile(
      t.ctx,
      manager,
      { inventoryId: s.inv.id },
      `list,item,counted\n${s.list.number},${s.a.code},1\n${s.binList.number},${s.a.code},1\n`,
      { partial: true },
    );
    expect(r.rejected.map((p) => [p.line, p.field, p.code])).toEqual([[2, 'list', 'count.list_closed']]);
    expect(r.reported).toBe(1);
    await expect(
      importCountFile(t.ctx, counter, { countListId: s.binList.id }, `item,counted\n${s.a.code},1\n`),
    ).rejects.toMatchObject({ code: 'not_found' });
    // A counter importing into the inventory: rows on another employee's list are rejected naming the list column.
    const mine = await importCountFile(
      t.ctx,
      counter,
      { inventoryId: s.inv.id },
      `list,item,counted\n${s.binList.number},${s.a.code},1\n`,
      { partial: true },
    );
    expect(mine.rejected.map((p) => [p.line, p.field, p.code])).toEqual([[2, 'list', 'not_found']]);
    const closed = await setup({ status: 'closed' } as Partial<InventoryOptions>);
    await expect(
      importCountFile(t.ctx, manager, { inventoryId: closed.inv.id }, `item,counted\n${closed.a.code},1\n`),
    ).rejects.toMatchObject({ code: 'count.inventory_closed' });
  });

  it('refuses a file without the required columns or with a column twice', async () => {
    const s = await setup();
    await expect(
      importCountFile(t.ctx, manager, { countListId: s.list.id }, 'item,description\nX,Y\n'),
    ).rejects.toMatchObject({ code: 'import.header_invalid', field: 'counted' });
    await expect(
      importCountFile(t.ctx, manager, { countListId: s.list.id }, 'item,qty,counted\nX,1,1\n'),
    ).rejects.toMatchObject({ code: 'import.header_invalid', field: 'counted' });
    const r = await importCountFile(
      t.ctx,
      manager,
      { countListId: s.list.id },
      `ITEM,Counted,remark\n${s.a.code},1,checked twice\n`,
    );
    expect(r).toMatchObject({ status: 'imported', reported: 1, ignoredColumns: ['remark'] });
  });
});

export type { Inv, Setup };
