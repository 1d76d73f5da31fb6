// Shared set-up for the inventory part-A tests: a site, an owner, keys, an inventory type per method, and
// small writers for stock balances. Rows owned by other modules are written directly (factories).
import type { Actor, Db } from '../../../src/services/context.js';
import { createInventory, type NewInventory } from '../../../src/services/inventory/inventory.service.js';
import { createInventoryType } from '../../../src/services/inventory/inventory-type.service.js';
import { SYSTEM_ACTOR } from '../../../src/services/context.js';
import type { TestDb } from '../../helpers/db.js';
import { makeKey, makeOwner, makeSite } from '../../helpers/factories.js';

export const admin: Actor = SYSTEM_ACTOR;
let seq = 0;

export interface Org {
  siteId: string;
  ownerId: string;
  otherOwnerId: string;
  /** A counter of the site: the default responsible employee of makeInventory's inventories (generation refuses lists nobody may count). */
  counterId: string;
  types: Record<'stock_taking_day' | 'continuous' | 'sample' | 'stock_comparison', string>;
}

export async function makeOrg(t: TestDb): Promise<Org> {
  const db = t.ctx.db;
  const site = await makeSite(db);
  const owner = await makeOwner(db);
  const other = await makeOwner(db);
  await makeKey(db, 'ADJ', 'adjustment');
  await makeKey(db, 'TRF', 'transfer');
  await makeKey(db, 'REVAL', 'revaluation');
  await makeKey(db, 'RCPT', 'receipt');
  const types = {} as Org['types'];
  for (const method of ['stock_taking_day', 'continuous', 'sample', 'stock_comparison'] as const) {
    const code = `T${++seq}${method.slice(0, 3).toUpperCase()}`;
    const ty = await createInventoryType(t.ctx, admin, {
      code,
      method,
      inventoryNumbering: { prefix: `${code}-`, width: 4 },
      countListNumbering: { prefix: `L${code}-`, width: 5 },
      adjustmentKey: 'ADJ',
      transferKey: 'TRF',
      valueAdjustmentKey: 'REVAL',
    });
    types[method] = ty.id;
  }
  const counter = await db
    .insertInto('users')
    .values({
      username: `counter${++seq}`,
      passwordHash: 'x',
      role: 'counter',
      siteId: site.id,
      createdAt: new Date('2026-03-01T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { siteId: site.id, ownerId: owner.id, otherOwnerId: other.id, counterId: counter.id, types };
}

export async function makeInventory(
  t: TestDb,
  org: Org,
  method: keyof Org['types'] = 'stock_taking_day',
  o: Partial<NewInventory> = {},
) {
  return createInventory(t.ctx, admin, {
    typeId: org.types[method],
    siteId: org.siteId,
    ownerId: org.ownerId,
    stockTakingDate: method === 'stock_taking_day' ? '2026-03-31' : null,
    fiscalYear: 2026,
    responsibleUserId: org.counterId,
    ...o,
  });
}

export interface BalanceInput {
  itemId: string;
  warehouseId: string;
  zoneId?: string | null;
  binId?: string | null;
  lot?: string;
  serial?: string;
  ownerId: string;
  quantity: string;
  everNonzero?: boolean;
  lastCountedDate?: string | null;
  movementsSinceCount?: number;
}

export async function addBalance(db: Db, siteId: string, b: BalanceInput) {
  return db
    .insertInto('stockBalances')
    .values({
      siteId,
      itemId: b.itemId,
      warehouseId: b.warehouseId,
      zoneId: b.zoneId ?? null,
      binId: b.binId ?? null,
      lot: b.lot ?? '',
      serial: b.serial ?? '',
      ownerId: b.ownerId,
      quantity: b.quantity,
      everNonzero: b.everNonzero ?? b.quantity !== '0',
      lastCountedDate: b.lastCountedDate ?? null,
      movementsSinceCount: b.movementsSinceCount ?? 0,
      updatedAt: new Date('2026-03-01T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The lists of an inventory as `[["001-100", …], …]` in list and line order (wh code - item code [/lot] [@bin]). */
export async function listContents(db: Db, inventoryId: string): Promise<string[][]> {
  const rows = await db
    .selectFrom('countListItems as ci')
    .innerJoin('countLists as cl', 'cl.id', 'ci.countListId')
    .innerJoin('warehouses as w', 'w.id', 'ci.warehouseId')
    .leftJoin('items as i', 'i.id', 'ci.itemId')
    .leftJoin('bins as b', 'b.id', 'ci.binId')
    .select([
      'cl.number',
      'ci.lineNo',
      'w.code as wh',
      'i.code as item',
      'ci.lot',
      'ci.serial',
      'b.code as bin',
      'ci.informational',
    ])
    .where('ci.inventoryId', '=', inventoryId)
    .orderBy('cl.number')
    .orderBy('ci.lineNo')
    .execute();
  const lists = new Map<string, string[]>();
  for (const r of rows) {
    const label = `${r.wh}-${r.item ?? '∅'}${r.lot ? `/${r.lot}` : ''}${r.serial ? `#${r.serial}` : ''}${r.bin ? `@${r.bin}` : ''}${r.informational ? ' (i)' : ''}`;
    lists.set(r.number, [...(lists.get(r.number) ?? []), label]);
  }
  return [...lists.values()];
}
