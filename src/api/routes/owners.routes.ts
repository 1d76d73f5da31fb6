// Stock owners (companies owning stock; shared by all sites). Read: any signed-in user; write: manager.
import { z } from 'zod';
import { createOwner, deleteOwner, getOwner, listOwners, updateOwner } from '../../services/places/site.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams, page } from '../schemas/common.js';
import { codeNameBody, codeNamePatch, codeNameQuery, codeNameView } from '../schemas/places.js';
import type { RouteModule } from '../types.js';

const tags = ['owners'];

const ownersRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/owners',
    {
      schema: {
        tags,
        summary: 'List stock owners (filter q: code prefix or name words)',
        querystring: codeNameQuery,
        response: { 200: page(codeNameView), ...errorResponses },
      },
    },
    async (request) => listOwners(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/owners/:id',
    {
      schema: {
        tags,
        summary: 'Read a stock owner',
        params: idParams,
        response: { 200: codeNameView, ...errorResponses },
      },
    },
    async (request) => getOwner(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/owners',
    {
      schema: {
        tags,
        summary: 'Create a stock owner (manager)',
        body: codeNameBody,
        response: { 201: codeNameView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createOwner(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/owners/:id',
    {
      schema: {
        tags,
        summary: 'Change a stock owner (manager)',
        params: idParams,
        body: codeNamePatch,
        response: { 200: codeNameView, ...errorResponses },
      },
    },
    async (request) => updateOwner(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/owners/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a stock owner (manager); refused with conflict.in_use while stock, ledger entries or inventories refer to it',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteOwner(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

export default ownersRoutes;
