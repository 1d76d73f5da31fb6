// The item master and its search codes. Read: any signed-in user; write: manager.
import { z } from 'zod';
import { listItems } from '../../services/items/item-search.service.js';
import { createItem, deleteItem, getItem, updateItem } from '../../services/items/item.service.js';
import {
  addSearchCode,
  deleteSearchCode,
  listSearchCodes,
  updateSearchCode,
} from '../../services/items/search-code.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams, page } from '../schemas/common.js';
import {
  itemBody,
  itemPatch,
  itemQuery,
  itemView,
  searchCodeBody,
  searchCodeParams,
  searchCodePatch,
  searchCodeView,
} from '../schemas/items.js';
import type { RouteModule } from '../types.js';

const tags = ['items'];

const itemsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/items',
    {
      schema: {
        tags,
        summary: 'List and search items by code, search code or description, with classification filters',
        querystring: itemQuery,
        response: { 200: page(itemView), ...errorResponses },
      },
    },
    async (request) => listItems(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/items/:id',
    {
      schema: { tags, summary: 'Read an item', params: idParams, response: { 200: itemView, ...errorResponses } },
    },
    async (request) => getItem(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/items',
    {
      schema: {
        tags,
        summary: 'Create an item and its main search code (manager)',
        body: itemBody,
        response: { 201: itemView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createItem(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/items/:id',
    {
      schema: {
        tags,
        summary:
          'Change an item (manager); the primary unit is locked once the item has stock movements (item.primary_unit_locked), lot/serial management while it has stock (item.tracking_locked)',
        params: idParams,
        body: itemPatch,
        response: { 200: itemView, ...errorResponses },
      },
    },
    async (request) => updateItem(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/items/:id',
    {
      schema: {
        tags,
        summary:
          'Delete an item (manager); refused with conflict.in_use once it has stock movements or other references',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteItem(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/items/:id/search-codes',
    {
      schema: {
        tags,
        summary: 'Search codes of an item (main first)',
        params: idParams,
        response: { 200: z.object({ items: z.array(searchCodeView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listSearchCodes(ctx, actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/items/:id/search-codes',
    {
      schema: {
        tags,
        summary: 'Add a search code with its unit and conversion (manager); codes are unique across all items',
        params: idParams,
        body: searchCodeBody,
        response: { 201: searchCodeView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addSearchCode(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/items/:id/search-codes/:searchCodeId',
    {
      schema: {
        tags,
        summary: 'Change a search code (manager); the main one only in its description',
        params: searchCodeParams,
        body: searchCodePatch,
        response: { 200: searchCodeView, ...errorResponses },
      },
    },
    async (request) =>
      updateSearchCode(ctx, actorOf(request), request.params.id, request.params.searchCodeId, request.body),
  );

  app.delete(
    '/api/items/:id/search-codes/:searchCodeId',
    {
      schema: {
        tags,
        summary: 'Delete a search code (manager); the main one cannot be deleted',
        params: searchCodeParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteSearchCode(ctx, actorOf(request), request.params.id, request.params.searchCodeId);
      return reply.status(204).send(null);
    },
  );
};

export default itemsRoutes;
