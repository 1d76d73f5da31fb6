// Row types of migration 0104 (reason codes, managers' decisions on count differences).
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { ApprovalDecision } from '../../domain/inventory/tolerance.js';

export interface ReasonCodesTable {
  code: string;
  description: string;
  active: Generated<boolean>;
  createdAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CountListApprovalsTable {
  siteId: string;
  id: GeneratedAlways<string>;
  inventoryId: string;
  countListId: string;
  countListItemId: string;
  decision: ApprovalDecision;
  reasonCode: string | null;
  comment: Generated<string>;
  userId: string | null;
  decidedAt: Date | string;
  targetQuantity: string | null;
  countedQuantity: string;
  differenceValue: string | null;
}

export interface ToleranceTables {
  reasonCodes: ReasonCodesTable;
  countListApprovals: CountListApprovalsTable;
}
