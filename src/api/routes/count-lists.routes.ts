// Count lists at work: opening and closing (as background jobs), reporting (back office), mark all,
// verification, the count import, closing and deleting. Blind inventories: counters never receive targets.
import { z } from 'zod';
import { closeInventoryOrEnqueue } from '../../services/inventory/close-inventory.service.js';
import { deleteCountList } from '../../services/inventory/delete-count-list.service.js';
import { enqueueCloseCountLists } from '../../services/inventory/close.service.js';
import { getCountList, listCountItems, listItemReports } from '../../services/inventory/count-list.service.js';
import { enqueueOpenCountLists } from '../../services/inventory/open.service.js';
import { importCounts } from '../../services/inventory/report-import.service.js';
import { importInventoryCounts } from '../../services/inventory/inventory-import.service.js';
import { markAllReported, reportCount } from '../../services/inventory/report.service.js';
import { setVerificationMark, verifyCountItems } from '../../services/inventory/verify.service.js';
import { actorOf } from '../auth.js';
import {
  decimalString,
  errorResponses,
  idParams,
  idSchema,
  isoDate,
  page,
  pageQuery,
  scannedText,
  text,
} from '../schemas/common.js';
import type { RouteModule } from '../types.js';
import { COUNT_ITEM_STATUSES, COUNT_LIST_STATUSES, COUNT_TYPES } from '../../domain/inventory/vocabulary.js';
import {
  closeCountListManually,
  reassignCountLists,
  setCountListCounters,
} from '../../services/inventory/list-admin.service.js';
import {
  counterView,
  countersBody,
  countersResult,
  manualCloseBody,
  manualCloseResult,
  reassignBody,
  reassignResult,
} from '../schemas/inventory.js';
import { reasonCode, reviewState } from '../schemas/approvals.js';
import { jobAccepted } from './jobs.routes.js';

const listStatus = z.enum(COUNT_LIST_STATUSES);
const itemStatus = z.enum(COUNT_ITEM_STATUSES);

const countListView = z.object({
  id: z.string(),
  inventoryId: z.string(),
  number: z.string(),
  name: z.string(),
  countType: z.enum(COUNT_TYPES),
  status: listStatus,
  statusReason: z.string().nullable().describe('Why opening failed, or which postings were parked on closing'),
  registrationDate: isoDate,
  countDate: isoDate.nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  responsibleUserId: z.string().nullable(),
  responsibleName: z.string().nullable(),
  counters: z
    .array(counterView)
    .describe(
      'Assigned counters besides the responsible employee: they see the list on the handheld and may report on it',
    ),
  warehouseId: z.string().nullable(),
  openItems: z.number().int().describe('Non-informational items not yet reported'),
  reportedItems: z.number().int(),
  markedItems: z.number().int().describe('Items marked for verification'),
  reassignable: z
    .boolean()
    .describe('Whether the responsible employee and the counters may still change (not closed, not being closed)'),
});

const countItemView = z.object({
  id: z.string(),
  countListId: z.string(),
  lineNo: z.number().int(),
  itemId: z.string().nullable().describe('Null: an empty bin on a bin list'),
  itemCode: z.string().nullable(),
  itemDescription: z.string().nullable(),
  unit: z.string().nullable().describe('Primary unit of all quantities'),
  warehouseId: z.string(),
  zoneId: z.string().nullable(),
  binId: z.string().nullable(),
  binCode: z.string().nullable(),
  lot: z.string(),
  serial: z.string(),
  ownerId: z.string(),
  targetQuantity: decimalString
    .nullable()
    .describe('Stock expected (read on opening); null for counters on blind inventories and for empty bins'),
  proposedQuantity: decimalString
    .nullable()
    .describe('Quantity proposed as the report when system quantities are shown'),
  reportedQuantity: decimalString.nullable().describe('Confirmed counted quantity'),
  status: itemStatus,
  verificationMark: z.boolean(),
  informational: z.boolean().describe('Counted on another list; not counted here'),
  addedByCount: z.boolean().describe('Found while counting, not expected'),
  postedQuantity: decimalString
    .nullable()
    .describe('Difference posted on closing; null while its posting waits in the posting error file'),
  unitPrice: decimalString.nullable().describe('Price the difference was posted at, as the ledger has it'),
  reviewState,
  reasonCode: z.string().nullable().describe('Why the count differs (reason code)'),
});

