// Row types of migration 0020 (ledger additions). numeric/int8 are strings.
import type { GeneratedAlways } from 'kysely';

export interface StockPeriodSnapshotsTable {
  periodId: string;
  siteId: string;
  itemId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  lot: string;
  serial: string;
  ownerId: string;
  quantity: string;
  value: string;
}

export interface PostingErrorActionsTable {
  id: GeneratedAlways<string>;
  siteId: string;
  postingErrorId: string;
  action: 'retried' | 'corrected' | 'posted' | 'discarded';
  note: string;
  userId: string | null;
  createdAt: Date | string;
}

export interface LedgerTables {
  stockPeriodSnapshots: StockPeriodSnapshotsTable;
  postingErrorActions: PostingErrorActionsTable;
}
