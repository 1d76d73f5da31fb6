// Row types of migration 0040 (user barcode rules per site).
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

export interface BarcodeRulesTable {
  id: GeneratedAlways<string>;
  siteId: string;
  name: string;
  position: number;
  /** jsonb: written as JSON text, read back as an object (pg parses jsonb). */
  rule: ColumnType<unknown, string, string>;
  active: Generated<boolean>;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export interface BarcodeRuleTables {
  barcodeRules: BarcodeRulesTable;
}
