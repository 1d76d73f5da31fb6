// Inventory types (SPEC §4.1): CRUD, with their two numbering schemes (number_sequences rows) created or
// adjusted in the same transaction. Types are configuration: admins change them, everyone reads them.
import { DomainError } from '../../domain/errors.js';
import type { InventoryMethod, MaterialType, ReportType, ValuationPrice } from '../../domain/inventory/inventory.js';
import { checkTypeChange, checkTypeRules } from '../../domain/inventory/inventory-type.js';
import { parseTolerance } from '../../domain/inventory/tolerance.js';
import { type Actor, type ServiceContext, type Tx, found, inTransaction, requireRole } from '../context.js';
import {
  deleteType,
  findSequence,
  findType,
  insertSequence,
  insertType,
  keyKinds,
  sequencesOf,
  typeCodeTaken,
  typeIdsByCode,
  typeInUse,
  typeKey,
  updateSequence,
  updateType,
} from './inventory-type.repository.js';

export interface NumberingInput {
  code?: string | undefined;
  prefix?: string | undefined;
  width?: number | undefined;
  nextValue?: number | undefined;
  maxItemsPerList?: number | null | undefined;
}
export interface NumberingView {
  code: string;
  prefix: string;
  width: number;
  nextValue: number;
  maxItemsPerList: number | null;
}

export interface InventoryTypeInput {
  code: string;
  description?: string | undefined;
  method: InventoryMethod;
  materialType?: MaterialType | undefined;
  inventoryNumbering?: NumberingInput | undefined;
  countListNumbering?: NumberingInput | undefined;
  valuationPrice?: ValuationPrice | undefined;
  adjustmentKey?: string | null | undefined;
  transferKey?: string | null | undefined;
  valueAdjustmentKey?: string | null | undefined;
  reportType?: ReportType | undefined;
  singleReportingRequired?: boolean | undefined;
  showSystemQuantities?: boolean | undefined;
  keepLocation?: boolean | undefined;
  /** Allowed difference per line in percent of the target; null: no limit by quantity (docs/tolerances.md). */
  tolerancePercent?: string | null | undefined;
  /** Allowed difference per line by value (|difference| × price); null: no limit by value. */
  toleranceValue?: string | null | undefined;
}
export type InventoryTypeChanges = Partial<Omit<InventoryTypeInput, 'code'>>;

export interface InventoryTypeView {
  id: string;
  code: string;
  description: string;
  method: InventoryMethod;
  materialType: MaterialType;
  inventoryNumbering: NumberingView;
  countListNumbering: NumberingView;
  valuationPrice: ValuationPrice;
  adjustmentKey: string | null;
  transferKey: string | null;
  valueAdjustmentKey: string | null;
  reportType: ReportType;
  singleReportingRequired: boolean;
  showSystemQuantities: boolean;
  keepLocation: boolean;
  tolerancePercent: string | null;
  toleranceValue: string | null;
}

/** Creates the sequence when missing; adjusts the given settings when it exists. */
async function upsertNumbering(trx: Tx, code: string, n: NumberingInput | undefined, field: string): Promise<string> {
  const existing = await findSequence(trx, code);
  if (!existing) {
    await insertSequence(trx, {
      code,
      prefix: n?.prefix ?? '',
      width: n?.width ?? 6,
      nextValue: String(n?.nextValue ?? 1),
      maxItemsPerList: n?.maxItemsPerList ?? null,
    });
    return code;
  }
  if (n?.nextValue !== undefined && n.nextValue < Number(existing.nextValue)) {
    // Numbers already handed out must never be handed out again.
    throw new DomainError('validation.failed', `the next number cannot go back below ${existing.nextValue}`, {
      field: `${field}.nextValue`,
    });
  }
  const set = {
    ...(n?.prefix !== undefined ? { prefix: n.prefix } : {}),
    ...(n?.width !== undefined ? { width: n.width } : {}),
    ...(n?.nextValue !== undefined ? { nextValue: String(n.nextValue) } : {}),
    ...(n?.maxItemsPerList !== undefined ? { maxItemsPerList: n.maxItemsPerList } : {}),
  };
  if (Object.keys(set).length > 0) await updateSequence(trx, code, set);
  return code;
}

/** The tolerance columns a create or update sets (each side checked; an absent side keeps its value). */
function tolerancePatch(
  input: Pick<InventoryTypeInput, 'tolerancePercent' | 'toleranceValue'>,
  cur?: { tolerancePercent: string | null; toleranceValue: string | null },
): { tolerancePercent?: string | null; toleranceValue?: string | null } {
  if (input.tolerancePercent === undefined && input.toleranceValue === undefined) return {};
  const t = parseTolerance(
    input.tolerancePercent === undefined ? (cur?.tolerancePercent ?? null) : input.tolerancePercent,
    input.toleranceValue === undefined ? (cur?.toleranceValue ?? null) : input.toleranceValue,
  );
  return { tolerancePercent: t.percent, toleranceValue: t.value };
}

async function loadView(trx: Tx, id: string): Promise<InventoryTypeView> {
  const t = found(await findType(trx, id), `inventory type ${id}`);
  const seqs = await sequencesOf(trx, [t.inventorySequenceCode, t.countListSequenceCode]);
  const view = (code: string): NumberingView => {
    const s = seqs.find((x) => x.code === code)!;
    return {
      code,
      prefix: s.prefix,
      width: s.width,
      nextValue: Number(s.nextValue),
      maxItemsPerList: s.maxItemsPerList,
    };
  };
  return {
    id: t.id,
    code: t.code,
    description: t.description,
    method: t.method,
    materialType: t.materialType,
    inventoryNumbering: view(t.inventorySequenceCode),
    countListNumbering: view(t.countListSequenceCode),
    valuationPrice: t.valuationPrice,
    adjustmentKey: t.adjustmentKey,
    transferKey: t.transferKey,
    valueAdjustmentKey: t.valueAdjustmentKey,
    reportType: t.reportType,
    singleReportingRequired: t.singleReportingRequired,
    showSystemQuantities: t.showSystemQuantities,
    keepLocation: t.keepLocation,
    tolerancePercent: t.tolerancePercent,
    toleranceValue: t.toleranceValue,
  };
}

