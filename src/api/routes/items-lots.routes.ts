// Lot and serial classes, lot/serial generation, lot proposals and availability.
import { z } from 'zod';
import {
  availabilityFor,
  createLotClass,
  createSerialClass,
  generateLot,
  generateSerials,
  listLotClasses,
  listSerialClasses,
  proposeLotsFor,
} from '../../services/items/lots.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams } from '../schemas/common.js';
import {
  availabilityQuery,
  availabilityView,
  lotClassBody,
  lotClassView,
  lotProposalQuery,
  lotProposalView,
  lotView,
  newLotBody,
  serialClassBody,
  serialClassView,
  serialsBody,
} from '../schemas/item-master.js';
import type { RouteModule } from '../types.js';

const tags = ['item master'];

const itemMasterLotsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/item-master/lot-classes',
    {
      schema: {
        tags,
        summary: 'Lot classes (rules generating lot codes)',
        response: { 200: z.object({ items: z.array(lotClassView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listLotClasses(ctx, actorOf(request)) }),
  );

  app.post(
    '/api/item-master/lot-classes',
    {
      schema: {
        tags,
        summary: 'Create a lot class: prefix + date part + counter (manager)',
        body: lotClassBody,
        response: { 201: lotClassView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createLotClass(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/item-master/serial-classes',
    {
      schema: {
        tags,
        summary: 'Serial classes',
        response: { 200: z.object({ items: z.array(serialClassView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listSerialClasses(ctx, actorOf(request)) }),
  );

  app.post(
    '/api/item-master/serial-classes',
    {
      schema: {
        tags,
        summary: 'Create a serial class (manager)',
        body: serialClassBody,
        response: { 201: serialClassView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createSerialClass(ctx, actorOf(request), request.body)),
  );

  app.post(
    '/api/item-master/items/:id/lots',
    {
      schema: {
        tags,
        summary: "Generate the next lot code of the item's lot class and record the lot (manager)",
        params: idParams,
        body: newLotBody,
        response: { 201: lotView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await generateLot(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/item-master/items/:id/serials',
    {
      schema: {
        tags,
        summary: "Take the next serial numbers of the item's serial class (manager)",
        params: idParams,
        body: serialsBody,
        response: { 201: z.object({ serials: z.array(z.string()) }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ serials: await generateSerials(ctx, actorOf(request), request.params.id, request.body.count) }),
  );

  app.get(
    '/api/item-master/items/:id/lot-proposal',
    {
      schema: {
        tags,
        summary:
          "Lots to issue a quantity from, in the item's consumption order (FIFO/FEFO/LEFO; expired lots skipped for FEFO/LEFO); manager role (it shows stock on hand)",
        params: idParams,
        querystring: lotProposalQuery,
        response: { 200: lotProposalView, ...errorResponses },
      },
    },
    async (request) => proposeLotsFor(ctx, actorOf(request), { itemId: request.params.id, ...request.query }),
  );

  app.get(
    '/api/item-master/items/:id/availability',
    {
      schema: {
        tags,
        summary:
          "Availability (on hand − reserved) in a warehouse, optionally of one lot, judged by the item's check mode; manager role",
        params: idParams,
        querystring: availabilityQuery,
        response: { 200: availabilityView, ...errorResponses },
      },
    },
    async (request) => availabilityFor(ctx, actorOf(request), { itemId: request.params.id, ...request.query }),
  );
};

export default itemMasterLotsRoutes;
