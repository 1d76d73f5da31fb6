// Planning: ABC analysis by consumption value and the stock-control report.
import { runAbcAnalysis, stockControlReport } from '../../services/items/planning.service.js';
import { actorOf } from '../auth.js';
import { errorResponses } from '../schemas/common.js';
import { abcBody, abcRunView, stockControlQuery, stockControlView } from '../schemas/item-master.js';
import type { RouteModule } from '../types.js';

const tags = ['item master'];

const itemMasterPlanningRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/item-master/abc-analysis',
    {
      schema: {
        tags,
        summary:
          'Run the ABC analysis (admin): classify every item by the value of its issues in the period and store items.abcClass',
        body: abcBody,
        response: { 200: abcRunView, ...errorResponses },
      },
    },
    async (request) => runAbcAnalysis(ctx, actorOf(request), request.body),
  );

  app.get(
    '/api/item-master/stock-control',
    {
      schema: {
        tags,
        summary:
          'Stock control: item × warehouse below minimum, above maximum or at the reorder point (warehouse overrides applied); manager role',
        querystring: stockControlQuery,
        response: { 200: stockControlView, ...errorResponses },
      },
    },
    async (request) => ({ items: await stockControlReport(ctx, actorOf(request), request.query) }),
  );
};

export default itemMasterPlanningRoutes;
