// Sites (organisational units). Read: any signed-in user (a site-bound user sees only their site); write: admin.
import { z } from 'zod';
import { createSite, deleteSite, getSite, listSites, updateSite } from '../../services/places/site.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams, page } from '../schemas/common.js';
import { codeNameBody, codeNamePatch, codeNameQuery, codeNameView } from '../schemas/places.js';
import type { RouteModule } from '../types.js';

const tags = ['sites'];

const sitesRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/sites',
    {
      schema: {
        tags,
        summary: 'List sites (filter q: code prefix or name words)',
        querystring: codeNameQuery,
        response: { 200: page(codeNameView), ...errorResponses },
      },
    },
    async (request) => listSites(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/sites/:id',
    {
      schema: { tags, summary: 'Read a site', params: idParams, response: { 200: codeNameView, ...errorResponses } },
    },
    async (request) => getSite(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/sites',
    {
      schema: {
        tags,
        summary: 'Create a site (admin)',
        body: codeNameBody,
        response: { 201: codeNameView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createSite(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/sites/:id',
    {
      schema: {
        tags,
        summary: 'Change a site (admin)',
        params: idParams,
        body: codeNamePatch,
        response: { 200: codeNameView, ...errorResponses },
      },
    },
    async (request) => updateSite(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/sites/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a site (admin); refused with conflict.in_use while warehouses, users or inventories refer to it',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteSite(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

export default sitesRoutes;
