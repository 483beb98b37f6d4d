import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../core/request.ts';
import { badRequest } from '../core/errors.ts';

const AuditEntryView = z.object({
  id: z.string(),
  at: z.date(),
  userEmail: z.string(),
  action: z.string(),
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
      schema: { tags: ['audit'], querystring: z.object({ cursor: z.string().regex(/^\d+$/, 'cursor must be a number').optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }), response: { 200: z.object({ items: z.array(AuditEntryView), nextCursor: z.string().nullable() }) } },
    },
    async (request) => {
      const { orgId } = requireAuth(request);
      const { cursor, limit } = request.query;
      if (cursor && cursor.length > 18) throw badRequest('cursor is not one this API returned');
      let query = db
        .selectFrom('audit_log')
        .select(['id', 'at', 'actor as userEmail', 'action', 'target_type as targetType', 'target_id as targetId', 'ip', 'details'])
        .where('org_id', '=', orgId)
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (cursor) query = query.where('id', '<', cursor);
      const rows = await query.execute();
      const items = rows.slice(0, limit).map((r) => ({ ...r, id: String(r.id) }));
      return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
    },
  );
}
