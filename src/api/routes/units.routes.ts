// Units of measure. Read: any signed-in user; write: manager.
import { z } from 'zod';
import { createUnit, deleteUnit, getUnit, listUnits, updateUnit } from '../../services/items/unit.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, page } from '../schemas/common.js';
import { unitBody, unitParams, unitPatch, unitQuery, unitView } from '../schemas/items.js';
import type { RouteModule } from '../types.js';

const tags = ['units'];

const unitsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/units',
    {
      schema: {
        tags,
        summary: 'List units of measure',
        querystring: unitQuery,
        response: { 200: page(unitView), ...errorResponses },
      },
    },
    async (request) => listUnits(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/units/:code',
    {
      schema: { tags, summary: 'Read a unit', params: unitParams, response: { 200: unitView, ...errorResponses } },
    },
    async (request) => getUnit(ctx, actorOf(request), request.params.code),
  );

  app.post(
    '/api/units',
    {
      schema: {
        tags,
        summary: 'Create a unit (manager)',
        body: unitBody,
        response: { 201: unitView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createUnit(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/units/:code',
    {
      schema: {
        tags,
        summary: 'Change a unit (manager)',
        params: unitParams,
        body: unitPatch,
        response: { 200: unitView, ...errorResponses },
      },
    },
    async (request) => updateUnit(ctx, actorOf(request), request.params.code, request.body),
  );

  app.delete(
    '/api/units/:code',
    {
      schema: {
        tags,
        summary: 'Delete a unit (manager); refused with conflict.in_use while items or search codes use it',
        params: unitParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteUnit(ctx, actorOf(request), request.params.code);
      return reply.status(204).send(null);
    },
  );
};

export default unitsRoutes;
