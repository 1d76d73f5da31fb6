// Value sets of the item-master extensions, shared by domain, services and API schemas.
import type { CheckMode } from './item.js';

export type { CheckMode };
export const CHECK_MODES = ['none', 'warning', 'blocking'] as const satisfies readonly CheckMode[];
export type LotConsumption = 'fifo' | 'fefo' | 'lefo';
export const LOT_CONSUMPTIONS = ['fifo', 'fefo', 'lefo'] as const satisfies readonly LotConsumption[];
