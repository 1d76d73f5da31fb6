// Classification code tables (product group, brand, family, …), searchable by description.
// Read: any signed-in user; write: manager.
import { z } from 'zod';
import {
  createClassification,
  deleteClassification,
  listClassifications,
  updateClassification,
} from '../../services/items/unit.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, page } from '../schemas/common.js';
import {
  classificationBody,
  classificationParams,
  classificationPatch,
  classificationQuery,
  classificationView,
} from '../schemas/items.js';
import type { RouteModule } from '../types.js';

const tags = ['classifications'];

const classificationsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/classifications',
    {
      schema: {
        tags,
        summary: 'List or search classification codes (filter by kind; q searches descriptions)',
        querystring: classificationQuery,
        response: { 200: page(classificationView), ...errorResponses },
      },
    },
    async (request) => listClassifications(ctx, actorOf(request), request.query),
  );

  app.post(
    '/api/classifications',
    {
      schema: {
        tags,
        summary: 'Create a classification code (manager)',
        body: classificationBody,
        response: { 201: classificationView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createClassification(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/classifications/:kind/:code',
    {
      schema: {
        tags,
        summary: 'Change the description of a classification code (manager)',
        params: classificationParams,
        body: classificationPatch,
        response: { 200: classificationView, ...errorResponses },
      },
    },
    async (request) =>
      updateClassification(ctx, actorOf(request), request.params.kind, request.params.code, request.body.description),
  );

  app.delete(
    '/api/classifications/:kind/:code',
    {
      schema: {
        tags,
        summary: 'Delete a classification code (manager); refused with conflict.in_use while items use it',
        params: classificationParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteClassification(ctx, actorOf(request), request.params.kind, request.params.code);
      return reply.status(204).send(null);
    },
  );
};

export default classificationsRoutes;
