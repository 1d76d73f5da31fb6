// Inventory headers (SPEC §4.2): create, search, read, edit, delete, start. Closing is a count-list action.
import { z } from 'zod';
import {
  createInventory,
  deleteInventory,
  duplicateInventory,
  getInventory,
  listInventories,
  startInventory,
  updateInventory,
} from '../../services/inventory/inventory.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams, idSchema, page, pageQuery, text } from '../schemas/common.js';
import { inventoryCreate, inventoryPatch, inventoryStatus, inventoryView } from '../schemas/inventory.js';
import type { RouteModule } from '../types.js';

const tags = ['inventories'];

const inventoriesRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/inventories',
    {
      schema: {
        tags,
        summary: 'Search inventories (newest first)',
        querystring: z.strictObject({
          status: inventoryStatus.optional(),
          typeId: idSchema.optional(),
          siteId: idSchema.optional(),
          q: text().min(1).max(100).optional().describe('Text in the description or number'),
          ...pageQuery,
        }),
        response: { 200: page(inventoryView), ...errorResponses },
      },
    },
    async (request) => listInventories(ctx, actorOf(request), request.query),
  );

  app.post(
    '/api/inventories',
    {
      schema: {
        tags,
        summary: "Create an inventory; its number comes from the type's numbering scheme",
        body: inventoryCreate,
        response: { 201: inventoryView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createInventory(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/inventories/:id',
    {
      schema: {
        tags,
        summary: 'An inventory header',
        params: idParams,
        response: { 200: inventoryView, ...errorResponses },
      },
    },
    async (request) => getInventory(ctx, actorOf(request), request.params.id),
  );

  app.patch(
    '/api/inventories/:id',
    {
      schema: {
        tags,
        summary:
          'Change an inventory header (type never; owner until started; valuation, keys, dates until a list exists)',
        params: idParams,
        body: inventoryPatch,
        response: { 200: inventoryView, ...errorResponses },
      },
    },
    async (request) => updateInventory(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/inventories/:id',
    {
      schema: {
        tags,
        summary: 'Delete an inventory with its lists, items and reports (refused once a list is closed)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteInventory(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/inventories/:id/start',
    {
      schema: {
        tags,
        summary: 'Start the inventory: status open; its lists can then be opened',
        params: idParams,
        response: { 200: inventoryView, ...errorResponses },
      },
    },
    async (request) => startInventory(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/inventories/:id/duplicate',
    {
      schema: {
        tags,
        summary:
          "Duplicate an inventory: a new number, status created, the same site, header and last generation's parameters (no lists)",
        params: idParams,
        response: { 201: inventoryView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await duplicateInventory(ctx, actorOf(request), request.params.id)),
  );
};

export default inventoriesRoutes;
