// Undo of a count report (SPEC §4.5, "reports are never deleted"): the report is marked invalid and its line
// goes back to what the line's other valid reports give — open again when none is left — so closing posts
// only what was really counted. One transaction; the list row is locked as for any report on it, and an
// undo that arrives twice (an offline device retrying) answers the same the second time.
import { mayUndoReport, requireCounting } from '../../domain/inventory/count-list.js';
import { undoReport as planUndo, replayReports } from '../../domain/inventory/reporting.js';
import { DomainError } from '../../domain/errors.js';
import { type Actor, type ServiceContext, found, inTransaction, requireRole } from '../context.js';
import { refreshListStatus, refuseUnlessCounting } from './count-list.service.js';
import { loadReportHead } from './report-head.repository.js';
import { findReportByClientId, invalidateReport, lineReports } from './undo-report.repository.js';

export interface UndoResult {
  status: 'undone';
  /** True when the report was already invalid (a retried undo): nothing changed. */
  alreadyUndone: boolean;
  countListId: string;
  countListItemId: string;
  /** The line's confirmed quantity now; null when no valid report is left (the line is open). */
  reportedQuantity: string | null;
  itemStatus: 'open' | 'reported';
  listStatus: string;
}

export async function undoCountReport(ctx: ServiceContext, actor: Actor, clientReportId: string): Promise<UndoResult> {
  requireRole(actor, 'counter');
  return inTransaction(ctx, async (trx) => {
    const target = found(
      await findReportByClientId(trx, clientReportId),
      `count report ${clientReportId}`,
      'clientReportId',
    );
    const { list } = await loadReportHead(trx, target.countListId, undefined);
    // Who may undo (mayUndoReport): the list's responsible employee or a manager of its site any report of
    // the list, an assigned counter only their own.
    if (!mayUndoReport(list, list.counterUserIds, actor, target.userId)) {
      // Someone who may not see the list at all is told what an unknown report answers.
      refuseUnlessCounting(
        actor,
        list,
        list.counterUserIds,
        'back_office',
        `count report ${clientReportId}`,
        'clientReportId',
      );
      const own = target.userId !== actor.userId && list.counterUserIds.includes(actor.userId);
      throw new DomainError(
        'auth.forbidden',
        own
          ? `report ${clientReportId} was made by another employee; only they or the list's responsible may undo it`
          : `count list ${list.number} is assigned to other employees`,
        { params: { countListId: list.id } },
      );
    }
    const reports = await lineReports(trx, target.countListItemId);
    if (!target.valid) {
      const reportedQuantity = replayReports(reports);
      return {
        status: 'undone',
        alreadyUndone: true,
        countListId: list.id,
        countListItemId: target.countListItemId,
        reportedQuantity,
        itemStatus: reportedQuantity === null ? 'open' : 'reported',
        listStatus: list.status,
      };
    }
    // A list no longer being counted (closing, closed) keeps its reports as they are.
    requireCounting(list.status, list.number);
    const { reportedQuantity } = planUndo(reports, target.id);
    await invalidateReport(trx, {
      reportId: target.id,
      countListItemId: target.countListItemId,
      reportedQuantity,
      now: ctx.now(),
    });
    const listStatus = await refreshListStatus(trx, ctx, list);
    return {
      status: 'undone',
      alreadyUndone: false,
      countListId: list.id,
      countListItemId: target.countListItemId,
      reportedQuantity,
      itemStatus: reportedQuantity === null ? 'open' : 'reported',
      listStatus,
    };
  });
}
