// Inventory types (SPEC §4.1): admins maintain them, everyone reads them.
import { z } from 'zod';
import {
  createInventoryType,
  deleteInventoryType,
  getInventoryType,
  listInventoryTypes,
  updateInventoryType,
} from '../../services/inventory/inventory-type.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams } from '../schemas/common.js';
import { inventoryTypeCreate, inventoryTypePatch, inventoryTypeView } from '../schemas/inventory.js';
import type { RouteModule } from '../types.js';

const tags = ['inventory types'];

const inventoryTypesRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/inventory-types',
    {
      schema: {
        tags,
        summary: 'List inventory types',
        response: { 200: z.object({ items: z.array(inventoryTypeView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listInventoryTypes(ctx, actorOf(request)) }),
  );

  app.get(
    '/api/inventory-types/:id',
    {
      schema: {
        tags,
        summary: 'An inventory type with its numbering schemes',
        params: idParams,
        response: { 200: inventoryTypeView, ...errorResponses },
      },
    },
    async (request) => getInventoryType(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/inventory-types',
    {
      schema: {
        tags,
        summary: 'Create an inventory type (admin); numbering schemes are created when missing',
        body: inventoryTypeCreate,
        response: { 201: inventoryTypeView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createInventoryType(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/inventory-types/:id',
    {
      schema: {
        tags,
        summary: 'Change an inventory type (admin); method and material type are fixed once inventories use it',
        params: idParams,
        body: inventoryTypePatch,
        response: { 200: inventoryTypeView, ...errorResponses },
      },
    },
    async (request) => updateInventoryType(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/inventory-types/:id',
    {
      schema: {
        tags,
        summary: 'Delete an unused inventory type (admin)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteInventoryType(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

export default inventoryTypesRoutes;
