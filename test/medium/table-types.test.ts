// The Kysely table types (src/storage/tables/*.tables.ts, joined in schema.ts) against the migrated schema:
// every table and column the code can name exists, every column of the database is known to the code, and
// a column is nullable in SQL exactly when its type admits null. Read with the TypeScript compiler, so the
// types are checked as TypeScript sees them (wrappers like Generated<> and ColumnType<> included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import ts from 'typescript';
import { freshDb, type TestDb } from '../helpers/db.js';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => {
  await t.close();
});

// The same mapping as the database's CamelCasePlugin (underscoreBeforeDigits): an upper-case letter becomes
// "_" + its lower case, and a number gets "_" before it (settlementPrice1 → settlement_price_1).
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/([a-z])(\d)/g, '$1_$2');

interface Column {
  nullable: boolean;
}

/** Tables and columns as the code declares them: table → column → nullable. */
function declared(): Map<string, Map<string, Column>> {
  const file = new URL('../../src/storage/schema.ts', import.meta.url).pathname;
  const program = ts.createProgram([file], {
    strict: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const db = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Database',
  )!;
  const dbType = checker.getTypeAtLocation(db);
  const out = new Map<string, Map<string, Column>>();
  for (const table of checker.getPropertiesOfType(dbType)) {
    const rowType = checker.getTypeOfSymbolAtLocation(table, db);
    const cols = new Map<string, Column>();
    for (const col of checker.getPropertiesOfType(rowType)) {
      let type = checker.getTypeOfSymbolAtLocation(col, db);
      // ColumnType<Select, Insert, Update> (and Generated<>) carry the selected type in __select__.
      const select = type.getProperty('__select__');
      if (select) type = checker.getTypeOfSymbolAtLocation(select, db);
      const parts = type.isUnion() ? type.types : [type];
      cols.set(snake(col.name), { nullable: parts.some((p) => (p.flags & ts.TypeFlags.Null) !== 0) });
    }
    out.set(snake(table.name), cols);
  }
  return out;
}

async function actual(): Promise<Map<string, Map<string, Column>>> {
  const rows = (
    await sql<{ table: string; column: string; nullable: string }>`
    select c.table_name as "table", c.column_name as "column", c.is_nullable as nullable
    from information_schema.columns c join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
    where c.table_schema = current_schema() and tb.table_type = 'BASE TABLE'`.execute(t.ctx.db)
  ).rows;
  const out = new Map<string, Map<string, Column>>();
  for (const r of rows) {
    if (!out.has(r.table)) out.set(r.table, new Map());
    out.get(r.table)!.set(r.column, { nullable: r.nullable === 'YES' });
  }
  return out;
}

describe('table types match the migrated schema', () => {
  let code: Map<string, Map<string, Column>>;
  let db: Map<string, Map<string, Column>>;
  beforeAll(async () => {
    code = declared();
    db = await actual();
  }, 120_000);

  it('every table of the code exists, and every table of the database is known to the code', () => {
    const internal = ['schema_migrations'];
    expect([...code.keys()].filter((tb) => !db.has(tb))).toEqual([]);
    expect([...db.keys()].filter((tb) => !code.has(tb) && !internal.includes(tb))).toEqual([]);
  });

  it('the columns are the same, and nullable exactly where the type admits null', () => {
    const wrong: string[] = [];
    for (const [table, cols] of code) {
      const real = db.get(table);
      if (!real) continue;
      for (const [col, c] of cols) {
        const r = real.get(col);
        if (!r) wrong.push(`${table}.${col}: in the type, not in the database`);
        else if (r.nullable !== c.nullable)
          wrong.push(`${table}.${col}: nullable in ${r.nullable ? 'the database' : 'the type'} only`);
      }
      for (const col of real.keys())
        if (!cols.has(col)) wrong.push(`${table}.${col}: in the database, not in the type`);
    }
    expect(wrong).toEqual([]);
  });
});
