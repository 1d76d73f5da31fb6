// Inventory types (SPEC §4.1): the defaults and rules an inventory inherits. Pure checks only.
import { DomainError } from '../errors.js';
import { checkKeyKinds, type InventoryMethod, type KeyKind, type MaterialType } from './inventory.js';

export interface TypeRules {
  method: InventoryMethod;
  materialType: MaterialType;
  adjustmentKey: string | null;
  transferKey: string | null;
  valueAdjustmentKey: string | null;
}

/** A type's keys must be of the right kinds; production resources never carry a value-adjustment key. */
export function checkTypeRules(t: TypeRules, kinds: ReadonlyMap<string, KeyKind>): void {
  if (t.materialType === 'production_resources' && t.valueAdjustmentKey) {
    throw new DomainError(
      'inventory.value_key_not_allowed',
      'production resources get quantity adjustments only; no value-adjustment key',
      { field: 'valueAdjustmentKey' },
    );
  }
  checkKeyKinds(
    { adjustmentKey: t.adjustmentKey, transferKey: t.transferKey, valueAdjustmentKey: t.valueAdjustmentKey },
    kinds,
  );
}

/** Once inventories use a type, its method and material type define them and cannot change. */
export function checkTypeChange(current: TypeRules, next: TypeRules, inUse: boolean): void {
  if (!inUse) return;
  for (const f of ['method', 'materialType'] as const) {
    if (current[f] !== next[f]) {
      throw new DomainError('conflict.in_use', `${f} of an inventory type cannot change once inventories use it`, {
        field: f,
      });
    }
  }
}
