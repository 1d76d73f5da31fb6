// Managers' approval of count differences outside the tolerance (docs/tolerances.md). A line whose recount
// is still outside waits in needs_approval; a manager approves it with a reason code (it then closes with
// that code on its ledger entries) or rejects it with a comment (its reports become invalid and it is
// counted again). Every decision is kept with user, time, comment and the quantities decided on.
import { Dec, decText } from '../../domain/decimal.js';
import { FINAL_STATUSES } from '../../domain/inventory/count-list.js';
import { type ApprovalDecision, type ReviewState, decide } from '../../domain/inventory/tolerance.js';
import { type Actor, type ServiceContext, found, inTransaction, requireRole } from '../context.js';
import { requireInScope, scopeOf } from '../site-scope.js';
import { DomainError } from '../../domain/errors.js';
import { refreshListStatus, requireInventoryOpen } from './count-list.service.js';
import { loadInventory, loadList } from './count-list.repository.js';
import { inventoryMethod } from './close.service.js';
import {
  type ApprovalRow,
  type ReviewLineRow,
  findLineInventory,
  insertApproval,
  reopenLine,
  selectApprovals,
  selectReviewLineForUpdate,
  selectReviewLines,
  setLineDecision,
} from './tolerance.repository.js';
import { requireReasonCode } from './tolerance-review.js';

export type { ApprovalRow, ReviewLineRow };

export interface ReviewLineView {
  id: string;
  countListId: string;
  countListNumber: string;
  lineNo: number;
  itemCode: string | null;
  itemDescription: string | null;
  unit: string | null;
  warehouseCode: string;
  zoneCode: string | null;
  binCode: string | null;
  lot: string;
  serial: string;
  status: 'open' | 'reported' | 'closed';
  reviewState: ReviewState;
  targetQuantity: string | null;
  firstCountQuantity: string | null;
  reportedQuantity: string | null;
  difference: string | null;
  /** The difference valued at the price closing would post it at. */
  value: string | null;
  unitPrice: string | null;
  reasonCode: string | null;
  firstCounterName: string | null;
}

export interface ApprovalView {
  id: string;
  countListItemId: string;
  countListId: string;
  countListNumber: string;
  lineNo: number | null;
  itemCode: string | null;
  itemDescription: string | null;
  decision: ApprovalDecision;
  reasonCode: string | null;
  comment: string;
  userId: string | null;
  userName: string | null;
  decidedAt: string;
  targetQuantity: string | null;
  countedQuantity: string;
  differenceValue: string | null;
}

export interface ApprovalsView {
  /** Lines waiting for a manager's decision. */
  pending: ReviewLineView[];
  /** Lines whose recount was asked for, or whose count was rejected and is counted again. */
  recounts: ReviewLineView[];
  /** Every decision taken, newest first. */
  decided: ApprovalView[];
}

function difference(r: { targetQuantity: string | null; reportedQuantity: string | null }): Dec | null {
  return r.reportedQuantity === null ? null : new Dec(r.reportedQuantity).minus(r.targetQuantity ?? '0');
}

function lineView(r: ReviewLineRow): ReviewLineView {
  const d = difference(r);
  return {
    id: r.id,
    countListId: r.countListId,
    countListNumber: r.countListNumber,
    lineNo: r.lineNo,
    itemCode: r.itemCode,
    itemDescription: r.itemDescription,
    unit: r.unit,
    warehouseCode: r.warehouseCode,
    zoneCode: r.zoneCode,
    binCode: r.binCode,
    lot: r.lot,
    serial: r.serial,
    status: r.status,
    reviewState: r.reviewState,
    targetQuantity: r.targetQuantity,
    firstCountQuantity: r.firstCountQuantity,
    reportedQuantity: r.reportedQuantity,
    difference: d === null ? null : decText(d),
    value: d === null ? null : decText(d.times(r.unitPrice ?? '0').toDecimalPlaces(2)),
    unitPrice: r.unitPrice,
    reasonCode: r.reasonCode,
    firstCounterName: r.firstCounterName,
  };
}

function approvalView(a: ApprovalRow): ApprovalView {
  return { ...a, decidedAt: new Date(a.decidedAt).toISOString() };
}

/** The approvals view of an inventory: pending decisions, recounts under way, decisions taken. */
export async function listApprovals(ctx: ServiceContext, actor: Actor, inventoryId: string): Promise<ApprovalsView> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const inv = await loadInventory(trx, inventoryId);
    requireInScope(scopeOf(actor), inv.siteId, `inventory ${inventoryId}`);
    const { method } = await inventoryMethod(trx, inv);
    const lines = (await selectReviewLines(trx, inv, method)).map(lineView);
    return {
      pending: lines.filter((l) => l.reviewState === 'needs_approval'),
      recounts: lines.filter((l) => l.reviewState !== 'needs_approval'),
      decided: (await selectApprovals(trx, scopeOf(actor), { inventoryId })).map(approvalView),
    };
  });
}

export interface DecisionInput {
  decision: ApprovalDecision;
  /** Why the count differs; defaults to the code the counter reported. Required to approve. */
  reasonCode?: string | null | undefined;
  comment?: string | undefined;
}

/** A manager approves or rejects a line that needs approval. */
export async function decideApproval(
  ctx: ServiceContext,
  actor: Actor,
  countListItemId: string,
  input: DecisionInput,
): Promise<{ approval: ApprovalView; line: ReviewLineView }> {
  requireRole(actor, 'manager');
  return inTransaction(ctx, async (trx) => {
    const what = `count-list item ${countListItemId}`;
    const head = found(await findLineInventory(trx, countListItemId), what);
    requireInScope(scopeOf(actor), head.siteId, what);
    const inv = await loadInventory(trx, head.inventoryId);
    requireInventoryOpen(inv);
    // The list first, then the line: the order reports lock them in.
    const list = await loadList(trx, head.countListId, true);
    const line = found(await selectReviewLineForUpdate(trx, countListItemId, inv, head.method), what);
    if (FINAL_STATUSES.includes(list.status))
      throw new DomainError('count.list_closed', `count list ${list.number} is closed`, {
        params: { status: list.status, countListNumber: list.number },
      });
    const reasonCode = input.reasonCode === undefined ? line.reasonCode : input.reasonCode;
    const d = decide(line.reviewState, input.decision, reasonCode, input.comment ?? '');
    if (reasonCode !== null) await requireReasonCode(trx, reasonCode);
    const now = ctx.now();
    const value = lineView(line).value;
    const id = await insertApproval(trx, {
      siteId: line.siteId,
      inventoryId: line.inventoryId,
      countListId: line.countListId,
      countListItemId: line.id,
      decision: input.decision,
      reasonCode,
      comment: d.comment,
      userId: actor.userId === '0' ? null : actor.userId,
      decidedAt: now,
      targetQuantity: line.targetQuantity,
      countedQuantity: line.reportedQuantity ?? '0',
      differenceValue: value,
    });
    await setLineDecision(trx, line.id, d.state, reasonCode);
    if (d.state === 'rejected') {
      await reopenLine(trx, line.id, now);
      await refreshListStatus(trx, ctx, list);
    }
    const after = found(await selectReviewLineForUpdate(trx, countListItemId, inv, head.method), what);
    const [approval] = await selectApprovals(trx, scopeOf(actor), { id });
    return { approval: approvalView(approval!), line: lineView(after) };
  });
}
