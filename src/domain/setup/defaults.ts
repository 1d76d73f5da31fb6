// What the first set-up proposes on an empty database (SPEC §1, §3, §4.1): units of measure, transaction
// keys of every kind, and inventory types for stock-taking day, continuous and sample counting with their
// numbering schemes. Pure data: the set-up screen shows it, the user edits or unticks rows, and only what is
// confirmed is created through the ordinary services' rules.
import { DomainError } from '../errors.js';
import type { InventoryMethod, KeyKind, ReportType } from '../inventory/inventory.js';

export interface DefaultUnit {
  code: string;
  description: string;
  decimals: number;
}
export interface DefaultKey {
  code: string;
  description: string;
  kind: KeyKind;
}
export interface DefaultNumbering {
  code: string;
  prefix: string;
  width: number;
  maxItemsPerList: number | null;
}
export interface DefaultInventoryType {
  code: string;
  description: string;
  method: InventoryMethod;
  reportType: ReportType;
  inventoryNumbering: DefaultNumbering;
  countListNumbering: DefaultNumbering;
  adjustmentKey: string;
  transferKey: string;
  valueAdjustmentKey: string;
}

/** Counted units (0 decimals) and measured ones (3 decimals, 2 for areas). Codes follow UN/ECE usage where short. */
export const DEFAULT_UNITS: readonly DefaultUnit[] = [
  { code: 'PCS', description: 'Piece', decimals: 0 },
  { code: 'KG', description: 'Kilogram', decimals: 3 },
  { code: 'G', description: 'Gram', decimals: 0 },
  { code: 'T', description: 'Tonne', decimals: 3 },
  { code: 'L', description: 'Litre', decimals: 3 },
  { code: 'M', description: 'Metre', decimals: 3 },
  { code: 'M2', description: 'Square metre', decimals: 2 },
  { code: 'CT', description: 'Carton', decimals: 0 },
  { code: 'BOX', description: 'Box', decimals: 0 },
  { code: 'PAL', description: 'Pallet', decimals: 0 },
  { code: 'SET', description: 'Set', decimals: 0 },
];

/** One main key per kind: each posting needs a key of the right kind, inventory closing needs the last three. */
export const DEFAULT_TRANSACTION_KEYS: readonly DefaultKey[] = [
  { code: 'RCP', description: 'Goods receipt', kind: 'receipt' },
  { code: 'ISS', description: 'Goods issue', kind: 'issue' },
  { code: 'TRF', description: 'Transfer between places', kind: 'transfer' },
  { code: 'ADJ', description: 'Inventory difference', kind: 'adjustment' },
  { code: 'VAL', description: 'Inventory value adjustment', kind: 'revaluation' },
];

const numbering = (
  kind: 'inventory' | 'count_list',
  type: string,
  prefix: string,
  maxItemsPerList: number | null,
): DefaultNumbering => ({
  code: `${kind}:${type}`,
  prefix,
  width: 6,
  maxItemsPerList,
});

/**
 * The three ways of counting most companies need. Counting is blind (target quantities hidden) by default;
 * continuous counting adds reports up, since a bin may be counted by several people over the day.
 */
export const DEFAULT_INVENTORY_TYPES: readonly DefaultInventoryType[] = [
  {
    code: 'STD',
    description: 'Annual stock-taking day',
    method: 'stock_taking_day',
    reportType: 'single',
    inventoryNumbering: numbering('inventory', 'STD', 'STD-', null),
    countListNumbering: numbering('count_list', 'STD', 'STD-L', 200),
    adjustmentKey: 'ADJ',
    transferKey: 'TRF',
    valueAdjustmentKey: 'VAL',
  },
  {
    code: 'CYC',
    description: 'Continuous (cycle) counting',
    method: 'continuous',
    reportType: 'cumulative',
    inventoryNumbering: numbering('inventory', 'CYC', 'CYC-', null),
    countListNumbering: numbering('count_list', 'CYC', 'CYC-L', 100),
    adjustmentKey: 'ADJ',
    transferKey: 'TRF',
    valueAdjustmentKey: 'VAL',
  },
  {
    code: 'SMP',
    description: 'Sample counting',
    method: 'sample',
    reportType: 'single',
    inventoryNumbering: numbering('inventory', 'SMP', 'SMP-', null),
    countListNumbering: numbering('count_list', 'SMP', 'SMP-L', 100),
    adjustmentKey: 'ADJ',
    transferKey: 'TRF',
    valueAdjustmentKey: 'VAL',
  },
];

/**
 * Refuses a request that lists the same code twice (`units.3.code`), before anything is written: the second
 * row would otherwise fail against the first one and the message would name an existing record that is not.
 */
export function checkUniqueCodes(rows: readonly { code: string }[], list: string, field = 'code'): void {
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const first = seen.get(r.code);
    if (first !== undefined) {
      throw new DomainError(
        'conflict.duplicate',
        `${list}.${i}.${field}: ${r.code} is listed twice (also ${list}.${first})`,
        {
          field: `${list}.${i}.${field}`,
          params: { code: r.code, first },
        },
      );
    }
    seen.set(r.code, i);
  });
}
