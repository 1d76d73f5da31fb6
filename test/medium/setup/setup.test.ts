// The first set-up's use cases on a fresh database: the proposed defaults are valid input for the services
// they go through, a refused row rolls the whole step back (the database connection stays usable), and a
// warehouse with zones is all-or-nothing even when the database itself refuses a row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_INVENTORY_TYPES,
  DEFAULT_TRANSACTION_KEYS,
  DEFAULT_UNITS,
  checkUniqueCodes,
} from '../../../src/domain/setup/defaults.js';
import { SYSTEM_ACTOR, type Actor } from '../../../src/services/context.js';
import {
  setupInventoryTypes,
  setupStatus,
  setupTransactionKeys,
  setupUnits,
  setupWarehouse,
} from '../../../src/services/setup/setup.service.js';
import { makeSite } from '../../helpers/factories.js';
import { freshDb, type TestDb } from '../../helpers/db.js';

let db: TestDb;
const admin: Actor = SYSTEM_ACTOR;
const manager: Actor = { userId: '0', username: 'm', role: 'manager', siteId: null };
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => {
  await db.close();
});

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: { code: string; field?: string }) => ({ code: e.code, field: e.field }),
  );

describe('checkUniqueCodes', () => {
  it.each([
    [[], null],
    [[{ code: 'A' }, { code: 'B' }], null],
    [[{ code: 'A' }, { code: 'B' }, { code: 'A' }], 'units.2.code'],
    [[{ code: 'a' }, { code: 'A' }], null],
  ])('%j → %s', (rows, field) => {
    if (field === null) expect(() => checkUniqueCodes(rows, 'units')).not.toThrow();
    else
      expect(() => checkUniqueCodes(rows, 'units')).toThrow(
        expect.objectContaining({ code: 'conflict.duplicate', field }),
      );
  });
});

describe('set-up use cases', () => {
  it('need the admin role', async () => {
    expect(await refusal(setupStatus(db.ctx, manager))).toEqual({ code: 'auth.forbidden', field: undefined });
    expect(await refusal(setupUnits(db.ctx, manager, [{ code: 'PCS', description: '', decimals: 0 }]))).toMatchObject({
      code: 'auth.forbidden',
    });
  });

  it('the proposed units, keys and inventory types are created as proposed, each step in one go', async () => {
    const units = await setupUnits(
      db.ctx,
      admin,
      DEFAULT_UNITS.map((u) => ({ ...u })),
    );
    expect(units).toHaveLength(DEFAULT_UNITS.length);
    const keys = await setupTransactionKeys(
      db.ctx,
      admin,
      DEFAULT_TRANSACTION_KEYS.map((k) => ({ ...k })),
    );
    expect(keys.map((k) => k.kind)).toEqual(['receipt', 'issue', 'transfer', 'adjustment', 'revaluation']);
    const types = await setupInventoryTypes(
      db.ctx,
      admin,
      DEFAULT_INVENTORY_TYPES.map((t) => ({
        code: t.code,
        description: t.description,
        method: t.method,
        reportType: t.reportType,
        inventoryNumbering: {
          code: t.inventoryNumbering.code,
          prefix: t.inventoryNumbering.prefix,
          width: t.inventoryNumbering.width,
        },
        countListNumbering: { ...t.countListNumbering },
        adjustmentKey: t.adjustmentKey,
        transferKey: t.transferKey,
        valueAdjustmentKey: t.valueAdjustmentKey,
      })),
    );
    expect(
      types.map((t) => [t.code, t.method, t.inventoryNumbering.code, t.countListNumbering.maxItemsPerList]),
    ).toEqual([
      ['STD', 'stock_taking_day', 'inventory:STD', 200],
      ['CYC', 'continuous', 'inventory:CYC', 100],
      ['SMP', 'sample', 'inventory:SMP', 100],
    ]);
    const s = await setupStatus(db.ctx, admin);
    expect(s.counts).toMatchObject({
      units: DEFAULT_UNITS.length,
      transactionKeys: 5,
      inventoryTypes: 3,
      numberingSchemes: 6,
    });
    expect(
      [...s.proposals.units, ...s.proposals.transactionKeys, ...s.proposals.inventoryTypes].every((p) => p.exists),
    ).toBe(true);
  });

  it('a unit refused by the database (already there) rolls back the rows before it; the next step still works', async () => {
    expect(
      await refusal(
        setupUnits(db.ctx, admin, [
          { code: 'BAG', description: 'Bag', decimals: 0 },
          { code: 'KG', description: 'again', decimals: 3 },
        ]),
      ),
    ).toEqual({ code: 'conflict.duplicate', field: 'units.1.code' });
    expect(await db.ctx.db.selectFrom('units').select('code').where('code', '=', 'BAG').execute()).toEqual([]);
    expect(await setupUnits(db.ctx, admin, [{ code: 'BAG', description: 'Bag', decimals: 0 }])).toHaveLength(1);
  });

  it('a warehouse whose second differences zone is refused leaves no warehouse and no zone', async () => {
    const site = await makeSite(db.ctx.db, { code: 'S1' });
    const diff = {
      name: 'Differences',
      organisation: 'places_only' as const,
      structured: false,
      usage: 'inventory_differences' as const,
    };
    expect(
      await refusal(
        setupWarehouse(db.ctx, admin, {
          warehouse: { siteId: site.id, code: 'W1', name: 'Main', kind: 'structured' },
          zones: [
            { code: 'A', name: 'A', organisation: 'block', structured: true },
            { code: 'D1', ...diff },
            { code: 'D2', ...diff },
          ],
        }),
      ),
    ).toEqual({ code: 'conflict.duplicate', field: 'zones.2.usage' });
    expect(await db.ctx.db.selectFrom('warehouses').select('code').execute()).toEqual([]);
    expect(await db.ctx.db.selectFrom('zones').select('code').execute()).toEqual([]);
    const ok = await setupWarehouse(db.ctx, admin, {
      warehouse: { siteId: site.id, code: 'W1', name: 'Main', kind: 'structured' },
      zones: [{ code: 'D1', ...diff }],
    });
    expect(ok.zones.map((z) => z.usage)).toEqual(['inventory_differences']);
  });

  it('an unknown site is refused on the warehouse field', async () => {
    expect(
      await refusal(
        setupWarehouse(db.ctx, admin, {
          warehouse: { siteId: '999999', code: 'W9', name: 'x', kind: 'unstructured' },
          zones: [],
        }),
      ),
    ).toEqual({ code: 'reference.unknown', field: 'warehouse.siteId' });
  });
});
