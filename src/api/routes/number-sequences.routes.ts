// Numbering schemes (number_sequences): everyone reads them, managers create and change them.
import { z } from 'zod';
import {
  createNumberSequence,
  deleteNumberSequence,
  getNumberSequence,
  listNumberSequences,
  updateNumberSequence,
} from '../../services/inventory/number-sequence.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, page } from '../schemas/common.js';
import {
  sequenceCreate,
  sequenceParams,
  sequencePatch,
  sequenceQuery,
  sequenceView,
} from '../schemas/number-sequences.js';
import type { RouteModule } from '../types.js';

const tags = ['numbering schemes'];

const numberSequencesRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/number-sequences',
    {
      schema: {
        tags,
        summary: 'List numbering schemes with their next number and what uses them',
        querystring: sequenceQuery,
        response: { 200: page(sequenceView), ...errorResponses },
      },
    },
    async (request) => listNumberSequences(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/number-sequences/:code',
    {
      schema: {
        tags,
        summary: 'One numbering scheme',
        params: sequenceParams,
        response: { 200: sequenceView, ...errorResponses },
      },
    },
    async (request) => getNumberSequence(ctx, actorOf(request), request.params.code),
  );

  app.post(
    '/api/number-sequences',
    {
      schema: {
        tags,
        summary: 'Create a numbering scheme (manager)',
        body: sequenceCreate,
        response: { 201: sequenceView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createNumberSequence(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/number-sequences/:code',
    {
      schema: {
        tags,
        summary: 'Change a numbering scheme (manager); the next number never goes back',
        params: sequenceParams,
        body: sequencePatch,
        response: { 200: sequenceView, ...errorResponses },
      },
    },
    async (request) => updateNumberSequence(ctx, actorOf(request), request.params.code, request.body),
  );

  app.delete(
    '/api/number-sequences/:code',
    {
      schema: {
        tags,
        summary:
          'Delete an unused numbering scheme (manager); conflict.in_use while a type, item class or inventory uses it',
        params: sequenceParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteNumberSequence(ctx, actorOf(request), request.params.code);
      return reply.status(204).send(null);
    },
  );
};

export default numberSequencesRoutes;
