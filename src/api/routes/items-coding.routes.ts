// Automatic coding configuration: item classes, GS1 prefixes of generated EANs, templates.
import { z } from 'zod';
import {
  createItemClass,
  createTemplate,
  deleteTemplate,
  listBarcodeSettings,
  listItemClasses,
  listTemplates,
  setBarcodeSetting,
  updateItemClass,
} from '../../services/items/coding.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idParams } from '../schemas/common.js';
import {
  barcodeKindParams,
  barcodeSettingBody,
  barcodeSettingView,
  codeParams,
  itemClassBody,
  itemClassPatch,
  itemClassView,
  templateBody,
  templateView,
} from '../schemas/item-master.js';
import type { RouteModule } from '../types.js';

const tags = ['item master'];

const itemMasterCodingRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/item-master/item-classes',
    {
      schema: {
        tags,
        summary: 'Item classes with their automatic coding (prefix, digits, next number)',
        response: { 200: z.object({ items: z.array(itemClassView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listItemClasses(ctx, actorOf(request)) }),
  );

  app.post(
    '/api/item-master/item-classes',
    {
      schema: {
        tags,
        summary: 'Create an item class and its numbering (manager)',
        body: itemClassBody,
        response: { 201: itemClassView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createItemClass(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/item-master/item-classes/:code',
    {
      schema: {
        tags,
        summary: 'Change an item class (manager); the counter never goes back',
        params: codeParams,
        body: itemClassPatch,
        response: { 200: itemClassView, ...errorResponses },
      },
    },
    async (request) => updateItemClass(ctx, actorOf(request), request.params.code, request.body),
  );

  app.get(
    '/api/item-master/barcode-settings',
    {
      schema: {
        tags,
        summary: 'GS1 company prefixes and counters of generated EAN-8/EAN-13',
        response: { 200: z.object({ items: z.array(barcodeSettingView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listBarcodeSettings(ctx, actorOf(request)) }),
  );

  app.put(
    '/api/item-master/barcode-settings/:kind',
    {
      schema: {
        tags,
        summary: 'Configure the company prefix and next item reference of generated EANs (manager)',
        params: barcodeKindParams,
        body: barcodeSettingBody,
        response: { 200: barcodeSettingView, ...errorResponses },
      },
    },
    async (request) => setBarcodeSetting(ctx, actorOf(request), request.params.kind, request.body),
  );

  app.get(
    '/api/item-master/templates',
    {
      schema: {
        tags,
        summary: 'Item templates ("models") and their reference items',
        response: { 200: z.object({ items: z.array(templateView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listTemplates(ctx, actorOf(request)) }),
  );

  app.post(
    '/api/item-master/templates',
    {
      schema: {
        tags,
        summary: 'Create a template from a reference item (manager)',
        body: templateBody,
        response: { 201: templateView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createTemplate(ctx, actorOf(request), request.body)),
  );

  app.delete(
    '/api/item-master/templates/:id',
    {
      schema: {
        tags,
        summary: 'Delete a template (manager)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteTemplate(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

export default itemMasterCodingRoutes;
