// Item and search-code import from CSV on a real database: a report line per rejected row, header errors
// are fatal, dry run and all-or-nothing write nothing, export reads back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import { SYSTEM_ACTOR } from '../../../src/services/context.js';
import {
  exportItemsCsv,
  importItemsCsv,
  importSearchCodesCsv,
} from '../../../src/services/items/item-import.service.js';
import { listItems } from '../../../src/services/items/item-search.service.js';
import { createClassification } from '../../../src/services/items/unit.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeItem, makeUnit } from '../../helpers/factories.js';

let db: TestDb;
const admin = SYSTEM_ACTOR;
const count = async () =>
  Number(
    (
      await db.ctx.db
        .selectFrom('items')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

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
  await makeUnit(db.ctx.db, 'KG', 3);
  await createClassification(db.ctx, admin, { kind: 'product_group', code: 'FAST', description: 'Fasteners' });
  await makeItem(db.ctx.db, { code: 'EXISTING', primaryUnit: 'PZ' });
  await db.ctx.db.insertInto('serialClasses').values({ code: 'SN' }).execute();
});
afterAll(async () => {
  await db.close();
});

const ITEMS = [
  'code;description;primaryUnit;secondaryUnit;secondaryConversionOp;secondaryConversionFactor;productGroup;standardCost;netWeight;grossWeight;serialManagement;serialClass',
  'BOLT-1;Hex bolt M8;PZ;;;;FAST;0,125;;;no;',
  'FLOUR;"Flour; type 00";KG;;;;;1.20;1;1.05;0;',
  'bad code;Spaces in code;PZ;;;;;;;;;',
  'NOUNIT;Unknown unit;BOX;;;;;;;;;',
  'BOLT-1;Duplicate in file;PZ;;;;;;;;;',
  'EXISTING;Already there;PZ;;;;;;;;;',
  'GRP;Unknown group;PZ;;;;NOPE;;;;;',
  'SEC;Half secondary;PZ;KG;;;;;;;;',
  'NEG;Negative cost;PZ;;;;;-1;;;;',
  'WEIGHT;Gross below net;PZ;;;;;;2;1;;',
  'PACK;Packs of ten;PZ;KG;x;10;;;;;yes;SN',
  'SERNO;Serial without class;PZ;;;;;;;;yes;',
].join('\n');

