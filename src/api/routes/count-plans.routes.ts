// Cycle counting (docs/cycle-counting.md): count plans, the due list and lists of today's capacity from it,
// the KPIs per class, and the recorded ABC analysis runs with their schedule.
import { z } from 'zod';
import { deleteCountPlan, listCountPlans, putCountPlan } from '../../services/cycle/count-plan.service.js';
import { generateDueLists, getDueList } from '../../services/cycle/due-list.service.js';
import { getCountKpis } from '../../services/cycle/kpi.service.js';
import { getAbcSchedule, listAbcRuns, putAbcSchedule, startAbcRun } from '../../services/items/abc-run.service.js';
import { actorOf } from '../auth.js';
import {
  abcRunBody,
  abcRunPage,
  abcRunRecord,
  abcRunsQuery,
  abcScheduleBody,
  abcScheduleView,
  dueGenerationBody,
  dueGenerationView,
  dueList,
  dueQuery,
  kpiQuery,
  kpiView,
  planBody,
  planKeyQuery,
  planList,
  planPut,
} from '../schemas/count-plan.js';
import { errorResponses, idParams } from '../schemas/common.js';
import type { RouteModule } from '../types.js';

const tags = ['cycle counting'];

const countPlansRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/count-plans',
    {
      schema: {
        tags,
        summary: "Count plans of the user's sites (or of one site); manager role",
        querystring: z.strictObject({ siteId: planKeyQuery.shape.siteId.optional() }),
        response: { 200: planList, ...errorResponses },
      },
    },
    async (request) => ({ items: await listCountPlans(ctx, actorOf(request), request.query) }),
  );
  app.put(
    '/api/count-plans',
    {
      schema: {
        tags,
        summary: 'Create or replace the count plan of a site or of one of its warehouses; manager role',
        body: planBody,
        response: { 200: planPut, ...errorResponses },
      },
    },
    async (request) => putCountPlan(ctx, actorOf(request), request.body),
  );
  app.delete(
    '/api/count-plans',
    {
      schema: {
        tags,
        summary: 'Remove the count plan of a site or warehouse (deleted: false when there was none); manager role',
        querystring: planKeyQuery,
        response: { 200: z.object({ deleted: z.boolean() }), ...errorResponses },
      },
    },
    async (request) => deleteCountPlan(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/count-plans/due',
    {
      schema: {
        tags,
        summary:
          'The due list: positions never counted, overdue, due this week or this month under the count plans (most urgent first); manager role',
        querystring: dueQuery,
        response: { 200: dueList, ...errorResponses },
      },
    },
    async (request) => {
      const { status, ...q } = request.query;
      return getDueList(ctx, actorOf(request), { ...q, statuses: status });
    },
  );
  app.post(
    '/api/inventories/:id/count-lists/generate/due',
    {
      schema: {
        tags,
        summary:
          "Continuous method: article lists of the positions whose count cycle is reached, within today's capacity of the site's count plan; manager role",
        params: idParams,
        body: dueGenerationBody,
        response: { 200: dueGenerationView, ...errorResponses },
      },
    },
    async (request) => generateDueLists(ctx, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/count-kpis',
    {
      schema: {
        tags,
        summary:
          'Cycle-counting KPIs per class: on-time share (today), count accuracy (no difference) and difference values per month; manager role',
        querystring: kpiQuery,
        response: { 200: kpiView, ...errorResponses },
      },
    },
    async (request) => getCountKpis(ctx, actorOf(request), request.query),
  );
  app.post(
    '/api/abc-analysis/runs',
    {
      schema: {
        tags,
        summary: 'Run the ABC analysis now and record the run with the classes it changed (admin)',
        body: abcRunBody,
        response: { 200: abcRunRecord, ...errorResponses },
      },
    },
    async (request) => startAbcRun(ctx, actorOf(request), request.body),
  );
  app.get(
    '/api/abc-analysis/runs',
    {
      schema: {
        tags,
        summary: 'The recorded ABC analysis runs, newest first, each with the items it changed; manager role',
        querystring: abcRunsQuery,
        response: { 200: abcRunPage, ...errorResponses },
      },
    },
    async (request) => listAbcRuns(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/abc-analysis/schedule',
    {
      schema: {
        tags,
        summary: 'The schedule of the ABC analysis job; manager role',
        response: { 200: abcScheduleView, ...errorResponses },
      },
    },
    async (request) => getAbcSchedule(ctx, actorOf(request)),
  );
  app.put(
    '/api/abc-analysis/schedule',
    {
      schema: {
        tags,
        summary: 'Set the schedule of the ABC analysis job (admin)',
        body: abcScheduleBody,
        response: { 200: abcScheduleView, ...errorResponses },
      },
    },
    async (request) => putAbcSchedule(ctx, actorOf(request), request.body),
  );
};

export default countPlansRoutes;
