// Item-master services on a real database: automatic coding per item class, generated EANs skipping codes
// in use, "item code is a barcode", templates, copy, price lists with tiers, discounts and unit conversion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidGtin, makeEan13 } from '../../../src/domain/barcode/index.js';
import { DomainError } from '../../../src/domain/errors.js';
import { type Actor, SYSTEM_ACTOR } from '../../../src/services/context.js';
import {
  createItemClass,
  createTemplate,
  listItemClasses,
  setBarcodeSetting,
  updateItemClass,
} from '../../../src/services/items/coding.service.js';
import { copyItem, createMasterItem } from '../../../src/services/items/item-create.service.js';
import {
  getMasterItem,
  setAlternatives,
  setWarehousePlanning,
  updateMasterFields,
} from '../../../src/services/items/master-fields.service.js';
import {
  addItemPrice,
  createPriceList,
  getPrice,
  listItemPrices,
  replaceItemPrice,
  updatePriceList,
} from '../../../src/services/items/price-list.service.js';
import { createItem } from '../../../src/services/items/item.service.js';
import { addSearchCode, listSearchCodes } from '../../../src/services/items/search-code.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeSite, makeUnit, makeWarehouse } from '../../helpers/factories.js';

let db: TestDb;
const admin = SYSTEM_ACTOR;
const counter: Actor = { userId: '0', username: 'c', role: 'counter', siteId: null };