describe('item import', () => {
  it('dry run reports every rejected row and writes nothing', async () => {
    const before = await count();
    const r = await importItemsCsv(db.ctx, admin, ITEMS, { dryRun: true });
    expect(r.status).toBe('validated');
    expect(r.total).toBe(12);
    expect(r.rejected.map((x) => [x.line, x.field, x.code])).toEqual([
      [4, 'code', 'item.code_invalid'],
      [5, 'primaryUnit', 'reference.unknown'],
      [6, 'code', 'conflict.duplicate'],
      [7, 'code', 'conflict.duplicate'],
      [8, 'productGroup', 'reference.unknown'],
      [9, 'secondaryConversionOp', 'unit.conversion_invalid'],
      [10, 'standardCost', 'validation.failed'],
      [11, 'grossWeight', 'validation.failed'],
      [13, 'serialClass', 'lot.class_required'],
    ]);
    expect(r.rejected[2]!.message).toContain('line 2');
    expect(await count()).toBe(before);
  });

  it('all-or-nothing writes nothing when a row is rejected', async () => {
    const before = await count();
    expect((await importItemsCsv(db.ctx, admin, ITEMS, { allOrNothing: true })).status).toBe('rejected');
    expect(await count()).toBe(before);
  });

  it('imports the good rows with main search code and word search', async () => {
    const r = await importItemsCsv(db.ctx, admin, ITEMS);
    expect([r.status, r.imported, r.rejected.length]).toEqual(['imported', 3, 9]);
    const flour = await db.ctx.db.selectFrom('items').selectAll().where('code', '=', 'FLOUR').executeTakeFirstOrThrow();
    expect([flour.description, flour.standardCost, flour.netWeight, flour.grossWeight]).toEqual([
      'Flour; type 00',
      '1.2',
      '1',
      '1.05',
    ]);
    const bolt = await db.ctx.db.selectFrom('items').selectAll().where('code', '=', 'BOLT-1').executeTakeFirstOrThrow();
    expect([bolt.standardCost, bolt.productGroup]).toEqual(['0.125', 'FAST']);
    const pack = await db.ctx.db.selectFrom('items').selectAll().where('code', '=', 'PACK').executeTakeFirstOrThrow();
    expect([pack.secondaryUnit, pack.secondaryConversionFactor, pack.serialManagement, pack.serialClass]).toEqual([
      'KG',
      '10',
      true,
      'SN',
    ]);
    const hits = await listItems(db.ctx, admin, { limit: 10, offset: 0, q: 'bolt' });
    expect(hits.items.map((i) => i.code)).toEqual(['BOLT-1']);
    expect(
      await db.ctx.db.selectFrom('itemSearchCodes').select(['code', 'isMain']).where('code', '=', 'FLOUR').execute(),
    ).toEqual([{ code: 'FLOUR', isMain: true }]);
  });

  it('a bad header or malformed CSV is fatal and names the problem', async () => {
    expect(await rejects(importItemsCsv(db.ctx, admin, 'code,description\nX,Y'))).toMatchObject({
      code: 'import.header_invalid',
      field: 'primaryUnit',
    });
    expect(
      await rejects(importItemsCsv(db.ctx, admin, 'code,description,primaryUnit,colour\nX,Y,PZ,red')),
    ).toMatchObject({ code: 'import.header_invalid', field: 'colour' });
    expect((await rejects(importItemsCsv(db.ctx, admin, 'code,description,primaryUnit\nX,"Y,PZ\n'))).code).toBe(
      'import.header_invalid',
    );
    expect((await rejects(importItemsCsv(db.ctx, { ...admin, role: 'counter' }, ITEMS))).code).toBe('auth.forbidden');
  });

  it('imports search codes with their unit and conversion', async () => {
    const csv =
      'itemCode,code,unit,conversionOp,conversionFactor\nFLOUR,8001234567895,KG,,\nFLOUR,FLOUR-SACK,KG,x,25\nNOPE,X1,PZ,,\nBOLT-1,FLOUR,PZ,,\nBOLT-1,B-BOX,BOX,,\n';
    const r = await importSearchCodesCsv(db.ctx, admin, csv);
    expect(r.imported).toBe(2);
    expect(r.rejected.map((x) => [x.line, x.field])).toEqual([
      [4, 'itemCode'],
      [5, 'code'],
      [6, 'unit'],
    ]);
    const sack = await db.ctx.db
      .selectFrom('itemSearchCodes')
      .selectAll()
      .where('code', '=', 'FLOUR-SACK')
      .executeTakeFirstOrThrow();
    expect([sack.unit, sack.conversionFactor, sack.isMain, sack.description]).toEqual([
      'KG',
      '25',
      false,
      'Flour; type 00',
    ]);
  });

  it('exports items as CSV that imports again', async () => {
    await db.ctx.db.updateTable('items').set({ description: '=HYPERLINK("x")' }).where('code', '=', 'BOLT-1').execute();
    const csv = await exportItemsCsv(db.ctx, admin);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]!.startsWith('code,description,primaryUnit')).toBe(true);
    const bolt = lines.find((l) => l.startsWith('BOLT-1,'))!;
    expect(bolt).toContain(`"'=HYPERLINK(""x"")"`);
    expect(bolt).toContain(',0.125,');
    // Into an empty database the export is accepted row for row, the guarded formula read back as text.
    const other = await freshDb();
    try {
      await makeUnit(other.ctx.db, 'PZ', 0);
      await makeUnit(other.ctx.db, 'KG', 3);
      await createClassification(other.ctx, admin, { kind: 'product_group', code: 'FAST', description: 'Fasteners' });
      await other.ctx.db.insertInto('serialClasses').values({ code: 'SN' }).execute();
      const r = await importItemsCsv(other.ctx, admin, csv);
      expect([r.imported, r.rejected]).toEqual([lines.length - 1, []]);
      expect(
        (
          await other.ctx.db
            .selectFrom('items')
            .select('description')
            .where('code', '=', 'BOLT-1')
            .executeTakeFirstOrThrow()
        ).description,
      ).toBe('=HYPERLINK("x")');
    } finally {
      await other.close();
    }
  });
});
