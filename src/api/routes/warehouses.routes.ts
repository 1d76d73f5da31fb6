// Warehouses. Read: any signed-in user (site-bound users see their site only); write: manager of the site.
import { z } from 'zod';
import {
  createWarehouse,
  deleteWarehouse,
  getWarehouse,
  listWarehouses,
  updateWarehouse,
} from '../../services/places/warehouse.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams, page } from '../schemas/common.js';
import { warehouseBody, warehousePatch, warehouseQuery, warehouseView } from '../schemas/places.js';
import type { RouteModule } from '../types.js';

const tags = ['warehouses'];

const warehousesRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/warehouses',
    {
      schema: {
        tags,
        summary: 'List warehouses',
        querystring: warehouseQuery,
        response: { 200: page(warehouseView), ...errorResponses },
      },
    },
    async (request) => listWarehouses(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/warehouses/:id',
    {
      schema: {
        tags,
        summary: 'Read a warehouse',
        params: idParams,
        response: { 200: warehouseView, ...errorResponses },
      },
    },
    async (request) => getWarehouse(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/warehouses',
    {
      schema: {
        tags,
        summary: 'Create a warehouse (manager)',
        body: warehouseBody,
        response: { 201: warehouseView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createWarehouse(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/warehouses/:id',
    {
      schema: {
        tags,
        summary: 'Change a warehouse (manager)',
        params: idParams,
        body: warehousePatch,
        response: { 200: warehouseView, ...errorResponses },
      },
    },
    async (request) => updateWarehouse(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/warehouses/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a warehouse (manager); refused with conflict.in_use while zones, stock or count lists refer to it',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteWarehouse(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

export default warehousesRoutes;
