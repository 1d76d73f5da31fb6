// Request and response shapes of tolerances, approvals and reason codes (docs/tolerances.md).
import { z } from 'zod';
import { APPROVAL_COMMENT_MAX, APPROVAL_DECISIONS, REVIEW_STATES } from '../../domain/inventory/tolerance.js';
import { decimalString, multilineText, text } from './common.js';

export const reviewState = z
  .enum(REVIEW_STATES)
  .describe(
    "The line's tolerance review: none; recount_requested (first count outside, recount by another counter); " +
      'needs_approval (recount still outside: a manager decides); approved; rejected (counted again)',
  );

export const reasonCode = z
  .string()
  .regex(/^[a-z0-9_]{1,30}$/, 'must be 1–30 lower-case letters, digits or _')
  .describe('A reason code (GET /api/reason-codes): why the count differs');

export const reasonCodeParams = z.strictObject({ code: reasonCode });

export const reasonCodeView = z.object({
  code: z.string(),
  description: z.string(),
  active: z.boolean().describe('Inactive codes stay on what names them but are no longer offered'),
});

export const reasonCodeCreate = z.strictObject({
  code: reasonCode,
  description: text().min(1).max(80),
  active: z.boolean().optional(),
});

export const reasonCodeUpdate = z.strictObject({
  description: text().min(1).max(80).optional(),
  active: z.boolean().optional(),
});

export const reasonCodeQuery = z.strictObject({
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Also the deactivated codes (the settings screen)'),
});

export const reviewLineView = z.object({
  id: z.string().describe('The count-list item'),
  countListId: z.string(),
  countListNumber: z.string(),
  lineNo: z.number().int(),
  itemCode: z.string().nullable(),
  itemDescription: z.string().nullable(),
  unit: z.string().nullable(),
  warehouseCode: z.string(),
  zoneCode: z.string().nullable(),
  binCode: z.string().nullable(),
  lot: z.string(),
  serial: z.string(),
  status: z.enum(['open', 'reported', 'closed']),
  reviewState,
  targetQuantity: decimalString.nullable(),
  firstCountQuantity: decimalString.nullable().describe('What the first counter counted (outside the tolerance)'),
  reportedQuantity: decimalString.nullable().describe('The quantity now confirmed (the recount)'),
  difference: decimalString.nullable(),
  value: decimalString.nullable().describe('The difference at the price closing would post it at'),
  unitPrice: decimalString.nullable(),
  reasonCode: z.string().nullable(),
  firstCounterName: z.string().nullable(),
});

export const approvalView = z.object({
  id: z.string(),
  countListItemId: z.string(),
  countListId: z.string(),
  countListNumber: z.string(),
  lineNo: z.number().int().nullable(),
  itemCode: z.string().nullable(),
  itemDescription: z.string().nullable(),
  decision: z.enum(APPROVAL_DECISIONS),
  reasonCode: z.string().nullable(),
  comment: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  decidedAt: z.string(),
  targetQuantity: decimalString.nullable(),
  countedQuantity: decimalString.describe('The count the decision was about'),
  differenceValue: decimalString.nullable(),
});

export const approvalsView = z.object({
  pending: z.array(reviewLineView).describe('Lines waiting for a decision'),
  recounts: z.array(reviewLineView).describe('Lines whose recount was asked for, or that are counted again'),
  decided: z.array(approvalView).describe('Every decision taken, newest first'),
});

export const approvalBody = z.strictObject({
  decision: z.enum(APPROVAL_DECISIONS),
  reasonCode: reasonCode
    .nullable()
    .optional()
    .describe('Required to approve; defaults to the code the counter reported'),
  comment: multilineText()
    .max(APPROVAL_COMMENT_MAX)
    .optional()
    .describe('Required to reject: why the count is not accepted'),
});

export const decisionResult = z.object({ approval: approvalView, line: reviewLineView });