const reportView = z.object({
  id: z.string(),
  countListItemId: z.string(),
  userId: z.string().nullable(),
  reportedAt: z.string(),
  device: z.string().nullable(),
  rawBarcode: z.string().nullable(),
  quantity: decimalString,
  enteredQuantity: decimalString.nullable(),
  enteredUnit: z.string().nullable(),
  mode: z.enum(['add', 'replace', 'mark_all']),
  clientReportId: z.string().nullable(),
  resultingQuantity: decimalString.describe('Confirmed quantity after this report'),
  previousQuantity: decimalString.nullable(),
  valid: z.boolean().describe('False once invalidated by verification'),
  invalidatedAt: z.string().nullable(),
});

const reportResult = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('recorded'),
    report: reportView,
    item: countItemView,
    added: z.boolean().describe('The item was added to the list by this report'),
    duplicate: z.boolean().describe('A retry of an already recorded clientReportId: nothing was counted again'),
  }),
  z.object({
    status: z.literal('decision_needed'),
    countListItemId: z.string(),
    previousQuantity: decimalString,
    suggestedMode: z.enum(['add', 'replace']).describe("The inventory's report type"),
  }),
]);

const position = {
  itemId: idSchema.nullable().describe('Item counted; null confirms an empty bin (quantity 0)'),
  warehouseId: idSchema,
  zoneId: idSchema.nullable().optional().describe('Zone; taken from the bin when a bin is given'),
  binId: idSchema.nullable().optional().describe('Bin; required on bin lists'),
  lot: text().max(40).optional().describe('Lot (lot-managed items)'),
  serial: text().max(60).optional().describe('Serial number (serial-managed items; quantity 0 or 1)'),
};

const reportBody = z.strictObject({
  ...position,
  quantity: decimalString.describe('Counted quantity in the primary unit'),
  mode: z
    .enum(['add', 'replace'])
    .optional()
    .describe("add: to the confirmed quantity; replace: instead of it; default the inventory's report type"),
  device: text().max(80).optional(),
  rawBarcode: scannedText().max(400).optional(),
  clientReportId: text()
    .min(1)
    .max(100)
    .optional()
    .describe('Unique per report; a retry with the same id is counted once'),
  enteredQuantity: decimalString.optional().describe('Quantity as entered, in enteredUnit'),
  enteredUnit: text().max(10).optional(),
  reasonCode: reasonCode.optional(),
});

const listIds = z.strictObject({ countListIds: z.array(idSchema).min(1).max(1000).describe('Count lists to process') });

const closeOutcome = z.object({
  countListId: z.string(),
  countListNumber: z.string(),
  status: z.enum(['closed', 'closed_with_errors', 'failed']),
  postedLines: z
    .number()
    .int()
    .describe('Movement lines posted to the ledger (a transfer counts two); lines of parked postings are not'),
  parked: z.array(z.object({ postingErrorId: z.string(), reason: z.string() })),
  error: z
    .object({ code: z.string(), message: z.string(), params: z.record(z.string(), z.unknown()).optional() })
    .optional(),
});

const closeInventoryResult = z.object({
  inventoryId: z.string(),
  status: z.literal('closed'),
  lists: z.array(closeOutcome),
  valueAdjustments: z.array(
    z.object({
      itemId: z.string(),
      netQuantity: decimalString.describe('Net actual receipt revalued'),
      averagePrice: decimalString,
      valuationPrice: decimalString,
      value: decimalString.describe('Value posted (no quantity)'),
      place: z.object({
        warehouseId: z.string(),
        zoneId: z.string().nullable(),
        binId: z.string().nullable(),
        ownerId: z.string(),
      }),
    }),
  ),
  valueAdjustmentParked: z.boolean(),
});

