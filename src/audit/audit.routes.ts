import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../core/request.ts';
import { badRequest } from '../core/errors.ts';
import { actionLabel } from './action-label.ts';
import { auditTexts } from './audit.messages.ts';
import { findAuditEntries } from './audit.queries.ts';

const AuditEntryView = z.object({
  id: z.string(),
  at: z.date(),
  userEmail: z.string(),
  /** The action's id (AUDIT_ACTIONS), for programs. */
  action: z.string(),
  /** The action's name in the reader's language. */
  actionLabel: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export async function auditRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;
  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        querystring: z.object({ cursor: z.string().regex(/^\d+$/, 'cursor must be a number').optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.object({ items: z.array(AuditEntryView), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const { orgId } = requireAuth(request);
      const { cursor, limit } = request.query;
      if (cursor && cursor.length > 18) throw badRequest(auditTexts.text('badCursor'));
      const page = await findAuditEntries(db, orgId, { cursor, limit });
      return { ...page, items: page.items.map((entry) => ({ ...entry, actionLabel: actionLabel(request.locale, entry.action) })) };
    },
  );
}