async function rejects(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

beforeAll(async () => {
  db = await freshDb();
  await makeUnit(db.ctx.db, 'PZ', 0);
  await makeUnit(db.ctx.db, 'S10', 0);
  await makeUnit(db.ctx.db, 'BOX', 0);
});
afterAll(async () => {
  await db.close();
});

describe('automatic coding', () => {
  it('refuses an item without code when no class is configured', async () => {
    const e = await rejects(createMasterItem(db.ctx, admin, { item: { description: 'No code', primaryUnit: 'PZ' } }));
    expect([e.code, e.field]).toEqual(['coding.no_rule', 'item.code']);
  });

  it('numbers items per class with prefix and zero padding, skipping codes typed by hand', async () => {
    await createItemClass(db.ctx, admin, { code: 'RAW', prefix: 'RM-', width: 5, isDefault: true });
    await createItemClass(db.ctx, admin, { code: 'FIN', prefix: 'FG', width: 3 });
    await createItem(db.ctx, admin, { code: 'RM-00002', description: 'Typed by hand', primaryUnit: 'PZ' });
    const a = await createMasterItem(db.ctx, admin, { item: { description: 'Steel sheet', primaryUnit: 'PZ' } });
    const b = await createMasterItem(db.ctx, admin, { item: { description: 'Steel bar', primaryUnit: 'PZ' } });
    const c = await createMasterItem(db.ctx, admin, {
      item: { description: 'Chair', primaryUnit: 'PZ' },
      master: { itemClass: 'FIN' },
    });
    expect([a.item.code, b.item.code, c.item.code]).toEqual(['RM-00001', 'RM-00003', 'FG001']);
    expect([a.item.itemClass, c.item.itemClass]).toEqual(['RAW', 'FIN']);
    expect(await listSearchCodes(db.ctx, admin, a.item.id)).toEqual([
      expect.objectContaining({ code: 'RM-00001', isMain: true }),
    ]);
    expect((await listItemClasses(db.ctx, admin)).find((x) => x.code === 'RAW')!.nextValue).toBe('4');
  });

  it('an exhausted class is refused, not widened; the counter cannot go back', async () => {
    await updateItemClass(db.ctx, admin, 'FIN', { nextValue: '999' });
    expect(
      (
        await createMasterItem(db.ctx, admin, {
          item: { description: 'Last', primaryUnit: 'PZ' },
          master: { itemClass: 'FIN' },
        })
      ).item.code,
    ).toBe('FG999');
    expect(
      (
        await rejects(
          createMasterItem(db.ctx, admin, {
            item: { description: 'Over', primaryUnit: 'PZ' },
            master: { itemClass: 'FIN' },
          }),
        )
      ).code,
    ).toBe('coding.sequence_exhausted');
    expect((await rejects(updateItemClass(db.ctx, admin, 'FIN', { nextValue: '5' }))).field).toBe('nextValue');
  });
});

describe('barcode on creation', () => {
  it('generates a valid EAN-13 from the company prefix, skipping one already used as a search code', async () => {
    await setBarcodeSetting(db.ctx, admin, 'ean13', { companyPrefix: '8012345', nextValue: '1' });
    const first = await createMasterItem(db.ctx, admin, {
      item: { code: 'EAN-A', description: 'A', primaryUnit: 'PZ' },
      barcode: { mode: 'ean13' },
    });
    expect(first.generatedBarcode).toMatch(/^801234500001\d$/);
    // Someone registers the next number by hand: generation must skip it.
    const taken = makeEan13('801234500002');
    expect(isValidGtin(taken)).toBe(true);
    await addSearchCode(db.ctx, admin, first.item.id, { code: taken, unit: 'PZ' });
    const second = await createMasterItem(db.ctx, admin, {
      item: { code: 'EAN-B', description: 'B', primaryUnit: 'PZ' },
      barcode: { mode: 'ean13' },
    });
    expect(second.generatedBarcode).toMatch(/^801234500003\d$/);
    expect(isValidGtin(second.generatedBarcode!)).toBe(true);
    const codes = await listSearchCodes(db.ctx, admin, second.item.id);
    expect(codes.map((c) => [c.code, c.unit, c.isMain])).toEqual([
      ['EAN-B', 'PZ', true],
      [second.generatedBarcode, 'PZ', false],
    ]);
  });

  it('EAN-8 needs a configured prefix', async () => {
    const e = await rejects(
      createMasterItem(db.ctx, admin, {
        item: { code: 'E8', description: 'E8', primaryUnit: 'PZ' },
        barcode: { mode: 'ean8' },
      }),
    );
    expect([e.code, e.field]).toEqual(['coding.no_rule', 'barcode.mode']);
    await setBarcodeSetting(db.ctx, admin, 'ean8', { companyPrefix: '20' });
    const r = await createMasterItem(db.ctx, admin, {
      item: { code: 'E8', description: 'E8', primaryUnit: 'PZ' },
      barcode: { mode: 'ean8' },
    });
    expect(r.generatedBarcode).toMatch(/^2000001\d$/);
  });

  it('"item code is a barcode" validates the code as that type and writes nothing when it fails', async () => {
    const e = await rejects(
      createMasterItem(db.ctx, admin, {
        item: { code: '4006381333932', description: 'Bad', primaryUnit: 'PZ' },
        barcode: { mode: 'item_code', type: 'ean13' },
      }),
    );
    expect([e.code, e.field]).toEqual(['coding.barcode_invalid', 'item.code']);
    const ok = await createMasterItem(db.ctx, admin, {
      item: { code: '4006381333931', description: 'Good', primaryUnit: 'PZ' },
      barcode: { mode: 'item_code', type: 'ean13' },
    });
    expect(ok.item.code).toBe('4006381333931');
    expect(await db.ctx.db.selectFrom('items').select('id').where('code', '=', '4006381333932').execute()).toEqual([]);
  });
});

describe('templates and copy', () => {
  let sourceId = '';
  it('a template seeds every field not given', async () => {
    const site = await makeSite(db.ctx.db);
    const wh = await makeWarehouse(db.ctx.db, site.id);
    const ref = await createMasterItem(db.ctx, admin, {
      item: {
        code: 'TPL-REF',
        description: 'Screw template',
        primaryUnit: 'PZ',
        secondaryUnit: 'S10',
        secondaryConversionOp: 'x',
        secondaryConversionFactor: '10',
        standardCost: '0.12',
        validFrom: '2026-01-01',
      },
      master: {
        vatCode: 'V22',
        netWeight: '0.010',
        grossWeight: '0.012',
        packageType: 'BOX',
        minStock: '100',
        preferredWarehouseId: wh.id,
        notes: 'Keep dry',
      },
    });
    sourceId = ref.item.id;
    await createTemplate(db.ctx, admin, { code: 'SCREW', referenceItemId: ref.item.id });
    const fromTpl = await createMasterItem(db.ctx, admin, {
      template: 'SCREW',
      item: { code: 'SCR-5', description: 'Screw 5 mm' },
    });
    expect(fromTpl.item).toMatchObject({
      code: 'SCR-5',
      description: 'Screw 5 mm',
      primaryUnit: 'PZ',
      secondaryUnit: 'S10',
      standardCost: '0.12',
      vatCode: 'V22',
      netWeight: '0.01',
      minStock: '100',
      notes: 'Keep dry',
      validFrom: null,
    });
    await setWarehousePlanning(db.ctx, admin, ref.item.id, wh.id, { minStock: '10', supplyLeadDays: 3 });
  });

  it('copy takes every field except validity, plus planning and alternatives, but no search codes other than the main', async () => {
    const alt = await createItem(db.ctx, admin, { code: 'ALT-1', description: 'Alternative', primaryUnit: 'PZ' });
    await setAlternatives(db.ctx, admin, sourceId, [alt.id]);
    await addSearchCode(db.ctx, admin, sourceId, { code: 'SUPPLIER-77', unit: 'BOX', conversionFactor: '100' });
    const copy = await copyItem(db.ctx, admin, sourceId, { item: { code: 'TPL-COPY', description: 'Copied screw' } });
    const full = await getMasterItem(db.ctx, counter, copy.item.id);
    expect(full.item).toMatchObject({
      code: 'TPL-COPY',
      secondaryUnit: 'S10',
      standardCost: '0.12',
      validFrom: null,
      validTo: null,
    });
    expect(full.master).toMatchObject({ vatCode: 'V22', grossWeight: '0.012', packageType: 'BOX' });
    expect(full.alternatives.map((a) => a.code)).toEqual(['ALT-1']);
    expect(full.warehousePlanning).toEqual([
      expect.objectContaining({ minStock: '10', supplyLeadDays: 3, maxStock: null }),
    ]);
    expect((await listSearchCodes(db.ctx, admin, copy.item.id)).map((c) => c.code)).toEqual(['TPL-COPY']);
  });

  it('updates extension fields with the lot couplings and refuses unknown references', async () => {
    const e = await rejects(updateMasterFields(db.ctx, admin, sourceId, { lotClass: 'NOPE' }));
    expect([e.code, e.field]).toEqual(['reference.unknown', 'master.lotClass']);
    const v = await updateMasterFields(db.ctx, admin, sourceId, { availabilityCheck: 'warning', costCentre: 'CC1' });
    expect(v.master).toMatchObject({ availabilityCheck: 'warning', costCentre: 'CC1' });
    expect((await rejects(updateMasterFields(db.ctx, counter, sourceId, { notes: 'x' }))).code).toBe('auth.forbidden');
  });
});

describe('price lists', () => {
  let itemId = '';
  let listId = '';
  it('stores rows with tiers and discounts and refuses overlapping validity', async () => {
    const item = await createItem(db.ctx, admin, {
      code: 'PRICED',
      description: 'Priced',
      primaryUnit: 'PZ',
      secondaryUnit: 'S10',
      secondaryConversionOp: 'x',
      secondaryConversionFactor: '10',
    });
    itemId = item.id;
    await addSearchCode(db.ctx, admin, itemId, { code: 'PRICED-BOX', unit: 'BOX', conversionFactor: '12' });
    const list = await createPriceList(db.ctx, admin, { code: 'SALES', currency: 'EUR', discountsAllowed: true });
    listId = list.id;
    await addItemPrice(db.ctx, admin, itemId, {
      priceListId: listId,
      validFrom: '2026-01-01',
      validTo: '2026-06-30',
      unit: 'PZ',
      tiers: [
        { upTo: '10', price: '2.50' },
        { upTo: '100', price: '2.20', discounts: ['10'] },
        { upTo: null, price: '2', discounts: ['10', '5'] },
      ],
    });
    const e = await rejects(
      addItemPrice(db.ctx, admin, itemId, {
        priceListId: listId,
        validFrom: '2026-06-01',
        unit: 'PZ',
        tiers: [{ upTo: null, price: '3' }],
      }),
    );
    expect([e.code, e.field]).toEqual(['price.validity_overlap', 'validFrom']);
    await addItemPrice(db.ctx, admin, itemId, {
      priceListId: listId,
      validFrom: '2026-07-01',
      unit: 'PZ',
      tiers: [{ upTo: null, price: '3' }],
    });
    await addItemPrice(db.ctx, admin, itemId, {
      priceListId: listId,
      unit: 'BOX',
      tiers: [{ upTo: null, price: '24' }],
    });
    expect(
      (
        await rejects(
          addItemPrice(db.ctx, admin, itemId, { priceListId: listId, unit: 'KG', tiers: [{ upTo: null, price: '1' }] }),
        )
      ).field,
    ).toBe('unit');
    const rows = await listItemPrices(db.ctx, counter, itemId);
    expect(rows).toHaveLength(3);
    expect(rows[0]!.tiers).toEqual([
      { upTo: '10', price: '2.5', discounts: [] },
      { upTo: '100', price: '2.2', discounts: ['10'] },
      { upTo: null, price: '2', discounts: ['10', '5'] },
    ]);
  });

  it('priceFor converts units, picks the tier and the validity, exactly', async () => {
    const q = (quantity: string, unit: string, date: string) =>
      getPrice(db.ctx, counter, itemId, { priceListId: listId, quantity, unit, date });
    expect(await q('50', 'PZ', '2026-03-01')).toMatchObject({ netPrice: '1.98', amount: '99.00', tierUpTo: '100' });
    expect(await q('3', 'S10', '2026-03-01')).toMatchObject({
      quantityInPriceUnit: '30',
      unitPrice: '19.8',
      amount: '59.40',
    });
    expect(await q('20', 'S10', '2026-03-01')).toMatchObject({ netPrice: '1.71', amount: '342.00' });
    expect(await q('5', 'PZ', '2026-08-01')).toMatchObject({ netPrice: '3', amount: '15.00' });
    expect(await q('2', 'BOX', '2026-08-01')).toMatchObject({ priceUnit: 'BOX', amount: '48.00' });
    // Before the PZ rows start only the always-valid BOX row applies: 6 PZ = 0.5 BOX.
    expect(await q('6', 'PZ', '2025-12-31')).toMatchObject({
      priceUnit: 'BOX',
      quantityInPriceUnit: '0.5',
      unitPrice: '2',
      amount: '12.00',
    });
    const e = await rejects(
      getPrice(db.ctx, counter, itemId, { priceListId: listId, quantity: '1', date: '2026-03-01', currency: 'USD' }),
    );
    expect([e.code, e.field]).toEqual(['price.not_found', 'date']);
  });

  it('replacing a row keeps it free of its own overlap; discounts need the list flag', async () => {
    const rows = await listItemPrices(db.ctx, counter, itemId);
    const r = await replaceItemPrice(db.ctx, admin, itemId, rows[1]!.id, {
      priceListId: listId,
      validFrom: '2026-07-01',
      unit: 'PZ',
      tiers: [{ upTo: null, price: '3.10' }],
    });
    expect(r.tiers).toEqual([{ upTo: null, price: '3.1', discounts: [] }]);
    expect((await rejects(updatePriceList(db.ctx, admin, listId, { discountsAllowed: false }))).field).toBe(
      'discountsAllowed',
    );
    const plain = await createPriceList(db.ctx, admin, { code: 'PLAIN', currency: 'EUR' });
    expect(
      (
        await rejects(
          addItemPrice(db.ctx, admin, itemId, {
            priceListId: plain.id,
            unit: 'PZ',
            tiers: [{ upTo: null, price: '1', discounts: ['5'] }],
          }),
        )
      ).field,
    ).toBe('tiers.0.discounts');
  });
});
