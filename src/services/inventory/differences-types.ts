// The differences report's shapes, shared by the service and its file renderers (no import cycle).
import type { DifferenceSort, DifferenceTotals } from '../../domain/inventory/differences.js';
import type { DifferenceFilter } from './differences.repository.js';

export interface DifferenceQuery extends DifferenceFilter {
  sort: DifferenceSort;
  dir: 'asc' | 'desc';
}

export interface DifferenceLine {
  id: string;
  countListId: string;
  countListNumber: string;
  countListStatus: string;
  lineNo: number;
  itemId: string;
  itemCode: string;
  itemDescription: string;
  itemGroup: string | null;
  unit: string;
  warehouseId: string;
  warehouseCode: string;
  zoneId: string | null;
  zoneCode: string | null;
  binId: string | null;
  binCode: string | null;
  lot: string;
  serial: string;
  target: string | null;
  counted: string | null;
  difference: string | null;
  unitPrice: string;
  value: string | null;
  percent: string | null;
  status: 'open' | 'reported' | 'closed';
  /** Where the value comes from: the planned posting price, or the ledger's closing posting. */
  valueSource: 'planned' | 'ledger';
  ledgerEntryIds: string[];
  /** Why the count differs (docs/tolerances.md), and where the line's tolerance review stands. */
  reasonCode: string | null;
  reviewState: string;
}

export interface DifferenceHeader {
  inventoryId: string;
  inventoryNumber: string;
  status: string;
  method: string;
  valuationPrice: string;
}

export interface DifferenceReport {
  inventory: DifferenceHeader;
  items: DifferenceLine[];
  nextOffset: number | null;
  totals: DifferenceTotals & {
    valueAdjustment: string;
    valueAdjustmentEntryIds: string[];
    byWarehouse: Array<DifferenceTotals & { warehouseId: string; warehouseCode: string }>;
    byZone: Array<
      DifferenceTotals & { warehouseId: string; warehouseCode: string; zoneId: string | null; zoneCode: string | null }
    >;
    byItemGroup: Array<DifferenceTotals & { itemGroup: string | null }>;
  };
}
