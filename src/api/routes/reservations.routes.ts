import { z } from 'zod';
import {
  cancelReservation,
  checkReservationsFor,
  createReservation,
  fulfilReservation,
  listReservations,
} from '../../services/ledger/reservations.service.js';
import { actorOf } from '../auth.js';
import {
  errorResponses,
  idParams,
  idSchema,
  nonNegativeDecimal,
  page,
  pageQuery,
  text,
  toPage,
} from '../schemas/common.js';
import { reservationStatus, reservationView } from '../schemas/ledger.js';
import type { RouteModule } from '../types.js';

const reservationsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/reservations',
    {
      schema: {
        tags: ['stock'],
        summary: 'List reservations',
        querystring: z.strictObject({
          siteId: idSchema.optional(),
          itemId: idSchema.optional(),
          warehouseId: idSchema.optional(),
          status: reservationStatus.optional(),
          ...pageQuery,
        }),
        response: { 200: page(reservationView), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return toPage(await listReservations(ctx, actorOf(request), q), q.limit, q.offset);
    },
  );

  app.post(
    '/api/reservations',
    {
      schema: {
        tags: ['stock'],
        summary: 'Reserve quantity in a warehouse (narrowed by zone/bin/lot/serial); refused beyond what is available',
        body: z.strictObject({
          siteId: idSchema,
          itemId: idSchema,
          warehouseId: idSchema,
          zoneId: idSchema.nullable().optional(),
          binId: idSchema.nullable().optional(),
          lot: text().min(1).max(40).optional(),
          serial: text().min(1).max(80).optional(),
          ownerId: idSchema,
          quantity: nonNegativeDecimal.describe('Positive quantity in the primary unit'),
          reference: text().max(80).optional().describe('Order or picking reference'),
        }),
        response: { 201: reservationView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createReservation(ctx, actorOf(request), request.body)),
  );

  app.post(
    '/api/reservations/:id/cancel',
    {
      schema: {
        tags: ['stock'],
        summary: 'Cancel a reservation',
        params: idParams,
        response: { 200: reservationView, ...errorResponses },
      },
    },
    async (request) => cancelReservation(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/reservations/:id/fulfil',
    {
      schema: {
        tags: ['stock'],
        summary: 'Mark an open reservation fulfilled',
        params: idParams,
        response: { 200: reservationView, ...errorResponses },
      },
    },
    async (request) => fulfilReservation(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/reservations/check',
    {
      schema: {
        tags: ['stock'],
        summary: 'Mark open reservations no longer covered by stock as not_available (manager)',
        body: z.strictObject({
          itemIds: z.array(idSchema).max(10_000).optional(),
          warehouseIds: z.array(idSchema).max(1000).optional(),
        }),
        response: {
          200: z.object({ notAvailable: z.array(z.string()).describe('Ids of the reservations marked') }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      return { notAvailable: await checkReservationsFor(ctx, actorOf(request), request.body) };
    },
  );
};

export default reservationsRoutes;
