import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../core/request.ts';
import { actionLabel } from './action-label.ts';
import { renderAuditDetails } from './audit-details.ts';
import { findAuditEntries } from './audit.queries.ts';
import { AUDIT_ACTIONS } from './audit.vocab.ts';

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
  /** The details as written, for programs. */
  details: z.record(z.string(), z.unknown()),
  /** The details for people, in the reader's language: a field and its value, or its value before → after. */
  detailLines: z.array(z.object({ field: z.string(), value: z.string().optional(), before: z.string().optional(), after: z.string().optional() })),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export async function auditRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;
  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        querystring: z.object({
          cursor: z.uuid({ message: 'cursor must be an entry id (a UUID)' }).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          action: z.enum(AUDIT_ACTIONS).optional(),
          actor: z.string().trim().min(1).max(320).optional(),
          from: day.optional(),
          to: day.optional(),
        }),
        response: { 200: z.object({ items: z.array(AuditEntryView), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const { orgId } = requireAuth(request);
      const page = await findAuditEntries(db, orgId, request.query);
      return {
        ...page,
        items: page.items.map((entry) => ({ ...entry, actionLabel: actionLabel(request.locale, entry.action), detailLines: renderAuditDetails(request.locale, entry.action, entry.details) })),
      };
    },
  );

  // The actions the log can hold, by name in the reader's language: the action filter's choices.
  app.get(
    '/api/audit/actions',
    { config: { access: 'audit.read' }, schema: { tags: ['audit'], response: { 200: z.object({ items: z.array(z.object({ id: z.string(), label: z.string() })) }) } } },
    async (request) => ({
      items: AUDIT_ACTIONS.map((id) => ({ id, label: actionLabel(request.locale, id) })).sort((a, b) => a.label.localeCompare(b.label, request.locale)),
    }),
  );
}
