// Numbering schemes on a real database: list and search with what uses each scheme, create, change (the next
// number never goes back; the number must fit its field), the next inventory takes the changed scheme, and
// deleting is refused while a type, item class or inventory uses the scheme.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/context.js';
import {
  createNumberSequence,
  deleteNumberSequence,
  getNumberSequence,
  listNumberSequences,
  updateNumberSequence,
} from '../../../src/services/inventory/number-sequence.service.js';
import { createItemClass } from '../../../src/services/items/coding.service.js';
import { setBarcodeSetting } from '../../../src/services/items/coding.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeActor } from '../../helpers/inventory-factories.js';
import { admin, makeInventory, makeOrg, type Org } from './generation-fixture.js';

let t: TestDb;
let org: Org;
let manager: Actor;
let counter: Actor;
beforeAll(async () => {
  t = await freshDb();
  org = await makeOrg(t);
  manager = await makeActor(t.ctx.db, 'manager');
  counter = await makeActor(t.ctx.db, 'counter');
});
afterAll(async () => {
  await t.close();
});

const page = { limit: 100, offset: 0 };

describe('numbering schemes', () => {
  it('lists the schemes inventory types made, with the next number formatted and what uses them', async () => {
    const all = await listNumberSequences(t.ctx, counter, page);
    const inv = all.items.find((s) => s.usedBy.some((u) => u.kind === 'inventory_type'))!;
    expect(inv).toMatchObject({ prefix: expect.stringMatching(/-$/), width: 4, nextValue: '1', purpose: 'general' });
    expect(inv.nextNumber).toBe(`${inv.prefix}0001`);
    expect(all.items.filter((s) => s.usedBy.some((u) => u.kind === 'count_list_type'))).toHaveLength(4);
  });

  it('creates a scheme, searches by code and prefix, pages', async () => {
    const s = await createNumberSequence(t.ctx, manager, {
      code: 'count_list.YEAR',
      prefix: 'CL26-',
      width: 5,
      nextValue: '120',
      maxItemsPerList: 200,
    });
    expect(s).toEqual({
      code: 'count_list.YEAR',
      prefix: 'CL26-',
      width: 5,
      nextValue: '120',
      maxItemsPerList: 200,
      nextNumber: 'CL26-00120',
      purpose: 'general',
      usedBy: [],
    });
    await createNumberSequence(t.ctx, manager, { code: 'count_list.SPARE' });
    expect((await listNumberSequences(t.ctx, manager, { ...page, q: 'YEAR' })).items.map((x) => x.code)).toEqual([
      'count_list.YEAR',
    ]);
    expect((await listNumberSequences(t.ctx, manager, { ...page, q: 'cl26' })).items.map((x) => x.code)).toEqual([
      'count_list.YEAR',
    ]);
    const first = await listNumberSequences(t.ctx, manager, { limit: 1, offset: 0, q: 'count_list.' });
    expect(first.items).toHaveLength(1);
    expect(first.nextOffset).toBe(1);
    expect((await getNumberSequence(t.ctx, counter, 'count_list.SPARE')).nextNumber).toBe('000001');
  });

  it('refuses duplicates, the item-class and EAN namespaces, numbers too long, and counters', async () => {
    await expect(createNumberSequence(t.ctx, manager, { code: 'count_list.YEAR' })).rejects.toMatchObject({
      code: 'conflict.duplicate',
      field: 'code',
    });
    await expect(createNumberSequence(t.ctx, manager, { code: 'item-code.X' })).rejects.toMatchObject({
      code: 'validation.failed',
      field: 'code',
    });
    await expect(
      createNumberSequence(t.ctx, manager, { code: 'LONG', prefix: 'ABCDEFGHIJKLMNOPQRSTU' }),
    ).rejects.toMatchObject({ field: 'prefix' });
    await expect(createNumberSequence(t.ctx, manager, { code: 'WIDE', width: 19 })).rejects.toMatchObject({
      code: 'validation.failed',
      field: 'width',
    });
    await expect(createNumberSequence(t.ctx, manager, { code: 'SP ACE' })).rejects.toMatchObject({
      code: 'validation.failed',
      field: 'code',
    });
    await expect(createNumberSequence(t.ctx, manager, { code: 'ZERO', nextValue: '0' })).rejects.toMatchObject({
      field: 'nextValue',
    });
    await expect(createNumberSequence(t.ctx, counter, { code: 'MINE' })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await expect(getNumberSequence(t.ctx, counter, 'NOPE')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('changes prefix and width; the next inventory of the type takes the changed scheme; the number never goes back', async () => {
    const first = await makeInventory(t, org, 'continuous');
    const code = (await listNumberSequences(t.ctx, manager, page)).items.find((s) =>
      s.usedBy.some((u) => u.kind === 'inventory_type' && first.typeCode === u.code),
    )!.code;
    expect((await getNumberSequence(t.ctx, manager, code)).nextValue).toBe('2');
    await expect(updateNumberSequence(t.ctx, manager, code, { nextValue: '1' })).rejects.toMatchObject({
      code: 'validation.failed',
      field: 'nextValue',
      params: { min: '2' },
    });
    const s = await updateNumberSequence(t.ctx, manager, code, { prefix: 'CY-', width: 6, nextValue: '500' });
    expect(s.nextNumber).toBe('CY-000500');
    expect((await makeInventory(t, org, 'continuous')).number).toBe('CY-000500');
    expect((await getNumberSequence(t.ctx, manager, code)).nextValue).toBe('501');
    await expect(updateNumberSequence(t.ctx, manager, code, { width: 19 })).rejects.toMatchObject({
      code: 'validation.failed',
      field: 'width',
    });
    await expect(updateNumberSequence(t.ctx, manager, code, { prefix: 'C Y' })).rejects.toMatchObject({
      code: 'validation.failed',
      field: 'prefix',
    });
    expect((await updateNumberSequence(t.ctx, manager, code, { maxItemsPerList: 50 })).maxItemsPerList).toBe(50);
    expect((await updateNumberSequence(t.ctx, manager, code, { maxItemsPerList: null })).maxItemsPerList).toBeNull();
    await expect(updateNumberSequence(t.ctx, counter, code, { prefix: 'X' })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });

  it('an item class scheme shows its class; an EAN counter keeps its GS1 prefix', async () => {
    await createItemClass(t.ctx, manager, { code: 'RM', prefix: 'RM', width: 6 });
    const cls = await getNumberSequence(t.ctx, manager, 'item-code.RM');
    expect(cls).toMatchObject({ purpose: 'item_class', usedBy: [{ kind: 'item_class', code: 'RM' }] });
    expect((await updateNumberSequence(t.ctx, manager, 'item-code.RM', { width: 10 })).nextNumber).toBe('RM0000000001');
    await setBarcodeSetting(t.ctx, manager, 'ean13', { companyPrefix: '8012345' });
    const ean = (await listNumberSequences(t.ctx, manager, { ...page, q: 'item-barcode' })).items[0]!;
    expect(ean.purpose).toBe('barcode');
    await expect(updateNumberSequence(t.ctx, manager, ean.code, { prefix: '999' })).rejects.toMatchObject({
      field: 'prefix',
    });
    expect((await updateNumberSequence(t.ctx, manager, ean.code, { nextValue: '42' })).nextValue).toBe('42');
    await expect(updateNumberSequence(t.ctx, manager, ean.code, { nextValue: '123456' })).rejects.toMatchObject({
      field: 'nextValue',
    });
  });

  it('deletes an unused scheme; refuses one that a type, item class or inventory uses', async () => {
    await deleteNumberSequence(t.ctx, manager, 'count_list.SPARE');
    await expect(getNumberSequence(t.ctx, manager, 'count_list.SPARE')).rejects.toMatchObject({ code: 'not_found' });
    const used = (await listNumberSequences(t.ctx, manager, page)).items.find(
      (s) => s.usedBy.length > 0 && s.purpose === 'general',
    )!;
    await expect(deleteNumberSequence(t.ctx, manager, used.code)).rejects.toMatchObject({
      code: 'conflict.in_use',
      params: { usedBy: expect.any(String) },
    });
    await expect(deleteNumberSequence(t.ctx, manager, 'item-code.RM')).rejects.toMatchObject({
      code: 'conflict.in_use',
      params: { usedBy: 'item_class' },
    });
    await makeInventory(t, org, 'sample', { countListSequenceCode: 'count_list.YEAR' });
    await expect(deleteNumberSequence(t.ctx, manager, 'count_list.YEAR')).rejects.toMatchObject({
      code: 'conflict.in_use',
      params: { usedBy: 'inventory' },
    });
    await expect(deleteNumberSequence(t.ctx, admin, 'NOPE')).rejects.toMatchObject({ code: 'not_found' });
  });
});
