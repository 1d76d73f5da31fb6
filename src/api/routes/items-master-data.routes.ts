// Item-master item operations: create with automatic coding, template and barcode; copy; the
// extension fields (lots, planning, accounting, logistics); alternatives; per-warehouse planning.
import {
  getMasterItem,
  setAlternatives,
  setWarehousePlanning,
  updateMasterFields,
} from '../../services/items/master-fields.service.js';
import { copyItem, createMasterItem } from '../../services/items/item-create.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams } from '../schemas/common.js';
import {
  alternativesBody,
  createdItemView,
  itemWarehouseParams,
  masterCopyBody,
  masterCreateBody,
  masterFieldsPatch,
  masterItemView,
  warehousePlanningBody,
} from '../schemas/item-master.js';
import type { RouteModule } from '../types.js';

const tags = ['item master'];

const itemMasterItemsRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/item-master/items',
    {
      schema: {
        tags,
        summary:
          'Create an item (manager): automatic code from the item class when none is given, template values, barcode on creation',
        body: masterCreateBody,
        response: { 201: createdItemView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createMasterItem(ctx, actorOf(request), request.body)),
  );

  app.post(
    '/api/item-master/items/:id/copy',
    {
      schema: {
        tags,
        summary:
          'Copy an item (manager): every field except validity dates, with prices, warehouse planning and alternatives; search codes other than the main one are not copied (codes are unique)',
        params: idParams,
        body: masterCopyBody,
        response: { 201: createdItemView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await copyItem(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/item-master/items/:id',
    {
      schema: {
        tags,
        summary: 'An item with its item-master fields, alternatives and per-warehouse planning',
        params: idParams,
        response: { 200: masterItemView, ...errorResponses },
      },
    },
    async (request) => getMasterItem(ctx, actorOf(request), request.params.id),
  );

  app.patch(
    '/api/item-master/items/:id',
    {
      schema: {
        tags,
        summary: 'Change item-master fields (manager): lots/serials, planning, accounting, logistics, notes',
        params: idParams,
        body: masterFieldsPatch,
        response: { 200: masterItemView, ...errorResponses },
      },
    },
    async (request) => updateMasterFields(ctx, actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/item-master/items/:id/alternatives',
    {
      schema: {
        tags,
        summary: 'Replace the alternative items (manager)',
        params: idParams,
        body: alternativesBody,
        response: { 200: masterItemView, ...errorResponses },
      },
    },
    async (request) => setAlternatives(ctx, actorOf(request), request.params.id, request.body.alternativeItemIds),
  );

  app.put(
    '/api/item-master/items/:id/warehouse-planning/:warehouseId',
    {
      schema: {
        tags,
        summary: 'Set the planning override of one warehouse (manager)',
        params: itemWarehouseParams,
        body: warehousePlanningBody,
        response: { 200: masterItemView, ...errorResponses },
      },
    },
    async (request) =>
      setWarehousePlanning(ctx, actorOf(request), request.params.id, request.params.warehouseId, request.body),
  );
};

export default itemMasterItemsRoutes;
