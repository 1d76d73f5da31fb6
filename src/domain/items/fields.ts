// The item-master fields beyond the core item (seed 002 tabs Logistica, Contabili, Lotti/matricole,
// Pianificazione): validation and the couplings the seed describes between lot management, lot
// availability and the availability check.
import { Dec, decText, parseDecimal } from '../decimal.js';
import { DomainError } from '../errors.js';
import { type Tracking, checkTracking } from './item.js';
import { type Planning, checkPlanning } from './planning.js';
import type { CheckMode, LotConsumption } from './types.js';

export interface MasterFields {
  itemClass: string | null;
  lotConsumption: LotConsumption;
  lotClass: string | null;
  lotAvailabilityCheck: CheckMode;
  serialClass: string | null;
  minStock: string;
  maxStock: string;
  reorderPoint: string;
  reorderLot: string;
  minReorderQuantity: string;
  supplyLeadDays: number;
  accountingCategory: string | null;
  vatCode: string | null;
  analyticCostItem: string | null;
  analyticRevenueItem: string | null;
  costCentre: string | null;
  availabilityCheck: CheckMode;
  preferredWarehouseId: string | null;
  netWeight: string | null;
  grossWeight: string | null;
  packageType: string | null;
  notes: string;
}
export type MasterChanges = Partial<MasterFields>;

export const MASTER_FIELD_NAMES = [
  'itemClass',
  'lotConsumption',
  'lotClass',
  'lotAvailabilityCheck',
  'serialClass',
  'minStock',
  'maxStock',
  'reorderPoint',
  'reorderLot',
  'minReorderQuantity',
  'supplyLeadDays',
  'accountingCategory',
  'vatCode',
  'analyticCostItem',
  'analyticRevenueItem',
  'costCentre',
  'availabilityCheck',
  'preferredWarehouseId',
  'netWeight',
  'grossWeight',
  'packageType',
  'notes',
] as const satisfies readonly (keyof MasterFields)[];

export const DEFAULT_MASTER_FIELDS: MasterFields = {
  itemClass: null,
  lotConsumption: 'fifo',
  lotClass: null,
  lotAvailabilityCheck: 'none',
  serialClass: null,
  minStock: '0',
  maxStock: '0',
  reorderPoint: '0',
  reorderLot: '0',
  minReorderQuantity: '0',
  supplyLeadDays: 0,
  accountingCategory: null,
  vatCode: null,
  analyticCostItem: null,
  analyticRevenueItem: null,
  costCentre: null,
  availabilityCheck: 'none',
  preferredWarehouseId: null,
  netWeight: null,
  grossWeight: null,
  packageType: null,
  notes: '',
};

function nonNegative(text: string, field: string): string {
  const d = parseDecimal(text, field);
  if (d.lt(0)) throw new DomainError('validation.failed', `${field} must not be negative`, { field });
  return decText(d);
}

export function planningOf(
  f: Pick<
    MasterFields,
    'minStock' | 'maxStock' | 'reorderPoint' | 'reorderLot' | 'minReorderQuantity' | 'supplyLeadDays'
  >,
): Planning {
  return {
    minStock: new Dec(f.minStock),
    maxStock: new Dec(f.maxStock),
    reorderPoint: new Dec(f.reorderPoint),
    reorderLot: new Dec(f.reorderLot),
    minReorderQuantity: new Dec(f.minReorderQuantity),
    supplyLeadDays: f.supplyLeadDays,
  };
}

/**
 * Validates the merged fields (what the item will be):
 * - the lot/serial couplings are the item's own rule (`checkTracking` in domain/item.ts, one place for all paths);
 * - gross weight is at least the net weight; max stock is not below min stock or the reorder point.
 * `given` says which fields the caller set, so a default is only raised, never an explicit choice overruled
 * silently: an explicit contradiction is refused naming the field.
 */
export function checkMasterFields(f: MasterFields, item: Tracking, given: ReadonlySet<string>): MasterFields {
  const out: MasterFields = { ...f };
  for (const k of ['minStock', 'maxStock', 'reorderPoint', 'reorderLot', 'minReorderQuantity'] as const)
    out[k] = nonNegative(f[k], k);
  if (!Number.isInteger(f.supplyLeadDays) || f.supplyLeadDays < 0 || f.supplyLeadDays > 3650) {
    throw new DomainError('validation.failed', 'supplyLeadDays must be a whole number of days 0–3650', {
      field: 'supplyLeadDays',
    });
  }
  checkPlanning(planningOf(out));
  out.netWeight = f.netWeight === null ? null : nonNegative(f.netWeight, 'netWeight');
  out.grossWeight = f.grossWeight === null ? null : nonNegative(f.grossWeight, 'grossWeight');
  if (out.netWeight !== null && out.grossWeight !== null && new Dec(out.grossWeight).lt(out.netWeight)) {
    throw new DomainError('validation.failed', `grossWeight ${out.grossWeight} is below netWeight ${out.netWeight}`, {
      field: 'grossWeight',
    });
  }
  if (f.notes.length > 4000)
    throw new DomainError('validation.failed', 'notes must have at most 4000 characters', { field: 'notes' });
  Object.assign(out, checkTracking(item, out, given));
  return out;
}
