// The first set-up of an empty database: what exists already, what is proposed, and one request
// per step that creates the confirmed rows in ONE transaction. Each row goes through the ordinary use case
// (createWarehouse, createZone, createUnit, createTransactionKey, createInventoryType) so every rule of
// those services holds here too; they join the step's transaction instead of opening their own, so a
// refusal of the fifth row leaves nothing of the first four behind.
import type { Transaction } from 'kysely';
import { DomainError, isDomainError } from '../../domain/errors.js';
import { DEFAULT_SAMPLING_CONFIG } from '../../domain/inventory/sampling/index.js';
import {
  DEFAULT_INVENTORY_TYPES,
  DEFAULT_TRANSACTION_KEYS,
  DEFAULT_UNITS,
  type DefaultInventoryType,
  type DefaultKey,
  type DefaultUnit,
  checkUniqueCodes,
} from '../../domain/setup/defaults.js';
import type { Database } from '../../storage/schema.js';
import { type Actor, type Db, type ServiceContext, inTransaction, requireRole } from '../context.js';
import {
  type InventoryTypeInput,
  type InventoryTypeView,
  createInventoryType,
} from '../inventory/inventory-type.service.js';
import { setTypeSampling } from '../inventory/sample.service.js';
import { type UnitView, createUnit } from '../items/unit.service.js';
import { type NewTransactionKey, type TransactionKeyView, createTransactionKey } from '../ledger/keys.service.js';
import { type WarehouseInput, type WarehouseView, createWarehouse } from '../places/warehouse.service.js';
import { type ZoneInput, type ZoneView, createZone } from '../places/zone.service.js';
import { type SetupCounts, countSetup, existingCodes } from './setup.repository.js';

export interface SetupStatus {
  counts: SetupCounts;
  /** True while the database has no site: the back office leads the admin to the set-up. */
  needed: boolean;
  proposals: {
    units: Array<DefaultUnit & { exists: boolean }>;
    transactionKeys: Array<DefaultKey & { exists: boolean }>;
    inventoryTypes: Array<DefaultInventoryType & { exists: boolean }>;
  };
}

export async function setupStatus(ctx: ServiceContext, actor: Actor): Promise<SetupStatus> {
  requireRole(actor, 'admin');
  return inTransaction(ctx, async (trx) => {
    const counts = await countSetup(trx);
    const have = await existingCodes(trx, {
      units: DEFAULT_UNITS.map((u) => u.code),
      keys: DEFAULT_TRANSACTION_KEYS.map((k) => k.code),
      types: DEFAULT_INVENTORY_TYPES.map((t) => t.code),
    });
    return {
      counts,
      needed: counts.sites === 0,
      proposals: {
        units: DEFAULT_UNITS.map((u) => ({ ...u, exists: have.units.has(u.code) })),
        transactionKeys: DEFAULT_TRANSACTION_KEYS.map((k) => ({ ...k, exists: have.keys.has(k.code) })),
        inventoryTypes: DEFAULT_INVENTORY_TYPES.map((t) => ({ ...t, exists: have.types.has(t.code) })),
      },
    };
  });
}

/**
 * A context whose use cases join `trx` rather than opening a transaction of their own. Kysely has no nested
 * transactions, and PGlite is one connection: a second transaction would wait for the first forever.
 */
function joined(ctx: ServiceContext, trx: Transaction<Database>): ServiceContext {
  const begin = {
    execute: <T>(fn: (t: Transaction<Database>) => Promise<T>): Promise<T> => fn(trx),
    setIsolationLevel: () => begin,
    setAccessMode: () => begin,
  };
  const db = new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction') return () => begin;
      const v: unknown = Reflect.get(target, prop, target);
      // Kysely keeps its state in #private fields: methods must run on the real object, not the proxy.
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { ...ctx, db: db as unknown as Db };
}

/** Runs one step in one transaction, every row through its use case on the joined context. */
function step<T>(ctx: ServiceContext, fn: (c: ServiceContext) => Promise<T>): Promise<T> {
  return inTransaction(ctx, (trx) => fn(joined(ctx, trx)));
}

/** Re-throws a row's error with the row's place in the request (`zones.2.code`), so the form marks that cell. */
async function at<T>(prefix: string, fn: () => Promise<T>, rename: Record<string, string> = {}): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!isDomainError(e)) throw e;
    const field = e.field ? (rename[e.field] ?? `${prefix}.${e.field}`) : prefix;
    throw new DomainError(e.code, `${prefix}: ${e.message}`, e.params ? { field, params: e.params } : { field });
  }
}

export interface SetupWarehouseInput {
  warehouse: WarehouseInput;
  zones: Array<Omit<ZoneInput, 'warehouseId'>>;
}

/** A warehouse with its zones (the differences zone among them) — all of it, or nothing. */
export async function setupWarehouse(
  ctx: ServiceContext,
  actor: Actor,
  input: SetupWarehouseInput,
): Promise<{ warehouse: WarehouseView; zones: ZoneView[] }> {
  requireRole(actor, 'admin');
  checkUniqueCodes(input.zones, 'zones');
  return step(ctx, async (c) => {
    const warehouse = await at('warehouse', () => createWarehouse(c, actor, input.warehouse));
    const zones: ZoneView[] = [];
    for (const [i, z] of input.zones.entries()) {
      // "Zones only in structured warehouses" is about the warehouse's kind: mark that field.
      zones.push(
        await at(`zones.${i}`, () => createZone(c, actor, { ...z, warehouseId: warehouse.id }), {
          warehouseId: 'warehouse.kind',
        }),
      );
    }
    return { warehouse, zones };
  });
}

export async function setupUnits(ctx: ServiceContext, actor: Actor, units: UnitView[]): Promise<UnitView[]> {
  requireRole(actor, 'admin');
  checkUniqueCodes(units, 'units');
  return step(ctx, async (c) => {
    const out: UnitView[] = [];
    for (const [i, u] of units.entries()) out.push(await at(`units.${i}`, () => createUnit(c, actor, u)));
    return out;
  });
}

export async function setupTransactionKeys(
  ctx: ServiceContext,
  actor: Actor,
  keys: NewTransactionKey[],
): Promise<TransactionKeyView[]> {
  requireRole(actor, 'admin');
  checkUniqueCodes(keys, 'keys');
  return step(ctx, async (c) => {
    const out: TransactionKeyView[] = [];
    for (const [i, k] of keys.entries()) out.push(await at(`keys.${i}`, () => createTransactionKey(c, actor, k)));
    return out;
  });
}

/** Inventory types with their numbering schemes (created when missing, by the type's own use case). */
export async function setupInventoryTypes(
  ctx: ServiceContext,
  actor: Actor,
  types: InventoryTypeInput[],
): Promise<InventoryTypeView[]> {
  requireRole(actor, 'admin');
  checkUniqueCodes(types, 'types');
  return step(ctx, async (c) => {
    const out: InventoryTypeView[] = [];
    for (const [i, t] of types.entries()) {
      const type = await at(`types.${i}`, () => createInventoryType(c, actor, t));
      // A sample-method type can draw at once: it starts with the default sampling configuration (docs/sampling.md).
      if (type.method === 'sample') await setTypeSampling(c, actor, type.id, DEFAULT_SAMPLING_CONFIG);
      out.push(type);
    }
    return out;
  });
}
