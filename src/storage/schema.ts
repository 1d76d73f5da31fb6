// The whole database as Kysely sees it: one interface per migration group, joined here.
// Add your module's tables as a `*.tables.ts` file and extend the list below (one line each).
import type { AuthAuditTables } from './tables/auth-audit.tables.js';
import type { BarcodeRuleTables } from './tables/barcode-rules.tables.js';
import type { CoreTables } from './tables/core.tables.js';
import type { CountListCounterTables } from './tables/count-list-counters.tables.js';
import type { CountPlanTables } from './tables/count-plan.tables.js';
import type { GenerationRunTables } from './tables/generation-runs.tables.js';
import type { IdempotencyTables } from './tables/idempotency.tables.js';
import type { InventoryTables } from './tables/inventory.tables.js';
import type { ItemSearchTables } from './tables/item-search.tables.js';
import type { ItemMasterTables } from './tables/item-master.tables.js';
import type { LedgerTables } from './tables/ledger.tables.js';
import type { SampleInventoryTables } from './tables/sample-inventory.tables.js';
import type { ToleranceTables } from './tables/tolerance.tables.js';

export interface Database
  extends
    BarcodeRuleTables,
    CoreTables,
    InventoryTables,
    ItemSearchTables,
    LedgerTables,
    ItemMasterTables,
    CountListCounterTables,
    IdempotencyTables,
    AuthAuditTables,
    SampleInventoryTables,
    GenerationRunTables,
    ToleranceTables,
    CountPlanTables {}