const countListsRoutes: RouteModule = (app, ctx) => {
  const tags = ['count lists'];
  app.post(
    '/api/count-lists/open',
    {
      schema: {
        tags,
        summary: 'Open count lists (background job): lock their stock, re-read targets, open items',
        body: listIds,
        response: { 202: jobAccepted, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(202).send({ jobId: await enqueueOpenCountLists(ctx, actorOf(request), request.body.countListIds) }),
  );

  app.post(
    '/api/count-lists/close',
    {
      schema: {
        tags,
        summary: 'Close count lists (background job): post differences, release locks',
        body: listIds,
        response: { 202: jobAccepted, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(202).send({ jobId: await enqueueCloseCountLists(ctx, actorOf(request), request.body.countListIds) }),
  );

  app.post(
    '/api/inventories/:id/close',
    {
      schema: {
        tags,
        summary:
          'Close the inventory: closes every remaining list (all or nothing), then value adjustments (stock-taking day)',
        params: idParams,
        response: { 200: closeInventoryResult, 202: jobAccepted, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await closeInventoryOrEnqueue(ctx, actorOf(request), request.params.id);
      return 'jobId' in r ? reply.status(202).send({ jobId: r.jobId }) : reply.send(r.result);
    },
  );

  app.post(
    '/api/inventories/:id/verify',
    {
      schema: {
        tags,
        summary: 'Verify marked items: invalidate their reports, reopen them (whole bins on bin lists), remove marks',
        params: idParams,
        body: z.strictObject({
          countListIds: z
            .array(idSchema)
            .min(1)
            .max(1000)
            .optional()
            .describe('Only these lists (default: all lists of the inventory)'),
          newListForClosedItems: z
            .boolean()
            .optional()
            .describe('Marked items of closed lists get new items on a new list'),
        }),
        response: {
          200: z.object({
            reopenedItems: z.number().int(),
            invalidatedReports: z.number().int(),
            unmarkedItems: z.number().int(),
            newCountListIds: z.array(z.string()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => verifyCountItems(ctx, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/count-lists/:id',
    {
      schema: {
        tags,
        summary: 'A count list with its progress',
        params: idParams,
        response: { 200: countListView, ...errorResponses },
      },
    },
    async (request) => getCountList(ctx, actorOf(request), request.params.id),
  );

  app.delete(
    '/api/count-lists/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a count list: generated and open lists (an open one releases its locks and re-processes the postings they parked); never a closed one. The last list gone, the inventory is back to created',
        params: idParams,
        response: { 200: z.object({ deleted: z.literal(true) }), ...errorResponses },
      },
    },
    async (request) => deleteCountList(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/count-lists/:id/items',
    {
      schema: {
        tags,
        summary: 'Items of a count list (targets hidden from counters on blind inventories)',
        params: idParams,
        querystring: z.strictObject({ status: itemStatus.optional(), ...pageQuery }),
        response: { 200: page(countItemView), ...errorResponses },
      },
    },
    async (request) => listCountItems(ctx, actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/count-lists/:id/reports',
    {
      schema: {
        tags,
        summary: 'Report a counted quantity (back office; items found that are not on the list are added)',
        params: idParams,
        body: reportBody,
        response: { 200: reportResult, ...errorResponses },
      },
    },
    async (request) =>
      reportCount(
        ctx,
        actorOf(request),
        { ...request.body, countListId: request.params.id },
        { missingMode: 'report_type' },
      ),
  );

  app.post(
    '/api/count-lists/:id/mark-all-reported',
    {
      schema: {
        tags,
        summary: 'Confirm the proposed quantity of every open item (only when single reporting is not required)',
        params: idParams,
        body: z.strictObject({ device: text().max(80).optional() }).optional(),
        response: { 200: z.object({ reported: z.number().int().describe('Items confirmed') }), ...errorResponses },
      },
    },
    async (request) => markAllReported(ctx, actorOf(request), request.params.id, request.body?.device),
  );

  app.post(
    '/api/count-lists/:id/import',
    {
      schema: {
        tags,
        summary: 'Import counted quantities for positions of the list in one batch',
        params: idParams,
        body: z.strictObject({
          rows: z
            .array(
              z.strictObject({
                ...position,
                itemId: idSchema,
                quantity: decimalString.describe('Counted quantity, primary unit'),
              }),
            )
            .min(1)
            .max(200_000),
          mode: z.enum(['add', 'replace']).optional().describe("Default: the inventory's report type"),
          device: text().max(80).optional(),
        }),
        response: { 200: z.object({ reported: z.number().int() }), ...errorResponses },
      },
    },
    async (request) =>
      importCounts(ctx, actorOf(request), request.params.id, request.body.rows, {
        mode: request.body.mode,
        device: request.body.device,
      }),
  );

  app.post(
    '/api/inventories/:id/count-import',
    {
      schema: {
        tags,
        summary:
          'Import counted quantities for positions on any list of the inventory that is being counted, in one transaction (manager); each row finds the live list that holds its position',
        params: idParams,
        body: z.strictObject({
          rows: z
            .array(
              z.strictObject({
                ...position,
                itemId: idSchema,
                quantity: decimalString.describe('Counted quantity, primary unit'),
              }),
            )
            .min(1)
            .max(200_000),
          mode: z.enum(['add', 'replace']).optional().describe("Default: the inventory's report type"),
          device: text().max(80).optional(),
        }),
        response: {
          200: z.object({
            reported: z.number().int(),
            lists: z
              .array(z.object({ countListId: z.string(), number: z.string(), status: z.string() }))
              .describe('Lists whose status followed their items'),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      importInventoryCounts(ctx, actorOf(request), request.params.id, [request.body.rows], {
        mode: request.body.mode,
        device: request.body.device,
      }),
  );

  app.put(
    '/api/count-list-items/:id/verification-mark',
    {
      schema: {
        tags,
        summary: 'Set or clear the verification mark of an item',
        params: idParams,
        body: z.strictObject({ mark: z.boolean().describe('true: recount this item at the next verification') }),
        response: { 200: z.object({ id: z.string(), verificationMark: z.boolean() }), ...errorResponses },
      },
    },
    async (request) => setVerificationMark(ctx, actorOf(request), request.params.id, request.body.mark),
  );

  app.get(
    '/api/count-list-items/:id/reports',
    {
      schema: {
        tags,
        summary: 'Every report of an item, including invalidated ones, with who (user id and name) and which device',
        params: idParams,
        response: {
          200: z.object({
            items: z.array(
              reportView.extend({
                userName: z.string().nullable().describe('Display name of the reporter, else the user name'),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: await listItemReports(ctx, actorOf(request), request.params.id) }),
  );

  // Count-list administration: manual close and reassignment (list-admin.service.ts).
  app.post(
    '/api/count-lists/:id/manual-close',
    {
      schema: {
        tags,
        summary:
          'Close a list being counted manually: no postings, the reason is kept, its stock locks are released and the postings they parked re-processed; reports are kept',
        params: idParams,
        body: manualCloseBody,
        response: { 200: manualCloseResult, ...errorResponses },
      },
    },
    async (request) => closeCountListManually(ctx, actorOf(request), request.params.id, request.body.reason),
  );

  app.post(
    '/api/count-lists/reassign',
    {
      schema: {
        tags,
        summary:
          'Hand count lists over to another employee and optionally set their assigned counters (all or none; not final lists)',
        body: reassignBody,
        response: { 200: reassignResult, ...errorResponses },
      },
    },
    async (request) => reassignCountLists(ctx, actorOf(request), request.body),
  );

  app.put(
    '/api/count-lists/:id/counters',
    {
      schema: {
        tags,
        summary:
          'Set the assigned counters of a list (manager; any list not closed): besides the responsible employee they see it on the handheld and may report on it',
        params: idParams,
        body: countersBody,
        response: { 200: countersResult, ...errorResponses },
      },
    },
    async (request) => setCountListCounters(ctx, actorOf(request), request.params.id, request.body.userIds),
  );
};

export default countListsRoutes;
