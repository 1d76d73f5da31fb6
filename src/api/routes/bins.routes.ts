// Bins (storage places) of structured zones, singly or a whole range in one request.
// Read: any signed-in user (own site); write: manager of the site.
import { z } from 'zod';
import {
  createBin,
  createBinRange,
  deleteBin,
  getBin,
  listBins,
  setBinsBlocked,
  updateBin,
} from '../../services/places/bin.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams, page } from '../schemas/common.js';
import {
  binBody,
  binPatch,
  binQuery,
  binRangeBody,
  binRangeResult,
  binView,
  binsBlockedBody,
  binsBlockedResult,
} from '../schemas/places.js';
import type { RouteModule } from '../types.js';

const tags = ['bins'];

const binsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/bins',
    {
      schema: {
        tags,
        summary: 'List bins in walking order (zone, aisle, row, level, place)',
        querystring: binQuery,
        response: { 200: page(binView), ...errorResponses },
      },
    },
    async (request) => listBins(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/bins/:id',
    {
      schema: { tags, summary: 'Read a bin', params: idParams, response: { 200: binView, ...errorResponses } },
    },
    async (request) => getBin(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/bins',
    {
      schema: {
        tags,
        summary: 'Create a bin from its elements; the code is derived (manager)',
        body: binBody,
        response: { 201: binView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createBin(ctx, actorOf(request), request.body)),
  );

  app.post(
    '/api/bins/range',
    {
      schema: {
        tags,
        summary:
          'Create every bin of a range of elements in one statement (manager); dryRun previews it (200) without writing',
        body: binRangeBody,
        response: { 200: binRangeResult, 201: binRangeResult, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(request.body.dryRun ? 200 : 201).send(await createBinRange(ctx, actorOf(request), request.body)),
  );

  app.post(
    '/api/bins/blocked',
    {
      schema: {
        tags,
        summary: 'Block or unblock many bins in one transaction (manager)',
        body: binsBlockedBody,
        response: { 200: binsBlockedResult, ...errorResponses },
      },
    },
    async (request) => setBinsBlocked(ctx, actorOf(request), request.body),
  );

  app.patch(
    '/api/bins/:id',
    {
      schema: {
        tags,
        summary: 'Change a bin; changed elements re-derive the code (manager)',
        params: idParams,
        body: binPatch,
        response: { 200: binView, ...errorResponses },
      },
    },
    async (request) => updateBin(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/bins/:id',
    {
      schema: {
        tags,
        summary: 'Delete a bin (manager); refused with conflict.in_use while stock or count lists refer to it',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteBin(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

export default binsRoutes;
