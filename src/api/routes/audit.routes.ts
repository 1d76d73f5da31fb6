// The audit log, for admins: sign-ins, user and role changes, manual postings — newest first.
import { z } from 'zod';
import { AUDIT_ACTIONS } from '../../domain/audit.js';
import { listAuditLog } from '../../services/audit/audit.service.js';
import { actorOf } from '../auth.js';
import { errorResponses, idSchema, page, pageQuery, text, toPage } from '../schemas/common.js';
import type { RouteModule } from '../types.js';

const instant = z.iso.datetime({ offset: true }).describe('Date and time, ISO 8601 with Z or an offset');

export const auditEntry = z.object({
  id: z.string(),
  at: z.string().describe('When (UTC, ISO 8601)'),
  action: z.enum(AUDIT_ACTIONS),
  actorUserId: z.string().nullable().describe('The user who acted; null for failed sign-ins, sign-outs and the system'),
  username: z.string().nullable().describe('The user name acted as, or typed at a sign-in (which may not exist)'),
  address: z.string().nullable().describe('Client address of the request (sign-ins and sign-outs)'),
  subjectType: z.string().nullable().describe('What the act was about: user, posting'),
  subjectId: z.string().nullable(),
  details: z
    .record(z.string(), z.unknown())
    .describe(
      'What changed: { from, to } of a role or site, the failure reason of a sign-in (unknown_user, inactive, wrong_password), the key and lines of a posting',
    ),
});

const auditRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/audit-log',
    {
      schema: {
        tags: ['users'],
        summary: 'The audit log, newest first (admin)',
        querystring: z.strictObject({
          action: z.enum(AUDIT_ACTIONS).optional(),
          actorUserId: idSchema.optional().describe('Only acts by this user'),
          username: text().min(1).max(200).optional().describe('Only entries with exactly this user name'),
          subjectType: z.enum(['user', 'posting']).optional(),
          subjectId: text().min(1).max(40).optional(),
          from: instant.optional().describe('At or after this time'),
          to: instant.optional().describe('Before this time'),
          ...pageQuery,
        }),
        response: { 200: page(auditEntry), ...errorResponses },
      },
    },
    async (request) => {
      const { from, to, limit, offset, ...rest } = request.query;
      const rows = await listAuditLog(ctx, actorOf(request), {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
        limit,
        offset,
      });
      return toPage(rows, limit, offset);
    },
  );
};

export default auditRoutes;
