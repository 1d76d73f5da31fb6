// Zones of structured warehouses. Read: any signed-in user (own site); write: manager of the site.
import { z } from 'zod';
import { createZone, deleteZone, getZone, listZones, updateZone } from '../../services/places/zone.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams, page } from '../schemas/common.js';
import { zoneBody, zonePatch, zoneQuery, zoneView } from '../schemas/places.js';
import type { RouteModule } from '../types.js';

const tags = ['zones'];

const zonesRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/zones',
    {
      schema: {
        tags,
        summary: 'List zones',
        querystring: zoneQuery,
        response: { 200: page(zoneView), ...errorResponses },
      },
    },
    async (request) => listZones(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/zones/:id',
    {
      schema: { tags, summary: 'Read a zone', params: idParams, response: { 200: zoneView, ...errorResponses } },
    },
    async (request) => getZone(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/zones',
    {
      schema: {
        tags,
        summary: 'Create a zone in a structured warehouse (manager)',
        body: zoneBody,
        response: { 201: zoneView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createZone(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/zones/:id',
    {
      schema: {
        tags,
        summary: 'Change a zone (manager)',
        params: idParams,
        body: zonePatch,
        response: { 200: zoneView, ...errorResponses },
      },
    },
    async (request) => updateZone(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/zones/:id',
    {
      schema: {
        tags,
        summary: 'Delete a zone (manager); refused with conflict.in_use while bins, stock or count lists refer to it',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteZone(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

export default zonesRoutes;
