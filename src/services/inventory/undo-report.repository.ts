// Statements of undoing a count report: the report by the device's id, the line's reports in the order they
// were made, and the write that invalidates one and resets the line.
import type { LineReport } from '../../domain/inventory/reporting.js';
import type { Tx } from '../context.js';

export interface UndoTarget {
  id: string;
  countListId: string;
  countListItemId: string;
  valid: boolean;
  userId: string | null;
}

export async function findReportByClientId(trx: Tx, clientReportId: string): Promise<UndoTarget | undefined> {
  const r = await trx
    .selectFrom('countReports')
    .select(['id', 'countListId', 'countListItemId', 'valid', 'userId'])
    .where('clientReportId', '=', clientReportId)
    .executeTakeFirst();
  return (
    r && {
      ...r,
      id: String(r.id),
      countListId: String(r.countListId),
      countListItemId: String(r.countListItemId),
      userId: r.userId === null ? null : String(r.userId),
    }
  );
}

/** Every report of the line (valid or not), oldest first; the line's confirmed quantity replays from these. */
export async function lineReports(trx: Tx, countListItemId: string): Promise<LineReport[]> {
  const rows = await trx
    .selectFrom('countReports')
    .select(['id', 'mode', 'quantity', 'valid'])
    .where('countListItemId', '=', countListItemId)
    .orderBy('reportedAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: String(r.id), mode: r.mode, quantity: String(r.quantity), valid: r.valid }));
}

/** Marks the report invalid (kept for the audit trail) and sets the line to what the other reports give. */
export async function invalidateReport(
  trx: Tx,
  w: { reportId: string; countListItemId: string; reportedQuantity: string | null; now: Date },
): Promise<void> {
  await trx
    .updateTable('countReports')
    .set({ valid: false, invalidatedAt: w.now })
    .where('id', '=', w.reportId)
    .execute();
  await trx
    .updateTable('countListItems')
    .set({ reportedQuantity: w.reportedQuantity, status: w.reportedQuantity === null ? 'open' : 'reported' })
    .where('id', '=', w.countListItemId)
    .execute();
}
