// The handheld counting API (SPEC §5, seed 000): the counter's own open lists, their items (never a target
// on blind inventories), offline look-up data, the bin step and the scan itself.
import { z } from 'zod';
import {
  handheldLookup,
  resolveHandheldBin,
  resolveHandheldPlace,
} from '../../services/counting/handheld-lookup.service.js';
import { listHandheldItems, listHandheldLists } from '../../services/counting/handheld-list.service.js';
import { confirmEmptyBin, identifyScan, recordScan, recordScanBatch } from '../../services/counting/scan.service.js';
import { undoCountReport } from '../../services/inventory/undo-report.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idSchema, page, pageQuery, text } from '../schemas/common.js';
import {
  batchBody,
  batchResult,
  handheldItem,
  handheldList,
  listIdParams,
  lookupBin,
  lookupItem,
  lookupZone,
  resolvedBin,
  resolvedPlace,
  scanBody,
  scanResult,
  undoParams,
  undoResult,
  emptyBinBody,
  emptyBinResult,
  identifyQuery,
  identifiedView,
} from '../schemas/handheld.js';
import type { RouteModule } from '../types.js';

const handheldRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/handheld/lists',
    {
      schema: {
        tags: ['handheld'],
        summary: 'My open count lists (I am the responsible employee), searchable by inventory',
        querystring: z.strictObject({
          q: text().max(100).optional().describe('Part of the inventory number/description or list number/name'),
          ...pageQuery,
        }),
        response: { 200: page(handheldList), ...errorResponses },
      },
    },
    async (request) => listHandheldLists(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/handheld/lists/:id/items',
    {
      schema: {
        tags: ['handheld'],
        summary: 'Items of my list as a counter sees them (no target quantities on blind inventories)',
        params: listIdParams,
        querystring: z.strictObject({
          bin: text().min(1).max(80).optional().describe('Only the lines of this bin (code or barcode)'),
          onlyOpen: z.enum(['true', 'false']).optional().describe('Only items not yet reported'),
          ...pageQuery,
        }),
        response: { 200: page(handheldItem), ...errorResponses },
      },
    },
    async (request) => {
      const { bin, onlyOpen, limit, offset } = request.query;
      return listHandheldItems(ctx, actorOf(request), request.params.id, {
        bin,
        onlyOpen: onlyOpen === 'true',
        limit,
        offset,
      });
    },
  );

  app.get(
    '/api/handheld/lists/:id/lookup',
    {
      schema: {
        tags: ['handheld'],
        summary:
          "Offline cache of my list: its items with search codes and units (kind=items), its warehouse's bins (kind=bins) or zones (kind=zones)",
        params: listIdParams,
        querystring: z.strictObject({ kind: z.enum(['items', 'bins', 'zones']).default('items'), ...pageQuery }),
        response: {
          200: z.object({
            kind: z.enum(['items', 'bins', 'zones']),
            items: z.array(z.union([lookupItem, lookupBin, lookupZone])),
            nextOffset: z.number().int().nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const r = await handheldLookup(ctx, actorOf(request), request.params.id, request.query);
      return { kind: r.kind, ...r.page };
    },
  );

  app.post(
    '/api/handheld/bins/resolve',
    {
      schema: {
        tags: ['handheld'],
        summary: 'The bin step: a scanned bin barcode or typed code → the bin of my list',
        body: z.strictObject({ listId: idSchema, code: text().min(1).max(80).describe('Bin barcode or code') }),
        response: { 200: resolvedBin, ...errorResponses },
      },
    },
    async (request) => resolveHandheldBin(ctx, actorOf(request), request.body),
  );

  app.post(
    '/api/handheld/places/resolve',
    {
      schema: {
        tags: ['handheld'],
        summary:
          'The place step: a scanned or typed bin (code or barcode) or zone code → where to count, whether my list counts there, which other list does, whether found items are taken',
        body: z.strictObject({
          listId: idSchema,
          code: text().min(1).max(80).describe('Bin barcode or code, or zone code'),
        }),
        response: { 200: resolvedPlace, ...errorResponses },
      },
    },
    async (request) => resolveHandheldPlace(ctx, actorOf(request), request.body),
  );

  app.post(
    '/api/handheld/lists/:id/scans',
    {
      schema: {
        tags: ['handheld'],
        summary:
          'Report one scan on my list; a repeat at the same place answers decision_needed (200) until a mode is sent',
        params: listIdParams,
        body: scanBody,
        response: { 200: scanResult, ...errorResponses },
      },
    },
    async (request) => recordScan(ctx, actorOf(request), { listId: request.params.id, ...request.body }),
  );

  app.get(
    '/api/handheld/lists/:id/identify',
    {
      schema: {
        tags: ['handheld'],
        summary:
          'What a scanned code is, before a quantity is typed: the item, or the same error a scan would get (nothing written)',
        params: listIdParams,
        querystring: identifyQuery,
        response: { 200: identifiedView, ...errorResponses },
      },
    },
    async (request) => identifyScan(ctx, actorOf(request), { listId: request.params.id, ...request.query }),
  );

  app.post(
    '/api/handheld/lists/:id/empty-bin',
    {
      schema: {
        tags: ['handheld'],
        summary: 'Confirm that a bin of my bin list is empty: its "(empty bin)" line is reported with 0',
        params: listIdParams,
        body: emptyBinBody,
        response: { 200: emptyBinResult, ...errorResponses },
      },
    },
    async (request) => confirmEmptyBin(ctx, actorOf(request), { listId: request.params.id, ...request.body }),
  );

  app.post(
    '/api/handheld/reports/:clientReportId/undo',
    {
      schema: {
        tags: ['handheld'],
        summary:
          'Undo a report: it is marked invalid (kept), the line goes back to what its other valid reports give, open when none is left',
        params: undoParams,
        response: { 200: undoResult, ...errorResponses },
      },
    },
    async (request) => undoCountReport(ctx, actorOf(request), request.params.clientReportId),
  );

  app.post(
    '/api/handheld/scans/batch',
    {
      schema: {
        tags: ['handheld'],
        summary: 'Synchronise scans queued offline: each recorded on its own, exactly once per clientReportId',
        body: batchBody,
        response: { 200: batchResult, ...errorResponses },
      },
    },
    async (request) => ({ results: await recordScanBatch(ctx, actorOf(request), request.body.scans) }),
  );
};

export default handheldRoutes;
