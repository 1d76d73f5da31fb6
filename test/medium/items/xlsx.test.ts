// XLSX import/export of the item master: the same validator and report as CSV, only another reader/writer.
// Export → import into an empty database reproduces the items exactly; rejected rows name the spreadsheet row
// and column; search codes from XLSX; a file that is no workbook is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { DomainError } from '../../../src/domain/errors.js';
import { ITEM_COLUMNS } from '../../../src/domain/items/import.js';
import { SYSTEM_ACTOR } from '../../../src/services/context.js';
import { parseXlsx } from '../../../src/services/items/import-files.js';
import { exportItemsXlsx, importItems, importSearchCodes } from '../../../src/services/items/item-import.service.js';
import { createClassification } from '../../../src/services/items/unit.service.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { makeUnit } from '../../helpers/factories.js';

let db: TestDb;
const admin = SYSTEM_ACTOR;

async function setup(t: TestDb): Promise<void> {
  await makeUnit(t.ctx.db, 'PZ', 0);
  await makeUnit(t.ctx.db, 'KG', 3);
  await createClassification(t.ctx, admin, { kind: 'product_group', code: 'FAST', description: 'Fasteners' });
  await t.ctx.db.insertInto('serialClasses').values({ code: 'SN' }).execute();
}
async function toBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(Buffer.from(c as Buffer));
  return Buffer.concat(parts);
}
const xlsx = async (data: SheetData) => writeXlsxFile(data).toBuffer();
async function rejects(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}
const snapshot = async (t: TestDb) =>
  (await t.ctx.db.selectFrom('items').selectAll().orderBy('code').execute()).map(
    ({ id: _i, createdAt: _c, updatedAt: _u, ...rest }) => rest,
  );

beforeAll(async () => {
  db = await freshDb();
  await setup(db);
  const csv = [
    'code,description,primaryUnit,secondaryUnit,secondaryConversionOp,secondaryConversionFactor,productGroup,standardCost,inventoryPrice,netWeight,grossWeight,lotManagement,serialManagement,serialClass,countCycleDays,supplementaryDescription',
    'BOLT-1,Hex bolt M8,PZ,KG,\\,0.008,FAST,0.125,12345678901.123456789,,,no,no,,30,',
    '00123,"=SUM(1,2) looks like a formula",PZ,,,,,0,0,1.5,1.75,yes,no,,0,"two\nlines"',
    'SER-9,Serial drill,PZ,,,,,12000000.5,0,,,no,yes,SN,0,',
  ].join('\n');
  const r = await importItems(db.ctx, admin, csv);
  expect([r.imported, r.rejected]).toEqual([3, []]);
});
afterAll(async () => {
  await db.close();
});

describe('XLSX import/export', () => {
  it('exports a workbook that imports into an empty database unchanged', async () => {
    const bytes = await toBuffer(await exportItemsXlsx(db.ctx, admin));
    const parsed = await parseXlsx(bytes);
    expect(parsed.header).toEqual([...ITEM_COLUMNS]);
    const bolt = parsed.rows.find((r) => r.values.code === 'BOLT-1')!;
    // Row 3 (header row 1, 00123 sorts first). Exact decimals: a number cell where a double holds it, text beyond 15 digits.
    expect([
      bolt.line,
      bolt.values.standardCost,
      bolt.values.inventoryPrice,
      bolt.values.secondaryConversionFactor,
    ]).toEqual([3, '0.125', '12345678901.123456789', '0.008']);
    expect(parsed.rows.find((r) => r.values.code === '00123')!.values.description).toBe(
      '=SUM(1,2) looks like a formula',
    );
    const other = await freshDb();
    try {
      await setup(other);
      const r = await importItems(other.ctx, admin, bytes);
      expect([r.status, r.total, r.imported, r.rejected]).toEqual(['imported', 3, 3, []]);
      expect(await snapshot(other)).toEqual(await snapshot(db));
    } finally {
      await other.close();
    }
  });

  it('reports rejected rows with spreadsheet row and column, like CSV', async () => {
    const bytes = await xlsx([
      ['code', 'description', 'primaryUnit', 'standardCost', 'serialManagement'],
      ['NEW-1', 'Good row', 'PZ', 1.5, false],
      ['NEW-2', 'Unknown unit', 'BOX', null, null],
      [null, null, null, null, null],
      ['NEW-3', 'Negative cost', 'PZ', -2, null],
      ['NEW-4', 'Serial without class', 'PZ', null, true],
      ['BOLT-1', 'Code in use', 'PZ', null, null],
    ]);
    const r = await importItems(db.ctx, admin, bytes, { dryRun: true });
    expect(r.status).toBe('validated');
    expect(r.total).toBe(5);
    expect(r.rejected.map((p) => [p.line, p.column, p.field, p.code])).toEqual([
      [3, 'C', 'primaryUnit', 'reference.unknown'],
      [5, 'D', 'standardCost', 'validation.failed'],
      [6, undefined, 'serialClass', 'lot.class_required'],
      [7, 'A', 'code', 'conflict.duplicate'],
    ]);
    const written = await importItems(db.ctx, admin, bytes);
    expect([
      written.imported,
      (await db.ctx.db.selectFrom('items').select('standardCost').where('code', '=', 'NEW-1').executeTakeFirstOrThrow())
        .standardCost,
    ]).toEqual([1, '1.5']);
  });

  it('imports search codes from XLSX; a file that is no workbook or has a bad header is refused', async () => {
    const r = await importSearchCodes(
      db.ctx,
      admin,
      await xlsx([
        ['itemCode', 'code', 'unit', 'conversionOp', 'conversionFactor'],
        ['BOLT-1', '4006381333931', 'PZ', null, null],
        ['BOLT-1', 'BOLT-BOX', 'KG', 'x', 2.5],
        ['NOPE', 'X1', 'PZ', null, null],
      ]),
    );
    expect([r.imported, r.rejected.map((p) => [p.line, p.column, p.field])]).toEqual([2, [[4, 'A', 'itemCode']]]);
    const box = await db.ctx.db
      .selectFrom('itemSearchCodes')
      .selectAll()
      .where('code', '=', 'BOLT-BOX')
      .executeTakeFirstOrThrow();
    expect([box.unit, box.conversionFactor]).toEqual(['KG', '2.5']);
    expect(await rejects(importItems(db.ctx, admin, Buffer.from('not a zip at all')))).toMatchObject({
      code: 'import.header_invalid',
      field: 'xlsx',
    });
    expect(
      await rejects(
        importItems(
          db.ctx,
          admin,
          await xlsx([
            ['code', 'colour'],
            ['X', 'red'],
          ]),
        ),
      ),
    ).toMatchObject({ code: 'import.header_invalid', field: 'colour' });
  });
});
