// The printed sample result over HTTP: before the draw it is refused, after the draw it prints the design, after
// the estimate the result with its verdict, figures in the reader's language; another method is refused.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/services/context.js';
import { createInventory } from '../../src/services/inventory/inventory.service.js';
import { openCountLists } from '../../src/services/inventory/open.service.js';
import { reportCount } from '../../src/services/inventory/report.service.js';
import { testApi, type TestApi } from '../helpers/api.js';
import { makeItem, makeUnit, makeWarehouse } from '../helpers/factories.js';
import { pdfText } from '../helpers/pdf-text.js';
import { addBalance, makeOrg, type Org } from '../medium/inventory/generation-fixture.js';

let api: TestApi;
let org: Org;
let typeId: string;
let warehouseId: string;
const config = {
  confidence: 0.95,
  targetRelativePrecision: 0.1,
  completeLayer: { minValue: '500' },
  strata: 2,
  allocation: 'neyman',
  minPerStratum: 3,
  seed: 5,
  estimator: 'difference',
  acceptance: { kind: 'relative_difference', tolerance: '0.05' },
};

beforeAll(async () => {
  api = await testApi();
  org = await makeOrg(api.db);
  const db = api.db.ctx.db;
  warehouseId = (await makeWarehouse(db, org.siteId, { code: 'W1' })).id;
  const unit = await makeUnit(db);
  for (let i = 0; i < 40; i++) {
    const item = await makeItem(db, { code: `P${i}`, primaryUnit: unit, inventoryPrice: String(1 + ((i * 37) % 90)) });
    await addBalance(db, org.siteId, {
      itemId: item.id,
      warehouseId,
      ownerId: org.ownerId,
      quantity: String(1 + (i % 9)),
    });
  }
  const type = await api.call('POST', '/api/inventory-types', {
    code: 'SMPPRT',
    method: 'sample',
    valuationPrice: 'inventory',
    adjustmentKey: 'ADJ',
    transferKey: 'TRF',
  });
  typeId = type.json().id;
  expect((await api.call('PUT', `/api/inventory-types/${typeId}/sampling`, { config })).statusCode).toBe(200);
}, 180_000);
afterAll(async () => {
  await api.close();
});

const newInventory = (type = typeId) =>
  createInventory(api.db.ctx, SYSTEM_ACTOR, {
    typeId: type,
    siteId: org.siteId,
    ownerId: org.ownerId,
    fiscalYear: 2026,
    responsibleUserId: org.counterId,
  });

describe('printed sample result', () => {
  it('is refused before the draw and for an inventory of another method', async () => {
    const inv = await newInventory();
    const early = await api.call('GET', `/api/inventories/${inv.id}/sample/print`);
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('sample.not_drawn');
    const std = await api.call('POST', '/api/inventory-types', {
      code: 'STDPRT',
      method: 'continuous',
      adjustmentKey: 'ADJ',
      transferKey: 'TRF',
    });
    const other = await newInventory(std.json().id);
    const res = await api.call('GET', `/api/inventories/${other.id}/sample/print`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('sample.not_sample_method');
    expect((await api.call('GET', `/api/inventories/${inv.id}/sample/print?language=xx`)).statusCode).toBe(400);
    const { token: counter } = await api.userToken('print.counter', 'counter');
    expect((await api.call('GET', `/api/inventories/${inv.id}/sample/print`, undefined, counter)).statusCode).toBe(403);
  });

  it('prints the drawn design, then the estimate with its verdict in the language asked', async () => {
    const inv = await newInventory();
    expect(
      (await api.call('POST', `/api/inventories/${inv.id}/count-lists/generate`, { countType: 'article' })).statusCode,
    ).toBe(201);
    const drawn = await api.call('GET', `/api/inventories/${inv.id}/sample/print`);
    expect(drawn.statusCode).toBe(200);
    expect(drawn.headers['content-type']).toBe('application/pdf');
    expect(drawn.headers['content-disposition']).toBe(`attachment; filename="sample-${inv.number}.pdf"`);
    const before = pdfText(drawn.rawPayload);
    expect(before).toContain(`Sample inventory result – Inventory ${inv.number}`);
    expect(before).toContain('Not estimated yet');
    expect(before).toContain('Drawn, not estimated');

    expect((await api.call('POST', `/api/inventories/${inv.id}/start`)).statusCode).toBe(200);
    const lines = await api.db.ctx.db
      .selectFrom('countListItems')
      .select(['countListId', 'itemId'])
      .where('inventoryId', '=', inv.id)
      .execute();
    await openCountLists(api.db.ctx, SYSTEM_ACTOR, [...new Set(lines.map((l) => l.countListId))]);
    for (const l of lines)
      await reportCount(api.db.ctx, SYSTEM_ACTOR, {
        countListId: l.countListId,
        itemId: l.itemId,
        warehouseId,
        quantity: '1',
      });
    const est = (await api.call('POST', `/api/inventories/${inv.id}/sample/estimate`)).json();
    const r = est.result;

    const de = await api.call('GET', `/api/inventories/${inv.id}/sample/print?language=de`);
    expect(de.statusCode).toBe(200);
    if (process.env.SAMPLE_PDF_OUT) writeFileSync(process.env.SAMPLE_PDF_OUT, de.rawPayload);
    const text = pdfText(de.rawPayload);
    const money = (v: string) =>
      new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
        v as unknown as number,
      );
    expect(text).toContain(`Ergebnis der Stichprobeninventur – Inventur ${inv.number}`);
    expect(text).toContain(money(r.bookTotal));
    expect(text).toContain(money(r.estimate));
    expect(text).toContain(`${money(r.interval.lower)} – ${money(r.interval.upper)}`);
    expect(text).toContain(r.verdict.passes ? 'ANGENOMMEN' : 'NICHT ANGENOMMEN');
    expect(text).toContain('Differenzenschätzung');
    expect(text).toContain('Schicht');
    for (const reason of r.verdict.reasons as { code: string }[]) {
      const word = {
        precision_not_met: 'erreichte Genauigkeit',
        book_outside_interval: 'außerhalb des Intervalls',
        difference_above_tolerance: 'über der Toleranz',
        ratio_undefined: 'kein Verhältnis',
      }[reason.code]!;
      expect(text).toContain(word);
    }
    expect(text).toContain('Seite 1 von');
    const titles = {
      en: 'Sample inventory result',
      it: 'Risultato dell’inventario campionario',
      pl: 'Wynik inwentaryzacji metodą próby',
    };
    for (const [lang, title] of Object.entries(titles)) {
      const res = await api.call('GET', `/api/inventories/${inv.id}/sample/print?language=${lang}`);
      expect(res.statusCode).toBe(200);
      if (process.env.SAMPLE_PDF_OUT)
        writeFileSync(process.env.SAMPLE_PDF_OUT.replace(/\.pdf$/, `-${lang}.pdf`), res.rawPayload);
      expect(pdfText(res.rawPayload)).toContain(`${title} – `);
    }
  });
});