export async function createInventoryType(
  ctx: ServiceContext,
  actor: Actor,
  input: InventoryTypeInput,
): Promise<InventoryTypeView> {
  requireRole(actor, 'admin');
  return inTransaction(ctx, async (trx) => {
    if (await typeCodeTaken(trx, input.code))
      throw new DomainError('conflict.duplicate', `inventory type ${input.code} already exists`, { field: 'code' });
    const rules = {
      method: input.method,
      materialType: input.materialType ?? 'stock_items',
      adjustmentKey: input.adjustmentKey ?? null,
      transferKey: input.transferKey ?? null,
      valueAdjustmentKey: input.valueAdjustmentKey ?? null,
    };
    checkTypeRules(rules, await keyKinds(trx, [rules.adjustmentKey, rules.transferKey, rules.valueAdjustmentKey]));
    const invSeq = await upsertNumbering(
      trx,
      input.inventoryNumbering?.code ?? `inventory:${input.code}`,
      input.inventoryNumbering,
      'inventoryNumbering',
    );
    const listSeq = await upsertNumbering(
      trx,
      input.countListNumbering?.code ?? `count_list:${input.code}`,
      input.countListNumbering,
      'countListNumbering',
    );
    const id = await insertType(trx, {
      code: input.code,
      description: input.description ?? '',
      ...rules,
      inventorySequenceCode: invSeq,
      countListSequenceCode: listSeq,
      valuationPrice: input.valuationPrice ?? 'average',
      reportType: input.reportType ?? 'single',
      singleReportingRequired: input.singleReportingRequired ?? false,
      showSystemQuantities: input.showSystemQuantities ?? false,
      keepLocation: input.keepLocation ?? true,
      ...tolerancePatch(input),
      createdAt: ctx.now(),
    });
    return loadView(trx, id);
  });
}

export async function updateInventoryType(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: InventoryTypeChanges,
): Promise<InventoryTypeView> {
  requireRole(actor, 'admin');
  return inTransaction(ctx, async (trx) => {
    const cur = found(await findType(trx, id, true), `inventory type ${id}`);
    const next = {
      method: changes.method ?? cur.method,
      materialType: changes.materialType ?? cur.materialType,
      adjustmentKey: changes.adjustmentKey !== undefined ? changes.adjustmentKey : cur.adjustmentKey,
      transferKey: changes.transferKey !== undefined ? changes.transferKey : cur.transferKey,
      valueAdjustmentKey:
        changes.valueAdjustmentKey !== undefined ? changes.valueAdjustmentKey : cur.valueAdjustmentKey,
    };
    checkTypeChange(cur, next, await typeInUse(trx, id));
    checkTypeRules(next, await keyKinds(trx, [next.adjustmentKey, next.transferKey, next.valueAdjustmentKey]));
    const invSeq = changes.inventoryNumbering
      ? await upsertNumbering(
          trx,
          changes.inventoryNumbering.code ?? cur.inventorySequenceCode,
          changes.inventoryNumbering,
          'inventoryNumbering',
        )
      : cur.inventorySequenceCode;
    const listSeq = changes.countListNumbering
      ? await upsertNumbering(
          trx,
          changes.countListNumbering.code ?? cur.countListSequenceCode,
          changes.countListNumbering,
          'countListNumbering',
        )
      : cur.countListSequenceCode;
    await updateType(trx, id, {
      ...next,
      inventorySequenceCode: invSeq,
      countListSequenceCode: listSeq,
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.valuationPrice !== undefined ? { valuationPrice: changes.valuationPrice } : {}),
      ...(changes.reportType !== undefined ? { reportType: changes.reportType } : {}),
      ...(changes.singleReportingRequired !== undefined
        ? { singleReportingRequired: changes.singleReportingRequired }
        : {}),
      ...(changes.showSystemQuantities !== undefined ? { showSystemQuantities: changes.showSystemQuantities } : {}),
      ...(changes.keepLocation !== undefined ? { keepLocation: changes.keepLocation } : {}),
      ...tolerancePatch(changes, cur),
    });
    return loadView(trx, id);
  });
}

export async function getInventoryType(ctx: ServiceContext, actor: Actor, id: string): Promise<InventoryTypeView> {
  requireRole(actor, 'counter');
  return loadView(ctx.db, id);
}

export async function listInventoryTypes(ctx: ServiceContext, actor: Actor): Promise<InventoryTypeView[]> {
  requireRole(actor, 'counter');
  return inTransaction(ctx, async (trx) => {
    const out: InventoryTypeView[] = [];
    for (const id of await typeIdsByCode(trx)) out.push(await loadView(trx, id));
    return out;
  });
}

export async function deleteInventoryType(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'admin');
  await inTransaction(ctx, async (trx) => {
    found(await typeKey(trx, id), `inventory type ${id}`);
    if (await typeInUse(trx, id))
      throw new DomainError('conflict.in_use', 'inventories of this type exist; the type cannot be deleted');
    await deleteType(trx, id);
  });
}
