// The first set-up (admin): what exists, what is proposed, and one transaction per confirmed step.
import {
  setupInventoryTypes,
  setupStatus,
  setupTransactionKeys,
  setupUnits,
  setupWarehouse,
} from '../../services/setup/setup.service.js';
import { actorOf } from '../auth.js';
import { errorResponses } from '../schemas/common.js';
import {
  setupKeysBody,
  setupKeysResult,
  setupStatusView,
  setupTypesBody,
  setupTypesResult,
  setupUnitsBody,
  setupUnitsResult,
  setupWarehouseBody,
  setupWarehouseResult,
} from '../schemas/setup.js';
import type { RouteModule } from '../types.js';

const tags = ['setup'];
const refusal = 'Nothing is written when any row is refused; the error names the row, e.g. field units.3.code';

const setupRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/setup',
    {
      schema: {
        tags,
        summary: 'What the database holds and what the first set-up proposes (admin)',
        response: { 200: setupStatusView, ...errorResponses },
      },
    },
    async (request) => setupStatus(ctx, actorOf(request)),
  );

  app.post(
    '/api/setup/warehouse',
    {
      schema: {
        tags,
        summary: `Create a warehouse with its zones in one transaction (admin). ${refusal}`,
        body: setupWarehouseBody,
        response: { 201: setupWarehouseResult, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await setupWarehouse(ctx, actorOf(request), request.body)),
  );

  app.post(
    '/api/setup/units',
    {
      schema: {
        tags,
        summary: `Create units of measure in one transaction (admin). ${refusal}`,
        body: setupUnitsBody,
        response: { 201: setupUnitsResult, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ units: await setupUnits(ctx, actorOf(request), request.body.units) }),
  );

  app.post(
    '/api/setup/transaction-keys',
    {
      schema: {
        tags,
        summary: `Create transaction keys in one transaction (admin). ${refusal}`,
        body: setupKeysBody,
        response: { 201: setupKeysResult, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ keys: await setupTransactionKeys(ctx, actorOf(request), request.body.keys) }),
  );

  app.post(
    '/api/setup/inventory-types',
    {
      schema: {
        tags,
        summary: `Create inventory types with their numbering schemes in one transaction (admin). ${refusal}`,
        body: setupTypesBody,
        response: { 201: setupTypesResult, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ types: await setupInventoryTypes(ctx, actorOf(request), request.body.types) }),
  );
};

export default setupRoutes;
