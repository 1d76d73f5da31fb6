// Reading stock: balances (by item, place, lot), ledger entries, availability; rebuilding balances.
// All of them carry system quantities: managers only (blind counting; counters use the count-list and
// handheld endpoints).
import { z } from 'zod';
import {
  listBalances,
  listLedgerEntries,
  rebuildBalances,
  stockAvailability,
} from '../../services/ledger/stock.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idSchema, page, toPage } from '../schemas/common.js';
import {
  availabilityQuery,
  availabilityView,
  balanceQuery,
  balanceView,
  ledgerEntryView,
  ledgerQuery,
} from '../schemas/ledger.js';
import type { RouteModule } from '../types.js';

const stockRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/stock/balances',
    {
      schema: {
        tags: ['stock'],
        summary: 'Stock balances per item × warehouse × zone × bin × lot × serial × owner (manager)',
        querystring: balanceQuery,
        response: { 200: page(balanceView), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return toPage(await listBalances(ctx, actorOf(request), q), q.limit, q.offset);
    },
  );

  app.get(
    '/api/stock/ledger',
    {
      schema: {
        tags: ['stock'],
        summary: 'Ledger entries (immutable stock transactions), oldest first (manager)',
        querystring: ledgerQuery,
        response: { 200: page(ledgerEntryView), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return toPage(await listLedgerEntries(ctx, actorOf(request), q), q.limit, q.offset);
    },
  );

  app.get(
    '/api/stock/availability',
    {
      schema: {
        tags: ['stock'],
        summary: 'On hand, reserved and available over a place (zone/bin/lot/serial narrow it; manager)',
        querystring: availabilityQuery,
        response: { 200: availabilityView, ...errorResponses },
      },
    },
    async (request) => stockAvailability(ctx, actorOf(request), request.query),
  );

  app.post(
    '/api/stock/rebuild',
    {
      schema: {
        tags: ['stock'],
        summary: 'Recompute balances from the ledger (admin); returns how many rows were wrong',
        body: z
          .strictObject({
            itemIds: z.array(idSchema).max(10_000).optional().describe('Only these items; all when absent'),
          })
          .optional(),
        response: { 200: z.object({ fixed: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => rebuildBalances(ctx, actorOf(request), request.body ?? {}),
  );
};

export default stockRoutes;
