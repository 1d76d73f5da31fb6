// POST /api/count-lists/print at the edge: the PDF (content type, file name, text in the requested language
// with Polish characters, no targets on blind inventories), the warnings to confirm, and the errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { testApi, type TestApi } from '../helpers/api.js';
import {
  type Base,
  type List,
  makeBase,
  makeCountItem,
  makeCountList,
  makeInventory,
  makeItem,
  makePlaces,
} from '../helpers/inventory-factories.js';
import { pdfText } from '../helpers/pdf-text.js';

let api: TestApi;
let base: Base;
let places: Awaited<ReturnType<typeof makePlaces>>;
let blindList: List;
let seeingList: List;
let infoOnly: List;
const URL = '/api/count-lists/print';

beforeAll(async () => {
  api = await testApi();
  const db = api.db.ctx.db;
  base = await makeBase(db);
  places = await makePlaces(db, base);
  const item = await makeItem(db, { code: 'ŁÓDŹ-1', description: 'Śruba ąęłńśźż àè' });
  const blind = await makeInventory(db, base, { showSystemQuantities: false });
  blindList = await makeCountList(db, blind, { warehouseId: places.plain.id });
  await makeCountItem(db, blindList, blind, { itemId: item.id, warehouseId: places.plain.id, target: '4417.125' });
  const seeing = await makeInventory(db, base, { showSystemQuantities: true });
  seeingList = await makeCountList(db, seeing, { warehouseId: places.plain.id });
  await makeCountItem(db, seeingList, seeing, { itemId: item.id, warehouseId: places.plain.id, target: '4417.125' });
  infoOnly = await makeCountList(db, seeing);
  await makeCountItem(db, infoOnly, seeing, {
    itemId: (await makeItem(db)).id,
    warehouseId: places.plain.id,
    informational: true,
  });
});
afterAll(async () => {
  await api.close();
});

const post = (body: unknown, token?: string) => api.call('POST', URL, body, token);
function pdf(res: LightMyRequestResponse): string {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return pdfText(res.rawPayload);
}

