// Printing count lists on a real database: which lists and items print for each usage, the warnings, blind
// inventories, line order, header data, blank pages, roles and site scoping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import { printCountLists, type PrintInput, type PrintResult } from '../../../src/services/inventory/print.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeSite } from '../../helpers/factories.js';
import {
  type Base,
  type Inv,
  type Places,
  makeActor,
  makeCountItem,
  makeCountList,
  makeCountingSetup,
  makeInventory,
  makeItem,
} from '../../helpers/inventory-factories.js';
import { pdfPageCount, pdfText } from '../../helpers/pdf-text.js';

let t: TestDb;
let base: Base;
let places: Places;
let manager: Actor;
beforeAll(async () => {
  t = await freshDb();
  ({ base, places, manager } = await makeCountingSetup(t.ctx.db));
});
afterAll(async () => {
  await t.close();
});
const db = () => t.ctx.db;

const print = (input: Partial<PrintInput> & { listIds: string[] }, actor = manager) =>
  printCountLists(t.ctx, actor, { usage: 'count', ...input });
function pdfOf(r: PrintResult): { text: string; pages: number } {
  if (r.status !== 'pdf') throw new Error(`expected a PDF, got ${JSON.stringify(r)}`);
  expect(r.pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return { text: pdfText(r.pdf), pages: pdfPageCount(r.pdf) };
}

/** A list with one item of each kind, codes saying which: OPEN, MARKED, REPORTED, MARKEDREP, INFO. */
async function mixedList(inv: Inv, tag: string) {
  const list = await makeCountList(db(), inv, { warehouseId: places.plain.id });
  const add = async (kind: string, o: Parameters<typeof makeCountItem>[3] extends infer P ? Partial<P> : never) => {
    const item = await makeItem(db(), { code: `${tag}-${kind}` });
    await makeCountItem(db(), list, inv, { itemId: item.id, warehouseId: places.plain.id, target: '7.250', ...o });
  };
  await add('OPEN', {});
  await add('MARKED', { mark: true });
  await add('REPORTED', { status: 'reported', reported: '3' });
  await add('MARKEDREP', { status: 'reported', reported: '3', mark: true });
  await add('INFO', { informational: true });
  return list;
}
/** Item codes printed in the item column (a line of its own; descriptions repeat the code after "Item "). */
const codes = (text: string, tag: string) => [...text.matchAll(new RegExp(`^${tag}-([A-Z]+)$`, 'gm'))].map((m) => m[1]);

describe('printing count lists', () => {
  it.each<[PrintInput['usage'], boolean, string[]]>([
    ['count', false, ['OPEN']],
    ['count', true, ['OPEN', 'REPORTED']],
    ['verification', false, ['MARKED']],
    ['verification', true, ['MARKED', 'MARKEDREP']],
    ['none', false, ['OPEN', 'MARKED']],
    ['none', true, ['OPEN', 'MARKED', 'REPORTED', 'MARKEDREP']],
  ])('usage %s, print reported %s prints %j (informational never)', async (usage, printReported, expected) => {
    const inv = await makeInventory(db(), base, { showSystemQuantities: true });
    const tag = `U${usage[0]}${printReported ? 1 : 0}`.toUpperCase();
    const list = await mixedList(inv, tag);
    const { text } = pdfOf(await print({ listIds: [list.id], usage, printReported }));
    expect(codes(text, tag)).toEqual(expected);
    expect(text).toContain('7.25');
  });

  it('lists that do not print are warnings; unconfirmed they stop the action, confirmed the rest prints', async () => {
    const inv = await makeInventory(db(), base, { showSystemQuantities: true });
    const good = await mixedList(inv, 'WG');
    const infoOnly = await makeCountList(db(), inv);
    await makeCountItem(db(), infoOnly, inv, {
      itemId: (await makeItem(db(), { code: 'WI-INFO' })).id,
      warehouseId: places.plain.id,
      informational: true,
    });
    const diff = await makeCountList(db(), inv, { countType: 'differences' });
    await makeCountItem(db(), diff, inv, {
      itemId: (await makeItem(db(), { code: 'WD-DIFF' })).id,
      warehouseId: places.wms.id,
      zoneId: places.diffZone.id,
      target: '1',
    });
    const done = await makeCountList(db(), inv);
    await makeCountItem(db(), done, inv, {
      itemId: (await makeItem(db())).id,
      warehouseId: places.plain.id,
      status: 'reported',
      reported: '1',
    });
    const ids = [good.id, infoOnly.id, diff.id, done.id];

    const stopped = await print({ listIds: ids });
    expect(stopped).toEqual({
      status: 'warnings',
      warnings: [
        {
          listId: infoOnly.id,
          listNumber: infoOnly.number,
          code: 'print.only_informational',
          message: expect.any(String),
        },
        { listId: diff.id, listNumber: diff.number, code: 'print.differences_blank_only', message: expect.any(String) },
        {
          listId: done.id,
          listNumber: done.number,
          code: 'print.no_open_items',
          message: expect.stringContaining('already reported'),
        },
      ],
    });
    const r = await print({ listIds: ids, autoConfirmWarnings: true });
    const { text, pages } = pdfOf(r);
    expect(pages).toBe(1);
    expect(codes(text, 'WG')).toEqual(['OPEN']);
    expect(text).not.toContain('WI-INFO');
    expect(text).not.toContain('WD-DIFF');
    expect(r.status === 'pdf' && r.warnings.map((w) => w.listId)).toEqual([infoOnly.id, diff.id, done.id]);
    expect(r.status === 'pdf' && r.filename).toBe(`count-list-${good.number}.pdf`);
  });

  it('nothing to print is an error, whatever the confirmation', async () => {
    const inv = await makeInventory(db(), base);
    const diff = await makeCountList(db(), inv, { countType: 'differences' });
    for (const autoConfirmWarnings of [false, true]) {
      await expect(print({ listIds: [diff.id], autoConfirmWarnings })).rejects.toMatchObject({
        code: 'print.nothing_to_print',
        params: { warnings: [expect.objectContaining({ code: 'print.differences_blank_only' })] },
      });
    }
  });

  it('blind inventories never print targets (no column, no value)', async () => {
    const inv = await makeInventory(db(), base, { showSystemQuantities: false });
    const list = await makeCountList(db(), inv);
    await makeCountItem(db(), list, inv, {
      itemId: (await makeItem(db(), { code: 'BLIND-1' })).id,
      warehouseId: places.plain.id,
      target: '987654.321',
    });
    for (const usage of ['count', 'none'] as const) {
      const { text } = pdfOf(await print({ listIds: [list.id], usage, printReported: true }));
      expect(text).toContain('BLIND-1');
      expect(text).not.toContain('987654');
      expect(text).not.toMatch(/^Target$/m);
    }
    const seeing = await makeInventory(db(), base, { showSystemQuantities: true });
    const shown = await makeCountList(db(), seeing);
    await makeCountItem(db(), shown, seeing, {
      itemId: (await makeItem(db())).id,
      warehouseId: places.plain.id,
      target: '987654.321',
    });
    const { text } = pdfOf(await print({ listIds: [shown.id] }));
    expect(text).toContain('987654.321');
    expect(text).toMatch(/^Target$/m);
  });

  it("items print in the list's line order; the header names inventory, list, warehouse, owner, date and responsible", async () => {
    const inv = await makeInventory(db(), base, { showSystemQuantities: true });
    await db()
      .updateTable('inventories')
      .set({ description: 'Inwentaryzacja roczna – Łódź' })
      .where('id', '=', inv.id)
      .execute();
    const counter = await makeActor(db(), 'counter');
    await db().updateTable('users').set({ displayName: 'Żaneta Kowalska' }).where('id', '=', counter.userId).execute();
    const list = await makeCountList(db(), inv, { responsibleUserId: counter.userId, warehouseId: null });
    await db().updateTable('countLists').set({ name: 'Hala południowa' }).where('id', '=', list.id).execute();
    for (const c of ['ORD-A', 'ORD-B', 'ORD-C'])
      await makeCountItem(db(), list, inv, {
        itemId: (await makeItem(db(), { code: c, description: 'Śruba żółta' })).id,
        warehouseId: places.plain.id,
      });
    // Line numbers reversed after the fact: the sheet follows lineNo, not insertion order.
    await db()
      .updateTable('countListItems')
      .set((eb) => ({ lineNo: eb(eb.val(10), '-', eb.ref('lineNo')) }))
      .where('countListId', '=', list.id)
      .execute();
    const { text } = pdfOf(await print({ listIds: [list.id], language: 'pl' }));
    expect(codes(text, 'ORD')).toEqual(['C', 'B', 'A']);
    const wh = await db()
      .selectFrom('warehouses')
      .select(['code', 'name'])
      .where('id', '=', places.plain.id)
      .executeTakeFirstOrThrow();
    for (const s of [
      `Arkusz spisowy ${list.number} – Hala południowa`,
      `Inwentaryzacja ${inv.number} – Inwentaryzacja roczna – Łódź`,
      `${wh.code} ${wh.name}`,
      `${base.owner.code} ${base.owner.name}`,
      inv.stockTakingDate!.split('-').reverse().join('.'),
      'Żaneta Kowalska',
      'Strona 1 z 1',
      'Śruba żółta',
      'Ilość',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('bin lists print every bin, empty ones included (without a target), with their bin codes', async () => {
    const inv = await makeInventory(db(), base, { showSystemQuantities: true });
    const list = await makeCountList(db(), inv, { countType: 'bin', warehouseId: places.wms.id });
    const at = { warehouseId: places.wms.id, zoneId: places.zone.id };
    await makeCountItem(db(), list, inv, { ...at, binId: places.p1.id, itemId: null, target: null });
    await makeCountItem(db(), list, inv, {
      ...at,
      binId: places.p2.id,
      itemId: (await makeItem(db(), { code: 'BIN-STOCKED' })).id,
      target: '31.500',
    });
    const lines = pdfOf(await print({ listIds: [list.id] })).text.split('\n');
    const row = (bin: string) => lines.slice(lines.indexOf(bin) - 1, lines.indexOf(bin) + 5);
    expect(row(places.p1.code)).toEqual(['1', places.p1.code, '2', places.p2.code, 'BIN-STOCKED', 'Item BIN-STOCKED']);
    expect(row(places.p2.code)).toEqual(['2', places.p2.code, 'BIN-STOCKED', 'Item BIN-STOCKED', 'PZ', '31.5']);
  });

  it('a long list runs over several pages, each with the table header and its page number', async () => {
    const inv = await makeInventory(db(), base, { showSystemQuantities: true });
    const list = await makeCountList(db(), inv);
    const item = await makeItem(db(), { code: 'LONG', lotManagement: 'yes' });
    for (let i = 1; i <= 60; i++)
      await makeCountItem(db(), list, inv, { itemId: item.id, warehouseId: places.plain.id, lot: `LOT${i}` });
    const { text, pages } = pdfOf(await print({ listIds: [list.id], language: 'it' }));
    expect(pages).toBe(3);
    expect(text.match(/^Descrizione$/gm)).toHaveLength(3);
    expect(text).toContain('Pagina 3 di 3');
    expect(text).toContain('LOT60');
  });

  it('blank pages: the requested number per list, header only; difference lists too, informational-only lists not', async () => {
    const inv = await makeInventory(db(), base, { showSystemQuantities: true });
    const a = await mixedList(inv, 'BLK');
    const diff = await makeCountList(db(), inv, { countType: 'differences' });
    const empty = await makeCountList(db(), inv);
    const infoOnly = await makeCountList(db(), inv);
    await makeCountItem(db(), infoOnly, inv, {
      itemId: (await makeItem(db())).id,
      warehouseId: places.plain.id,
      informational: true,
    });
    const r = await print({
      listIds: [a.id, diff.id, empty.id, infoOnly.id],
      usage: 'blank',
      blankPages: 2,
      autoConfirmWarnings: true,
    });
    const { text, pages } = pdfOf(r);
    expect(pages).toBe(6);
    expect(codes(text, 'BLK')).toEqual([]);
    expect(text).not.toContain('7.25');
    for (const l of [a, diff, empty]) expect(text).toContain(`Count list ${l.number}`);
    expect(text).not.toContain(`Count list ${infoOnly.number}`);
    expect(r.status === 'pdf' && r.warnings.map((w) => w.code)).toEqual(['print.only_informational']);
    expect(r.status === 'pdf' && r.filename).toBe(`count-lists-${inv.number}.pdf`);
  });

  it("managers only; another site's lists are not found; unknown lists are not found", async () => {
    const inv = await makeInventory(db(), base);
    const list = await mixedList(inv, 'AUTH');
    await expect(print({ listIds: [list.id] }, await makeActor(db(), 'counter'))).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const elsewhere = await makeSite(db());
    await expect(print({ listIds: [list.id] }, await makeActor(db(), 'manager', elsewhere.id))).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await print({ listIds: [list.id] }, await makeActor(db(), 'manager', base.site.id))).status).toBe('pdf');
    await expect(print({ listIds: [list.id, '999999999'] })).rejects.toMatchObject({
      code: 'not_found',
      field: 'listIds',
    });
  });
});
