// Price lists and item prices with quantity tiers and cascading discounts, and the price query.
import { z } from 'zod';
import {
  addItemPrice,
  createPriceList,
  deleteItemPrice,
  getPrice,
  listItemPrices,
  listPriceLists,
  replaceItemPrice,
  updatePriceList,
} from '../../services/items/price-list.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams } from '../schemas/common.js';
import {
  itemPriceBody,
  itemPriceParams,
  itemPriceView,
  priceListBody,
  priceListPatch,
  priceListView,
  priceQuery,
  priceResultView,
} from '../schemas/item-master.js';
import type { RouteModule } from '../types.js';

const tags = ['item master'];

const itemMasterPricesRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/item-master/price-lists',
    {
      schema: {
        tags,
        summary: 'Price lists',
        response: { 200: z.object({ items: z.array(priceListView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listPriceLists(ctx, actorOf(request)) }),
  );

  app.post(
    '/api/item-master/price-lists',
    {
      schema: {
        tags,
        summary: 'Create a price list (manager)',
        body: priceListBody,
        response: { 201: priceListView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createPriceList(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/item-master/price-lists/:id',
    {
      schema: {
        tags,
        summary: 'Change a price list (manager)',
        params: idParams,
        body: priceListPatch,
        response: { 200: priceListView, ...errorResponses },
      },
    },
    async (request) => updatePriceList(ctx, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/item-master/items/:id/prices',
    {
      schema: {
        tags,
        summary: 'Price rows of an item with their tiers',
        params: idParams,
        response: { 200: z.object({ items: z.array(itemPriceView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listItemPrices(ctx, actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/item-master/items/:id/prices',
    {
      schema: {
        tags,
        summary:
          'Add a price row (manager); rows of one list, unit and currency must not overlap in validity (price.validity_overlap)',
        params: idParams,
        body: itemPriceBody,
        response: { 201: itemPriceView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addItemPrice(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.put(
    '/api/item-master/items/:id/prices/:priceId',
    {
      schema: {
        tags,
        summary: 'Replace a price row and its tiers (manager)',
        params: itemPriceParams,
        body: itemPriceBody,
        response: { 200: itemPriceView, ...errorResponses },
      },
    },
    async (request) => replaceItemPrice(ctx, actorOf(request), request.params.id, request.params.priceId, request.body),
  );

  app.delete(
    '/api/item-master/items/:id/prices/:priceId',
    {
      schema: {
        tags,
        summary: 'Delete a price row (manager)',
        params: itemPriceParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteItemPrice(ctx, actorOf(request), request.params.id, request.params.priceId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/item-master/items/:id/price',
    {
      schema: {
        tags,
        summary:
          'Price of a quantity in a unit on a date: row valid on the date (a row in the asked unit first), tier, cascading discounts, exact amount',
        params: idParams,
        querystring: priceQuery,
        response: { 200: priceResultView, ...errorResponses },
      },
    },
    async (request) => getPrice(ctx, actorOf(request), request.params.id, request.query),
  );
};

export default itemMasterPricesRoutes;