describe('POST /api/count-lists/print', () => {
  it('answers a PDF with a file name; Polish labels and characters print', async () => {
    const res = await post({ listIds: [seeingList.id], usage: 'count', language: 'pl' });
    const text = pdf(res);
    expect(res.headers['content-disposition']).toBe(`inline; filename="count-list-${seeingList.number}.pdf"`);
    for (const s of [
      'ŁÓDŹ-1',
      'Śruba ąęłńśźż àè',
      `Arkusz spisowy ${seeingList.number}`,
      'Właściciel zapasu',
      'Ilość',
      '4417,125',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('prints German sheets: German labels, decimal comma in the target', async () => {
    const res = await post({ listIds: [seeingList.id], usage: 'count', language: 'de' });
    const text = pdf(res);
    for (const s of [
      `Zählliste ${seeingList.number}`,
      `Inventur `,
      'Bestandseigentümer',
      'Lagerplatz',
      'Sollmenge',
      'Gezählt',
      'Seite 1 von 1',
      'Gezählt von (Name, Unterschrift)',
      'Zählung',
      '4417,125',
      'ŁÓDŹ-1',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('Count list');
    expect(text).not.toContain('Stock owner');
  });

  it('names the responsible employee and the assigned counters; dates as the language writes them', async () => {
    const db = api.db.ctx.db;
    const anna = await api.userToken('print-anna', 'counter');
    const bruno = await api.userToken('print-bruno', 'counter');
    await db.updateTable('users').set({ displayName: 'Anna Rossi' }).where('id', '=', anna.userId).execute();
    await db.updateTable('users').set({ displayName: 'Bruno Nowak' }).where('id', '=', bruno.userId).execute();
    await db
      .updateTable('countLists')
      .set({ responsibleUserId: anna.userId, countDate: '2026-03-31' })
      .where('id', '=', seeingList.id)
      .execute();
    await db
      .insertInto('countListCounters')
      .values({ countListId: seeingList.id, userId: bruno.userId, siteId: seeingList.siteId, createdAt: new Date() })
      .execute();
    const text = pdf(await post({ listIds: [seeingList.id], usage: 'count', language: 'de' }));
    expect(text).toContain('Anna Rossi, Bruno Nowak');
    expect(text).toContain('31.03.2026');
  });

  it.each(['en', 'it', 'pl', 'de'] as const)('a blind inventory never prints the target (%s)', async (language) => {
    const text = pdf(await post({ listIds: [blindList.id], usage: 'none', printReported: true, language }));
    expect(text).toContain('ŁÓDŹ-1');
    expect(text).not.toContain('4417');
  });

  it('warnings stop the print until confirmed', async () => {
    const stopped = await post({ listIds: [seeingList.id, infoOnly.id], usage: 'count' });
    expect(stopped.statusCode).toBe(200);
    expect(stopped.headers['content-type']).toMatch(/^application\/json/);
    expect(stopped.json()).toEqual({
      status: 'warnings',
      warnings: [
        {
          listId: infoOnly.id,
          listNumber: infoOnly.number,
          code: 'print.only_informational',
          message: expect.stringContaining(infoOnly.number),
        },
      ],
    });
    const confirmed = await post({ listIds: [seeingList.id, infoOnly.id], usage: 'count', autoConfirmWarnings: true });
    expect(pdf(confirmed)).toContain('ŁÓDŹ-1');
    expect(confirmed.headers['x-print-warnings']).toBe('1');
  });

  it('blank pages of a list', async () => {
    const res = await post({ listIds: [seeingList.id], usage: 'blank', blankPages: 3 });
    const text = pdf(res);
    expect(text).not.toContain('ŁÓDŹ-1');
    expect(text).toContain('Page 3 of 3');
  });

  it('nothing to print: 422 print.nothing_to_print with the warnings', async () => {
    const res = await post({ listIds: [infoOnly.id], usage: 'count', autoConfirmWarnings: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'print.nothing_to_print',
      params: { warnings: [{ listId: infoOnly.id, code: 'print.only_informational' }] },
    });
  });

  it.each<[string, unknown, number, string, string?]>([
    ['unknown field', { listIds: ['1'], usage: 'count', copies: 2 }, 400, 'validation.unknown_field', 'copies'],
    ['no lists', { listIds: [], usage: 'count' }, 400, 'validation.failed', 'listIds'],
    [
      'more than 500 lists',
      { listIds: Array.from({ length: 501 }, (_, i) => String(i + 1)), usage: 'count' },
      400,
      'validation.failed',
      'listIds',
    ],
    ['unknown usage', { listIds: ['1'], usage: 'all' }, 400, 'validation.failed', 'usage'],
    [
      'too many blank pages',
      { listIds: ['1'], usage: 'blank', blankPages: 1000 },
      400,
      'validation.failed',
      'blankPages',
    ],
    ['unknown language', { listIds: ['1'], usage: 'count', language: 'fr' }, 400, 'validation.failed', 'language'],
    ['unknown list', { listIds: ['999999999'], usage: 'count' }, 404, 'not_found', 'listIds'],
  ])('%s → %i %s', async (_name, body, status, code, field) => {
    const res = await post(body);
    expect(res.statusCode).toBe(status);
    expect(res.json().error).toMatchObject({ code, ...(field ? { field } : {}) });
  });

  it('blank pages with another usage are refused', async () => {
    const res = await post({ listIds: [seeingList.id], usage: 'count', blankPages: 2 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation.failed', field: 'blankPages' });
  });

  it('managers only', async () => {
    const counter = await api.userToken('print-counter', 'counter');
    const res = await post({ listIds: [seeingList.id], usage: 'count' }, counter.token);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
  });
});
