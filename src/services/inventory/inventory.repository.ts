// Statements on the inventory header (SPEC §4.1–§4.2). The header's status moves only by the state machine
// in domain/inventory/inventory.ts; this writes the status it decided.
import type { InventoryStatus } from '../../domain/inventory/vocabulary.js';
import type { Tx } from '../context.js';

export async function setInventoryStatus(trx: Tx, id: string, status: InventoryStatus, now: Date): Promise<void> {
  await trx.updateTable('inventories').set({ status, updatedAt: now }).where('id', '=', id).execute();
}
